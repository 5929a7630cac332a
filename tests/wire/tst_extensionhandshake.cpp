// BEP 10 extension handshake: exact bytes from the BEPs, round trips, every rejection, the
// values that are dropped or clamped with a warning, and the id registry.
#include "wire/extension/extensionhandshake.h"

#include <QTest>

using namespace swarmscope::wire::ext;

namespace {

QByteArray bytes(const char *data, qsizetype size) { return QByteArray(data, size); }

ExtensionHandshake decodeOk(const QByteArray &payload, QStringList *warnings = nullptr)
{
    QString error;
    const auto h = decodeExtensionHandshake(payload, &error, warnings);
    if (!h) {
        QTest::qFail(qPrintable(QStringLiteral("unexpected rejection: %1").arg(error)), __FILE__, __LINE__);
        return {};
    }
    return *h;
}

// `m` with `count` entries e0, e1, ... with ids 1, 2, ...
QByteArray manyExtensions(int count)
{
    QByteArray m;
    QStringList names;
    for (int i = 0; i < count; ++i)
        names << QStringLiteral("e%1").arg(i, 3, 10, QLatin1Char('0'));
    names.sort(); // bencode keys in byte order
    for (int i = 0; i < count; ++i)
        m += "4:" + names[i].toLatin1() + "i" + QByteArray::number(i + 1) + "e";
    return "d1:md" + m + "ee";
}

} // namespace

class TestExtensionHandshake : public QObject {
    Q_OBJECT
private slots:
    void encodesTheBep10Example();
    void encodesEveryField();
    void decodesTheBep9Example();
    void roundTrips_data();
    void roundTrips();
    void unknownKeysAreIgnored();
    void missingMIsAnEmptyChange();
    void rejections_data();
    void rejections();
    void extensionCountLimitIsInclusive();
    void droppedAndClampedValues_data();
    void droppedAndClampedValues();
    void clientNameIsSanitized_data();
    void clientNameIsSanitized();
    void registryMapsBothDirections();
    void registryAppliesChangesAdditively();
    void registryRefusesBadOwnIds();
    void privateTorrentRegistryHasNoPex();
};

void TestExtensionHandshake::encodesTheBep10Example()
{
    // BEP 10: {'m': {'LT_metadata': 1, 'ut_pex': 2}, 'p': 6881, 'v': 'µTorrent 1.2'}
    ExtensionHandshake h;
    h.messages = {{"LT_metadata", 1}, {"ut_pex", 2}};
    h.listenPort = 6881;
    h.client = QString::fromUtf8("\xc2\xb5Torrent 1.2");
    const QByteArray expected("d1:md11:LT_metadatai1e6:ut_pexi2ee1:pi6881e1:v13:\xc2\xb5Torrent 1.2e");
    QCOMPARE(encodeExtensionHandshake(h), expected);
    QCOMPARE(decodeOk(expected), h);
}

