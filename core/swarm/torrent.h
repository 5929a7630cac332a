// One torrent in the engine: its peers, the piece picker, the choker, storage and trackers.
// Lives on the engine thread; the session drives it with tick() and routes disk results to it.
#pragma once

#include "metainfo/torrentinfo.h"
#include "peer/peerconnection.h"
#include "session/sessionsettings.h"
#include "session/snapshot.h"
#include "state/torrentrecord.h"
#include "storage/diskiotypes.h"
#include "swarm/announcer.h"
#include "swarm/choker.h"
#include "swarm/peercandidates.h"
#include "swarm/peerextensions.h"
#include "swarm/piecepicker.h"
#include "swarm/tokenbucket.h"
#include "wire/extension/extensionhandshake.h"
#include "wire/extension/utmetadata.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>

namespace swarmscope::storage {
class DiskIo;
}
namespace swarmscope::state {
class StateWriter;
}

namespace swarmscope::swarm {

// What the session shares with its torrents.
struct TorrentServices {
    storage::DiskIo *disk = nullptr;
    state::StateWriter *state = nullptr; // null when nothing is persisted
    tracker::HttpTrackerClient *trackers = nullptr;
    tracker::UdpTrackerClient *udpTrackers = nullptr;
    TokenBucket *globalDown = nullptr;
    TokenBucket *globalUp = nullptr;
    const session::SessionSettings *settings = nullptr;
    peer::PeerConnection::Options peerOptions;
    QByteArray trackerKey;
    QString clientName; // sent as `v` in extension handshakes
    std::function<quint16()> listenPort;
    std::function<PeerId()> nextPeerId;
    std::function<bool()> mayOpenConnection; // the session-wide limits allow one more
    std::function<bool(const QHostAddress &, quint16)> isOurselves;
    std::function<void()> diskLoadChanged; // a piece went to the disk: the session may pause reading
    std::function<quint16()> dhtPort;      // our DHT's UDP port for PORT messages; 0 or unset: off
    std::function<void(const QHostAddress &, quint16)> dhtNode; // a peer's PORT message
    std::mt19937 *rng = nullptr;
};

struct TorrentParams {
    metainfo::TorrentInfo info;
    QString savePath;
    Bitfield trustedHave;    // verified pieces we may trust without reading them
    Bitfield piecesToCheck;  // pieces to verify on disk before trusting (empty: none)
    QByteArray filePriorities; // one byte per file, 0 skip, 1 normal, 2 high; empty: all normal
    bool paused = false;
    bool sequential = false;
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    QDateTime addedAt;
    QDateTime completedAt;
    int queuePosition = 0;
    QList<Endpoint> peers; // connect to these directly
};

class Torrent : public QObject, public peer::PeerConnection::Handler {
    Q_OBJECT
public:
    Torrent(storage::StorageId storageId, TorrentParams params, const TorrentServices &services,
            QObject *parent = nullptr);
    ~Torrent() override;

    const metainfo::TorrentInfo &info() const { return m_info; }
    const metainfo::InfoHash &infoHash() const { return m_info.infoHash; }
    storage::StorageId storageId() const { return m_storageId; }
    state::TorrentState state() const { return m_state; }
    bool isComplete() const { return m_picker.wantedMissing() == 0; }
    bool isChecking() const { return m_checking; }
    int connectedPeers() const { return int(m_peers.size()); }
    // Tracker requests still out (after stop(): the `stopped` announces).
    bool hasPendingAnnounces() const;

