#include "swarm/announcer.h"

#include <QDateTime>
#include <QTimer>

namespace swarmscope::swarm {

namespace {

bool isUdp(const QString &url)
{
    return url.startsWith(QLatin1String("udp://"), Qt::CaseInsensitive);
}

// Per tracker (TrackerTiers' indices): where to scrape it, if we can. Without a UDP client,
// UDP trackers cannot be scraped either.
QList<std::optional<QString>> scrapeTargets(const tracker::TrackerTiers &tiers, bool haveUdp)
{
    QList<std::optional<QString>> out;
    for (int i = 0; i < tiers.trackerCount(); ++i) {
        const QString &url = tiers.state(i).url;
        out << (isUdp(url) && !haveUdp ? std::nullopt : tracker::scrapeTargetFor(url));
    }
    return out;
}

} // namespace

Announcer::Announcer(const QList<QStringList> &tiers, const metainfo::InfoHash &infoHash, const QByteArray &peerId,
                     const QByteArray &key, tracker::HttpTrackerClient *client,
                     tracker::UdpTrackerClient *udpClient, std::mt19937 &rng)
    : m_tiers(tiers, rng), m_scrapes(scrapeTargets(m_tiers, udpClient != nullptr)), m_infoHash(infoHash),
      m_peerId(peerId), m_key(key), m_client(client), m_udpClient(udpClient)
{
}

Announcer::~Announcer()
{
    *m_alive = false;
    for (const Pending &p : std::as_const(m_pending))
        cancel(p);
}

void Announcer::cancel(const Pending &p)
{
    if (p.udp && m_udpClient)
        m_udpClient->cancel(p.id);
    else if (!p.udp && m_client)
        m_client->cancel(p.id);
}

void Announcer::start(TimePoint now)
{
    if (m_tiers.trackerCount() > 0 && !m_tiers.isRunning()) {
        m_tiers.start(now);
        m_scrapes.start(now);
    }
}

void Announcer::stop(TimePoint now)
{
    if (!m_tiers.isRunning())
        return;
    // Scrapes only fill in counts: not worth delaying a shutdown or a pause for.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->scrape) {
            cancel(*it);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    m_scrapes.stop();
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
    expireUdp(now);
    while (auto job = m_tiers.nextJob(now))
        send(*job, now);
    // After the announces: a tracker just asked waits for that reply, which may bring the counts.
    const QList<tracker::ScrapeJob> scrapes =
        m_scrapes.takeDue(now, [this](int tracker) { return m_tiers.state(tracker).updating; });
    for (const tracker::ScrapeJob &job : scrapes)
        sendScrape(job, now);
}

void Announcer::expireUdp(TimePoint now)
{
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->udp && now - it->sent >= UdpDeadline) {
            cancel(*it);
            expired << *it;
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    const QString why = QStringLiteral("no reply from the tracker in %1 s")
                            .arg(std::chrono::duration_cast<std::chrono::seconds>(UdpDeadline).count());
    for (const Pending &p : std::as_const(expired)) {
        if (p.announce)
            m_tiers.onFailure(*p.announce, why, now);
        else if (p.scrape)
            m_scrapes.onFailure(*p.scrape, now);
    }
}

void Announcer::send(const tracker::AnnounceJob &job, TimePoint now)
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
    const bool udp = isUdp(job.url);
    const quint64 key = m_nextKey++;
    auto done = [this, alive, job, key](const tracker::AnnounceResult &result) {
        if (!*alive)
            return;
        m_pending.remove(key);
        onAnnounced(job, result, Clock::now());
    };
    if (udp && !m_udpClient) {
        // Reported later, as a real failure would be: the tiers move on to the next tracker.
        QTimer::singleShot(0, [done] { done(tracker::AnnounceResult{std::nullopt, QStringLiteral("UDP trackers are off")}); });
        return;
    }
    Pending p;
    p.udp = udp;
    p.sent = now;
    p.announce = job;
    p.id = udp ? m_udpClient->announce(job.url, request, done) : m_client->announce(job.url, request, done);
    m_pending.insert(key, p);
}

void Announcer::onAnnounced(const tracker::AnnounceJob &job, const tracker::AnnounceResult &result, TimePoint now)
{
    if (result.response && !result.response->failed()) {
        if (result.response->complete && result.response->incomplete)
            m_scrapes.onAnnounceCounts(job.tracker, now);
        m_tiers.onSuccess(job, *result.response, now);
        if (m_peersFound && !result.response->peers.isEmpty())
            m_peersFound(result.response->peers);
    } else if (result.response) {
        m_tiers.onSuccess(job, *result.response, now); // records the failure reason
    } else {
        m_tiers.onFailure(job, result.error, now);
    }
}

void Announcer::sendScrape(const tracker::ScrapeJob &job, TimePoint now)
{
    const std::shared_ptr<bool> alive = m_alive;
    const quint64 key = m_nextKey++;
    auto done = [this, alive, job, key](const tracker::ScrapeResult &result) {
        if (!*alive)
            return;
        m_pending.remove(key);
        onScraped(job, result, Clock::now());
    };
    Pending p;
    p.udp = job.udp;
    p.sent = now;
    p.scrape = job;
    // Both clients answer asynchronously, so `done` never runs before the insert below.
    p.id = job.udp ? m_udpClient->scrape(job.url, {m_infoHash}, done) : m_client->scrape(job.url, {m_infoHash}, done);
    m_pending.insert(key, p);
}

void Announcer::onScraped(const tracker::ScrapeJob &job, const tracker::ScrapeResult &result, TimePoint now)
{
    if (!result.response || !result.response->failureReason.isEmpty()) {
        m_scrapes.onFailure(job, now); // the tracker's announce state is not the scrape's business
        return;
    }
    // A tracker that does not know the torrent may leave it out: a reply all the same.
    const auto it = result.response->files.constFind(m_infoHash);
    if (it != result.response->files.cend())
        m_tiers.onScrape(job.tracker, *it);
    m_scrapes.onSuccess(job, result.response->minRequestInterval, now);
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