void TestExtensionHandshake::encodesEveryField()
{
    ExtensionHandshake h;
    h.messages = {{"ut_metadata", 3}, {"ut_pex", 0}};
    h.client = QStringLiteral("Swarmscope 0.1");
    h.listenPort = 51413;
    h.requestQueue = 250;
    h.yourIp = QHostAddress(QStringLiteral("192.0.2.7"));
    h.ipv4 = QHostAddress(QStringLiteral("198.51.100.1"));
    h.ipv6 = QHostAddress(QStringLiteral("2001:db8::1"));
    h.metadataSize = 31235;
    h.uploadOnly = true;
    const QByteArray expected = QByteArray("d4:ipv44:") + bytes("\xc6\x33\x64\x01", 4) + "4:ipv616:"
        + bytes("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16)
        + "1:md11:ut_metadatai3e6:ut_pexi0ee13:metadata_sizei31235e1:pi51413e4:reqqi250e"
          "11:upload_onlyi1e1:v14:Swarmscope 0.16:yourip4:"
        + bytes("\xc0\x00\x02\x07", 4) + "e";
    QCOMPARE(encodeExtensionHandshake(h).toHex(' '), expected.toHex(' '));
    QStringList warnings;
    QCOMPARE(decodeOk(expected, &warnings), h);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestExtensionHandshake::decodesTheBep9Example()
{
    // BEP 9: {'m': {'ut_metadata', 3}, 'metadata_size': 31235}
    const ExtensionHandshake h = decodeOk("d1:md11:ut_metadatai3ee13:metadata_sizei31235ee");
    QCOMPARE(h.messages.size(), std::size_t(1));
    QCOMPARE(h.messages.at("ut_metadata"), quint8(3));
    QCOMPARE(h.metadataSize, std::optional<qint64>(31235));
    QVERIFY(!h.listenPort && !h.requestQueue && h.client.isEmpty() && h.yourIp.isNull());
}

void TestExtensionHandshake::roundTrips_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty m") << QByteArray("d1:mdee");
    QTest::newRow("id 255") << QByteArray("d1:md3:fooi255eee");
    QTest::newRow("yourip v6") << (QByteArray("d1:mde6:yourip16:") + QByteArray(15, '\0') + "\x01" + "e");
    QTest::newRow("metadata 30 MiB") << QByteArray("d1:mde13:metadata_sizei31457280ee");
    QTest::newRow("reqq bounds") << QByteArray("d1:mde4:reqqi5000ee");
    QTest::newRow("upload_only 0") << QByteArray("d1:mde11:upload_onlyi0ee");
    QTest::newRow("client utf-8") << QByteArray("d1:mde1:v10:\xe4\xbd\xa0\xe5\xa5\xbd 1.0e");
}

void TestExtensionHandshake::roundTrips()
{
    QFETCH(QByteArray, payload);
    const ExtensionHandshake h = decodeOk(payload);
    QCOMPARE(encodeExtensionHandshake(h), payload); // these are canonical already
    QCOMPARE(decodeOk(encodeExtensionHandshake(h)), h);
}

void TestExtensionHandshake::unknownKeysAreIgnored()
{
    const ExtensionHandshake h =
        decodeOk("d1:ei1e12:complete_agoi-1e1:md11:ut_metadatai2ee1:pi6881e3:zzzld1:ali1eeeee");
    ExtensionHandshake expected;
    expected.messages = {{"ut_metadata", 2}};
    expected.listenPort = 6881;
    QCOMPARE(h, expected);
}

void TestExtensionHandshake::missingMIsAnEmptyChange()
{
    const ExtensionHandshake h = decodeOk("d1:pi6881ee");
    QVERIFY(h.messages.empty());
    QCOMPARE(h.listenPort, std::optional<quint16>(6881));
}

void TestExtensionHandshake::rejections_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error"); // a part of the expected message
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not bencode");
    QTest::newRow("truncated") << QByteArray("d1:md11:ut_metadatai3e") << QStringLiteral("not bencode");
    QTest::newRow("trailing bytes") << QByteArray("d1:mdeeXX") << QStringLiteral("unexpected bytes");
    QTest::newRow("list") << QByteArray("l1:me") << QStringLiteral("not a dictionary");
    QTest::newRow("integer") << QByteArray("i1e") << QStringLiteral("not a dictionary");
    QTest::newRow("m is a list") << QByteArray("d1:mli1eee") << QStringLiteral("\"m\" is not a dictionary");
    QTest::newRow("m is a string") << QByteArray("d1:m3:abce") << QStringLiteral("\"m\" is not a dictionary");
    QTest::newRow("65 extensions") << manyExtensions(65) << QStringLiteral("65 extensions, more than 64");
    QTest::newRow("empty name") << QByteArray("d1:md0:i1eee") << QStringLiteral("empty extension name");
    QTest::newRow("long name") << (QByteArray("d1:md65:") + QByteArray(65, 'x') + "i1eee")
                               << QStringLiteral("name of 65 bytes");
    QTest::newRow("id string") << QByteArray("d1:md6:ut_pex1:1ee") << QStringLiteral("\"ut_pex\" has no integer id");
    QTest::newRow("id 256") << QByteArray("d1:md6:ut_pexi256eee") << QStringLiteral("id 256, outside 0..255");
    QTest::newRow("id -1") << QByteArray("d1:md6:ut_pexi-1eee") << QStringLiteral("id -1, outside 0..255");
    QTest::newRow("too deep") << (QByteArray("d1:xl") + QByteArray(20, 'l') + QByteArray(21, 'e') + "e")
                              << QStringLiteral("nesting deeper");
    QTest::newRow("duplicate key") << QByteArray("d1:mde1:mdee") << QStringLiteral("not bencode");
}

void TestExtensionHandshake::rejections()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!decodeExtensionHandshake(payload, &got));
    QVERIFY2(got.startsWith(QLatin1String("extension handshake: ")), qPrintable(got));
    QVERIFY2(got.contains(error), qPrintable(got));
}

