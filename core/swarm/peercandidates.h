// Addresses we could connect to for one torrent, from trackers, the command line, DHT or PEX,
// with back-off for those that failed. Pure: the time is passed in.
#pragma once

#include "session/snapshot.h"
#include "util/clock.h"

#include <QHash>
#include <QHostAddress>

#include <optional>

namespace swarmscope::swarm {

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;
    friend bool operator==(const Endpoint &a, const Endpoint &b) { return a.address == b.address && a.port == b.port; }
    friend size_t qHash(const Endpoint &e, size_t seed = 0) { return qHashMulti(seed, e.address, e.port); }
};

class PeerCandidates {
public:
    static constexpr int MaxCandidates = 2000;
    static constexpr int MaxFailures = 3;

    // Returns true when it was new.
    bool add(const Endpoint &endpoint, session::PeerSource source);
    // Takes the next endpoint worth trying now, skipping those for which `skip` is true.
    template <typename Skip>
    std::optional<std::pair<Endpoint, session::PeerSource>> takeNext(TimePoint now, Skip skip)
    {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->connecting || it->banned || now < it->retryAt || skip(it.key()))
                continue;
            it->connecting = true;
            return std::make_pair(it.key(), it->source);
        }
        return std::nullopt;
    }
    // The attempt ended: connected (a later disconnect may retry), or failed (back off).
    void connected(const Endpoint &endpoint);
    void failed(const Endpoint &endpoint, TimePoint now);
    void disconnected(const Endpoint &endpoint, TimePoint now);
    void ban(const Endpoint &endpoint);
    bool isBanned(const QHostAddress &address) const;
    int size() const { return int(m_entries.size()); }
    // Every endpoint not banned, with where it came from (to carry them over to another owner).
    QList<std::pair<Endpoint, session::PeerSource>> usable() const;

private:
    struct Entry {
        session::PeerSource source = session::PeerSource::Tracker;
        int failures = 0;
        TimePoint retryAt{};
        bool connecting = false;
        bool banned = false;
    };
    QHash<Endpoint, Entry> m_entries;
    QSet<QHostAddress> m_bannedAddresses;
};

} // namespace swarmscope::swarm
