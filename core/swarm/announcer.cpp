#include "swarm/announcer.h"

#include <QDateTime>
#include <QTimer>

namespace swarmscope::swarm {

Announcer::Announcer(const QList<QStringList> &tiers, const metainfo::InfoHash &infoHash, const QByteArray &peerId,
                     const QByteArray &key, tracker::HttpTrackerClient *client,
                     tracker::UdpTrackerClient *udpClient, std::mt19937 &rng)
    : m_tiers(tiers, rng), m_infoHash(infoHash), m_peerId(peerId), m_key(key), m_client(client),
      m_udpClient(udpClient)
{
}

Announcer::~Announcer()
{
    *m_alive = false;
    for (const auto &[udp, id] : m_pending) {
        if (udp && m_udpClient)
            m_udpClient->cancel(id);
        else if (!udp && m_client)
            m_client->cancel(id);
    }
}

void Announcer::start(TimePoint now)
{
    if (m_tiers.trackerCount() > 0 && !m_tiers.isRunning())
        m_tiers.start(now);
}

void Announcer::stop(TimePoint now)
{
    if (!m_tiers.isRunning())
        return;
    for (const tracker::AnnounceJob &job : m_tiers.stop(now))
        send(job, now);
}

void Announcer::completed(TimePoint now)
{
    if (m_tiers.isRunning())
        m_tiers.setCompleted(now);
}

void Announcer::announceNow(TimePoint now)
{
    if (m_tiers.isRunning())
        m_tiers.announceNow(now);
}

void Announcer::tick(TimePoint now)
{
    if (!m_tiers.isRunning() || !m_client)
        return; // no client: announcing is off (benchmarks, --no-trackers)
    while (auto job = m_tiers.nextJob(now))
        send(*job, now);
}

void Announcer::send(const tracker::AnnounceJob &job, TimePoint)
{
    tracker::AnnounceRequest request;
    request.infoHash = m_infoHash;
    request.peerId = m_peerId;
    request.port = m_port;
    const AnnounceStats stats = m_stats ? m_stats() : AnnounceStats{};
    request.uploaded = stats.uploaded;
    request.downloaded = stats.downloaded;
    request.left = stats.left;
    request.event = job.event;
    request.key = m_key;
    request.trackerId = job.trackerId;
    request.numWant = job.event == tracker::AnnounceEvent::Stopped ? 0 : 80;
    const std::shared_ptr<bool> alive = m_alive;
    const bool udp = job.url.startsWith(QLatin1String("udp://"), Qt::CaseInsensitive);
    auto pending = std::make_shared<std::pair<bool, quint64>>(udp, 0);
    auto done = [this, alive, job, pending](const tracker::AnnounceResult &result) {
        if (!*alive)
            return;
        m_pending.removeOne(*pending);
        const TimePoint now = Clock::now();
        if (result.response && !result.response->failed()) {
            m_tiers.onSuccess(job, *result.response, now);
            if (m_peersFound && !result.response->peers.isEmpty())
                m_peersFound(result.response->peers);
        } else if (result.response) {
            m_tiers.onSuccess(job, *result.response, now); // records the failure reason
        } else {
            m_tiers.onFailure(job, result.error, now);
        }
    };
    if (udp && !m_udpClient) {
        // Reported later, as a real failure would be: the tiers move on to the next tracker.
        QTimer::singleShot(0, [done] { done(tracker::AnnounceResult{std::nullopt, QStringLiteral("UDP trackers are off")}); });
        return;
    }
    pending->second = udp ? m_udpClient->announce(job.url, request, done) : m_client->announce(job.url, request, done);
    m_pending << *pending;
}

QList<session::TrackerSnapshot> Announcer::snapshot(TimePoint now) const
{
    QList<session::TrackerSnapshot> out;
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    auto toWall = [&](const std::optional<TimePoint> &t) {
        if (!t)
            return QDateTime();
        return wallNow.addMSecs(std::chrono::duration_cast<std::chrono::milliseconds>(*t - now).count());
    };
    for (int i = 0; i < m_tiers.trackerCount(); ++i) {
        const tracker::TrackerState &s = m_tiers.state(i);
        session::TrackerSnapshot t;
        t.url = s.url;
        t.tier = s.tier;
        t.status = s.updating  ? QStringLiteral("updating")
                   : s.working ? QStringLiteral("working")
                   : s.failures > 0 ? QStringLiteral("error")
                                    : QStringLiteral("not contacted");
        t.message = !s.lastError.isEmpty() ? s.lastError : s.lastWarning;
        t.seeds = s.seeds ? int(*s.seeds) : -1;
        t.peers = s.leechers ? int(*s.leechers) : -1;
        t.downloaded = s.downloaded ? int(*s.downloaded) : -1;
        t.lastAnnounce = toWall(s.lastAnnounce);
        t.nextAnnounce = toWall(s.nextAnnounce);
        out << t;
    }
    return out;
}

std::pair<qint64, qint64> Announcer::swarmSize() const
{
    qint64 seeds = -1, leechers = -1;
    for (int i = 0; i < m_tiers.trackerCount(); ++i) {
        const tracker::TrackerState &s = m_tiers.state(i);
        if (s.seeds)
            seeds = std::max(seeds, *s.seeds);
        if (s.leechers)
            leechers = std::max(leechers, *s.leechers);
    }
    return {seeds, leechers};
}

} // namespace swarmscope::swarm
