// The Announcer with real clients on 127.0.0.1: an embedded HTTP tracker that answers and a UDP
// "tracker" that never does (a bound socket nobody reads). Times passed to tick() run ahead of
// the real clock to reach the UDP deadline without waiting for it; replies arrive for real.
#include "swarm/announcer.h"
#include "tracker/embeddedtracker.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace swarmscope;
using namespace swarmscope::swarm;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const auto kHash = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0a0b0c0d0e0f101112131415161718191a1b1c1d"));

// Registers a peer at 127.0.0.200:<7000 + n> straight in the tracker's registry.
void addFakePeer(tracker::EmbeddedTracker &tracker, int n, qint64 left)
{
    const tracker::QueryItems query{{"info_hash", kHash.bytes()},
                                    {"peer_id", "-FK0001-" + QByteArray::number(n).rightJustified(12, '0')},
                                    {"port", QByteArray::number(7000 + n)},
                                    {"uploaded", "0"},
                                    {"downloaded", "0"},
                                    {"left", QByteArray::number(left)},
                                    {"event", "started"}};
    tracker.service().announce(query, QHostAddress(QStringLiteral("127.0.0.200")), Clock::now());
}

// Index of a tracker in the snapshot (which keeps TrackerTiers' order).
int indexOf(const QList<session::TrackerSnapshot> &snapshot, const QString &url)
{
    for (int i = 0; i < snapshot.size(); ++i)
        if (snapshot[i].url == url)
            return i;
    return -1;
}

} // namespace

class TestAnnouncer : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void silentUdpTrackerFailsOverAfterDeadline();
    void freshAnnounceCountsSkipTheScrape();
    void stopCancelsScrapes();
    void noUdpClientNoUdpScrape();

private:
    std::unique_ptr<Announcer> make(const QList<QStringList> &tiers, bool withUdp = true);
    QString httpUrl() const { return QStringLiteral("http://127.0.0.1:%1/announce").arg(m_tracker->port()); }
    QString udpUrl() const { return QStringLiteral("udp://127.0.0.1:%1/announce").arg(m_silent->localPort()); }

    std::unique_ptr<tracker::EmbeddedTracker> m_tracker;
    std::unique_ptr<QUdpSocket> m_silent;
    std::unique_ptr<tracker::HttpTrackerClient> m_http;
    std::unique_ptr<tracker::UdpTrackerClient> m_udp;
    std::mt19937 m_rng{5};
    QList<tracker::TrackerPeer> m_found;
};

