#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"

#include <QFile>
#include <QtTest>

using namespace swarmscope::metainfo;

namespace {

// SHA-1 of "swarmscope magnet test" and of the empty string, with their RFC 4648 base32
// forms, computed independently with Python's hashlib and base64.b32encode.
const QString kHex = QStringLiteral("0d609512f1c853417bd11ba80fc5d2b6b75bcb8e");
const QString kBase32 = QStringLiteral("BVQJKEXRZBJUC66RDOUA7ROSW23VXS4O");
const QString kEmptyHex = QStringLiteral("da39a3ee5e6b4b0d3255bfef95601890afd80709");
const QString kEmptyBase32 = QStringLiteral("3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");

QString withHash(const QString &rest)
{
    return QStringLiteral("magnet:?xt=urn:btih:") + kHex + rest;
}

MagnetLink parsedOrFail(const QString &uri)
{
    QString error;
    const std::optional<MagnetLink> link = parseMagnet(uri, &error);
    if (!link)
        qWarning("unexpected parse failure: %s", qPrintable(error));
    return link.value_or(MagnetLink{});
}

QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line));
    }
    return lines;
}

} // namespace

class TestMagnetLink : public QObject {
    Q_OBJECT

private slots:
    void infoHashForms_data();
    void infoHashForms();
    void displayName_data();
    void displayName();
    void trackers_data();
    void trackers();
    void webSeeds();
    void peers_data();
    void peers();
    void exactLength_data();
    void exactLength();
    void unknownParametersIgnored();
    void errors_data();
    void errors();
    void errorWithoutErrorPointer();
    void limits();
    void canonicalString();
    void roundTrip_data();
    void roundTrip();
    void isMagnetUri_data();
    void isMagnetUri();
    void magnetForTorrent();
    void dataFiles();
};

void TestMagnetLink::infoHashForms_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("hex");

    const QString m = QStringLiteral("magnet:?xt=urn:btih:");
    QTest::newRow("hex lower") << m + kHex << kHex;
    QTest::newRow("hex upper") << m + kHex.toUpper() << kHex;
    QTest::newRow("hex mixed") << m + kHex.left(20).toUpper() + kHex.mid(20) << kHex;
    QTest::newRow("base32 upper") << m + kBase32 << kHex;
    QTest::newRow("base32 lower") << m + kBase32.toLower() << kHex;
    QTest::newRow("empty sha1 hex") << m + kEmptyHex << kEmptyHex;
    QTest::newRow("empty sha1 base32") << m + kEmptyBase32 << kEmptyHex;
    QTest::newRow("upper-case prefix and urn")
        << QStringLiteral("MAGNET:?XT=URN:BTIH:") + kHex << kHex;
    QTest::newRow("escaped urn") << QStringLiteral("magnet:?xt=urn%3Abtih%3a") + kHex << kHex;
    QTest::newRow("numbered xt") << QStringLiteral("magnet:?xt.1=urn:btih:") + kHex << kHex;
    QTest::newRow("hex and base32 agree")
        << m + kHex + QStringLiteral("&xt.2=urn:btih:") + kBase32 << kHex;
    QTest::newRow("hybrid with btmh")
        << QStringLiteral("magnet:?xt=urn:btmh:1220abcd&xt=urn:btih:") + kHex << kHex;
    QTest::newRow("other urn beside btih")
        << QStringLiteral("magnet:?xt=urn:sha1:YNCKHTQCWBTRNJIV4WNAE52SJUQCZO5C&xt=urn:btih:") + kHex
        << kHex;
    QTest::newRow("surrounding whitespace") << QStringLiteral("  ") + m + kHex + QStringLiteral("\n")
                                            << kHex;
}

void TestMagnetLink::infoHashForms()
{
    QFETCH(QString, uri);
    QFETCH(QString, hex);
    QString error;
    const std::optional<MagnetLink> link = parseMagnet(uri, &error);
    QVERIFY2(link, qPrintable(error));
    QCOMPARE(link->infoHash.toHex(), hex);
    QVERIFY(link->toString().startsWith(QStringLiteral("magnet:?xt=urn:btih:") + hex));
}

