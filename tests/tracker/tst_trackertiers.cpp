// BEP 12 tiers with a fake clock: order, failover, promotion, back-off, events and intervals.
#include "tracker/trackertiers.h"

#include <QSet>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using std::chrono::seconds;

namespace {

const TimePoint T0 = TimePoint{} + std::chrono::hours(1);

AnnounceResponse ok(qint64 interval = 900, std::optional<qint64> minInterval = std::nullopt)
{
    AnnounceResponse r;
    r.interval = interval;
    r.minInterval = minInterval;
    return r;
}

// Tracker index by URL, independent of the shuffle.
int indexOf(const TrackerTiers &t, const QString &url)
{
    for (int i = 0; i < t.trackerCount(); ++i) {
        if (t.state(i).url == url)
            return i;
    }
    return -1;
}

QStringList urlsOfTier(const TrackerTiers &t, int tier)
{
    QStringList out;
    for (const int i : t.tierOrder()[tier])
        out << t.state(i).url;
    return out;
}

const QList<QStringList> twoTiers = {{QStringLiteral("http://a1/announce"), QStringLiteral("http://a2/announce")},
                                     {QStringLiteral("http://b1/announce")}};

} // namespace

class TestTrackerTiers : public QObject {
    Q_OBJECT
private slots:
    void shuffleOncePerTier();
    void dropsEmptyAndDuplicates();
    void idleUntilStarted();
    void successSchedulesInterval();
    void failoverWithinTierThenNextTier();
    void successMovesTrackerToFront();
    void higherTierRetriedNextRound();
    void backoffDoublesAndCaps();
    void startedPerTracker();
    void completedOnce();
    void completedWhileInFlight();
    void stopSendsStoppedToAcknowledged();
    void announceNowRespectsMinInterval();
    void announceNowClearsBackoff();
    void intervalClamping();
    void failureReasonCountsAsFailure();
    void staleResultsIgnored();
    void stateForTheTrackersTab();
};

void TestTrackerTiers::shuffleOncePerTier()
{
    QStringList tier0;
    for (int i = 0; i < 6; ++i)
        tier0 << QStringLiteral("http://t%1/announce").arg(i);
    const QList<QStringList> tiers = {tier0, {QStringLiteral("http://x/announce"), QStringLiteral("http://y/announce")}};
    QSet<QStringList> orders;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 rng(seed);
        TrackerTiers t(tiers, rng);
        QCOMPARE(t.tierOrder().size(), 2);
        QStringList got = urlsOfTier(t, 0);
        orders.insert(got);
        std::sort(got.begin(), got.end());
        QCOMPARE(got, tier0); // a permutation of its own tier, nothing mixed in
        QStringList second = urlsOfTier(t, 1);
        std::sort(second.begin(), second.end());
        QCOMPARE(second, tiers[1]);
        // Same seed, same order: the caller controls the randomness.
        std::mt19937 again(seed);
        QCOMPARE(urlsOfTier(TrackerTiers(tiers, again), 0), urlsOfTier(t, 0));
    }
    QVERIFY(orders.size() > 5);
}

void TestTrackerTiers::dropsEmptyAndDuplicates()
{
    std::mt19937 rng(1);
    TrackerTiers t({{QStringLiteral(" http://a/announce "), QString()}, {}, {QStringLiteral("http://a/announce")},
                    {QStringLiteral("http://b/announce")}},
                   rng);
    QCOMPARE(t.trackerCount(), 2);
    QCOMPARE(t.tierOrder().size(), 2);
    QCOMPARE(t.state(0).url, QStringLiteral("http://a/announce"));
    QCOMPARE(t.state(1).tier, 1);
}

void TestTrackerTiers::idleUntilStarted()
{
    std::mt19937 rng(1);
    TrackerTiers t(twoTiers, rng);
    QVERIFY(!t.isRunning());
    QVERIFY(!t.nextWakeUp());
    QVERIFY(!t.nextJob(T0));
    t.start(T0);
    QCOMPARE(t.nextWakeUp().value(), T0);
    const auto job = t.nextJob(T0);
    QVERIFY(job);
    QCOMPARE(job->tracker, t.tierOrder()[0][0]);
    QCOMPARE(job->event, AnnounceEvent::Started);
    QVERIFY(t.state(job->tracker).updating);
    // One announce at a time.
    QVERIFY(!t.nextWakeUp());
    QVERIFY(!t.nextJob(T0 + seconds(5000)));
}