void TestAnnouncer::init()
{
    m_tracker = std::make_unique<tracker::EmbeddedTracker>();
    QVERIFY2(m_tracker->listen(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(m_tracker->errorString()));
    m_silent = std::make_unique<QUdpSocket>();
    QVERIFY(m_silent->bind(QHostAddress(QHostAddress::LocalHost), 0));
    m_http = std::make_unique<tracker::HttpTrackerClient>();
    m_udp = std::make_unique<tracker::UdpTrackerClient>(nullptr, 3);
    QVERIFY(m_udp->bind(QHostAddress(QHostAddress::LocalHost)));
    m_found.clear();
}

void TestAnnouncer::cleanup()
{
    m_udp.reset();
    m_http.reset();
    m_silent.reset();
    m_tracker.reset();
}

std::unique_ptr<Announcer> TestAnnouncer::make(const QList<QStringList> &tiers, bool withUdp)
{
    auto a = std::make_unique<Announcer>(tiers, kHash, QByteArray("-SS0100-abcdefghijkl"), QByteArray("k1"),
                                         m_http.get(), withUdp ? m_udp.get() : nullptr, m_rng);
    a->setPort(6881);
    a->setStats([] { return AnnounceStats{0, 0, 1000}; });
    a->setPeersFound([this](const QList<tracker::TrackerPeer> &peers) { m_found += peers; });
    return a;
}

void TestAnnouncer::silentUdpTrackerFailsOverAfterDeadline()
{
    addFakePeer(*m_tracker, 1, 0);
    addFakePeer(*m_tracker, 2, 0);
    addFakePeer(*m_tracker, 3, 500);
    auto a = make({{udpUrl()}, {httpUrl()}});
    const int udp = indexOf(a->snapshot(Clock::now()), udpUrl());
    const int http = indexOf(a->snapshot(Clock::now()), httpUrl());
    QVERIFY(udp >= 0 && http >= 0);

    const TimePoint t0 = Clock::now();
    a->start(t0);
    a->tick(t0);
    // Tier 1's UDP tracker gets the announce; tier 2's tracker is only scraped, at once.
    QCOMPARE(a->snapshot(t0)[udp].status, QStringLiteral("updating"));
    QVERIFY(a->scrapes().inFlight(http));
    QVERIFY(!a->scrapes().inFlight(udp)); // waits for its announce
    QTRY_COMPARE(a->snapshot(Clock::now())[http].seeds, 2);
    const session::TrackerSnapshot scraped = a->snapshot(Clock::now())[http];
    QCOMPARE(scraped.peers, 1);
    QCOMPARE(scraped.downloaded, 0);
    QCOMPARE(scraped.status, QStringLiteral("not contacted")); // the counts came from the scrape
    QVERIFY(!a->scrapes().inFlight(http));
    QVERIFY(a->scrapes().nextScrape(http) > t0 + minutes(29));

    a->tick(t0 + seconds(29));
    QCOMPARE(a->snapshot(t0)[udp].status, QStringLiteral("updating"));
    QCOMPARE(m_udp->pendingCount(), 1);

    // The deadline: the UDP announce fails and BEP 12 moves on to the next tier at once.
    a->tick(t0 + seconds(30));
    const QList<session::TrackerSnapshot> after = a->snapshot(t0);
    QCOMPARE(after[udp].status, QStringLiteral("error"));
    QVERIFY2(after[udp].message.contains(QLatin1String("no reply")), qPrintable(after[udp].message));
    QCOMPARE(after[http].status, QStringLiteral("updating"));
    // Its announce is over, so the UDP tracker gets its scrape now (and only that is out).
    QVERIFY(a->scrapes().inFlight(udp));
    QCOMPARE(m_udp->pendingCount(), 1);

    QTRY_COMPARE(a->snapshot(Clock::now())[http].status, QStringLiteral("working"));
    QCOMPARE(a->snapshot(Clock::now())[http].peers, 2); // the fake leecher and us
    QCOMPARE(m_found.size(), 3);
    for (const tracker::TrackerPeer &p : std::as_const(m_found))
        QCOMPARE(p.address, QHostAddress(QStringLiteral("127.0.0.200")));

    // The UDP scrape meets the same deadline and backs off; announcing is not affected.
    a->tick(t0 + seconds(60));
    QVERIFY(!a->scrapes().inFlight(udp));
    QCOMPARE(a->scrapes().failures(udp), 1);
    QCOMPARE(a->scrapes().nextScrape(udp), std::optional<TimePoint>(t0 + seconds(60) + minutes(5)));
    QCOMPARE(m_udp->pendingCount(), 0);
    QCOMPARE(a->snapshot(Clock::now())[http].status, QStringLiteral("working"));
    a->stop(Clock::now());
}

void TestAnnouncer::freshAnnounceCountsSkipTheScrape()
{
    // Announces every 45 min: the scrape, every 30, then falls between two announces.
    tracker::TrackerServiceSettings slow;
    slow.interval = minutes(45);
    m_tracker->service().setSettings(slow);
    addFakePeer(*m_tracker, 1, 0);
    QSignalSpy served(m_tracker.get(), &tracker::EmbeddedTracker::requestServed);
    auto a = make({{httpUrl()}});
    const TimePoint t0 = Clock::now();
    a->start(t0);
    a->tick(t0);
    QVERIFY(!a->scrapes().inFlight(0)); // its announce is out
    QTRY_COMPARE(a->snapshot(Clock::now())[0].status, QStringLiteral("working"));
    const TimePoint now = Clock::now();
    a->tick(now);
    a->tick(now + seconds(1));
    QVERIFY(!a->scrapes().inFlight(0));
    QCOMPARE(a->scrapes().lastScrape(0), std::nullopt);
    QVERIFY(a->scrapes().nextScrape(0) > now + minutes(29));
    QTest::qWait(100); // a scrape, had one gone out, would have been served by now
    QCOMPARE(served.size(), 1);
    QCOMPARE(served[0][1].toByteArray().left(9), QByteArray("/announce"));
    // Half an hour on, with no announce since, the scrape goes out (and no announce yet).
    a->tick(*a->scrapes().nextScrape(0));
    QVERIFY(a->scrapes().inFlight(0));
    QCOMPARE(a->snapshot(Clock::now())[0].status, QStringLiteral("working"));
    QTRY_VERIFY(a->scrapes().lastScrape(0).has_value());
    QCOMPARE(served.size(), 2);
    QCOMPARE(served[1][1].toByteArray().left(7), QByteArray("/scrape"));
    a->stop(Clock::now());
}

void TestAnnouncer::stopCancelsScrapes()
{
    auto a = make({{httpUrl()}, {udpUrl()}});
    const int udp = indexOf(a->snapshot(Clock::now()), udpUrl());
    const TimePoint t0 = Clock::now();
    a->start(t0);
    a->tick(t0);
    QVERIFY(a->scrapes().inFlight(udp));
    QCOMPARE(m_udp->pendingCount(), 1);
    a->stop(t0 + seconds(1));
    QCOMPARE(m_udp->pendingCount(), 0); // nothing left to keep a shutdown waiting
    QVERIFY(!a->scrapes().isRunning());
    // Started again: every tracker is scraped again.
    a->start(t0 + seconds(2));
    a->tick(t0 + seconds(2));
    QVERIFY(a->scrapes().inFlight(udp));
    a->stop(t0 + seconds(3));
}

void TestAnnouncer::noUdpClientNoUdpScrape()
{
    auto a = make({{httpUrl()}, {udpUrl(), QStringLiteral("http://127.0.0.1:1/tracker.php")}}, false);
    const QList<session::TrackerSnapshot> s = a->snapshot(Clock::now());
    QVERIFY(a->scrapes().supports(indexOf(s, httpUrl())));
    QVERIFY(!a->scrapes().supports(indexOf(s, udpUrl())));
    QVERIFY(!a->scrapes().supports(indexOf(s, QStringLiteral("http://127.0.0.1:1/tracker.php"))));
}

QTEST_GUILESS_MAIN(TestAnnouncer)
#include "tst_announcer.moc"
