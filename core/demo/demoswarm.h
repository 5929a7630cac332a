// A real swarm on 127.0.0.1 for `swarmscope --demo`: an EmbeddedTracker, one seeder and
// several leechers, each a full session::Engine on its own thread with its own upload cap,
// trading a generated payload over TCP with the same protocol code as any other torrent.
// Nothing is simulated: the app adds torrent() to its own engine and becomes one more leecher.
//
// Bounded and local: every engine listens on 127.0.0.1 only with DHT off, the torrent is
// private (BEP 27, so neither the app's DHT nor PEX ever spreads it) and the tracker serves
// only this torrent. Demo engines keep no state (persistState off): each run starts fresh.
// When a demo leecher completes it seeds for a while, then deletes its data and starts over,
// so the swarm keeps trading for as long as the app runs.
#pragma once

#include "metainfo/torrentinfo.h"
#include "swarm/peercandidates.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace swarmscope::session {
class Engine;
}
namespace swarmscope::tracker {
class EmbeddedTracker;
}

namespace swarmscope::demo {

struct PreparedPayload;

struct DemoSwarmOptions {
    QString workDir;           // payload/, peers/, ours/ and tracker-port live here
    int peerCount = 6;         // demo leechers besides the seeder (clamped to 1..32)
    qint64 payloadSize = 160LL * 1024 * 1024;
    qint64 pieceSize = 128 * 1024; // 1,280 pieces at the default size: a busy piece matrix
    qint64 seederUploadCap = 1024 * 1024;     // bytes/s
    qint64 minLeecherUploadCap = 200 * 1024;  // the slowest leecher; the others are spread
    qint64 maxLeecherUploadCap = 2048 * 1024; // geometrically up to the fastest
    // Each demo leecher's download cap (0: none). Without one, an app that already seeds the
    // payload (unlimited upload) would fill every leecher in seconds and the show would be over.
    qint64 leecherDownloadCap = 1536 * 1024;
    std::chrono::milliseconds startStagger{3000};  // between successive leechers joining
    std::chrono::milliseconds seedTime{20'000};    // a finished leecher seeds this long ...
    std::chrono::milliseconds restartDelay{2000};  // ... then is removed, and re-added this later
    std::chrono::milliseconds seederCheckTimeout{120'000}; // the seeder must verify its data by then
    std::chrono::seconds announceInterval{60};     // the tracker's interval: fresh swarm counts
};

// What the demo knows of each of its engines (for a status line, tooltips and tests).
struct DemoPeerStatus {
    QString name;            // "seeder", "leecher 1", ...
    swarm::Endpoint endpoint;
    qint64 uploadCap = 0;    // bytes/s
    qint64 downloadCap = 0;  // bytes/s, 0: none
    bool seeder = false;
    bool active = false;     // the torrent is added (not waiting to join or to restart)
    double progress = 0;     // 0..1, from the engine's latest snapshot
    int restarts = 0;        // times it completed and started over
};

class DemoSwarm : public QObject {
    Q_OBJECT
public:
    // Defaults for everything but the folder and the number of leechers.
    DemoSwarm(const QString &workDir, int peerCount, QObject *parent = nullptr);
    explicit DemoSwarm(const DemoSwarmOptions &options, QObject *parent = nullptr);
    ~DemoSwarm() override; // stop()s

    // Starts the tracker and every engine, then prepares the payload on a worker thread
    // (created on the first run, verified and reused later). ready() follows once the seeder
    // has verified its data; failed() if that goes wrong. False: nothing could start.
    bool start(QString *error = nullptr);
    // Shuts every engine down (each announces `stopped` to the tracker, which still answers),
    // then closes the tracker. Blocks for a few seconds at most (a nested event loop).
    void stop();

    bool isRunning() const { return m_running; }
    bool isReady() const { return m_ready; }

    // Valid after ready(): the torrent with the embedded tracker's announce URL. Its info-hash
    // is the same on every run; the tracker port is reused when it is free.
    metainfo::TorrentInfo torrent() const { return m_torrent; }
    // Where the app's own engine should save the demo download.
    QString ourSavePath() const;
    // Where the seeder's copy lives (the files the demo leechers must end up with).
    QString payloadPath() const;
    // The demo engines' listening endpoints, to hand to addTorrent as hints.
    QList<swarm::Endpoint> peers() const;
    QString announceUrl() const;

    QList<DemoPeerStatus> status() const;
    int restartCount() const;
    // Peers the tracker lists for the demo torrent right now (0 after a clean stop()).
    int trackedPeerCount() const;
    const DemoSwarmOptions &options() const { return m_options; }

signals:
    void ready();
    void failed(const QString &error);
    void peerRestarted(int index); // index into status(); the seeder is 0

private:
    struct Node;

    bool startTracker(QString *error);
    bool startEngines(QString *error);
    void startPreparing();
    void onPrepared(const std::shared_ptr<PreparedPayload> &payload, const QString &error);
    void poll();
    void addTorrentTo(Node &node);
    void scheduleRestart(int index);
    void fail(const QString &error);
    qint64 leecherCap(int i) const;

    DemoSwarmOptions m_options;
    std::unique_ptr<tracker::EmbeddedTracker> m_tracker;
    std::vector<std::unique_ptr<Node>> m_nodes; // [0] is the seeder
    metainfo::TorrentInfo m_torrent;
    QThread *m_preparer = nullptr;
    std::atomic<bool> m_cancel{false};
    QTimer *m_poll = nullptr;
    bool m_running = false;
    bool m_ready = false;
    quint64 m_generation = 0; // bumps on stop(): timers of an earlier run then do nothing
    std::chrono::steady_clock::time_point m_seederAddedAt{};
};

} // namespace swarmscope::demo
