// When each tracker gets scraped, with a fake clock: at start, every interval, not while an
// announce is out or right after one brought counts, back-off after failures, stale results.
#include "tracker/scrapeschedule.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const TimePoint T0 = TimePoint{} + hours(10);

// Tracker 0 over UDP, 1 over HTTP, 2 cannot be scraped.
const QList<std::optional<QString>> threeTargets = {QStringLiteral("udp://t0:6969/announce"),
                                                    QStringLiteral("http://t1/scrape"), std::nullopt};

QList<int> trackersOf(const QList<ScrapeJob> &jobs)
{
    QList<int> out;
    for (const ScrapeJob &j : jobs)
        out << j.tracker;
    return out;
}

std::optional<TimePoint> at(TimePoint t)
{
    return t;
}

} // namespace

class TestScrapeSchedule : public QObject {
    Q_OBJECT
private slots:
    void scrapeTargets_data();
    void scrapeTargets();
    void idleUntilStarted();
    void startScrapesEveryScrapeableTracker();
    void successSchedulesInterval();
    void minRequestIntervalOnlyLengthens();
    void waitsForAnnounceInFlight();
    void freshAnnounceCountsSkipTheScrape();
    void oldAnnounceCountsDoNot();
    void failuresBackOffThenReset();
    void stopDropsScheduleAndResults();
    void staleResultAfterRestartIgnored();
};

void TestScrapeSchedule::scrapeTargets_data()
{
    QTest::addColumn<QString>("announce");
    QTest::addColumn<QString>("target"); // empty: not scraped
    QTest::newRow("udp") << "udp://tracker:6969/announce" << "udp://tracker:6969/announce";
    QTest::newRow("udp no path") << "UDP://tracker:6969" << "UDP://tracker:6969";
    QTest::newRow("http") << "http://t/announce" << "http://t/scrape";
    QTest::newRow("https suffix query") << "https://t/x/announce.php?passkey=a" << "https://t/x/scrape.php?passkey=a";
    QTest::newRow("http other name") << "http://t/x/tracker" << "";
    QTest::newRow("announce not last") << "http://t/announce/x" << "";
    QTest::newRow("websocket") << "wss://t/announce" << "";
    QTest::newRow("no scheme") << "t/announce" << "";
}

void TestScrapeSchedule::scrapeTargets()
{
    QFETCH(QString, announce);
    QFETCH(QString, target);
    const std::optional<QString> got = scrapeTargetFor(announce);
    QCOMPARE(got.value_or(QString()), target);
    QCOMPARE(got.has_value(), !target.isEmpty());
}

void TestScrapeSchedule::idleUntilStarted()
{
    ScrapeSchedule s(threeTargets);
    QVERIFY(!s.isRunning());
    QVERIFY(s.takeDue(T0 + hours(5)).isEmpty());
    QCOMPARE(s.nextScrape(0), std::nullopt);
}

void TestScrapeSchedule::startScrapesEveryScrapeableTracker()
{
    ScrapeSchedule s(threeTargets);
    QVERIFY(s.supports(0) && s.supports(1) && !s.supports(2) && !s.supports(3));
    s.start(T0);
    QCOMPARE(s.nextScrape(0), at(T0));
    QCOMPARE(s.nextScrape(2), std::nullopt);
    const QList<ScrapeJob> jobs = s.takeDue(T0);
    QCOMPARE(trackersOf(jobs), (QList<int>{0, 1}));
    QCOMPARE(jobs[0].url, QStringLiteral("udp://t0:6969/announce"));
    QVERIFY(jobs[0].udp);
    QCOMPARE(jobs[1].url, QStringLiteral("http://t1/scrape"));
    QVERIFY(!jobs[1].udp);
    QVERIFY(jobs[0].serial != jobs[1].serial);
    QVERIFY(s.inFlight(0) && s.inFlight(1));
    // One scrape per tracker at a time, however long it takes.
    QVERIFY(s.takeDue(T0 + hours(3)).isEmpty());
}

void TestScrapeSchedule::successSchedulesInterval()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    const QList<ScrapeJob> jobs = s.takeDue(T0);
    s.onSuccess(jobs[0], std::nullopt, T0 + seconds(2));
    QVERIFY(!s.inFlight(0));
    QCOMPARE(s.lastScrape(0), at(T0 + seconds(2)));
    QCOMPARE(s.nextScrape(0), at(T0 + seconds(2) + minutes(30)));
    QVERIFY(s.takeDue(T0 + seconds(1) + minutes(30)).isEmpty());
    QCOMPARE(trackersOf(s.takeDue(T0 + seconds(2) + minutes(30))), QList<int>{0});
}

void TestScrapeSchedule::minRequestIntervalOnlyLengthens()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    QList<ScrapeJob> jobs = s.takeDue(T0);
    s.onSuccess(jobs[0], 7200, T0);                        // the tracker asks for two hours
    QCOMPARE(s.nextScrape(0), at(T0 + hours(2)));
    s.onSuccess(jobs[1], 10, T0);                          // shorter than ours: ours wins
    QCOMPARE(s.nextScrape(1), at(T0 + minutes(30)));
    jobs = s.takeDue(T0 + hours(2));
    QCOMPARE(trackersOf(jobs), (QList<int>{0, 1}));
    s.onSuccess(jobs[0], qint64(1) << 62, T0 + hours(2)); // hostile: capped, no overflow
    QCOMPARE(s.nextScrape(0), at(T0 + hours(26)));
    s.onSuccess(jobs[1], -5, T0 + hours(2));               // nonsense: ignored
    QCOMPARE(s.nextScrape(1), at(T0 + hours(2) + minutes(30)));
}

