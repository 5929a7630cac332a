#include "swarm/piecepicker.h"

#include <algorithm>
#include <limits>

namespace swarmscope::swarm {

namespace {

constexpr int Levels = 2; // Normal and High; Skip pieces are never in the rarity index

int levelOf(PiecePriority priority) { return int(priority) - 1; }

template <typename F>
void forEachSetBit(const Bitfield &bits, F &&f)
{
    const QByteArray &bytes = bits.toWire();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte == 0)
            continue;
        for (int bit = 0; bit < 8; ++bit)
            if (byte & (0x80u >> bit))
                f(int(i * 8) + bit);
    }
}

} // namespace

// One call of pick(): the peer, what it may be asked for, and the requests chosen so far.
class PiecePicker::Picking {
public:
    Picking(PiecePicker &picker, PeerId peer, PeerState &ps, int maxBlocks, const Bitfield *allowed)
        : m_picker(picker), m_peer(peer), m_ps(ps), m_max(maxBlocks), m_allowed(allowed)
    {
    }

    bool full() const { return int(out.size()) >= m_max; }
    int remaining() const { return m_max - int(out.size()); }
    bool has(int piece) const
    {
        return m_picker.peerHas(m_ps, piece) && (!m_allowed || m_allowed->test(piece));
    }

    // Requests the blocks of a started piece that nobody has requested yet.
    void takeFree(int piece)
    {
        Partial *part = m_picker.partial(piece);
        if (!part || part->free() == 0 || !m_picker.wanted(piece))
            return;
        for (int i = 0; i < int(part->blocks.size()) && !full() && part->free() > 0; ++i) {
            const BlockSlot &slot = part->blocks[i];
            if (slot.received || !slot.requesters.empty())
                continue;
            take(piece, i);
        }
    }

    void startNew(int piece)
    {
        m_picker.startPartial(piece);
        takeFree(piece);
    }

    // End game: blocks other peers already have requested, the least requested first.
    void takeDuplicates()
    {
        const int maxRequests = m_picker.m_settings.endgameRequestsPerBlock;
        for (int n = 1; n < maxRequests && !full(); ++n) {
            for (std::size_t k = 0; k < m_picker.m_partials.size() && !full(); ++k) {
                const Partial &part = m_picker.m_partials[k];
                if (!m_picker.wanted(part.piece) || !has(part.piece))
                    continue;
                for (int i = 0; i < int(part.blocks.size()) && !full(); ++i) {
                    const BlockSlot &slot = part.blocks[i];
                    if (!slot.received && slot.requesters.size() == n && !slot.requesters.contains(m_peer))
                        take(part.piece, i);
                }
            }
        }
    }

    QList<BlockRequest> out;

private:
    void take(int piece, int index)
    {
        m_picker.addRequest(m_peer, m_ps, piece, index);
        out.append(m_picker.block(piece, index));
        m_ps.lastPiece = piece;
    }

    PiecePicker &m_picker;
    PeerId m_peer;
    PeerState &m_ps;
    int m_max;
    const Bitfield *m_allowed;
};

PiecePicker::PiecePicker(qint64 pieceLength, qint64 totalSize, std::uint32_t seed, PickerSettings settings)
    : m_settings(settings), m_rng(seed)
{
    // A piece must fit the int offsets of the wire protocol, and the count must fit an int.
    if (pieceLength > 0 && totalSize > 0 && pieceLength <= std::numeric_limits<int>::max()) {
        const qint64 count = totalSize / pieceLength + (totalSize % pieceLength != 0 ? 1 : 0);
        if (count <= std::numeric_limits<int>::max()) {
            m_pieceLength = pieceLength;
            m_totalSize = totalSize;
            m_pieceCount = int(count);
        }
    }
    m_settings.endgameRequestsPerBlock = std::max(1, m_settings.endgameRequestsPerBlock);
    m_have = Bitfield(m_pieceCount);
    m_prio.assign(m_pieceCount, PiecePriority::Normal);
    m_count.assign(m_pieceCount, 0);
    m_partialSlot.assign(m_pieceCount, -1);
    m_index = RarityIndex(m_pieceCount, Levels);
    for (int p = 0; p < m_pieceCount; ++p)
        m_index.insert(p, levelOf(PiecePriority::Normal), 0, m_rng);
    m_untouchedWanted = m_pieceCount;
}

