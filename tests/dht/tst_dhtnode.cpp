// Pure DHT nodes against each other in-process, through the real codec: bootstrap, a peer
// announced on one node found from another, answers to malformed and unknown queries, tokens,
// read-only nodes, rate limits, table maintenance over time, and a 500-node network.
#include "dhtnetwork.h"

#include <QTest>

#include <algorithm>

using namespace swarmscope;
using namespace swarmscope::dht;
using namespace swarmscope::dht::test;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const Endpoint Stranger{QHostAddress(QStringLiteral("192.0.2.77")), 4000};

KrpcMessage decodeOne(const std::vector<Datagram> &out, const Endpoint &to)
{
    for (const Datagram &d : out) {
        if (d.to == to) {
            auto m = decodeKrpc(d.payload);
            if (m && !m->isQuery())
                return *m;
        }
    }
    qFatal("no reply to that endpoint");
}

QByteArray queryBytes(Method method, const NodeId &id, const NodeId &target, QByteArray token = {}, quint16 port = 0)
{
    KrpcQuery q;
    q.method = method;
    q.id = id;
    q.target = target;
    q.token = std::move(token);
    q.port = port;
    return encodeKrpc(makeQuery("q1", q));
}

std::vector<Endpoint> peerList(const QHostAddress &address, quint16 port)
{
    return {Endpoint{address, port}};
}

// Every node bootstraps from node 0, one after another.
void bootstrapAll(DhtNetwork &net)
{
    for (int i = 1; i < net.size(); ++i) {
        net.node(i).setBootstrapRouters({net.endpoint(0)});
        net.node(i).bootstrap(net.now);
        net.deliver();
        net.run(std::chrono::milliseconds(300));
    }
    net.run(seconds(10));
}

} // namespace

class TestDhtNode : public QObject {
    Q_OBJECT
private slots:
    void threeNodesFindAnnouncedPeer();
    void ipv6Network();
    void impliedPortUsesSourcePort();
    void malformedAndUnknownQueries();
    void tokensAreCheckedPerAddress();
    void repliesMustMatchTransactionAndSource();
    void readOnlyNodeAsksButIsNotStored();
    void floodIsRateLimited();
    void deadNodeGoesBadAndBucketsRefresh();
    void restartFromSavedTable();
    void network500();
};

void TestDhtNode::threeNodesFindAnnouncedPeer()
{
    DhtNetwork net(3);
    for (int i = 0; i < 3; ++i)
        net.add();
    bootstrapAll(net);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(net.node(i).table().size(), 2);

    const NodeId infoHash = *NodeId::fromHex(u"0123456789abcdef0123456789abcdef01234567");
    net.node(2).announce(infoHash, 51413, false, net.now);
    const auto announced = net.finish(2);
    QCOMPARE(announced.size(), size_t(1));
    QCOMPARE(announced[0].kind, Lookup::Kind::Announce);
    QCOMPARE(announced[0].announcesAcked, 2);

    net.node(1).getPeers(infoHash, net.now);
    const auto found = net.finish(1);
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(found[0].target, infoHash);
    QCOMPARE(found[0].peers, peerList(net.endpoint(2).address, 51413));
    QCOMPARE(net.node(0).peerStore().peerCount(infoHash, net.now), 1);
    QVERIFY(net.largestDatagram <= KrpcLimits::MaxPacketSize);
    // Each learnt the address it is seen at (BEP 42 "ip").
    QCOMPARE(*net.node(1).reportedAddress(), net.endpoint(1));
}

void TestDhtNode::ipv6Network()
{
    // BEP 32: the same protocol over IPv6 with nodes6 and 18-byte values.
    DhtNetwork net(13, Family::IPv6);
    for (int i = 0; i < 12; ++i)
        net.add();
    bootstrapAll(net);
    for (int i = 0; i < net.size(); ++i) {
        QVERIFY(net.node(i).table().size() >= RoutingTable::K);
        QCOMPARE(net.node(i).table().family(), Family::IPv6);
    }
    const NodeId hash = *NodeId::fromHex(u"8888888888888888888888888888888888888888");
    net.node(3).announce(hash, 6000, false, net.now);
    QVERIFY(net.finish(3).at(0).announcesAcked >= 7);
    net.node(9).getPeers(hash, net.now);
    QCOMPARE(net.finish(9).at(0).peers, peerList(net.endpoint(3).address, 6000));
    // The replies really carry nodes6, not nodes.
    const auto reply = decodeOne(net.inject(0, queryBytes(Method::FindNode, net.node(1).id(), hash), net.endpoint(1)),
                                 net.endpoint(1));
    QVERIFY(reply.response().nodes.empty());
    QCOMPARE(reply.response().nodes6.size(), size_t(RoutingTable::K));
}

