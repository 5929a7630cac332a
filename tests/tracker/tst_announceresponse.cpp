// Announce and scrape responses: every peer form, the limits, and each kind of error.
#include "bencode/writer.h"
#include "tracker/announceresponse.h"
#include "tracker/scrape.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

QByteArray v4(quint8 a, quint8 b, quint8 c, quint8 d, quint16 port)
{
    const char bytes[] = {char(a), char(b), char(c), char(d), char(port >> 8), char(port & 0xff)};
    return QByteArray(bytes, 6);
}

QByteArray v6(const QString &address, quint16 port)
{
    const Q_IPV6ADDR a = QHostAddress(address).toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(a.c), 16) + char(port >> 8) + char(port & 0xff);
}

QByteArray body(bencode::Dict d)
{
    return bencode::encode(d);
}

} // namespace

class TestAnnounceResponse : public QObject {
    Q_OBJECT
private slots:
    void compactPeers();
    void handWrittenBencode();
    void dictionaryPeers();
    void peers6();
    void duplicatesAcrossForms();
    void peerCap();
    void failureAndWarning();
    void errors_data();
    void errors();
    void sizeLimit();
    void scrapeUrl_data();
    void scrapeUrl();
    void scrapeRequestUrl();
    void scrapeResponse();
    void scrapeErrors_data();
    void scrapeErrors();
    void scrapeQuery();
};

