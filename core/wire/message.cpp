#include "wire/message.h"

#include <QtEndian>

namespace swarmscope::wire {

namespace {

void appendU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendU16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}

// Length prefix and id for a message whose payload (after the id) has `payloadSize` bytes.
QByteArray header(MessageType type, quint32 payloadSize, qsizetype reserveExtra = 0)
{
    QByteArray out;
    out.reserve(5 + reserveExtra);
    appendU32(out, payloadSize + 1);
    out.append(static_cast<char>(static_cast<int>(type)));
    return out;
}

QByteArray indexOnly(MessageType type, quint32 index)
{
    QByteArray out = header(type, 4, 4);
    appendU32(out, index);
    return out;
}

QByteArray blockRef(MessageType type, quint32 index, quint32 begin, quint32 length)
{
    QByteArray out = header(type, 12, 12);
    appendU32(out, index);
    appendU32(out, begin);
    appendU32(out, length);
    return out;
}

QByteArray withPayload(MessageType type, const QByteArray &payload)
{
    QByteArray out = header(type, static_cast<quint32>(payload.size()), payload.size());
    out += payload;
    return out;
}

} // namespace

bool isKnownId(int id)
{
    return (id >= 0 && id <= 9) || (id >= 13 && id <= 17) || id == 20;
}

QString messageName(MessageType type, int unknownId)
{
    switch (type) {
    case MessageType::KeepAlive: return QStringLiteral("keep-alive");
    case MessageType::Choke: return QStringLiteral("choke");
    case MessageType::Unchoke: return QStringLiteral("unchoke");
    case MessageType::Interested: return QStringLiteral("interested");
    case MessageType::NotInterested: return QStringLiteral("not interested");
    case MessageType::Have: return QStringLiteral("have");
    case MessageType::Bitfield: return QStringLiteral("bitfield");
    case MessageType::Request: return QStringLiteral("request");
    case MessageType::Piece: return QStringLiteral("piece");
    case MessageType::Cancel: return QStringLiteral("cancel");
    case MessageType::Port: return QStringLiteral("port");
    case MessageType::Suggest: return QStringLiteral("suggest");
    case MessageType::HaveAll: return QStringLiteral("have all");
    case MessageType::HaveNone: return QStringLiteral("have none");
    case MessageType::Reject: return QStringLiteral("reject");
    case MessageType::AllowedFast: return QStringLiteral("allowed fast");
    case MessageType::Extended: return QStringLiteral("extended");
    case MessageType::Unknown: break;
    }
    return QStringLiteral("message %1").arg(unknownId);
}

Message Message::simple(MessageType type)
{
    Message m;
    m.type = type;
    return m;
}

Message Message::have(quint32 index)
{
    Message m = simple(MessageType::Have);
    m.index = index;
    return m;
}

Message Message::bitfield(const QByteArray &bytes)
{
    Message m = simple(MessageType::Bitfield);
    m.payload = bytes;
    return m;
}

Message Message::request(quint32 index, quint32 begin, quint32 length)
{
    Message m = simple(MessageType::Request);
    m.index = index;
    m.begin = begin;
    m.length = length;
    return m;
}

Message Message::piece(quint32 index, quint32 begin, const QByteArray &block)
{
    Message m = simple(MessageType::Piece);
    m.index = index;
    m.begin = begin;
    m.payload = block;
    return m;
}

Message Message::cancel(quint32 index, quint32 begin, quint32 length)
{
    Message m = request(index, begin, length);
    m.type = MessageType::Cancel;
    return m;
}

Message Message::portMessage(quint16 port)
{
    Message m = simple(MessageType::Port);
    m.port = port;
    return m;
}

Message Message::suggest(quint32 index)
{
    Message m = have(index);
    m.type = MessageType::Suggest;
    return m;
}

Message Message::reject(quint32 index, quint32 begin, quint32 length)
{
    Message m = request(index, begin, length);
    m.type = MessageType::Reject;
    return m;
}

Message Message::allowedFast(quint32 index)
{
    Message m = have(index);
    m.type = MessageType::AllowedFast;
    return m;
}

Message Message::extended(quint8 id, const QByteArray &payload)
{
    Message m = simple(MessageType::Extended);
    m.extendedId = id;
    m.payload = payload;
    return m;
}

QByteArray encodeKeepAlive() { return QByteArray(4, '\0'); }
QByteArray encodeChoke() { return header(MessageType::Choke, 0); }
QByteArray encodeUnchoke() { return header(MessageType::Unchoke, 0); }
QByteArray encodeInterested() { return header(MessageType::Interested, 0); }
QByteArray encodeNotInterested() { return header(MessageType::NotInterested, 0); }
QByteArray encodeHave(quint32 index) { return indexOnly(MessageType::Have, index); }
QByteArray encodeBitfield(const QByteArray &bits) { return withPayload(MessageType::Bitfield, bits); }

QByteArray encodeRequest(quint32 index, quint32 begin, quint32 length)
{
    return blockRef(MessageType::Request, index, begin, length);
}

QByteArray encodePiece(quint32 index, quint32 begin, const QByteArray &block)
{
    QByteArray out = encodePieceHeader(index, begin, static_cast<quint32>(block.size()));
    out += block;
    return out;
}

QByteArray encodePieceHeader(quint32 index, quint32 begin, quint32 blockLength)
{
    QByteArray out = header(MessageType::Piece, 8 + blockLength, 8);
    appendU32(out, index);
    appendU32(out, begin);
    return out;
}

QByteArray encodeCancel(quint32 index, quint32 begin, quint32 length)
{
    return blockRef(MessageType::Cancel, index, begin, length);
}

QByteArray encodePort(quint16 port)
{
    QByteArray out = header(MessageType::Port, 2, 2);
    appendU16(out, port);
    return out;
}

QByteArray encodeSuggest(quint32 index) { return indexOnly(MessageType::Suggest, index); }
QByteArray encodeHaveAll() { return header(MessageType::HaveAll, 0); }
QByteArray encodeHaveNone() { return header(MessageType::HaveNone, 0); }

QByteArray encodeReject(quint32 index, quint32 begin, quint32 length)
{
    return blockRef(MessageType::Reject, index, begin, length);
}

QByteArray encodeAllowedFast(quint32 index) { return indexOnly(MessageType::AllowedFast, index); }

QByteArray encodeExtended(quint8 extendedId, const QByteArray &payload)
{
    QByteArray out = header(MessageType::Extended, 1 + static_cast<quint32>(payload.size()), 1 + payload.size());
    out.append(static_cast<char>(extendedId));
    out += payload;
    return out;
}

QByteArray encode(const Message &m)
{
    switch (m.type) {
    case MessageType::KeepAlive: return encodeKeepAlive();
    case MessageType::Choke:
    case MessageType::Unchoke:
    case MessageType::Interested:
    case MessageType::NotInterested:
    case MessageType::HaveAll:
    case MessageType::HaveNone: return header(m.type, 0);
    case MessageType::Have:
    case MessageType::Suggest:
    case MessageType::AllowedFast: return indexOnly(m.type, m.index);
    case MessageType::Bitfield: return encodeBitfield(m.payload);
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::Reject: return blockRef(m.type, m.index, m.begin, m.length);
    case MessageType::Piece: return encodePiece(m.index, m.begin, m.payload);
    case MessageType::Port: return encodePort(m.port);
    case MessageType::Extended: return encodeExtended(m.extendedId, m.payload);
    case MessageType::Unknown: break;
    }
    return {};
}

} // namespace swarmscope::wire