void TestDhtNode::impliedPortUsesSourcePort()
{
    DhtNetwork net(4);
    for (int i = 0; i < 2; ++i)
        net.add();
    bootstrapAll(net);
    const NodeId infoHash = *NodeId::fromHex(u"ffffffffffffffffffffffffffffffffffffffff");
    net.node(1).announce(infoHash, 1234, true, net.now);
    net.finish(1);
    Rng rng(1);
    QCOMPARE(net.node(0).peerStore().peers(infoHash, Family::IPv4, 50, net.now, rng),
             std::vector<Endpoint>{net.endpoint(1)}); // port 6881, not 1234
}

void TestDhtNode::malformedAndUnknownQueries()
{
    DhtNetwork net(5);
    net.add();
    // A query with a short id: error 203 with our transaction id.
    auto out = net.inject(0, "d1:ad2:id3:abce1:q4:ping1:t2:zz1:y1:qe", Stranger);
    auto reply = decodeOne(out, Stranger);
    QVERIFY(reply.isError());
    QCOMPARE(reply.transactionId, QByteArray("zz"));
    QCOMPARE(reply.error().code, int(ProtocolError));
    QVERIFY(reply.error().message.contains("\"id\" is 3 bytes"));
    // A method we do not know: 204.
    out = net.inject(0, "d1:ad2:id20:abcdefghij0123456789e1:q6:vote_x1:t2:yy1:y1:qe", Stranger);
    reply = decodeOne(out, Stranger);
    QCOMPARE(reply.error().code, int(MethodUnknown));
    QCOMPARE(reply.transactionId, QByteArray("yy"));
    // Garbage and malformed responses get no answer at all.
    QVERIFY(net.inject(0, "garbage", Stranger).empty());
    QVERIFY(net.inject(0, "d1:rd2:id1:xe1:t2:aa1:y1:re", Stranger).empty());
    QCOMPARE(net.node(0).stats().malformed, 3);
    // A valid ping gets a response carrying our id, our version and the sender's address.
    const Endpoint newcomer{QHostAddress(QStringLiteral("192.0.2.200")), 4001};
    out = net.inject(0, queryBytes(Method::Ping, *NodeId::fromHex(u"1111111111111111111111111111111111111111"), {}), newcomer);
    reply = decodeOne(out, newcomer);
    QVERIFY(reply.isResponse());
    QCOMPARE(reply.response().id, net.node(0).id());
    QCOMPARE(reply.version, net.node(0).settings().version);
    QCOMPARE(*reply.yourAddress, newcomer);
    // ... and, as an unknown node with room in our table, a ping back to verify it.
    const auto pingsBack = [&](const std::vector<Datagram> &datagrams) {
        return std::count_if(datagrams.begin(), datagrams.end(), [&](const Datagram &d) {
            const auto m = decodeKrpc(d.payload);
            return d.to == newcomer && m && m->isQuery() && m->query().method == Method::Ping;
        });
    };
    QCOMPARE(pingsBack(out), 1);
    // Only one ping at a time to the same address.
    QCOMPARE(pingsBack(net.inject(0, queryBytes(Method::Ping, *NodeId::fromHex(u"1111111111111111111111111111111111111111"), {}), newcomer)), 0);
    QCOMPARE(net.node(0).table().size(), 0); // not before it answers
}

void TestDhtNode::tokensAreCheckedPerAddress()
{
    DhtNetwork net(6);
    net.add();
    const NodeId me = *NodeId::fromHex(u"2222222222222222222222222222222222222222");
    const NodeId hash = *NodeId::fromHex(u"3333333333333333333333333333333333333333");
    auto reply = decodeOne(net.inject(0, queryBytes(Method::GetPeers, me, hash), Stranger), Stranger);
    const QByteArray token = reply.response().token;
    QCOMPARE(token.size(), TokenStore::TokenSize);
    QVERIFY(reply.response().values.empty());

    // Someone else replaying that token is refused.
    const Endpoint other{QHostAddress(QStringLiteral("192.0.2.78")), 4000};
    reply = decodeOne(net.inject(0, queryBytes(Method::AnnouncePeer, me, hash, token, 7000), other), other);
    QVERIFY(reply.isError());
    QCOMPARE(reply.error().message, QByteArray("bad token"));
    QCOMPARE(net.node(0).peerStore().peerCount(hash, net.now), 0);
    // The asker announces; a later get_peers returns it as a value.
    reply = decodeOne(net.inject(0, queryBytes(Method::AnnouncePeer, me, hash, token, 7000), Stranger), Stranger);
    QVERIFY(reply.isResponse());
    reply = decodeOne(net.inject(0, queryBytes(Method::GetPeers, me, hash), other), other);
    QCOMPARE(reply.response().values, peerList(Stranger.address, 7000));
    // Ten minutes later the token is stale.
    net.now += minutes(10);
    reply = decodeOne(net.inject(0, queryBytes(Method::AnnouncePeer, me, hash, token, 7001), Stranger), Stranger);
    QVERIFY(reply.isError());
}

