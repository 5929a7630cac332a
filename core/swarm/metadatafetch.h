// A magnet link before its metadata: finds peers (trackers named in the link, DHT, PEX, peers
// given directly or connecting to us), asks those that offer ut_metadata for the info
// dictionary (BEP 9) through a MetadataAssembler, and when it is complete and hashes to the
// info-hash hands the dictionary and every live connection over, so the torrent starts with
// the peers it already has. Lives on the engine thread; the session drives it with tick().
#pragma once

#include "metainfo/magnetlink.h"
#include "peer/peerconnection.h"
#include "session/snapshot.h"
#include "swarm/announcer.h"
#include "swarm/peercandidates.h"
#include "swarm/peerextensions.h"
#include "swarm/torrent.h"
#include "wire/extension/metadataassembler.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace swarmscope::swarm {

class MetadataFetch : public QObject, public peer::PeerConnection::Handler {
    Q_OBJECT
public:
    struct Params {
        metainfo::MagnetLink magnet;
        QString savePath;
        bool paused = false;
        bool pauseAfterMetadata = false; // the torrent starts paused (the add dialog is still open)
        bool sequential = false;         // its torrent downloads in file order
        QDateTime addedAt;
        int queuePosition = 0;
        QList<Endpoint> peers; // connect to these directly
    };

    // A connection that finished its handshake, handed to the torrent once the metadata is in.
    struct HandedPeer {
        peer::PeerConnection *connection = nullptr;
        session::PeerSource source = session::PeerSource::Manual;
        Endpoint endpoint;
        PeerExtensions extensions;
    };

    MetadataFetch(Params params, const TorrentServices &services, QObject *parent = nullptr);
    ~MetadataFetch() override;

    const metainfo::InfoHash &infoHash() const { return m_params.magnet.infoHash; }
    const Params &params() const { return m_params; }
    QString name() const;
    bool isPaused() const { return m_paused; }
    void setSavePath(const QString &path) { m_params.savePath = path; }
    void setPauseAfterMetadata(bool pause) { m_params.pauseAfterMetadata = pause; }
    void setSequential(bool sequential) { m_params.sequential = sequential; }
    void setQueuePosition(int position) { m_params.queuePosition = position; }
    int connectedPeers() const { return int(m_peers.size()); }

    void start(TimePoint now);
    void pause(TimePoint now);
    void resume(TimePoint now);
    void stop(TimePoint now); // shutdown or removal
    void addPeers(const QList<Endpoint> &peers, session::PeerSource source);
    void attachIncoming(peer::PeerConnection *peer);
    void tick(TimePoint now);
    void pumpPeers(TimePoint now);

    // After metadataReady: every connection that completed its handshake (now owned by the
    // caller) and every address still worth trying. The fetch is empty afterwards.
    QList<HandedPeer> takePeers();
    QList<std::pair<Endpoint, session::PeerSource>> candidates() const { return m_candidates.usable(); }

    session::TorrentSnapshot snapshot(TimePoint now, bool withDetail) const;

signals:
    // The verified info dictionary (its SHA-1 is the info-hash).
    void metadataReady(const swarmscope::metainfo::InfoHash &hash, const QByteArray &info);

private:
    void peerHandshake(peer::PeerConnection *peer) override;
    void peerHave(peer::PeerConnection *, int) override {}
    void peerBitfield(peer::PeerConnection *) override {}
    void peerChoked(peer::PeerConnection *, bool) override {}
    void peerInterested(peer::PeerConnection *, bool) override {}
    void peerRequest(peer::PeerConnection *, const BlockRequest &) override {}
    void peerCancel(peer::PeerConnection *, const BlockRequest &) override {}
    void peerBlock(peer::PeerConnection *, const BlockRequest &, const QByteArray &) override {}
    void peerReject(peer::PeerConnection *, const BlockRequest &) override {}
    void peerExtended(peer::PeerConnection *peer, quint8 id, const QByteArray &payload) override;
    void peerPort(peer::PeerConnection *peer, quint16 port) override;
    void peerClosed(peer::PeerConnection *peer, const QString &reason) override;

    struct FetchPeer {
        peer::PeerConnection *connection = nullptr;
        session::PeerSource source = session::PeerSource::Manual;
        Endpoint endpoint;
        std::shared_ptr<PeerExtensions> extensions; // after the handshake
    };

    void connectMorePeers(TimePoint now);
    void requestMetadata(FetchPeer &p, TimePoint now);
    void handleMetadata(FetchPeer &p, const QByteArray &payload, TimePoint now);
    void dropPeer(PeerId id, const QString &reason);

    Params m_params;
    TorrentServices m_services;
    std::unique_ptr<Announcer> m_announcer;
    PeerCandidates m_candidates;
    wire::ext::MetadataAssembler m_assembler;
    QHash<PeerId, FetchPeer> m_peers;
    bool m_paused = false;
    bool m_started = false;
    bool m_done = false;
};

} // namespace swarmscope::swarm
