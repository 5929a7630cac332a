// The Kademlia routing table of BEP 5 for one address family.
//
// Buckets of K = 8 nodes. Bucket i (i < last) holds ids sharing exactly i leading bits with our
// own id; the last bucket holds everything closer, and it is the only one that splits when full,
// which is BEP 5's "split the bucket whose range contains our own id".
//
// Node states follow BEP 5 with `now` passed in: good = answered one of our queries in the last
// 15 minutes, or answered once and queried us in the last 15 minutes; bad = failed
// BadAfterFailures queries in a row; questionable otherwise. Only nodes that answered us enter
// the table (a query from an unknown node only earns it a ping: WantsPing). A full bucket of
// nodes that are not bad keeps newcomers in a small replacement cache; a node turning bad is
// replaced from it at once. The table never sends anything: nodesToPing() and
// bucketsNeedingRefresh() say what the node should do.
#pragma once

#include "dht/endpoint.h"
#include "dht/nodeid.h"
#include "util/clock.h"

#include <QByteArray>
#include <QHash>

#include <optional>
#include <span>
#include <vector>

namespace swarmscope::dht {

class RoutingTable {
public:
    static constexpr int K = 8;
    static constexpr int ReplacementCacheSize = 8;
    static constexpr int BadAfterFailures = 2; // BEP 5: try once more before discarding
    static constexpr Duration GoodFor = std::chrono::minutes(15);
    static constexpr Duration RefreshAfter = std::chrono::minutes(15);
    static constexpr Duration PingRetryInterval = std::chrono::minutes(1);

    enum class NodeState { Good, Questionable, Bad };
    enum class Contact {
        Response, // answered one of our queries
        Query,    // sent us a query (not proof it can receive ours)
        Restored, // answered us in an earlier run (loaded from a saved table)
    };
    enum class InsertResult { Added, Updated, Cached, WantsPing, Rejected };

    struct Entry {
        NodeInfo info;
        std::optional<TimePoint> lastResponse;
        std::optional<TimePoint> lastQuery;
        std::optional<TimePoint> lastPing; // last time nodesToPing() handed it out
        bool verified = false;             // has ever answered us
        int failures = 0;                  // queries in a row without an answer

        NodeState state(TimePoint now) const;
        // Most recent sign of life, or nothing for a node restored from disk.
        std::optional<TimePoint> lastSeen() const;
    };

    struct Bucket {
        std::vector<Entry> nodes;
        std::vector<Entry> replacements; // oldest first
        TimePoint lastChanged;
    };

    RoutingTable(const NodeId &ownId, Family family, TimePoint now);

    const NodeId &ownId() const { return m_ownId; }
    Family family() const { return m_family; }

    InsertResult heardFrom(const NodeInfo &node, Contact contact, TimePoint now);
    // One of our queries to this node went unanswered (timed out).
    void failed(const NodeId &id, TimePoint now);

    const Entry *find(const NodeId &id) const;
    int size() const { return int(m_byEndpoint.size()); }
    int bucketCount() const { return int(m_buckets.size()); }
    const Bucket &bucket(int index) const { return m_buckets[index]; }
    int bucketIndexFor(const NodeId &id) const;

    // Up to `count` nodes that are not bad, closest to `target` first.
    std::vector<NodeInfo> closest(const NodeId &target, int count, TimePoint now) const;

    // Questionable nodes to ping now, least recently seen first; each is handed out at most
    // once per PingRetryInterval. The caller pings them and reports heardFrom()/failed().
    std::vector<NodeInfo> nodesToPing(TimePoint now, int max);
    // Buckets unchanged for RefreshAfter. For each, the caller runs find_node on
    // refreshTarget() and calls markRefreshed().
    std::vector<int> bucketsNeedingRefresh(TimePoint now) const;
    NodeId refreshTarget(int index, Rng &rng) const;
    void markRefreshed(int index, TimePoint now);

    // A byte blob for the state database: our id and the nodes that are not bad.
    QByteArray save() const;
    struct Saved {
        NodeId ownId;
        std::vector<NodeInfo> nodes;
    };
    static constexpr int MaxSavedNodes = 2000;
    static std::optional<Saved> load(const QByteArray &blob);
    // Inserts saved nodes as Restored: questionable until they answer again.
    void restore(std::span<const NodeInfo> nodes, TimePoint now);

private:
    Entry *findMutable(const NodeId &id);
    bool canSplit(int index) const;
    void split();
    void promoteReplacements(Bucket &bucket, TimePoint now);
    static void touch(Entry &e, Contact contact, TimePoint now);
    void addReplacement(Bucket &bucket, Entry entry);

    NodeId m_ownId;
    Family m_family;
    std::vector<Bucket> m_buckets;
    QHash<Endpoint, NodeId> m_byEndpoint; // nodes in buckets (not replacements), one per endpoint
};

// Well-known routers to start from when the table is empty. Names, to be resolved by the
// caller; they are used as lookup seeds only, never added to the table (BEP 5 asks not to).
struct BootstrapHost {
    const char *host;
    quint16 port;
};
std::span<const BootstrapHost> defaultBootstrapHosts();

} // namespace swarmscope::dht