void TestExtensionHandshake::extensionCountLimitIsInclusive()
{
    const ExtensionHandshake h = decodeOk(manyExtensions(64));
    QCOMPARE(h.messages.size(), std::size_t(64));
    QCOMPARE(h.messages.at("e063"), quint8(64));
}

void TestExtensionHandshake::droppedAndClampedValues_data()
{
    QTest::addColumn<QByteArray>("extra"); // keys added to "d1:mde...e"
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("port");            // -1: absent
    QTest::addColumn<int>("reqq");            // -1: absent
    QTest::addColumn<qint64>("metadataSize"); // -1: absent
    QTest::addColumn<QString>("yourIp");
    struct Row {
        const char *name;
        QByteArray extra;
        const char *warning;
        int port = -1;
        int reqq = -1;
        qint64 metadataSize = -1;
        const char *yourIp = "";
    };
    const Row rows[] = {
        {"port 0", "1:pi0e", "\"p\" 0 is not a port"},
        {"port 65536", "1:pi65536e", "\"p\" 65536"},
        {"port string", "1:p4:6881", "\"p\" is not an integer"},
        {"port 65535", "1:pi65535e", "", 65535},
        {"reqq 0", "4:reqqi0e", "clamped to 1", -1, 1},
        {"reqq -5", "4:reqqi-5e", "clamped to 1", -1, 1},
        {"reqq huge", "4:reqqi9999999999e", "clamped to 5000", -1, 5000},
        {"reqq list", "4:reqqle", "\"reqq\" is not an integer"},
        {"metadata 0", "13:metadata_sizei0e", "\"metadata_size\" 0 is outside"},
        {"metadata negative", "13:metadata_sizei-7e", "-7 is outside"},
        {"metadata 30 MiB + 1", "13:metadata_sizei31457281e", "31457281 is outside"},
        {"metadata 1", "13:metadata_sizei1e", "", -1, -1, 1},
        {"yourip 5 bytes", "6:yourip5:abcde", "\"yourip\" has 5 bytes"},
        {"yourip integer", "6:youripi1e", "\"yourip\" is not a byte string"},
        {"yourip v4", "6:yourip4:" + bytes("\x7f\0\0\x01", 4), "", -1, -1, -1, "127.0.0.1"},
        {"ipv4 of 16 bytes", "4:ipv416:" + QByteArray(16, 'a'), "\"ipv4\" has 16 bytes"},
        {"ipv6 of 4 bytes", "4:ipv64:abcd", "\"ipv6\" has 4 bytes"},
    };
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.extra << QString::fromUtf8(r.warning) << r.port << r.reqq << r.metadataSize
                              << QString::fromUtf8(r.yourIp);
}

void TestExtensionHandshake::droppedAndClampedValues()
{
    QFETCH(QByteArray, extra);
    QFETCH(QString, warning);
    QFETCH(int, port);
    QFETCH(int, reqq);
    QFETCH(qint64, metadataSize);
    QFETCH(QString, yourIp);
    QStringList warnings;
    const ExtensionHandshake h = decodeOk("d1:mde" + extra + "e", &warnings);
    if (warning.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    } else {
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(warning), qPrintable(warnings.first()));
    }
    QCOMPARE(h.listenPort.has_value() ? int(*h.listenPort) : -1, port);
    QCOMPARE(h.requestQueue.value_or(-1), reqq);
    QCOMPARE(h.metadataSize.value_or(-1), metadataSize);
    QCOMPARE(h.yourIp.isNull() ? QString() : h.yourIp.toString(), yourIp);
}

void TestExtensionHandshake::clientNameIsSanitized_data()
{
    QTest::addColumn<QByteArray>("v");
    QTest::addColumn<QString>("client");
    QTest::newRow("plain") << QByteArray("qBittorrent/4.5.2") << QStringLiteral("qBittorrent/4.5.2");
    QTest::newRow("control characters") << QByteArray("evil\r\nname\x07") << QStringLiteral("evilname");
    QTest::newRow("bidi override") << QByteArray("abc\xe2\x80\xaegpj.exe") << QStringLiteral("abcgpj.exe");
    QTest::newRow("zero width") << QByteArray("a\xe2\x80\x8b" "b") << QStringLiteral("ab");
    QTest::newRow("invalid utf-8") << QByteArray("a\xff" "b") << QString::fromUtf8("a\xef\xbf\xbd" "b");
    QTest::newRow("trimmed") << QByteArray("  name  ") << QStringLiteral("name");
    QTest::newRow("capped") << QByteArray(100, 'x') << QString(64, u'x');
    // 63 characters then an emoji (a surrogate pair): the pair does not fit and is not split.
    QTest::newRow("surrogate pair kept whole") << (QByteArray(63, 'y') + "\xf0\x9f\x98\x80")
                                               << QString(63, u'y');
    QTest::newRow("surrogate pair fits") << (QByteArray(62, 'y') + "\xf0\x9f\x98\x80")
                                         << (QString(62, u'y') + QString::fromUtf8("\xf0\x9f\x98\x80"));
}

