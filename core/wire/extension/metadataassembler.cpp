#include "wire/extension/metadataassembler.h"

#include "crypto/sha1.h"

namespace swarmscope::wire::ext {

using Status = MetadataAssembler::DataResult::Status;

MetadataAssembler::MetadataAssembler(const metainfo::InfoHash &infoHash)
    : MetadataAssembler(infoHash, Options{})
{
}

MetadataAssembler::MetadataAssembler(const metainfo::InfoHash &infoHash, const Options &options)
    : m_infoHash(infoHash), m_options(options)
{
}

bool MetadataAssembler::addPeer(PeerKey key, qint64 advertisedSize)
{
    auto it = m_peers.find(key);
    if (metadataPieceCount(advertisedSize) == 0) {
        if (it != m_peers.end() && !it->second.dropped) {
            release(it->second);
            m_peers.erase(it);
        }
        return false;
    }
    if (it == m_peers.end()) {
        m_peers[key].size = advertisedSize;
        return true;
    }
    PeerState &peer = it->second;
    if (peer.dropped)
        return false;
    if (peer.size != advertisedSize) {
        release(peer);
        peer.late.clear();
        peer.size = advertisedSize;
    }
    return true;
}

void MetadataAssembler::removePeer(PeerKey key)
{
    auto it = m_peers.find(key);
    if (it == m_peers.end())
        return;
    release(it->second);
    m_peers.erase(it);
}

bool MetadataAssembler::isDropped(PeerKey key) const
{
    auto it = m_peers.find(key);
    return it != m_peers.end() && it->second.dropped;
}

int MetadataAssembler::outstandingRequests() const
{
    int n = 0;
    for (const auto &entry : m_peers)
        n += int(entry.second.outstanding.size());
    return n;
}

void MetadataAssembler::release(PeerState &peer)
{
    for (const auto &entry : peer.outstanding) {
        if (peer.size == m_size && entry.first < int(m_pieces.size()))
            m_pieces[std::size_t(entry.first)].requested = false;
    }
    peer.outstanding.clear();
}

void MetadataAssembler::drop(PeerState &peer)
{
    release(peer);
    peer.late.clear();
    peer.dropped = true;
}

void MetadataAssembler::startAttempt(qint64 size)
{
    m_size = size;
    m_pieces.assign(std::size_t(metadataPieceCount(size)), Piece{});
    m_received = 0;
}

void MetadataAssembler::resetAttempt()
{
    for (auto &entry : m_peers) {
        entry.second.outstanding.clear();
        entry.second.late.clear();
    }
    m_pieces.clear();
    m_size = 0;
    m_received = 0;
    m_source.reset();
}

void MetadataAssembler::chooseSize()
{
    std::map<qint64, int> backers;
    for (const auto &entry : m_peers) {
        if (!entry.second.dropped)
            ++backers[entry.second.size];
    }
    qint64 best = 0;
    int bestCount = 0;
    for (const auto &[size, count] : backers) {
        if (count > bestCount) {
            best = size;
            bestCount = count;
        }
    }
    if (m_size != 0) {
        const int current = backers.count(m_size) ? backers[m_size] : 0;
        // Keep an attempt that has data and someone to finish it; before any data arrived,
        // switch only to a size strictly more peers agree on (no flapping on ties).
        if (current > 0 && (m_received > 0 || current >= bestCount))
            return;
        resetAttempt();
    }
    if (bestCount > 0)
        startAttempt(best);
}

bool MetadataAssembler::mayServeAttempt(PeerKey key, const PeerState &peer, TimePoint now)
{
    if (peer.size != m_size)
        return false;
    if (!m_singleSource)
        return true;
    if (m_source) {
        if (*m_source == key)
            return true;
        auto it = m_peers.find(*m_source);
        if (it != m_peers.end() && !it->second.dropped && now >= it->second.retryAt)
            return false; // the source is still usable
    }
    // Take over as the source if no usable backer of this size has fewer strikes.
    for (const auto &[other, state] : m_peers) {
        if (other != key && !state.dropped && state.size == m_size && now >= state.retryAt
            && state.strikes < peer.strikes)
            return false;
    }
    if (m_source) {
        // Start the pieces over, so that whatever happens next has a single author.
        const qint64 size = m_size;
        resetAttempt();
        startAttempt(size);
    }
    m_source = key;
    return true;
}

QList<int> MetadataAssembler::takeRequests(PeerKey key, TimePoint now)
{
    QList<int> out;
    if (m_complete)
        return out;
    auto it = m_peers.find(key);
    if (it == m_peers.end() || it->second.dropped || now < it->second.retryAt)
        return out;
    chooseSize();
    PeerState &peer = it->second;
    if (m_size == 0 || !mayServeAttempt(key, peer, now))
        return out;
    int freeSlots = m_options.maxRequestsPerPeer - int(peer.outstanding.size());
    for (int i = 0; i < int(m_pieces.size()) && freeSlots > 0; ++i) {
        Piece &p = m_pieces[std::size_t(i)];
        if (p.received || p.requested)
            continue;
        p.requested = true;
        peer.outstanding[i] = now;
        peer.late.erase(i);
        out.append(i);
        --freeSlots;
    }
    return out;
}

MetadataAssembler::DataResult MetadataAssembler::onData(PeerKey key, const MetadataMessage &message, TimePoint)
{
    DataResult r;
    auto ignored = [&r](const QString &why) {
        r.status = Status::Ignored;
        r.reason = why;
        return r;
    };
    if (message.type != MetadataMessage::Type::Data)
        return ignored(QStringLiteral("not a data message"));
    if (m_complete)
        return ignored(QStringLiteral("metadata already complete"));
    auto it = m_peers.find(key);
    if (it == m_peers.end())
        return ignored(QStringLiteral("peer did not offer metadata"));
    PeerState &peer = it->second;
    if (peer.dropped)
        return ignored(QStringLiteral("peer was dropped"));
    if (message.totalSize != peer.size) {
        drop(peer);
        r.status = Status::PeerDropped;
        r.reason = QStringLiteral("advertised %1 bytes of metadata but sent a piece of %2")
                       .arg(peer.size)
                       .arg(message.totalSize);
        return r;
    }
    if (message.data.size() != metadataPieceLength(message.totalSize, message.piece)) {
        drop(peer);
        r.status = Status::PeerDropped;
        r.reason = QStringLiteral("piece %1 has %2 bytes, expected %3")
                       .arg(message.piece)
                       .arg(message.data.size())
                       .arg(metadataPieceLength(message.totalSize, message.piece));
        return r;
    }
    if (m_size == 0 || message.totalSize != m_size)
        return ignored(QStringLiteral("piece of an abandoned attempt"));
    const bool wasOutstanding = peer.outstanding.erase(message.piece) > 0;
    const bool wasLate = peer.late.erase(message.piece) > 0;
    if (!wasOutstanding && !wasLate)
        return ignored(QStringLiteral("piece %1 was not requested from this peer").arg(message.piece));
    Piece &p = m_pieces[std::size_t(message.piece)];
    if (p.received)
        return ignored(QStringLiteral("piece %1 already received").arg(message.piece));
    p.data = message.data;
    p.from = key;
    p.received = true;
    p.requested = false;
    ++m_received;
    peer.timeouts = 0;
    if (m_received < int(m_pieces.size())) {
        r.status = Status::Accepted;
        return r;
    }
    return finish();
}

MetadataAssembler::DataResult MetadataAssembler::finish()
{
    DataResult r;
    QByteArray info;
    info.reserve(m_size);
    for (const Piece &p : m_pieces)
        info.append(p.data);
    if (metainfo::InfoHash::fromBytes(crypto::Sha1::hash(info)) == m_infoHash) {
        m_complete = true;
        resetAttempt();
        r.status = Status::Complete;
        r.info = std::move(info);
        return r;
    }
    for (const Piece &p : m_pieces) {
        if (!r.blamed.contains(p.from))
            r.blamed.append(p.from);
    }
    for (PeerKey key : std::as_const(r.blamed)) {
        auto it = m_peers.find(key);
        if (it == m_peers.end()) // left after sending its pieces
            continue;
        ++it->second.strikes;
        if (r.blamed.size() == 1) {
            drop(it->second);
            r.dropped.append(key);
        }
    }
    if (r.blamed.size() > 1)
        m_singleSource = true;
    r.status = Status::HashMismatch;
    r.reason = QStringLiteral("%1 bytes of metadata do not match the info-hash").arg(m_size);
    resetAttempt();
    return r;
}

void MetadataAssembler::onReject(PeerKey key, int piece, TimePoint now)
{
    auto it = m_peers.find(key);
    if (it == m_peers.end())
        return;
    PeerState &peer = it->second;
    if (peer.outstanding.erase(piece) == 0)
        return; // a reject for something we did not ask: nothing to undo
    if (peer.size == m_size && piece >= 0 && piece < int(m_pieces.size()))
        m_pieces[std::size_t(piece)].requested = false;
    peer.retryAt = now + m_options.rejectBackoff;
}

QList<MetadataAssembler::PeerKey> MetadataAssembler::expire(TimePoint now)
{
    QList<PeerKey> timedOut;
    for (auto &[key, peer] : m_peers) {
        bool any = false;
        for (auto it = peer.outstanding.begin(); it != peer.outstanding.end();) {
            if (now - it->second < m_options.requestTimeout) {
                ++it;
                continue;
            }
            if (peer.size == m_size && it->first < int(m_pieces.size()))
                m_pieces[std::size_t(it->first)].requested = false;
            peer.late.insert(it->first);
            it = peer.outstanding.erase(it);
            any = true;
        }
        if (!any)
            continue;
        timedOut.append(key);
        if (++peer.timeouts >= m_options.maxTimeouts)
            drop(peer);
    }
    return timedOut;
}

} // namespace swarmscope::wire::ext
