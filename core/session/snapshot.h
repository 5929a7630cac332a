// Immutable pictures of the engine's state, published from the engine thread a few times a
// second. The UI and the CLI read only these: no engine object is ever touched from outside.
#pragma once

#include "metainfo/infohash.h"
#include "state/torrentrecord.h"
#include "util/bitfield.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

namespace swarmscope::session {

enum class PeerSource : quint8 { Tracker, Dht, Pex, Incoming, Manual };

struct PeerSnapshot {
    QHostAddress address;
    quint16 port = 0;
    QString client;            // decoded from the peer id
    bool incoming = false;
    PeerSource source = PeerSource::Manual;
    // The four choke/interest states, explicitly.
    bool amChoking = true;       // we refuse to upload to it
    bool amInterested = false;   // it has pieces we want
    bool peerChoking = true;     // it refuses to upload to us
    bool peerInterested = false; // it wants our pieces
    bool optimistic = false;     // it holds our optimistic unchoke slot
    bool regularSlot = false;    // it holds one of our regular unchoke slots
    bool snubbed = false;        // unchoked us but sent nothing for a while
    bool seed = false;
    bool supportsFast = false;
    bool supportsExtensions = false;
    double downloadRate = 0; // bytes/s it sends us
    double uploadRate = 0;   // bytes/s we send it
    qint64 downloaded = 0;   // bytes received from it
    qint64 uploaded = 0;     // bytes sent to it
    Bitfield pieces;              // what it has
    QList<int> piecesWeRequest;   // pieces with blocks we have requested from it
    QList<int> piecesItRequests;  // pieces it is downloading from us
    int requestQueue = 0;         // our outstanding requests to it
    double progress() const { return pieces.size() ? double(pieces.count()) / pieces.size() : 0.0; }
};

struct TrackerSnapshot {
    QString url;
    int tier = 0;
    QString status;  // "working", "updating", "error", "not contacted"
    QString message; // last error or warning
    int seeds = -1;
    int peers = -1;
    int downloaded = -1;
    QDateTime lastAnnounce;
    QDateTime nextAnnounce;
};

struct FileSnapshot {
    QString path;
    qint64 size = 0;
    qint64 done = 0; // verified bytes
    quint8 priority = 1; // 0 skip, 1 normal, 2 high
    bool padFile = false; // BEP 47 padding: never shown to the user
};

// Everything about one torrent the UI asked to watch: peers, pieces, trackers, files.
struct TorrentDetail {
    QList<PeerSnapshot> peers;
    QList<quint16> availability; // per piece: how many connected peers have it
    Bitfield have;
    QList<int> downloadingPieces;
    QList<TrackerSnapshot> trackers;
    QList<FileSnapshot> files;
    qint64 pieceLength = 0;
};

struct TorrentSnapshot {
    metainfo::InfoHash infoHash;
    QString name;
    QString savePath;
    state::TorrentState state = state::TorrentState::Queued;
    QString error;
    bool hasMetadata = false;
    bool sequential = false; // pieces in file order (also chosen for a magnet still fetching)
    // A magnet fetching its metadata (BEP 9): size once peers told it, pieces of 16 KiB.
    qint64 metadataSize = 0;
    int metadataPieces = 0;
    int metadataPiecesReceived = 0;
    qint64 totalSize = 0;
    qint64 wantedSize = 0;
    qint64 wantedDone = 0; // verified bytes of wanted pieces
    int piecesHave = 0;
    int pieceCount = 0;
    double progress = 0; // 0..1 of wanted data
    double downloadRate = 0;
    double uploadRate = 0;
    qint64 downloaded = 0; // payload bytes, all sessions
    qint64 uploaded = 0;
    int seedsConnected = 0;
    int peersConnected = 0;
    int seedsInSwarm = -1; // from trackers; -1 unknown
    int peersInSwarm = -1;
    qint64 etaSeconds = -1;
    double ratio() const { return downloaded > 0 ? double(uploaded) / double(downloaded) : 0.0; }
    QDateTime addedAt;
    QDateTime completedAt;
    int queuePosition = 0;
    std::shared_ptr<const TorrentDetail> detail; // only for watched torrents
};

struct SessionSnapshot {
    quint64 sequence = 0;
    QDateTime takenAt;
    double downloadRate = 0;
    double uploadRate = 0;
    quint16 listenPort = 0;
    int dhtNodes = -1; // -1: DHT off
    quint16 dhtPort = 0;
    quint16 embeddedTrackerPort = 0; // 0: not running
    bool incomingSeen = false;       // a peer connected to us (and handshook) since the start
    QList<TorrentSnapshot> torrents;
};

using SessionSnapshotPtr = std::shared_ptr<const SessionSnapshot>;

} // namespace swarmscope::session

Q_DECLARE_METATYPE(swarmscope::session::SessionSnapshotPtr)
