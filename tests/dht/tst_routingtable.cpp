// Node ids and the routing table: XOR distance, bucket splitting of our own bucket only, BEP 5
// node states under a fake clock, replacement cache and eviction, pings and refreshes the table
// asks for, closest-N queries, and the saved blob.
#include "dht/routingtable.h"

#include <QTest>

#include <algorithm>

using namespace swarmscope;
using namespace swarmscope::dht;
using Table = RoutingTable;

namespace {

const TimePoint T0 = TimePoint{} + std::chrono::hours(10);

// An id sharing exactly `shared` leading bits with `own`.
NodeId idAt(const NodeId &own, int shared, Rng &rng)
{
    NodeId id = NodeId::randomWithPrefix(own, shared, rng);
    id.setBit(shared, !own.bit(shared));
    return id;
}

Endpoint ep(int n)
{
    return Endpoint{QHostAddress(quint32(0x0a000000 + n)), quint16(1000 + n % 50000)};
}

struct Fixture {
    Rng rng{7};
    NodeId own = NodeId::random(rng);
    Table table{own, Family::IPv4, T0};
    int next = 1;

    NodeInfo node(int shared) { return NodeInfo{idAt(own, shared, rng), ep(next++)}; }
    Table::InsertResult add(const NodeInfo &n, TimePoint at = T0)
    {
        return table.heardFrom(n, Table::Contact::Response, at);
    }
};

} // namespace

class TestRoutingTable : public QObject {
    Q_OBJECT
private slots:
    void nodeIdBasics();
    void firstFullBucketSplits();
    void onlyOwnBucketSplits();
    void statesFollowTheFifteenMinuteRule();
    void queryFromUnknownNodeEarnsAPing();
    void badNodeReplacedFromCache();
    void badNodeReplacedByNewcomer();
    void replacementCacheIsBounded();
    void endpointAndIdRules();
    void closestMatchesBruteForce();
    void nodesToPingLeastRecentlySeenFirst();
    void refreshOfStaleBuckets();
    void saveAndLoad();
    void loadRejectsBadBlobs();
    void bootstrapHosts();
};

void TestRoutingTable::nodeIdBasics()
{
    const auto a = *NodeId::fromHex(u"8000000000000000000000000000000000000001");
    const auto b = *NodeId::fromHex(u"C000000000000000000000000000000000000000");
    QCOMPARE((a ^ b).toHex(), QStringLiteral("4000000000000000000000000000000000000001"));
    QCOMPARE(NodeId::commonPrefixLength(a, b), 1);
    QCOMPARE(NodeId::commonPrefixLength(a, a), 160);
    QCOMPARE(NodeId::commonPrefixLength(NodeId{}, *NodeId::fromHex(u"0000000000000000000000000000000000000001")), 159);
    QVERIFY(a.bit(0) && !a.bit(1) && a.bit(159));
    QVERIFY(isCloser(a, b, NodeId{}));  // 0x40.. < 0x80..
    QVERIFY(!isCloser(a, a, a));
    QVERIFY(!NodeId::fromHex(u"80"));
    QVERIFY(!NodeId::fromHex(u"zz00000000000000000000000000000000000000"));
    QVERIFY(!NodeId::fromBytes(QByteArray(19, 'x')));
    Rng rng(1);
    for (int shared = 0; shared < 160; shared += 7) {
        const NodeId id = idAt(a, shared, rng);
        QCOMPARE(NodeId::commonPrefixLength(a, id), shared);
    }
}

void TestRoutingTable::firstFullBucketSplits()
{
    Fixture f;
    for (int i = 0; i < Table::K; ++i)
        QCOMPARE(f.add(f.node(0)), Table::InsertResult::Added);
    QCOMPARE(f.table.bucketCount(), 1);
    QCOMPARE(f.table.size(), 8);
    // The ninth node of the far half: the single bucket splits into 0..2^159 and 2^159..2^160,
    // but all eight are in the far half, which does not split again: the newcomer is cached.
    QCOMPARE(f.add(f.node(0)), Table::InsertResult::Cached);
    QCOMPARE(f.table.bucketCount(), 2);
    QCOMPARE(f.table.bucket(0).nodes.size(), size_t(8));
    QCOMPARE(f.table.bucket(0).replacements.size(), size_t(1));
    QVERIFY(f.table.bucket(1).nodes.empty());
    // The near half takes nodes freely.
    QCOMPARE(f.add(f.node(1)), Table::InsertResult::Added);
    QCOMPARE(f.table.bucket(1).nodes.size(), size_t(1));
}

