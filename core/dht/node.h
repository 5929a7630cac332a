// A whole DHT node as pure logic: it answers queries (ping, find_node, get_peers,
// announce_peer), runs lookups, keeps its routing table healthy (pings questionable nodes,
// refreshes stale buckets) and stores announced peers. It owns no socket and reads no clock:
// the engine feeds it datagrams and the time and sends what takeOutgoing() returns, which is
// all a QUdpSocket wrapper has to do. Tests run many of them against each other in-process.
#pragma once

#include "dht/krpc.h"
#include "dht/lookup.h"
#include "dht/peerstore.h"
#include "dht/ratelimiter.h"
#include "dht/routingtable.h"
#include "dht/tokenstore.h"

#include <QHash>

#include <map>
#include <optional>
#include <span>
#include <vector>

namespace swarmscope::dht {

struct NodeSettings {
    Family family = Family::IPv4;
    QByteArray version = QByteArray("SW\x00\x01", 4); // "v": client code and version (BEP 20 style)
    bool readOnly = false;                            // BEP 43: ask, never answer
    Duration queryTimeout = std::chrono::seconds(5);
    Duration maintenanceInterval = std::chrono::seconds(5);
    int pingsPerMaintenance = 4;
    int maxRefreshLookups = 2; // refresh lookups running at once
    int peersPerReply = 50;
    LookupSettings lookup;
    PeerStore::Limits peers;
    RateLimiter::Settings rateLimit;
};

struct Datagram {
    Endpoint to;
    QByteArray payload;
};

class Node {
public:
    using LookupId = quint32;

    struct LookupResult {
        LookupId id = 0;
        Lookup::Kind kind = Lookup::Kind::FindNode;
        NodeId target;
        std::vector<Endpoint> peers;
        std::vector<Lookup::Responder> closest;
        int announcesAcked = 0;
        int queriesSent = 0;
    };

    struct Stats {
        int queriesReceived = 0;
        int queriesRateLimited = 0;
        int malformed = 0;
        int repliesUnmatched = 0; // unknown transaction id or wrong source
        int timeouts = 0;
    };

    Node(const NodeId &id, const NodeSettings &settings, Rng::result_type seed, TimePoint now);

    const NodeId &id() const { return m_table.ownId(); }
    const NodeSettings &settings() const { return m_settings; }
    RoutingTable &table() { return m_table; }
    const RoutingTable &table() const { return m_table; }
    const PeerStore &peerStore() const { return m_peerStore; }
    const Stats &stats() const { return m_stats; }
    // The address the last responder said we have (BEP 42 "ip").
    const std::optional<Endpoint> &reportedAddress() const { return m_reportedAddress; }

    // `from` as given by the socket, normalized with Endpoint::make (IPv4-mapped -> IPv4).
    void receive(const QByteArray &datagram, const Endpoint &from, TimePoint now);
    // Timeouts, next lookup queries, and every maintenanceInterval: pings, refreshes, expiry.
    void poll(TimePoint now);
    // When poll() has something to do next.
    TimePoint nextWakeup(TimePoint now) const;
    std::vector<Datagram> takeOutgoing();

    // Routers used to seed lookups while the table is empty; bootstrap() also starts a
    // find_node for our own id (BEP 5: "find the closest nodes to itself").
    void setBootstrapRouters(std::vector<Endpoint> routers) { m_routers = std::move(routers); }
    void bootstrap(TimePoint now);
    // Pings an endpoint (a peer's PORT message); if it answers, it may enter the table.
    void ping(const Endpoint &endpoint, TimePoint now);

    LookupId findNode(const NodeId &target, TimePoint now);
    LookupId getPeers(const NodeId &infoHash, TimePoint now);
    LookupId announce(const NodeId &infoHash, quint16 port, bool impliedPort, TimePoint now);
    const Lookup *lookup(LookupId id) const;
    // Lookups started by the caller that finished since the last call.
    std::vector<LookupResult> takeFinishedLookups();

private:
    struct Pending {
        Endpoint to;
        std::optional<NodeId> expectedId;
        LookupId lookup = 0; // 0: a ping of our own
        TimePoint sentAt;
    };
    struct Running {
        Lookup lookup;
        bool internal; // refreshes and bootstrap: not reported
    };

    LookupId startLookup(Lookup::Kind kind, const NodeId &target, bool internal, TimePoint now,
                         quint16 port = 0, bool impliedPort = false);
    void pump(LookupId id, Running &running, TimePoint now);
    void sendQuery(const Endpoint &to, std::optional<NodeId> expectedId, const KrpcQuery &query,
                   LookupId lookup, TimePoint now);
    void send(const Endpoint &to, KrpcMessage message);
    void handleQuery(const KrpcMessage &message, const Endpoint &from, TimePoint now);
    KrpcMessage answer(const KrpcMessage &message, const Endpoint &from, TimePoint now);
    void handleReply(const KrpcMessage &message, const Endpoint &from, TimePoint now);
    void maintain(TimePoint now);
    void expireTransactions(TimePoint now);
    QByteArray newTransactionId();
    bool hasPendingTo(const Endpoint &endpoint) const;

    NodeSettings m_settings;
    Rng m_rng;
    RoutingTable m_table;
    TokenStore m_tokens;
    PeerStore m_peerStore;
    RateLimiter m_rateLimiter;
    std::vector<Endpoint> m_routers;
    QHash<QByteArray, Pending> m_pending;
    std::map<LookupId, Running> m_lookups;
    LookupId m_nextLookup = 0;
    std::vector<LookupResult> m_finished;
    std::vector<Datagram> m_outbox;
    TimePoint m_nextMaintenance;
    std::optional<Endpoint> m_reportedAddress;
    Stats m_stats;
};

} // namespace swarmscope::dht