void TestTrackerTiers::successSchedulesInterval()
{
    std::mt19937 rng(2);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    auto job = t.nextJob(T0);
    AnnounceResponse r = ok(900);
    r.trackerId = "tid";
    t.onSuccess(*job, r, T0 + seconds(1));
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(901));
    QVERIFY(!t.nextJob(T0 + seconds(900)));
    const auto again = t.nextJob(T0 + seconds(901));
    QVERIFY(again);
    QCOMPARE(again->tracker, job->tracker);
    QCOMPARE(again->event, AnnounceEvent::None);
    QCOMPARE(again->trackerId, QByteArray("tid")); // echoed back
}

void TestTrackerTiers::failoverWithinTierThenNextTier()
{
    std::mt19937 rng(3);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const int first = t.tierOrder()[0][0];
    const int second = t.tierOrder()[0][1];
    auto job = t.nextJob(T0);
    QCOMPARE(job->tracker, first);
    t.onFailure(*job, QStringLiteral("connection refused"), T0);
    job = t.nextJob(T0); // at once, no waiting
    QVERIFY(job);
    QCOMPARE(job->tracker, second);
    QCOMPARE(job->event, AnnounceEvent::Started);
    t.onFailure(*job, QStringLiteral("timeout"), T0);
    job = t.nextJob(T0);
    QVERIFY(job);
    QCOMPARE(t.state(job->tracker).url, QStringLiteral("http://b1/announce"));
    QCOMPARE(t.state(first).lastError, QStringLiteral("connection refused"));
    QCOMPARE(t.state(first).failures, 1);
    QVERIFY(!t.state(first).working);
}

void TestTrackerTiers::successMovesTrackerToFront()
{
    std::mt19937 rng(4);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const int first = t.tierOrder()[0][0];
    const int second = t.tierOrder()[0][1];
    t.onFailure(*t.nextJob(T0), QStringLiteral("down"), T0);
    auto job = t.nextJob(T0);
    QCOMPARE(job->tracker, second);
    t.onSuccess(*job, ok(900), T0);
    QCOMPARE(t.tierOrder()[0], (QList<int>{second, first}));
    // The next round starts with the tracker that worked.
    job = t.nextJob(T0 + seconds(900));
    QCOMPARE(job->tracker, second);
    QCOMPARE(job->event, AnnounceEvent::None);
}

void TestTrackerTiers::higherTierRetriedNextRound()
{
    std::mt19937 rng(5);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    t.onFailure(*t.nextJob(T0), QStringLiteral("down"), T0);
    t.onFailure(*t.nextJob(T0), QStringLiteral("down"), T0);
    auto job = t.nextJob(T0);
    const int b1 = indexOf(t, QStringLiteral("http://b1/announce"));
    QCOMPARE(job->tracker, b1);
    t.onSuccess(*job, ok(1800), T0);
    QCOMPARE(t.tierOrder()[1][0], b1);
    // An interval later the back-offs (30 s) are over: BEP 12 goes back to the first tier.
    job = t.nextJob(T0 + seconds(1800));
    QCOMPARE(t.state(job->tracker).tier, 0);
    QCOMPARE(job->event, AnnounceEvent::Started); // that tracker never acknowledged us
}

void TestTrackerTiers::backoffDoublesAndCaps()
{
    std::mt19937 rng(6);
    TiersSettings s;
    s.retryBase = seconds(10);
    s.retryMax = seconds(60);
    TrackerTiers t({{QStringLiteral("http://only/announce")}}, rng, s);
    t.start(T0);
    TimePoint now = T0;
    const QList<int> expected = {10, 20, 40, 60, 60};
    for (const int wait : expected) {
        const auto job = t.nextJob(now);
        QVERIFY(job);
        t.onFailure(*job, QStringLiteral("down"), now);
        QVERIFY(!t.nextJob(now)); // the only tracker is backing off
        QCOMPARE(t.nextWakeUp().value(), now + seconds(wait));
        QCOMPARE(t.state(0).nextAnnounce.value(), now + seconds(wait));
        QVERIFY(!t.nextJob(now + seconds(wait - 1)));
        now += seconds(wait);
    }
    QCOMPARE(t.state(0).failures, 5);
    t.onSuccess(*t.nextJob(now), ok(), now);
    QCOMPARE(t.state(0).failures, 0);
    QVERIFY(t.state(0).lastError.isEmpty());
}

void TestTrackerTiers::startedPerTracker()
{
    std::mt19937 rng(7);
    TrackerTiers t({{QStringLiteral("http://a/announce"), QStringLiteral("http://b/announce")}}, rng);
    t.start(T0);
    auto job = t.nextJob(T0);
    const int first = job->tracker;
    t.onSuccess(*job, ok(100), T0);
    job = t.nextJob(T0 + seconds(100));
    QCOMPARE(job->event, AnnounceEvent::None);
    t.onFailure(*job, QStringLiteral("down"), T0 + seconds(100));
    job = t.nextJob(T0 + seconds(100));
    QVERIFY(job->tracker != first);
    QCOMPARE(job->event, AnnounceEvent::Started); // new tracker, new registration
}

