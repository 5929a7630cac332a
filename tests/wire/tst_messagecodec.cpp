// Wire messages: exact bytes from the BEPs, incremental decoding under any split, every limit.
#include "wire/messagecodec.h"

#include <QElapsedTimer>
#include <QTest>

#include <cstring>

using namespace swarmscope::wire;

Q_DECLARE_METATYPE(swarmscope::wire::Message)

namespace {

QByteArray bytes(const char *data, qsizetype size) { return QByteArray(data, size); }

struct Decoded {
    QList<Message> messages;
    QString error;
};

// Feeds `stream` in pieces of the given sizes (the last one repeats), pulling after each feed.
Decoded decodeChunked(const QByteArray &stream, const QList<qsizetype> &sizes, int pieceCount = -1,
                      const DecoderLimits &limits = {})
{
    MessageDecoder d(limits);
    d.setPieceCount(pieceCount);
    Decoded out;
    qsizetype pos = 0;
    int chunk = 0;
    while (true) {
        Message m;
        MessageDecoder::Status s;
        while ((s = d.next(&m)) == MessageDecoder::Status::Message)
            out.messages << m;
        if (s == MessageDecoder::Status::Error) {
            out.error = d.errorString();
            break;
        }
        if (pos >= stream.size())
            break;
        const qsizetype n = qMin(sizes[qMin<qsizetype>(chunk++, sizes.size() - 1)], stream.size() - pos);
        d.feed(stream.mid(pos, n));
        pos += n;
    }
    return out;
}

Decoded decodeWhole(const QByteArray &stream, int pieceCount = -1, const DecoderLimits &limits = {})
{
    return decodeChunked(stream, {qMax<qsizetype>(stream.size(), 1)}, pieceCount, limits);
}

Message unknownMessage(quint8 id, quint32 length)
{
    Message m = Message::simple(MessageType::Unknown);
    m.unknownId = id;
    m.length = length;
    return m;
}

// Every message type once, as hand-written bytes from BEP 3, 5, 6 and 10.
struct Sample {
    const char *name;
    QByteArray encoded;  // from the encoder function for this message
    QByteArray expected; // written by hand
    Message message;
};

QList<Sample> samples()
{
    const QByteArray ext("d1:md11:ut_metadatai3eee");
    return {
        {"keep-alive", encodeKeepAlive(), bytes("\0\0\0\0", 4), Message::keepAlive()},
        {"choke", encodeChoke(), bytes("\0\0\0\x01\x00", 5), Message::simple(MessageType::Choke)},
        {"unchoke", encodeUnchoke(), bytes("\0\0\0\x01\x01", 5), Message::simple(MessageType::Unchoke)},
        {"interested", encodeInterested(), bytes("\0\0\0\x01\x02", 5), Message::simple(MessageType::Interested)},
        {"not interested", encodeNotInterested(), bytes("\0\0\0\x01\x03", 5),
         Message::simple(MessageType::NotInterested)},
        {"have", encodeHave(0x01020304), bytes("\0\0\0\x05\x04\x01\x02\x03\x04", 9), Message::have(0x01020304)},
        {"bitfield", encodeBitfield(bytes("\xff\x80", 2)), bytes("\0\0\0\x03\x05\xff\x80", 7),
         Message::bitfield(bytes("\xff\x80", 2))},
        {"request", encodeRequest(1, 0x4000, 0x4000),
         bytes("\0\0\0\x0d\x06\0\0\0\x01\0\0\x40\0\0\0\x40\0", 17), Message::request(1, 0x4000, 0x4000)},
        {"piece", encodePiece(2, 0x8000, "abc"), bytes("\0\0\0\x0c\x07\0\0\0\x02\0\0\x80\0abc", 16),
         Message::piece(2, 0x8000, "abc")},
        {"cancel", encodeCancel(1, 0, 0x4000), bytes("\0\0\0\x0d\x08\0\0\0\x01\0\0\0\0\0\0\x40\0", 17),
         Message::cancel(1, 0, 0x4000)},
        {"port", encodePort(6881), bytes("\0\0\0\x03\x09\x1a\xe1", 7), Message::portMessage(6881)},
        {"suggest", encodeSuggest(7), bytes("\0\0\0\x05\x0d\0\0\0\x07", 9), Message::suggest(7)},
        {"have all", encodeHaveAll(), bytes("\0\0\0\x01\x0e", 5), Message::simple(MessageType::HaveAll)},
        {"have none", encodeHaveNone(), bytes("\0\0\0\x01\x0f", 5), Message::simple(MessageType::HaveNone)},
        {"reject", encodeReject(3, 0x4000, 0x400), bytes("\0\0\0\x0d\x10\0\0\0\x03\0\0\x40\0\0\0\x04\0", 17),
         Message::reject(3, 0x4000, 0x400)},
        {"allowed fast", encodeAllowedFast(9), bytes("\0\0\0\x05\x11\0\0\0\x09", 9), Message::allowedFast(9)},
        {"extended", encodeExtended(0, ext), bytes("\0\0\0\x1a\x14\x00", 6) + ext, Message::extended(0, ext)},
        {"extended 3 empty", encodeExtended(3, {}), bytes("\0\0\0\x02\x14\x03", 6), Message::extended(3, {})},
    };
}

// All samples back to back, with an unknown id (42, 3 payload bytes) in the middle.
QByteArray allStream(QList<Message> *messages)
{
    QByteArray stream;
    const auto all = samples();
    for (int i = 0; i < all.size(); ++i) {
        stream += all[i].expected;
        *messages << all[i].message;
        if (i == all.size() / 2) {
            stream += bytes("\0\0\0\x04\x2a\x01\x02\x03", 8);
            *messages << unknownMessage(42, 3);
        }
    }
    return stream;
}

} // namespace

