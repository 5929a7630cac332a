// BEP 9 ut_metadata messages: the info dictionary travels in 16 KiB pieces, each message a
// bencoded dictionary {msg_type, piece[, total_size]}; a data message has the piece's raw
// bytes right after the dictionary.
//
// The decoder checks everything that can be checked without knowing what we asked for: a data
// message's piece index must lie inside its total_size and its bytes must be exactly that
// piece's length; total_size is capped at 30 MiB. Unknown msg_type values are not errors
// (BEP 9: ignore them); they decode as Unknown.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace swarmscope::wire::ext {

constexpr int kMetadataPieceSize = 16 * 1024;
constexpr qint64 kMaxMetadataSize = 30 * 1024 * 1024;
constexpr int kMaxMetadataPieces = int(kMaxMetadataSize / kMetadataPieceSize);

// Pieces of metadata of `totalSize` bytes; 0 when the size is out of 1..kMaxMetadataSize.
int metadataPieceCount(qint64 totalSize);
// Length of piece `piece`: 16 KiB except the last; -1 when the piece or size is out of range.
int metadataPieceLength(qint64 totalSize, int piece);

struct MetadataMessage {
    enum class Type { Request = 0, Data = 1, Reject = 2, Unknown = -1 };

    Type type = Type::Request;
    int piece = 0;
    qint64 totalSize = 0; // data only
    QByteArray data;      // data only: the piece's bytes
    qint64 unknownType = 0; // Unknown: the msg_type as received

    static MetadataMessage request(int piece) { return {Type::Request, piece, 0, {}, 0}; }
    static MetadataMessage reject(int piece) { return {Type::Reject, piece, 0, {}, 0}; }
    static MetadataMessage dataPiece(int piece, qint64 totalSize, const QByteArray &data)
    {
        return {Type::Data, piece, totalSize, data, 0};
    }

    friend bool operator==(const MetadataMessage &, const MetadataMessage &) = default;
};

// Exact payload bytes (what follows the extended id byte).
QByteArray encodeMetadataRequest(int piece);
QByteArray encodeMetadataReject(int piece);
QByteArray encodeMetadataData(int piece, qint64 totalSize, const QByteArray &data);
QByteArray encodeMetadataMessage(const MetadataMessage &message); // Unknown: {msg_type} only

std::optional<MetadataMessage> decodeMetadataMessage(const QByteArray &payload, QString *error = nullptr);

// The serving side: our info dictionary, cut into pieces for peers that ask.
class MetadataSource {
public:
    MetadataSource() = default;
    // Bytes larger than kMaxMetadataSize, or empty, give a source that rejects every request.
    explicit MetadataSource(QByteArray infoBytes);

    bool isValid() const { return pieceCount() > 0; }
    qint64 size() const { return m_info.size(); }
    int pieceCount() const { return metadataPieceCount(m_info.size()); }
    // The piece's bytes; empty when out of range.
    QByteArray piece(int index) const;
    // The payload answering a request: data for a piece we have, reject otherwise.
    QByteArray replyTo(int piece) const;

private:
    QByteArray m_info;
};

} // namespace swarmscope::wire::ext
