// The BEP 15 / BEP 41 codec against hand-written bytes: every request byte for byte, every reply
// form, and every rejection (size, action, transaction id, limits).
#include "tracker/udptrackercodec.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

const auto hashA = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef01234567"));
const auto hashB = metainfo::InfoHash::fromBytes(QByteArray::fromHex("fedcba9876543210fedcba9876543210fedcba98"));

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

AnnounceRequest sampleRequest()
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = "-SS0100-123456789012";
    r.port = 6881;
    r.downloaded = 1000;
    r.left = (qint64(1) << 33) + 5;
    r.uploaded = 16;
    r.event = AnnounceEvent::Started;
    r.key = "1a2b3c4d";
    r.numWant = 50;
    return r;
}

const QByteArray sampleAnnounceBytes = hex("0102030405060708" "00000001" "deadbeef")
                                       + hex("0123456789abcdef0123456789abcdef01234567")
                                       + QByteArray("-SS0100-123456789012")
                                       + hex("00000000000003e8"   // downloaded
                                             "0000000200000005"   // left
                                             "0000000000000010"   // uploaded
                                             "00000002"           // event: started
                                             "00000000"           // ip
                                             "1a2b3c4d"           // key
                                             "00000032"           // num_want
                                             "1ae1");             // port

} // namespace

class TestUdpTrackerCodec : public QObject {
    Q_OBJECT
private slots:
    void connectRequest()
    {
        QCOMPARE(encodeUdpConnectRequest(0x12345678), hex("0000041727101980" "00000000" "12345678"));
    }

    void announceRequest()
    {
        const QByteArray out = encodeUdpAnnounceRequest(0x0102030405060708ULL, 0xdeadbeef, sampleRequest());
        QCOMPARE(out.size(), 98);
        QCOMPARE(out, sampleAnnounceBytes);
    }

    void announceEvents_data()
    {
        QTest::addColumn<AnnounceEvent>("event");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("none") << AnnounceEvent::None << hex("00000000");
        QTest::newRow("completed") << AnnounceEvent::Completed << hex("00000001");
        QTest::newRow("started") << AnnounceEvent::Started << hex("00000002");
        QTest::newRow("stopped") << AnnounceEvent::Stopped << hex("00000003");
    }
    void announceEvents()
    {
        QFETCH(AnnounceEvent, event);
        QFETCH(QByteArray, wire);
        AnnounceRequest r = sampleRequest();
        r.event = event;
        QCOMPARE(encodeUdpAnnounceRequest(1, 2, r).mid(80, 4), wire);
    }

    void announceFieldEdges()
    {
        AnnounceRequest r = sampleRequest();
        r.numWant = -1;
        r.downloaded = -5;
        r.left = -1;
        r.uploaded = -7;
        r.ip = "10.1.2.3";
        const QByteArray out = encodeUdpAnnounceRequest(1, 2, r);
        QCOMPARE(out.mid(56, 24), QByteArray(24, '\0')); // negative counters go out as 0
        QCOMPARE(out.mid(84, 4), hex("0a010203"));
        QCOMPARE(out.mid(92, 4), hex("ffffffff"));
        r.ip = "::1"; // no room for IPv6 in the field
        QCOMPARE(encodeUdpAnnounceRequest(1, 2, r).mid(84, 4), hex("00000000"));
        r.ip = "host.example";
        QCOMPARE(encodeUdpAnnounceRequest(1, 2, r).mid(84, 4), hex("00000000"));
    }

