// Peer exchange with one connected peer (BEP 11), as pure logic.
//
// Sending: each call gets the peers we are connected to right now; the state remembers what
// this peer was already told and produces the difference (added since, dropped since), at most
// 50 of each per message and not more often than once a minute. Nothing is sent when nothing
// changed (uTorrent drops peers that send empty PEX messages).
//
// Receiving: returns the endpoints worth trying, with their flags, leaving out port 0, unusable
// addresses (unspecified, multicast, broadcast), our own listen endpoints, the sender itself,
// and loopback addresses unless the sender is on loopback too (a remote peer must not point us
// at our own machine). Messages that arrive sooner than allowed after the previous one are
// ignored. For a private torrent (BEP 27) nothing is sent and everything received is ignored.
#pragma once

#include "util/clock.h"
#include "wire/extension/utpex.h"

#include <map>
#include <optional>

namespace swarmscope::wire::ext {

class PexState {
public:
    struct Options {
        Duration sendInterval = 60s;
        Duration minReceiveInterval = 45s; // some tolerance for clients a little early
        int maxAdded = kPexRecommended;
        int maxDropped = kPexRecommended;
        bool privateTorrent = false;
    };

    struct Received {
        QList<PexPeer> added;     // worth trying, deduplicated
        QList<Endpoint> dropped;  // the sender lost these (informational)
        int ignored = 0;          // entries filtered out
        bool tooSoon = false;     // the whole message was ignored: it came too early
    };

    // `remote`: the endpoint this peer accepts connections on (its address and listen port,
    // which for an incoming connection comes from `p` of its extension handshake).
    explicit PexState(const Endpoint &remote);
    PexState(const Endpoint &remote, const Options &options);

    void setRemote(const Endpoint &remote) { m_remote = remote; }
    // Where others reach us (listen port on each known address of ours, e.g. `yourip`).
    void setOurEndpoints(const QList<Endpoint> &ours) { m_ours = ours; }
    const Options &options() const { return m_options; }

    // The message to send now, if one is due. `connected` may include the remote peer and
    // endpoints with port 0 (incoming peers whose listen port is unknown); both are left out.
    std::optional<PexMessage> makeMessage(const QList<PexPeer> &connected, TimePoint now);

    Received receive(const PexMessage &message, TimePoint now);

    // Endpoints this peer currently knows from us.
    int advertisedCount() const { return int(m_advertised.size()); }

private:
    bool usable(const Endpoint &e) const;

    Endpoint m_remote;
    Options m_options;
    QList<Endpoint> m_ours;
    std::map<QByteArray, Endpoint> m_advertised; // endpointKey -> endpoint
    std::optional<TimePoint> m_lastSent;
    std::optional<TimePoint> m_lastReceived;
};

} // namespace swarmscope::wire::ext
