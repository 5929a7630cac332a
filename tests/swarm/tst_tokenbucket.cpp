// TokenBucket: rate limits, bursts, rate changes and global + per-torrent limits together.
#include "swarm/tokenbucket.h"

#include <QTest>

using namespace std::chrono_literals;
using swarmscope::Duration;
using swarmscope::TimePoint;
using swarmscope::swarm::requestFromAll;
using swarmscope::swarm::timeUntilAll;
using swarmscope::swarm::TokenBucket;

namespace {
const TimePoint T0 = TimePoint{} + 1h;
}

class TestTokenBucket : public QObject {
    Q_OBJECT
private slots:
    void unlimitedGrantsEverything();
    void burstThenRate();
    void limitsAverageRateOverTime_data();
    void limitsAverageRateOverTime();
    void timeUntilIsEnough_data();
    void timeUntilIsEnough();
    void defaultBurst();
    void rateChangeKeepsEarnedCredit();
    void switchingUnlimited();
    void globalAndTorrentCombine();
    void combinedWaitAndSharedLimit();
};

void TestTokenBucket::unlimitedGrantsEverything()
{
    TokenBucket b;
    QVERIFY(b.unlimited());
    QCOMPARE(b.request(std::int64_t(1) << 40, T0), std::int64_t(1) << 40);
    QCOMPARE(b.request(5, T0), std::int64_t(5));
    QCOMPARE(b.timeUntil(1 << 30, T0), Duration::zero());
    QCOMPARE(b.request(0, T0), std::int64_t(0));
    QCOMPARE(b.request(-3, T0), std::int64_t(0));
    TokenBucket zero(0, 1000, T0);
    QVERIFY(zero.unlimited());
    QCOMPARE(zero.request(123456, T0), std::int64_t(123456));
}

void TestTokenBucket::burstThenRate()
{
    TokenBucket b(1000, 5000, T0);
    QCOMPARE(b.request(10000, T0), std::int64_t(5000)); // starts full: one burst at once
    QCOMPARE(b.request(1, T0), std::int64_t(0));
    QCOMPARE(b.timeUntil(1000, T0), Duration(1s));
    QCOMPARE(b.request(1000, T0 + 500ms), std::int64_t(500));
    QCOMPARE(b.request(1000, T0 + 1500ms), std::int64_t(1000));
    // Idle time fills the bucket only up to the burst.
    QCOMPARE(b.available(T0 + 1h), std::int64_t(5000));
    // A wait longer than the burst allows is capped: the burst is all it will ever hold.
    QCOMPARE(b.timeUntil(1000000, T0 + 1h), Duration::zero());
    QCOMPARE(b.request(4000, T0 + 1h), std::int64_t(4000));
    QCOMPARE(b.timeUntil(1000000, T0 + 1h), Duration(4s));
    // Fractions of a byte carry over instead of being lost.
    TokenBucket slow(3, 3, T0);
    QCOMPARE(slow.request(3, T0), std::int64_t(3));
    std::int64_t got = 0;
    for (int i = 1; i <= 300; ++i)
        got += slow.request(100, T0 + 10ms * i); // 0.03 byte per step
    QCOMPARE(got, std::int64_t(9));
}

void TestTokenBucket::limitsAverageRateOverTime_data()
{
    QTest::addColumn<qint64>("rate");
    QTest::addColumn<qint64>("burst");
    QTest::addColumn<qint64>("chunk");
    QTest::addColumn<qint64>("stepUs");
    QTest::newRow("100 kB/s, small chunks, 1 ms") << qint64(100000) << qint64(16384) << qint64(1400) << qint64(1000);
    QTest::newRow("1 kB/s, block chunks, 50 ms") << qint64(1000) << qint64(16384) << qint64(16384) << qint64(50000);
    QTest::newRow("10 MB/s, 64 kB chunks, 3 ms") << qint64(10000000) << qint64(0) << qint64(65536) << qint64(3000);
    QTest::newRow("7 B/s, 1 B chunks, 37 ms") << qint64(7) << qint64(2) << qint64(1) << qint64(37000);
    QTest::newRow("333 kB/s, irregular step") << qint64(333333) << qint64(50000) << qint64(30000) << qint64(7919);
}