void TestRoutingTable::onlyOwnBucketSplits()
{
    Fixture f;
    for (int i = 0; i < Table::K + 1; ++i)
        f.add(f.node(5));
    // Splits walked down to our own range: buckets 0..5 plus the own bucket 6.
    QCOMPARE(f.table.bucketCount(), 7);
    QCOMPARE(f.table.bucket(5).nodes.size(), size_t(8));
    QCOMPARE(f.table.bucket(5).replacements.size(), size_t(1));
    for (int i = 0; i < 5; ++i)
        QVERIFY(f.table.bucket(i).nodes.empty());
    for (const auto &e : f.table.bucket(5).nodes)
        QCOMPARE(f.table.bucketIndexFor(e.info.id), 5);
    // A far bucket fills and caches, never splits.
    for (int i = 0; i < Table::K + 3; ++i)
        f.add(f.node(2));
    QCOMPARE(f.table.bucketCount(), 7);
    QCOMPARE(f.table.bucket(2).nodes.size(), size_t(8));
    QCOMPARE(f.table.bucket(2).replacements.size(), size_t(3));
    // Nodes in our own bucket split it further.
    for (int i = 0; i < Table::K + 1; ++i)
        f.add(f.node(30));
    QCOMPARE(f.table.bucketCount(), 32);
    QCOMPARE(f.table.size(), 8 + 8 + 8);
}

void TestRoutingTable::statesFollowTheFifteenMinuteRule()
{
    Fixture f;
    const NodeInfo n = f.node(3);
    f.add(n, T0);
    using S = Table::NodeState;
    QCOMPARE(f.table.find(n.id)->state(T0), S::Good);
    QCOMPARE(f.table.find(n.id)->state(T0 + std::chrono::minutes(15) - std::chrono::seconds(1)), S::Good);
    QCOMPARE(f.table.find(n.id)->state(T0 + std::chrono::minutes(15)), S::Questionable);
    // It answered once; a query from it within 15 minutes makes it good again.
    const TimePoint t1 = T0 + std::chrono::minutes(20);
    QCOMPARE(f.table.heardFrom(n, Table::Contact::Query, t1), Table::InsertResult::Updated);
    QCOMPARE(f.table.find(n.id)->state(t1 + std::chrono::minutes(14)), S::Good);
    QCOMPARE(f.table.find(n.id)->state(t1 + std::chrono::minutes(15)), S::Questionable);
    // One failure: still there (BEP 5: try once more); two in a row: bad.
    f.table.failed(n.id, t1);
    QCOMPARE(f.table.find(n.id)->failures, 1);
    QCOMPARE(f.table.find(n.id)->state(t1 + std::chrono::minutes(15)), S::Questionable);
    f.table.failed(n.id, t1);
    QCOMPARE(f.table.find(n.id)->state(t1), S::Bad);
    // An answer clears the failures.
    f.add(n, t1 + std::chrono::minutes(1));
    QCOMPARE(f.table.find(n.id)->state(t1 + std::chrono::minutes(1)), S::Good);
    QCOMPARE(f.table.find(n.id)->failures, 0);
}

void TestRoutingTable::queryFromUnknownNodeEarnsAPing()
{
    Fixture f;
    const NodeInfo n = f.node(0);
    QCOMPARE(f.table.heardFrom(n, Table::Contact::Query, T0), Table::InsertResult::WantsPing);
    QCOMPARE(f.table.size(), 0);
    // Once the far bucket is full of good nodes and cannot split, a stranger is not worth a ping.
    for (int i = 0; i < Table::K; ++i)
        f.add(f.node(0));
    f.add(f.node(1)); // forces the split
    QCOMPARE(f.table.heardFrom(f.node(0), Table::Contact::Query, T0), Table::InsertResult::Rejected);
    QCOMPARE(f.table.heardFrom(f.node(4), Table::Contact::Query, T0), Table::InsertResult::WantsPing);
}