qint64 PiecePicker::pieceSize(int piece) const
{
    if (piece < 0 || piece >= m_pieceCount)
        return 0;
    if (piece < m_pieceCount - 1)
        return m_pieceLength;
    return m_totalSize - m_pieceLength * (m_pieceCount - 1);
}

int PiecePicker::blockCount(int piece) const
{
    return int((pieceSize(piece) + BlockSize - 1) / BlockSize);
}

BlockRequest PiecePicker::block(int piece, int index) const
{
    const qint64 begin = qint64(index) * BlockSize;
    return {piece, int(begin), int(std::min<qint64>(BlockSize, pieceSize(piece) - begin))};
}

bool PiecePicker::validBlock(const BlockRequest &b) const
{
    if (b.piece < 0 || b.piece >= m_pieceCount || b.begin < 0 || b.begin % BlockSize != 0
        || b.begin >= pieceSize(b.piece))
        return false;
    return b.length == block(b.piece, b.begin / BlockSize).length;
}

// --- our pieces -------------------------------------------------------------------------------

bool PiecePicker::untouched(int piece) const
{
    return wanted(piece) && !m_have.test(piece) && m_partialSlot[piece] < 0;
}

void PiecePicker::relist(int piece)
{
    const bool listed = wanted(piece) && !m_have.test(piece);
    if (m_index.contains(piece) && (!listed || m_index.levelOf(piece) != levelOf(m_prio[piece])))
        m_index.erase(piece);
    if (listed && !m_index.contains(piece))
        m_index.insert(piece, levelOf(m_prio[piece]), m_count[piece], m_rng);
}

void PiecePicker::setHaveOne(int piece, bool value, QList<PeerBlock> *cancelled)
{
    if (m_have.test(piece) == value)
        return;
    if (partial(piece)) {
        const QList<PeerBlock> dropped = clearRequests(piece);
        if (cancelled)
            cancelled->append(dropped);
        dropPartial(piece);
    }
    const bool before = untouched(piece);
    m_have.set(piece, value);
    m_untouchedWanted += int(untouched(piece)) - int(before);
    relist(piece);
    if (!value)
        m_sequentialCursor = std::min(m_sequentialCursor, piece);
}

QList<PeerBlock> PiecePicker::setHave(const Bitfield &have)
{
    QList<PeerBlock> cancelled;
    if (have.size() != m_pieceCount)
        return cancelled;
    for (int p = 0; p < m_pieceCount; ++p)
        setHaveOne(p, have.test(p), &cancelled);
    return cancelled;
}

void PiecePicker::setPiecePriority(int piece, PiecePriority priority)
{
    if (piece < 0 || piece >= m_pieceCount || m_prio[piece] == priority)
        return;
    const bool before = untouched(piece);
    m_prio[piece] = priority;
    m_untouchedWanted += int(untouched(piece)) - int(before);
    relist(piece);
    if (priority != PiecePriority::Skip)
        m_sequentialCursor = std::min(m_sequentialCursor, piece);
}

bool PiecePicker::setPiecePriorities(const QList<PiecePriority> &priorities)
{
    if (priorities.size() != m_pieceCount)
        return false;
    for (int p = 0; p < m_pieceCount; ++p)
        setPiecePriority(p, priorities[p]);
    return true;
}

int PiecePicker::wantedMissing() const
{
    int n = 0;
    for (int level = 0; level < Levels; ++level)
        n += m_index.levelSize(level);
    return n;
}

bool PiecePicker::isInteresting(PeerId peer) const
{
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return false;
    if (it->second.seed)
        return wantedMissing() > 0;
    return m_index.visit([&](int piece) { return it->second.pieces.test(piece); });
}

// --- peers' pieces ----------------------------------------------------------------------------

PiecePicker::PeerState &PiecePicker::peerState(PeerId peer)
{
    const auto [it, inserted] = m_peers.try_emplace(peer);
    if (inserted)
        it->second.pieces = Bitfield(m_pieceCount);
    return it->second;
}

void PiecePicker::changeCount(int piece, int delta)
{
    m_count[piece] += delta;
    Q_ASSERT(m_count[piece] >= 0);
    m_index.setCount(piece, m_count[piece], m_rng);
}