void TestTokenBucket::limitsAverageRateOverTime()
{
    QFETCH(qint64, rate);
    QFETCH(qint64, burst);
    QFETCH(qint64, chunk);
    QFETCH(qint64, stepUs);
    TokenBucket b(rate, burst, T0);
    const Duration step = std::chrono::microseconds(stepUs);
    const Duration total = 60s;
    std::int64_t granted = 0;
    std::int64_t maxAfterFirstSecond = 0;
    for (TimePoint t = T0; t < T0 + total; t += step) {
        granted += b.request(chunk, t); // demand always exceeds the limit
        if (t - T0 < 1s)
            maxAfterFirstSecond = granted;
    }
    const double seconds = std::chrono::duration<double>(total).count();
    const double bound = static_cast<double>(b.burst()) + static_cast<double>(rate) * seconds;
    QVERIFY2(static_cast<double>(granted) <= bound,
             qPrintable(QStringLiteral("granted %1 > bound %2").arg(granted).arg(bound)));
    // Saturating demand gets the whole allowance, give or take a chunk and a step.
    const double floor = static_cast<double>(rate) * (seconds - 2.0 * std::chrono::duration<double>(step).count())
                         - static_cast<double>(chunk);
    QVERIFY2(static_cast<double>(granted) >= floor,
             qPrintable(QStringLiteral("granted %1 < %2").arg(granted).arg(floor)));
    QVERIFY(static_cast<double>(maxAfterFirstSecond) <= static_cast<double>(b.burst()) + static_cast<double>(rate));
}

void TestTokenBucket::timeUntilIsEnough_data()
{
    QTest::addColumn<qint64>("rate");
    QTest::addColumn<qint64>("want");
    QTest::newRow("1000 B/s, 1 block") << qint64(1000) << qint64(16384);
    QTest::newRow("3 B/s, 10 B") << qint64(3) << qint64(10);
    QTest::newRow("7777777 B/s, 1 MB") << qint64(7777777) << qint64(1000000);
    QTest::newRow("999 B/s, 1 B") << qint64(999) << qint64(1);
}

void TestTokenBucket::timeUntilIsEnough()
{
    QFETCH(qint64, rate);
    QFETCH(qint64, want);
    TokenBucket b(rate, want * 2, T0);
    b.request(want * 2, T0); // empty it
    QCOMPARE(b.request(1, T0), std::int64_t(0));
    const Duration wait = b.timeUntil(want, T0);
    QVERIFY(wait > Duration::zero());
    // Not a moment too early: a little before the wait, the amount is not there yet...
    QVERIFY(b.available(T0 + wait - 2ms) < want || wait <= 2ms);
    // ...and after it, it is.
    QCOMPARE(b.request(want, T0 + wait), want);
}

void TestTokenBucket::defaultBurst()
{
    QCOMPARE(TokenBucket(1000, 0, T0).burst(), TokenBucket::kMinDefaultBurst);
    QCOMPARE(TokenBucket(1000000, 0, T0).burst(), std::int64_t(1000000));
    QCOMPARE(TokenBucket(1000, 10, T0).burst(), std::int64_t(10));
    QCOMPARE(TokenBucket(1000, -1, T0).burst(), TokenBucket::kMinDefaultBurst);
}

void TestTokenBucket::rateChangeKeepsEarnedCredit()
{
    TokenBucket b(1000, 100000, T0);
    b.request(100000, T0); // empty
    // Two seconds at 1000 B/s earn 2000; raising the limit then does not pay those at 10x.
    b.setRate(10000, 100000, T0 + 2s);
    QCOMPARE(b.available(T0 + 2s), std::int64_t(2000));
    // From now on the new rate applies.
    QCOMPARE(b.available(T0 + 3s), std::int64_t(12000));
    // Lowering the limit (and burst) takes effect at once: the balance is capped.
    b.setRate(500, 1000, T0 + 3s);
    QCOMPARE(b.available(T0 + 3s), std::int64_t(1000));
    QCOMPARE(b.request(5000, T0 + 3s), std::int64_t(1000));
    QCOMPARE(b.available(T0 + 5s), std::int64_t(1000));
    // Lowering the rate with a bigger burst does not forfeit earned credit.
    b.request(1000, T0 + 5s);
    b.setRate(100, 50000, T0 + 7s); // earned 2 s x 500 = 1000 at the old rate first
    QCOMPARE(b.available(T0 + 7s), std::int64_t(1000));
    QCOMPARE(b.available(T0 + 8s), std::int64_t(1100));
    // A setRate with a time older than the last use earns nothing and costs nothing.
    b.setRate(100, 50000, T0 + 1s);
    QCOMPARE(b.available(T0 + 8s), std::int64_t(1100));
}

