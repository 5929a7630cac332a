#include "dht/nodeid.h"

namespace swarmscope::dht {

std::optional<NodeId> NodeId::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != Size)
        return std::nullopt;
    NodeId id;
    for (int i = 0; i < Size; ++i)
        id.m_bytes[i] = static_cast<quint8>(bytes[i]);
    return id;
}

std::optional<NodeId> NodeId::fromHex(QStringView hex)
{
    if (hex.size() != 2 * Size)
        return std::nullopt;
    for (QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return std::nullopt;
    }
    return fromBytes(QByteArray::fromHex(hex.toLatin1()));
}

NodeId NodeId::fromInfoHash(const metainfo::InfoHash &hash)
{
    return fromBytes(hash.bytes()).value_or(NodeId{});
}

NodeId NodeId::random(Rng &rng)
{
    NodeId id;
    std::uniform_int_distribution<int> byte(0, 255);
    for (auto &b : id.m_bytes)
        b = static_cast<quint8>(byte(rng));
    return id;
}

NodeId NodeId::randomWithPrefix(const NodeId &prefix, int prefixBits, Rng &rng)
{
    NodeId id = random(rng);
    for (int i = 0; i < prefixBits && i < Bits; ++i)
        id.setBit(i, prefix.bit(i));
    return id;
}

QByteArray NodeId::toBytes() const
{
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), Size);
}

QString NodeId::toHex() const
{
    return QString::fromLatin1(toBytes().toHex());
}

metainfo::InfoHash NodeId::toInfoHash() const
{
    return metainfo::InfoHash::fromBytes(toBytes());
}

void NodeId::setBit(int i, bool on)
{
    const auto mask = static_cast<quint8>(1u << (7 - i % 8));
    if (on)
        m_bytes[i / 8] |= mask;
    else
        m_bytes[i / 8] &= static_cast<quint8>(~mask);
}

NodeId NodeId::operator^(const NodeId &other) const
{
    NodeId d;
    for (int i = 0; i < Size; ++i)
        d.m_bytes[i] = m_bytes[i] ^ other.m_bytes[i];
    return d;
}

int NodeId::commonPrefixLength(const NodeId &a, const NodeId &b)
{
    for (int i = 0; i < Size; ++i) {
        const unsigned x = a.m_bytes[i] ^ b.m_bytes[i];
        if (x != 0) {
            int lead = 0;
            for (unsigned mask = 0x80; !(x & mask); mask >>= 1)
                ++lead;
            return i * 8 + lead;
        }
    }
    return Bits;
}

} // namespace swarmscope::dht
