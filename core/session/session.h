// The engine: every torrent, the listening socket, disk and state workers, trackers, and the
// timers that drive them. Lives on the engine thread (see Engine for the thread-safe facade).
#pragma once

#include "peer/peerconnection.h"
#include "session/queuescheduler.h"
#include "session/sessionsettings.h"
#include "session/snapshot.h"
#include "metainfo/magnetlink.h"
#include "swarm/metadatafetch.h"
#include "swarm/torrent.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>
#include <random>

class QTcpServer;

namespace swarmscope::storage {
class DiskIo;
}
namespace swarmscope::state {
class StateWriter;
}
namespace swarmscope::dht {
class DhtService;
struct Endpoint;
}
namespace swarmscope::tracker {
class EmbeddedTracker;
class HttpTrackerClient;
class UdpTrackerClient;
}

namespace swarmscope::session {

struct AddTorrentParams {
    metainfo::TorrentInfo info;
    QString savePath;
    bool paused = false;
    bool sequential = false;
    QByteArray filePriorities; // one byte per file; empty: all normal
    QList<swarm::Endpoint> peers;
};

struct AddMagnetParams {
    metainfo::MagnetLink magnet;
    QString savePath;
    bool paused = false;
    bool pauseAfterMetadata = false; // fetch now, but let the torrent wait (an add dialog is open)
    QList<swarm::Endpoint> peers;
};

class Session : public QObject, public peer::PeerConnection::Handler {
    Q_OBJECT
public:
    explicit Session(const SessionSettings &settings, QObject *parent = nullptr);
    ~Session() override;

    // Opens the state database, restores saved torrents and starts listening.
    bool start(QString *error = nullptr);
    quint16 listenPort() const;
    const SessionSettings &settings() const { return m_settings; }

    // Returns the info-hash, or an error (duplicate, unusable save folder).
    std::optional<metainfo::InfoHash> addTorrent(const AddTorrentParams &params, QString *error = nullptr);
    // A magnet link: fetches the metadata from peers (BEP 9), then runs like an added torrent.
    std::optional<metainfo::InfoHash> addMagnet(const AddMagnetParams &params, QString *error = nullptr);
    void removeTorrent(const metainfo::InfoHash &hash, bool deleteFiles);
    void pauseTorrent(const metainfo::InfoHash &hash);
    void resumeTorrent(const metainfo::InfoHash &hash);
    void recheckTorrent(const metainfo::InfoHash &hash);
    void setFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities);
    void setSequential(const metainfo::InfoHash &hash, bool sequential);
    // A tracker in a tier of its own after the others; removing drops it from its tier.
    void addTracker(const metainfo::InfoHash &hash, const QString &url);
    void removeTracker(const metainfo::InfoHash &hash, const QString &url);
    // Before any data is downloaded (an add dialog confirmed after the metadata came).
    void setSavePath(const metainfo::InfoHash &hash, const QString &path);
    // For a magnet still fetching: whether its torrent starts paused once the metadata is in.
    void setPauseAfterMetadata(const metainfo::InfoHash &hash, bool pause);
    // Moves a torrent `delta` places in the queue (negative: up), clamped to the ends.
    void moveInQueue(const metainfo::InfoHash &hash, int delta);
    // Applies what can change while running: limits, connections, choker, DHT, listen port,
    // the embedded tracker. What cannot is kept for the next start.
    void applySettings(const SessionSettings &settings);
    void connectPeer(const metainfo::InfoHash &hash, const QHostAddress &address, quint16 port);
    void setWatched(const QList<metainfo::InfoHash> &hashes);
    void setRateLimits(qint64 downloadBytesPerSecond, qint64 uploadBytesPerSecond);
    void setChokerSettings(const swarm::ChokerSettings &choker);
    // The volume holding a torrent's save folder went away (false) or came back (true). Going
    // away stops it as StorageUnavailable; coming back resumes only a torrent stopped that way.
    void setStorageAvailable(const metainfo::InfoHash &hash, bool available);

    SessionSnapshotPtr takeSnapshot();
    // Announces `stopped`, syncs the disk and commits the state; `done` runs when finished.
    void shutdown(std::function<void()> done);

signals:
    void snapshotReady(const swarmscope::session::SessionSnapshotPtr &snapshot);
    void torrentAdded(const swarmscope::metainfo::InfoHash &hash);
    void metadataReceived(const swarmscope::metainfo::InfoHash &hash);
    void torrentCompleted(const swarmscope::metainfo::InfoHash &hash);
    void torrentError(const swarmscope::metainfo::InfoHash &hash, const QString &error);
    void stateError(const QString &error);

private:
    // Handler for incoming connections until their handshake names a torrent.
    void peerHandshake(peer::PeerConnection *peer) override;
    void peerHave(peer::PeerConnection *, int) override {}
    void peerBitfield(peer::PeerConnection *) override {}
    void peerChoked(peer::PeerConnection *, bool) override {}
    void peerInterested(peer::PeerConnection *, bool) override {}
    void peerRequest(peer::PeerConnection *, const swarm::BlockRequest &) override {}
    void peerCancel(peer::PeerConnection *, const swarm::BlockRequest &) override {}
    void peerBlock(peer::PeerConnection *, const swarm::BlockRequest &, const QByteArray &) override {}
    void peerReject(peer::PeerConnection *, const swarm::BlockRequest &) override {}
    void peerClosed(peer::PeerConnection *peer, const QString &reason) override;