void TestRoutingTable::badNodeReplacedFromCache()
{
    Fixture f;
    std::vector<NodeInfo> nodes;
    for (int i = 0; i < Table::K; ++i) {
        nodes.push_back(f.node(0));
        f.add(nodes.back());
    }
    const NodeInfo cached1 = f.node(0), cached2 = f.node(0);
    QCOMPARE(f.add(cached1), Table::InsertResult::Cached);
    QCOMPARE(f.add(cached2, T0 + std::chrono::seconds(1)), Table::InsertResult::Cached);
    const TimePoint t = T0 + std::chrono::minutes(3);
    f.table.failed(nodes[2].id, t);
    QVERIFY(f.table.find(nodes[2].id)); // one failure is not enough
    f.table.failed(nodes[2].id, t);
    QVERIFY(!f.table.find(nodes[2].id));
    QVERIFY(f.table.find(cached2.id)); // the most recently seen replacement
    QVERIFY(!f.table.find(cached1.id));
    QCOMPARE(f.table.bucket(0).nodes.size(), size_t(8));
    QCOMPARE(f.table.bucket(0).replacements.size(), size_t(1));
    QCOMPARE(f.table.bucket(0).lastChanged, t);
    // The freed endpoint can be used by another node now.
    QCOMPARE(f.table.heardFrom(NodeInfo{idAt(f.own, 0, f.rng), nodes[2].endpoint}, Table::Contact::Response, t),
             Table::InsertResult::Cached);
}

void TestRoutingTable::badNodeReplacedByNewcomer()
{
    Fixture f;
    std::vector<NodeInfo> nodes;
    for (int i = 0; i < Table::K; ++i) {
        nodes.push_back(f.node(0));
        f.add(nodes.back());
    }
    f.add(f.node(1)); // split so bucket 0 cannot split any more
    f.table.failed(nodes[5].id, T0);
    f.table.failed(nodes[5].id, T0); // bad, but there is no replacement yet: it stays
    QVERIFY(f.table.find(nodes[5].id));
    QCOMPARE(f.table.closest(nodes[5].id, 1, T0).front().id == nodes[5].id, false); // bad nodes are not handed out
    const NodeInfo newcomer = f.node(0);
    QCOMPARE(f.add(newcomer, T0 + std::chrono::seconds(5)), Table::InsertResult::Added);
    QVERIFY(!f.table.find(nodes[5].id));
    QVERIFY(f.table.find(newcomer.id));
}

void TestRoutingTable::replacementCacheIsBounded()
{
    Fixture f;
    for (int i = 0; i < Table::K; ++i)
        f.add(f.node(0));
    std::vector<NodeInfo> extra;
    for (int i = 0; i < Table::ReplacementCacheSize + 4; ++i) {
        extra.push_back(f.node(0));
        f.add(extra.back());
    }
    const auto &cache = f.table.bucket(0).replacements;
    QCOMPARE(cache.size(), size_t(Table::ReplacementCacheSize));
    QCOMPARE(cache.front().info, extra[4]); // the oldest four fell out
    QCOMPARE(cache.back().info, extra.back());
    // A query-only contact never enters the cache.
    f.table.heardFrom(f.node(0), Table::Contact::Query, T0);
    QCOMPARE(cache.size(), size_t(Table::ReplacementCacheSize));
}

