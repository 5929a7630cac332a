// Human-readable sizes, rates, durations and ratios for the UI.
//
// Sizes use binary (IEC) units because piece lengths and file sizes in torrents are powers of
// two; every number goes through the given QLocale so a German user sees "1,50 MiB".
#pragma once

#include <QLocale>
#include <QString>

namespace swarmscope::ui::units {

// "0 B", "1,023 B", "1.00 KiB", "15.5 MiB", "256 GiB", up to PiB. Three significant digits
// above 1 KiB; a value that rounds up to 1024 of one unit is shown as 1.00 of the next.
QString formatSize(qint64 bytes, const QLocale &locale = QLocale());

// formatSize plus the exact byte count: "1.50 MiB (1,572,864 bytes)".
QString formatSizeWithBytes(qint64 bytes, const QLocale &locale = QLocale());

// "1.50 MiB/s", "0 B/s"; a negative rate counts as zero.
QString formatRate(qint64 bytesPerSecond, const QLocale &locale = QLocale());

// Remaining time: "42s", "5m 03s", "2h 05m", "3d 04h"; negative means unknown: "∞".
QString formatDuration(qint64 seconds, const QLocale &locale = QLocale());

// Share ratio with two decimals; negative (not yet known) or infinite gives "∞".
QString formatRatio(double ratio, const QLocale &locale = QLocale());

// A 0..1 fraction as a percentage with one decimal: "42.5%". 100% only when exactly done.
QString formatPercent(double fraction, const QLocale &locale = QLocale());

} // namespace swarmscope::ui::units
