// Incremental decoder for the peer wire message stream that follows the handshake.
//
// Use: feed() whatever the socket delivered (any split, any coalescing), then call next() until
// it says NeedMore. Every limit is checked as soon as a message's 5-byte header (length and id)
// is in, before its body is waited for, so a hostile length prefix never makes the decoder
// buffer anything: with that use, it holds at most one incomplete message of the allowed size
// plus the bytes of the last feed() call. Messages with ids we do not know are skipped as they
// stream past (BEP 3: ignore them) without being buffered, and reported as MessageType::Unknown.
// The first broken rule stops the decoder for good with a message saying what was wrong.
#pragma once

#include "wire/message.h"

#include <QByteArray>
#include <QString>

namespace swarmscope::wire {

struct DecoderLimits {
    quint32 maxBlockLength = 16 * 1024;      // piece block size, and request/cancel/reject length
    quint32 maxExtendedLength = 1024 * 1024; // length prefix of an extended message
    quint32 maxUnknownLength = 1024 * 1024;  // unknown ids: skipped, never buffered, still bounded
    int maxPieceCount = 1 << 21;             // bounds a bitfield while the piece count is unknown
};

class MessageDecoder {
public:
    enum class Status { Message, NeedMore, Error };

    explicit MessageDecoder(const DecoderLimits &limits = {});

    // Number of pieces of the torrent, once its metadata is known; -1 while it is not. Indices
    // of have, request, piece, cancel, suggest, reject and allowed fast must then be below it,
    // and a bitfield may not be longer than its wire size.
    void setPieceCount(int count) { m_pieceCount = count < 0 ? -1 : count; }
    int pieceCount() const { return m_pieceCount; }
    const DecoderLimits &limits() const { return m_limits; }

    // Appends bytes to the stream. Shares the caller's buffer when nothing is pending, so a
    // socket's read buffer is not copied. Ignored after an error.
    void feed(const QByteArray &bytes);
    // Copies `size` bytes into the decoder's own buffer, which is kept and reused: the way to
    // feed straight from a socket without an allocation per read.
    void feed(const char *data, qsizetype size);
    // Zero-copy feeding: space for up to `size` bytes at the end of the decoder's own buffer;
    // write into it, then commitFeed() with the count actually written.
    char *feedBuffer(qsizetype size);
    void commitFeed(qsizetype written);
    // With borrowing on (and bytes fed through the pointer overload), a piece message's payload
    // points into the decoder's buffer instead of
    // holding a copy: valid until the next feed(), so the caller must copy what it keeps.
    void setBorrowPieceData(bool borrow) { m_borrowPieces = borrow; }

    // Takes the next complete message into *out. Status::NeedMore: feed more bytes.
    // Status::Error: the stream broke a rule (errorString()); the decoder stays stopped.
    Status next(Message *out);

    bool hasError() const { return !m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }

    // Bytes held right now, including the unread rest of the last feed.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }
    // Stream bytes taken by the messages returned so far (with skipped unknown ones).
    quint64 bytesConsumed() const { return m_consumed; }

private:
    QString checkHeader(quint32 length, int id) const;
    QString checkFields(const Message &m) const;
    void parseBody(int id, const char *body, quint32 length, Message *out) const;
    Status fail(const QString &error);
    void advance(qsizetype n);

    DecoderLimits m_limits;
    int m_pieceCount = -1;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // read offset into m_buffer: consumed bytes are dropped lazily
    quint64 m_consumed = 0;
    // Skipping the body of a message with an unknown id.
    quint32 m_skipRemaining = 0;
    quint32 m_skipLength = 0;
    quint8 m_skipId = 0;
    bool m_skipping = false;
    bool m_borrowPieces = false;
    bool m_ownBuffer = false; // m_buffer is ours to reuse (fed through the pointer overload)
    qsizetype m_pendingFeedAt = -1; // feedBuffer() handed out space from here
    void makeRoom();
    QString m_error;
};

} // namespace swarmscope::wire
