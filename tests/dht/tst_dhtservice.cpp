// DhtService on real UDP sockets, all on 127.0.0.1 with free ports: a small DHT of services in
// one process bootstrapping from the first, announces and searches through it, restarts from
// the exported state, and the bootstrap and host:port plumbing. Never any other address.
#include "dht/dhtservice.h"

#include "bencode/writer.h"
#include "dht/krpc.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <vector>

using namespace swarmscope;
using namespace swarmscope::dht;
using swarmscope::metainfo::InfoHash;

namespace {

constexpr int JoinTimeoutMs = 10000;
constexpr int FindTimeoutMs = 20000;
constexpr quint16 AnnouncedPort = 51413;

QHostAddress loopback()
{
    return QHostAddress(QHostAddress::LocalHost);
}

DhtServiceSettings loopbackSettings(quint16 bootstrapPort) // 0: no bootstrap list
{
    DhtServiceSettings s;
    s.bindAddress = loopback();
    s.port = 0;
    if (bootstrapPort)
        s.bootstrap << QStringLiteral("127.0.0.1:%1").arg(bootstrapPort);
    s.researchInterval = std::chrono::seconds(60);
    s.retryInterval = std::chrono::seconds(1);
    s.node.queryTimeout = std::chrono::seconds(1);
    // Every service here sends from 127.0.0.1: one source for the per-address rate limit.
    s.node.rateLimit.perSecond = 10000;
    s.node.rateLimit.burst = 10000;
    return s;
}

InfoHash hashOf(const char *text)
{
    return InfoHash::ofInfo(QByteArray(text));
}

// Everything a service reported for one hash.
struct PeerLog {
    QList<Endpoint> peers;
    int reports = 0;
};

std::shared_ptr<PeerLog> record(DhtService &service, const InfoHash &hash)
{
    auto log = std::make_shared<PeerLog>();
    QObject::connect(&service, &DhtService::peersFound, &service,
                     [log, hash](const InfoHash &h, const QList<Endpoint> &peers) {
                         if (h == hash) {
                             log->peers += peers;
                             ++log->reports;
                         }
                     });
    return log;
}

using Services = std::vector<std::unique_ptr<DhtService>>;

// Service 0 has no bootstrap list; every other one bootstraps from it and is in the table of
// someone before the next starts.
bool startNetwork(Services &net, int count)
{
    for (int i = 0; i < count; ++i) {
        net.push_back(std::make_unique<DhtService>(loopbackSettings(i == 0 ? 0 : net[0]->port())));
        QString error;
        if (!net.back()->start({}, &error)) {
            qWarning("start: %s", qPrintable(error));
            return false;
        }
        if (i > 0 && !QTest::qWaitFor([&] { return net.back()->nodeCount() > 0; }, JoinTimeoutMs))
            return false;
    }
    // Everyone queried service 0, which pinged each back: it knows them all.
    return QTest::qWaitFor([&] { return net[0]->nodeCount() == count - 1; }, JoinTimeoutMs);
}

std::optional<NodeId> exportedId(const DhtService &service)
{
    const auto saved = RoutingTable::load(service.exportState());
    return saved ? std::optional<NodeId>(saved->ownId) : std::nullopt;
}

QByteArray stateBlob(const QByteArray &id, const QByteArray &nodes)
{
    bencode::Dict d;
    d.emplace("format", bencode::Value(1));
    d.emplace("id", id);
    d.emplace("nodes", nodes);
    return bencode::encode(bencode::Value(std::move(d)));
}

const QByteArray SavedId(20, 'x');

} // namespace

class TestDhtService : public QObject {
    Q_OBJECT
private slots:
    void parseHostPort_data();
    void parseHostPort();
    void defaultBootstrapIsNames();
    void bindsAndRefusesTakenPort();
    void answersPingOnTheSocket();
    void addNodeEntersTable();
    void swarmFindsAnnouncedPeer();
    void restartFromExportedState();
    void savedStateRestoresIdAndNodes();
    void garbledStateIgnored_data();
    void garbledStateIgnored();
    void rebootstrapsWhileTableEmpty();
};

