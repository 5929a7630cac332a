#include "format/units.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmscope::ui::units {

namespace {

// Free functions have no tr(); this context keeps the strings together for translators.
QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("swarmscope::ui::units", text, disambiguation);
}

QString unitName(int exponent)
{
    switch (exponent) {
    case 1: return tr("KiB");
    case 2: return tr("MiB");
    case 3: return tr("GiB");
    case 4: return tr("TiB");
    default: return tr("PiB");
    }
}

// Decimals that give three significant digits for a value in [1, 1024).
int decimalsFor(double value)
{
    if (value < 10.0)
        return 2;
    if (value < 100.0)
        return 1;
    return 0;
}

// Rounds `value` to `decimals` places the way QLocale::toString will print it.
double roundedTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

QString formatSize(qint64 bytes, const QLocale &locale)
{
    if (bytes < 0)
        return locale.negativeSign()
            + formatSize(bytes == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max()
                                                                     : -bytes,
                         locale);
    if (bytes < 1024)
        return tr("%1 B").arg(locale.toString(bytes));

    constexpr int maxExponent = 5; // PiB
    int exponent = 1;
    double value = static_cast<double>(bytes) / 1024.0;
    while (value >= 1024.0 && exponent < maxExponent) {
        value /= 1024.0;
        ++exponent;
    }
    // Decimals follow the value as printed: 9.996 rounds to "10.0", not "10.00".
    const auto decimalsAfterRounding = [](double v) {
        const int d = decimalsFor(v);
        return decimalsFor(roundedTo(v, d));
    };
    int decimals = decimalsAfterRounding(value);
    // 1023.7 KiB would print as "1024 KiB": step up to "1.00 MiB" instead.
    if (exponent < maxExponent && roundedTo(value, decimals) >= 1024.0) {
        value /= 1024.0;
        ++exponent;
        decimals = decimalsAfterRounding(value);
    }
    return tr("%1 %2", "number, unit").arg(locale.toString(value, 'f', decimals), unitName(exponent));
}

QString formatSizeWithBytes(qint64 bytes, const QLocale &locale)
{
    if (bytes >= 0 && bytes < 1024)
        return formatSize(bytes, locale);
    return tr("%1 (%2 bytes)").arg(formatSize(bytes, locale), locale.toString(bytes));
}

QString formatRate(qint64 bytesPerSecond, const QLocale &locale)
{
    return tr("%1/s", "transfer rate").arg(formatSize(std::max<qint64>(bytesPerSecond, 0), locale));
}

QString formatDuration(qint64 seconds, const QLocale &locale)
{
    if (seconds < 0)
        return QStringLiteral("∞");
    constexpr qint64 minute = 60;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    // Two units are enough to judge a wait; the second is zero-padded so columns line up.
    const auto pad = [&locale](qint64 n) {
        QString s = locale.toString(n);
        return n < 10 ? locale.toString(0) + s : s;
    };
    if (seconds < minute)
        return tr("%1s", "seconds").arg(locale.toString(seconds));
    if (seconds < hour)
        return tr("%1m %2s", "minutes seconds").arg(locale.toString(seconds / minute), pad(seconds % minute));
    if (seconds < day)
        return tr("%1h %2m", "hours minutes").arg(locale.toString(seconds / hour), pad(seconds % hour / minute));
    if (seconds >= 10000 * day) // beyond 27 years an estimate means nothing
        return QStringLiteral("∞");
    return tr("%1d %2h", "days hours").arg(locale.toString(seconds / day), pad(seconds % day / hour));
}

QString formatRatio(double ratio, const QLocale &locale)
{
    if (ratio < 0 || std::isinf(ratio) || std::isnan(ratio))
        return QStringLiteral("∞");
    return locale.toString(ratio, 'f', 2);
}

QString formatPercent(double fraction, const QLocale &locale)
{
    if (std::isnan(fraction) || fraction < 0)
        fraction = 0;
    double percent = std::min(fraction, 1.0) * 100.0;
    // 99.96% must not print as "100.0%" while pieces are still missing.
    if (fraction < 1.0 && roundedTo(percent, 1) >= 100.0)
        percent = 99.9;
    return tr("%1%", "percent").arg(locale.toString(percent, 'f', 1));
}

} // namespace swarmscope::ui::units