    void start(TimePoint now);
    void pause(TimePoint now);
    void resume(TimePoint now);
    void stop(TimePoint now); // for shutdown or removal: closes peers, announces `stopped`
    // The volume holding the save folder went away: like a pause (peers dropped, `stopped`
    // announced) but in its own state, so that only these torrents come back by themselves.
    // Never touches the disk: no folder is created, no progress saved or reset. A torrent the
    // user paused stays paused. Also for a restored torrent that was never started.
    void storageLost(TimePoint now);
    // The volume is back: a torrent stopped by storageLost resumes (finishing a check it was
    // interrupted in, re-checking nothing else). False when it was not stopped that way.
    bool storageRestored(TimePoint now);
    // Before start() only: the pieces to verify (a restore that had to wait for the volume).
    void setPiecesToCheck(const Bitfield &pieces);
    void recheck(TimePoint now);
    void setFilePriorities(const QByteArray &priorities);
    void setSequential(bool sequential);
    bool isSequential() const { return m_picker.settings().sequential; }
    const QString &savePath() const { return m_params.savePath; }
    // Only while nothing is downloaded yet (the add dialog after a magnet's metadata): the
    // storage moves to `path` and what that folder already holds is checked. Moving data
    // that is already on disk is not supported; false with *error then.
    bool setSavePath(const QString &path, QString *error);
    int queuePosition() const { return m_params.queuePosition; }
    void setQueuePosition(int position);
    // The session's queue holds it back (see session/queuescheduler.h): while held it does not
    // run (no peers, no announces; `stopped` if it was running) and shows Queued. A check still
    // runs, and ends in Queued. Released, a Queued torrent starts. The user's pause, errors and
    // a missing volume come first: held or not, they stop it as before.
    void setQueued(bool queued, TimePoint now);
    bool isQueued() const { return m_queued; }
    bool isPaused() const { return m_params.paused; }
    double downloadRate(TimePoint now) const { return m_downRate.rate(now, std::chrono::seconds(5)); }
    double uploadRate(TimePoint now) const { return m_upRate.rate(now, std::chrono::seconds(5)); }
    void addPeers(const QList<Endpoint> &peers, session::PeerSource source);
    // An incoming connection whose handshake named this torrent.
    void attachIncoming(peer::PeerConnection *peer);
    // A connection a magnet's metadata fetch made (handshake done, extensions known).
    void adoptPeer(peer::PeerConnection *peer, session::PeerSource source, const Endpoint &endpoint,
                   const PeerExtensions &extensions);
    void setDownloadLimit(qint64 bytesPerSecond, TimePoint now) { m_down.setRate(bytesPerSecond, 0, now); }
    void setUploadLimit(qint64 bytesPerSecond, TimePoint now) { m_up.setRate(bytesPerSecond, 0, now); }
    void setChokerSettings(const ChokerSettings &settings) { m_choker.setSettings(settings); }
    // Replaces the trackers (BEP 12 tiers), saved with the torrent. False when nothing changed.
    bool setTrackers(const QList<QStringList> &tiers);

    void tick(TimePoint now);
    // The session asks each torrent to read from its peers within a byte budget (-1: no limit).
    void pumpPeers(TimePoint now, bool diskBackedUp);

    // Disk results, routed by storage id.
    void onPieceWritten(int piece, bool ok, bool hashMismatch, const QString &error);
    void onBlockRead(quint64 tag, const QByteArray &data, const QString &error);
    void onCheckProgress(int done, int total);
    void onCheckFinished(const Bitfield &verified, const QString &error);

    session::TorrentSnapshot snapshot(TimePoint now, bool withDetail) const;
    state::TorrentRecord record() const;

signals:
    void completed(const swarmscope::metainfo::InfoHash &infoHash);
    void errorOccurred(const swarmscope::metainfo::InfoHash &infoHash, const QString &error);

private:
    // PeerConnection::Handler
    void peerHandshake(peer::PeerConnection *peer) override;
    void peerHave(peer::PeerConnection *peer, int piece) override;
    void peerBitfield(peer::PeerConnection *peer) override;
    void peerChoked(peer::PeerConnection *peer, bool choked) override;
    void peerInterested(peer::PeerConnection *peer, bool interested) override;
    void peerRequest(peer::PeerConnection *peer, const BlockRequest &block) override;
    void peerCancel(peer::PeerConnection *peer, const BlockRequest &block) override;
    void peerBlock(peer::PeerConnection *peer, const BlockRequest &block, const QByteArray &data) override;
    void peerReject(peer::PeerConnection *peer, const BlockRequest &block) override;
    void peerAllowedFast(peer::PeerConnection *peer, int piece) override;
    void peerExtended(peer::PeerConnection *peer, quint8 id, const QByteArray &payload) override;
    void peerPort(peer::PeerConnection *peer, quint16 port) override;
    void peerClosed(peer::PeerConnection *peer, const QString &reason) override;
    void peerWritable(peer::PeerConnection *peer) override;

