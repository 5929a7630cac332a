// The iterative lookup state machine: alpha, ordering, slow and failed nodes, bootstrap seeds,
// the announce phase, budgets; and convergence on a synthetic network of 500 nodes whose
// routing tables are real RoutingTables, messages passed in-process.
#include "dht/lookup.h"
#include "dht/routingtable.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace swarmscope;
using namespace swarmscope::dht;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

const TimePoint T0 = TimePoint{} + std::chrono::hours(1);

Endpoint ep(int n)
{
    return Endpoint{QHostAddress(quint32(0x0a000000 + n)), quint16(6881)};
}

std::vector<NodeInfo> randomNodes(int count, Rng &rng, int firstAddress = 1)
{
    std::vector<NodeInfo> nodes;
    for (int i = 0; i < count; ++i)
        nodes.push_back(NodeInfo{NodeId::random(rng), ep(firstAddress + i)});
    return nodes;
}

std::vector<NodeInfo> sortedBy(std::vector<NodeInfo> nodes, const NodeId &target)
{
    std::sort(nodes.begin(), nodes.end(), [&](const NodeInfo &a, const NodeInfo &b) { return isCloser(target, a.id, b.id); });
    return nodes;
}

KrpcResponse reply(const NodeId &id, std::vector<NodeInfo> nodes = {}, QByteArray token = {})
{
    return KrpcResponse{id, std::move(nodes), {}, {}, std::move(token)};
}

// A synthetic DHT: every node has a RoutingTable filled from the others in random order.
struct Network {
    std::vector<NodeInfo> nodes;
    std::vector<RoutingTable> tables;
    std::set<int> dead;                // nodes that never answer
    std::map<int, std::vector<Endpoint>> peersAt; // node index -> values it answers with

    Network(int count, Rng &rng)
    {
        nodes = randomNodes(count, rng);
        for (const NodeInfo &n : nodes)
            tables.emplace_back(n.id, Family::IPv4, T0);
        std::vector<int> order(count);
        for (int i = 0; i < count; ++i)
            order[i] = i;
        for (int i = 0; i < count; ++i) {
            std::shuffle(order.begin(), order.end(), rng);
            for (int j : order)
                tables[i].heardFrom(nodes[j], RoutingTable::Contact::Response, T0);
        }
    }
    int indexOf(const Endpoint &e) const { return int(e.address.toIPv4Address() - 0x0a000000) - 1; }

    // Runs a lookup to the end, answering its queries; returns the number of poll rounds.
    int run(Lookup &lookup)
    {
        TimePoint now = T0;
        int rounds = 0;
        std::vector<std::pair<Endpoint, KrpcQuery>> inFlight;
        while (!lookup.isDone() && rounds < 10000) {
            for (const auto &q : lookup.poll(now))
                inFlight.emplace_back(q.to, q.query);
            // Answer everything sent, one simulated 50 ms round trip later.
            now += milliseconds(50);
            for (const auto &[to, query] : std::exchange(inFlight, {})) {
                const int i = indexOf(to);
                if (dead.contains(i))
                    continue; // the lookup's own timeout notices
                KrpcResponse r = reply(nodes[i].id, tables[i].closest(query.target, 8, now), "tok" + QByteArray::number(i));
                if (auto it = peersAt.find(i); it != peersAt.end())
                    r.values = it->second;
                lookup.onResponse(to, r, now);
            }
            ++rounds;
        }
        return rounds;
    }
    std::vector<NodeInfo> trueClosest(const NodeId &target, int count, int exclude) const
    {
        std::vector<NodeInfo> live;
        for (int i = 0; i < int(nodes.size()); ++i) {
            if (i != exclude && !dead.contains(i))
                live.push_back(nodes[i]);
        }
        live = sortedBy(live, target);
        live.resize(count);
        return live;
    }
};

std::vector<NodeInfo> responderNodes(const Lookup &lookup, int count)
{
    std::vector<NodeInfo> out;
    for (const auto &r : lookup.closestResponders(count))
        out.push_back(r.node);
    return out;
}

} // namespace

class TestLookup : public QObject {
    Q_OBJECT
private slots:
    void emptyLookupIsDoneAtOnce();
    void alphaClosestFirst();
    void closerNodesFromResponsesAreAskedNext();
    void stopsWhenKClosestAnswered();
    void slowNodeFreesItsSlot();
    void failuresAndWrongIds();
    void strangersAndDuplicatesIgnored();
    void bootstrapSeedsGetTheirIds();
    void announcePhase();
    void peersCollectedOnce();
    void queryBudget();
    void convergesOn500Nodes();
    void convergesWithDeadNodes();
    void findsPeersOn500Nodes();
};