void TestDhtService::parseHostPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("name") << QStringLiteral("router.bittorrent.com:6881") << true
                          << QStringLiteral("router.bittorrent.com") << 6881;
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:25401") << true << QStringLiteral("127.0.0.1") << 25401;
    QTest::newRow("ipv6 bracketed") << QStringLiteral("[::1]:6881") << true << QStringLiteral("::1") << 6881;
    QTest::newRow("spaces around") << QStringLiteral("  host:1  ") << true << QStringLiteral("host") << 1;
    QTest::newRow("max port") << QStringLiteral("h:65535") << true << QStringLiteral("h") << 65535;
    QTest::newRow("no port") << QStringLiteral("router.bittorrent.com") << false << QString() << 0;
    QTest::newRow("empty port") << QStringLiteral("host:") << false << QString() << 0;
    QTest::newRow("port zero") << QStringLiteral("host:0") << false << QString() << 0;
    QTest::newRow("port too big") << QStringLiteral("host:65536") << false << QString() << 0;
    QTest::newRow("port huge") << QStringLiteral("host:99999999999") << false << QString() << 0;
    QTest::newRow("port sign") << QStringLiteral("host:+80") << false << QString() << 0;
    QTest::newRow("port letters") << QStringLiteral("host:http") << false << QString() << 0;
    QTest::newRow("no host") << QStringLiteral(":6881") << false << QString() << 0;
    QTest::newRow("bare ipv6") << QStringLiteral("::1:6881") << false << QString() << 0;
    QTest::newRow("bracket not ipv6") << QStringLiteral("[host]:6881") << false << QString() << 0;
    QTest::newRow("bracket no port") << QStringLiteral("[::1]") << false << QString() << 0;
    QTest::newRow("inner space") << QStringLiteral("ho st:6881") << false << QString() << 0;
    QTest::newRow("url") << QStringLiteral("udp://host:6881") << false << QString() << 0;
    QTest::newRow("empty") << QString() << false << QString() << 0;
}

void TestDhtService::parseHostPort()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString gotHost = QStringLiteral("unchanged");
    quint16 gotPort = 7;
    QCOMPARE(dht::parseHostPort(text, &gotHost, &gotPort), ok);
    if (ok) {
        QCOMPARE(gotHost, host);
        QCOMPARE(int(gotPort), port);
    } else {
        QCOMPARE(gotHost, QStringLiteral("unchanged"));
        QCOMPARE(int(gotPort), 7);
    }
}

void TestDhtService::defaultBootstrapIsNames()
{
    // Only checked, never contacted: names that resolve at run time, no addresses in our code.
    const QStringList list = defaultBootstrap();
    QCOMPARE(list.size(), 4);
    QVERIFY(list.contains(QStringLiteral("router.bittorrent.com:6881")));
    QVERIFY(list.contains(QStringLiteral("dht.transmissionbt.com:6881")));
    QVERIFY(list.contains(QStringLiteral("router.utorrent.com:6881")));
    QVERIFY(list.contains(QStringLiteral("dht.libtorrent.org:25401")));
    for (const QString &entry : list) {
        QString host;
        quint16 port = 0;
        QVERIFY2(dht::parseHostPort(entry, &host, &port), qPrintable(entry));
        QVERIFY2(QHostAddress(host).isNull(), qPrintable(entry));
    }
    // The default settings contact nobody.
    QVERIFY(DhtServiceSettings().bootstrap.isEmpty());
}