void PiecePicker::forgetAvailability(PeerState &ps)
{
    if (ps.seed) {
        --m_seeds;
        ps.seed = false;
    } else {
        forEachSetBit(ps.pieces, [this](int piece) { changeCount(piece, -1); });
    }
    ps.pieces = Bitfield(m_pieceCount);
}

void PiecePicker::peerHasNone(PeerId peer)
{
    forgetAvailability(peerState(peer));
}

void PiecePicker::peerHasAll(PeerId peer)
{
    PeerState &ps = peerState(peer);
    if (ps.seed)
        return;
    forgetAvailability(ps);
    ps.seed = true;
    ps.pieces = Bitfield();
    ++m_seeds;
}

bool PiecePicker::peerHasBitfield(PeerId peer, const Bitfield &pieces)
{
    if (pieces.size() != m_pieceCount)
        return false;
    if (pieces.all() && m_pieceCount > 0) {
        peerHasAll(peer);
        return true;
    }
    PeerState &ps = peerState(peer);
    if (!ps.seed && ps.pieces == pieces)
        return true;
    forgetAvailability(ps);
    ps.pieces = pieces;
    forEachSetBit(pieces, [this](int piece) { changeCount(piece, +1); });
    return true;
}

void PiecePicker::peerHasPiece(PeerId peer, int piece)
{
    if (piece < 0 || piece >= m_pieceCount)
        return;
    PeerState &ps = peerState(peer);
    if (ps.seed || ps.pieces.test(piece))
        return;
    ps.pieces.set(piece);
    changeCount(piece, +1);
    // A peer that completed becomes a seed: one counter instead of a count on every piece.
    if (ps.pieces.all())
        peerHasAll(peer);
}

QList<BlockRequest> PiecePicker::removePeer(PeerId peer)
{
    if (m_peers.find(peer) == m_peers.end())
        return {};
    QList<BlockRequest> returned = abortAllRequests(peer);
    const auto it = m_peers.find(peer);
    forgetAvailability(it->second);
    m_peers.erase(it);
    return returned;
}

QList<int> PiecePicker::availabilities() const
{
    QList<int> result(m_pieceCount);
    for (int p = 0; p < m_pieceCount; ++p)
        result[p] = availability(p);
    return result;
}

// --- partial pieces and requests --------------------------------------------------------------

PiecePicker::Partial *PiecePicker::partial(int piece)
{
    const int slot = m_partialSlot[piece];
    return slot < 0 ? nullptr : &m_partials[slot];
}

const PiecePicker::Partial *PiecePicker::partial(int piece) const
{
    const int slot = m_partialSlot[piece];
    return slot < 0 ? nullptr : &m_partials[slot];
}

PiecePicker::Partial &PiecePicker::startPartial(int piece)
{
    if (Partial *existing = partial(piece))
        return *existing;
    const bool before = untouched(piece);
    Partial part;
    part.piece = piece;
    part.blocks.resize(blockCount(piece));
    m_partialSlot[piece] = int(m_partials.size());
    m_partials.push_back(std::move(part));
    m_untouchedWanted -= int(before);
    return m_partials.back();
}

void PiecePicker::dropPartial(int piece)
{
    const int slot = m_partialSlot[piece];
    if (slot < 0)
        return;
    if (slot != int(m_partials.size()) - 1) {
        m_partials[slot] = std::move(m_partials.back());
        m_partialSlot[m_partials[slot].piece] = slot;
    }
    m_partials.pop_back();
    m_partialSlot[piece] = -1;
    m_untouchedWanted += int(untouched(piece));
}

// A piece nobody is fetching and nothing was received for goes back to the rarity order, so the
// partial list stays short and a new pick can choose it on its merits.
void PiecePicker::dropPartialIfIdle(int piece)
{
    const Partial *part = partial(piece);
    if (part && part->received == 0 && part->requested == 0)
        dropPartial(piece);
}

void PiecePicker::addRequest(PeerId peer, PeerState &ps, int piece, int index)
{
    Partial &part = *partial(piece);
    BlockSlot &slot = part.blocks[index];
    if (slot.requesters.empty())
        ++part.requested;
    slot.requesters.append(peer);
    ps.outstanding.push_back({piece, index});
}

void PiecePicker::removeRequester(int piece, int index, PeerId peer)
{
    Partial *part = partial(piece);
    if (!part)
        return;
    BlockSlot &slot = part->blocks[index];
    const auto it = std::find(slot.requesters.begin(), slot.requesters.end(), peer);
    if (it == slot.requesters.end())
        return;
    slot.requesters.erase(it);
    if (slot.requesters.empty() && !slot.received)
        --part->requested;
}