    void announceKey_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<quint32>("value");
        QTest::newRow("hex") << QByteArray("1a2b3c4d") << 0x1a2b3c4dU;
        QTest::newRow("short hex") << QByteArray("ff") << 0xffU;
        QTest::newRow("upper hex") << QByteArray("DEADBEEF") << 0xdeadbeefU;
        QTest::newRow("text hashed") << QByteArray("hello") << 0x4f9f2cabU;       // FNV-1a
        QTest::newRow("0x not hex") << QByteArray("0x12") << 0x1374ac9aU;         // hashed
        QTest::newRow("too long hex") << QByteArray("123456789") << 0xbb86b11cU;  // hashed
        QTest::newRow("empty") << QByteArray() << 0x811c9dc5U;                    // FNV offset basis
    }
    void announceKey()
    {
        QFETCH(QByteArray, key);
        QFETCH(quint32, value);
        QCOMPARE(udpAnnounceKey(key), value);
    }

    void announceUrlData()
    {
        const QByteArray path = "/announce?passkey=abc";
        const QByteArray out = encodeUdpAnnounceRequest(0x0102030405060708ULL, 0xdeadbeef, sampleRequest(), path);
        QCOMPARE(out, sampleAnnounceBytes + hex("0215") + path);
    }

    void announceUrlDataChunks()
    {
        // 300 bytes: one full 255-byte option, then 45.
        QByteArray path = "/" + QByteArray(299, 'p');
        QByteArray out = encodeUdpAnnounceRequest(0x0102030405060708ULL, 0xdeadbeef, sampleRequest(), path);
        QCOMPARE(out, sampleAnnounceBytes + hex("02ff") + path.left(255) + hex("022d") + path.mid(255));
        // Exactly two chunks: no empty third option.
        path = QByteArray(510, 'q');
        out = encodeUdpAnnounceRequest(1, 2, sampleRequest(), path);
        QCOMPARE(out.size(), 98 + 2 + 255 + 2 + 255);
        QCOMPARE(out.mid(98, 2), hex("02ff"));
        QCOMPARE(out.mid(355, 2), hex("02ff"));
        QVERIFY(encodeUdpAnnounceRequest(1, 2, sampleRequest(), QByteArray(1024, 'a')).size() > 98);
    }

    void announceEncodeRejects()
    {
        AnnounceRequest r = sampleRequest();
        r.peerId = "short";
        QVERIFY(encodeUdpAnnounceRequest(1, 2, r).isEmpty());
        r = sampleRequest();
        r.infoHash = {};
        QVERIFY(encodeUdpAnnounceRequest(1, 2, r).isEmpty());
        QVERIFY(encodeUdpAnnounceRequest(1, 2, sampleRequest(), QByteArray(1025, 'a')).isEmpty());
    }

    void scrapeRequest()
    {
        QCOMPARE(encodeUdpScrapeRequest(0x0102030405060708ULL, 0xcafef00d, {hashA, hashB}),
                 hex("0102030405060708" "00000002" "cafef00d"
                     "0123456789abcdef0123456789abcdef01234567"
                     "fedcba9876543210fedcba9876543210fedcba98"));
        const QList<metainfo::InfoHash> max(74, hashA);
        QCOMPARE(encodeUdpScrapeRequest(1, 2, max).size(), 16 + 74 * 20);
    }

    void scrapeEncodeRejects()
    {
        QVERIFY(encodeUdpScrapeRequest(1, 2, {}).isEmpty());
        QVERIFY(encodeUdpScrapeRequest(1, 2, QList<metainfo::InfoHash>(75, hashA)).isEmpty());
        QVERIFY(encodeUdpScrapeRequest(1, 2, {hashA, metainfo::InfoHash()}).isEmpty());
    }

    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("announce") << "udp://tracker.example.org:6969/announce" << "tracker.example.org" << 6969
                                  << QByteArray("/announce");
        QTest::newRow("no path") << "udp://tracker.example.org:6969" << "tracker.example.org" << 6969 << QByteArray();
        QTest::newRow("slash") << "udp://tracker.example.org:80/" << "tracker.example.org" << 80 << QByteArray();
        QTest::newRow("passkey") << "udp://10.0.0.1:1337/announce?passkey=a%20b&x=1" << "10.0.0.1" << 1337
                                 << QByteArray("/announce?passkey=a%20b&x=1");
        QTest::newRow("ipv6") << "udp://[::1]:6969/announce" << "::1" << 6969 << QByteArray("/announce");
        QTest::newRow("fragment dropped") << "UDP://127.0.0.1:80/x?y=1#frag" << "127.0.0.1" << 80
                                          << QByteArray("/x?y=1");
        QTest::newRow("space escaped") << " udp://h:1/a b " << "h" << 1 << QByteArray("/a%20b");
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, request);
        QString error;
        const auto parsed = parseUdpTrackerUrl(url, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->host, host);
        QCOMPARE(int(parsed->port), port);
        QCOMPARE(parsed->requestString, request);
    }

    void badUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty") << QString();
        QTest::newRow("http") << "http://tracker.example.org:80/announce";
        QTest::newRow("no host") << "udp://:80/announce";
        QTest::newRow("no port") << "udp://tracker.example.org/announce";
        QTest::newRow("port 0") << "udp://tracker.example.org:0/announce";
        QTest::newRow("port too big") << "udp://tracker.example.org:70000/announce";
        QTest::newRow("path too long") << QStringLiteral("udp://h:1/") + QString(1100, QLatin1Char('a'));
    }
    void badUrls()
    {
        QFETCH(QString, url);
        QString error;
        QVERIFY(!parseUdpTrackerUrl(url, &error));
        QVERIFY(!error.isEmpty());
    }

    void replyHeader()
    {
        QVERIFY(!parseUdpReplyHeader(hex("00000001000000")));
        const auto h = parseUdpReplyHeader(hex("0000000300000102"));
        QVERIFY(h);
        QCOMPARE(h->action, 3U);
        QCOMPARE(h->transactionId, 0x102U);
    }

    void connectReply()
    {
        const auto id = parseUdpConnectResponse(hex("00000000" "12345678" "0a0b0c0d0e0f1011"), 0x12345678);
        QCOMPARE(id, std::optional<quint64>(0x0a0b0c0d0e0f1011ULL));
    }

    void connectRejects_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::newRow("short header") << hex("00000000123456");
        QTest::newRow("15 bytes") << hex("00000000" "12345678" "0a0b0c0d0e0f10");
        QTest::newRow("17 bytes") << hex("00000000" "12345678" "0a0b0c0d0e0f101112");
        QTest::newRow("other tid") << hex("00000000" "12345679" "0a0b0c0d0e0f1011");
        QTest::newRow("announce action") << hex("00000001" "12345678" "0a0b0c0d0e0f1011");
        QTest::newRow("error action") << hex("00000003" "12345678" "0a0b0c0d0e0f1011");
    }
    void connectRejects()
    {
        QFETCH(QByteArray, datagram);
        QString error;
        QVERIFY(!parseUdpConnectResponse(datagram, 0x12345678, &error));
        QVERIFY(!error.isEmpty());
    }

    void announceReplyV4()
    {
        const QByteArray datagram = hex("00000001" "00000042" "00000708" "00000003" "00000002"
                                        "0a000001" "1ae1"    // 10.0.0.1:6881
                                        "c0a80102" "c350"    // 192.168.1.2:50000
                                        "0a000001" "1ae1");  // duplicate
        QString error;
        const auto r = parseUdpAnnounceResponse(datagram, 0x42, false, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->interval, std::optional<qint64>(1800));
        QCOMPARE(r->incomplete, std::optional<qint64>(3)); // leechers come first on the wire
        QCOMPARE(r->complete, std::optional<qint64>(2));
        QCOMPARE(r->peers.size(), 2);
        QCOMPARE(r->peers[0].address, QHostAddress(QStringLiteral("10.0.0.1")));
        QCOMPARE(r->peers[0].port, quint16(6881));
        QCOMPARE(r->peers[1].address, QHostAddress(QStringLiteral("192.168.1.2")));
        QCOMPARE(r->peers[1].port, quint16(50000));
        QCOMPARE(r->droppedPeers, 0);
        QVERIFY(!r->failed());
    }

    void announceReplyDropsUnusable()
    {
        const QByteArray datagram = hex("00000001" "00000042" "00000708" "00000000" "00000000"
                                        "0a000001" "0000"    // port 0
                                        "00000000" "1ae1"    // unspecified
                                        "ffffffff" "1ae1"    // broadcast
                                        "e0000001" "1ae1"    // multicast
                                        "7f000001" "1ae1");  // loopback is fine
        const auto r = parseUdpAnnounceResponse(datagram, 0x42, false);
        QVERIFY(r);
        QCOMPARE(r->peers.size(), 1);
        QCOMPARE(r->peers[0].address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(r->droppedPeers, 4);
    }

    void announceReplyPeerCap()
    {
        QByteArray datagram = hex("00000001" "00000042" "00000708" "00000000" "00000000");
        for (int i = 1; i <= 5; ++i)
            datagram += hex("0a0000") + char(i) + hex("1ae1");
        UdpLimits limits;
        limits.maxPeers = 3;
        const auto r = parseUdpAnnounceResponse(datagram, 0x42, false, nullptr, limits);
        QVERIFY(r);
        QCOMPARE(r->peers.size(), 3);
        QCOMPARE(r->droppedPeers, 2);
        QCOMPARE(r->peers[2].address, QHostAddress(QStringLiteral("10.0.0.3")));
    }

    void announceReplyV6()
    {
        const QByteArray datagram = hex("00000001" "00000042" "0000003c" "00000001" "00000000"
                                        "20010db8000000000000000000000001" "1ae1"   // 2001:db8::1
                                        "00000000000000000000ffff0a000002" "1ae2"); // mapped 10.0.0.2
        const auto r = parseUdpAnnounceResponse(datagram, 0x42, true);
        QVERIFY(r);
        QCOMPARE(r->interval, std::optional<qint64>(60));
        QCOMPARE(r->peers.size(), 2);
        QCOMPARE(r->peers[0].address, QHostAddress(QStringLiteral("2001:db8::1")));
        QCOMPARE(r->peers[1].address.protocol(), QAbstractSocket::IPv4Protocol);
        QCOMPARE(r->peers[1].address, QHostAddress(QStringLiteral("10.0.0.2")));
        QCOMPARE(r->peers[1].port, quint16(6882));
    }

    void announceRejects_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<bool>("ipv6");
        const QByteArray head = hex("00000001" "00000042" "00000708" "00000000" "00000000");
        QTest::newRow("19 bytes") << head.left(19) << false;
        QTest::newRow("header only") << head.left(8) << false; // what opentracker sends for a hash it refuses
        QTest::newRow("partial v4 peer") << head + hex("0a0000011a") << false;
        QTest::newRow("v4 peer to v6") << head + hex("0a0000011ae1") << true;
        QTest::newRow("partial v6 peer") << head + QByteArray(17, '\1') << true;
        QTest::newRow("other tid") << hex("00000001" "00000043") + head.mid(8) << false;
        QTest::newRow("scrape action") << hex("00000002" "00000042") + head.mid(8) << false;
        QTest::newRow("unknown action") << hex("00000009" "00000042") + head.mid(8) << false;
    }
    void announceRejects()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(bool, ipv6);
        QString error;
        QVERIFY(!parseUdpAnnounceResponse(datagram, 0x42, ipv6, &error));
        QVERIFY(!error.isEmpty());
    }

    void scrapeReply()
    {
        const QByteArray datagram = hex("00000002" "00000007"
                                        "00000005" "0000000b" "00000007"   // A: 5 seeders, 11 done, 7 leechers
                                        "00000000" "00000001" "00000002");
        QString error;
        const auto r = parseUdpScrapeResponse(datagram, 7, {hashA, hashB}, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->files.size(), 2);
        QCOMPARE(r->files.value(hashA), (ScrapeStats{5, 11, 7}));
        QCOMPARE(r->files.value(hashB), (ScrapeStats{0, 1, 2}));
        QVERIFY(r->failureReason.isEmpty());
    }

    void scrapeRejects_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        const QByteArray one = hex("00000005" "0000000b" "00000007");
        QTest::newRow("one entry for two hashes") << hex("00000002" "00000007") + one;
        QTest::newRow("three entries for two") << hex("00000002" "00000007") + one + one + one;
        QTest::newRow("partial entry") << hex("00000002" "00000007") + one + one.left(8);
        QTest::newRow("other tid") << hex("00000002" "00000008") + one + one;
        QTest::newRow("announce action") << hex("00000001" "00000007") + one + one;
        QTest::newRow("short") << hex("0000000200");
    }
    void scrapeRejects()
    {
        QFETCH(QByteArray, datagram);
        QString error;
        QVERIFY(!parseUdpScrapeResponse(datagram, 7, {hashA, hashB}, &error));
        QVERIFY(!error.isEmpty());
    }

    void errorReply_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("message");
        QTest::newRow("opentracker") << QByteArray("Connection ID missmatch.\0", 25)
                                     << QStringLiteral("Connection ID missmatch.");
        QTest::newRow("controls") << QByteArray("a\nb\tc\x1b") << QStringLiteral("a b c");
        QTest::newRow("utf8") << QByteArray("r\xc3\xa9voqu\xc3\xa9") << QStringLiteral("r\u00e9voqu\u00e9");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("tracker error without a message");
        QTest::newRow("blank") << QByteArray("  \r\n") << QStringLiteral("tracker error without a message");
    }
    void errorReply()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, message);
        QCOMPARE(parseUdpErrorResponse(hex("00000003" "00000009") + payload, 9), std::optional<QString>(message));
    }

    void errorReplyCapped()
    {
        UdpLimits limits;
        limits.maxErrorLength = 10;
        const auto m = parseUdpErrorResponse(hex("00000003" "00000009") + QByteArray(5000, 'x'), 9, nullptr, limits);
        QCOMPARE(m, std::optional<QString>(QString(10, QLatin1Char('x'))));
        // Invalid UTF-8 becomes replacement characters, not a failure.
        const auto bad = parseUdpErrorResponse(hex("00000003" "00000009" "ff61fe"), 9);
        QVERIFY(bad);
        QVERIFY(bad->contains(QLatin1Char('a')));
    }

    void errorRejects()
    {
        QString error;
        QVERIFY(!parseUdpErrorResponse(hex("00000003" "0000000a" "6f6f"), 9, &error));
        QVERIFY(error.contains(QLatin1String("transaction")));
        QVERIFY(!parseUdpErrorResponse(hex("00000001" "00000009" "6f6f"), 9, &error));
        QVERIFY(!parseUdpErrorResponse(hex("000000"), 9, &error));
    }
};

QTEST_GUILESS_MAIN(TestUdpTrackerCodec)
#include "tst_udptrackercodec.moc"
