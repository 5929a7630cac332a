#include "wire/messagecodec.h"

#include <QtEndian>

#include <algorithm>

namespace swarmscope::wire {

namespace {

quint32 readU32(const char *p) { return qFromBigEndian<quint32>(p); }
quint16 readU16(const char *p) { return qFromBigEndian<quint16>(p); }

// Length prefix (id included) of the messages that have exactly one valid size; 0 otherwise.
quint32 fixedLength(MessageType type)
{
    switch (type) {
    case MessageType::Choke:
    case MessageType::Unchoke:
    case MessageType::Interested:
    case MessageType::NotInterested:
    case MessageType::HaveAll:
    case MessageType::HaveNone: return 1;
    case MessageType::Have:
    case MessageType::Suggest:
    case MessageType::AllowedFast: return 5;
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::Reject: return 13;
    case MessageType::Port: return 3;
    default: return 0;
    }
}

bool hasIndex(MessageType type)
{
    switch (type) {
    case MessageType::Have:
    case MessageType::Request:
    case MessageType::Piece:
    case MessageType::Cancel:
    case MessageType::Suggest:
    case MessageType::Reject:
    case MessageType::AllowedFast: return true;
    default: return false;
    }
}

constexpr quint32 kPieceHeader = 9; // id, index, begin

} // namespace

MessageDecoder::MessageDecoder(const DecoderLimits &limits) : m_limits(limits) {}

char *MessageDecoder::feedBuffer(qsizetype size)
{
    makeRoom();
    m_pendingFeedAt = m_buffer.size();
    m_buffer.resize(m_pendingFeedAt + size);
    return m_buffer.data() + m_pendingFeedAt;
}

void MessageDecoder::commitFeed(qsizetype written)
{
    if (m_pendingFeedAt < 0)
        return;
    m_buffer.resize(m_pendingFeedAt + std::max<qsizetype>(0, written));
    m_pendingFeedAt = -1;
}

void MessageDecoder::feed(const char *data, qsizetype size)
{
    if (hasError() || size <= 0)
        return;
    makeRoom();
    m_buffer.append(data, size);
}

// Switches to (or keeps) our own reusable buffer holding only the unread bytes.
void MessageDecoder::makeRoom()
{
    if (!m_ownBuffer || m_pos >= m_buffer.size()) {
        // Keep our allocation: only the unread rest moves to the front.
        if (m_ownBuffer) {
            m_buffer.resize(0);
        } else {
            QByteArray rest = m_buffer.mid(m_pos);
            m_buffer = QByteArray();
            m_buffer.reserve(std::max<qsizetype>(rest.size() + 256 * 1024, 512 * 1024));
            m_buffer.append(rest);
            m_ownBuffer = true;
        }
        m_pos = 0;
    } else if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

void MessageDecoder::feed(const QByteArray &bytes)
{
    if (hasError() || bytes.isEmpty())
        return;
    m_ownBuffer = false;
    if (m_pos >= m_buffer.size()) {
        m_buffer = bytes; // implicitly shared: no copy until we would modify it
        m_pos = 0;
        return;
    }
    // Drop the consumed prefix only when it is at least as large as what is left, so moving the
    // rest costs no more than the bytes already consumed: linear in the stream overall.
    if (m_pos >= m_buffer.size() - m_pos) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

void MessageDecoder::advance(qsizetype n)
{
    m_pos += n;
    m_consumed += static_cast<quint64>(n);
    if (m_pos >= m_buffer.size()) {
        if (m_ownBuffer)
            m_buffer.resize(0); // keep the capacity for the next feed
        else
            m_buffer = QByteArray(); // release the caller's chunk as soon as it is used up
        m_pos = 0;
    }
}

MessageDecoder::Status MessageDecoder::fail(const QString &error)
{
    m_error = error;
    m_buffer = QByteArray();
    m_pos = 0;
    return Status::Error;
}

QString MessageDecoder::checkHeader(quint32 length, int id) const
{
    if (!isKnownId(id)) {
        if (length > m_limits.maxUnknownLength)
            return QStringLiteral("message length %1 exceeds limit %2 for unknown message id %3")
                .arg(length)
                .arg(m_limits.maxUnknownLength)
                .arg(id);
        return {};
    }
    const auto type = static_cast<MessageType>(id);
    const QString name = messageName(type);
    if (const quint32 fixed = fixedLength(type)) {
        if (length != fixed)
            return QStringLiteral("message length %1 does not match the fixed length %2 for %3")
                .arg(length)
                .arg(fixed)
                .arg(name);
        return {};
    }
    quint64 minimum = 1;
    quint64 maximum = 1;
    switch (type) {
    case MessageType::Bitfield: {
        const quint64 pieces = quint64(m_pieceCount >= 0 ? m_pieceCount : std::max(m_limits.maxPieceCount, 0));
        maximum = 1 + (pieces + 7) / 8;
        break;
    }
    case MessageType::Piece:
        minimum = kPieceHeader + 1; // an empty block answers no request
        maximum = kPieceHeader + quint64(m_limits.maxBlockLength);
        break;
    case MessageType::Extended:
        minimum = 2; // the extended id byte
        maximum = std::max<quint64>(m_limits.maxExtendedLength, minimum);
        break;
    default: break;
    }
    if (length < minimum)
        return QStringLiteral("message length %1 is below minimum %2 for %3").arg(length).arg(minimum).arg(name);
    if (length > maximum)
        return QStringLiteral("message length %1 exceeds limit %2 for %3").arg(length).arg(maximum).arg(name);
    return {};
}

QString MessageDecoder::checkFields(const Message &m) const
{
    const QString name = messageName(m.type);
    if (m.type == MessageType::Request || m.type == MessageType::Cancel || m.type == MessageType::Reject) {
        if (m.length == 0)
            return QStringLiteral("%1 length is zero").arg(name);
        if (m.length > m_limits.maxBlockLength)
            return QStringLiteral("%1 length %2 exceeds %3").arg(name).arg(m.length).arg(m_limits.maxBlockLength);
    }
    if (m_pieceCount >= 0 && hasIndex(m.type) && m.index >= quint32(m_pieceCount))
        return QStringLiteral("%1 index %2 out of range (piece count %3)").arg(name).arg(m.index).arg(m_pieceCount);
    return {};
}

void MessageDecoder::parseBody(int id, const char *body, quint32 length, Message *out) const
{
    *out = Message::simple(static_cast<MessageType>(id));
    switch (out->type) {
    case MessageType::Have:
    case MessageType::Suggest:
    case MessageType::AllowedFast: out->index = readU32(body); break;
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::Reject:
        out->index = readU32(body);
        out->begin = readU32(body + 4);
        out->length = readU32(body + 8);
        break;
    case MessageType::Piece:
        out->index = readU32(body);
        out->begin = readU32(body + 4);
        // One copy of the block, or none when the caller borrows it until its next feed().
        out->payload = m_borrowPieces && m_ownBuffer ? QByteArray::fromRawData(body + 8, qsizetype(length - kPieceHeader))
                                      : QByteArray(body + 8, qsizetype(length - kPieceHeader));
        break;
    case MessageType::Bitfield: out->payload = QByteArray(body, qsizetype(length - 1)); break;
    case MessageType::Port: out->port = readU16(body); break;
    case MessageType::Extended:
        out->extendedId = static_cast<quint8>(body[0]);
        out->payload = QByteArray(body + 1, qsizetype(length - 2));
        break;
    default: break;
    }
}

MessageDecoder::Status MessageDecoder::next(Message *out)
{
    if (hasError())
        return Status::Error;

    if (m_skipping) {
        const qsizetype take = std::min<qsizetype>(m_skipRemaining, m_buffer.size() - m_pos);
        advance(take);
        m_skipRemaining -= static_cast<quint32>(take);
        if (m_skipRemaining > 0)
            return Status::NeedMore;
        m_skipping = false;
        *out = Message::simple(MessageType::Unknown);
        out->unknownId = m_skipId;
        out->length = m_skipLength;
        return Status::Message;
    }

    const qsizetype available = m_buffer.size() - m_pos;
    if (available < 4)
        return Status::NeedMore;
    const char *data = m_buffer.constData() + m_pos;
    const quint32 length = readU32(data);
    if (length == 0) {
        advance(4);
        *out = Message::keepAlive();
        return Status::Message;
    }
    if (available < 5)
        return Status::NeedMore;
    const int id = static_cast<quint8>(data[4]);
    if (const QString problem = checkHeader(length, id); !problem.isEmpty())
        return fail(problem);

    if (!isKnownId(id)) {
        m_skipping = true;
        m_skipId = static_cast<quint8>(id);
        m_skipLength = length - 1;
        m_skipRemaining = length - 1;
        advance(5);
        return next(out); // the skip branch above; it does not recurse further
    }

    if (available - 4 < qsizetype(length))
        return Status::NeedMore;
    Message m;
    parseBody(id, data + 5, length, &m);
    if (const QString problem = checkFields(m); !problem.isEmpty())
        return fail(problem);
    advance(4 + qsizetype(length));
    *out = std::move(m);
    return Status::Message;
}

} // namespace swarmscope::wire