void TestMagnetLink::displayName_data()
{
    QTest::addColumn<QString>("params");
    QTest::addColumn<QString>("name");

    QTest::newRow("absent") << QString() << QString();
    QTest::newRow("%20") << QStringLiteral("&dn=Hello%20World") << QStringLiteral("Hello World");
    QTest::newRow("plus") << QStringLiteral("&dn=Hello+World+") << QStringLiteral("Hello World ");
    QTest::newRow("escaped plus") << QStringLiteral("&dn=a%2Bb") << QStringLiteral("a+b");
    QTest::newRow("utf-8 escapes") << QStringLiteral("&dn=%C3%A9t%C3%A9")
                                   << QString::fromUtf8("\xc3\xa9t\xc3\xa9");
    QTest::newRow("raw non-ascii") << QString::fromUtf8("&dn=\xe6\x97\xa5\xe6\x9c\xac")
                                   << QString::fromUtf8("\xe6\x97\xa5\xe6\x9c\xac");
    QTest::newRow("escaped ampersand and equals") << QStringLiteral("&dn=a%26b%3Dc")
                                                  << QStringLiteral("a&b=c");
    QTest::newRow("raw equals in value") << QStringLiteral("&dn=a=b") << QStringLiteral("a=b");
    QTest::newRow("first non-empty wins") << QStringLiteral("&dn=&dn=first&dn=second")
                                          << QStringLiteral("first");
    QTest::newRow("numbered") << QStringLiteral("&dn.1=one") << QStringLiteral("one");
    QTest::newRow("escaped key") << QStringLiteral("&%64n=key") << QStringLiteral("key");
    QTest::newRow("upper-case key") << QStringLiteral("&DN=upper") << QStringLiteral("upper");
}

void TestMagnetLink::displayName()
{
    QFETCH(QString, params);
    QFETCH(QString, name);
    QCOMPARE(parsedOrFail(withHash(params)).displayName, name);
}

void TestMagnetLink::trackers_data()
{
    QTest::addColumn<QString>("params");
    QTest::addColumn<QStringList>("trackers");

    QTest::newRow("none") << QString() << QStringList();
    QTest::newRow("several, order kept")
        << QStringLiteral("&tr=udp://b.example:6969&tr=http://a.example/announce&tr=https://c.example/a")
        << QStringList{QStringLiteral("udp://b.example:6969"),
                       QStringLiteral("http://a.example/announce"),
                       QStringLiteral("https://c.example/a")};
    QTest::newRow("duplicates removed")
        << QStringLiteral("&tr=udp://a.example:1&tr=udp://b.example:2&tr=udp%3A%2F%2Fa.example%3A1")
        << QStringList{QStringLiteral("udp://a.example:1"), QStringLiteral("udp://b.example:2")};
    QTest::newRow("plus kept in tr")
        << QStringLiteral("&tr=http://a.example/announce?k=a+b")
        << QStringList{QStringLiteral("http://a.example/announce?k=a+b")};
    QTest::newRow("fully escaped")
        << QStringLiteral("&tr=http%3A%2F%2Fa.example%2Fannounce%3Fpasskey%3Dx%2By")
        << QStringList{QStringLiteral("http://a.example/announce?passkey=x+y")};
    QTest::newRow("numbered")
        << QStringLiteral("&tr.1=udp://one.example:1&tr.2=udp://two.example:2")
        << QStringList{QStringLiteral("udp://one.example:1"), QStringLiteral("udp://two.example:2")};
    QTest::newRow("upper-case scheme accepted")
        << QStringLiteral("&tr=HTTP://a.example/") << QStringList{QStringLiteral("HTTP://a.example/")};
    QTest::newRow("unusable ones skipped")
        << QStringLiteral("&tr=wss://w.example/&tr=ftp://f.example/&tr=not%20a%20url&tr=http://&tr="
                          "&tr=udp://ok.example:80")
        << QStringList{QStringLiteral("wss://w.example/"), QStringLiteral("udp://ok.example:80")};
}

void TestMagnetLink::trackers()
{
    QFETCH(QString, params);
    QFETCH(QStringList, trackers);
    QCOMPARE(parsedOrFail(withHash(params)).trackers, trackers);
}