void TestLookup::emptyLookupIsDoneAtOnce()
{
    Lookup lookup(Lookup::Kind::GetPeers, NodeId{}, NodeId{}, Family::IPv4);
    QVERIFY(!lookup.isDone());
    QVERIFY(lookup.poll(T0).empty());
    QVERIFY(lookup.isDone());
    QVERIFY(!lookup.nextDeadline());
}

void TestLookup::alphaClosestFirst()
{
    Rng rng(1);
    const NodeId own = NodeId::random(rng), target = NodeId::random(rng);
    const auto nodes = randomNodes(20, rng);
    Lookup lookup(Lookup::Kind::GetPeers, own, target, Family::IPv4);
    lookup.addCandidates(nodes);
    lookup.addCandidates(nodes); // duplicates are ignored
    lookup.addCandidates(std::vector<NodeInfo>{NodeInfo{own, ep(99)}}); // and so is our own id
    const auto sorted = sortedBy(nodes, target);
    const auto out = lookup.poll(T0);
    QCOMPARE(out.size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(out[i].to, sorted[i].endpoint);
        QCOMPARE(*out[i].expectedId, sorted[i].id);
        QCOMPARE(out[i].query.method, Method::GetPeers);
        QCOMPARE(out[i].query.id, own);
        QCOMPARE(out[i].query.target, target);
    }
    QVERIFY(lookup.poll(T0 + milliseconds(10)).empty()); // all three slots busy
    QCOMPARE(*lookup.nextDeadline(), T0 + seconds(1));
    lookup.onResponse(sorted[1].endpoint, reply(sorted[1].id), T0 + milliseconds(20));
    const auto next = lookup.poll(T0 + milliseconds(20));
    QCOMPARE(next.size(), size_t(1));
    QCOMPARE(next[0].to, sorted[3].endpoint);
    QCOMPARE(lookup.queriesSent(), 4);
}

void TestLookup::closerNodesFromResponsesAreAskedNext()
{
    Rng rng(2);
    const NodeId target = NodeId::random(rng);
    auto far = randomNodes(3, rng);
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(far);
    QCOMPARE(lookup.poll(T0).front().query.method, Method::FindNode);
    // A node 4 bits closer than anything known shows up in an answer.
    NodeId close = NodeId::randomWithPrefix(target, 40, rng);
    lookup.onResponse(far[0].endpoint, reply(far[0].id, {NodeInfo{close, ep(50)}}), T0);
    const auto out = lookup.poll(T0);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].to, ep(50));
    QCOMPARE(*out[0].expectedId, close);
}

