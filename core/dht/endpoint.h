// Addresses on the DHT: UDP endpoints, node contacts and their compact encodings
// (BEP 5: 6-byte peer info, 26-byte node info; BEP 32: 18-byte and 38-byte IPv6 forms).
#pragma once

#include "dht/nodeid.h"

#include <QByteArray>
#include <QHostAddress>

#include <optional>
#include <span>
#include <vector>

namespace swarmscope::dht {

// The two DHTs are separate networks (BEP 32); every message carries data of one family.
enum class Family { IPv4, IPv6 };

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;

    // IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) become plain IPv4, so one host has one key.
    static Endpoint make(const QHostAddress &address, quint16 port);

    Family family() const;
    // Something we could send to: a unicast address of either family and a non-zero port.
    bool isUsable() const;

    friend bool operator==(const Endpoint &a, const Endpoint &b)
    {
        return a.port == b.port && a.address == b.address;
    }
    friend size_t qHash(const Endpoint &e, size_t seed = 0) { return qHashMulti(seed, e.address, e.port); }
};

struct NodeInfo {
    NodeId id;
    Endpoint endpoint;
    friend bool operator==(const NodeInfo &, const NodeInfo &) = default;
};

inline constexpr int CompactPeerSizeV4 = 6;
inline constexpr int CompactPeerSizeV6 = 18;
inline constexpr int CompactNodeSizeV4 = NodeId::Size + CompactPeerSizeV4; // 26
inline constexpr int CompactNodeSizeV6 = NodeId::Size + CompactPeerSizeV6; // 38

// The address bytes alone, network order: 4 bytes for IPv4, 16 for IPv6 (token input).
QByteArray addressBytes(const QHostAddress &address);

// Address then port in network byte order: 6 bytes (IPv4) or 18 bytes (IPv6); empty when the
// address is neither.
QByteArray encodeCompactPeer(const Endpoint &endpoint);
// Reads 6 or 18 bytes; any other size gives nothing.
std::optional<Endpoint> decodeCompactPeer(QByteArrayView bytes);

// Concatenated compact node infos of one family; nodes of the other family are skipped.
QByteArray encodeCompactNodes(std::span<const NodeInfo> nodes, Family family);
// The size must be a multiple of 26 (IPv4) or 38 (IPv6); otherwise nothing.
std::optional<std::vector<NodeInfo>> decodeCompactNodes(QByteArrayView bytes, Family family);

} // namespace swarmscope::dht