class TestMessageCodec : public QObject {
    Q_OBJECT
private slots:
    void exactBytes_data();
    void exactBytes();
    void pieceHeaderThenBlock();
    void splitAtEveryBoundary();
    void oneByteAtATime();
    void coalescedStreams();
    void keepAlives();
    void unknownIdIsSkippedWithoutBuffering();
    void errors_data();
    void errors();
    void errorStopsForGood();
    void limitIsCheckedBeforeTheBody();
    void indexUncheckedWhilePieceCountUnknown();
    void limitsAreConfigurable();
    void bufferStaysBounded();
    void manySmallMessagesDecodeInLinearTime();
    void ownBufferFeedsAtEveryBoundary();
    void borrowedPiecesPointIntoTheBuffer();
};

void TestMessageCodec::exactBytes_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<Message>("message");
    for (const Sample &s : samples())
        QTest::newRow(s.name) << s.encoded << s.expected << s.message;
}

void TestMessageCodec::exactBytes()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, expected);
    QFETCH(Message, message);
    QCOMPARE(encoded.toHex(' '), expected.toHex(' '));
    QCOMPARE(encode(message).toHex(' '), expected.toHex(' '));
    const Decoded d = decodeWhole(expected);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.messages.size(), 1);
    QCOMPARE(d.messages.first(), message);
}

void TestMessageCodec::pieceHeaderThenBlock()
{
    const QByteArray block(16384, 'z');
    const QByteArray header = encodePieceHeader(5, 32768, quint32(block.size()));
    QCOMPARE(header.toHex(' '), bytes("\0\0\x40\x09\x07\0\0\0\x05\0\0\x80\0", 13).toHex(' '));
    QCOMPARE(header + block, encodePiece(5, 32768, block));
    const Decoded d = decodeChunked(header + block, {7, 4096});
    QCOMPARE(d.messages.size(), 1);
    QCOMPARE(d.messages.first(), Message::piece(5, 32768, block));
}