void TestTrackerTiers::completedOnce()
{
    std::mt19937 rng(8);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    t.onSuccess(*t.nextJob(T0), ok(900), T0);
    t.setCompleted(T0 + seconds(300));
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(300)); // not an interval later
    auto job = t.nextJob(T0 + seconds(300));
    QCOMPARE(job->event, AnnounceEvent::Completed);
    t.onFailure(*job, QStringLiteral("down"), T0 + seconds(300));
    job = t.nextJob(T0 + seconds(300));
    QCOMPARE(job->event, AnnounceEvent::Completed); // still owed, goes to the next tracker
    t.onSuccess(*job, ok(900), T0 + seconds(301));
    t.setCompleted(T0 + seconds(400)); // once only
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(1201));
    QCOMPARE(t.nextJob(T0 + seconds(1201))->event, AnnounceEvent::None);
}

void TestTrackerTiers::completedWhileInFlight()
{
    std::mt19937 rng(9);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const auto job = t.nextJob(T0);
    t.setCompleted(T0 + seconds(1));
    QVERIFY(!t.nextWakeUp());
    t.onSuccess(*job, ok(900), T0 + seconds(2));
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(2));
    QCOMPARE(t.nextJob(T0 + seconds(2))->event, AnnounceEvent::Completed);
}

