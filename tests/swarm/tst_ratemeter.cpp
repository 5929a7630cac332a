// RateMeter: sliding-window byte rate with a fake clock.
#include "swarm/ratemeter.h"

#include <QTest>

using namespace std::chrono_literals;
using swarmscope::Duration;
using swarmscope::TimePoint;
using swarmscope::swarm::RateMeter;

namespace {

const TimePoint T0 = TimePoint{} + 1h;

// Feeds `bytesPerSecond` in equal chunks every `step` over [from, to), returns the next sample time.
TimePoint feed(RateMeter &m, TimePoint from, TimePoint to, std::int64_t bytesPerSecond,
               Duration step)
{
    const auto chunk = static_cast<std::int64_t>(
        static_cast<double>(bytesPerSecond) * std::chrono::duration<double>(step).count());
    TimePoint t = from;
    for (; t < to; t += step)
        m.add(chunk, t);
    return t;
}

} // namespace

class TestRateMeter : public QObject {
    Q_OBJECT
private slots:
    void steadyInputGivesItsRate_data();
    void steadyInputGivesItsRate();
    void youngMeterIsNotUnderstated();
    void decaysAfterInputStops();
    void burstLeavesExactlyAtWindowEdge();
    void shortSpanReactsFaster();
    void longIdleGapsAndOldTimes();
    void totalsAndDegenerateInput();
};

void TestRateMeter::steadyInputGivesItsRate_data()
{
    QTest::addColumn<qint64>("bytesPerSecond");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("windowS");
    QTest::newRow("10 kB/s, 100 ms") << qint64(10000) << qint64(100) << qint64(20);
    QTest::newRow("1 MB/s, 10 ms") << qint64(1000000) << qint64(10) << qint64(20);
    QTest::newRow("16 kB/s, 1 s samples") << qint64(16384) << qint64(1000) << qint64(20);
    QTest::newRow("500 B/s, 250 ms, 5 s window") << qint64(500) << qint64(250) << qint64(5);
    QTest::newRow("50 kB/s, 333 ms, 60 s") << qint64(50001) << qint64(333) << qint64(60);
}

void TestRateMeter::steadyInputGivesItsRate()
{
    QFETCH(qint64, bytesPerSecond);
    QFETCH(qint64, stepMs);
    QFETCH(qint64, windowS);
    RateMeter m{std::chrono::seconds(windowS)};
    QCOMPARE(m.window(), Duration(std::chrono::seconds(windowS)));
    const Duration step = std::chrono::milliseconds(stepMs);
    TimePoint t = feed(m, T0, T0 + std::chrono::seconds(windowS * 2), bytesPerSecond, step);
    // Sample at many instants, including mid-bucket ones: no saw-tooth at bucket edges.
    const double expected = static_cast<double>(bytesPerSecond);
    for (int i = 0; i < 40; ++i) {
        const double r = m.rate(t - step + step * i / 40);
        // One sample in the newest bucket is at most one step ahead of the clock.
        const double tolerance = expected * std::max(0.02, 1.2 * static_cast<double>(stepMs) /
                                                               (1000.0 * static_cast<double>(windowS)));
        QVERIFY2(std::abs(r - expected) <= tolerance,
                 qPrintable(QStringLiteral("rate %1 expected %2").arg(r).arg(expected)));
    }
    t = feed(m, t, t + 2700ms, bytesPerSecond, step);
    QVERIFY(std::abs(m.rate(t) - expected) <= expected * 0.06);
}

void TestRateMeter::youngMeterIsNotUnderstated()
{
    RateMeter m;
    m.start(T0);
    feed(m, T0, T0 + 3s, 8000, 100ms);
    // Three seconds of 8 kB/s is 8 kB/s, not 24 kB spread over a 20 s window.
    QVERIFY(std::abs(m.rate(T0 + 3s) - 8000.0) < 400.0);
    // A single block right at the start reads as at most one bucket's worth per second.
    RateMeter fresh;
    fresh.start(T0);
    fresh.add(16384, T0 + 10ms);
    QCOMPARE(fresh.rate(T0 + 10ms), 16384.0);
    // A peer that sat idle since connecting and then sent one block is not a fast peer.
    RateMeter late;
    late.start(T0);
    late.add(16384, T0 + 15s);
    QVERIFY(late.rate(T0 + 15s) < 1100.0);
}