void TestDhtNode::repliesMustMatchTransactionAndSource()
{
    DhtNetwork net(7);
    net.add();
    net.add();
    net.node(0).ping(net.endpoint(1), net.now);
    const auto out = net.node(0).takeOutgoing();
    QCOMPARE(out.size(), size_t(1));
    const auto ping = decodeKrpc(out[0].payload);
    QVERIFY(ping && ping->isQuery());
    // A forged reply from elsewhere with the right transaction id, and a reply with a wrong id, are ignored.
    const NodeId liar = *NodeId::fromHex(u"4444444444444444444444444444444444444444");
    net.inject(0, encodeKrpc(makeResponse(ping->transactionId, KrpcResponse{liar, {}, {}, {}, {}})), Stranger);
    net.inject(0, encodeKrpc(makeResponse("??", KrpcResponse{liar, {}, {}, {}, {}})), net.endpoint(1));
    QCOMPARE(net.node(0).stats().repliesUnmatched, 2);
    QCOMPARE(net.node(0).table().size(), 0);
    // The real answer is accepted and its sender enters the table.
    net.inject(0, encodeKrpc(makeResponse(ping->transactionId, KrpcResponse{net.node(1).id(), {}, {}, {}, {}})), net.endpoint(1));
    QCOMPARE(net.node(0).table().size(), 1);
    QVERIFY(net.node(0).table().find(net.node(1).id()));
    // A second copy of it no longer matches anything.
    net.inject(0, encodeKrpc(makeResponse(ping->transactionId, KrpcResponse{net.node(1).id(), {}, {}, {}, {}})), net.endpoint(1));
    QCOMPARE(net.node(0).stats().repliesUnmatched, 3);
}

void TestDhtNode::readOnlyNodeAsksButIsNotStored()
{
    DhtNetwork net(8);
    net.add();
    net.add();
    NodeSettings ro;
    ro.readOnly = true;
    const int reader = net.add(ro);
    bootstrapAll(net);
    QCOMPARE(net.node(reader).table().size(), 2); // it learnt the others
    QVERIFY(!net.node(0).table().find(net.node(reader).id()));
    QVERIFY(!net.node(1).table().find(net.node(reader).id()));
    // Its queries carry ro=1, and it answers nothing.
    net.node(reader).ping(net.endpoint(0), net.now);
    const auto out = net.node(reader).takeOutgoing();
    QVERIFY(decodeKrpc(out.at(0).payload)->readOnly);
    QVERIFY(net.inject(reader, queryBytes(Method::Ping, net.node(0).id(), {}), net.endpoint(0)).empty());
    // It still finds peers.
    const NodeId hash = *NodeId::fromHex(u"5555555555555555555555555555555555555555");
    net.node(1).announce(hash, 9999, false, net.now);
    net.finish(1);
    net.node(reader).getPeers(hash, net.now);
    const auto found = net.finish(reader);
    QCOMPARE(found.at(0).peers, peerList(net.endpoint(1).address, 9999));
}

void TestDhtNode::floodIsRateLimited()
{
    DhtNetwork net(9);
    net.add();
    const QByteArray ping = queryBytes(Method::Ping, *NodeId::fromHex(u"6666666666666666666666666666666666666666"), {});
    int answered = 0;
    for (int i = 0; i < 100; ++i) {
        for (const Datagram &d : net.inject(0, ping, Stranger))
            answered += decodeKrpc(d.payload)->isResponse() ? 1 : 0;
    }
    QCOMPARE(answered, int(RateLimiter::Settings{}.burst));
    QCOMPARE(net.node(0).stats().queriesRateLimited, 100 - answered);
    // Another host is served meanwhile.
    const Endpoint other{QHostAddress(QStringLiteral("192.0.2.99")), 1};
    QVERIFY(decodeOne(net.inject(0, ping, other), other).isResponse());
}