void TestTokenBucket::switchingUnlimited()
{
    TokenBucket b;
    b.request(1 << 30, T0);
    // Becoming limited starts like a new bucket: full, not in debt for unlimited traffic.
    b.setRate(2000, 4000, T0 + 1s);
    QCOMPARE(b.request(10000, T0 + 1s), std::int64_t(4000));
    QCOMPARE(b.request(10000, T0 + 2s), std::int64_t(2000));
    b.setRate(0, 0, T0 + 2s);
    QVERIFY(b.unlimited());
    QCOMPARE(b.request(1 << 20, T0 + 2s), std::int64_t(1 << 20));
}

void TestTokenBucket::globalAndTorrentCombine()
{
    TokenBucket global(10000, 10000, T0);
    TokenBucket torrentA(4000, 4000, T0);
    TokenBucket torrentB; // no per-torrent limit
    // A's own limit binds; both buckets pay.
    QCOMPARE(requestFromAll({&global, &torrentA}, 8000, T0), std::int64_t(4000));
    QCOMPARE(global.available(T0), std::int64_t(6000));
    QCOMPARE(torrentA.available(T0), std::int64_t(0));
    // B is only bound by what is left globally.
    QCOMPARE(requestFromAll({&global, &torrentB}, 8000, T0), std::int64_t(6000));
    QCOMPARE(requestFromAll({&global, &torrentB}, 8000, T0), std::int64_t(0));
    // Nothing is charged when one bucket is empty.
    TokenBucket torrentC(5000, 5000, T0);
    QCOMPARE(requestFromAll({&global, &torrentC}, 100, T0), std::int64_t(0));
    QCOMPARE(torrentC.available(T0), std::int64_t(5000));
    // Both refill at their own rates.
    QCOMPARE(requestFromAll({&global, &torrentA}, 100, T0 + 100ms), std::int64_t(100));
    QCOMPARE(global.available(T0 + 100ms), std::int64_t(900));
    QCOMPARE(torrentA.available(T0 + 100ms), std::int64_t(300));
    // Null entries mean "no limit at this level".
    QCOMPARE(requestFromAll({nullptr, &torrentA}, 1000, T0 + 100ms), std::int64_t(300));
    TokenBucket *const none[] = {nullptr};
    QCOMPARE(requestFromAll(none, 77, T0), std::int64_t(77));
}

void TestTokenBucket::combinedWaitAndSharedLimit()
{
    TokenBucket global(10000, 20000, T0);
    TokenBucket torrent(2000, 4000, T0);
    requestFromAll({&global, &torrent}, 4000, T0);
    // The torrent needs 1 s for 2000 bytes, the global bucket has them now: wait for the later.
    QCOMPARE(timeUntilAll({&global, &torrent}, 2000, T0), Duration(1s));
    // A request larger than the torrent's burst waits only for what the torrent can hold.
    QCOMPARE(timeUntilAll({&global, &torrent}, 1000000, T0), Duration(2s));
    QCOMPARE(requestFromAll({&global, &torrent}, 1000000, T0 + 2s), std::int64_t(4000));
    // The cap is the smallest burst of all: a slow global bucket with a big burst is not waited
    // on to fill up when the torrent could never take that much at once.
    TokenBucket slowGlobal(1000, 50000, T0);
    slowGlobal.request(40000, T0);
    TokenBucket smallTorrent(10000, 4000, T0);
    QCOMPARE(timeUntilAll({&slowGlobal, &smallTorrent}, 1000000, T0), Duration::zero());
    QCOMPARE(requestFromAll({&slowGlobal, &smallTorrent}, 1000000, T0), std::int64_t(4000));
    QCOMPARE(timeUntilAll({&slowGlobal, &smallTorrent}, 1000000, T0), Duration(400ms));

    // Two torrents under one global limit over a minute: neither exceeds its own limit and the
    // sum never exceeds the global one.
    TokenBucket g(30000, 30000, T0);
    TokenBucket a(20000, 20000, T0);
    TokenBucket b(25000, 25000, T0);
    std::int64_t gotA = 0;
    std::int64_t gotB = 0;
    for (TimePoint t = T0; t < T0 + 60s; t += 10ms) {
        gotA += requestFromAll({&g, &a}, 1500, t);
        gotB += requestFromAll({&g, &b}, 1500, t);
    }
    QVERIFY(gotA <= 20000 + 20000 * 60);
    QVERIFY(gotB <= 25000 + 25000 * 60);
    QVERIFY(gotA + gotB <= 30000 + 30000 * 60);
    QVERIFY(gotA + gotB >= 30000 * 59); // the global allowance is used, not wasted
}

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