void TestMagnetLink::webSeeds()
{
    const MagnetLink link = parsedOrFail(withHash(QStringLiteral(
        "&ws=https%3A%2F%2Fs.example%2Ff%2F&ws=http://t.example/x+y&ws=udp://u.example:1"
        "&ws=https://s.example/f/&ws.1=http://n.example/")));
    const QStringList expected = {QStringLiteral("https://s.example/f/"),
                                  QStringLiteral("http://t.example/x+y"),
                                  QStringLiteral("http://n.example/")};
    QCOMPARE(link.webSeeds, expected);
    QVERIFY(link.trackers.isEmpty());
}

void TestMagnetLink::peers_data()
{
    QTest::addColumn<QString>("params");
    QTest::addColumn<QStringList>("peers");

    QTest::newRow("ipv4") << QStringLiteral("&x.pe=192.0.2.7:6881")
                          << QStringList{QStringLiteral("192.0.2.7:6881")};
    QTest::newRow("ipv4 zeros") << QStringLiteral("&x.pe=0.0.0.0:1")
                                << QStringList{QStringLiteral("0.0.0.0:1")};
    QTest::newRow("ipv6 loopback") << QStringLiteral("&x.pe=[::1]:6881")
                                   << QStringList{QStringLiteral("[::1]:6881")};
    QTest::newRow("ipv6 normalized") << QStringLiteral("&x.pe=[2001:DB8:0:0::0001]:65535")
                                     << QStringList{QStringLiteral("[2001:db8::1]:65535")};
    QTest::newRow("ipv6 escaped") << QStringLiteral("&x.pe=%5B%3A%3A1%5D%3A80")
                                  << QStringList{QStringLiteral("[::1]:80")};
    QTest::newRow("hostname lower-cased") << QStringLiteral("&x.pe=Peer-1.Example.COM:51413")
                                          << QStringList{QStringLiteral("peer-1.example.com:51413")};
    QTest::newRow("single-label host") << QStringLiteral("&x.pe=localhost:8080")
                                       << QStringList{QStringLiteral("localhost:8080")};
    QTest::newRow("port leading zero") << QStringLiteral("&x.pe=10.0.0.1:06881")
                                       << QStringList{QStringLiteral("10.0.0.1:6881")};
    QTest::newRow("duplicates and numbered")
        << QStringLiteral("&x.pe=10.0.0.1:1&x.pe.1=10.0.0.2:2&x.pe.2=10.0.0.1:1")
        << QStringList{QStringLiteral("10.0.0.1:1"), QStringLiteral("10.0.0.2:2")};
}

void TestMagnetLink::peers()
{
    QFETCH(QString, params);
    QFETCH(QStringList, peers);
    QCOMPARE(parsedOrFail(withHash(params)).peers, peers);
}

void TestMagnetLink::exactLength_data()
{
    QTest::addColumn<QString>("params");
    QTest::addColumn<bool>("present");
    QTest::addColumn<qint64>("length");

    QTest::newRow("absent") << QString() << false << qint64(0);
    QTest::newRow("zero") << QStringLiteral("&xl=0") << true << qint64(0);
    QTest::newRow("plain") << QStringLiteral("&xl=1048576") << true << qint64(1048576);
    QTest::newRow("leading zeros") << QStringLiteral("&xl=007") << true << qint64(7);
    QTest::newRow("max") << QStringLiteral("&xl=9223372036854775807") << true
                         << std::numeric_limits<qint64>::max();
    QTest::newRow("numbered") << QStringLiteral("&xl.1=42") << true << qint64(42);
    QTest::newRow("first wins") << QStringLiteral("&xl=1&xl=2") << true << qint64(1);
}

void TestMagnetLink::exactLength()
{
    QFETCH(QString, params);
    QFETCH(bool, present);
    QFETCH(qint64, length);
    const MagnetLink link = parsedOrFail(withHash(params));
    QCOMPARE(link.exactLength.has_value(), present);
    if (present)
        QCOMPARE(*link.exactLength, length);
}

void TestMagnetLink::unknownParametersIgnored()
{
    QString error;
    const std::optional<MagnetLink> link = parseMagnet(
        withHash(QStringLiteral("&so=0,2-4&kt=a+b&x.foo.1=%ZZ&novalue&&=orphan&dn=kept&")), &error);
    QVERIFY2(link, qPrintable(error));
    QCOMPARE(link->displayName, QStringLiteral("kept"));
    QVERIFY(link->trackers.isEmpty());
    QVERIFY(link->peers.isEmpty());
    QVERIFY(!link->exactLength);
}

