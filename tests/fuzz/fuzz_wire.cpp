// Fuzz target: the peer wire decoder and handshake parser must never crash; every message the
// decoder returns must re-encode to exactly the bytes it was read from and respect the limits;
// feeding the stream in small chunks must give the same messages and the same error as feeding
// it whole; errors must say what was wrong.
//
// Input: byte 0 picks the piece count (255: unknown), byte 1 the chunk size, the rest is the
// stream.
#include "fuzz_check.h"
#include "wire/handshake.h"
#include "wire/messagecodec.h"

#include <QList>

#include <cstdint>

using namespace swarmscope::wire;

namespace {

struct Result {
    QList<Message> messages;
    QString error;
};

Result decode(const QByteArray &stream, int pieceCount, qsizetype chunk)
{
    MessageDecoder d;
    d.setPieceCount(pieceCount);
    Result r;
    qsizetype pos = 0;
    quint64 consumed = 0;
    while (true) {
        Message m;
        MessageDecoder::Status s;
        while ((s = d.next(&m)) == MessageDecoder::Status::Message) {
            // The bytes this message came from: it must encode back to them exactly.
            const QByteArray source = stream.mid(qsizetype(consumed), qsizetype(d.bytesConsumed() - consumed));
            consumed = d.bytesConsumed();
            if (m.type == MessageType::Unknown) {
                FUZZ_CHECK(!isKnownId(m.unknownId));
                FUZZ_CHECK(source.size() == 5 + qsizetype(m.length));
                FUZZ_CHECK(quint8(source[4]) == m.unknownId);
            } else {
                FUZZ_CHECK(encode(m) == source);
            }
            const bool blockRef = m.type == MessageType::Request || m.type == MessageType::Cancel
                || m.type == MessageType::Reject;
            if (blockRef)
                FUZZ_CHECK(m.length >= 1 && m.length <= d.limits().maxBlockLength);
            if (m.type == MessageType::Piece)
                FUZZ_CHECK(!m.payload.isEmpty() && m.payload.size() <= qsizetype(d.limits().maxBlockLength));
            if (pieceCount >= 0 && m.type == MessageType::Bitfield)
                FUZZ_CHECK(m.payload.size() <= (pieceCount + 7) / 8);
            if (pieceCount >= 0 && (blockRef || m.type == MessageType::Have || m.type == MessageType::Piece))
                FUZZ_CHECK(m.index < quint32(pieceCount));
            r.messages << m;
        }
        if (s == MessageDecoder::Status::Error) {
            r.error = d.errorString();
            FUZZ_CHECK(!r.error.isEmpty());
            FUZZ_CHECK(d.bufferedBytes() == 0);
            FUZZ_CHECK(d.next(&m) == MessageDecoder::Status::Error);
            return r;
        }
        // Pulled until NeedMore: at most one incomplete message of the largest allowed size.
        FUZZ_CHECK(d.bufferedBytes() < 4 + 1024 * 1024);
        if (pos >= stream.size())
            break;
        const qsizetype n = qMin(chunk, stream.size() - pos);
        d.feed(stream.mid(pos, n));
        pos += n;
    }
    FUZZ_CHECK(d.bytesConsumed() + quint64(d.bufferedBytes()) == quint64(stream.size()));
    return r;
}

void checkHandshake(const QByteArray &stream)
{
    HandshakeParser whole;
    const qsizetype taken = whole.feed(stream);
    FUZZ_CHECK(taken >= 0 && taken <= qMin<qsizetype>(stream.size(), kHandshakeSize));
    HandshakeParser bytewise;
    for (qsizetype i = 0; i < stream.size() && bytewise.status() == HandshakeParser::Status::NeedMore; ++i)
        bytewise.feed(stream.mid(i, 1));
    FUZZ_CHECK(whole.status() == bytewise.status());
    FUZZ_CHECK(whole.errorString() == bytewise.errorString());
    if (whole.status() == HandshakeParser::Status::Error) {
        FUZZ_CHECK(!whole.errorString().isEmpty());
        FUZZ_CHECK(taken <= 20); // judged within the protocol string
    }
    if (whole.status() == HandshakeParser::Status::Done) {
        FUZZ_CHECK(taken == kHandshakeSize);
        FUZZ_CHECK(encodeHandshake(whole.handshake()) == stream.first(kHandshakeSize));
        // What follows a handshake is the message stream, as on a real connection.
        const QByteArray rest = stream.sliced(kHandshakeSize);
        const Result a = decode(rest, -1, qMax<qsizetype>(rest.size(), 1));
        const Result b = decode(rest, -1, 3);
        FUZZ_CHECK(a.messages == b.messages && a.error == b.error);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const int pieceCount = data[0] == 255 ? -1 : data[0];
    const qsizetype chunk = data[1] % 32 + 1;
    const QByteArray stream(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));

    const Result whole = decode(stream, pieceCount, qMax<qsizetype>(stream.size(), 1));
    const Result chunked = decode(stream, pieceCount, chunk);
    FUZZ_CHECK(whole.messages == chunked.messages);
    FUZZ_CHECK(whole.error == chunked.error);

    checkHandshake(stream);
    return 0;
}
