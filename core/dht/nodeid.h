// A DHT node id (BEP 5): 160 bits from the same space as info-hashes, compared by XOR distance.
#pragma once

#include "metainfo/infohash.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
#include <QString>

#include <array>
#include <compare>
#include <optional>
#include <random>

namespace swarmscope::dht {

using Rng = std::mt19937;

class NodeId {
public:
    static constexpr int Size = 20;
    static constexpr int Bits = 160;

    NodeId() = default; // all zero bits
    // Exactly 20 bytes, otherwise nothing.
    static std::optional<NodeId> fromBytes(QByteArrayView bytes);
    static std::optional<NodeId> fromHex(QStringView hex);
    static NodeId fromInfoHash(const metainfo::InfoHash &hash); // hash must be valid
    static NodeId random(Rng &rng);
    // A random id whose first `prefixBits` bits are those of `prefix` (bucket refreshes).
    static NodeId randomWithPrefix(const NodeId &prefix, int prefixBits, Rng &rng);

    QByteArray toBytes() const;
    QString toHex() const;
    metainfo::InfoHash toInfoHash() const;

    // Bit `i` counted from the most significant bit of the first byte (0..159).
    bool bit(int i) const { return (m_bytes[i / 8] >> (7 - i % 8)) & 1; }
    void setBit(int i, bool on);

    // The XOR distance, itself a 160-bit number compared as unsigned big-endian.
    NodeId operator^(const NodeId &other) const;
    // Leading bits two ids share (160 when equal). Bucket index in the routing table.
    static int commonPrefixLength(const NodeId &a, const NodeId &b);

    const std::array<quint8, Size> &data() const { return m_bytes; }

    friend auto operator<=>(const NodeId &, const NodeId &) = default;
    friend bool operator==(const NodeId &, const NodeId &) = default;
    friend size_t qHash(const NodeId &id, size_t seed = 0) { return qHashBits(id.m_bytes.data(), Size, seed); }

private:
    std::array<quint8, Size> m_bytes{};
};

// True when `a` is strictly closer to `target` than `b` (XOR metric).
inline bool isCloser(const NodeId &target, const NodeId &a, const NodeId &b)
{
    return (a ^ target) < (b ^ target);
}

} // namespace swarmscope::dht
