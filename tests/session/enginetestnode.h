// One in-process engine for the swarm tests: a session::Engine with its own state folder,
// listening on a loopback address with a port the system picks.
#pragma once

#include "session/engine.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace swarmscope::testutil {

class EngineNode {
public:
    EngineNode(QString stateDir, QString savePath, QHostAddress address = QHostAddress(QStringLiteral("127.0.0.1")))
        : m_stateDir(std::move(stateDir)), m_savePath(std::move(savePath)), m_address(std::move(address))
    {
        m_settings.stateDir = m_stateDir;
        m_settings.listenAddress = m_address;
        m_settings.listenPort = 0;
        m_settings.dhtEnabled = false; // tests never reach the public DHT
        m_settings.snapshotIntervalMs = 100; // finer observation of progress than the UI needs
    }

    // What the next start() uses; a test may change it (the choker, say) before starting.
    session::SessionSettings &settings() { return m_settings; }

    // Starts (or, after stop(), restarts on the same state) the engine.
    bool start(QString *error)
    {
        m_engine = std::make_unique<session::Engine>(m_settings);
        return m_engine->start(error);
    }
    // A clean shutdown: `stopped` announces, disk synced, state committed.
    void stop()
    {
        if (m_engine)
            m_engine->shutdownAndWait();
        m_engine.reset();
    }

    session::Engine &engine() { return *m_engine; }
    bool running() const { return m_engine != nullptr; }
    const QString &savePath() const { return m_savePath; }
    const QString &stateDir() const { return m_stateDir; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_engine ? m_engine->listenPort() : 0; }
    swarm::Endpoint endpoint() const { return swarm::Endpoint{m_address, port()}; }

    void add(const metainfo::TorrentInfo &info, const QList<swarm::Endpoint> &peers = {})
    {
        session::AddTorrentParams params;
        params.info = info;
        params.savePath = m_savePath;
        params.peers = peers;
        m_engine->addTorrent(params);
        m_engine->setWatched({info.infoHash});
    }

    std::optional<session::TorrentSnapshot> torrent(const metainfo::InfoHash &hash) const
    {
        if (!m_engine)
            return std::nullopt;
        const session::SessionSnapshotPtr s = m_engine->latestSnapshot();
        if (!s)
            return std::nullopt;
        for (const session::TorrentSnapshot &t : s->torrents)
            if (t.infoHash == hash)
                return t;
        return std::nullopt;
    }

    // Every piece verified and the torrent seeding.
    bool isSeeding(const metainfo::InfoHash &hash) const
    {
        const auto t = torrent(hash);
        return t && t->state == state::TorrentState::Seeding && t->pieceCount > 0 && t->piecesHave == t->pieceCount;
    }

    QString describe(const metainfo::InfoHash &hash) const
    {
        const auto t = torrent(hash);
        if (!t)
            return QStringLiteral("no snapshot of the torrent yet");
        return QStringLiteral("%1 %2/%3 pieces, %4 seeds + %5 peers connected, downloaded %6, uploaded %7 %8")
            .arg(state::toString(t->state))
            .arg(t->piecesHave)
            .arg(t->pieceCount)
            .arg(t->seedsConnected)
            .arg(t->peersConnected)
            .arg(t->downloaded)
            .arg(t->uploaded)
            .arg(t->error);
    }

    // Its view of each peer, for failure messages: flags, queue and the pieces in flight.
    QString describePeers(const metainfo::InfoHash &hash) const
    {
        const auto t = torrent(hash);
        if (!t || !t->detail)
            return QStringLiteral("  (no detail)\n");
        QString out;
        QStringList partial;
        for (int piece : t->detail->downloadingPieces)
            partial << QString::number(piece);
        out += QStringLiteral("  partial pieces: %1\n").arg(partial.join(u','));
        for (const session::PeerSnapshot &p : t->detail->peers) {
            QStringList asked;
            for (int piece : p.piecesWeRequest)
                asked << QString::number(piece);
            out += QStringLiteral("  peer %1:%2%3 amChoking %4 amInterested %5 peerChoking %6 peerInterested %7 "
                                  "seed %8 snubbed %9 queue %10 down %11 up %12 asking for [%13] it asks %14\n")
                       .arg(p.address.toString())
                       .arg(p.port)
                       .arg(p.incoming ? QStringLiteral(" (in)") : QString())
                       .arg(int(p.amChoking))
                       .arg(int(p.amInterested))
                       .arg(int(p.peerChoking))
                       .arg(int(p.peerInterested))
                       .arg(int(p.seed))
                       .arg(int(p.snubbed))
                       .arg(p.requestQueue)
                       .arg(p.downloaded)
                       .arg(p.uploaded)
                       .arg(asked.join(u','))
                       .arg(p.piecesItRequests.size());
        }
        return out;
    }

private:
    QString m_stateDir;
    QString m_savePath;
    QHostAddress m_address;
    session::SessionSettings m_settings;
    std::unique_ptr<session::Engine> m_engine;
};

} // namespace swarmscope::testutil