void PiecePicker::removeOutstanding(PeerId peer, BlockKey key)
{
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return;
    auto &list = it->second.outstanding;
    const auto found = std::find(list.begin(), list.end(), key);
    if (found == list.end())
        return;
    *found = list.back();
    list.pop_back();
}

// Ends every request for the piece; returns who had what.
QList<PeerBlock> PiecePicker::clearRequests(int piece)
{
    QList<PeerBlock> cleared;
    Partial *part = partial(piece);
    if (!part)
        return cleared;
    for (int i = 0; i < int(part->blocks.size()); ++i) {
        BlockSlot &slot = part->blocks[i];
        for (PeerId peer : slot.requesters) {
            removeOutstanding(peer, {piece, i});
            cleared.append({peer, block(piece, i)});
        }
        slot.requesters.clear();
    }
    part->requested = 0;
    return cleared;
}

QList<BlockRequest> PiecePicker::pick(PeerId peer, int maxBlocks, const Bitfield *allowedOnly)
{
    const auto it = m_peers.find(peer);
    if (it == m_peers.end() || maxBlocks <= 0)
        return {};
    PeerState &ps = it->second;
    Picking pk(*this, peer, ps, maxBlocks, allowedOnly);

    // 1. Pieces this peer is already on: its last piece, then those it has requests in.
    std::vector<int> own;
    own.reserve(ps.outstanding.size());
    for (const BlockKey &key : ps.outstanding)
        own.push_back(key.piece);
    std::sort(own.begin(), own.end());
    own.erase(std::unique(own.begin(), own.end()), own.end());
    const int last = ps.lastPiece;
    if (last >= 0 && pk.has(last))
        pk.takeFree(last);
    for (int piece : own)
        if (!pk.full() && pk.has(piece))
            pk.takeFree(piece);

    // 2. Any other started piece, high priority first.
    for (int level = Levels - 1; level >= 0 && !pk.full(); --level) {
        for (std::size_t k = 0; k < m_partials.size() && !pk.full(); ++k) {
            const int piece = m_partials[k].piece;
            if (levelOf(m_prio[piece]) == level && m_partials[k].free() > 0 && pk.has(piece))
                pk.takeFree(piece);
        }
    }

    // 3. New pieces.
    if (!pk.full()) {
        if (m_settings.sequential)
            pickSequential(pk);
        else if (m_have.count() < m_settings.randomStartPieces)
            pickRandom(pk);
        else
            m_index.visit([&](int piece) {
                if (m_partialSlot[piece] < 0 && pk.has(piece))
                    pk.startNew(piece);
                return pk.full();
            });
    }

    // 4. End game.
    if (!pk.full() && inEndgame())
        pk.takeDuplicates();
    return pk.out;
}

void PiecePicker::pickSequential(Picking &pk)
{
    while (m_sequentialCursor < m_pieceCount
           && (m_have.test(m_sequentialCursor) || !wanted(m_sequentialCursor)))
        ++m_sequentialCursor;
    for (int level = Levels - 1; level >= 0 && !pk.full(); --level) {
        if (m_index.levelSize(level) == 0)
            continue;
        for (int p = m_sequentialCursor; p < m_pieceCount && !pk.full(); ++p)
            if (m_index.contains(p) && m_index.levelOf(p) == level && m_partialSlot[p] < 0 && pk.has(p))
                pk.startNew(p);
    }
}

// A uniform random choice among the peer's new pieces of the best level. One pass samples as many
// pieces as the request needs (reservoir sampling), so a deep request costs O(missing), not
// O(missing) per piece.
void PiecePicker::pickRandom(Picking &pk)
{
    const int perPiece = std::max(1, blockCount(0));
    for (int level = Levels - 1; level >= 0 && !pk.full(); --level) {
        while (!pk.full()) {
            const int need = (pk.remaining() + perPiece - 1) / perPiece;
            std::vector<int> sample;
            int seen = 0;
            m_index.visitLevel(level, [&](int piece) {
                if (m_partialSlot[piece] >= 0 || !pk.has(piece))
                    return false;
                ++seen;
                if (int(sample.size()) < need) {
                    sample.push_back(piece);
                } else {
                    const int j = std::uniform_int_distribution<int>(0, seen - 1)(m_rng);
                    if (j < need)
                        sample[j] = piece;
                }
                return false;
            });
            if (sample.empty())
                break;
            std::shuffle(sample.begin(), sample.end(), m_rng);
            for (int piece : sample)
                if (!pk.full())
                    pk.startNew(piece);
        }
    }
}