void TestRoutingTable::endpointAndIdRules()
{
    Fixture f;
    const NodeInfo n = f.node(2);
    f.add(n);
    using R = Table::InsertResult;
    QCOMPARE(f.add(NodeInfo{n.id, ep(999)}), R::Rejected);            // id moved: keep the first
    QCOMPARE(f.add(NodeInfo{idAt(f.own, 3, f.rng), n.endpoint}), R::Rejected); // endpoint taken
    QCOMPARE(f.add(NodeInfo{f.own, ep(998)}), R::Rejected);
    QCOMPARE(f.add(NodeInfo{idAt(f.own, 3, f.rng), Endpoint{QHostAddress(quint32(0x0a000001)), 0}}), R::Rejected);
    QCOMPARE(f.add(NodeInfo{idAt(f.own, 3, f.rng), Endpoint{QHostAddress(QStringLiteral("2001:db8::1")), 5}}), R::Rejected);
    QCOMPARE(f.add(NodeInfo{idAt(f.own, 3, f.rng), Endpoint{QHostAddress(QStringLiteral("0.0.0.0")), 5}}), R::Rejected);
    QCOMPARE(f.add(NodeInfo{idAt(f.own, 3, f.rng), Endpoint{QHostAddress(QStringLiteral("224.0.0.1")), 5}}), R::Rejected);
    QCOMPARE(f.table.size(), 1);
    // Once the old entry is bad, the same address with a new id (a restarted node) takes over.
    f.table.failed(n.id, T0);
    f.table.failed(n.id, T0);
    const NodeInfo restarted{idAt(f.own, 4, f.rng), n.endpoint};
    QCOMPARE(f.add(restarted), R::Added);
    QVERIFY(!f.table.find(n.id));
    QVERIFY(f.table.find(restarted.id));
    QCOMPARE(f.table.size(), 1);
}

void TestRoutingTable::closestMatchesBruteForce()
{
    Fixture f;
    for (int i = 0; i < 400; ++i)
        f.add(NodeInfo{NodeId::random(f.rng), ep(f.next++)});
    std::vector<NodeInfo> all;
    for (int b = 0; b < f.table.bucketCount(); ++b) {
        for (const auto &e : f.table.bucket(b).nodes)
            all.push_back(e.info);
    }
    QCOMPARE(int(all.size()), f.table.size());
    QVERIFY(f.table.size() > 40); // a real table, several buckets deep
    for (int round = 0; round < 20; ++round) {
        const NodeId target = round == 0 ? f.own : NodeId::random(f.rng);
        std::sort(all.begin(), all.end(), [&](const NodeInfo &a, const NodeInfo &b) { return isCloser(target, a.id, b.id); });
        const auto got = f.table.closest(target, 8, T0);
        QCOMPARE(got, std::vector<NodeInfo>(all.begin(), all.begin() + 8));
    }
    QCOMPARE(int(f.table.closest(f.own, 10000, T0).size()), f.table.size());
    QVERIFY(f.table.closest(f.own, 0, T0).empty());
}

void TestRoutingTable::nodesToPingLeastRecentlySeenFirst()
{
    Fixture f;
    std::vector<NodeInfo> nodes;
    for (int i = 0; i < 5; ++i) {
        nodes.push_back(f.node(i));
        f.add(nodes.back(), T0 + std::chrono::seconds(10 * (5 - i))); // nodes[4] seen first
    }
    QVERIFY(f.table.nodesToPing(T0 + std::chrono::minutes(1), 10).empty()); // all good
    const TimePoint t = T0 + std::chrono::minutes(16);
    const auto first = f.table.nodesToPing(t, 2);
    QCOMPARE(first, (std::vector<NodeInfo>{nodes[4], nodes[3]}));
    const auto second = f.table.nodesToPing(t, 10);
    QCOMPARE(second, (std::vector<NodeInfo>{nodes[2], nodes[1], nodes[0]}));
    QVERIFY(f.table.nodesToPing(t + std::chrono::seconds(59), 10).empty()); // not again so soon
    // One failed its ping: it is retried once, then bad and no longer pinged.
    f.table.failed(nodes[4].id, t);
    f.add(nodes[3], t + std::chrono::seconds(1)); // answered: good again
    const auto retry = f.table.nodesToPing(t + std::chrono::minutes(1), 10);
    QCOMPARE(retry.size(), size_t(4));
    QCOMPARE(retry.front(), nodes[4]);
    QVERIFY(std::find(retry.begin(), retry.end(), nodes[3]) == retry.end());
    f.table.failed(nodes[4].id, t + std::chrono::minutes(1));
    const auto after = f.table.nodesToPing(t + std::chrono::minutes(3), 10);
    QVERIFY(std::find(after.begin(), after.end(), nodes[4]) == after.end());
}

