#include "dht/endpoint.h"

namespace swarmscope::dht {

Endpoint Endpoint::make(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 v4 = address.toIPv4Address(&mapped);
        if (mapped)
            return Endpoint{QHostAddress(v4), port};
        // Scope ids are local to this host and never travel in compact form.
        QHostAddress plain(address.toIPv6Address());
        return Endpoint{plain, port};
    }
    return Endpoint{address, port};
}

Family Endpoint::family() const
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? Family::IPv6 : Family::IPv4;
}

bool Endpoint::isUsable() const
{
    if (port == 0 || address.isNull())
        return false;
    const auto p = address.protocol();
    if (p != QAbstractSocket::IPv4Protocol && p != QAbstractSocket::IPv6Protocol)
        return false;
    if (address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6))
        return false;
    if (p == QAbstractSocket::IPv6Protocol) {
        // A mapped IPv4 address inside IPv6 data (nodes6, values) names no IPv6 host.
        bool mapped = false;
        address.toIPv4Address(&mapped);
        if (mapped)
            return false;
    }
    return !address.isMulticast() && !address.isBroadcast();
}

QByteArray addressBytes(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        QByteArray out(4, '\0');
        for (int i = 0; i < 4; ++i)
            out[i] = static_cast<char>((v4 >> (24 - 8 * i)) & 0xff);
        return out;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    }
    return {};
}

QByteArray encodeCompactPeer(const Endpoint &endpoint)
{
    QByteArray out = addressBytes(endpoint.address);
    if (out.isEmpty())
        return out;
    out.append(static_cast<char>(endpoint.port >> 8));
    out.append(static_cast<char>(endpoint.port & 0xff));
    return out;
}

std::optional<Endpoint> decodeCompactPeer(QByteArrayView bytes)
{
    const auto u = [&](qsizetype i) { return static_cast<quint8>(bytes[i]); };
    QHostAddress address;
    qsizetype portAt = 0;
    if (bytes.size() == CompactPeerSizeV4) {
        address = QHostAddress(quint32(u(0)) << 24 | quint32(u(1)) << 16 | quint32(u(2)) << 8 | quint32(u(3)));
        portAt = 4;
    } else if (bytes.size() == CompactPeerSizeV6) {
        Q_IPV6ADDR v6;
        for (int i = 0; i < 16; ++i)
            v6.c[i] = u(i);
        address = QHostAddress(v6);
        portAt = 16;
    } else {
        return std::nullopt;
    }
    const auto port = static_cast<quint16>(u(portAt) << 8 | u(portAt + 1));
    return Endpoint{address, port};
}

QByteArray encodeCompactNodes(std::span<const NodeInfo> nodes, Family family)
{
    QByteArray out;
    out.reserve(qsizetype(nodes.size()) * (family == Family::IPv4 ? CompactNodeSizeV4 : CompactNodeSizeV6));
    for (const NodeInfo &n : nodes) {
        if (n.endpoint.family() != family)
            continue;
        const QByteArray peer = encodeCompactPeer(n.endpoint);
        if (peer.isEmpty())
            continue;
        out += n.id.toBytes();
        out += peer;
    }
    return out;
}

std::optional<std::vector<NodeInfo>> decodeCompactNodes(QByteArrayView bytes, Family family)
{
    const int entry = family == Family::IPv4 ? CompactNodeSizeV4 : CompactNodeSizeV6;
    if (bytes.size() % entry != 0)
        return std::nullopt;
    std::vector<NodeInfo> nodes;
    nodes.reserve(bytes.size() / entry);
    for (qsizetype at = 0; at < bytes.size(); at += entry) {
        auto id = NodeId::fromBytes(bytes.sliced(at, NodeId::Size));
        auto endpoint = decodeCompactPeer(bytes.sliced(at + NodeId::Size, entry - NodeId::Size));
        nodes.push_back(NodeInfo{*id, *endpoint});
    }
    return nodes;
}

} // namespace swarmscope::dht