void TestDhtService::bindsAndRefusesTakenPort()
{
    DhtService first(loopbackSettings(0));
    QVERIFY(!first.isRunning());
    QCOMPARE(first.port(), quint16(0));
    QVERIFY(first.start({}));
    QVERIFY(first.isRunning());
    QVERIFY(first.port() != 0);
    QString error;
    QVERIFY(!first.start({}, &error)); // already running
    QVERIFY(!error.isEmpty());

    DhtServiceSettings same = loopbackSettings(0);
    same.port = first.port();
    DhtService second(same);
    error.clear();
    QVERIFY(!second.start({}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!second.isRunning());

    first.stop();
    QVERIFY(!first.isRunning());
    QCOMPARE(first.port(), quint16(0));
    // The port is free again once stopped.
    QVERIFY2(second.start({}, &error), qPrintable(error));
    QCOMPARE(second.port(), same.port);
}

void TestDhtService::answersPingOnTheSocket()
{
    DhtService service(loopbackSettings(0));
    QVERIFY(service.start({}));
    QUdpSocket client;
    QVERIFY(client.bind(loopback(), 0));

    // An oversized datagram (a ping padded past 1500 bytes) is dropped without an answer.
    bencode::Dict args;
    args.emplace("id", QByteArray(20, 'c'));
    bencode::Dict big;
    big.emplace("a", bencode::Value(std::move(args)));
    big.emplace("pad", QByteArray(1600, 'p'));
    big.emplace("q", "ping");
    big.emplace("t", "aa");
    big.emplace("y", "q");
    client.writeDatagram(bencode::encode(bencode::Value(std::move(big))), loopback(), service.port());

    KrpcQuery ping;
    ping.method = Method::Ping;
    ping.id = *NodeId::fromBytes(QByteArray(20, 'c'));
    client.writeDatagram(encodeKrpc(makeQuery(QByteArrayLiteral("bb"), ping)), loopback(), service.port());

    std::optional<KrpcMessage> reply;
    const bool answered = QTest::qWaitFor([&] {
        while (client.hasPendingDatagrams()) {
            const auto message = decodeKrpc(client.receiveDatagram().data());
            if (!message)
                continue;
            if (message->transactionId == "aa")
                reply = message; // must not happen
            if (message->transactionId == "bb" && message->isResponse() && !reply)
                reply = message;
        }
        return reply.has_value();
    }, 5000);
    QVERIFY(answered);
    QCOMPARE(reply->transactionId, QByteArrayLiteral("bb"));
    QVERIFY(reply->isResponse());
    // The responder's id is the one it exports, and it saw our real address (BEP 42 "ip").
    QCOMPARE(std::optional<NodeId>(reply->response().id), exportedId(service));
    QVERIFY(reply->yourAddress);
    QCOMPARE(reply->yourAddress->port, client.localPort());
}

void TestDhtService::addNodeEntersTable()
{
    DhtService a(loopbackSettings(0));
    DhtService b(loopbackSettings(0));
    QVERIFY(a.start({}));
    QVERIFY(b.start({}));
    QSignalSpy counts(&a, &DhtService::nodeCountChanged);
    QCOMPARE(a.nodeCount(), 0);
    QCOMPARE(b.nodeCount(), 0);

    a.addNode(loopback(), b.port()); // as from a peer's PORT message
    QTRY_COMPARE_WITH_TIMEOUT(a.nodeCount(), 1, JoinTimeoutMs);
    QVERIFY(!counts.isEmpty());
    QCOMPARE(counts.last().at(0).toInt(), 1);
    // B was queried by A, pinged it back, and keeps it too.
    QTRY_COMPARE_WITH_TIMEOUT(b.nodeCount(), 1, JoinTimeoutMs);
    // A's table (in its exported state) names B's endpoint.
    const auto saved = RoutingTable::load(a.exportState());
    QVERIFY(saved);
    QCOMPARE(saved->nodes.size(), size_t(1));
    QCOMPARE(saved->nodes[0].endpoint, (Endpoint{loopback(), b.port()}));
    QCOMPARE(std::optional<NodeId>(saved->nodes[0].id), exportedId(b));
}

void TestDhtService::swarmFindsAnnouncedPeer()
{
    Services net;
    QVERIFY(startNetwork(net, 7));
    const InfoHash hash = hashOf("swarm");
    const InfoHash other = hashOf("nobody has this one");

    // The searcher researches every second once it found someone, to show the repetition.
    DhtServiceSettings fast = loopbackSettings(net[0]->port());
    fast.researchInterval = std::chrono::seconds(1);
    DhtService searcher(fast);
    QVERIFY(searcher.start({}));

    const auto found = record(searcher, hash);
    const auto foundOther = record(searcher, other);
    net[1]->track(hash, AnnouncedPort, true);
    searcher.track(hash, 0, false);
    searcher.track(other, 0, false);

    const Endpoint announced{loopback(), AnnouncedPort};
    QTRY_VERIFY_WITH_TIMEOUT(found->peers.contains(announced), FindTimeoutMs);
    // Only the announcer announced, and the searcher did not announce itself.
    for (const Endpoint &peer : std::as_const(found->peers))
        QCOMPARE(peer, announced);
    QCOMPARE(foundOther->reports, 0);

    // Searched again after researchInterval.
    const int before = found->reports;
    QTRY_VERIFY_WITH_TIMEOUT(found->reports > before, FindTimeoutMs);

    // untrack() stops the reports, though searches used to come every second.
    searcher.untrack(hash);
    const int atUntrack = found->reports;
    QTest::qWait(3000);
    QCOMPARE(found->reports, atUntrack);
}

void TestDhtService::restartFromExportedState()
{
    Services net;
    QVERIFY(startNetwork(net, 6));
    const InfoHash hash = hashOf("restart");
    net[1]->track(hash, AnnouncedPort, true);
    const Endpoint announced{loopback(), AnnouncedPort};
    {
        const auto found = record(*net[5], hash);
        net[5]->track(hash, 0, false);
        QTRY_VERIFY_WITH_TIMEOUT(found->peers.contains(announced), FindTimeoutMs);
    }

    const QByteArray state = net[5]->exportState();
    const auto saved = RoutingTable::load(state);
    QVERIFY(saved);
    QVERIFY(!saved->nodes.empty());
    QVERIFY(saved->nodes.size() <= 200);
    const quint16 port = net[5]->port();
    net[5].reset();

    // Same port, no bootstrap list: only the saved nodes can bring it back.
    DhtServiceSettings settings = loopbackSettings(0);
    settings.port = port;
    DhtService restarted(settings);
    QString error;
    QVERIFY2(restarted.start(state, &error), qPrintable(error));
    QCOMPARE(exportedId(restarted), std::optional<NodeId>(saved->ownId));
    QCOMPARE(restarted.nodeCount(), int(saved->nodes.size())); // restored, not yet confirmed

    const auto found = record(restarted, hash);
    restarted.track(hash, 0, false);
    QTRY_VERIFY_WITH_TIMEOUT(found->peers.contains(announced), FindTimeoutMs);

    // The same start with no state knows nobody (the control).
    DhtService cold(loopbackSettings(0));
    QVERIFY(cold.start({}));
    QCOMPARE(cold.nodeCount(), 0);
    QVERIFY(exportedId(cold) != std::optional<NodeId>(saved->ownId));
}

void TestDhtService::savedStateRestoresIdAndNodes()
{
    const NodeInfo node{*NodeId::fromBytes(QByteArray(20, 'n')), Endpoint{loopback(), 9}};
    const QByteArray state = stateBlob(SavedId, encodeCompactNodes(std::span(&node, 1), Family::IPv4));
    DhtService service(loopbackSettings(0));
    QVERIFY(service.start(state));
    QCOMPARE(exportedId(service), NodeId::fromBytes(SavedId));
    QCOMPARE(service.nodeCount(), 1);
    const auto saved = RoutingTable::load(service.exportState());
    QVERIFY(saved);
    QCOMPARE(saved->nodes.size(), size_t(1));
    QCOMPARE(saved->nodes[0], node);
}

void TestDhtService::garbledStateIgnored_data()
{
    QTest::addColumn<QByteArray>("state");
    const NodeInfo node{*NodeId::fromBytes(QByteArray(20, 'n')), Endpoint{loopback(), 9}};
    const QByteArray valid = stateBlob(SavedId, encodeCompactNodes(std::span(&node, 1), Family::IPv4));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not bencode") << QByteArrayLiteral("this is not a saved state");
    QTest::newRow("truncated") << valid.left(valid.size() - 3);
    QTest::newRow("trailing bytes") << valid + "x";
    QTest::newRow("not a dict") << QByteArrayLiteral("i42e");
    QTest::newRow("short id") << stateBlob(QByteArray(19, 'x'), {});
    QTest::newRow("nodes not 26-byte entries") << stateBlob(SavedId, QByteArray(25, 'n'));
    QTest::newRow("no format") << QByteArray("d2:id20:" + SavedId + "e");
}

void TestDhtService::garbledStateIgnored()
{
    QFETCH(QByteArray, state);
    DhtService service(loopbackSettings(0));
    QVERIFY(service.start(state));
    QVERIFY(service.isRunning());
    QCOMPARE(service.nodeCount(), 0);
    const auto id = exportedId(service);
    QVERIFY(id);                                     // a fresh, valid identity
    QVERIFY(id != NodeId::fromBytes(SavedId));       // not taken from the garbled state
}

void TestDhtService::rebootstrapsWhileTableEmpty()
{
    // The bootstrap port is held by a socket that never answers, so the first round fails.
    QUdpSocket silent;
    QVERIFY(silent.bind(loopback(), 0));
    const quint16 routerPort = silent.localPort();
    DhtService a(loopbackSettings(routerPort));
    QVERIFY(a.start({}));
    QVERIFY(silent.waitForReadyRead(5000)); // A's first bootstrap query, swallowed

    // A node appears on that port, with no bootstrap list of its own: only A retrying can
    // bring the two together.
    silent.close();
    DhtServiceSettings settings = loopbackSettings(0);
    settings.port = routerPort;
    DhtService b(settings);
    QString error;
    QVERIFY2(b.start({}, &error), qPrintable(error));
    QCOMPARE(a.nodeCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(a.nodeCount(), 1, FindTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(b.nodeCount(), 1, JoinTimeoutMs);
}

QTEST_GUILESS_MAIN(TestDhtService)
#include "tst_dhtservice.moc"