void TestAnnounceResponse::compactPeers()
{
    bencode::Dict d;
    d["interval"] = 1800;
    d["min interval"] = 60;
    d["complete"] = 5;
    d["incomplete"] = 3;
    d["downloaded"] = 42;
    d["tracker id"] = "abc";
    d["external ip"] = QByteArray("\x0a\x00\x00\x07", 4);
    d["peers"] = v4(1, 2, 3, 4, 6881) + v4(10, 0, 0, 1, 0) + v4(192, 168, 0, 9, 65535) + v4(0, 0, 0, 0, 80);
    QString error;
    const auto r = parseAnnounceResponse(body(d), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY(!r->failed());
    QCOMPARE(r->interval.value(), 1800);
    QCOMPARE(r->minInterval.value(), 60);
    QCOMPARE(r->complete.value(), 5);
    QCOMPARE(r->incomplete.value(), 3);
    QCOMPARE(r->downloaded.value(), 42);
    QCOMPARE(r->trackerId, QByteArray("abc"));
    QCOMPARE(r->externalIp, QHostAddress(QStringLiteral("10.0.0.7")));
    QCOMPARE(r->peers.size(), 2); // port 0 and 0.0.0.0 dropped
    QCOMPARE(r->droppedPeers, 2);
    QCOMPARE(r->peers[0].address, QHostAddress(QStringLiteral("1.2.3.4")));
    QCOMPARE(r->peers[0].port, quint16(6881));
    QVERIFY(r->peers[0].peerId.isEmpty());
    QCOMPARE(r->peers[1].address, QHostAddress(QStringLiteral("192.168.0.9")));
    QCOMPARE(r->peers[1].port, quint16(65535));
}

void TestAnnounceResponse::handWrittenBencode()
{
    // As a real tracker writes it, with a trailing newline some PHP trackers add.
    const QByteArray raw = QByteArray("d8:intervali900e5:peers6:") + v4(127, 0, 0, 1, 0x1ae1) + "e\r\n";
    const auto r = parseAnnounceResponse(raw);
    QVERIFY(r);
    QCOMPARE(r->interval.value(), 900);
    QVERIFY(!r->minInterval);
    QVERIFY(!r->complete);
    QCOMPARE(r->peers.size(), 1);
    QCOMPARE(r->peers[0].address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(r->peers[0].port, quint16(6881));
}

void TestAnnounceResponse::dictionaryPeers()
{
    const QByteArray id(20, 'I');
    auto peer = [](const QByteArray &ip, bencode::Integer port, const QByteArray &peerId = {}) {
        bencode::Dict p;
        p["ip"] = ip;
        p["port"] = port;
        if (!peerId.isNull())
            p["peer id"] = peerId;
        return bencode::Value(p);
    };
    bencode::List list{peer("10.1.2.3", 51413, id), peer("2001:db8::1", 6881), peer("tracker.example", 80),
                       peer("10.1.2.4", 0), peer("10.1.2.5", 70000), peer("10.1.2.6", -1),
                       peer("10.1.2.7", 7000, "short"), bencode::Value("not a dict")};
    bencode::Dict noPort;
    noPort["ip"] = "10.9.9.9";
    list.emplace_back(std::move(noPort));
    bencode::Dict d;
    d["interval"] = 60;
    d["peers"] = list;
    const auto r = parseAnnounceResponse(body(d));
    QVERIFY(r);
    QCOMPARE(r->peers.size(), 3);
    QCOMPARE(r->droppedPeers, 6);
    QCOMPARE(r->peers[0].address, QHostAddress(QStringLiteral("10.1.2.3")));
    QCOMPARE(r->peers[0].port, quint16(51413));
    QCOMPARE(r->peers[0].peerId, id);
    QCOMPARE(r->peers[1].address, QHostAddress(QStringLiteral("2001:db8::1")));
    QCOMPARE(r->peers[2].port, quint16(7000));
    QVERIFY(r->peers[2].peerId.isEmpty()); // a peer id that is not 20 bytes is ignored
}

void TestAnnounceResponse::peers6()
{
    bencode::Dict d;
    d["peers"] = QByteArray();
    d["peers6"] = v6(QStringLiteral("2001:db8::5"), 6881) + v6(QStringLiteral("::ffff:10.0.0.2"), 6882)
                  + v6(QStringLiteral("ff02::1"), 6883) + v6(QStringLiteral("::"), 1);
    const auto r = parseAnnounceResponse(body(d));
    QVERIFY(r);
    QCOMPARE(r->peers.size(), 2);
    QCOMPARE(r->peers[0].address, QHostAddress(QStringLiteral("2001:db8::5")));
    QCOMPARE(r->peers[0].port, quint16(6881));
    // IPv4-mapped addresses become plain IPv4.
    QCOMPARE(r->peers[1].address.protocol(), QAbstractSocket::IPv4Protocol);
    QCOMPARE(r->peers[1].address, QHostAddress(QStringLiteral("10.0.0.2")));
    QCOMPARE(r->droppedPeers, 2); // multicast and unspecified
}

void TestAnnounceResponse::duplicatesAcrossForms()
{
    bencode::Dict d;
    d["peers"] = v4(10, 0, 0, 2, 6882) + v4(10, 0, 0, 2, 6882) + v4(10, 0, 0, 2, 6883);
    d["peers6"] = v6(QStringLiteral("::ffff:10.0.0.2"), 6882);
    const auto r = parseAnnounceResponse(body(d));
    QVERIFY(r);
    QCOMPARE(r->peers.size(), 2);
    QCOMPARE(r->peers[1].port, quint16(6883));
}

void TestAnnounceResponse::peerCap()
{
    QByteArray compact;
    for (int i = 0; i < 600; ++i)
        compact += v4(10, 0, quint8(i >> 8), quint8(i), 1000);
    bencode::Dict d;
    d["peers"] = compact;
    const auto r = parseAnnounceResponse(body(d));
    QVERIFY(r);
    QCOMPARE(r->peers.size(), 500);
    QCOMPARE(r->droppedPeers, 100);
    ResponseLimits small;
    small.maxPeers = 7;
    QCOMPARE(parseAnnounceResponse(body(d), nullptr, small)->peers.size(), 7);
}

void TestAnnounceResponse::failureAndWarning()
{
    const auto failed = parseAnnounceResponse("d14:failure reason17:torrent not founde");
    QVERIFY(failed);
    QVERIFY(failed->failed());
    QCOMPARE(failed->failureReason, QStringLiteral("torrent not found"));
    QVERIFY(failed->peers.isEmpty());

    bencode::Dict d;
    d["warning message"] = QStringLiteral("überlastet").toUtf8();
    d["interval"] = 30;
    d["peers"] = v4(8, 8, 4, 4, 1);
    const auto warned = parseAnnounceResponse(body(d));
    QVERIFY(warned);
    QVERIFY(!warned->failed());
    QCOMPARE(warned->warningMessage, QStringLiteral("überlastet"));
    QCOMPARE(warned->peers.size(), 1);

    bencode::Dict huge;
    huge["failure reason"] = QByteArray(100'000, 'x');
    QCOMPARE(parseAnnounceResponse(body(huge))->failureReason.size(), 2048); // capped for the UI
}

void TestAnnounceResponse::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty response");
    QTest::newRow("html") << QByteArray("<html>busy</html>") << QStringLiteral("not bencoded");
    QTest::newRow("truncated") << QByteArray("d8:intervali1800e5:peers12:abc") << QStringLiteral("not bencoded");
    QTest::newRow("list") << QByteArray("li1ee") << QStringLiteral("response is not a dictionary");
    QTest::newRow("trailing data") << QByteArray("d8:intervali1ee garbage")
                                   << QStringLiteral("unexpected data after the response");
    QTest::newRow("compact 7") << QByteArray("d5:peers7:abcdefge")
                               << QStringLiteral("compact 'peers' is 7 bytes, not a multiple of 6");
    QTest::newRow("peers6 17") << QByteArray("d6:peers617:abcdefghijklmnopqe")
                               << QStringLiteral("compact 'peers6' is 17 bytes, not a multiple of 18");
    QTest::newRow("peers int") << QByteArray("d5:peersi3ee")
                               << QStringLiteral("'peers' is neither a string nor a list");
    QTest::newRow("peers6 list") << QByteArray("d6:peers6lee") << QStringLiteral("'peers6' is not a string");
    QTest::newRow("negative interval") << QByteArray("d8:intervali-5ee")
                                       << QStringLiteral("'interval' is not a non-negative integer");
    QTest::newRow("string interval") << QByteArray("d8:interval4:1800e")
                                     << QStringLiteral("'interval' is not a non-negative integer");
    QTest::newRow("int failure") << QByteArray("d14:failure reasoni1ee")
                                 << QStringLiteral("'failure reason' is not a string");
    QTest::newRow("empty failure") << QByteArray("d14:failure reason0:e")
                                   << QStringLiteral("'failure reason' is empty");
    QTest::newRow("deep") << QByteArray("d1:x") + QByteArray(20, 'l') + QByteArray(20, 'e') + "e"
                          << QStringLiteral("not bencoded");
}

void TestAnnounceResponse::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!parseAnnounceResponse(input, &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

void TestAnnounceResponse::sizeLimit()
{
    bencode::Dict d;
    d["padding"] = QByteArray(2 * 1024 * 1024, 'p');
    QString error;
    QVERIFY(!parseAnnounceResponse(body(d), &error));
    QVERIFY2(error.contains(QLatin1String("larger than the limit")), qPrintable(error));
    ResponseLimits roomy;
    roomy.maxSize = 4 * 1024 * 1024;
    QVERIFY(parseAnnounceResponse(body(d), nullptr, roomy));
}

void TestAnnounceResponse::scrapeUrl_data()
{
    QTest::addColumn<QString>("announce");
    QTest::addColumn<QString>("scrape"); // empty: not supported
    // The examples of BEP 48, then edge cases.
    QTest::newRow("plain") << "http://example.com/announce" << "http://example.com/scrape";
    QTest::newRow("folder") << "http://example.com/x/announce" << "http://example.com/x/scrape";
    QTest::newRow("php") << "http://example.com/announce.php" << "http://example.com/scrape.php";
    QTest::newRow("other") << "http://example.com/a" << QString();
    QTest::newRow("query") << "http://example.com/announce?x2%0644" << "http://example.com/scrape?x2%0644";
    QTest::newRow("slash in query") << "http://example.com/announce?x=2/4" << "http://example.com/scrape?x=2/4";
    QTest::newRow("escaped") << "http://example.com/x%064announce" << QString();
    QTest::newRow("passkey") << "https://t.example:443/abc123/announce"
                             << "https://t.example:443/abc123/scrape";
    QTest::newRow("host named announce") << "http://announce" << QString();
    QTest::newRow("host named announce, path") << "http://announce/x" << QString();
    QTest::newRow("trailing slash") << "http://example.com/announce/" << QString();
    QTest::newRow("not first") << "http://example.com/announce/x" << QString();
    QTest::newRow("no scheme") << "example.com/announce" << QString();
}

void TestAnnounceResponse::scrapeUrl()
{
    QFETCH(QString, announce);
    QFETCH(QString, scrape);
    QCOMPARE(scrapeUrlFor(announce).value_or(QString()), scrape);
}

void TestAnnounceResponse::scrapeRequestUrl()
{
    const auto a = metainfo::InfoHash::fromBytes(QByteArray(20, 'a'));
    const auto b = metainfo::InfoHash::fromBytes(QByteArray(19, '\x00') + '/');
    QCOMPARE(buildScrapeUrl(QStringLiteral("http://t/scrape?k=1"), {a, b}),
             QByteArray("http://t/scrape?k=1&info_hash=aaaaaaaaaaaaaaaaaaaa&info_hash="
                        "%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%2F"));
}

void TestAnnounceResponse::scrapeResponse()
{
    const QByteArray h1(20, '1');
    const QByteArray h2(20, '2');
    bencode::Dict s1;
    s1["complete"] = 3;
    s1["downloaded"] = 10;
    s1["incomplete"] = 7;
    s1["name"] = "ignored";
    bencode::Dict s2;
    s2["complete"] = 1;
    bencode::Dict files;
    files[h1] = s1;
    files[h2] = s2;
    files["short"] = s1;                  // not an info-hash: skipped
    files[QByteArray(20, '3')] = "junk";  // not a dictionary: skipped
    bencode::Dict flags;
    flags["min_request_interval"] = 900;
    bencode::Dict d;
    d["files"] = files;
    d["flags"] = flags;
    QString error;
    const auto r = parseScrapeResponse(bencode::encode(d), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->files.size(), 2);
    const ScrapeStats a = r->files.value(metainfo::InfoHash::fromBytes(h1));
    QCOMPARE(a.complete.value(), 3);
    QCOMPARE(a.downloaded.value(), 10);
    QCOMPARE(a.incomplete.value(), 7);
    const ScrapeStats b = r->files.value(metainfo::InfoHash::fromBytes(h2));
    QCOMPARE(b.complete.value(), 1);
    QVERIFY(!b.incomplete);
    QCOMPARE(r->minRequestInterval.value(), 900);

    const auto refused = parseScrapeResponse("d14:failure reason13:not supportede");
    QVERIFY(refused);
    QCOMPARE(refused->failureReason, QStringLiteral("not supported"));
    ScrapeLimits one;
    one.maxFiles = 1;
    QCOMPARE(parseScrapeResponse(bencode::encode(d), nullptr, one)->files.size(), 1);
}

void TestAnnounceResponse::scrapeErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");
    QTest::newRow("garbage") << QByteArray("nope") << QStringLiteral("not bencoded");
    QTest::newRow("int") << QByteArray("i4e") << QStringLiteral("response is not a dictionary");
    QTest::newRow("files list") << QByteArray("d5:fileslee") << QStringLiteral("'files' is not a dictionary");
    QTest::newRow("negative") << "d5:filesd20:" + QByteArray(20, 'x') + "d8:completei-1eeee"
                              << QStringLiteral("'complete' of a file is not a non-negative integer");
    QTest::newRow("string count") << "d5:filesd20:" + QByteArray(20, 'x') + "d10:incomplete1:3eee"
                                  << QStringLiteral("'incomplete' of a file");
}

void TestAnnounceResponse::scrapeErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!parseScrapeResponse(input, &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

void TestAnnounceResponse::scrapeQuery()
{
    const QByteArray a(20, 'a');
    const auto hashes = parseScrapeQuery({{"info_hash", a}, {"x", "1"}, {"info_hash", a}, {"info_hash", QByteArray(20, 'b')}});
    QVERIFY(hashes);
    QCOMPARE(hashes->size(), 2); // duplicates folded
    QCOMPARE(hashes->first().bytes(), a);
    QVERIFY(parseScrapeQuery({})->isEmpty());
    QString error;
    QVERIFY(!parseScrapeQuery({{"info_hash", "short"}}, &error));
    QVERIFY(error.contains(QLatin1String("5 bytes")));
}

QTEST_GUILESS_MAIN(TestAnnounceResponse)
#include "tst_announceresponse.moc"