void TestRoutingTable::refreshOfStaleBuckets()
{
    Fixture f;
    for (int i = 0; i < Table::K + 1; ++i)
        f.add(f.node(3));
    QCOMPARE(f.table.bucketCount(), 5);
    QVERIFY(f.table.bucketsNeedingRefresh(T0 + std::chrono::minutes(14)).empty());
    const TimePoint t = T0 + std::chrono::minutes(15);
    QCOMPARE(f.table.bucketsNeedingRefresh(t), (std::vector<int>{0, 1, 2, 3, 4}));
    // Each refresh target falls inside its bucket's range.
    for (int b = 0; b < f.table.bucketCount(); ++b) {
        for (int i = 0; i < 20; ++i) {
            const NodeId target = f.table.refreshTarget(b, f.rng);
            QCOMPARE(f.table.bucketIndexFor(target), b);
            QVERIFY(target != f.own);
        }
    }
    f.table.markRefreshed(0, t);
    // A node of bucket 3 answering also counts as a change.
    f.add(f.table.bucket(3).nodes.front().info, t);
    QCOMPARE(f.table.bucketsNeedingRefresh(t), (std::vector<int>{1, 2, 4}));
    // A query from it does not: only answers prove the bucket fresh.
    f.table.heardFrom(f.table.bucket(3).nodes.front().info, Table::Contact::Query, t + std::chrono::minutes(15));
    QCOMPARE(f.table.bucketsNeedingRefresh(t + std::chrono::minutes(15)), (std::vector<int>{0, 1, 2, 3, 4}));
}

void TestRoutingTable::saveAndLoad()
{
    Fixture f;
    for (int i = 0; i < 200; ++i)
        f.add(NodeInfo{NodeId::random(f.rng), ep(f.next++)});
    const NodeInfo dying = f.table.closest(f.own, 1, T0).front();
    f.table.failed(dying.id, T0);
    f.table.failed(dying.id, T0);
    const QByteArray blob = f.table.save();
    const auto saved = Table::load(blob);
    QVERIFY(saved);
    QCOMPARE(saved->ownId, f.own);
    QCOMPARE(int(saved->nodes.size()), f.table.size() - (f.table.find(dying.id) ? 1 : 0));
    QVERIFY(std::none_of(saved->nodes.begin(), saved->nodes.end(), [&](const NodeInfo &n) { return n.id == dying.id; }));

    const TimePoint later = T0 + std::chrono::hours(30);
    Table restored(saved->ownId, Family::IPv4, later);
    restored.restore(saved->nodes, later);
    QCOMPARE(restored.size(), int(saved->nodes.size()));
    for (const NodeInfo &n : saved->nodes) {
        const auto *e = restored.find(n.id);
        QVERIFY(e);
        QCOMPARE(e->info, n);
        QCOMPARE(e->state(later), Table::NodeState::Questionable); // until it answers again
    }
    QCOMPARE(restored.save(), blob);
    // Restored nodes are the first to be pinged.
    QCOMPARE(int(restored.nodesToPing(later, 1000).size()), restored.size());
}

void TestRoutingTable::loadRejectsBadBlobs()
{
    Fixture f;
    f.add(f.node(1));
    const QByteArray good = f.table.save();
    QVERIFY(Table::load(good));
    QVERIFY(!Table::load(QByteArray()));
    QVERIFY(!Table::load("garbage"));
    QVERIFY(!Table::load(good.left(good.size() - 1)));
    QByteArray wrongFormat = good;
    wrongFormat.replace("6:formati1e", "6:formati2e");
    QVERIFY(!Table::load(wrongFormat));
    QVERIFY(!Table::load("d6:formati1e2:id3:abce"));
    QVERIFY(!Table::load("d6:formati1e2:id20:" + QByteArray(20, 'i') + "5:nodes25:" + QByteArray(25, 'n') + "e"));
    QVERIFY(Table::load("d6:formati1e2:id20:" + QByteArray(20, 'i') + "5:nodes26:" + QByteArray(26, 'n') + "e"));
}

void TestRoutingTable::bootstrapHosts()
{
    const auto hosts = defaultBootstrapHosts();
    QVERIFY(hosts.size() >= 3);
    for (const auto &h : hosts) {
        QVERIFY(QByteArray(h.host).contains('.'));
        QVERIFY(h.port > 0);
    }
}

QTEST_GUILESS_MAIN(TestRoutingTable)
#include "tst_routingtable.moc"