void TestExtensionHandshake::clientNameIsSanitized()
{
    QFETCH(QByteArray, v);
    QFETCH(QString, client);
    const QByteArray payload = "d1:mde1:v" + QByteArray::number(v.size()) + ":" + v + "e";
    const ExtensionHandshake h = decodeOk(payload);
    QCOMPARE(h.client, client);
    QVERIFY(h.client.size() <= HandshakeLimits::maxClientLength);
    QCOMPARE(decodeOk(encodeExtensionHandshake(h)).client, client); // stable
}

void TestExtensionHandshake::registryMapsBothDirections()
{
    ExtensionRegistry r;
    QCOMPARE(r.ourId(kUtMetadata), quint8(1));
    QCOMPARE(r.ourId(kUtPex), quint8(2));
    QCOMPARE(r.ourId("lt_donthave"), quint8(0));
    QCOMPARE(r.incomingName(1), kUtMetadata);
    QCOMPARE(r.incomingName(2), kUtPex);
    QVERIFY(r.incomingName(0).isEmpty());
    QVERIFY(r.incomingName(7).isEmpty());
    QCOMPARE(encodeExtensionHandshake(r.ourHandshake()), QByteArray("d1:md11:ut_metadatai1e6:ut_pexi2eee"));

    QVERIFY(!r.peerSupports(kUtMetadata));
    r.applyPeerHandshake(decodeOk("d1:md11:lt_donthavei7e11:ut_metadatai3e6:ut_pexi1eee"));
    // We send with the peer's ids, and still read with ours.
    QCOMPARE(r.peerId(kUtMetadata), quint8(3));
    QCOMPARE(r.peerId(kUtPex), quint8(1));
    QCOMPARE(r.peerId("lt_donthave"), quint8(7));
    QCOMPARE(r.incomingName(1), kUtMetadata);
}

void TestExtensionHandshake::registryAppliesChangesAdditively()
{
    ExtensionRegistry r;
    r.applyPeerHandshake(decodeOk("d1:md11:ut_metadatai3e6:ut_pexi1eee"));
    // A later handshake only carries changes: disable ut_pex, move ut_metadata, add one.
    r.applyPeerHandshake(decodeOk("d1:md11:ut_metadatai9e12:ut_holepunchi4e6:ut_pexi0eee"));
    QCOMPARE(r.peerId(kUtMetadata), quint8(9));
    QVERIFY(!r.peerSupports(kUtPex));
    QCOMPARE(r.peerId("ut_holepunch"), quint8(4));
    // A handshake without m changes nothing.
    r.applyPeerHandshake(decodeOk("d1:pi1ee"));
    QCOMPARE(r.peerExtensions().size(), std::size_t(2));
    // Disabling something never enabled is harmless.
    r.applyPeerHandshake(decodeOk("d1:md3:fooi0eee"));
    QCOMPARE(r.peerExtensions().size(), std::size_t(2));
}

void TestExtensionHandshake::registryRefusesBadOwnIds()
{
    const ExtensionRegistry r({{"a", 0}, {"b", 5}, {"c", 5}, {"", 6}, {"d", 7}});
    QCOMPARE(r.ourId("a"), quint8(0)); // 0 is the handshake
    QCOMPARE(r.ourId("b"), quint8(5));
    QCOMPARE(r.ourId("c"), quint8(0)); // 5 already taken
    QCOMPARE(r.ourId("d"), quint8(7));
    QCOMPARE(r.ours().size(), std::size_t(2));
    QCOMPARE(r.incomingName(5), QByteArray("b"));
}

void TestExtensionHandshake::privateTorrentRegistryHasNoPex()
{
    const ExtensionRegistry r(ExtensionRegistry::defaultOurs(false));
    QCOMPARE(r.ourId(kUtPex), quint8(0));
    QCOMPARE(r.ourId(kUtMetadata), quint8(1));
}

QTEST_GUILESS_MAIN(TestExtensionHandshake)
#include "tst_extensionhandshake.moc"
