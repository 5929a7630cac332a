#include "wire/handshake.h"

#include <algorithm>

namespace swarmscope::wire {

namespace {

constexpr char kProtocol[] = "BitTorrent protocol";
constexpr int kProtocolLength = 19;
constexpr int kReservedAt = 1 + kProtocolLength; // 20
constexpr int kInfoHashAt = kReservedAt + 8;     // 28
constexpr int kPeerIdAt = kInfoHashAt + 20;      // 48

} // namespace

QByteArray encodeHandshake(const Handshake &h)
{
    if (!h.infoHash.isValid() || h.peerId.size() != kPeerIdSize)
        return {};
    QByteArray out;
    out.reserve(kHandshakeSize);
    out.append(static_cast<char>(kProtocolLength));
    out.append(kProtocol, kProtocolLength);
    for (quint8 b : h.reserved.bytes)
        out.append(static_cast<char>(b));
    out += h.infoHash.bytes();
    out += h.peerId;
    return out;
}

qsizetype HandshakeParser::feed(QByteArrayView bytes)
{
    if (m_status != Status::NeedMore)
        return 0;
    const qsizetype before = m_bytes.size();
    const qsizetype take = std::min<qsizetype>(bytes.size(), kHandshakeSize - before);
    m_bytes.append(bytes.first(take));
    check(before);
    return m_bytes.size() - before; // on error, up to and including the first wrong byte
}

// Looks at the bytes from `from` on, so each byte is judged as soon as it arrives.
void HandshakeParser::check(qsizetype from)
{
    const qsizetype size = m_bytes.size();
    for (qsizetype i = from; i < size && i < kReservedAt; ++i) {
        const auto byte = static_cast<quint8>(m_bytes[i]);
        if (i == 0 && byte != kProtocolLength) {
            m_error = QStringLiteral("handshake protocol length %1, expected %2 "
                                     "(not a BitTorrent peer, or an encrypted stream)")
                          .arg(byte)
                          .arg(kProtocolLength);
            m_status = Status::Error;
            m_bytes.truncate(i + 1);
            return;
        }
        if (i > 0 && m_bytes[i] != kProtocol[i - 1]) {
            m_error = QStringLiteral("handshake protocol string differs from \"%1\" at byte %2")
                          .arg(QLatin1String(kProtocol))
                          .arg(i);
            m_status = Status::Error;
            m_bytes.truncate(i + 1);
            return;
        }
    }
    if (from < kPeerIdAt && size >= kPeerIdAt) {
        for (int i = 0; i < 8; ++i)
            m_handshake.reserved.bytes[i] = static_cast<quint8>(m_bytes[kReservedAt + i]);
        m_handshake.infoHash = metainfo::InfoHash::fromBytes(m_bytes.mid(kInfoHashAt, 20));
    }
    if (size == kHandshakeSize) {
        m_handshake.peerId = m_bytes.mid(kPeerIdAt, kPeerIdSize);
        m_status = Status::Done;
    }
}

} // namespace swarmscope::wire
