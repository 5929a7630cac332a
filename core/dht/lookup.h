// An iterative Kademlia lookup (BEP 5) as a pure state machine: find_node, get_peers, and
// get_peers followed by announce_peer to the closest nodes that gave us a token.
//
// The caller seeds it (closest nodes from the routing table, or bootstrap endpoints whose ids
// are unknown), then repeatedly calls poll(now), sends the queries it returns, and feeds back
// onResponse()/onFailure(). The shortlist is ordered by XOR distance to the target; at most
// `alpha` queries are outstanding, and only to the K closest candidates not known to have failed
// (a slow node frees its slot after `slowAfter` but may still answer until `timeout`). The
// search ends when the K closest live candidates have all answered, or when nobody is left to
// ask. A lookup never reads a clock and never sends anything itself.
#pragma once

#include "dht/endpoint.h"
#include "dht/krpc.h"
#include "dht/nodeid.h"
#include "util/clock.h"

#include <QSet>

#include <optional>
#include <span>
#include <vector>

namespace swarmscope::dht {

struct LookupSettings {
    int alpha = 3;
    int k = 8;
    Duration slowAfter = std::chrono::seconds(1);
    Duration timeout = std::chrono::seconds(5);
    int maxCandidates = 128; // shortlist cap: farthest unqueried candidates are dropped
    int maxQueries = 256;    // search budget, so a hostile network cannot keep us busy forever
    int maxPeers = 1000;     // distinct peers collected from "values"
};

class Lookup {
public:
    enum class Kind { FindNode, GetPeers, Announce };

    struct Outgoing {
        Endpoint to;
        std::optional<NodeId> expectedId; // unknown for bootstrap endpoints
        KrpcQuery query;
    };
    struct Responder {
        NodeInfo node;
        QByteArray token;
    };

    Lookup(Kind kind, const NodeId &ownId, const NodeId &target, Family family,
           const LookupSettings &settings = {});

    // For Kind::Announce: the port to announce (or the UDP source port, with impliedPort).
    void setAnnouncePort(quint16 port, bool impliedPort);

    void addCandidates(std::span<const NodeInfo> nodes);
    void addBootstrap(const Endpoint &endpoint);

    // Handles timeouts and returns the queries to send now.
    std::vector<Outgoing> poll(TimePoint now);
    // A response to a query this lookup asked for. Responses from anyone else are ignored.
    void onResponse(const Endpoint &from, const KrpcResponse &response, TimePoint now);
    // The query to `from` failed: timed out at the caller, or an error reply.
    void onFailure(const Endpoint &from, TimePoint now);

    Kind kind() const { return m_kind; }
    const NodeId &target() const { return m_target; }
    bool isSearchDone() const { return m_searchDone; }
    bool isDone() const;
    // When poll() should run again (a query turning slow or timing out); none when done.
    std::optional<TimePoint> nextDeadline() const;

    const std::vector<Endpoint> &peers() const { return m_peers; }
    // Closest nodes that answered, closest first, with their tokens (get_peers).
    std::vector<Responder> closestResponders(int count) const;
    // announce_peer queries acknowledged.
    int announcesAcked() const { return m_announcesAcked; }
    int queriesSent() const { return m_queriesSent; }
    int responses() const { return m_responses; }
    int failures() const { return m_failures; }

private:
    enum class State { Fresh, InFlight, Slow, Responded, Failed };
    struct Candidate {
        std::optional<NodeId> id;
        Endpoint endpoint;
        State state = State::Fresh;
        TimePoint sentAt;
        QByteArray token;
    };
    struct Announce {
        NodeInfo node;
        QByteArray token;
        State state = State::Fresh;
        TimePoint sentAt;
    };

    void insert(Candidate c);
    bool before(const Candidate &a, const Candidate &b) const;
    Candidate *findByEndpoint(const Endpoint &endpoint);
    void updateSearchDone();
    void startAnnounces();
    KrpcQuery searchQuery() const;

    Kind m_kind;
    NodeId m_ownId;
    NodeId m_target;
    Family m_family;
    LookupSettings m_settings;
    quint16 m_announcePort = 0;
    bool m_impliedPort = false;

    std::vector<Candidate> m_candidates; // ordered by distance; unknown ids last
    QSet<NodeId> m_knownIds;
    QSet<Endpoint> m_knownEndpoints;
    std::vector<Endpoint> m_peers;
    QSet<Endpoint> m_peerSet;
    std::vector<Announce> m_announces;
    bool m_searchDone = false;
    bool m_announcesStarted = false;
    int m_queriesSent = 0;
    int m_responses = 0;
    int m_failures = 0;
    int m_announcesAcked = 0;
};

} // namespace swarmscope::dht