void TestMessageCodec::splitAtEveryBoundary()
{
    QList<Message> expected;
    const QByteArray stream = allStream(&expected);
    QCOMPARE(decodeWhole(stream).messages, expected);
    for (qsizetype cut = 1; cut < stream.size(); ++cut) {
        const Decoded d = decodeChunked(stream, {cut, stream.size()});
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QVERIFY2(d.messages == expected, qPrintable(QStringLiteral("split at %1").arg(cut)));
    }
}

void TestMessageCodec::oneByteAtATime()
{
    QList<Message> expected;
    const QByteArray stream = allStream(&expected);
    MessageDecoder d;
    QList<Message> got;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        d.feed(stream.mid(i, 1));
        Message m;
        while (d.next(&m) == MessageDecoder::Status::Message)
            got << m;
        QVERIFY(!d.hasError());
        QCOMPARE(d.bytesConsumed() + quint64(d.bufferedBytes()) <= quint64(i + 1), true);
    }
    QCOMPARE(got, expected);
    QCOMPARE(d.bytesConsumed(), quint64(stream.size()));
    QCOMPARE(d.bufferedBytes(), qsizetype(0));
}

void TestMessageCodec::coalescedStreams()
{
    QList<Message> once;
    const QByteArray stream = allStream(&once);
    const QByteArray triple = stream + stream + stream;
    const QList<Message> expected = once + once + once;
    for (qsizetype size : {qsizetype(2), qsizetype(3), qsizetype(7), qsizetype(13), qsizetype(64), stream.size() + 5}) {
        const Decoded d = decodeChunked(triple, {size});
        QVERIFY2(d.messages == expected, qPrintable(QStringLiteral("chunks of %1").arg(size)));
    }
    // Uneven chunks too.
    QCOMPARE(decodeChunked(triple, {1, 100, 3, 250, 9, 31}).messages, expected);
}

void TestMessageCodec::keepAlives()
{
    const QByteArray stream = bytes("\0\0\0\0\0\0\0\0\0\0\0\x01\x02\0\0\0\0", 17);
    const Decoded d = decodeChunked(stream, {3});
    const QList<Message> expected{Message::keepAlive(), Message::keepAlive(),
                                  Message::simple(MessageType::Interested), Message::keepAlive()};
    QCOMPARE(d.messages, expected);
}

void TestMessageCodec::unknownIdIsSkippedWithoutBuffering()
{
    // Id 99 with 3000 payload bytes between a have and a choke.
    const QByteArray stream = encodeHave(1) + bytes("\0\0\x0b\xb9\x63", 5) + QByteArray(3000, 'u') + encodeChoke();
    MessageDecoder d;
    QList<Message> got;
    for (qsizetype pos = 0; pos < stream.size(); pos += 100) {
        d.feed(stream.mid(pos, 100));
        Message m;
        while (d.next(&m) == MessageDecoder::Status::Message)
            got << m;
        QVERIFY(d.bufferedBytes() < 100); // the skipped body is dropped as it arrives
    }
    const QList<Message> expected{Message::have(1), unknownMessage(99, 3000), Message::simple(MessageType::Choke)};
    QCOMPARE(got, expected);
    QVERIFY(!d.hasError());
}