void TestMagnetLink::errors_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("expected"); // the message must start with this

    const QString m = QStringLiteral("magnet:?xt=urn:btih:");
    const QString peerError = QStringLiteral("bad peer address in x.pe (");
    const QString hashError = QStringLiteral("bad info-hash in xt (");

    QTest::newRow("empty") << QString() << QStringLiteral("not a magnet link");
    QTest::newRow("http url") << QStringLiteral("http://example.com/a.torrent")
                              << QStringLiteral("not a magnet link");
    QTest::newRow("no question mark") << QStringLiteral("magnet:xt=urn:btih:") + kHex
                                      << QStringLiteral("not a magnet link");
    QTest::newRow("no xt") << QStringLiteral("magnet:?dn=x&tr=udp://a.example:1")
                           << QStringLiteral("no info-hash (xt=urn:btih:...)");
    QTest::newRow("nothing") << QStringLiteral("magnet:?") << QStringLiteral("no info-hash (xt=urn:btih:...)");
    QTest::newRow("other urn only") << QStringLiteral("magnet:?xt=urn:sha1:YNCKHTQCWBTRNJIV4WNAE52SJUQCZO5C")
                                    << QStringLiteral("no info-hash (xt=urn:btih:...)");
    QTest::newRow("v2 only")
        << QStringLiteral("magnet:?xt=urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e")
        << QStringLiteral("v2-only magnet links are not supported");
    QTest::newRow("conflicting btih") << m + kHex + QStringLiteral("&xt=urn:btih:") + kEmptyBase32
                                      << QStringLiteral("conflicting info-hashes in xt: ") + kHex
                                             + QStringLiteral(" and ") + kEmptyHex;
    QTest::newRow("hex too short") << m + kHex.left(39) << hashError;
    QTest::newRow("hex too long") << m + kHex + QStringLiteral("0") << hashError;
    QTest::newRow("hex bad digit") << m + kHex.left(39) + QStringLiteral("g") << hashError;
    QTest::newRow("base32 bad digit") << m + kBase32.left(31) + QStringLiteral("1") << hashError;
    QTest::newRow("base32 too long") << m + kBase32 + QStringLiteral("A") << hashError;
    QTest::newRow("empty btih") << m << hashError;
    QTest::newRow("numbered xt named") << QStringLiteral("magnet:?xt.3=urn:btih:zz")
                                       << QStringLiteral("bad info-hash in xt.3 (");
    QTest::newRow("bad escape in tr") << m + kHex + QStringLiteral("&tr=http%G1//a.example/")
                                      << QStringLiteral("bad percent escape in tr: \"%G1\"");
    QTest::newRow("truncated escape in dn") << m + kHex + QStringLiteral("&dn=abc%4")
                                            << QStringLiteral("bad percent escape in dn: \"%4\"");
    QTest::newRow("lone percent in xl") << m + kHex + QStringLiteral("&xl=%")
                                        << QStringLiteral("bad percent escape in xl: \"%\"");
    QTest::newRow("bad escape in xt") << QStringLiteral("magnet:?xt=urn:btih:%zz")
                                      << QStringLiteral("bad percent escape in xt: \"%zz\"");
    QTest::newRow("bad escape in numbered tr") << m + kHex + QStringLiteral("&tr.2=%x")
                                               << QStringLiteral("bad percent escape in tr.2: \"%x\"");
    QTest::newRow("bad escape in x.pe") << m + kHex + QStringLiteral("&x.pe=%5g")
                                        << QStringLiteral("bad percent escape in x.pe: \"%5g\"");
    QTest::newRow("bad escape in key") << m + kHex + QStringLiteral("&t%r=1")
                                       << QStringLiteral("bad percent escape in a parameter name: \"%r\"");
    QTest::newRow("invalid utf-8 in dn") << m + kHex + QStringLiteral("&dn=%FF%FE")
                                         << QStringLiteral("invalid UTF-8 in dn");
    QTest::newRow("truncated utf-8 in tr") << m + kHex + QStringLiteral("&tr=http://a.example/%C3")
                                           << QStringLiteral("invalid UTF-8 in tr");
    QTest::newRow("invalid utf-8 in key") << m + kHex + QStringLiteral("&%C0=1")
                                          << QStringLiteral("invalid UTF-8 in a parameter name");

    const char *badPeers[] = {
        "192.0.2.7", "192.0.2.7:", "192.0.2.7:0", "192.0.2.7:65536", "192.0.2.7:123456",
        "192.0.2.7:+80", "192.0.2.7:-1", "192.0.2.7:80x", ":6881", "2001:db8::1:6881",
        "[::1]6881", "[::1]:", "[::1:80", "[192.0.2.7]:80", "[fe80::1%25eth0]:80", "[zz::1]:80",
        "256.0.0.1:80", "1.2.3:80", "1.2.3.4.5:80", "01.2.3.4:80", "host_name:80", "-host:80",
        "host-:80", "a..b:80", "", "h%C3%A9.example:80",
    };
    for (const char *peer : badPeers) {
        QTest::addRow("x.pe \"%s\"", peer)
            << m + kHex + QStringLiteral("&x.pe=") + QString::fromLatin1(peer) << peerError;
    }
    QTest::newRow("numbered x.pe named") << m + kHex + QStringLiteral("&x.pe.2=nope")
                                         << QStringLiteral("bad peer address in x.pe.2 (");

    const QString lengthError = QStringLiteral("bad length in xl (expected a non-negative decimal integer)");
    QTest::newRow("xl negative") << m + kHex + QStringLiteral("&xl=-1") << lengthError;
    QTest::newRow("xl plus sign") << m + kHex + QStringLiteral("&xl=+5") << lengthError;
    QTest::newRow("xl empty") << m + kHex + QStringLiteral("&xl=") << lengthError;
    QTest::newRow("xl suffix") << m + kHex + QStringLiteral("&xl=12kb") << lengthError;
    QTest::newRow("xl fraction") << m + kHex + QStringLiteral("&xl=1.5") << lengthError;
    QTest::newRow("xl space") << m + kHex + QStringLiteral("&xl=%201") << lengthError;
    QTest::newRow("xl later bad") << m + kHex + QStringLiteral("&xl=1&xl=x") << lengthError;
    QTest::newRow("xl 2^63") << m + kHex + QStringLiteral("&xl=9223372036854775808")
                             << QStringLiteral("length in xl is too large: \"9223372036854775808\"");
    QTest::newRow("xl 20 digits") << m + kHex + QStringLiteral("&xl=99999999999999999999")
                                  << QStringLiteral("length in xl is too large");
}