void TestLookup::stopsWhenKClosestAnswered()
{
    Rng rng(3);
    const NodeId target = NodeId::random(rng);
    const auto nodes = randomNodes(12, rng);
    const auto sorted = sortedBy(nodes, target);
    Lookup lookup(Lookup::Kind::GetPeers, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(nodes);
    std::set<int> asked;
    for (int round = 0; round < 20 && !lookup.isDone(); ++round) {
        for (const auto &q : lookup.poll(T0)) {
            const auto it = std::find_if(sorted.begin(), sorted.end(), [&](const NodeInfo &n) { return n.endpoint == q.to; });
            asked.insert(int(it - sorted.begin()));
            lookup.onResponse(q.to, reply(it->id, {}, "t"), T0);
        }
    }
    QVERIFY(lookup.isDone());
    // Exactly the 8 closest were asked: nobody gave a closer node, and the 4 farthest were never needed.
    QCOMPARE(asked, (std::set<int>{0, 1, 2, 3, 4, 5, 6, 7}));
    QCOMPARE(responderNodes(lookup, 8), std::vector<NodeInfo>(sorted.begin(), sorted.begin() + 8));
    QVERIFY(lookup.poll(T0).empty());
}

void TestLookup::slowNodeFreesItsSlot()
{
    Rng rng(4);
    const NodeId target = NodeId::random(rng);
    const auto nodes = sortedBy(randomNodes(5, rng), target);
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(nodes);
    QCOMPARE(lookup.poll(T0).size(), size_t(3));
    // After slowAfter (1 s) the three are slow: two more queries go out (only 5 candidates).
    QVERIFY(lookup.poll(T0 + milliseconds(999)).empty());
    QCOMPARE(lookup.poll(T0 + seconds(1)).size(), size_t(2));
    // A slow node may still answer.
    lookup.onResponse(nodes[0].endpoint, reply(nodes[0].id), T0 + seconds(2));
    QCOMPARE(lookup.responses(), 1);
    // At the timeout (5 s) the others that never answered fail; then nobody is left.
    QVERIFY(!lookup.isDone());
    lookup.poll(T0 + seconds(5));
    QCOMPARE(lookup.failures(), 2);
    QVERIFY(!lookup.isDone()); // the two sent at 1 s are still within their time
    lookup.poll(T0 + seconds(6));
    QCOMPARE(lookup.failures(), 4);
    QVERIFY(lookup.isDone());
    QCOMPARE(responderNodes(lookup, 8), std::vector<NodeInfo>{nodes[0]});
    // An answer after the timeout counts for nothing.
    lookup.onResponse(nodes[1].endpoint, reply(nodes[1].id), T0 + seconds(7));
    QCOMPARE(lookup.responses(), 1);
}

void TestLookup::failuresAndWrongIds()
{
    Rng rng(5);
    const NodeId target = NodeId::random(rng);
    const auto nodes = sortedBy(randomNodes(4, rng), target);
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(nodes);
    lookup.poll(T0);
    lookup.onFailure(nodes[0].endpoint, T0);                                         // error reply or timeout
    lookup.onResponse(nodes[1].endpoint, reply(NodeId::random(rng)), T0);            // not the node we asked
    lookup.onResponse(nodes[2].endpoint, reply(nodes[2].id), T0);
    QCOMPARE(lookup.failures(), 2);
    const auto out = lookup.poll(T0);
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].to, nodes[3].endpoint);
    lookup.onResponse(nodes[3].endpoint, reply(nodes[3].id), T0);
    lookup.poll(T0);
    QVERIFY(lookup.isDone());
    QCOMPARE(responderNodes(lookup, 8), (std::vector<NodeInfo>{nodes[2], nodes[3]}));
}

void TestLookup::strangersAndDuplicatesIgnored()
{
    Rng rng(6);
    const NodeId target = NodeId::random(rng);
    const auto nodes = randomNodes(2, rng);
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(nodes);
    lookup.poll(T0);
    lookup.onResponse(ep(77), reply(NodeId::random(rng), randomNodes(3, rng, 100)), T0); // never asked
    lookup.onResponse(nodes[0].endpoint, reply(nodes[0].id), T0);
    lookup.onResponse(nodes[0].endpoint, reply(nodes[0].id, randomNodes(3, rng, 200)), T0); // second answer
    QCOMPARE(lookup.responses(), 1);
    // Nodes of the other family and unusable endpoints are not candidates.
    lookup.onResponse(nodes[1].endpoint,
                      reply(nodes[1].id, {NodeInfo{NodeId::random(rng), Endpoint{QHostAddress(quint32(0x0a0000aa)), 0}},
                                          NodeInfo{NodeId::random(rng), Endpoint{QHostAddress(QStringLiteral("2001:db8::1")), 1}}}),
                      T0);
    QVERIFY(lookup.poll(T0).empty());
    QVERIFY(lookup.isDone());
    QCOMPARE(lookup.queriesSent(), 2);
}

void TestLookup::bootstrapSeedsGetTheirIds()
{
    Rng rng(7);
    const NodeId target = NodeId::random(rng);
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4);
    lookup.addBootstrap(ep(1));
    lookup.addBootstrap(ep(2));
    lookup.addBootstrap(ep(1));
    auto out = lookup.poll(T0);
    QCOMPARE(out.size(), size_t(2));
    QVERIFY(!out[0].expectedId);
    const NodeId routerId = NodeId::random(rng);
    const auto learned = randomNodes(3, rng, 10);
    lookup.onResponse(ep(1), reply(routerId, learned), T0);
    lookup.onFailure(ep(2), T0);
    out = lookup.poll(T0);
    QCOMPARE(out.size(), size_t(3));
    for (const auto &q : out) {
        const auto it = std::find_if(learned.begin(), learned.end(), [&](const NodeInfo &n) { return n.endpoint == q.to; });
        QVERIFY(it != learned.end());
        lookup.onResponse(q.to, reply(it->id), T0);
    }
    lookup.poll(T0);
    QVERIFY(lookup.isDone());
    auto expected = learned;
    expected.push_back(NodeInfo{routerId, ep(1)});
    QCOMPARE(responderNodes(lookup, 8), sortedBy(expected, target)); // the router sorted by its id
}

