// The embedded tracker's logic without sockets: swarm membership, selection, expiry, counts,
// response forms and scrape, driven by a fake clock.
#include "bencode/reader.h"
#include "tracker/announcerequest.h"
#include "tracker/announceresponse.h"
#include "tracker/scrape.h"
#include "tracker/trackerservice.h"

#include <QSet>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using std::chrono::seconds;

namespace {

const TimePoint T0 = TimePoint{} + std::chrono::hours(1);
const auto hashA = metainfo::InfoHash::fromBytes(QByteArray(20, 'A'));
const auto hashB = metainfo::InfoHash::fromBytes(QByteArray(20, 'B'));

AnnounceRequest peer(int n, qint64 left = 1000, AnnounceEvent event = AnnounceEvent::Started)
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = QByteArray("-SS0100-") + QByteArray::number(n).rightJustified(12, '0');
    r.port = quint16(6000 + n);
    r.left = left;
    r.event = event;
    return r;
}

QueryItems query(const AnnounceRequest &r)
{
    const QByteArray url = buildAnnounceUrl(QStringLiteral("http://t/announce"), r);
    return *parseQuery(url.mid(url.indexOf('?') + 1));
}

AnnounceResponse send(TrackerService &s, const AnnounceRequest &r, TimePoint now,
                      const QHostAddress &from = QHostAddress(QStringLiteral("10.0.0.1")))
{
    QString error;
    auto parsed = parseAnnounceResponse(s.announce(query(r), from, now), &error);
    if (!parsed)
        qFatal("service produced an unparsable response: %s", qPrintable(error));
    return *parsed;
}

QSet<quint16> ports(const AnnounceResponse &r)
{
    QSet<quint16> out;
    for (const auto &p : r.peers)
        out.insert(p.port);
    return out;
}

} // namespace

class TestTrackerService : public QObject {
    Q_OBJECT
private slots:
    void peersSeeEachOtherButNotThemselves();
    void numwantHonoured();
    void stoppedRemoves();
    void expiryAfterTwoIntervals();
    void countsAndCompleted();
    void seedsGetNoSeeds();
    void nonCompactForm();
    void ipv6RequesterGetsPeers6();
    void ipv4MappedSourceIsIPv4();
    void ipParameter();
    void failures();
    void allowlist();
    void limits();
    void scrape();
    void sameAddressDifferentPorts();
};

void TestTrackerService::peersSeeEachOtherButNotThemselves()
{
    TrackerService s({}, 1);
    const QHostAddress a(QStringLiteral("10.0.0.1"));
    const QHostAddress b(QStringLiteral("10.0.0.2"));
    const QHostAddress c(QStringLiteral("10.0.0.3"));
    QCOMPARE(send(s, peer(1), T0, a).peers.size(), 0);
    const auto second = send(s, peer(2), T0, b);
    QCOMPARE(second.peers.size(), 1);
    QCOMPARE(second.peers[0].address, a);
    QCOMPARE(second.peers[0].port, quint16(6001));
    const auto third = send(s, peer(3), T0, c);
    QCOMPARE(ports(third), (QSet<quint16>{6001, 6002}));
    QCOMPARE(third.interval.value(), 1800);
    QCOMPARE(third.minInterval.value(), 60);
    // A re-announce (no event) from the first still excludes itself.
    QCOMPARE(ports(send(s, peer(1, 1000, AnnounceEvent::None), T0, a)), (QSet<quint16>{6002, 6003}));
    // Same peer id from another endpoint is also never given itself back.
    QCOMPARE(ports(send(s, peer(3), T0, QHostAddress(QStringLiteral("10.9.9.9")))), (QSet<quint16>{6001, 6002}));
}

void TestTrackerService::numwantHonoured()
{
    TrackerServiceSettings settings;
    settings.defaultNumWant = 4;
    settings.maxNumWant = 6;
    TrackerService s(settings, 2);
    for (int i = 1; i <= 10; ++i)
        send(s, peer(i), T0, QHostAddress(QStringLiteral("10.0.1.%1").arg(i)));
    AnnounceRequest r = peer(11);
    QCOMPARE(send(s, r, T0).peers.size(), 4); // default
    r.numWant = 2;
    QCOMPARE(send(s, r, T0).peers.size(), 2);
    r.numWant = 0;
    QCOMPARE(send(s, r, T0).peers.size(), 0);
    r.numWant = 100;
    QCOMPARE(send(s, r, T0).peers.size(), 6); // capped
    // Random selection: different answers over several announces.
    r.numWant = 2;
    QSet<QSet<quint16>> seen;
    for (int i = 0; i < 20; ++i)
        seen.insert(ports(send(s, r, T0)));
    QVERIFY(seen.size() > 3);
}

