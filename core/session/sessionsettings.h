// What the engine can be told. Every field has the default a user of the protocol expects.
#pragma once

#include "swarm/choker.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace swarmscope::session {

struct SessionSettings {
    QString stateDir;          // empty: the XDG data folder; see StateStore::defaultStateDir()
    bool persistState = true;  // false: nothing is written (benchmarks, tests of the wire)
    QHostAddress listenAddress = QHostAddress::AnyIPv4;
    quint16 listenPort = 6881; // 0: any free port
    QString defaultSavePath;

    qint64 maxDownloadRate = 0; // bytes/s for the whole session, 0 = unlimited
    qint64 maxUploadRate = 0;
    int maxConnections = 200;
    int maxConnectionsPerTorrent = 80;
    int maxHalfOpen = 32; // connection attempts in flight

    swarm::ChokerSettings choker; // 4 regular slots every 10 s, 1 optimistic every 30 s

    int snapshotIntervalMs = 250;
    int tickIntervalMs = 100;
    std::chrono::seconds requestTimeout{30};
    std::chrono::seconds snubTimeout{60};
    int maxRequestQueue = 500; // outstanding blocks per peer, at the highest rates
    int minRequestQueue = 4;
    int badPiecesBeforeBan = 3;
    bool announceToTrackers = true;

    // Torrent queueing, with qBittorrent's defaults (see queuescheduler.h for the rules). On:
    // only the first torrents of the queue run, the others wait as Queued. -1: unlimited.
    bool queueingEnabled = false;
    int maxActiveDownloads = 3; // magnets fetching their metadata count as downloads
    int maxActiveSeeds = 3;
    int maxActiveTorrents = 5;  // downloads and seeds together
    // Running torrents below both rates (bytes/s) for slowTorrentTime take no slot.
    bool ignoreSlowTorrents = false;
    qint64 slowDownloadRate = 2 * 1024;
    qint64 slowUploadRate = 2 * 1024;
    std::chrono::seconds slowTorrentTime{60};

    // DHT (BEP 5). Tests and scripts run with it off or bootstrapped on loopback only.
    bool dhtEnabled = true;
    quint16 dhtPort = 0;        // UDP; 0: the same number as the TCP listen port
    QStringList dhtBootstrap;   // "host:port"; empty: the well-known routers, by host name

    // A tracker inside the app (HTTP, on the listen address), for swarms of your own.
    bool embeddedTracker = false;
    quint16 embeddedTrackerPort = 6969; // 0: any free port
};

} // namespace swarmscope::session