void TestMagnetLink::errors()
{
    QFETCH(QString, uri);
    QFETCH(QString, expected);
    QString error;
    const std::optional<MagnetLink> link = parseMagnet(uri, &error);
    QVERIFY2(!link, qPrintable(link ? link->toString() : QString()));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
}

void TestMagnetLink::errorWithoutErrorPointer()
{
    QVERIFY(!parseMagnet(QStringLiteral("magnet:?xt=urn:btih:xyz")));
    QVERIFY(parseMagnet(withHash(QString())));

    // A value full of control characters and very long still gives a one-line, short message.
    QString error;
    const QString junk = QStringLiteral("%0A%0D").repeated(500);
    QVERIFY(!parseMagnet(withHash(QStringLiteral("&x.pe=") + junk), &error));
    QVERIFY2(error.startsWith(QStringLiteral("bad peer address in x.pe")), qPrintable(error));
    QVERIFY(!error.contains(u'\n') && !error.contains(u'\r'));
    QVERIFY2(error.size() < 300, qPrintable(error));
}

void TestMagnetLink::limits()
{
    QString error;

    // Whole-URI length: exactly at the limit passes, one character more fails.
    MagnetLimits small;
    small.maxLength = 100;
    QString uri = withHash(QStringLiteral("&dn="));
    uri += QString(small.maxLength - uri.size(), u'a');
    QCOMPARE(uri.size(), small.maxLength);
    QVERIFY2(parseMagnet(uri, &error, small), qPrintable(error));
    uri += u'a';
    QVERIFY(!parseMagnet(uri, &error, small));
    QCOMPARE(error, QStringLiteral("magnet link too long (101 characters, limit 100)"));
    QVERIFY(!parseMagnet(QString(70 * 1024, u'x'), &error));
    QVERIFY2(error.startsWith(QStringLiteral("magnet link too long")), qPrintable(error));

    // Trackers: duplicates and skipped ones do not count.
    MagnetLimits two;
    two.maxTrackers = 2;
    two.maxPeers = 2;
    two.maxWebSeeds = 2;
    const QString twoTrackers = QStringLiteral("&tr=udp://a.example:1&tr=ftp://x.example/"
                                               "&tr=udp://a.example:1&tr=udp://b.example:1");
    QVERIFY2(parseMagnet(withHash(twoTrackers), &error, two), qPrintable(error));
    QVERIFY(!parseMagnet(withHash(twoTrackers + QStringLiteral("&tr=udp://c.example:1")), &error, two));
    QCOMPARE(error, QStringLiteral("too many trackers (more than 2)"));

    const QString twoPeers = QStringLiteral("&x.pe=10.0.0.1:1&x.pe=10.0.0.1:1&x.pe=10.0.0.2:1");
    QVERIFY2(parseMagnet(withHash(twoPeers), &error, two), qPrintable(error));
    QVERIFY(!parseMagnet(withHash(twoPeers + QStringLiteral("&x.pe=10.0.0.3:1")), &error, two));
    QCOMPARE(error, QStringLiteral("too many peers in x.pe (more than 2)"));

    const QString twoSeeds = QStringLiteral("&ws=http://a.example/&ws=http://a.example/&ws=http://b.example/");
    QVERIFY2(parseMagnet(withHash(twoSeeds), &error, two), qPrintable(error));
    QVERIFY(!parseMagnet(withHash(twoSeeds + QStringLiteral("&ws=http://c.example/")), &error, two));
    QCOMPARE(error, QStringLiteral("too many web seeds (more than 2)"));

    // The defaults hold 200 trackers.
    QString many = withHash(QString());
    for (int i = 0; i < 201; ++i)
        many += QStringLiteral("&tr=udp://t%1.example:1").arg(i);
    QVERIFY(!parseMagnet(many, &error));
    QCOMPARE(error, QStringLiteral("too many trackers (more than 200)"));
}

