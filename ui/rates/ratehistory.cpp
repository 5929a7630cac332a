#include "rates/ratehistory.h"

#include "peers/peertext.h"

#include <QDateTime>

#include <algorithm>

namespace swarmscope::ui {

namespace {

// Whether `hash` may take one more entry at `second`: below `cap`, or after dropping the least
// recently active entry (the newest among equals) that moved nothing this second. Series that
// are moving now are never dropped for a newcomer, so a crowd cannot churn them out; once that
// fails, `fullAt` spares the search for the rest of the second.
template <typename Key, typename Value> bool makeRoom(QHash<Key, Value> &hash, int cap, qint64 second, qint64 &fullAt)
{
    if (hash.size() < cap)
        return true;
    if (fullAt == second)
        return false;
    auto victim = hash.end();
    qint64 victimActive = 0;
    for (auto it = hash.begin(); it != hash.end(); ++it) {
        const qint64 active = it->lastActive();
        if (active >= second)
            continue;
        if (victim == hash.end() || active < victimActive
            || (active == victimActive && it->createdAt() > victim->createdAt())) {
            victim = it;
            victimActive = active;
        }
    }
    if (victim == hash.end()) {
        fullAt = second;
        return false;
    }
    hash.erase(victim);
    return true;
}

} // namespace

RateSeries::RateSeries(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

void RateSeries::add(qint64 second, double value)
{
    if (second < 0 || second < m_last)
        return;
    if (m_ring.empty())
        m_ring.assign(static_cast<size_t>(m_capacity), 0.0f);
    const float v = static_cast<float>(std::max(0.0, value));
    if (second == m_last) {
        // Running mean of the snapshots within this second.
        float &cell = m_ring[slot(second)];
        ++m_hits;
        cell += (v - cell) / static_cast<float>(m_hits);
    } else {
        // Seconds nobody wrote in between read as zero (at most one whole ring to clear).
        const qint64 from = m_last < 0 ? second : std::max(m_last + 1, second - m_capacity + 1);
        for (qint64 s = from; s < second; ++s)
            m_ring[slot(s)] = 0.0f;
        m_ring[slot(second)] = v;
        m_hits = 1;
        m_last = second;
    }
    if (m_ring[slot(second)] > 0.0f)
        m_lastActive = second;
}

double RateSeries::at(qint64 second) const
{
    if (m_ring.empty() || second < 0 || second > m_last || second <= m_last - m_capacity)
        return 0.0;
    return m_ring[slot(second)];
}

RateHistory::RateHistory(int capacitySeconds, int maxTorrents, int maxPeersPerTorrent)
    : m_capacity(std::max(1, capacitySeconds))
    , m_maxTorrents(std::max(1, maxTorrents))
    , m_maxPeers(std::max(1, maxPeersPerTorrent))
    , m_session(makePair())
{
}

qint64 RateHistory::TorrentRates::lastActive() const
{
    qint64 last = rates.lastActive();
    for (const Pair &p : peers)
        last = std::max(last, p.lastActive());
    return last;
}

void RateHistory::record(const session::SessionSnapshot &snapshot)
{
    const QDateTime when = snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc();
    record(snapshot, when.toMSecsSinceEpoch() / 1000);
}

void RateHistory::record(const session::SessionSnapshot &snapshot, qint64 second)
{
    second = std::max(second, m_last);
    const bool newSecond = second > m_last;
    if (m_first < 0)
        m_first = second;
    m_session.add(second, snapshot.downloadRate, snapshot.uploadRate);

    for (const session::TorrentSnapshot &t : snapshot.torrents) {
        auto it = m_torrents.find(t.infoHash);
        const bool moving = t.downloadRate > 0 || t.uploadRate > 0;
        if (it == m_torrents.end()) {
            // An idle torrent costs nothing: most of 2,000 torrents never move a byte.
            if (!moving || !makeRoom(m_torrents, m_maxTorrents, second, m_torrentsFullAt))
                continue;
            it = m_torrents.insert(t.infoHash, TorrentRates{makePair(second), {}});
        }
        it->rates.add(second, t.downloadRate, t.uploadRate);
        if (!t.detail)
            continue;
        for (const session::PeerSnapshot &p : t.detail->peers) {
            const QString key = peertext::peerKey(p);
            auto peer = it->peers.find(key);
            if (peer == it->peers.end()) {
                if ((p.downloadRate <= 0 && p.uploadRate <= 0)
                    || !makeRoom(it->peers, m_maxPeers, second, it->peersFullAt))
                    continue;
                peer = it->peers.insert(key, makePair(second));
            }
            peer->add(second, p.downloadRate, p.uploadRate);
        }
    }
    m_last = second;
    if (newSecond)
        prune();
}

void RateHistory::prune()
{
    // Nothing moved within the ring: the series would only draw zeros.
    const qint64 horizon = m_last - m_capacity;
    for (auto it = m_torrents.begin(); it != m_torrents.end();) {
        for (auto p = it->peers.begin(); p != it->peers.end();)
            p = p->lastActive() <= horizon ? it->peers.erase(p) : std::next(p);
        it = it->lastActive() <= horizon ? m_torrents.erase(it) : std::next(it);
    }
}

void RateHistory::clear()
{
    m_last = -1;
    m_first = -1;
    m_session = makePair();
    m_torrents.clear();
    m_torrentsFullAt = -1;
}

int RateHistory::recordedSeconds() const
{
    if (m_last < 0)
        return 0;
    return static_cast<int>(std::min<qint64>(m_capacity, m_last - m_first + 1));
}

QList<double> RateHistory::samples(const RateSeries *series, int span) const
{
    span = std::clamp(span, 0, m_capacity);
    QList<double> out(span, 0.0);
    if (!series || m_last < 0)
        return out;
    const qint64 first = m_last - span + 1;
    for (int i = 0; i < span; ++i)
        out[i] = series->at(first + i);
    return out;
}

QList<double> RateHistory::sessionRates(Direction direction, int span) const
{
    return samples(&m_session.of(direction), span);
}

QList<double> RateHistory::torrentRates(const metainfo::InfoHash &hash, Direction direction, int span) const
{
    const auto it = m_torrents.constFind(hash);
    return samples(it == m_torrents.cend() ? nullptr : &it->rates.of(direction), span);
}

QList<double> RateHistory::peerRates(const metainfo::InfoHash &hash, const QString &peerKey, Direction direction,
                                     int span) const
{
    const auto it = m_torrents.constFind(hash);
    if (it == m_torrents.cend())
        return samples(nullptr, span);
    const auto peer = it->peers.constFind(peerKey);
    return samples(peer == it->peers.cend() ? nullptr : &peer->of(direction), span);
}

QList<QString> RateHistory::topPeers(const metainfo::InfoHash &hash, Direction direction, int span, int count) const
{
    const auto it = m_torrents.constFind(hash);
    if (it == m_torrents.cend() || count <= 0 || m_last < 0)
        return {};
    span = std::clamp(span, 1, m_capacity);
    const qint64 first = m_last - span + 1;
    QList<std::pair<double, QString>> totals;
    for (auto p = it->peers.cbegin(); p != it->peers.cend(); ++p) {
        const RateSeries &series = p->of(direction);
        if (series.lastActive() < first)
            continue;
        double sum = 0;
        for (qint64 s = first; s <= m_last; ++s)
            sum += series.at(s);
        if (sum > 0)
            totals.append({sum, p.key()});
    }
    // Ties by key, so the order (and the colours that follow it) does not flicker.
    std::sort(totals.begin(), totals.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QList<QString> keys;
    for (qsizetype i = 0; i < std::min<qsizetype>(count, totals.size()); ++i)
        keys.append(totals[i].second);
    return keys;
}

int RateHistory::peerCount(const metainfo::InfoHash &hash) const
{
    const auto it = m_torrents.constFind(hash);
    return it == m_torrents.cend() ? 0 : static_cast<int>(it->peers.size());
}

qint64 RateHistory::memoryBytes() const
{
    qint64 bytes = m_session.down.memoryBytes() + m_session.up.memoryBytes();
    for (const TorrentRates &t : m_torrents) {
        bytes += t.rates.down.memoryBytes() + t.rates.up.memoryBytes();
        for (const Pair &p : t.peers)
            bytes += p.down.memoryBytes() + p.up.memoryBytes();
    }
    return bytes;
}

} // namespace swarmscope::ui