void TestTrackerService::stoppedRemoves()
{
    TrackerService s({}, 3);
    send(s, peer(1), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    send(s, peer(2), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    AnnounceRequest stop = peer(1, 1000, AnnounceEvent::Stopped);
    const auto r = send(s, stop, T0, QHostAddress(QStringLiteral("10.0.0.1")));
    QVERIFY(r.peers.isEmpty()); // a leaving peer needs no peers
    QCOMPARE(r.incomplete.value(), 1);
    QVERIFY(send(s, peer(3), T0, QHostAddress(QStringLiteral("10.0.0.3"))).peers.size() == 1);
    // A stranger cannot remove peer 2 by sending its peer id from elsewhere.
    send(s, peer(2, 1000, AnnounceEvent::Stopped), T0, QHostAddress(QStringLiteral("10.6.6.6")));
    QCOMPARE(s.swarm(hashA)->size(), 2);
    // The last peer leaving frees the swarm.
    send(s, peer(2, 1000, AnnounceEvent::Stopped), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    send(s, peer(3, 1000, AnnounceEvent::Stopped), T0, QHostAddress(QStringLiteral("10.0.0.3")));
    QVERIFY(!s.swarm(hashA));
    QCOMPARE(s.torrentCount(), 0);
}

void TestTrackerService::expiryAfterTwoIntervals()
{
    TrackerServiceSettings settings;
    settings.interval = seconds(100);
    TrackerService s(settings, 4);
    send(s, peer(1), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    send(s, peer(2), T0 + seconds(150), QHostAddress(QStringLiteral("10.0.0.2")));
    // At T0+200 peer 1 is exactly 2 intervals old: still there.
    QCOMPARE(ports(send(s, peer(3), T0 + seconds(200), QHostAddress(QStringLiteral("10.0.0.3")))),
             (QSet<quint16>{6001, 6002}));
    QCOMPARE(ports(send(s, peer(3), T0 + seconds(201), QHostAddress(QStringLiteral("10.0.0.3")))),
             (QSet<quint16>{6002}));
    // expire() frees swarms nobody announces to any more.
    send(s, peer(4), T0, QHostAddress(QStringLiteral("10.0.0.4")));
    AnnounceRequest other = peer(5);
    other.infoHash = hashB;
    send(s, other, T0 + seconds(201), QHostAddress(QStringLiteral("10.0.0.5")));
    QCOMPARE(s.torrentCount(), 2);
    s.expire(T0 + seconds(402));
    QCOMPARE(s.torrentCount(), 0);
}

void TestTrackerService::countsAndCompleted()
{
    TrackerService s({}, 5);
    send(s, peer(1, 0), T0, QHostAddress(QStringLiteral("10.0.0.1")));     // seed
    send(s, peer(2, 500), T0, QHostAddress(QStringLiteral("10.0.0.2")));   // leecher
    AnnounceRequest unknownLeft = peer(3);
    const auto r = send(s, unknownLeft, T0, QHostAddress(QStringLiteral("10.0.0.3")));
    QCOMPARE(r.complete.value(), 1);
    QCOMPARE(r.incomplete.value(), 2);
    QCOMPARE(r.downloaded.value(), 0);
    // Peer 2 finishes: one download, counted once even if `completed` is repeated.
    const auto done = send(s, peer(2, 0, AnnounceEvent::Completed), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(done.complete.value(), 2);
    QCOMPARE(done.incomplete.value(), 1);
    QCOMPARE(done.downloaded.value(), 1);
    send(s, peer(2, 0, AnnounceEvent::Completed), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(s.swarm(hashA)->downloaded(), 1);
    QCOMPARE(s.swarm(hashA)->seeds(), 2);
    // Removing a seed keeps the counters right.
    send(s, peer(1, 0, AnnounceEvent::Stopped), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    QCOMPARE(s.swarm(hashA)->seeds(), 1);
    QCOMPARE(s.swarm(hashA)->leechers(), 1);
}

void TestTrackerService::seedsGetNoSeeds()
{
    TrackerService s({}, 6);
    send(s, peer(1, 0), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    send(s, peer(2, 10), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(ports(send(s, peer(3, 0), T0, QHostAddress(QStringLiteral("10.0.0.3")))), (QSet<quint16>{6002}));
    QCOMPARE(ports(send(s, peer(4, 10), T0, QHostAddress(QStringLiteral("10.0.0.4")))),
             (QSet<quint16>{6001, 6002, 6003}));
}

void TestTrackerService::nonCompactForm()
{
    TrackerService s({}, 7);
    send(s, peer(1), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    AnnounceRequest r = peer(2);
    r.compact = false;
    const QByteArray raw = s.announce(query(r), QHostAddress(QStringLiteral("10.0.0.2")), T0);
    const auto root = bencode::decode(raw);
    QVERIFY(root);
    QVERIFY(root->findList("peers")); // the dictionary form, not a string
    const auto parsed = parseAnnounceResponse(raw);
    QCOMPARE(parsed->peers.size(), 1);
    QCOMPARE(parsed->peers[0].address, QHostAddress(QStringLiteral("10.0.0.1")));
    QCOMPARE(parsed->peers[0].peerId, peer(1).peerId);
    r.noPeerId = true;
    const auto root2 = bencode::decode(s.announce(query(r), QHostAddress(QStringLiteral("10.0.0.2")), T0));
    QVERIFY(!root2->findList("peers")->front().find("peer id"));
    QVERIFY(root2->findList("peers")->front().findString("ip"));
}

void TestTrackerService::ipv6RequesterGetsPeers6()
{
    TrackerService s({}, 8);
    const QHostAddress v6a(QStringLiteral("2001:db8::1"));
    const QHostAddress v6b(QStringLiteral("2001:db8::2"));
    send(s, peer(1), T0, v6a);
    send(s, peer(2), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    const QByteArray raw = s.announce(query(peer(3)), v6b, T0);
    const auto root = bencode::decode(raw);
    QCOMPARE(root->findString("peers6")->size(), 18);
    QCOMPARE(root->findString("peers")->size(), 6);
    QCOMPARE(parseAnnounceResponse(raw)->peers.size(), 2);
    // IPv4 hosts get only IPv4 peers.
    const auto v4 = bencode::decode(s.announce(query(peer(4)), QHostAddress(QStringLiteral("10.0.0.4")), T0));
    QVERIFY(!v4->find("peers6"));
    QCOMPARE(v4->findString("peers")->size(), 6);
}

void TestTrackerService::ipv4MappedSourceIsIPv4()
{
    TrackerService s({}, 9);
    send(s, peer(1), T0, QHostAddress(QStringLiteral("::ffff:10.0.0.1")));
    const auto r = send(s, peer(2), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(r.peers.size(), 1);
    QCOMPARE(r.peers[0].address.protocol(), QAbstractSocket::IPv4Protocol);
    // The same host with and without the mapping is one peer, not two.
    send(s, peer(1, 1000, AnnounceEvent::None), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    QCOMPARE(s.swarm(hashA)->size(), 2);
}

void TestTrackerService::ipParameter()
{
    AnnounceRequest lying = peer(1);
    lying.ip = "192.168.7.7";
    TrackerService strict({}, 10);
    send(strict, lying, T0, QHostAddress(QStringLiteral("10.0.0.1")));
    QVERIFY(strict.swarm(hashA)->find(QHostAddress(QStringLiteral("10.0.0.1")), 6001));
    QVERIFY(!strict.swarm(hashA)->find(QHostAddress(QStringLiteral("192.168.7.7")), 6001));

    TrackerServiceSettings settings;
    settings.allowIpParameter = true;
    TrackerService trusting(settings, 10);
    send(trusting, lying, T0, QHostAddress(QStringLiteral("10.0.0.1")));
    QVERIFY(trusting.swarm(hashA)->find(QHostAddress(QStringLiteral("192.168.7.7")), 6001));
    AnnounceRequest junk = peer(2);
    junk.ip = "not-an-address";
    send(trusting, junk, T0, QHostAddress(QStringLiteral("10.0.0.2")));
    QVERIFY(trusting.swarm(hashA)->find(QHostAddress(QStringLiteral("10.0.0.2")), 6002));
}

void TestTrackerService::failures()
{
    TrackerService s({}, 11);
    const QHostAddress from(QStringLiteral("10.0.0.1"));
    auto reason = [&](const QueryItems &q) { return parseAnnounceResponse(s.announce(q, from, T0))->failureReason; };
    QCOMPARE(reason({{"peer_id", QByteArray(20, 'p')}, {"port", "1"}}), QStringLiteral("missing info_hash"));
    QCOMPARE(reason({{"info_hash", "x"}, {"peer_id", QByteArray(20, 'p')}, {"port", "1"}}),
             QStringLiteral("info_hash is 1 bytes, expected 20"));
    QueryItems q = query(peer(1));
    q.append(qMakePair(QByteArray("ignored"), QByteArray("x")));
    q[2].second = "0"; // port
    QCOMPARE(reason(q), QStringLiteral("invalid port"));
    // `stopped` for a torrent nobody announced creates nothing.
    QCOMPARE(reason(query(peer(1, 0, AnnounceEvent::Stopped))), QStringLiteral("unknown torrent"));
    QCOMPARE(s.torrentCount(), 0);
}

void TestTrackerService::allowlist()
{
    TrackerService s({}, 12);
    s.setAllowedTorrents(QSet<metainfo::InfoHash>{hashB});
    QCOMPARE(send(s, peer(1), T0).failureReason, QStringLiteral("unregistered torrent"));
    AnnounceRequest b = peer(1);
    b.infoHash = hashB;
    QVERIFY(!send(s, b, T0).failed());
    const auto scraped = parseScrapeResponse(s.scrape({{"info_hash", hashA.bytes()}, {"info_hash", hashB.bytes()}}, T0));
    QCOMPARE(scraped->files.size(), 1);
    QVERIFY(scraped->files.contains(hashB));
}

void TestTrackerService::limits()
{
    TrackerServiceSettings settings;
    settings.maxTorrents = 1;
    settings.maxPeersPerTorrent = 2;
    TrackerService s(settings, 13);
    for (int i = 1; i <= 3; ++i)
        send(s, peer(i), T0, QHostAddress(QStringLiteral("10.0.0.%1").arg(i)));
    QCOMPARE(s.swarm(hashA)->size(), 2);
    // The peer that did not fit still gets peers.
    QCOMPARE(send(s, peer(3), T0, QHostAddress(QStringLiteral("10.0.0.3"))).peers.size(), 2);
    AnnounceRequest b = peer(9);
    b.infoHash = hashB;
    QCOMPARE(send(s, b, T0).failureReason, QStringLiteral("tracker is full"));
}

void TestTrackerService::scrape()
{
    TrackerService s({}, 14);
    send(s, peer(1, 0), T0, QHostAddress(QStringLiteral("10.0.0.1")));
    send(s, peer(2, 5), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    send(s, peer(2, 0, AnnounceEvent::Completed), T0, QHostAddress(QStringLiteral("10.0.0.2")));
    send(s, peer(3, 5), T0, QHostAddress(QStringLiteral("10.0.0.3")));
    const auto r = parseScrapeResponse(s.scrape({{"info_hash", hashA.bytes()}, {"info_hash", hashB.bytes()}}, T0));
    QVERIFY(r);
    QCOMPARE(r->files.size(), 2);
    QCOMPARE(r->files[hashA], (ScrapeStats{2, 1, 1}));
    QCOMPARE(r->files[hashB], (ScrapeStats{0, 0, 0})); // unknown torrents are listed with zeros
    const auto full = parseScrapeResponse(s.scrape({}, T0));
    QCOMPARE(full->files.size(), 1);
    QVERIFY(full->files.contains(hashA));
    // Scrape sees expiry too.
    const auto later = parseScrapeResponse(s.scrape({{"info_hash", hashA.bytes()}}, T0 + seconds(3601)));
    QCOMPARE(later->files[hashA], (ScrapeStats{0, 1, 0}));
    QCOMPARE(parseScrapeResponse(s.scrape({{"info_hash", "bad"}}, T0))->failureReason,
             QStringLiteral("info_hash is 3 bytes, expected 20"));
}

void TestTrackerService::sameAddressDifferentPorts()
{
    // Two clients behind one NAT address are two peers.
    TrackerService s({}, 15);
    const QHostAddress nat(QStringLiteral("10.0.0.1"));
    send(s, peer(1), T0, nat);
    const auto r = send(s, peer(2), T0, nat);
    QCOMPARE(ports(r), (QSet<quint16>{6001}));
    QCOMPARE(s.swarm(hashA)->size(), 2);
}

QTEST_GUILESS_MAIN(TestTrackerService)
#include "tst_trackerservice.moc"
