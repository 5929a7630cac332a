// The BEP 10 side of one connection, shared by a torrent and by a magnet's metadata fetch:
// which extensions the peer speaks, what it told us about itself, and peer exchange (BEP 11).
#pragma once

#include "swarm/peercandidates.h"
#include "util/clock.h"
#include "wire/extension/extensionhandshake.h"
#include "wire/extension/pexstate.h"

#include <optional>

namespace swarmscope::swarm {

struct TorrentServices;

class PeerExtensions {
public:
    // `withPex`: offer ut_pex (never for a private torrent, BEP 27).
    PeerExtensions(const Endpoint &remote, bool incoming, bool withPex);

    const wire::ext::ExtensionRegistry &registry() const { return m_registry; }
    const QString &client() const { return m_client; }
    int maxRequests() const { return m_maxRequests; }            // its `reqq`; 0 when it did not say
    std::optional<quint16> listenPort() const { return m_listenPort; } // its `p`
    std::optional<qint64> metadataSize() const { return m_metadataSize; }
    bool speaks(const QByteArray &name) const { return m_registry.peerSupports(name); }

    // Our handshake for this peer.
    QByteArray ourHandshake(const TorrentServices &services, const QHostAddress &peerAddress,
                            std::optional<qint64> metadataSize, bool uploadOnly) const;
    // The peer's handshake (extended message 0). False when it is malformed: that costs the
    // extensions, not the connection.
    bool applyHandshake(const QByteArray &payload);

    // A ut_pex message from the peer: the endpoints worth trying (none when it came too soon).
    QList<Endpoint> receivePex(const QByteArray &payload, TimePoint now);
    // The ut_pex message due for this peer now, given whom we are connected to; empty when none.
    QByteArray pexToSend(const QList<wire::ext::PexPeer> &connected, TimePoint now);

    // Turns peer exchange off for good (the metadata said the torrent is private).
    void disablePex() { m_pex.reset(); m_pexOffered = false; }

private:
    wire::ext::ExtensionRegistry m_registry;
    Endpoint m_remote;
    bool m_incoming = false;
    bool m_pexOffered = false;
    QString m_client;
    int m_maxRequests = 0;
    std::optional<quint16> m_listenPort;
    std::optional<qint64> m_metadataSize;
    std::optional<wire::ext::PexState> m_pex; // once the peer's handshake offered ut_pex too
};

// The flags we tell others about a connected peer in ut_pex.
quint8 pexFlags(bool seed, bool outgoing);

} // namespace swarmscope::swarm