void TestRateMeter::decaysAfterInputStops()
{
    RateMeter m;
    const TimePoint stop = feed(m, T0, T0 + 40s, 10000, 100ms);
    double previous = m.rate(stop);
    QVERIFY(std::abs(previous - 10000.0) < 200.0);
    for (TimePoint t = stop; t <= stop + 25s; t += 250ms) {
        const double r = m.rate(t);
        QVERIFY2(r <= previous + 1e-9, "the rate never rises without input");
        previous = r;
    }
    // About halfway through the window half the rate remains; a window plus a bucket later none.
    const double half = m.rate(stop + 10s);
    QVERIFY2(half > 4000.0 && half < 6000.0, qPrintable(QString::number(half)));
    QCOMPARE(m.rate(stop + 21s), 0.0);
    QCOMPARE(m.total(), std::int64_t(400 * 1000));
}

void TestRateMeter::burstLeavesExactlyAtWindowEdge()
{
    RateMeter m; // 20 one-second buckets
    m.start(T0);
    m.add(20000, T0 + 10500ms); // in bucket [10 s, 11 s) after T0
    QCOMPARE(m.rate(T0 + 20s), 1000.0);
    QCOMPARE(m.rate(T0 + 30s), 20000.0 / 20.0);
    QVERIFY(std::abs(m.rate(T0 + 30999ms) - 20000.0 / 20.999) < 1e-6);
    QCOMPARE(m.rate(T0 + 31s), 0.0);
    // Other bucket widths put the edge elsewhere.
    RateMeter coarse(10s, 5s);
    coarse.start(T0);
    coarse.add(5000, T0 + 1s); // bucket [0, 5 s)
    QVERIFY(coarse.rate(T0 + 14999ms) > 0.0);
    QCOMPARE(coarse.rate(T0 + 15s), 0.0);
}

void TestRateMeter::shortSpanReactsFaster()
{
    RateMeter m;
    TimePoint t = feed(m, T0, T0 + 30s, 2000, 100ms);
    t = feed(m, t, t + 5s, 20000, 100ms); // speeds up for 5 s
    const double fiveSecond = m.rate(t, 5s);
    const double full = m.rate(t);
    QVERIFY2(fiveSecond > 18000.0, qPrintable(QString::number(fiveSecond)));
    QVERIFY2(full > 5500.0 && full < 7500.0, qPrintable(QString::number(full)));
    // After stopping, the short span reaches zero long before the full window.
    QCOMPARE(m.rate(t + 6s, 5s), 0.0);
    QVERIFY(m.rate(t + 6s) > 0.0);
    // A span longer than the window is the window.
    QCOMPARE(m.rate(t, 1h), m.rate(t));
}

void TestRateMeter::longIdleGapsAndOldTimes()
{
    RateMeter m;
    m.add(1000000, T0);
    // Decades of idleness: stale buckets must not count and nothing may loop over the gap.
    const TimePoint later = T0 + std::chrono::hours(24 * 365 * 30);
    QCOMPARE(m.rate(later), 0.0);
    m.add(500, later);
    QCOMPARE(m.rate(later + 500ms), 500.0 / 20.5);
    QCOMPARE(m.total(), std::int64_t(1000500));
    // An add whose bucket number maps onto an old, stale slot of the ring replaces it.
    m.add(700, later + 21s);
    QCOMPARE(m.rate(later + 21s), 700.0 / 20.0);

    // Time points before the clock's epoch work too (steady_clock may start anywhere).
    RateMeter early;
    const TimePoint neg = TimePoint{} - 100s;
    feed(early, neg, neg + 20s, 3000, 500ms);
    QVERIFY(std::abs(early.rate(neg + 20s) - 3000.0) < 100.0);

    // A `now` older than the latest sample is clamped: no negative or inflated rate.
    RateMeter back;
    back.add(4000, T0 + 10s);
    back.add(4000, T0 + 5s);
    QCOMPARE(back.total(), std::int64_t(8000));
    QCOMPARE(back.rate(T0), back.rate(T0 + 10s));
    QCOMPARE(back.rate(T0 + 10s), 8000.0);
}

void TestRateMeter::totalsAndDegenerateInput()
{
    RateMeter m;
    QCOMPARE(m.rate(T0), 0.0);
    QVERIFY(!m.started());
    m.add(0, T0);
    m.add(-50, T0);
    QCOMPARE(m.total(), std::int64_t(0));
    QCOMPARE(m.rate(T0 + 1s), 0.0);
    m.add(100, T0 + 1s);
    m.add(200, T0 + 1s);
    QCOMPARE(m.total(), std::int64_t(300));
    // A zero or tiny window still keeps one bucket.
    RateMeter tiny(Duration::zero());
    tiny.add(10, T0);
    QCOMPARE(tiny.window(), Duration(1s));
    QCOMPARE(tiny.rate(T0), 10.0);
}

QTEST_GUILESS_MAIN(TestRateMeter)
#include "tst_ratemeter.moc"
