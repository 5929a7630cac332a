#include "tracker/trackerservice.h"

#include "bencode/writer.h"
#include "tracker/announcerequest.h"
#include "tracker/scrape.h"
#include "tracker/trackerpeer.h"

namespace swarmscope::tracker {

namespace {

QByteArray failure(const QString &reason)
{
    bencode::Dict d;
    d["failure reason"] = reason.toUtf8();
    return bencode::encode(d);
}

qint64 secondsOf(Duration d)
{
    return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

} // namespace

QHostAddress normalizedAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

TrackerService::TrackerService(const TrackerServiceSettings &settings, std::uint32_t seed)
    : m_settings(settings), m_rng(seed)
{
}

const TrackerSwarm *TrackerService::swarm(const metainfo::InfoHash &hash) const
{
    const auto it = m_swarms.constFind(hash);
    return it == m_swarms.cend() ? nullptr : &*it;
}

QByteArray TrackerService::announce(const QueryItems &query, const QHostAddress &source, TimePoint now)
{
    QString error;
    const auto request = parseAnnounceQuery(query, &error);
    if (!request)
        return failure(error);
    if (m_allowed && !m_allowed->contains(request->infoHash))
        return failure(QStringLiteral("unregistered torrent"));

    QHostAddress address = normalizedAddress(source);
    if (m_settings.allowIpParameter && !request->ip.isEmpty()) {
        QHostAddress announced;
        if (request->ip.size() <= 64 && announced.setAddress(QString::fromLatin1(request->ip))
            && !announced.isMulticast() && announced != QHostAddress(QHostAddress::AnyIPv4)
            && announced != QHostAddress(QHostAddress::AnyIPv6))
            address = normalizedAddress(announced);
    }

    auto it = m_swarms.find(request->infoHash);
    if (it == m_swarms.end()) {
        if (request->event == AnnounceEvent::Stopped)
            return failure(QStringLiteral("unknown torrent")); // nothing to remove, nothing to create
        if (torrentCount() >= m_settings.maxTorrents)
            return failure(QStringLiteral("tracker is full"));
        it = m_swarms.insert(request->infoHash, TrackerSwarm());
    }
    TrackerSwarm &swarm = *it;
    swarm.expire(now - peerLifetime());

    const bool seed = request->left == 0;
    QList<SwarmPeer> peers;
    if (request->event == AnnounceEvent::Stopped) {
        swarm.remove(address, request->port);
    } else {
        swarm.update(address, request->port, request->peerId, request->left, request->event, now,
                     m_settings.maxPeersPerTorrent);
        TrackerSwarm::Selection sel;
        sel.requester = address;
        sel.requesterPort = request->port;
        sel.requesterId = request->peerId;
        sel.requesterIsSeed = seed;
        // IPv4 hosts get IPv4 peers; IPv6 hosts are usually dual-stack and get both (BEP 7).
        sel.includeIPv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
        sel.count = request->numWant < 0 ? m_settings.defaultNumWant
                                         : std::min(request->numWant, m_settings.maxNumWant);
        peers = swarm.select(sel, m_rng);
    }

    bencode::Dict d;
    d["interval"] = secondsOf(m_settings.interval);
    d["min interval"] = secondsOf(std::min(m_settings.minInterval, m_settings.interval));
    d["complete"] = swarm.seeds();
    d["incomplete"] = swarm.leechers();
    d["downloaded"] = swarm.downloaded();
    if (request->compact) {
        QByteArray v4;
        QByteArray v6;
        for (const SwarmPeer &p : std::as_const(peers))
            (p.address.protocol() == QAbstractSocket::IPv4Protocol ? v4 : v6) += compactEndpoint(p.address, p.port);
        d["peers"] = v4;
        if (!v6.isEmpty() || address.protocol() == QAbstractSocket::IPv6Protocol)
            d["peers6"] = v6;
    } else {
        bencode::List list;
        for (const SwarmPeer &p : std::as_const(peers)) {
            bencode::Dict entry;
            entry["ip"] = p.address.toString().toLatin1();
            entry["port"] = p.port;
            if (!request->noPeerId)
                entry["peer id"] = p.peerId;
            list.emplace_back(std::move(entry));
        }
        d["peers"] = std::move(list);
    }
    if (swarm.isEmpty())
        m_swarms.erase(it);
    return bencode::encode(d);
}

QByteArray TrackerService::scrape(const QueryItems &query, TimePoint now)
{
    QString error;
    const auto hashes = parseScrapeQuery(query, &error);
    if (!hashes)
        return failure(error);
    auto stats = [](const TrackerSwarm *s) {
        bencode::Dict entry;
        entry["complete"] = s ? s->seeds() : 0;
        entry["downloaded"] = s ? s->downloaded() : 0;
        entry["incomplete"] = s ? s->leechers() : 0;
        return entry;
    };
    bencode::Dict files;
    if (hashes->isEmpty()) {
        expire(now);
        for (auto it = m_swarms.cbegin(); it != m_swarms.cend() && int(files.size()) < m_settings.maxScrapeFiles; ++it)
            files[it.key().bytes()] = stats(&*it);
    } else {
        for (const auto &h : *hashes) {
            if (m_allowed && !m_allowed->contains(h))
                continue;
            auto it = m_swarms.find(h);
            if (it != m_swarms.end())
                it->expire(now - peerLifetime());
            // Unknown torrents are listed with zeros: clients treat a missing entry as an error.
            files[h.bytes()] = stats(it == m_swarms.end() ? nullptr : &*it);
        }
    }
    bencode::Dict d;
    d["files"] = std::move(files);
    return bencode::encode(d);
}

void TrackerService::expire(TimePoint now)
{
    for (auto it = m_swarms.begin(); it != m_swarms.end();) {
        it->expire(now - peerLifetime());
        it = it->isEmpty() ? m_swarms.erase(it) : std::next(it);
    }
}

} // namespace swarmscope::tracker
