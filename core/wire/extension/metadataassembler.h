// Collects a torrent's info dictionary from peers with ut_metadata (BEP 9), for magnet links.
// Pure: no sockets, no clock; the engine passes `now` and sends what it is told to.
//
// Whom to believe about the size: every peer advertises a metadata_size in its extension
// handshake, and one lying peer must not be able to stall us. The assembler builds one attempt
// at a time, for one size: the size most peers advertise (re-chosen freely until a piece of the
// attempt has arrived). Only peers that advertised that size are asked; a data message whose
// total_size differs from what its sender advertised drops that peer. When no usable peer backs
// the attempt's size any more it is abandoned for the next best size.
//
// When every piece is in, the SHA-1 of the bytes must equal the info-hash. On a mismatch the
// attempt is reset and its contributors are reported. A sole contributor is certainly to blame
// and is dropped. When several peers contributed, nobody can be blamed for sure: each gets a
// strike and from then on every attempt takes all its pieces from one peer (the one with the
// fewest strikes that asks first), so the next failure has a sole culprit and an honest peer is
// never dropped for a liar's piece. A peer whose requests time out three times is dropped too,
// so a silent peer cannot hold the attempt's size (or its single source role) hostage.
#pragma once

#include "metainfo/infohash.h"
#include "util/clock.h"
#include "wire/extension/utmetadata.h"

#include <QList>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace swarmscope::wire::ext {

class MetadataAssembler {
public:
    using PeerKey = std::uint64_t; // the engine's peer id (swarm::PeerId)

    struct Options {
        Duration requestTimeout = 20s;
        Duration rejectBackoff = 60s; // after a reject, leave that peer alone this long
        int maxRequestsPerPeer = 2;
        int maxTimeouts = 3;
    };

    struct DataResult {
        enum class Status {
            Accepted,     // stored; more pieces needed
            Ignored,      // unsolicited, duplicate, late or for an abandoned attempt: no harm
            PeerDropped,  // the peer broke the rules (size mismatch); stop asking it
            Complete,     // `info` holds the verified info dictionary
            HashMismatch, // the attempt failed and was reset; `blamed` sent its pieces
        };
        Status status = Status::Ignored;
        QString reason;           // for Ignored, PeerDropped and HashMismatch
        QByteArray info;          // Complete
        QList<PeerKey> blamed;    // HashMismatch: every contributor of the failed attempt
        QList<PeerKey> dropped;   // HashMismatch: those of them now dropped
    };

    explicit MetadataAssembler(const metainfo::InfoHash &infoHash);
    MetadataAssembler(const metainfo::InfoHash &infoHash, const Options &options);

    // The peer's extension handshake offered ut_metadata with this metadata_size. A size out of
    // 1..30 MiB is refused (false). A later call with another size replaces the old one and
    // returns the peer's outstanding pieces to the pool.
    bool addPeer(PeerKey peer, qint64 advertisedSize);
    // The peer left or stopped offering ut_metadata: its requests go back to the pool.
    void removePeer(PeerKey peer);

    // Pieces to request from `peer` now, marked as requested from it at `now`. Empty when it is
    // unknown, dropped, backing off after a reject, at its request limit, disagrees with the
    // size being assembled, or nothing is left to ask for.
    QList<int> takeRequests(PeerKey peer, TimePoint now);

    DataResult onData(PeerKey peer, const MetadataMessage &message, TimePoint now);
    void onReject(PeerKey peer, int piece, TimePoint now);
    // Requests older than the timeout go back to the pool. Returns the peers they were sent to
    // (once each); those that reached maxTimeouts are now dropped.
    QList<PeerKey> expire(TimePoint now);

    bool isComplete() const { return m_complete; }
    qint64 size() const { return m_size; } // of the current attempt; 0 when none
    int pieceCount() const { return int(m_pieces.size()); }
    int piecesReceived() const { return m_received; }
    int outstandingRequests() const;
    bool hasPeer(PeerKey peer) const { return m_peers.count(peer) != 0; }
    bool isDropped(PeerKey peer) const;
    // After a failure with several contributors: attempts now take pieces from one peer only.
    bool isSingleSource() const { return m_singleSource; }

private:
    struct PeerState {
        qint64 size = 0;
        std::map<int, TimePoint> outstanding; // piece -> when asked
        std::set<int> late;                   // asked in this attempt but timed out: still welcome
        TimePoint retryAt{};
        int timeouts = 0;
        int strikes = 0;
        bool dropped = false;
    };
    struct Piece {
        QByteArray data;
        PeerKey from = 0;
        bool received = false;
        bool requested = false;
    };

    void chooseSize();
    bool mayServeAttempt(PeerKey key, const PeerState &peer, TimePoint now);
    void startAttempt(qint64 size);
    void resetAttempt();
    void release(PeerState &peer); // outstanding pieces back to the pool
    void drop(PeerState &peer);
    DataResult finish();

    metainfo::InfoHash m_infoHash;
    Options m_options;
    std::map<PeerKey, PeerState> m_peers;
    std::vector<Piece> m_pieces; // of the current attempt
    qint64 m_size = 0;
    int m_received = 0;
    bool m_complete = false;
    bool m_singleSource = false;
    std::optional<PeerKey> m_source; // single source mode: the peer of this attempt
};

} // namespace swarmscope::wire::ext