bool PiecePicker::abortRequest(PeerId peer, const BlockRequest &b)
{
    if (!validBlock(b))
        return false;
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return false;
    const BlockKey key{b.piece, b.begin / BlockSize};
    auto &list = it->second.outstanding;
    if (std::find(list.begin(), list.end(), key) == list.end())
        return false;
    removeOutstanding(peer, key);
    removeRequester(key.piece, key.index, peer);
    dropPartialIfIdle(key.piece);
    return true;
}

QList<BlockRequest> PiecePicker::abortAllRequests(PeerId peer)
{
    QList<BlockRequest> returned;
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return returned;
    const std::vector<BlockKey> outstanding = std::move(it->second.outstanding);
    it->second.outstanding.clear();
    for (const BlockKey &key : outstanding) {
        removeRequester(key.piece, key.index, peer);
        returned.append(block(key.piece, key.index));
    }
    for (const BlockKey &key : outstanding)
        dropPartialIfIdle(key.piece);
    return returned;
}

PiecePicker::ReceiveResult PiecePicker::blockReceived(PeerId peer, const BlockRequest &b)
{
    ReceiveResult result;
    if (!validBlock(b))
        return result;
    const BlockKey key{b.piece, b.begin / BlockSize};
    if (m_have.test(b.piece)) {
        removeOutstanding(peer, key);
        result.status = Receive::Duplicate;
        return result;
    }
    Partial *part = partial(b.piece);
    if (!part) {
        if (!wanted(b.piece)) {
            result.status = Receive::Unwanted;
            return result;
        }
        part = &startPartial(b.piece);
    }
    BlockSlot &slot = part->blocks[key.index];
    if (slot.received) {
        removeOutstanding(peer, key);
        result.status = Receive::Duplicate;
        return result;
    }
    // The block is ours now: every request for it ends; the others must be cancelled on the wire.
    if (!slot.requesters.empty())
        --part->requested;
    for (PeerId requester : slot.requesters) {
        removeOutstanding(requester, key);
        if (requester != peer)
            result.cancelFrom.append(requester);
    }
    slot.requesters.clear();
    slot.received = true;
    slot.from = peer;
    ++part->received;
    if (const auto it = m_peers.find(peer); it != m_peers.end())
        it->second.lastPiece = b.piece;
    result.status = Receive::Accepted;
    result.pieceComplete = part->received == int(part->blocks.size());
    return result;
}

QList<PeerBlock> PiecePicker::pieceVerified(int piece)
{
    QList<PeerBlock> cancelled;
    if (piece >= 0 && piece < m_pieceCount)
        setHaveOne(piece, true, &cancelled);
    return cancelled;
}

QList<PeerId> PiecePicker::pieceFailed(int piece)
{
    QList<PeerId> contributors;
    if (piece < 0 || piece >= m_pieceCount || !partial(piece))
        return contributors;
    for (const BlockSlot &slot : partial(piece)->blocks)
        if (slot.received)
            contributors.append(slot.from);
    std::sort(contributors.begin(), contributors.end());
    contributors.erase(std::unique(contributors.begin(), contributors.end()), contributors.end());
    clearRequests(piece);
    dropPartial(piece);
    return contributors;
}

// --- snapshots --------------------------------------------------------------------------------

bool PiecePicker::inEndgame() const
{
    if (m_untouchedWanted > 0)
        return false;
    bool blocksLeft = false;
    for (const Partial &part : m_partials) {
        if (!wanted(part.piece))
            continue;
        if (part.free() > 0)
            return false;
        if (part.received < int(part.blocks.size()))
            blocksLeft = true;
    }
    return blocksLeft;
}

QList<PartialPieceInfo> PiecePicker::partialPieces() const
{
    QList<PartialPieceInfo> result;
    result.reserve(qsizetype(m_partials.size()));
    for (const Partial &part : m_partials)
        result.append({part.piece, int(part.blocks.size()), part.received, part.requested});
    std::sort(result.begin(), result.end(),
              [](const PartialPieceInfo &a, const PartialPieceInfo &b) { return a.piece < b.piece; });
    return result;
}