void TestMagnetLink::canonicalString()
{
    MagnetLink link;
    link.infoHash = *InfoHash::fromBase32(kBase32);
    QCOMPARE(link.toString(), QStringLiteral("magnet:?xt=urn:btih:") + kHex);

    link.displayName = QString::fromUtf8("a b+c/\xc3\xa9");
    link.exactLength = 5;
    link.trackers = {QStringLiteral("udp://t.example:1337/announce"), QStringLiteral("http://u.example/a")};
    link.webSeeds = {QStringLiteral("https://w.example/f~x")};
    link.peers = {QStringLiteral("[::1]:6881")};
    // Expected escapes from Python's urllib.parse.quote(value, safe='').
    QCOMPARE(link.toString(),
             QStringLiteral("magnet:?xt=urn:btih:") + kHex
                 + QStringLiteral("&dn=a%20b%2Bc%2F%C3%A9&xl=5"
                                  "&tr=udp%3A%2F%2Ft.example%3A1337%2Fannounce"
                                  "&tr=http%3A%2F%2Fu.example%2Fa"
                                  "&ws=https%3A%2F%2Fw.example%2Ff~x"
                                  "&x.pe=%5B%3A%3A1%5D%3A6881"));
    QCOMPARE(parsedOrFail(link.toString()), link);
}

void TestMagnetLink::roundTrip_data()
{
    QTest::addColumn<QString>("uri");
    const QString m = QStringLiteral("magnet:?xt=urn:btih:");
    QTest::newRow("bare") << m + kBase32.toLower();
    QTest::newRow("everything")
        << m + kHex.toUpper()
               + QStringLiteral("&dn=x+y%2Bz%26%3D%25&xl=0&tr=http://a.example/?a+b&tr=udp://b.example:1"
                                "&ws=https://w.example/&x.pe=[2001:DB8::1]:1&x.pe=Host.Example:2"
                                "&x.pe=10.0.0.1:003");
    QTest::newRow("unicode and controls")
        << m + kHex + QString::fromUtf8("&dn=%EF%BB%BF\xe6\x97\xa5%00%0A%09+end");
    QTest::newRow("numbered") << QStringLiteral("magnet:?xt.1=urn:btih:") + kHex
                                     + QStringLiteral("&tr.1=udp://a.example:1&tr.2=udp://a.example:1");
}

