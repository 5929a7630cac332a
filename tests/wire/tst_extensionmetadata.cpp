// BEP 9 ut_metadata messages: exact bytes from the BEP, piece arithmetic, every rejection, and
// the serving side cutting our info dictionary into pieces.
#include "wire/extension/utmetadata.h"

#include <QTest>

using namespace swarmscope::wire::ext;

Q_DECLARE_METATYPE(swarmscope::wire::ext::MetadataMessage)

namespace {

MetadataMessage decodeOk(const QByteArray &payload)
{
    QString error;
    const auto m = decodeMetadataMessage(payload, &error);
    if (!m) {
        QTest::qFail(qPrintable(QStringLiteral("unexpected rejection: %1").arg(error)), __FILE__, __LINE__);
        return {};
    }
    return *m;
}

QByteArray dataHeader(qint64 piece, qint64 total)
{
    return "d8:msg_typei1e5:piecei" + QByteArray::number(piece) + "e10:total_sizei" + QByteArray::number(total)
        + "ee";
}

// Bytes that differ from piece to piece, so a mix-up shows.
QByteArray pattern(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = static_cast<char>((i * 7 + i / 16384) & 0xff);
    return b;
}

} // namespace

class TestExtensionMetadata : public QObject {
    Q_OBJECT
private slots:
    void exactBytes_data();
    void exactBytes();
    void pieceArithmetic_data();
    void pieceArithmetic();
    void unknownTypesAreNotErrors();
    void extraKeysAreIgnored();
    void rejections_data();
    void rejections();
    void sourceServesEveryPiece();
    void sourceRejectsWhatItCannotServe();
};

void TestExtensionMetadata::exactBytes_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<MetadataMessage>("message");
    // The three examples of BEP 9 (the data one with 16 KiB of piece 0 of 34256 bytes).
    const QByteArray x(16384, 'x');
    QTest::newRow("request") << encodeMetadataRequest(0) << QByteArray("d8:msg_typei0e5:piecei0ee")
                             << MetadataMessage::request(0);
    QTest::newRow("data") << encodeMetadataData(0, 34256, x)
                          << QByteArray("d8:msg_typei1e5:piecei0e10:total_sizei34256ee") + x
                          << MetadataMessage::dataPiece(0, 34256, x);
    QTest::newRow("reject") << encodeMetadataReject(0) << QByteArray("d8:msg_typei2e5:piecei0ee")
                            << MetadataMessage::reject(0);
    // The last, short piece of the same metadata: 34256 - 2 * 16384 = 1488 bytes.
    const QByteArray tail(1488, 'y');
    QTest::newRow("last data") << encodeMetadataData(2, 34256, tail)
                               << QByteArray("d8:msg_typei1e5:piecei2e10:total_sizei34256ee") + tail
                               << MetadataMessage::dataPiece(2, 34256, tail);
    QTest::newRow("request 1919") << encodeMetadataRequest(1919) << QByteArray("d8:msg_typei0e5:piecei1919ee")
                                  << MetadataMessage::request(1919);
}

void TestExtensionMetadata::exactBytes()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, expected);
    QFETCH(MetadataMessage, message);
    QCOMPARE(encoded, expected);
    QCOMPARE(encodeMetadataMessage(message), expected);
    QCOMPARE(decodeOk(expected), message);
}

void TestExtensionMetadata::pieceArithmetic_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("lastLength"); // -1 when there are no pieces
    QTest::newRow("0 bytes") << qint64(0) << 0 << -1;
    QTest::newRow("negative") << qint64(-5) << 0 << -1;
    QTest::newRow("1 byte") << qint64(1) << 1 << 1;
    QTest::newRow("16 KiB") << qint64(16384) << 1 << 16384;
    QTest::newRow("16 KiB + 1") << qint64(16385) << 2 << 1;
    QTest::newRow("BEP 9 example") << qint64(34256) << 3 << 1488;
    QTest::newRow("30 MiB") << qint64(30 * 1024 * 1024) << 1920 << 16384;
    QTest::newRow("30 MiB + 1") << qint64(30 * 1024 * 1024 + 1) << 0 << -1;
}

void TestExtensionMetadata::pieceArithmetic()
{
    QFETCH(qint64, total);
    QFETCH(int, count);
    QFETCH(int, lastLength);
    QCOMPARE(metadataPieceCount(total), count);
    QCOMPARE(metadataPieceLength(total, count - 1), lastLength);
    QCOMPARE(metadataPieceLength(total, count), -1);
    QCOMPARE(metadataPieceLength(total, -1), -1);
    if (count > 1)
        QCOMPARE(metadataPieceLength(total, 0), kMetadataPieceSize);
}

void TestExtensionMetadata::unknownTypesAreNotErrors()
{
    // BEP 9: unrecognised message types are ignored, not treated as errors.
    const MetadataMessage m = decodeOk("d8:msg_typei7e5:piecei3eeTRAILING");
    QCOMPARE(m.type, MetadataMessage::Type::Unknown);
    QCOMPARE(m.unknownType, qint64(7));
    QCOMPARE(encodeMetadataMessage(m), QByteArray("d8:msg_typei7ee"));
    QCOMPARE(decodeOk(encodeMetadataMessage(m)), m);
    QCOMPARE(decodeOk("d8:msg_typei-1ee").type, MetadataMessage::Type::Unknown);
}