void TestLookup::announcePhase()
{
    Rng rng(8);
    const NodeId target = NodeId::random(rng);
    const auto nodes = sortedBy(randomNodes(10, rng), target);
    Lookup lookup(Lookup::Kind::Announce, NodeId::random(rng), target, Family::IPv4);
    lookup.setAnnouncePort(51413, true);
    lookup.addCandidates(nodes);
    std::vector<Lookup::Outgoing> announces;
    for (int round = 0; round < 20 && announces.empty(); ++round) {
        for (const auto &q : lookup.poll(T0)) {
            if (q.query.method == Method::AnnouncePeer) {
                announces.push_back(q);
                continue;
            }
            const auto it = std::find_if(nodes.begin(), nodes.end(), [&](const NodeInfo &n) { return n.endpoint == q.to; });
            const int i = int(it - nodes.begin());
            // The second closest gives no token: it gets no announce.
            lookup.onResponse(q.to, reply(it->id, {}, i == 1 ? QByteArray() : "token" + QByteArray::number(i)), T0);
        }
    }
    QVERIFY(lookup.isSearchDone());
    QVERIFY(!lookup.isDone());
    QCOMPARE(announces.size(), size_t(7));
    for (const auto &a : announces) {
        const int i = int(std::find_if(nodes.begin(), nodes.end(), [&](const NodeInfo &n) { return n.endpoint == a.to; }) - nodes.begin());
        QVERIFY(i < 8 && i != 1);
        QCOMPARE(a.query.token, "token" + QByteArray::number(i));
        QCOMPARE(a.query.port, quint16(51413));
        QVERIFY(a.query.impliedPort);
        QCOMPARE(a.query.target, target);
    }
    for (size_t i = 0; i < announces.size(); ++i) {
        if (i < 5)
            lookup.onResponse(announces[i].to, reply(*announces[i].expectedId), T0 + seconds(1));
    }
    QVERIFY(!lookup.isDone());
    lookup.poll(T0 + seconds(10)); // the last two time out
    QVERIFY(lookup.isDone());
    QCOMPARE(lookup.announcesAcked(), 5);
}

void TestLookup::peersCollectedOnce()
{
    Rng rng(9);
    const NodeId target = NodeId::random(rng);
    const auto nodes = randomNodes(2, rng);
    Lookup lookup(Lookup::Kind::GetPeers, NodeId::random(rng), target, Family::IPv4);
    lookup.addCandidates(nodes);
    lookup.poll(T0);
    KrpcResponse a = reply(nodes[0].id);
    a.values = {ep(500), ep(501), Endpoint{QHostAddress(quint32(0x0a000100)), 0}};
    KrpcResponse b = reply(nodes[1].id);
    b.values = {ep(501), ep(502), Endpoint{QHostAddress(QStringLiteral("2001:db8::9")), 9}};
    lookup.onResponse(nodes[0].endpoint, a, T0);
    lookup.onResponse(nodes[1].endpoint, b, T0);
    QCOMPARE(lookup.peers(), (std::vector<Endpoint>{ep(500), ep(501), ep(502), b.values[2]}));
}

void TestLookup::queryBudget()
{
    Rng rng(10);
    const NodeId target = NodeId::random(rng);
    LookupSettings settings;
    settings.maxQueries = 5;
    Lookup lookup(Lookup::Kind::FindNode, NodeId::random(rng), target, Family::IPv4, settings);
    lookup.addCandidates(randomNodes(3, rng));
    int addr = 1000;
    // Every answer brings ever closer nodes: only the budget ends it.
    for (int round = 0; round < 50 && !lookup.isDone(); ++round) {
        for (const auto &q : lookup.poll(T0)) {
            std::vector<NodeInfo> closer;
            for (int i = 0; i < 3; ++i)
                closer.push_back(NodeInfo{NodeId::randomWithPrefix(target, 20 + round * 5 + i, rng), ep(addr++)});
            lookup.onResponse(q.to, reply(*q.expectedId, closer), T0);
        }
    }
    QVERIFY(lookup.isDone());
    QCOMPARE(lookup.queriesSent(), 5);
}

