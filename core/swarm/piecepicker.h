// Chooses which blocks to request from which peer, and keeps the books on every request.
//
// Order of preference in pick():
//  1. free blocks of partial pieces this peer is already downloading, then of any other partial
//     piece (high priority first): finishing started pieces gets them verified and tradable;
//  2. new pieces the peer has: sequential mode takes them in index order; otherwise, while we
//     have fewer than `randomStartPieces` pieces, a random choice (a newcomer needs something to
//     trade quickly, and the rarest pieces are the slowest to get); after that rarest first.
//     Higher priority always comes first; ties are broken by a seeded mt19937;
//  3. end game: once every wanted block that is not yet received is requested, blocks already
//     requested from other peers, up to `endgameRequestsPerBlock` requests per block.
// Outside end game a block is never requested twice, and we never request a piece we have or
// skip.
//
// The picker keeps what each peer has (its bitfield, or just a "seed" flag for peers that have
// everything: those add to one counter instead of every piece), so availability can be undone
// exactly once when the peer leaves. A pick walks the missing wanted pieces in rarity order and
// stops at the first ones the peer has: O(missing pieces) at worst, usually a few steps.
//
// Pure logic: no QObject, no clock, no I/O.
#pragma once

#include "swarm/piecepriorities.h"
#include "swarm/rarityindex.h"
#include "util/bitfield.h"

#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

namespace swarmscope::swarm {

// The engine's handle for a connected peer; the same alias as in choker.h (a repeated alias of
// the same type is legal). Ids should not be reused while a piece they contributed to is pending.
using PeerId = std::uint64_t;

constexpr int BlockSize = 16 * 1024;

struct BlockRequest {
    int piece = 0;
    int begin = 0;  // byte offset inside the piece
    int length = 0; // BlockSize, except for the last block of the last piece
    friend bool operator==(const BlockRequest &, const BlockRequest &) = default;
};

struct PeerBlock {
    PeerId peer = 0;
    BlockRequest block;
};

struct PartialPieceInfo {
    int piece = 0;
    int blocks = 0;
    int received = 0;
    int requested = 0; // not received, with at least one request outstanding
};

struct PickerSettings {
    int randomStartPieces = 4;       // random picks until we have this many pieces
    int endgameRequestsPerBlock = 2; // outstanding requests allowed for one block in end game
    bool sequential = false;         // index order instead of rarest first (streaming)
};

class PiecePicker {
public:
    enum class Receive {
        Accepted,  // store it
        Duplicate, // we already have this block (end game race): drop the data
        Unwanted,  // a block of a piece we skip and never started: drop it
        Invalid,   // not a block of this torrent (bad index, offset or length)
    };
    struct ReceiveResult {
        Receive status = Receive::Invalid;
        bool pieceComplete = false; // every block of the piece is in: hash it
        QList<PeerId> cancelFrom;   // other peers that still had it requested: send them CANCEL
    };

    // An empty picker (no pieces) when the sizes make no sense.
    PiecePicker(qint64 pieceLength, qint64 totalSize, std::uint32_t seed, PickerSettings settings = {});

    int pieceCount() const { return m_pieceCount; }
    qint64 pieceSize(int piece) const;
    int blockCount(int piece) const;
    BlockRequest block(int piece, int index) const;

    const PickerSettings &settings() const { return m_settings; }
    void setSequential(bool sequential) { m_settings.sequential = sequential; }

    // --- what we have and want
    const Bitfield &have() const { return m_have; }
    // Replaces our whole have-set (resume data, recheck). Partial state of pieces that become
    // "have" is dropped; their outstanding requests are returned so they can be cancelled.
    QList<PeerBlock> setHave(const Bitfield &have);
    PiecePriority priority(int piece) const { return m_prio[piece]; }
    void setPiecePriority(int piece, PiecePriority priority);
    bool setPiecePriorities(const QList<PiecePriority> &priorities); // false on a size mismatch
    int wantedMissing() const; // wanted pieces we do not have yet
    bool isInteresting(PeerId peer) const; // the peer has a wanted piece we lack

    // --- what peers have
    void peerHasNone(PeerId peer); // registers the peer (BEP 6 HAVE NONE, or no bitfield sent)
    void peerHasAll(PeerId peer);
    bool peerHasBitfield(PeerId peer, const Bitfield &pieces); // replaces; false on a size mismatch
    void peerHasPiece(PeerId peer, int piece);
    // The peer is gone: its requests go back and its pieces leave the availability counts.
    // Returns the requests it had outstanding. Calling it twice does nothing the second time.
    QList<BlockRequest> removePeer(PeerId peer);