void TestMagnetLink::roundTrip()
{
    QFETCH(QString, uri);
    QString error;
    const std::optional<MagnetLink> first = parseMagnet(uri, &error);
    QVERIFY2(first, qPrintable(error));
    const QString canonical = first->toString();
    const std::optional<MagnetLink> second = parseMagnet(canonical, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(*second, *first);
    QCOMPARE(second->toString(), canonical);
}

void TestMagnetLink::isMagnetUri_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("plain") << QStringLiteral("magnet:?xt=urn:btih:") + kHex << true;
    QTest::newRow("just prefix") << QStringLiteral("magnet:?") << true;
    QTest::newRow("upper") << QStringLiteral("MAGNET:?XT") << true;
    QTest::newRow("mixed") << QStringLiteral("MaGnEt:?") << true;
    QTest::newRow("pasted with whitespace") << QStringLiteral(" \tmagnet:?xt\n") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no question mark") << QStringLiteral("magnet:xt=1") << false;
    QTest::newRow("scheme only") << QStringLiteral("magnet:") << false;
    QTest::newRow("torrent path") << QStringLiteral("/tmp/magnet:?.torrent") << false;
    QTest::newRow("prefixed") << QStringLiteral("xmagnet:?") << false;
    QTest::newRow("http") << QStringLiteral("http://example.com/?magnet:?") << false;
}

void TestMagnetLink::isMagnetUri()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(swarmscope::metainfo::isMagnetUri(text), expected);
}

void TestMagnetLink::magnetForTorrent()
{
    TorrentInfo info;
    info.infoHash = *InfoHash::fromHex(kHex);
    info.name = QString::fromUtf8("Some name \xc3\xa9");
    info.totalSize = 123456789;
    info.trackerTiers = {{QStringLiteral("udp://a.example:1"), QStringLiteral("http://b.example/announce")},
                         {QStringLiteral("udp://c.example:3"), QStringLiteral("udp://a.example:1")}};
    info.webSeeds = {QStringLiteral("http://w.example/"), QStringLiteral("http://w.example/"),
                     QStringLiteral("https://v.example/")};

    const MagnetLink link = magnetFor(info);
    QCOMPARE(link.infoHash.toHex(), kHex);
    QCOMPARE(link.displayName, info.name);
    QVERIFY(link.exactLength);
    QCOMPARE(*link.exactLength, qint64(123456789));
    const QStringList trackers = {QStringLiteral("udp://a.example:1"),
                                  QStringLiteral("http://b.example/announce"),
                                  QStringLiteral("udp://c.example:3")};
    QCOMPARE(link.trackers, trackers);
    const QStringList seeds = {QStringLiteral("http://w.example/"), QStringLiteral("https://v.example/")};
    QCOMPARE(link.webSeeds, seeds);
    QVERIFY(link.peers.isEmpty());
    QCOMPARE(parsedOrFail(link.toString()), link);
}

void TestMagnetLink::dataFiles()
{
    const QString dir = QStringLiteral(SWARMSCOPE_TEST_DATA "/magnet/");
    const QStringList valid = linesOf(dir + QStringLiteral("valid.txt"));
    const QStringList invalid = linesOf(dir + QStringLiteral("invalid.txt"));
    QVERIFY(valid.size() >= 10);
    QVERIFY(invalid.size() >= 10);

    const InfoHash expected = *InfoHash::fromHex(kHex);
    for (const QString &uri : valid) {
        QString error;
        const std::optional<MagnetLink> link = parseMagnet(uri, &error);
        QVERIFY2(link, qPrintable(uri + QStringLiteral(": ") + error));
        QVERIFY2(link->infoHash == expected, qPrintable(uri));
        QVERIFY2(swarmscope::metainfo::isMagnetUri(uri), qPrintable(uri));
        QCOMPARE(parsedOrFail(link->toString()), *link);
    }
    for (const QString &uri : invalid) {
        QString error;
        QVERIFY2(!parseMagnet(uri, &error), qPrintable(uri));
        QVERIFY2(!error.isEmpty() && !error.contains(u'\n'), qPrintable(uri));
    }
}

QTEST_APPLESS_MAIN(TestMagnetLink)
#include "tst_magnetlink.moc"
