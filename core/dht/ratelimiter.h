// Courtesy limit on incoming queries: a token bucket per source, so one host cannot make us do
// unbounded work or reflect traffic at someone else. IPv6 sources are grouped by /64 (one
// subscriber usually holds a whole /64). The table of sources is capped; when it is full the
// least recently seen source is forgotten (it would have had a full bucket again soon anyway).
#pragma once

#include "util/clock.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>

#include <list>

namespace swarmscope::dht {

class RateLimiter {
public:
    struct Settings {
        double perSecond = 5.0; // sustained queries per second from one source
        double burst = 20.0;    // queries a quiet source may send at once
        int maxSources = 1024;
    };

    RateLimiter() = default;
    explicit RateLimiter(const Settings &settings) : m_settings(settings) {}

    // True when a query from `address` may be served now (and charges it).
    bool allow(const QHostAddress &address, TimePoint now);
    int trackedSources() const { return int(m_lru.size()); }

private:
    struct Source {
        QByteArray key;
        double tokens = 0.0;
        TimePoint last;
    };
    static QByteArray keyOf(const QHostAddress &address);

    Settings m_settings;
    std::list<Source> m_lru; // most recently seen first
    QHash<QByteArray, std::list<Source>::iterator> m_index;
};

} // namespace swarmscope::dht
