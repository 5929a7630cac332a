// Handshake: exact bytes, incremental parsing, early rejection, reserved bits.
#include "wire/handshake.h"

#include <QTest>

using namespace swarmscope::wire;
using swarmscope::metainfo::InfoHash;

namespace {

QByteArray hashBytes()
{
    QByteArray b;
    for (int i = 0; i < 20; ++i)
        b += static_cast<char>(0xa0 + i);
    return b;
}

// Written out by hand from BEP 3, not produced by the encoder.
QByteArray expectedHandshake()
{
    return QByteArray("\x13" "BitTorrent protocol", 20) + QByteArray("\x00\x00\x00\x00\x00\x10\x00\x05", 8)
        + hashBytes() + QByteArray("-SW0100-abcdefghijkl");
}

Handshake sample()
{
    Handshake h;
    h.reserved.setExtensionProtocol(true);
    h.reserved.setFastExtension(true);
    h.reserved.setDht(true);
    h.infoHash = InfoHash::fromBytes(hashBytes());
    h.peerId = "-SW0100-abcdefghijkl";
    return h;
}

} // namespace

class TestHandshake : public QObject {
    Q_OBJECT
private slots:
    void encodesExactBytes();
    void encodeRefusesBadFields();
    void parsesWholeAndLeavesTheRest();
    void parsesOneByteAtATime();
    void rejectsBadProtocolAtOnce_data();
    void rejectsBadProtocolAtOnce();
    void reservedBits_data();
    void reservedBits();
    void reservedSettersTouchOnlyTheirBit();
};

void TestHandshake::encodesExactBytes()
{
    const QByteArray bytes = encodeHandshake(sample());
    QCOMPARE(bytes.size(), kHandshakeSize);
    QCOMPARE(bytes, expectedHandshake());
}

void TestHandshake::encodeRefusesBadFields()
{
    Handshake h = sample();
    h.peerId = "short";
    QVERIFY(encodeHandshake(h).isEmpty());
    h = sample();
    h.infoHash = InfoHash();
    QVERIFY(encodeHandshake(h).isEmpty());
}

void TestHandshake::parsesWholeAndLeavesTheRest()
{
    const QByteArray extra("\x00\x00\x00\x01\x02", 5); // an interested message right behind it
    HandshakeParser p;
    QCOMPARE(p.feed(expectedHandshake() + extra), qsizetype(kHandshakeSize));
    QCOMPARE(p.status(), HandshakeParser::Status::Done);
    QCOMPARE(p.handshake().infoHash, InfoHash::fromBytes(hashBytes()));
    QCOMPARE(p.handshake().peerId, QByteArray("-SW0100-abcdefghijkl"));
    QCOMPARE(p.handshake().reserved, sample().reserved);
    QCOMPARE(p.feed(extra), qsizetype(0)); // done: nothing more is taken
    QVERIFY(p.errorString().isEmpty());
}

void TestHandshake::parsesOneByteAtATime()
{
    const QByteArray bytes = expectedHandshake();
    HandshakeParser p;
    for (int i = 0; i < bytes.size(); ++i) {
        QCOMPARE(p.status(), HandshakeParser::Status::NeedMore);
        // The info-hash is known exactly once 48 bytes are in, before the peer id.
        QCOMPARE(p.hasInfoHash(), i >= 48);
        if (i == 48) {
            QCOMPARE(p.handshake().infoHash, InfoHash::fromBytes(hashBytes()));
            QVERIFY(p.handshake().reserved.fastExtension());
            QVERIFY(p.handshake().peerId.isEmpty());
        }
        QCOMPARE(p.feed(bytes.mid(i, 1)), qsizetype(1));
    }
    QCOMPARE(p.status(), HandshakeParser::Status::Done);
    QCOMPARE(p.handshake().peerId, QByteArray("-SW0100-abcdefghijkl"));
}

