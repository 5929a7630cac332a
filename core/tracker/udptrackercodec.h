// The UDP tracker protocol (BEP 15) and its URL data option (BEP 41): encoders for the three
// requests a client sends, and strict decoders for what comes back. Pure code for hostile input:
// every reply is checked for its exact size, its action and its transaction id; peers and error
// messages are capped. All integers are big-endian on the wire.
#pragma once

#include "metainfo/infohash.h"
#include "tracker/announcerequest.h"
#include "tracker/announceresponse.h"
#include "tracker/scrape.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace swarmscope::tracker {

namespace udp {
inline constexpr quint64 ProtocolId = 0x41727101980ULL; // magic of the connect request
inline constexpr int MaxScrapeHashes = 74;              // BEP 15's limit for one scrape packet
inline constexpr int UrlDataChunk = 255;                // BEP 41: bytes per URLData option
inline constexpr qsizetype MaxRequestString = 1024;     // path+query we agree to carry
inline constexpr qsizetype AnnounceRequestSize = 98;    // without options
} // namespace udp

enum class UdpAction : quint32 { Connect = 0, Announce = 1, Scrape = 2, Error = 3 };

// What a udp:// URL names: the tracker's host and port, and the request string BEP 41 forwards.
struct UdpTrackerUrl {
    QString host;             // name or IP literal (an IPv6 literal without its brackets)
    quint16 port = 0;         // required: UDP trackers have no default port
    QByteArray requestString; // "/announce?passkey=..." percent-encoded as in the URL; empty when
                              // the URL has no path beyond "/" and no query
    friend bool operator==(const UdpTrackerUrl &, const UdpTrackerUrl &) = default;
};

// Accepts udp://host:port[/path][?query][#fragment]. The fragment is dropped. Fails on another
// scheme, an empty host, a missing or zero port, or a request string over MaxRequestString.
std::optional<UdpTrackerUrl> parseUdpTrackerUrl(const QString &url, QString *error = nullptr);

// The 32-bit `key` field from AnnounceRequest::key: 1 to 8 hex digits are taken as their value
// (so a key shared with HTTP trackers names the same number), anything else is hashed (FNV-1a).
quint32 udpAnnounceKey(const QByteArray &key);

// 16 bytes: protocol id, action 0, transaction id.
QByteArray encodeUdpConnectRequest(quint32 transactionId);

// 98 bytes plus one URLData option (type 2) per 255 bytes of `requestString`, no end marker (the
// end of the packet ends the options). Negative counters are sent as 0, numWant < 0 as -1, `ip`
// only when it is an IPv4 literal. Empty when the info-hash or the peer id is not 20 bytes or the
// request string is too long.
QByteArray encodeUdpAnnounceRequest(quint64 connectionId, quint32 transactionId, const AnnounceRequest &request,
                                    const QByteArray &requestString = {});

// 16 bytes plus 20 per hash. Empty when there are no hashes, more than MaxScrapeHashes, or one
// is invalid.
QByteArray encodeUdpScrapeRequest(quint64 connectionId, quint32 transactionId,
                                  const QList<metainfo::InfoHash> &hashes);

struct UdpReplyHeader {
    quint32 action = 0;
    quint32 transactionId = 0;
};

// The first 8 bytes of any reply; nullopt when the datagram is shorter.
std::optional<UdpReplyHeader> parseUdpReplyHeader(const QByteArray &datagram);

struct UdpLimits {
    int maxPeers = 500;          // peers kept from one announce reply; the rest are counted dropped
    int maxErrorLength = 512;    // bytes of an error message kept
};

// Each decoder checks the header itself (action and transaction id) and the exact size, and on
// failure returns nullopt with `error` set.

// Exactly 16 bytes: action 0, then the connection id.
std::optional<quint64> parseUdpConnectResponse(const QByteArray &datagram, quint32 transactionId,
                                               QString *error = nullptr);

// 20 bytes (action 1, interval, leechers, seeders) plus 6-byte peers, or 18-byte peers when the
// tracker was reached over IPv6 (`ipv6Peers`). Peers with port 0 or an unusable address
// (unspecified, broadcast, multicast) and those over the cap are dropped and counted; duplicates
// are removed. The response's complete/incomplete are the seeders/leechers.
std::optional<AnnounceResponse> parseUdpAnnounceResponse(const QByteArray &datagram, quint32 transactionId,
                                                         bool ipv6Peers, QString *error = nullptr,
                                                         const UdpLimits &limits = {});

// 8 bytes plus 12 per hash asked for (seeders, completed, leechers), in the order of `hashes`.
std::optional<ScrapeResponse> parseUdpScrapeResponse(const QByteArray &datagram, quint32 transactionId,
                                                     const QList<metainfo::InfoHash> &hashes,
                                                     QString *error = nullptr);

// Action 3: the rest of the datagram is the message. It is cut to maxErrorLength bytes, decoded
// as UTF-8, control characters become spaces, and an empty message gets a stand-in text so the
// result is never empty.
std::optional<QString> parseUdpErrorResponse(const QByteArray &datagram, quint32 transactionId,
                                             QString *error = nullptr, const UdpLimits &limits = {});

} // namespace swarmscope::tracker
