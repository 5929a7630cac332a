// Announces one torrent to its trackers (tiers per BEP 12): TrackerTiers decides whom and when;
// HttpTrackerClient (BEP 3) or UdpTrackerClient (BEP 15), by the URL's scheme, carries it out.
// Driven by the torrent's tick.
#pragma once

#include "session/snapshot.h"
#include "tracker/httptrackerclient.h"
#include "tracker/udptrackerclient.h"
#include "tracker/trackertiers.h"

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

    Announcer(const QList<QStringList> &tiers, const metainfo::InfoHash &infoHash, const QByteArray &peerId,
              const QByteArray &key, tracker::HttpTrackerClient *client, tracker::UdpTrackerClient *udpClient,
              std::mt19937 &rng);
    ~Announcer();

    void setPort(quint16 port) { m_port = port; }
    void setStats(StatsFn fn) { m_stats = std::move(fn); }
    void setPeersFound(PeersFn fn) { m_peersFound = std::move(fn); }

    bool isRunning() const { return m_tiers.isRunning(); }
    void start(TimePoint now);
    void stop(TimePoint now); // sends `stopped` to the trackers that know us
    void completed(TimePoint now);
    void announceNow(TimePoint now);
    void tick(TimePoint now);
    int trackerCount() const { return m_tiers.trackerCount(); }

    QList<session::TrackerSnapshot> snapshot(TimePoint now) const;
    // Swarm size as the working trackers report it (-1 when unknown).
    std::pair<qint64, qint64> swarmSize() const;

private:
    void send(const tracker::AnnounceJob &job, TimePoint now);

    tracker::TrackerTiers m_tiers;
    metainfo::InfoHash m_infoHash;
    QByteArray m_peerId;
    QByteArray m_key;
    quint16 m_port = 0;
    tracker::HttpTrackerClient *m_client;
    tracker::UdpTrackerClient *m_udpClient;
    StatsFn m_stats;
    PeersFn m_peersFound;
    QList<std::pair<bool, quint64>> m_pending; // (over UDP, request id)
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace swarmscope::swarm