void TestDhtNode::deadNodeGoesBadAndBucketsRefresh()
{
    DhtNetwork net(10);
    for (int i = 0; i < 4; ++i)
        net.add();
    bootstrapAll(net);
    const NodeId gone = net.node(3).id();
    QVERIFY(net.node(0).table().find(gone));
    net.offline.insert(3);
    // Quiet for 15 minutes: nodes turn questionable, get pinged; node 3 never answers.
    net.run(minutes(20), seconds(1));
    const auto *entry = net.node(0).table().find(gone);
    QVERIFY(!entry || entry->state(net.now) == RoutingTable::NodeState::Bad);
    for (int i = 1; i < 3; ++i) {
        const auto *e = net.node(0).table().find(net.node(i).id());
        QVERIFY(e);
        QCOMPARE(e->state(net.now), RoutingTable::NodeState::Good);
    }
    // Stale buckets were refreshed by the node itself.
    QVERIFY(net.node(0).table().bucketsNeedingRefresh(net.now).empty());
    QVERIFY(net.node(0).stats().timeouts >= 2);
    // nextWakeup never lies beyond the maintenance interval.
    QVERIFY(net.node(0).nextWakeup(net.now) <= net.now + net.node(0).settings().maintenanceInterval);
}

void TestDhtNode::restartFromSavedTable()
{
    DhtNetwork net(11);
    for (int i = 0; i < 6; ++i)
        net.add();
    bootstrapAll(net);
    const QByteArray blob = net.node(5).table().save();
    const auto saved = RoutingTable::load(blob);
    QVERIFY(saved);
    QCOMPARE(saved->nodes.size(), size_t(5));
    const NodeId hash = *NodeId::fromHex(u"7777777777777777777777777777777777777777");
    net.node(2).announce(hash, 4242, false, net.now);
    net.finish(2);

    // Node 5 restarts with its saved id and table, and no bootstrap routers.
    net.run(minutes(30), seconds(5));
    net.restart(5, saved->ownId);
    Node &node = net.node(5);
    node.table().restore(saved->nodes, net.now);
    QCOMPARE(node.table().size(), 5);
    for (const NodeInfo &n : saved->nodes)
        QCOMPARE(node.table().find(n.id)->state(net.now), RoutingTable::NodeState::Questionable);
    // Maintenance pings the restored nodes; they answer and are good again.
    net.run(seconds(12));
    for (const NodeInfo &n : saved->nodes)
        QCOMPARE(node.table().find(n.id)->state(net.now), RoutingTable::NodeState::Good);
    node.getPeers(hash, net.now);
    const auto found = net.finish(5);
    QCOMPARE(found.at(0).peers.size(), size_t(0)); // announced 30 minutes ago: expired
    net.node(2).announce(hash, 4242, false, net.now);
    net.finish(2);
    node.getPeers(hash, net.now);
    QCOMPARE(net.finish(5).at(0).peers, peerList(net.endpoint(2).address, 4242));
}

void TestDhtNode::network500()
{
    DhtNetwork net(12);
    for (int i = 0; i < 500; ++i)
        net.add();
    bootstrapAll(net);
    int tableSizes = 0;
    for (int i = 0; i < net.size(); ++i)
        tableSizes += net.node(i).table().size();
    int smallest = 1000;
    for (int i = 0; i < net.size(); ++i)
        smallest = std::min(smallest, net.node(i).table().size());
    qInfo("average table size %.1f, smallest %d, datagrams %d", tableSizes / 500.0, smallest, net.delivered);
    QVERIFY(smallest >= RoutingTable::K);
    QVERIFY(tableSizes / 500 >= 12);

    Rng rng(77);
    // Find-node lookups reach the true closest nodes.
    for (int round = 0; round < 10; ++round) {
        const int from = int(rng() % 500);
        const NodeId target = NodeId::random(rng);
        net.node(from).findNode(target, net.now);
        const auto results = net.finish(from);
        QCOMPARE(results.size(), size_t(1));
        std::vector<NodeId> all;
        for (int i = 0; i < 500; ++i) {
            if (i != from)
                all.push_back(net.node(i).id());
        }
        std::sort(all.begin(), all.end(), [&](const NodeId &a, const NodeId &b) { return isCloser(target, a, b); });
        std::vector<NodeId> got;
        for (const auto &r : results[0].closest)
            got.push_back(r.node.id);
        QCOMPARE(got, std::vector<NodeId>(all.begin(), all.begin() + 8));
    }
    // Peers announced from one node are found from others.
    for (int round = 0; round < 5; ++round) {
        const int announcer = int(rng() % 500);
        int seeker = int(rng() % 500);
        if (seeker == announcer)
            seeker = (seeker + 1) % 500;
        const NodeId hash = NodeId::random(rng);
        net.node(announcer).announce(hash, quint16(20000 + round), false, net.now);
        const auto announced = net.finish(announcer);
        QVERIFY(announced.at(0).announcesAcked >= 7);
        net.node(seeker).getPeers(hash, net.now);
        const auto found = net.finish(seeker);
        QCOMPARE(found.at(0).peers, peerList(net.endpoint(announcer).address, quint16(20000 + round)));
    }
    QVERIFY(net.largestDatagram <= KrpcLimits::MaxPacketSize);
}

QTEST_GUILESS_MAIN(TestDhtNode)
#include "tst_dhtnode.moc"