    struct PeerInfo {
        peer::PeerConnection *connection = nullptr;
        session::PeerSource source = session::PeerSource::Manual;
        Endpoint endpoint;
        std::deque<BlockRequest> uploadQueue; // asked for, not read from disk yet
        int readsInFlight = 0;
        QSet<int> allowedFast; // pieces it lets us request while choked
        QSet<int> allowedForIt; // pieces we let it request while we choke it (BEP 6)
        bool snubbed = false;
        int strikes = 0;
        std::shared_ptr<PeerExtensions> extensions; // when both sides speak BEP 10
        int metadataRequests = 0; // ut_metadata pieces served in the current minute
        TimePoint metadataWindow{};
    };
    struct PendingRead {
        PeerId peer = 0;
        BlockRequest block;
        bool cancelled = false; // the peer cancelled it while the disk was reading
    };

    void makeAnnouncer();
    void setState(state::TorrentState s, const QString &error = {});
    void startDownloading(TimePoint now);
    void stopRunning(TimePoint now, const QString &why); // drops every peer, announces `stopped`
    void connectMorePeers(TimePoint now);
    void updateInterest(PeerInfo &p);
    void fillRequests(PeerInfo &p, TimePoint now);
    int desiredQueue(const PeerInfo &p, TimePoint now) const;
    void checkTimeouts(PeerInfo &p, TimePoint now);
    void rechoke(TimePoint now, bool force);
    void serviceUploads(PeerInfo &p, TimePoint now);
    void greetExtensions(PeerInfo &p); // BEP 10 handshake and PORT after the handshake
    void sendExtensionHandshake(PeerInfo &p);
    void sendPex(TimePoint now);
    void sendAllowedFast(PeerInfo &p);
    void serveMetadata(PeerInfo &p, const QByteArray &payload, TimePoint now);
    // `ourChoice`: we leave it (pause, queue), it did nothing wrong: it may be dialled again as
    // soon as we run, not after the usual back-off.
    void dropPeer(PeerId id, const QString &reason, bool ourChoice = false);
    void pieceCompleted(int piece);
    void finishDownload();
    void createEmptyFiles();
    void saveProgress();
    void applyFilePriorities();
    QList<quint8> filePriorityList() const;
    qint64 wantedBytes() const;
    qint64 wantedDoneBytes() const;
    bool isActive() const;
    bool downloadLimited() const;

    storage::StorageId m_storageId;
    metainfo::TorrentInfo m_info;
    TorrentParams m_params;
    TorrentServices m_services;
    PiecePicker m_picker;
    Choker m_choker;
    std::unique_ptr<Announcer> m_announcer;
    std::deque<std::unique_ptr<Announcer>> m_retiredAnnouncers; // replaced: their `stopped` may be in flight
    PeerCandidates m_candidates;
    QHash<PeerId, PeerInfo> m_peers;
    QHash<int, QByteArray> m_pieceBuffers; // partial pieces held until complete, then hashed and written
    QHash<int, QSet<PeerId>> m_contributors;
    QHash<quint64, PendingRead> m_reads;
    quint64 m_nextReadTag = 1;
    QSet<int> m_writing; // complete pieces at the disk worker

    state::TorrentState m_state = state::TorrentState::Queued;
    QString m_error;
    bool m_started = false;
    bool m_queued = false; // held back by the session's queue
    bool m_checking = false;
    bool m_checkInterrupted = false; // the volume went away during a check: finish it when back
    Bitfield m_checkPieces;          // what the running (or interrupted) check verifies
    int m_checkDone = 0;
    int m_checkTotal = 0;
    bool m_needsRechoke = true;
    TimePoint m_lastProgressSave{};
    TimePoint m_lastPexCheck{};
    TokenBucket m_down; // per-torrent limits (unlimited by default)
    TokenBucket m_up;
    RateMeter m_downRate;
    RateMeter m_upRate;
    qint64 m_sessionDownloaded = 0; // payload since start, for trackers
    qint64 m_sessionUploaded = 0;
    qint64 m_wastedBytes = 0;
    QByteArray m_filePriorities;
    wire::ext::MetadataSource m_metadata; // our info dictionary, served to peers (BEP 9)
};

} // namespace swarmscope::swarm
