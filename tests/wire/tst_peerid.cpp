// Peer ids: our own format, determinism, and the client-name table (BEP 20 conventions).
#include "wire/handshake.h"
#include "wire/peerid.h"

#include <QTest>

#include <random>

using namespace swarmscope::wire;

class TestPeerId : public QObject {
    Q_OBJECT
private slots:
    void prefixFollowsVersion();
    void generatedIdsAreUrlSafe();
    void generationIsSeeded();
    void clientNames_data();
    void clientNames();
};

void TestPeerId::prefixFollowsVersion()
{
    const QByteArray prefix = peerIdPrefix();
    QCOMPARE(prefix.size(), 8);
    QVERIFY(prefix.startsWith("-SW"));
    QCOMPARE(prefix.at(7), '-');
    QCOMPARE(prefix.at(6), '0');
    // Our own id decodes to our own name and version.
    QCOMPARE(clientNameFromPeerId(prefix + "abcdefghijkl"),
             QStringLiteral("Swarmscope ") + QLatin1String(SWARMSCOPE_VERSION));
    if (QLatin1String(SWARMSCOPE_VERSION) == QLatin1String("0.1.0"))
        QCOMPARE(prefix, QByteArray("-SW0100-"));
}

void TestPeerId::generatedIdsAreUrlSafe()
{
    std::mt19937 rng(42);
    const QByteArray allowed("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._~");
    QSet<char> seen;
    for (int n = 0; n < 200; ++n) {
        const QByteArray id = generatePeerId(rng);
        QCOMPARE(id.size(), kPeerIdSize);
        QVERIFY(id.startsWith(peerIdPrefix()));
        for (int i = 8; i < id.size(); ++i) {
            QVERIFY2(allowed.contains(id[i]), id.constData());
            seen.insert(id[i]);
        }
    }
    // 2400 draws from 66 characters: the whole set shows up, so none is left out by mistake.
    QCOMPARE(seen.size(), int(allowed.size()));
}

void TestPeerId::generationIsSeeded()
{
    std::mt19937 a(7), b(7), c(8);
    const QByteArray first = generatePeerId(a);
    QCOMPARE(generatePeerId(b), first);
    QVERIFY(generatePeerId(c) != first);
    QVERIFY(generatePeerId(a) != first); // the generator moves on
}

void TestPeerId::clientNames_data()
{
    QTest::addColumn<QByteArray>("peerId");
    QTest::addColumn<QString>("name");
    const QByteArray tail("xY7-kQ2_pL0~");
    auto row = [&](const char *tag, const QByteArray &prefix, const QString &name) {
        QByteArray id = prefix + tail;
        id.truncate(20);
        QTest::newRow(tag) << id << name;
    };
    row("qBittorrent", "-qB4650-", QStringLiteral("qBittorrent 4.6.5"));
    row("qBittorrent 5", "-qB5010-", QStringLiteral("qBittorrent 5.0.1"));
    row("Transmission 3", "-TR3000-", QStringLiteral("Transmission 3.00"));
    row("Transmission 2.94", "-TR2940-", QStringLiteral("Transmission 2.94"));
    row("Transmission nightly", "-TR293Z-", QStringLiteral("Transmission 2.93+"));
    row("Transmission 4", "-TR4060-", QStringLiteral("Transmission 4.0.6"));
    row("Transmission 4 beta", "-TR410B-", QStringLiteral("Transmission 4.1.0 Beta"));
    row("Transmission 4 dev", "-TR400Z-", QStringLiteral("Transmission 4.0.0 Dev"));
    row("Transmission 0.72", "-TR0072-", QStringLiteral("Transmission 0.72"));
    row("Transmission 0.6", "-TR0006-", QStringLiteral("Transmission 0.6"));
    row("libtorrent", "-LT2090-", QStringLiteral("libtorrent (Rasterbar) 2.0.9"));
    row("libtorrent 2.0.10", "-LT20A0-", QStringLiteral("libtorrent (Rasterbar) 2.0.10"));
    row("rakshasa", "-lt0D80-", QStringLiteral("libTorrent (rakshasa) 0.13.8"));
    row("uTorrent", "-UT3550-", QString::fromUtf8("\xC2\xB5Torrent 3.5.5"));
    row("uTorrent beta", "-UT355B-", QString::fromUtf8("\xC2\xB5Torrent 3.5.5 Beta"));
    row("uTorrent Mac", "-UM1870-", QString::fromUtf8("\xC2\xB5Torrent Mac 1.8.7"));
    row("Deluge 1", "-DE13F0-", QStringLiteral("Deluge 1.3.15"));
    row("Deluge 2", "-DE211s-", QStringLiteral("Deluge 2.1.1"));
    row("KTorrent", "-KT5100-", QStringLiteral("KTorrent 5.1.0"));
    row("KTorrent dev", "-KT22D1-", QStringLiteral("KTorrent 2.2 dev 1"));
    row("KTorrent rc", "-KT23R2-", QStringLiteral("KTorrent 2.3 RC 2"));
    row("Vuze", "-AZ5770-", QStringLiteral("Vuze 5.7.7.0"));
    row("BiglyBT", "-BI3600-", QStringLiteral("BiglyBT 3.6.0.0"));
    row("BitComet", "-BC0152-", QStringLiteral("BitComet 1.52"));
    row("aria2", "A2-1-37-0-", QStringLiteral("aria2 1.37.0"));
    row("aria2 odd", "A2-x-37-0-", QStringLiteral("aria2"));
    row("Swarmscope", "-SW0100-", QStringLiteral("Swarmscope 0.1.0"));
    row("Mainline", "M7-2-0--", QStringLiteral("Mainline 7.2.0"));
    row("Mainline two digits", "M4-20-8-", QStringLiteral("Mainline 4.20.8"));
    row("Mainline bad padding", "M7-2-0-x", QStringLiteral("Unknown (M7-2-0-x)"));
    row("known code, bad version", "-qB46?0-", QStringLiteral("qBittorrent"));
    row("unknown code", "-XX1234-", QStringLiteral("Unknown (-XX1234-)"));
    row("not azureus", "exbc", QStringLiteral("Unknown (exbcxY7-)"));
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03-qB4650-abcdefgh", 20) << QStringLiteral("Unknown");
    QTest::newRow("control after text") << QByteArray("ab\ncdefghijklmnopqr", 20) << QStringLiteral("Unknown (ab)");
    QTest::newRow("short") << QByteArray("-qB") << QStringLiteral("Unknown (-qB)");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("Unknown");
}

void TestPeerId::clientNames()
{
    QFETCH(QByteArray, peerId);
    QFETCH(QString, name);
    QCOMPARE(clientNameFromPeerId(peerId), name);
}

QTEST_GUILESS_MAIN(TestPeerId)
#include "tst_peerid.moc"