void TestMessageCodec::errors_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("pieceCount");
    QTest::addColumn<int>("messagesBefore");
    QTest::addColumn<QString>("error");
    auto row = [](const char *tag, const QByteArray &stream, int pieceCount, int before, const char *error) {
        QTest::newRow(tag) << stream << pieceCount << before << QString::fromLatin1(error);
    };
    // Length prefixes: checked with only the header in hand.
    row("piece length 2^32-1", bytes("\xff\xff\xff\xff\x07", 5), -1, 0,
        "message length 4294967295 exceeds limit 16393 for piece");
    row("piece block 16385", bytes("\0\0\x40\x0a\x07", 5), -1, 0, "message length 16394 exceeds limit 16393 for piece");
    row("piece block empty", bytes("\0\0\0\x09\x07\0\0\0\0\0\0\0\0", 13), -1, 0,
        "message length 9 is below minimum 10 for piece");
    row("piece header cut", bytes("\0\0\0\x05\x07\0\0\0\0", 9), -1, 0, "message length 5 is below minimum 10 for piece");
    row("have too long", bytes("\0\0\0\x06\x04\0\0\0\0\0", 10), -1, 0,
        "message length 6 does not match the fixed length 5 for have");
    row("choke with payload", bytes("\0\0\0\x02\x00\x00", 6), -1, 0,
        "message length 2 does not match the fixed length 1 for choke");
    row("request short", bytes("\0\0\0\x0c\x06", 5), -1, 0,
        "message length 12 does not match the fixed length 13 for request");
    row("port short", bytes("\0\0\0\x02\x09\x1a", 6), -1, 0, "message length 2 does not match the fixed length 3 for port");
    row("have all with payload", bytes("\0\0\0\x02\x0e\x00", 6), -1, 0,
        "message length 2 does not match the fixed length 1 for have all");
    row("allowed fast long", bytes("\0\0\0\x09\x11", 5), -1, 0,
        "message length 9 does not match the fixed length 5 for allowed fast");
    row("bitfield over piece count", bytes("\0\0\0\x04\x05\xff\xc0\x00", 8), 10, 0,
        "message length 4 exceeds limit 3 for bitfield");
    row("bitfield over max pieces", bytes("\0\x04\0\x02\x05", 5), -1, 0,
        "message length 262146 exceeds limit 262145 for bitfield");
    row("extended without id", bytes("\0\0\0\x01\x14", 5), -1, 0, "message length 1 is below minimum 2 for extended");
    row("extended over 1 MiB", bytes("\0\x10\0\x01\x14", 5), -1, 0,
        "message length 1048577 exceeds limit 1048576 for extended");
    row("unknown id over limit", bytes("\0\x20\0\0\x63", 5), -1, 0,
        "message length 2097152 exceeds limit 1048576 for unknown message id 99");
    // Field values: checked once the (small) message is in.
    row("request length 32768", encodeRequest(0, 0, 32768), -1, 0, "request length 32768 exceeds 16384");
    row("request length 0", encodeRequest(0, 0, 0), -1, 0, "request length is zero");
    row("cancel length 16385", encodeCancel(0, 0, 16385), -1, 0, "cancel length 16385 exceeds 16384");
    row("reject length 0", encodeReject(0, 0, 0), -1, 0, "reject length is zero");
    row("have index", encodeHave(10), 10, 0, "have index 10 out of range (piece count 10)");
    row("request index", encodeRequest(10, 0, 16384), 10, 0, "request index 10 out of range (piece count 10)");
    row("piece index", encodePiece(12, 0, "x"), 10, 0, "piece index 12 out of range (piece count 10)");
    row("cancel index", encodeCancel(4294967295u, 0, 1), 10, 0,
        "cancel index 4294967295 out of range (piece count 10)");
    row("suggest index", encodeSuggest(10), 10, 0, "suggest index 10 out of range (piece count 10)");
    row("reject index", encodeReject(11, 0, 1), 10, 0, "reject index 11 out of range (piece count 10)");
    row("allowed fast index", encodeAllowedFast(10), 10, 0, "allowed fast index 10 out of range (piece count 10)");
    row("have with no pieces", encodeHave(0), 0, 0, "have index 0 out of range (piece count 0)");
    // Good messages before a bad one still come out, in order.
    row("after good ones", encodeUnchoke() + encodeHave(9) + encodeHave(10), 10, 2,
        "have index 10 out of range (piece count 10)");
}

void TestMessageCodec::errors()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, pieceCount);
    QFETCH(int, messagesBefore);
    QFETCH(QString, error);
    const Decoded whole = decodeWhole(stream, pieceCount);
    QCOMPARE(whole.error, error);
    QCOMPARE(whole.messages.size(), messagesBefore);
    const Decoded bytewise = decodeChunked(stream, {1}, pieceCount);
    QCOMPARE(bytewise.error, error);
    QCOMPARE(bytewise.messages, whole.messages);
}