    int availability(int piece) const { return m_seeds + m_count[piece]; }
    QList<int> availabilities() const;
    int seedCount() const { return m_seeds; }

    // --- requests
    // Picks up to `maxBlocks` blocks to request from `peer` and records them as requested.
    // `allowedOnly` restricts the choice (e.g. BEP 6 allowed-fast pieces while choked).
    QList<BlockRequest> pick(PeerId peer, int maxBlocks, const Bitfield *allowedOnly = nullptr);
    // One request ends without data (we cancelled it, the peer rejected it, or it timed out):
    // the block can be picked again. False when it was not outstanding.
    bool abortRequest(PeerId peer, const BlockRequest &block);
    // Every request of the peer ends (it choked us without fast extension, or we gave up on it).
    QList<BlockRequest> abortAllRequests(PeerId peer);
    ReceiveResult blockReceived(PeerId peer, const BlockRequest &block);

    // The piece's hash matched: it becomes "have". Returns requests still outstanding for it
    // (normally none), to be cancelled.
    QList<PeerBlock> pieceVerified(int piece);
    // The hash failed: every block is missing again. Returns the peers that sent its blocks
    // (sorted, unique), for strikes and bans.
    QList<PeerId> pieceFailed(int piece);

    // --- snapshots
    bool inEndgame() const;
    QList<PartialPieceInfo> partialPieces() const; // sorted by piece
    QList<int> piecesRequestedFrom(PeerId peer) const; // sorted
    QList<BlockRequest> requestsOf(PeerId peer) const;

    // Recomputes every count and cross-reference from scratch; returns what disagrees, or an
    // empty string. O(pieces x peers): for tests and debug checks only.
    QString checkConsistency() const;

private:
    struct BlockKey {
        int piece;
        int index;
        friend bool operator==(const BlockKey &, const BlockKey &) = default;
    };
    struct BlockSlot {
        QVarLengthArray<PeerId, 2> requesters; // empty once received
        PeerId from = 0;
        bool received = false;
    };
    struct Partial {
        int piece = 0;
        std::vector<BlockSlot> blocks;
        int received = 0;
        int requested = 0;
        int free() const { return int(blocks.size()) - received - requested; }
    };
    struct PeerState {
        Bitfield pieces; // empty while `seed`
        bool seed = false;
        std::vector<BlockKey> outstanding;
        int lastPiece = -1; // the piece it last got blocks of: continue it first
    };
    class Picking;

    bool wanted(int piece) const { return m_prio[piece] != PiecePriority::Skip; }
    bool untouched(int piece) const;
    bool peerHas(const PeerState &ps, int piece) const { return ps.seed || ps.pieces.test(piece); }
    Partial *partial(int piece);
    const Partial *partial(int piece) const;
    Partial &startPartial(int piece);
    void dropPartialIfIdle(int piece);
    void dropPartial(int piece);
    void relist(int piece);
    void changeCount(int piece, int delta);
    PeerState &peerState(PeerId peer);
    void forgetAvailability(PeerState &ps);
    void addRequest(PeerId peer, PeerState &ps, int piece, int index);
    void removeRequester(int piece, int index, PeerId peer);
    void removeOutstanding(PeerId peer, BlockKey key);
    QList<PeerBlock> clearRequests(int piece);
    void setHaveOne(int piece, bool value, QList<PeerBlock> *cancelled);
    bool validBlock(const BlockRequest &block) const;
    void pickSequential(Picking &pk);
    void pickRandom(Picking &pk);

    PickerSettings m_settings;
    std::mt19937 m_rng;
    qint64 m_pieceLength = 0;
    qint64 m_totalSize = 0;
    int m_pieceCount = 0;
    Bitfield m_have;
    std::vector<PiecePriority> m_prio;
    std::vector<int> m_count;       // availability from non-seed peers
    std::vector<int> m_partialSlot; // index into m_partials, -1 when not started
    std::vector<Partial> m_partials;
    RarityIndex m_index;            // wanted pieces we lack
    std::unordered_map<PeerId, PeerState> m_peers;
    int m_seeds = 0;
    int m_untouchedWanted = 0; // wanted, missing and not started
    int m_sequentialCursor = 0;
};

} // namespace swarmscope::swarm