QList<int> PiecePicker::piecesRequestedFrom(PeerId peer) const
{
    QList<int> pieces;
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return pieces;
    for (const BlockKey &key : it->second.outstanding)
        pieces.append(key.piece);
    std::sort(pieces.begin(), pieces.end());
    pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());
    return pieces;
}

QList<BlockRequest> PiecePicker::requestsOf(PeerId peer) const
{
    QList<BlockRequest> requests;
    const auto it = m_peers.find(peer);
    if (it == m_peers.end())
        return requests;
    for (const BlockKey &key : it->second.outstanding)
        requests.append(block(key.piece, key.index));
    return requests;
}

QString PiecePicker::checkConsistency() const
{
    const auto fail = [](const char *what, qint64 a = -1, qint64 b = -1) {
        return QLatin1String(what) + QStringLiteral(" (%1, %2)").arg(a).arg(b);
    };
    std::vector<int> counts(m_pieceCount, 0);
    int seeds = 0;
    std::size_t outstanding = 0;
    for (const auto &[peer, ps] : m_peers) {
        if (ps.seed) {
            ++seeds;
            if (!ps.pieces.isEmpty())
                return fail("seed keeps a bitfield", qint64(peer));
        } else {
            if (ps.pieces.size() != m_pieceCount)
                return fail("peer bitfield size", qint64(peer), ps.pieces.size());
            forEachSetBit(ps.pieces, [&](int piece) { ++counts[piece]; });
        }
        outstanding += ps.outstanding.size();
        for (std::size_t i = 0; i < ps.outstanding.size(); ++i) {
            const BlockKey key = ps.outstanding[i];
            if (std::find(ps.outstanding.begin() + qsizetype(i) + 1, ps.outstanding.end(), key)
                != ps.outstanding.end())
                return fail("request listed twice", key.piece, key.index);
            const Partial *part = partial(key.piece);
            if (!part || !part->blocks[key.index].requesters.contains(peer))
                return fail("peer request unknown to its block", key.piece, key.index);
        }
    }
    if (seeds != m_seeds)
        return fail("seed count", seeds, m_seeds);
    int untouchedCount = 0;
    for (int p = 0; p < m_pieceCount; ++p) {
        if (counts[p] != m_count[p])
            return fail("availability", p, m_count[p]);
        untouchedCount += int(untouched(p));
        const bool listed = wanted(p) && !m_have.test(p);
        if (m_index.contains(p) != listed)
            return fail("rarity index membership", p);
        if (listed && (m_index.levelOf(p) != levelOf(m_prio[p]) || m_index.countOf(p) != m_count[p]))
            return fail("rarity index key", p);
        const int slot = m_partialSlot[p];
        if (slot >= int(m_partials.size()) || (slot >= 0 && m_partials[slot].piece != p))
            return fail("partial slot", p, slot);
        if (slot >= 0 && m_have.test(p))
            return fail("piece both had and partial", p);
    }
    if (untouchedCount != m_untouchedWanted)
        return fail("untouched wanted count", untouchedCount, m_untouchedWanted);
    std::size_t requesters = 0;
    for (const Partial &part : m_partials) {
        if (m_partialSlot[part.piece] < 0 || int(part.blocks.size()) != blockCount(part.piece))
            return fail("partial not indexed", part.piece);
        int received = 0, requested = 0;
        for (const BlockSlot &slot : part.blocks) {
            received += int(slot.received);
            requested += int(!slot.received && !slot.requesters.empty());
            if (slot.received && !slot.requesters.empty())
                return fail("received block still requested", part.piece);
            for (qsizetype i = 0; i < slot.requesters.size(); ++i)
                if (slot.requesters.indexOf(slot.requesters[i], i + 1) >= 0)
                    return fail("block requested twice by one peer", part.piece);
            requesters += std::size_t(slot.requesters.size());
        }
        if (received != part.received || requested != part.requested)
            return fail("partial counters", part.piece, received);
        if (received == 0 && requested == 0)
            return fail("idle partial kept", part.piece);
    }
    if (requesters != outstanding)
        return fail("requests and peers disagree", qint64(requesters), qint64(outstanding));
    return {};
}

} // namespace swarmscope::swarm
