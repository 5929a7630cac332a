// UdpTrackerClient on 127.0.0.1 against the test tracker: announces and scrapes, BEP 41 URL
// data, connection id reuse, dropped packets and retransmission, errors, a tracker that forgets
// its ids, replies from the wrong port, cancel, asynchronous delivery, and refused destinations.
#include "tracker/udptrackerclient.h"
#include "udptrackertestserver.h"

#include <QElapsedTimer>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using namespace std::chrono_literals;

namespace {

const auto hashA = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef01234567"));
const auto hashB = metainfo::InfoHash::fromBytes(QByteArray::fromHex("fedcba9876543210fedcba9876543210fedcba98"));

AnnounceRequest request(quint16 port = 6881)
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = "-SS0100-000000000001";
    r.port = port;
    r.left = 100;
    r.event = AnnounceEvent::Started;
    return r;
}

UdpTrackerSettings fast(int maxRetransmits = 3)
{
    UdpTrackerSettings s;
    s.retransmitBase = 100ms;
    s.maxRetransmits = maxRetransmits;
    return s;
}

AnnounceResult announceAndWait(UdpTrackerClient &client, const QString &url, const AnnounceRequest &r,
                               int timeoutMs = 10'000)
{
    std::optional<AnnounceResult> out;
    client.announce(url, r, [&](const AnnounceResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs))
        return AnnounceResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

ScrapeResult scrapeAndWait(UdpTrackerClient &client, const QString &url, const QList<metainfo::InfoHash> &hashes)
{
    std::optional<ScrapeResult> out;
    client.scrape(url, hashes, [&](const ScrapeResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10'000))
        return ScrapeResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

struct Setup {
    UdpTrackerTestServer server;
    UdpTrackerClient client{nullptr, 7};
    bool ok = false;
    explicit Setup(const QHostAddress &address = QHostAddress::LocalHost)
    {
        ok = server.listen(address) && client.bind(address, 0);
        server.peers = {{QHostAddress(QStringLiteral("10.0.0.1")), 6881},
                        {QHostAddress(QStringLiteral("10.0.0.2")), 6882}};
    }
};

} // namespace

class TestUdpTrackerClient : public QObject {
    Q_OBJECT
private slots:
    void announceAndScrape()
    {
        Setup s;
        QVERIFY(s.ok);
        s.client.setSettings(fast());
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY2(a.response, qPrintable(a.error));
        QVERIFY(!a.response->failed());
        QCOMPARE(a.response->interval, std::optional<qint64>(1800));
        QCOMPARE(a.response->complete, std::optional<qint64>(5));
        QCOMPARE(a.response->incomplete, std::optional<qint64>(7));
        QCOMPARE(a.response->peers.size(), 2);
        QCOMPARE(a.response->peers[1].address, QHostAddress(QStringLiteral("10.0.0.2")));
        QCOMPARE(a.response->peers[1].port, quint16(6882));

        const ScrapeResult sc = scrapeAndWait(s.client, s.server.url(), {hashA, hashB});
        QVERIFY2(sc.response, qPrintable(sc.error));
        QCOMPARE(sc.response->files.value(hashB), (ScrapeStats{5, 11, 7}));

        // The requests reached the server from the client's socket, and nowhere else.
        for (const auto &r : s.server.received())
            QCOMPARE(r.fromPort, s.client.localPort());
        // The announce carried what we asked for.
        const QByteArray announce = s.server.received().at(1).datagram;
        QCOMPARE(announce.mid(16, 20), hashA.bytes());
        QCOMPARE(announce.mid(96, 2), QByteArray::fromHex("1ae1"));
        QCOMPARE(s.client.pendingCount(), 0);
    }

    void urlDataReachesTracker()
    {
        Setup s;
        QVERIFY(s.ok);
        const QByteArray path = "/announce?passkey=" + QByteArray(300, 'k');
        const AnnounceResult a = announceAndWait(s.client, s.server.url(path), request());
        QVERIFY2(a.response, qPrintable(a.error));
        QCOMPARE(s.server.lastRequestString(), path);
        // Scrapes carry no options.
        QVERIFY(scrapeAndWait(s.client, s.server.url(path), {hashA}).response);
        QCOMPARE(s.server.received().last().datagram.size(), 16 + 20);
    }

    void connectionIdReused()
    {
        Setup s;
        QVERIFY(s.ok);
        QVERIFY(announceAndWait(s.client, s.server.url(), request(1)).response);
        QVERIFY(announceAndWait(s.client, s.server.url(), request(2)).response);
        QVERIFY(scrapeAndWait(s.client, s.server.url(), {hashA}).response);
        QCOMPARE(s.server.count(0), 1);
        QCOMPARE(s.server.count(1), 2);
        QCOMPARE(s.server.count(2), 1);
        QCOMPARE(s.client.endpointCount(), 1);
    }

    void concurrentJobsShareConnect()
    {
        Setup s;
        QVERIFY(s.ok);
        int done = 0;
        for (quint16 port = 1; port <= 5; ++port)
            s.client.announce(s.server.url(), request(port), [&](const AnnounceResult &r) { done += r.response ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 5, 10'000);
        QCOMPARE(s.server.count(0), 1);
        QCOMPARE(s.server.count(1), 5);
    }

    void droppedPacketsAreRetransmitted()
    {
        Setup s;
        QVERIFY(s.ok);
        s.client.setSettings(fast());
        s.server.dropFirst = 2; // the first connect and its first retransmission
        QElapsedTimer clock;
        clock.start();
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY2(a.response, qPrintable(a.error));
        QVERIFY(clock.elapsed() >= 100 + 200 - 20); // waited 100 ms, then 200 ms (timer slack)
        QCOMPARE(s.server.count(0), 3);
        QCOMPARE(s.server.count(1), 1);
        // The same transaction id on every copy of the connect.
        const auto &rx = s.server.received();
        QCOMPARE(rx[0].datagram, rx[1].datagram);
        QCOMPARE(rx[1].datagram, rx[2].datagram);
    }

    void silentTrackerTimesOut()
    {
        Setup s;
        QVERIFY(s.ok);
        s.client.setSettings(fast(2)); // 100 + 200 + 400 ms
        s.server.silent = true;
        QElapsedTimer clock;
        clock.start();
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY(!a.response);
        QVERIFY2(a.error.contains(QLatin1String("no reply")), qPrintable(a.error));
        QVERIFY(clock.elapsed() >= 700 - 30);
        QCOMPARE(s.server.count(0), 3);
        QCOMPARE(s.client.pendingCount(), 0);
        QCOMPARE(s.client.endpointCount(), 0); // nothing worth keeping
    }

    void trackerErrors()
    {
        Setup s;
        QVERIFY(s.ok);
        s.server.announceError = "torrent not registered";
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY(a.response);
        QCOMPARE(a.response->failureReason, QStringLiteral("torrent not registered"));
        const ScrapeResult sc = scrapeAndWait(s.client, s.server.url(), {hashA});
        QCOMPARE(sc.response->failureReason, QStringLiteral("torrent not registered"));

        UdpTrackerTestServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost));
        other.connectError = "banned";
        const AnnounceResult b = announceAndWait(s.client, other.url(), request());
        QCOMPARE(b.response->failureReason, QStringLiteral("banned"));
    }

    void malformedReplyFails()
    {
        Setup s;
        QVERIFY(s.ok);
        s.server.rawAnnounceReply = QByteArray::fromHex("0000000100000000"); // header only
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY(!a.response);
        QVERIFY2(a.error.contains(QLatin1String("bad announce reply")), qPrintable(a.error));
    }

    void forgottenConnectionIdReconnects()
    {
        Setup s;
        QVERIFY(s.ok);
        QVERIFY(announceAndWait(s.client, s.server.url(), request()).response);
        s.server.forgetConnectionIds(); // as after a tracker restart
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY2(a.response && !a.response->failed(), qPrintable(a.error));
        QCOMPARE(s.server.count(0), 2);
        QCOMPARE(s.server.count(1), 3); // ok, refused, ok again
    }

    void repliesFromAnotherPortIgnored()
    {
        Setup s;
        QVERIFY(s.ok);
        s.client.setSettings(fast(1));
        s.server.answerFromOtherPort = true;
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY(!a.response);
        QVERIFY(a.error.contains(QLatin1String("no reply")));
        QCOMPARE(s.client.strayDatagrams(), 2); // both connect replies, from the wrong port
    }

    void cancelSilencesCallback()
    {
        Setup s;
        QVERIFY(s.ok);
        bool called = false;
        const quint64 id = s.client.announce(s.server.url(), request(), [&](const AnnounceResult &) { called = true; });
        s.client.cancel(id);
        QCOMPARE(s.client.pendingCount(), 0);
        // An invalid URL's error is queued too; cancel must stop it as well.
        const quint64 bad = s.client.announce(QStringLiteral("http://x/"), request(),
                                              [&](const AnnounceResult &) { called = true; });
        s.client.cancel(bad);
        s.client.cancel(12345); // unknown: nothing happens
        QTest::qWait(300);
        QVERIFY(!called);
        QCOMPARE(s.client.pendingCount(), 0);
    }

    void resultsAreAsynchronous()
    {
        Setup s;
        QVERIFY(s.ok);
        bool returned = false;
        bool calledBeforeReturn = false;
        std::optional<AnnounceResult> out;
        s.client.announce(QStringLiteral("udp://127.0.0.1/announce"), request(), [&](const AnnounceResult &r) {
            calledBeforeReturn = !returned;
            out = r;
        });
        returned = true;
        QTRY_VERIFY(out.has_value());
        QVERIFY(!calledBeforeReturn);
        QVERIFY(out->error.contains(QLatin1String("port")));
    }

    void callbackMayStartAnother()
    {
        Setup s;
        QVERIFY(s.ok);
        std::optional<AnnounceResult> second;
        s.client.announce(s.server.url(), request(1), [&](const AnnounceResult &) {
            s.client.announce(s.server.url(), request(2), [&](const AnnounceResult &r) { second = r; });
        });
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 10'000);
        QVERIFY(second->response);
    }

    void refusedDestinations_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("http") << "http://127.0.0.1:80/announce" << "udp://";
        QTest::newRow("no port") << "udp://127.0.0.1/announce" << "port";
        QTest::newRow("broadcast") << "udp://255.255.255.255:6969/announce" << "refusing";
        QTest::newRow("any") << "udp://0.0.0.0:6969/announce" << "refusing";
        QTest::newRow("multicast") << "udp://224.0.0.1:6969/announce" << "refusing";
        QTest::newRow("ipv6 from ipv4 socket") << "udp://[::1]:6969/announce" << "cannot be reached";
    }
    void refusedDestinations()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        Setup s;
        QVERIFY(s.ok);
        const AnnounceResult a = announceAndWait(s.client, url, request());
        QVERIFY(!a.response);
        QVERIFY2(a.error.contains(expected), qPrintable(a.error));
        QCOMPARE(s.client.endpointCount(), 0); // nothing was sent anywhere
    }

    void unboundClientFails()
    {
        UdpTrackerClient client;
        QVERIFY(!client.isBound());
        const AnnounceResult a = announceAndWait(client, QStringLiteral("udp://127.0.0.1:6969"), request());
        QVERIFY(a.error.contains(QLatin1String("not bound")));
        QString error;
        QVERIFY(client.bind(QHostAddress::LocalHost, 0, &error));
        QVERIFY(!client.bind(QHostAddress::LocalHost, 0, &error));
        QVERIFY(!error.isEmpty());
    }

    void badScrapeInput()
    {
        Setup s;
        QVERIFY(s.ok);
        const ScrapeResult sc = scrapeAndWait(s.client, s.server.url(), QList<metainfo::InfoHash>(75, hashA));
        QVERIFY(!sc.response);
        QVERIFY(sc.error.contains(QLatin1String("74")));
        QCOMPARE(s.server.received().size(), 0);
    }

    void destroyedWithPendingJobs()
    {
        UdpTrackerTestServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.silent = true;
        bool called = false;
        {
            UdpTrackerClient client;
            QVERIFY(client.bind(QHostAddress::LocalHost));
            client.announce(server.url(), request(), [&](const AnnounceResult &) { called = true; });
            client.announce(QStringLiteral("bogus"), request(), [&](const AnnounceResult &) { called = true; });
        }
        QTest::qWait(200);
        QVERIFY(!called);
    }

    void ipv6Tracker()
    {
        Setup s(QHostAddress::LocalHostIPv6);
        if (!s.ok)
            QSKIP("no IPv6 loopback here");
        s.server.peers.append({QHostAddress(QStringLiteral("2001:db8::7")), 7000});
        const AnnounceResult a = announceAndWait(s.client, s.server.url(), request());
        QVERIFY2(a.response, qPrintable(a.error));
        QCOMPARE(a.response->peers.size(), 3); // 18-byte peers, mapped IPv4 ones come back as IPv4
        QCOMPARE(a.response->peers[0].address, QHostAddress(QStringLiteral("10.0.0.1")));
        QCOMPARE(a.response->peers[2].address, QHostAddress(QStringLiteral("2001:db8::7")));
        QCOMPARE(a.response->peers[2].port, quint16(7000));
    }
};

QTEST_GUILESS_MAIN(TestUdpTrackerClient)
#include "tst_udptrackerclient.moc"