void TestScrapeSchedule::waitsForAnnounceInFlight()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    bool announcing0 = true;
    auto announcing = [&](int tracker) { return tracker == 0 && announcing0; };
    QCOMPARE(trackersOf(s.takeDue(T0, announcing)), QList<int>{1});
    QVERIFY(!s.inFlight(0));
    QCOMPARE(s.nextScrape(0), at(T0)); // still due
    QVERIFY(s.takeDue(T0 + seconds(5), announcing).isEmpty());
    // The announce failed (no counts): the scrape goes out now.
    announcing0 = false;
    QCOMPARE(trackersOf(s.takeDue(T0 + seconds(6), announcing)), QList<int>{0});
}

void TestScrapeSchedule::freshAnnounceCountsSkipTheScrape()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    bool announcing0 = true;
    auto announcing = [&](int tracker) { return tracker == 0 && announcing0; };
    QCOMPARE(trackersOf(s.takeDue(T0, announcing)), QList<int>{1});
    // The announce reply brought complete/incomplete: a scrape would tell nothing new.
    announcing0 = false;
    s.onAnnounceCounts(0, T0 + seconds(3));
    QVERIFY(s.takeDue(T0 + seconds(4), announcing).isEmpty());
    QVERIFY(!s.inFlight(0));
    QCOMPARE(s.nextScrape(0), at(T0 + seconds(3) + minutes(30)));
    // Counts from announces keep coming (each within the minute before the scrape is due).
    s.onAnnounceCounts(0, T0 + seconds(3) + minutes(30) - seconds(20));
    QVERIFY(s.takeDue(T0 + seconds(3) + minutes(30), announcing).isEmpty());
    QCOMPARE(s.nextScrape(0), at(T0 + seconds(3) + minutes(60) - seconds(20)));
    // No announce since: the scrape is due and goes out.
    QCOMPARE(trackersOf(s.takeDue(T0 + seconds(3) + minutes(60) - seconds(20), announcing)), QList<int>{0});
}

void TestScrapeSchedule::oldAnnounceCountsDoNot()
{
    ScrapeSchedule s(threeTargets);
    s.onAnnounceCounts(0, T0 - seconds(61)); // before a pause, say
    s.onAnnounceCounts(1, T0 - seconds(59));
    s.start(T0);
    QCOMPARE(trackersOf(s.takeDue(T0)), QList<int>{0});
    QCOMPARE(s.nextScrape(1), at(T0 - seconds(59) + minutes(30)));
}

void TestScrapeSchedule::failuresBackOffThenReset()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    TimePoint now = T0;
    const QList<minutes> expected = {minutes(5), minutes(10), minutes(20), minutes(40), minutes(80), minutes(160),
                                     minutes(240), minutes(240)};
    for (const minutes wait : expected) {
        const QList<ScrapeJob> jobs = s.takeDue(now);
        QVERIFY(trackersOf(jobs).contains(1));
        for (const ScrapeJob &j : jobs)
            s.onFailure(j, now);
        QCOMPARE(s.nextScrape(1), at(now + wait));
        QVERIFY(s.takeDue(now + wait - seconds(1)).isEmpty());
        now += wait;
    }
    QCOMPARE(s.failures(1), expected.size());
    const QList<ScrapeJob> jobs = s.takeDue(now);
    s.onSuccess(jobs[1], std::nullopt, now);
    QCOMPARE(s.failures(1), 0);
    QCOMPARE(s.nextScrape(1), at(now + minutes(30)));
    // A restart starts the back-off over too.
    s.onFailure(jobs[0], now);
    QCOMPARE(s.failures(0), expected.size() + 1);
    s.start(now + seconds(1));
    QCOMPARE(s.failures(0), 0);
    QCOMPARE(s.nextScrape(0), at(now + seconds(1)));
}

void TestScrapeSchedule::stopDropsScheduleAndResults()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    const QList<ScrapeJob> jobs = s.takeDue(T0);
    s.stop();
    QVERIFY(!s.isRunning());
    QVERIFY(!s.inFlight(0));
    QCOMPARE(s.nextScrape(1), std::nullopt);
    s.onSuccess(jobs[0], std::nullopt, T0 + seconds(1));
    s.onFailure(jobs[1], T0 + seconds(1));
    QCOMPARE(s.nextScrape(0), std::nullopt);
    QCOMPARE(s.failures(1), 0);
    QCOMPARE(s.lastScrape(0), std::nullopt);
    QVERIFY(s.takeDue(T0 + hours(5)).isEmpty());
}

void TestScrapeSchedule::staleResultAfterRestartIgnored()
{
    ScrapeSchedule s(threeTargets);
    s.start(T0);
    const QList<ScrapeJob> old = s.takeDue(T0);
    s.stop();
    s.start(T0 + seconds(10));
    const QList<ScrapeJob> fresh = s.takeDue(T0 + seconds(10));
    QCOMPARE(trackersOf(fresh), (QList<int>{0, 1}));
    s.onFailure(old[0], T0 + seconds(11)); // answers to the previous run's jobs
    s.onSuccess(old[1], std::nullopt, T0 + seconds(11));
    QVERIFY(s.inFlight(0) && s.inFlight(1));
    QCOMPARE(s.failures(0), 0);
    QCOMPARE(s.lastScrape(1), std::nullopt);
    s.onSuccess(fresh[1], std::nullopt, T0 + seconds(12));
    QCOMPARE(s.lastScrape(1), at(T0 + seconds(12)));
}

QTEST_GUILESS_MAIN(TestScrapeSchedule)
#include "tst_scrapeschedule.moc"