void TestLookup::convergesOn500Nodes()
{
    Rng rng(500);
    Network net(500, rng);
    int totalQueries = 0;
    for (int round = 0; round < 20; ++round) {
        const int from = round * 7 % 500;
        const NodeId target = NodeId::random(rng);
        Lookup lookup(Lookup::Kind::FindNode, net.nodes[from].id, target, Family::IPv4);
        lookup.addCandidates(net.tables[from].closest(target, 16, T0));
        net.run(lookup);
        QVERIFY(lookup.isDone());
        QCOMPARE(responderNodes(lookup, 8), net.trueClosest(target, 8, from));
        QVERIFY2(lookup.queriesSent() < 60, qPrintable(QString::number(lookup.queriesSent())));
        totalQueries += lookup.queriesSent();
    }
    qInfo("average queries per lookup on 500 nodes: %.1f", totalQueries / 20.0);
}

void TestLookup::convergesWithDeadNodes()
{
    Rng rng(501);
    Network net(500, rng);
    for (int i = 1; i < 500; i += 5)
        net.dead.insert(i); // a fifth of the network is gone
    for (int round = 0; round < 10; ++round) {
        const NodeId target = NodeId::random(rng);
        Lookup lookup(Lookup::Kind::FindNode, net.nodes[0].id, target, Family::IPv4);
        lookup.addCandidates(net.tables[0].closest(target, 16, T0));
        net.run(lookup);
        QVERIFY(lookup.isDone());
        // Nobody has noticed yet, so answers still name dead nodes and can crowd a live one out
        // of every K-list: the lookup gets the closest live node and nearly all of the 8.
        const auto got = responderNodes(lookup, 8);
        const auto want = net.trueClosest(target, 8, 0);
        QCOMPARE(got.size(), size_t(8));
        QCOMPARE(got.front(), want.front());
        const auto overlap = std::count_if(got.begin(), got.end(), [&](const NodeInfo &n) {
            return std::find(want.begin(), want.end(), n) != want.end();
        });
        QVERIFY2(overlap >= 6, qPrintable(QString::number(overlap)));
    }
    // Once the other nodes' tables know the dead as bad (two failed queries each), only the
    // searcher's own stale seeds time out, and the result is exact.
    for (int i = 1; i < 500; ++i) {
        for (int d : net.dead) {
            net.tables[i].failed(net.nodes[d].id, T0);
            net.tables[i].failed(net.nodes[d].id, T0);
        }
    }
    for (int round = 0; round < 10; ++round) {
        // Right next to a dead node the searcher still believes in, so it is asked first.
        const NodeInfo &deadNode = net.nodes[1 + 5 * round];
        NodeId target = deadNode.id;
        target.setBit(159, !target.bit(159));
        Lookup lookup(Lookup::Kind::FindNode, net.nodes[0].id, target, Family::IPv4);
        lookup.addCandidates(net.tables[0].closest(target, 16, T0));
        lookup.addCandidates(std::vector<NodeInfo>{deadNode});
        net.run(lookup);
        QVERIFY(lookup.isDone());
        QCOMPARE(responderNodes(lookup, 8), net.trueClosest(target, 8, 0));
        QVERIFY(lookup.failures() >= 1);
    }
}

void TestLookup::findsPeersOn500Nodes()
{
    Rng rng(502);
    Network net(500, rng);
    const NodeId infoHash = NodeId::random(rng);
    // Peers were announced to the 8 nodes closest to the info-hash; only one of them still has them.
    const auto closest = net.trueClosest(infoHash, 8, -1);
    const int holder = net.indexOf(closest[5].endpoint);
    net.peersAt[holder] = {Endpoint{QHostAddress(QStringLiteral("203.0.113.5")), 51413}};
    Lookup lookup(Lookup::Kind::Announce, net.nodes[42].id, infoHash, Family::IPv4);
    lookup.setAnnouncePort(6881, false);
    lookup.addCandidates(net.tables[42].closest(infoHash, 16, T0));
    net.run(lookup);
    QVERIFY(lookup.isDone());
    QCOMPARE(lookup.peers(), net.peersAt[holder]);
    QCOMPARE(lookup.announcesAcked(), 8);
    std::vector<NodeInfo> expected = net.trueClosest(infoHash, 8, 42);
    QCOMPARE(responderNodes(lookup, 8), expected);
}

QTEST_GUILESS_MAIN(TestLookup)
#include "tst_lookup.moc"