void TestMessageCodec::errorStopsForGood()
{
    MessageDecoder d;
    d.feed(encodeRequest(0, 0, 32768) + encodeChoke());
    Message m;
    QCOMPARE(d.next(&m), MessageDecoder::Status::Error);
    QCOMPARE(d.bufferedBytes(), qsizetype(0)); // nothing kept after the stream broke
    d.feed(encodeChoke());
    QCOMPARE(d.bufferedBytes(), qsizetype(0));
    QCOMPARE(d.next(&m), MessageDecoder::Status::Error);
    QCOMPARE(d.errorString(), QStringLiteral("request length 32768 exceeds 16384"));
}

void TestMessageCodec::limitIsCheckedBeforeTheBody()
{
    MessageDecoder d;
    d.feed(bytes("\0\x10\0\x01", 4)); // length only: cannot judge yet
    Message m;
    QCOMPARE(d.next(&m), MessageDecoder::Status::NeedMore);
    d.feed(bytes("\x14", 1)); // the id: an extended message 1 byte over the limit
    QCOMPARE(d.next(&m), MessageDecoder::Status::Error);
    QCOMPARE(d.errorString(), QStringLiteral("message length 1048577 exceeds limit 1048576 for extended"));

    // An acceptable header waits for its body.
    MessageDecoder ok;
    ok.feed(bytes("\0\0\x40\x09\x07\0\0", 7));
    QCOMPARE(ok.next(&m), MessageDecoder::Status::NeedMore);
    QVERIFY(!ok.hasError());
}

void TestMessageCodec::indexUncheckedWhilePieceCountUnknown()
{
    const QByteArray stream = encodeHave(5000) + encodeHave(3);
    QCOMPARE(decodeWhole(stream).messages, (QList<Message>{Message::have(5000), Message::have(3)}));
    // Once the metadata is in, the piece count applies to what follows.
    MessageDecoder d;
    d.feed(stream);
    Message m;
    QCOMPARE(d.next(&m), MessageDecoder::Status::Message);
    d.setPieceCount(4);
    QCOMPARE(d.next(&m), MessageDecoder::Status::Message);
    QCOMPARE(m, Message::have(3));
    d.feed(encodeHave(4));
    QCOMPARE(d.next(&m), MessageDecoder::Status::Error);
    QCOMPARE(d.errorString(), QStringLiteral("have index 4 out of range (piece count 4)"));
}

void TestMessageCodec::limitsAreConfigurable()
{
    DecoderLimits limits;
    limits.maxBlockLength = 32768;
    limits.maxExtendedLength = 100;
    limits.maxPieceCount = 16;
    const QByteArray block(32768, 'b');
    const Decoded ok = decodeWhole(encodeRequest(0, 0, 32768) + encodePiece(0, 0, block) + encodeBitfield("\xff\xff"),
                                   -1, limits);
    QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
    QCOMPARE(ok.messages.size(), 3);
    QCOMPARE(ok.messages[1].payload, block);
    QCOMPARE(decodeWhole(encodeBitfield(bytes("\xff\xff\x00", 3)), -1, limits).error,
             QStringLiteral("message length 4 exceeds limit 3 for bitfield"));
    QCOMPARE(decodeWhole(encodeExtended(1, QByteArray(99, 'e')), -1, limits).error,
             QStringLiteral("message length 101 exceeds limit 100 for extended"));
    QCOMPARE(decodeWhole(encodeRequest(0, 0, 32769), -1, limits).error,
             QStringLiteral("request length 32769 exceeds 32768"));
}