void TestHandshake::rejectsBadProtocolAtOnce_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("failsAfter"); // bytes fed when the error shows
    QTest::addColumn<QString>("error");
    const QString lengthError = QStringLiteral(
        "handshake protocol length %1, expected 19 (not a BitTorrent peer, or an encrypted stream)");
    QTest::newRow("pstrlen 0") << QByteArray(68, '\0') << 1 << lengthError.arg(0);
    QTest::newRow("pstrlen 20") << (QByteArray("\x14") + QByteArray(67, 'x')) << 1 << lengthError.arg(20);
    QTest::newRow("http") << QByteArray("GET /announce HTTP/1.1\r\n") << 1 << lengthError.arg(int('G'));
    QTest::newRow("lower case")
        << QByteArray("\x13" "bitTorrent protocol") << 2
        << QStringLiteral("handshake protocol string differs from \"BitTorrent protocol\" at byte 1");
    QTest::newRow("last letter")
        << QByteArray("\x13" "BitTorrent protocoX") << 20
        << QStringLiteral("handshake protocol string differs from \"BitTorrent protocol\" at byte 19");
}

void TestHandshake::rejectsBadProtocolAtOnce()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, failsAfter);
    QFETCH(QString, error);
    // Byte by byte: the error must show at the first wrong byte, not after 68.
    HandshakeParser p;
    for (int i = 0; i < failsAfter - 1; ++i) {
        p.feed(bytes.mid(i, 1));
        QCOMPARE(p.status(), HandshakeParser::Status::NeedMore);
    }
    p.feed(bytes.mid(failsAfter - 1, 1));
    QCOMPARE(p.status(), HandshakeParser::Status::Error);
    QCOMPARE(p.errorString(), error);
    QCOMPARE(p.feed(bytes), qsizetype(0));
    // All at once gives the same error.
    HandshakeParser whole;
    QCOMPARE(whole.feed(bytes), qsizetype(failsAfter)); // up to the wrong byte, no further
    QCOMPARE(whole.status(), HandshakeParser::Status::Error);
    QCOMPARE(whole.errorString(), error);
    QVERIFY(!whole.hasInfoHash());
}

void TestHandshake::reservedBits_data()
{
    QTest::addColumn<QByteArray>("reserved");
    QTest::addColumn<bool>("extension");
    QTest::addColumn<bool>("fast");
    QTest::addColumn<bool>("dht");
    QTest::newRow("none") << QByteArray(8, '\0') << false << false << false;
    QTest::newRow("libtorrent") << QByteArray("\x00\x00\x00\x00\x00\x10\x00\x05", 8) << true << true << true;
    QTest::newRow("extension only") << QByteArray("\x00\x00\x00\x00\x00\x10\x00\x00", 8) << true << false << false;
    QTest::newRow("dht only") << QByteArray("\x00\x00\x00\x00\x00\x00\x00\x01", 8) << false << false << true;
    QTest::newRow("fast only") << QByteArray("\x00\x00\x00\x00\x00\x00\x00\x04", 8) << false << true << false;
    // Neighbouring bits must not be mistaken for ours.
    QTest::newRow("other bits") << QByteArray("\xff\xff\xff\xff\xff\xef\xff\xfa", 8) << false << false << false;
}

void TestHandshake::reservedBits()
{
    QFETCH(QByteArray, reserved);
    QFETCH(bool, extension);
    QFETCH(bool, fast);
    QFETCH(bool, dht);
    const QByteArray bytes = QByteArray("\x13" "BitTorrent protocol", 20) + reserved + hashBytes()
        + QByteArray("-qB4650-012345678901");
    HandshakeParser p;
    QCOMPARE(p.feed(bytes), qsizetype(68));
    QCOMPARE(p.status(), HandshakeParser::Status::Done);
    const ReservedBits &r = p.handshake().reserved;
    QCOMPARE(r.extensionProtocol(), extension);
    QCOMPARE(r.fastExtension(), fast);
    QCOMPARE(r.dht(), dht);
    // And they survive a round trip.
    QCOMPARE(encodeHandshake(p.handshake()), bytes);
}

void TestHandshake::reservedSettersTouchOnlyTheirBit()
{
    ReservedBits r;
    r.bytes.fill(0xff);
    r.setExtensionProtocol(false);
    r.setFastExtension(false);
    r.setDht(false);
    const std::array<quint8, 8> cleared{0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff, 0xfa};
    QCOMPARE(r.bytes, cleared);
    r.setDht(true);
    QVERIFY(r.dht() && !r.fastExtension() && !r.extensionProtocol());
    QCOMPARE(r.bytes[7], quint8(0xfb));
}

QTEST_GUILESS_MAIN(TestHandshake)
#include "tst_handshake.moc"
