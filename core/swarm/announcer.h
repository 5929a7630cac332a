// Announces one torrent to its trackers (tiers per BEP 12) and scrapes them (BEP 48, BEP 15):
// TrackerTiers decides whom to announce to and when, ScrapeSchedule when to scrape whom;
// HttpTrackerClient (BEP 3) or UdpTrackerClient (BEP 15), by the URL's scheme, carries it out.
// Driven by the torrent's tick, which also enforces a deadline on UDP jobs (see UdpDeadline).
#pragma once

#include "session/snapshot.h"
#include "tracker/httptrackerclient.h"
#include "tracker/scrapeschedule.h"
#include "tracker/udptrackerclient.h"
#include "tracker/trackertiers.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace swarmscope::swarm {

struct AnnounceStats {
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    qint64 left = 0;
};

class Announcer {
public:
    using StatsFn = std::function<AnnounceStats()>;
    using PeersFn = std::function<void(const QList<tracker::TrackerPeer> &)>;

    // BEP 15's own schedule retransmits for about two hours before a silent UDP tracker fails,
    // and BEP 12 allows one announce in flight: a dead UDP tracker first in its tier would stall
    // every announce that long. After this (two sends), the job counts as failed and the tier
    // moves on, as it does after the HTTP client's 30 s time-out.
    static constexpr Duration UdpDeadline = std::chrono::seconds(30);

    Announcer(const QList<QStringList> &tiers, const metainfo::InfoHash &infoHash, const QByteArray &peerId,
              const QByteArray &key, tracker::HttpTrackerClient *client, tracker::UdpTrackerClient *udpClient,
              std::mt19937 &rng);
    ~Announcer();

    void setPort(quint16 port) { m_port = port; }
    void setStats(StatsFn fn) { m_stats = std::move(fn); }
    void setPeersFound(PeersFn fn) { m_peersFound = std::move(fn); }

    bool isRunning() const { return m_tiers.isRunning(); }
    int pendingCount() const { return int(m_pending.size()); } // requests still out (a `stopped`)
    void start(TimePoint now); // also scrapes every tracker that supports it
    void stop(TimePoint now);  // sends `stopped` to the trackers that know us; drops scrapes out
    void completed(TimePoint now);
    void announceNow(TimePoint now);
    void tick(TimePoint now);
    int trackerCount() const { return m_tiers.trackerCount(); }
    const tracker::ScrapeSchedule &scrapes() const { return m_scrapes; }

    QList<session::TrackerSnapshot> snapshot(TimePoint now) const;
    // Swarm size as the working trackers report it (-1 when unknown).
    std::pair<qint64, qint64> swarmSize() const;

private:
    // A request the clients are working on, by our own key.
    struct Pending {
        bool udp = false;
        quint64 id = 0; // the client's request id
        TimePoint sent;
        std::optional<tracker::AnnounceJob> announce; // one of these two
        std::optional<tracker::ScrapeJob> scrape;
    };

    void send(const tracker::AnnounceJob &job, TimePoint now);
    void sendScrape(const tracker::ScrapeJob &job, TimePoint now);
    void onAnnounced(const tracker::AnnounceJob &job, const tracker::AnnounceResult &result, TimePoint now);
    void onScraped(const tracker::ScrapeJob &job, const tracker::ScrapeResult &result, TimePoint now);
    void expireUdp(TimePoint now);
    void cancel(const Pending &p);

    tracker::TrackerTiers m_tiers;
    tracker::ScrapeSchedule m_scrapes;
    metainfo::InfoHash m_infoHash;
    QByteArray m_peerId;
    QByteArray m_key;
    quint16 m_port = 0;
    tracker::HttpTrackerClient *m_client;
    tracker::UdpTrackerClient *m_udpClient;
    StatsFn m_stats;
    PeersFn m_peersFound;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextKey = 1;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace swarmscope::swarm
