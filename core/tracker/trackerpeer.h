// A peer address as trackers hand it out.
#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace swarmscope::tracker {

struct TrackerPeer {
    QHostAddress address;
    quint16 port = 0;
    QByteArray peerId; // 20 bytes from the dictionary form; empty from compact forms

    friend bool operator==(const TrackerPeer &a, const TrackerPeer &b)
    {
        return a.address == b.address && a.port == b.port && a.peerId == b.peerId;
    }
};

// 6 bytes (IPv4) or 18 bytes (IPv6): address then port, network byte order (BEP 23, BEP 7).
QByteArray compactEndpoint(const QHostAddress &address, quint16 port);

} // namespace swarmscope::tracker