    swarm::Torrent *createTorrent(swarm::TorrentParams params, state::TorrentState savedState);
    swarm::MetadataFetch *createFetch(swarm::MetadataFetch::Params params);
    void onMetadataReady(const metainfo::InfoHash &hash, const QByteArray &info);
    QByteArray restore(); // returns the DHT's saved state
    // The claimed pieces of files that changed since `saved` was recorded: they must be verified.
    // A torrent restored while its volume was away is about to start: what to verify first.
    void prepareWaitingStart(swarm::Torrent *t);
    static Bitfield piecesToVerify(const metainfo::TorrentInfo &info, const QString &savePath,
                                   const QList<state::FileStamp> &saved, const Bitfield &claimed);
    void restoreMagnet(const state::TorrentRecord &record);
    // A magnet's folder, queue place and order as they are now, saved for a restart before its metadata.
    void saveFetchOptions(const swarm::MetadataFetch &f);
    // DHT: started after the saved state is read, so a restart starts from the nodes it knew.
    void startDht(const QByteArray &savedState);
    void trackInDht(const metainfo::InfoHash &hash, bool isPrivate);
    void onDhtPeers(const metainfo::InfoHash &hash, const QList<dht::Endpoint> &peers);
    void saveDhtState(bool force); // every few minutes, and at shutdown
    void stopDht();
    bool listen(QString *error);
    void startEmbeddedTracker();
    void onNewConnection();
    void tick();
    // Pauses reading from peers while the disk is behind; resumes (and reads what waited) when
    // `mayResume` and it has caught up. Resuming is never done from inside a peer's callback.
    void updateReading(bool mayResume);
    void publishSnapshot();
    // The queue (sessionqueue.cpp): decides who runs and holds back or releases the others.
    // Called after every command that can change it and on every tick (checks ending,
    // downloads completing, slow torrents).
    void applyQueue();
    bool slowNow(swarm::Torrent *t, TimePoint now);
    void untrackQueued(); // the DHT restarted and tracked every torrent that is not paused
    void restoreMagnetQueued(const state::TorrentRecord &record);
    swarm::Torrent *torrentFor(storage::StorageId id) const { return m_byStorage.value(id); }
    int connectionCount() const;

    SessionSettings m_settings;
    std::mt19937 m_rng;
    QByteArray m_peerId;
    std::unique_ptr<storage::DiskIo> m_disk;
    std::unique_ptr<state::StateWriter> m_state;
    std::unique_ptr<tracker::HttpTrackerClient> m_trackers;
    tracker::UdpTrackerClient *m_udpTrackers = nullptr; // child; bound when the session starts
    QTcpServer *m_listener = nullptr;
    swarm::TokenBucket m_globalDown;
    swarm::TokenBucket m_globalUp;
    swarm::RateMeter m_downRate;
    swarm::RateMeter m_upRate;
    swarm::TorrentServices m_services;
    QHash<metainfo::InfoHash, swarm::Torrent *> m_torrents;
    QHash<metainfo::InfoHash, swarm::MetadataFetch *> m_fetches; // magnets waiting for metadata
    std::vector<std::pair<swarm::Torrent *, TimePoint>> m_retiring; // removed, `stopped` still out
    dht::DhtService *m_dht = nullptr; // child; null when the DHT is off
    tracker::EmbeddedTracker *m_embeddedTracker = nullptr; // child; null when off
    TimePoint m_lastDhtSave{};
    QList<metainfo::InfoHash> m_order;
    QHash<storage::StorageId, swarm::Torrent *> m_byStorage;
    QHash<swarm::PeerId, peer::PeerConnection *> m_handshaking; // incoming, torrent not known yet
    QSet<metainfo::InfoHash> m_watched;
    // Restored while their volume was away: the saved file stamps, compared once it is back.
    QHash<metainfo::InfoHash, QList<state::FileStamp>> m_waitingStamps;
    // Fetches the queue paused (the user's pause is the fetch's own flag), the hashes that had a
    // slot at the last evaluation (a magnet's torrent keeps its fetch's slot through its first
    // check), and how long each running torrent has been slow.
    QSet<metainfo::InfoHash> m_queuedFetches;
    QSet<metainfo::InfoHash> m_slotHolders;
    QHash<metainfo::InfoHash, SlowTimer> m_slow;
    storage::StorageId m_nextStorageId = 1;
    swarm::PeerId m_nextPeerId = 1;
    qsizetype m_pumpRotation = 0; // which torrent reads first this tick (see tick())
    QTimer m_tickTimer;
    QTimer m_snapshotTimer;
    quint64 m_snapshotSequence = 0;
    bool m_shuttingDown = false;
    bool m_readingPaused = false; // the disk is behind: peers' data waits in TCP
    bool m_incomingSeen = false;  // someone reached our listen port
};

} // namespace swarmscope::session
