#include "format/units.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace swarmscope::ui;

class tst_Units : public QObject {
    Q_OBJECT

private slots:
    void size_data();
    void size();
    void sizeWithBytes();
    void rate();
    void duration_data();
    void duration();
    void ratio();
    void percent_data();
    void percent();
};

namespace {
const QLocale C = QLocale::c();
const QLocale German(QLocale::German, QLocale::Germany);
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 TiB = 1024 * GiB;
constexpr qint64 PiB = 1024 * TiB;
} // namespace

void tst_Units::size_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const QLocale &locale, qint64 bytes, const char *expected) {
        QTest::newRow(name) << locale << bytes << QString::fromUtf8(expected);
    };
    row("zero", C, 0, "0 B");
    row("one byte", C, 1, "1 B");
    row("last byte count", C, 1023, "1023 B");
    row("first KiB", C, KiB, "1.00 KiB");
    row("1.5 KiB", C, 1536, "1.50 KiB");
    row("rounds up to 1.50", C, 1535, "1.50 KiB");
    row("9.999 KiB prints 10.0", C, 10 * KiB - 1, "10.0 KiB");
    row("99.949 KiB", C, 102348, "99.9 KiB");
    row("99.950 KiB prints 100", C, 102349, "100 KiB");
    row("1023.499 KiB", C, 1048063, "1023 KiB");
    row("1023.5 KiB steps up", C, 1048064, "1.00 MiB");
    row("one below MiB", C, MiB - 1, "1.00 MiB");
    row("MiB", C, MiB, "1.00 MiB");
    row("GiB", C, GiB, "1.00 GiB");
    row("TiB", C, TiB, "1.00 TiB");
    row("PiB", C, PiB, "1.00 PiB");
    row("beyond PiB stays PiB", C, 2000 * PiB, "2000 PiB");
    row("qint64 max", C, std::numeric_limits<qint64>::max(), "8192 PiB");
    row("negative", C, -1536, "-1.50 KiB");
    row("de zero", German, 0, "0 B");
    row("de grouping", German, 1023, "1.023 B");
    row("de decimal comma", German, 1536, "1,50 KiB");
    row("de one decimal", German, 15 * MiB + MiB / 2, "15,5 MiB");
    row("de grouped KiB", German, 1048063, "1.023 KiB");
}

void tst_Units::size()
{
    QFETCH(QLocale, locale);
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(units::formatSize(bytes, locale), expected);
}

void tst_Units::sizeWithBytes()
{
    QCOMPARE(units::formatSizeWithBytes(512, C), QStringLiteral("512 B"));
    QCOMPARE(units::formatSizeWithBytes(147200, C), QStringLiteral("144 KiB (147200 bytes)"));
    QCOMPARE(units::formatSizeWithBytes(147200, German), QStringLiteral("144 KiB (147.200 bytes)"));
}

void tst_Units::rate()
{
    QCOMPARE(units::formatRate(0, C), QStringLiteral("0 B/s"));
    QCOMPARE(units::formatRate(-5, C), QStringLiteral("0 B/s"));
    QCOMPARE(units::formatRate(1536, C), QStringLiteral("1.50 KiB/s"));
    QCOMPARE(units::formatRate(3 * MiB / 2, German), QStringLiteral("1,50 MiB/s"));
}

void tst_Units::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown") << qint64(-1) << QStringLiteral("∞");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
    QTest::newRow("59s") << qint64(59) << QStringLiteral("59s");
    QTest::newRow("one minute") << qint64(60) << QStringLiteral("1m 00s");
    QTest::newRow("padded seconds") << qint64(65) << QStringLiteral("1m 05s");
    QTest::newRow("last minute of the hour") << qint64(3599) << QStringLiteral("59m 59s");
    QTest::newRow("one hour") << qint64(3600) << QStringLiteral("1h 00m");
    QTest::newRow("last minute of the day") << qint64(86399) << QStringLiteral("23h 59m");
    QTest::newRow("one day") << qint64(86400) << QStringLiteral("1d 00h");
    QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600 + 59) << QStringLiteral("3d 04h");
    QTest::newRow("last meaningful") << qint64(9999LL * 86400) << QStringLiteral("9999d 00h");
    QTest::newRow("meaningless") << qint64(10000LL * 86400) << QStringLiteral("∞");
}

void tst_Units::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(units::formatDuration(seconds, C), expected);
}

void tst_Units::ratio()
{
    QCOMPARE(units::formatRatio(0, C), QStringLiteral("0.00"));
    QCOMPARE(units::formatRatio(1.234, C), QStringLiteral("1.23"));
    QCOMPARE(units::formatRatio(1.5, German), QStringLiteral("1,50"));
    QCOMPARE(units::formatRatio(-1, C), QStringLiteral("∞"));
    QCOMPARE(units::formatRatio(std::numeric_limits<double>::infinity(), C), QStringLiteral("∞"));
}

void tst_Units::percent_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << C << 0.0 << QStringLiteral("0.0%");
    QTest::newRow("half") << C << 0.5 << QStringLiteral("50.0%");
    QTest::newRow("almost done is not 100") << C << 0.9999 << QStringLiteral("99.9%");
    QTest::newRow("done") << C << 1.0 << QStringLiteral("100.0%");
    QTest::newRow("over one clamps") << C << 1.5 << QStringLiteral("100.0%");
    QTest::newRow("negative clamps") << C << -0.2 << QStringLiteral("0.0%");
    QTest::newRow("nan") << C << std::nan("") << QStringLiteral("0.0%");
    QTest::newRow("de") << German << 0.125 << QStringLiteral("12,5%");
}

void tst_Units::percent()
{
    QFETCH(QLocale, locale);
    QFETCH(double, fraction);
    QFETCH(QString, expected);
    QCOMPARE(units::formatPercent(fraction, locale), expected);
}

QTEST_APPLESS_MAIN(tst_Units)
#include "tst_units.moc"
