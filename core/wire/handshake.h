// The BEP 3 handshake: "\x13BitTorrent protocol", 8 reserved bytes (extension flags), the
// 20-byte info-hash and the 20-byte peer id: 68 bytes in all.
//
// The parser takes bytes as they come (one at a time if need be), rejects a stream that does
// not start with the protocol string at the first wrong byte, tells when the info-hash is in
// (a receiving peer answers then, BEP 3, before the other side's peer id arrives) and when the
// whole handshake is. Checking the info-hash and the peer id is the caller's business.
#pragma once

#include "metainfo/infohash.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

namespace swarmscope::wire {

inline constexpr int kHandshakeSize = 68;
inline constexpr int kPeerIdSize = 20;

// The 8 reserved bytes, with the flags we speak.
struct ReservedBits {
    std::array<quint8, 8> bytes{};

    bool extensionProtocol() const { return bytes[5] & 0x10; } // BEP 10
    bool fastExtension() const { return bytes[7] & 0x04; }     // BEP 6
    bool dht() const { return bytes[7] & 0x01; }               // BEP 5
    void setExtensionProtocol(bool on) { setBit(5, 0x10, on); }
    void setFastExtension(bool on) { setBit(7, 0x04, on); }
    void setDht(bool on) { setBit(7, 0x01, on); }

    friend bool operator==(const ReservedBits &, const ReservedBits &) = default;

private:
    void setBit(int byte, quint8 mask, bool on)
    {
        bytes[byte] = static_cast<quint8>(on ? (bytes[byte] | mask) : (bytes[byte] & ~mask));
    }
};

struct Handshake {
    ReservedBits reserved;
    metainfo::InfoHash infoHash;
    QByteArray peerId; // 20 bytes
};

// The 68 bytes; empty when the info-hash is invalid or the peer id is not 20 bytes.
QByteArray encodeHandshake(const Handshake &handshake);

class HandshakeParser {
public:
    enum class Status { NeedMore, Done, Error };

    // Takes at most the bytes the handshake still lacks and returns how many it took: what is
    // left of `bytes` already belongs to the message stream. On a wrong byte, it takes up to and
    // including that byte and stops. Takes nothing once Done or Error.
    qsizetype feed(QByteArrayView bytes);

    Status status() const { return m_status; }
    // The first 48 bytes are in: reserved bits and info-hash are set in handshake().
    bool hasInfoHash() const { return m_status != Status::Error && m_bytes.size() >= 48; }
    // Reserved and infoHash once hasInfoHash(), peerId once Done.
    const Handshake &handshake() const { return m_handshake; }
    const QString &errorString() const { return m_error; }
    qsizetype bytesReceived() const { return m_bytes.size(); }

private:
    void check(qsizetype from);

    QByteArray m_bytes;
    Handshake m_handshake;
    Status m_status = Status::NeedMore;
    QString m_error;
};

} // namespace swarmscope::wire