void TestTrackerTiers::stopSendsStoppedToAcknowledged()
{
    std::mt19937 rng(10);
    TrackerTiers t({{QStringLiteral("http://a/announce"), QStringLiteral("http://b/announce")},
                    {QStringLiteral("http://c/announce")}},
                   rng);
    t.start(T0);
    auto job = t.nextJob(T0);
    const int acked = job->tracker;
    t.onSuccess(*job, ok(60), T0);
    job = t.nextJob(T0 + seconds(60));
    t.onFailure(*job, QStringLiteral("down"), T0 + seconds(60));
    const auto inFlight = t.nextJob(T0 + seconds(60)); // the other tier-0 tracker, still out
    QVERIFY(inFlight->tracker != acked);
    const QList<AnnounceJob> stops = t.stop(T0 + seconds(61));
    // The acknowledged tracker (its last announce failed, but it knows us) and the one in flight.
    QCOMPARE(stops.size(), 2);
    QSet<int> targets;
    for (const auto &s : stops) {
        QCOMPARE(s.event, AnnounceEvent::Stopped);
        targets.insert(s.tracker);
    }
    QCOMPARE(targets, (QSet<int>{acked, inFlight->tracker}));
    QVERIFY(!targets.contains(indexOf(t, QStringLiteral("http://c/announce"))));
    QVERIFY(!t.isRunning());
    QVERIFY(!t.nextWakeUp());
    // Late results neither schedule nor revive anything.
    t.onSuccess(*inFlight, ok(60), T0 + seconds(62));
    for (const auto &s : stops)
        t.onSuccess(s, ok(60), T0 + seconds(62));
    QVERIFY(!t.nextJob(T0 + seconds(10'000)));
    QVERIFY(!t.state(acked).updating);
    QVERIFY(t.stop(T0 + seconds(63)).isEmpty());
    // Restart: `started` again.
    t.start(T0 + seconds(100));
    QCOMPARE(t.nextJob(T0 + seconds(100))->event, AnnounceEvent::Started);
}

void TestTrackerTiers::announceNowRespectsMinInterval()
{
    std::mt19937 rng(11);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    t.onSuccess(*t.nextJob(T0), ok(1800, 120), T0);
    QCOMPARE(t.state(t.tierOrder()[0][0]).earliestManual.value(), T0 + seconds(120));
    QCOMPARE(t.announceNow(T0 + seconds(10)).value(), T0 + seconds(120));
    QVERIFY(!t.nextJob(T0 + seconds(119)));
    QVERIFY(t.nextJob(T0 + seconds(120)));
    // Without a min interval from the tracker, the settings' floor applies (60 s).
    std::mt19937 rng2(11);
    TrackerTiers u(twoTiers, rng2);
    u.start(T0);
    u.onSuccess(*u.nextJob(T0), ok(1800), T0);
    QCOMPARE(u.announceNow(T0 + seconds(90)).value(), T0 + seconds(90));
    QVERIFY(u.nextJob(T0 + seconds(90)));
    TrackerTiers stopped(twoTiers, rng2);
    QVERIFY(!stopped.announceNow(T0));
}

void TestTrackerTiers::announceNowClearsBackoff()
{
    std::mt19937 rng(12);
    TrackerTiers t({{QStringLiteral("http://only/announce")}}, rng);
    t.start(T0);
    t.onFailure(*t.nextJob(T0), QStringLiteral("down"), T0);
    QVERIFY(!t.nextJob(T0 + seconds(5)));
    QCOMPARE(t.announceNow(T0 + seconds(5)).value(), T0 + seconds(5));
    QVERIFY(t.nextJob(T0 + seconds(5)));
}

void TestTrackerTiers::intervalClamping()
{
    std::mt19937 rng(13);
    TiersSettings s;
    s.minimumInterval = seconds(300);
    s.maximumInterval = std::chrono::hours(2);
    TrackerTiers t({{QStringLiteral("http://a/announce")}}, rng, s);
    t.start(T0);
    t.onSuccess(*t.nextJob(T0), ok(5), T0);
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(300));
    t.onSuccess(*t.nextJob(T0 + seconds(300)), ok(std::numeric_limits<qint64>::max()), T0 + seconds(300));
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(300) + std::chrono::hours(2)); // no overflow
    // "min interval" above "interval" wins.
    t.onSuccess(*t.nextJob(*t.nextWakeUp()), ok(400, 1000), *t.nextWakeUp());
    const TimePoint last = *t.state(0).lastAnnounce;
    QCOMPARE(t.nextWakeUp().value(), last + seconds(1000));
    // No interval at all: the default.
    t.onSuccess(*t.nextJob(*t.nextWakeUp()), AnnounceResponse{}, last + seconds(1000));
    QCOMPARE(t.nextWakeUp().value(), last + seconds(1000) + s.defaultInterval);
}

void TestTrackerTiers::failureReasonCountsAsFailure()
{
    std::mt19937 rng(14);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const auto job = t.nextJob(T0);
    AnnounceResponse refused;
    refused.failureReason = QStringLiteral("unregistered torrent");
    refused.warningMessage = QStringLiteral("be nice");
    t.onSuccess(*job, refused, T0);
    QCOMPARE(t.state(job->tracker).lastError, QStringLiteral("unregistered torrent"));
    QCOMPARE(t.state(job->tracker).lastWarning, QStringLiteral("be nice"));
    QCOMPARE(t.state(job->tracker).failures, 1);
    const auto next = t.nextJob(T0);
    QVERIFY(next);
    QVERIFY(next->tracker != job->tracker);
    QCOMPARE(next->event, AnnounceEvent::Started);
}

void TestTrackerTiers::staleResultsIgnored()
{
    std::mt19937 rng(15);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const auto old = t.nextJob(T0);
    t.stop(T0);
    t.start(T0 + seconds(1));
    const auto fresh = t.nextJob(T0 + seconds(1));
    QVERIFY(fresh->serial != old->serial);
    t.onFailure(*old, QStringLiteral("late"), T0 + seconds(2));
    QCOMPARE(t.state(old->tracker).failures, 0); // not counted
    QVERIFY(!t.nextWakeUp());                    // the fresh announce is still the one out
    QVERIFY(t.state(fresh->tracker).updating);
    t.onSuccess(*fresh, ok(600), T0 + seconds(3));
    QCOMPARE(t.nextWakeUp().value(), T0 + seconds(603));
}

void TestTrackerTiers::stateForTheTrackersTab()
{
    std::mt19937 rng(16);
    TrackerTiers t(twoTiers, rng);
    t.start(T0);
    const auto job = t.nextJob(T0);
    AnnounceResponse r = ok(900, 30);
    r.complete = 12;
    r.incomplete = 4;
    r.warningMessage = QStringLiteral("slow down");
    r.peers = {TrackerPeer{QHostAddress(QStringLiteral("10.0.0.1")), 1, {}},
               TrackerPeer{QHostAddress(QStringLiteral("10.0.0.2")), 2, {}}};
    t.onSuccess(*job, r, T0 + seconds(2));
    const TrackerState &s = t.state(job->tracker);
    QVERIFY(!s.updating);
    QVERIFY(s.working);
    QCOMPARE(s.lastAnnounce.value(), T0 + seconds(2));
    QCOMPARE(s.nextAnnounce.value(), T0 + seconds(902));
    QCOMPARE(s.seeds.value(), 12);
    QCOMPARE(s.leechers.value(), 4);
    QVERIFY(!s.downloaded);
    QCOMPARE(s.lastPeerCount, 2);
    QCOMPARE(s.lastWarning, QStringLiteral("slow down"));
    ScrapeStats scraped;
    scraped.downloaded = 99;
    scraped.complete = 13;
    t.onScrape(job->tracker, scraped);
    QCOMPARE(s.downloaded.value(), 99);
    QCOMPARE(s.seeds.value(), 13);
    QCOMPARE(s.leechers.value(), 4); // absent in the scrape: kept
    t.onScrape(-1, scraped);         // ignored, no crash
}

QTEST_GUILESS_MAIN(TestTrackerTiers)
#include "tst_trackertiers.moc"