void TestExtensionMetadata::extraKeysAreIgnored()
{
    const QByteArray bytes = "d3:fooi1e8:msg_typei1e5:piecei0e10:total_sizei3e3:zzzle" "e" "abc";
    const MetadataMessage m = decodeOk(bytes);
    QCOMPARE(m, MetadataMessage::dataPiece(0, 3, "abc"));
}

void TestExtensionMetadata::rejections_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not bencode");
    QTest::newRow("garbage") << QByteArray("xyz") << QStringLiteral("not bencode");
    QTest::newRow("truncated dict") << QByteArray("d8:msg_typei0e5:piecei0e") << QStringLiteral("not bencode");
    QTest::newRow("list") << QByteArray("li0ee") << QStringLiteral("not a dictionary");
    QTest::newRow("no msg_type") << QByteArray("d5:piecei0ee") << QStringLiteral("no integer \"msg_type\"");
    QTest::newRow("msg_type string") << QByteArray("d8:msg_type1:05:piecei0ee")
                                     << QStringLiteral("no integer \"msg_type\"");
    QTest::newRow("no piece") << QByteArray("d8:msg_typei0ee") << QStringLiteral("no integer \"piece\"");
    QTest::newRow("piece string") << QByteArray("d8:msg_typei0e5:piece1:0e") << QStringLiteral("no integer \"piece\"");
    QTest::newRow("piece -1") << QByteArray("d8:msg_typei0e5:piecei-1ee")
                              << QStringLiteral("piece -1 is outside 0..1919");
    QTest::newRow("piece 1920") << QByteArray("d8:msg_typei2e5:piecei1920ee")
                                << QStringLiteral("piece 1920 is outside 0..1919");
    QTest::newRow("request with bytes") << QByteArray("d8:msg_typei0e5:piecei0eeabc")
                                        << QStringLiteral("3 unexpected bytes after a request");
    QTest::newRow("reject with bytes") << QByteArray("d8:msg_typei2e5:piecei0eex")
                                       << QStringLiteral("1 unexpected bytes after a reject");
    QTest::newRow("data without total") << QByteArray("d8:msg_typei1e5:piecei0eeabc")
                                        << QStringLiteral("data without an integer \"total_size\"");
    QTest::newRow("total 0") << dataHeader(0, 0) << QStringLiteral("total_size 0 is outside 1..31457280");
    QTest::newRow("total over 30 MiB") << dataHeader(0, 31457281) + QByteArray(16384, 'x')
                                       << QStringLiteral("total_size 31457281 is outside");
    QTest::newRow("piece beyond total") << dataHeader(3, 34256) + QByteArray(16384, 'x')
                                        << QStringLiteral("piece 3 is beyond the 3 pieces of 34256 bytes");
    QTest::newRow("short piece") << dataHeader(0, 34256) + QByteArray(16383, 'x')
                                 << QStringLiteral("piece 0 carries 16383 bytes, expected 16384");
    QTest::newRow("long piece") << dataHeader(1, 34256) + QByteArray(16385, 'x')
                                << QStringLiteral("piece 1 carries 16385 bytes, expected 16384");
    QTest::newRow("last piece too long") << dataHeader(2, 34256) + QByteArray(16384, 'x')
                                         << QStringLiteral("piece 2 carries 16384 bytes, expected 1488");
    QTest::newRow("empty data") << dataHeader(0, 5) << QStringLiteral("piece 0 carries 0 bytes, expected 5");
}

void TestExtensionMetadata::rejections()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!decodeMetadataMessage(payload, &got));
    QVERIFY2(got.startsWith(QLatin1String("ut_metadata: ")), qPrintable(got));
    QVERIFY2(got.contains(error), qPrintable(got));
}

void TestExtensionMetadata::sourceServesEveryPiece()
{
    const QByteArray info = pattern(40000);
    const MetadataSource source(info);
    QVERIFY(source.isValid());
    QCOMPARE(source.size(), qint64(40000));
    QCOMPARE(source.pieceCount(), 3);
    QByteArray joined;
    for (int i = 0; i < source.pieceCount(); ++i) {
        const MetadataMessage reply = decodeOk(source.replyTo(i));
        QCOMPARE(reply.type, MetadataMessage::Type::Data);
        QCOMPARE(reply.piece, i);
        QCOMPARE(reply.totalSize, qint64(40000));
        QCOMPARE(reply.data, source.piece(i));
        joined += reply.data;
    }
    QCOMPARE(joined, info);
    QCOMPARE(source.piece(2).size(), 40000 - 2 * 16384);
}

void TestExtensionMetadata::sourceRejectsWhatItCannotServe()
{
    const MetadataSource source(pattern(100));
    QCOMPARE(source.replyTo(1), encodeMetadataReject(1));
    QCOMPARE(source.replyTo(-1), encodeMetadataReject(-1));
    QVERIFY(source.piece(1).isEmpty());

    const MetadataSource none; // no metadata yet (a magnet still downloading it)
    QVERIFY(!none.isValid());
    QCOMPARE(none.replyTo(0), encodeMetadataReject(0));

    const MetadataSource tooBig(QByteArray(kMaxMetadataSize + 1, 'z'));
    QVERIFY(!tooBig.isValid());
    QCOMPARE(tooBig.replyTo(0), encodeMetadataReject(0));
}

QTEST_GUILESS_MAIN(TestExtensionMetadata)
#include "tst_extensionmetadata.moc"
