// The DHT on the network: one QUdpSocket and a pure dht::Node, driven by a single-shot timer
// set to the node's next wake-up. Lives on the engine thread like every other socket.
//
// Torrents are tracked by info-hash: each is searched (get_peers) as soon as the routing table
// can answer, then again every `researchInterval` (sooner, `retryInterval`, while a search
// found nobody), and announced with our listen port when `announce` is set. Peers found are
// reported through peersFound(). Bootstrap nodes are given as "host:port" and resolved with
// QHostInfo (never a hard-coded address); the saved state (our id and the nodes we knew) makes
// a restart start warm.
#pragma once

#include "dht/endpoint.h"
#include "dht/node.h"
#include "metainfo/infohash.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

class QHostInfo;
class QUdpSocket;

namespace swarmscope::dht {

struct DhtServiceSettings {
    QHostAddress bindAddress = QHostAddress::AnyIPv4;
    quint16 port = 6881;      // 0: any free port
    QStringList bootstrap;    // "host:port"; callers pass defaultBootstrap() normally; empty: none
    Duration researchInterval = std::chrono::minutes(15);
    Duration retryInterval = std::chrono::seconds(30); // while a tracked hash has no peers yet
    int maxConcurrentSearches = 4;
    NodeSettings node;
};

// The public routers, by host name (resolved at start, never as addresses in our code).
QStringList defaultBootstrap();
// "host:port" → host and port; false for anything else (port 1..65535 required).
bool parseHostPort(const QString &text, QString *host, quint16 *port);

class DhtService : public QObject {
    Q_OBJECT
public:
    explicit DhtService(const DhtServiceSettings &settings, QObject *parent = nullptr);
    ~DhtService() override;

    // Binds the socket, restores `savedState` (from exportState(); may be empty) and starts
    // bootstrapping. False with a message when the port cannot be bound.
    bool start(const QByteArray &savedState, QString *error = nullptr);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    int nodeCount() const; // good and questionable nodes in the routing table

    // A peer's PORT message (BEP 5): ping it; if it answers it may join the table.
    void addNode(const QHostAddress &address, quint16 port);

    // Search for peers of this torrent now and periodically; announce `announcePort` when
    // `announce` (a torrent that is downloading or seeding). Calling again updates the flags.
    void track(const metainfo::InfoHash &hash, quint16 announcePort, bool announce);
    void untrack(const metainfo::InfoHash &hash);

    // Our node id and the good nodes of the routing table, bencoded; start() takes it back.
    QByteArray exportState() const;

signals:
    void peersFound(const swarmscope::metainfo::InfoHash &hash, const QList<swarmscope::dht::Endpoint> &peers);
    void nodeCountChanged(int nodes);

private:
    // A tracked info-hash: what to announce and when to search next.
    struct Tracked {
        quint16 port = 0;
        bool announce = false;
        TimePoint due;             // next search (when no search is running)
        Node::LookupId lookup = 0; // the running search, 0 when none
    };
    // A running search; it outlives an untrack() (the node cannot cancel lookups) and keeps
    // counting against maxConcurrentSearches until it ends, so track/untrack cannot pile them up.
    struct Search {
        metainfo::InfoHash hash;
        size_t reported = 0; // peers of the lookup already sent through peersFound()
    };
    struct Found {
        metainfo::InfoHash hash;
        QList<Endpoint> peers;
    };

    void onReadyRead();
    void poll();
    void flush(TimePoint now);
    void schedule(TimePoint now);
    void resolveBootstrap();
    void onResolved(const QHostInfo &info, quint16 port);
    bool addRouters(const QList<QHostAddress> &addresses, quint16 port);
    void bootstrapNow(TimePoint now);
    void checkBootstrap(TimePoint now);
    void startDueSearches(TimePoint now);
    void handleFinished(std::vector<Found> &found, TimePoint now);
    void collectNewPeers(std::vector<Found> &found);
    int liveNodes(TimePoint now) const;

    DhtServiceSettings m_settings;
    QUdpSocket *m_socket = nullptr;
    std::unique_ptr<Node> m_node; // kept after stop() so exportState() still answers
    QTimer m_timer;
    QHash<metainfo::InfoHash, Tracked> m_tracked;
    QHash<Node::LookupId, Search> m_searches;
    std::vector<Endpoint> m_routers;
    QList<int> m_hostLookups;      // QHostInfo lookups in flight
    Duration m_bootstrapBackoff{}; // wait before the next re-bootstrap while the table is empty
    TimePoint m_nextBootstrap;
    bool m_readScheduled = false;  // a continuation of onReadyRead() is queued
    int m_lastNodeCount = -1;
    Rng m_rng{std::random_device{}()}; // which local peers to report when there are many
};

} // namespace swarmscope::dht
