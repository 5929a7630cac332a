#include "wire/extension/utmetadata.h"

#include "bencode/reader.h"
#include "bencode/writer.h"

namespace swarmscope::wire::ext {

using bencode::Dict;
using bencode::Value;

int metadataPieceCount(qint64 totalSize)
{
    if (totalSize < 1 || totalSize > kMaxMetadataSize)
        return 0;
    return int((totalSize + kMetadataPieceSize - 1) / kMetadataPieceSize);
}

int metadataPieceLength(qint64 totalSize, int piece)
{
    const int count = metadataPieceCount(totalSize);
    if (piece < 0 || piece >= count)
        return -1;
    if (piece < count - 1)
        return kMetadataPieceSize;
    return int(totalSize - qint64(count - 1) * kMetadataPieceSize);
}

namespace {

QByteArray header(int type, int piece)
{
    Dict d;
    d["msg_type"] = Value(type);
    d["piece"] = Value(piece);
    return bencode::encode(Value(std::move(d)));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = QStringLiteral("ut_metadata: %1").arg(message);
    return false;
}

} // namespace

QByteArray encodeMetadataRequest(int piece) { return header(0, piece); }

QByteArray encodeMetadataReject(int piece) { return header(2, piece); }

QByteArray encodeMetadataData(int piece, qint64 totalSize, const QByteArray &data)
{
    Dict d;
    d["msg_type"] = Value(1);
    d["piece"] = Value(piece);
    d["total_size"] = Value(totalSize);
    return bencode::encode(Value(std::move(d))) + data;
}

QByteArray encodeMetadataMessage(const MetadataMessage &m)
{
    switch (m.type) {
    case MetadataMessage::Type::Request:
        return encodeMetadataRequest(m.piece);
    case MetadataMessage::Type::Reject:
        return encodeMetadataReject(m.piece);
    case MetadataMessage::Type::Data:
        return encodeMetadataData(m.piece, m.totalSize, m.data);
    case MetadataMessage::Type::Unknown:
        break;
    }
    Dict d;
    d["msg_type"] = Value(m.unknownType);
    return bencode::encode(Value(std::move(d)));
}

std::optional<MetadataMessage> decodeMetadataMessage(const QByteArray &payload, QString *error)
{
    bencode::Limits limits;
    limits.maxInputSize = 1024 * 1024;
    limits.maxItems = 1024;
    limits.maxDepth = 8;
    bencode::DecodeError decodeError;
    qsizetype end = 0;
    const std::optional<Value> root = bencode::decodePrefix(payload, end, &decodeError, limits);
    if (!root) {
        fail(error, QStringLiteral("not bencode: %1").arg(decodeError.toString()));
        return std::nullopt;
    }
    if (!root->isDict()) {
        fail(error, QStringLiteral("not a dictionary"));
        return std::nullopt;
    }
    const bencode::Integer *type = root->findInteger("msg_type");
    if (!type) {
        fail(error, QStringLiteral("no integer \"msg_type\""));
        return std::nullopt;
    }
    const qsizetype trailing = payload.size() - end;
    MetadataMessage m;
    if (*type < 0 || *type > 2) {
        m.type = MetadataMessage::Type::Unknown;
        m.unknownType = *type;
        return m;
    }
    m.type = static_cast<MetadataMessage::Type>(*type);
    const bencode::Integer *piece = root->findInteger("piece");
    if (!piece) {
        fail(error, QStringLiteral("no integer \"piece\""));
        return std::nullopt;
    }
    if (*piece < 0 || *piece >= kMaxMetadataPieces) {
        fail(error, QStringLiteral("piece %1 is outside 0..%2").arg(*piece).arg(kMaxMetadataPieces - 1));
        return std::nullopt;
    }
    m.piece = int(*piece);
    if (m.type != MetadataMessage::Type::Data) {
        if (trailing != 0) {
            fail(error, QStringLiteral("%1 unexpected bytes after a %2")
                            .arg(trailing)
                            .arg(QLatin1String(m.type == MetadataMessage::Type::Request ? "request" : "reject")));
            return std::nullopt;
        }
        return m;
    }
    const bencode::Integer *total = root->findInteger("total_size");
    if (!total) {
        fail(error, QStringLiteral("data without an integer \"total_size\""));
        return std::nullopt;
    }
    if (*total < 1 || *total > kMaxMetadataSize) {
        fail(error, QStringLiteral("total_size %1 is outside 1..%2").arg(*total).arg(kMaxMetadataSize));
        return std::nullopt;
    }
    m.totalSize = *total;
    const int expected = metadataPieceLength(m.totalSize, m.piece);
    if (expected < 0) {
        fail(error, QStringLiteral("piece %1 is beyond the %2 pieces of %3 bytes")
                        .arg(m.piece)
                        .arg(metadataPieceCount(m.totalSize))
                        .arg(m.totalSize));
        return std::nullopt;
    }
    if (trailing != expected) {
        fail(error, QStringLiteral("piece %1 carries %2 bytes, expected %3").arg(m.piece).arg(trailing).arg(expected));
        return std::nullopt;
    }
    m.data = payload.sliced(end);
    return m;
}

// ---- MetadataSource ----

MetadataSource::MetadataSource(QByteArray infoBytes)
{
    if (metadataPieceCount(infoBytes.size()) > 0)
        m_info = std::move(infoBytes);
}

QByteArray MetadataSource::piece(int index) const
{
    const int length = metadataPieceLength(m_info.size(), index);
    if (length < 0)
        return {};
    return m_info.sliced(qsizetype(index) * kMetadataPieceSize, length);
}

QByteArray MetadataSource::replyTo(int index) const
{
    const QByteArray bytes = piece(index);
    if (bytes.isEmpty())
        return encodeMetadataReject(index);
    return encodeMetadataData(index, m_info.size(), bytes);
}

} // namespace swarmscope::wire::ext