void TestMessageCodec::bufferStaysBounded()
{
    // Full-size pieces arriving in 4 KiB reads: after pulling, the decoder never holds more
    // than one incomplete message; right after a feed, at most that plus the feed.
    QByteArray stream;
    for (quint32 i = 0; i < 64; ++i)
        stream += encodePiece(i, 0, QByteArray(16384, char('a' + i % 26)));
    const qsizetype maxMessage = 4 + 9 + 16384;
    MessageDecoder d;
    int count = 0;
    for (qsizetype pos = 0; pos < stream.size(); pos += 4096) {
        const QByteArray chunk = stream.mid(pos, 4096);
        d.feed(chunk);
        QVERIFY(d.bufferedBytes() <= maxMessage + chunk.size());
        Message m;
        while (d.next(&m) == MessageDecoder::Status::Message) {
            QCOMPARE(m.payload.size(), qsizetype(16384));
            ++count;
        }
        QVERIFY(d.bufferedBytes() < maxMessage);
    }
    QCOMPARE(count, 64);
}

void TestMessageCodec::manySmallMessagesDecodeInLinearTime()
{
    // Small messages in one buffer. Copying the rest of the buffer per message would move
    // n^2 * 9 / 2 bytes: 720 GB for 400k messages, far beyond the bound below, where a read
    // offset moves nothing. (100k alone is too fast to tell apart on a quick machine.)
    for (const int n : {100'000, 400'000}) {
        QByteArray stream;
        stream.reserve(qsizetype(n) * 9);
        for (int i = 0; i < n; ++i)
            stream += encodeHave(quint32(i));
        QElapsedTimer timer;
        timer.start();
        MessageDecoder d;
        d.feed(stream);
        Message m;
        int count = 0;
        while (d.next(&m) == MessageDecoder::Status::Message) {
            if (m.index != quint32(count))
                QFAIL("out of order");
            ++count;
        }
        QCOMPARE(count, n);
        QCOMPARE(d.bytesConsumed(), quint64(stream.size()));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms for %2").arg(timer.elapsed()).arg(n)));

        // The same stream fed 7 bytes at a time (feeds and pulls interleaved) is linear as well.
        timer.restart();
        QCOMPARE(decodeChunked(stream, {7}).messages.size(), n);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms for %2").arg(timer.elapsed()).arg(n)));
    }
}

// The socket path: bytes written straight into the decoder's reusable buffer, split anywhere.
void TestMessageCodec::ownBufferFeedsAtEveryBoundary()
{
    QList<Message> expected;
    const QByteArray stream = allStream(&expected);
    for (qsizetype cut = 1; cut < stream.size(); cut += 7) {
        MessageDecoder d;
        QList<Message> got;
        for (qsizetype at = 0; at < stream.size(); at += cut) {
            const qsizetype n = std::min(cut, stream.size() - at);
            char *space = d.feedBuffer(n + 100); // more room than used: commitFeed trims it
            std::memcpy(space, stream.constData() + at, size_t(n));
            d.commitFeed(n);
            Message m;
            while (d.next(&m) == MessageDecoder::Status::Message)
                got << m;
            QVERIFY2(!d.hasError(), qPrintable(d.errorString()));
        }
        QVERIFY2(got == expected, qPrintable(QStringLiteral("chunks of %1").arg(cut)));
        QCOMPARE(d.bufferedBytes(), 0);
    }
}

void TestMessageCodec::borrowedPiecesPointIntoTheBuffer()
{
    const QByteArray block(16384, 'z');
    const QByteArray stream = encodePiece(3, 0, block) + encodeHave(1);
    MessageDecoder d;
    d.setBorrowPieceData(true);
    d.feed(stream.constData(), stream.size());
    Message m;
    QCOMPARE(d.next(&m), MessageDecoder::Status::Message);
    QCOMPARE(m.type, MessageType::Piece);
    QCOMPARE(m.payload, block);
    QVERIFY(!m.payload.isDetached()); // raw data: no copy was made
    // A QByteArray fed by value may be released after use: borrowing does not apply to it.
    MessageDecoder shared;
    shared.setBorrowPieceData(true);
    shared.feed(stream);
    QCOMPARE(shared.next(&m), MessageDecoder::Status::Message);
    QCOMPARE(m.payload, block);
    QVERIFY(m.payload.isDetached());
}

QTEST_GUILESS_MAIN(TestMessageCodec)
#include "tst_messagecodec.moc"
