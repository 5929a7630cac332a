// Announce URLs: byte-exact percent-encoding, query placement, and the tracker-side parser.
#include "tracker/announcerequest.h"
#include "tracker/urlencoding.h"

#include <QTest>
#include <QUrl>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

AnnounceRequest sampleRequest()
{
    AnnounceRequest r;
    r.infoHash = *metainfo::InfoHash::fromHex(u"0123456789abcdef0123456789abcdef01234567");
    r.peerId = QByteArray("-SS0100-a b~c.d_e-f+");
    r.port = 6881;
    r.uploaded = 100;
    r.downloaded = 200;
    r.left = 300;
    r.numWant = 80;
    r.key = "1A2B3C4D";
    r.event = AnnounceEvent::Started;
    return r;
}

const QByteArray sampleQuery =
    "info_hash=%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg"
    "&peer_id=-SS0100-a%20b~c.d_e-f%2B&port=6881&uploaded=100&downloaded=200&left=300"
    "&compact=1&numwant=80&key=1A2B3C4D&event=started";

} // namespace

class TestAnnounceRequest : public QObject {
    Q_OBJECT
private slots:
    void percentEncodeEveryByte();
    void percentDecodeErrors();
    void announceUrl_data();
    void announceUrl();
    void qurlKeepsEncoding();
    void parseQueryItems();
    void parseQueryLimits();
    void roundTripThroughTrackerParser();
    void trackerParserRejects_data();
    void trackerParserRejects();
    void trackerParserDefaults();
    void events();
};

void TestAnnounceRequest::percentEncodeEveryByte()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    const QByteArray encoded = percentEncode(all);
    // 66 unreserved bytes stay, the other 190 become %XX.
    QCOMPARE(encoded.size(), 66 + 190 * 3);
    QVERIFY(encoded.startsWith("%00%01%02"));
    QVERIFY(encoded.contains("%2D") == false); // '-' is unreserved
    QVERIFY(encoded.contains("-.%2F0123456789%3A"));
    QVERIFY(encoded.contains("%40ABC"));
    QVERIFY(encoded.endsWith("xyz%7B%7C%7D~%7F%80") == false);
    QVERIFY(encoded.contains("xyz%7B%7C%7D~%7F%80%81"));
    QVERIFY(encoded.endsWith("%FE%FF"));
    QCOMPARE(percentDecode(encoded).value(), all);
}

void TestAnnounceRequest::percentDecodeErrors()
{
    QCOMPARE(percentDecode("a%41%4a%4A+").value(), QByteArray("aAJJ+"));
    QVERIFY(!percentDecode("%"));
    QVERIFY(!percentDecode("%4"));
    QVERIFY(!percentDecode("ab%G1"));
    QVERIFY(!percentDecode("%1g"));
}

void TestAnnounceRequest::announceUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("http://tracker.example/announce")
                           << "http://tracker.example/announce?" + sampleQuery;
    QTest::newRow("existing query") << QStringLiteral("http://t.example:8080/announce.php?passkey=abc")
                                    << "http://t.example:8080/announce.php?passkey=abc&" + sampleQuery;
    QTest::newRow("ends with ?") << QStringLiteral("http://t.example/a?") << "http://t.example/a?" + sampleQuery;
    QTest::newRow("ends with &") << QStringLiteral("http://t.example/a?x=1&")
                                 << "http://t.example/a?x=1&" + sampleQuery;
    QTest::newRow("fragment dropped") << QStringLiteral("https://t.example/announce#top")
                                      << "https://t.example/announce?" + sampleQuery;
}

void TestAnnounceRequest::announceUrl()
{
    QFETCH(QString, base);
    QFETCH(QByteArray, expected);
    QCOMPARE(buildAnnounceUrl(base, sampleRequest()), expected);
}

void TestAnnounceRequest::qurlKeepsEncoding()
{
    // QNetworkAccessManager sends what QUrl encodes: it must not re-encode or decode any byte.
    AnnounceRequest r = sampleRequest();
    QByteArray hash(20, '\0');
    for (int i = 0; i < 20; ++i)
        hash[i] = char(i * 13 + 7); // spreads over reserved, unreserved and high bytes
    r.infoHash = metainfo::InfoHash::fromBytes(hash);
    r.peerId = QByteArray("%&=+?#/ \x01\xff:;,@!$'()*[]", 20);
    const QByteArray url = buildAnnounceUrl(QStringLiteral("http://127.0.0.1:1/announce?k=v"), r);
    for (const auto mode : {QUrl::StrictMode, QUrl::TolerantMode}) {
        const QUrl qurl = QUrl::fromEncoded(url, mode);
        QVERIFY(qurl.isValid());
        QCOMPARE(qurl.toEncoded(), url);
    }
    // A stray space in a torrent's announce URL is escaped, our escapes are untouched.
    const QByteArray sloppy = buildAnnounceUrl(QStringLiteral("http://127.0.0.1:1/a b/announce"), r);
    QCOMPARE(QUrl::fromEncoded(sloppy, QUrl::TolerantMode).toEncoded(),
             QByteArray(sloppy).replace("a b", "a%20b"));
}

void TestAnnounceRequest::parseQueryItems()
{
    const auto items = parseQuery("a=1&&b=%20x&flag&c=&=v&a=2");
    QVERIFY(items);
    const QueryItems expected = {{"a", "1"}, {"b", " x"}, {"flag", ""}, {"c", ""}, {"", "v"}, {"a", "2"}};
    QCOMPARE(*items, expected);
    QCOMPARE(queryValue(*items, "a").value(), QByteArray("1"));
    QVERIFY(!queryValue(*items, "zz"));
    QCOMPARE(parseQuery("")->size(), 0);
    QString error;
    QVERIFY(!parseQuery("a=%zz", &error));
    QVERIFY(error.contains(QLatin1String("percent")));
}

void TestAnnounceRequest::parseQueryLimits()
{
    QByteArray q;
    for (int i = 0; i < 10; ++i)
        q += "k=v&";
    QueryLimits limits;
    limits.maxItems = 10;
    QVERIFY(parseQuery(q, nullptr, limits));
    q += "k=v";
    QString error;
    QVERIFY(!parseQuery(q, &error, limits));
    QVERIFY(error.contains(QLatin1String("10")));
}

void TestAnnounceRequest::roundTripThroughTrackerParser()
{
    AnnounceRequest r = sampleRequest();
    r.ip = "192.168.1.5";
    r.trackerId = "id with spaces&=";
    r.compact = false;
    r.noPeerId = true;
    r.event = AnnounceEvent::Completed;
    const QByteArray url = buildAnnounceUrl(QStringLiteral("http://t/announce?passkey=1"), r);
    QVERIFY(url.endsWith("&compact=0&no_peer_id=1&numwant=80&key=1A2B3C4D&event=completed"
                         "&ip=192.168.1.5&trackerid=id%20with%20spaces%26%3D"));
    const auto items = parseQuery(url.mid(url.indexOf('?') + 1));
    QVERIFY(items);
    QString error;
    const auto parsed = parseAnnounceQuery(*items, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, r);
}

void TestAnnounceRequest::trackerParserRejects_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("error");
    const QByteArray hash = "info_hash=" + percentEncode(QByteArray(20, 'h'));
    const QByteArray id = "&peer_id=" + percentEncode(QByteArray(20, 'p'));
    QTest::newRow("no hash") << id.mid(1) + "&port=1" << QStringLiteral("missing info_hash");
    QTest::newRow("short hash") << "info_hash=abc" + id + "&port=1" << QStringLiteral("info_hash is 3 bytes");
    QTest::newRow("no peer id") << hash + "&port=1" << QStringLiteral("missing peer_id");
    QTest::newRow("long peer id") << hash + "&peer_id=" + QByteArray(21, 'x') + "&port=1"
                                  << QStringLiteral("peer_id is 21 bytes");
    QTest::newRow("no port") << hash + id << QStringLiteral("missing port");
    QTest::newRow("port 0") << hash + id + "&port=0" << QStringLiteral("invalid port");
    QTest::newRow("port too big") << hash + id + "&port=65536" << QStringLiteral("invalid port");
    QTest::newRow("port text") << hash + id + "&port=http" << QStringLiteral("invalid port");
    QTest::newRow("port signed") << hash + id + "&port=+80" << QStringLiteral("invalid port");
    QTest::newRow("negative upload") << hash + id + "&port=1&uploaded=-1" << QStringLiteral("invalid uploaded");
    QTest::newRow("float left") << hash + id + "&port=1&left=1e3" << QStringLiteral("invalid left");
    QTest::newRow("huge downloaded") << hash + id + "&port=1&downloaded=99999999999999999999"
                                     << QStringLiteral("invalid downloaded");
    QTest::newRow("bad event") << hash + id + "&port=1&event=paused" << QStringLiteral("unknown event");
}

void TestAnnounceRequest::trackerParserRejects()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, error);
    const auto items = parseQuery(query);
    QVERIFY(items);
    QString message;
    QVERIFY(!parseAnnounceQuery(*items, &message));
    QVERIFY2(message.startsWith(error), qPrintable(message));
}

void TestAnnounceRequest::trackerParserDefaults()
{
    const QByteArray q = "info_hash=" + percentEncode(QByteArray(20, 'h')) + "&peer_id=" + QByteArray(20, 'p')
                         + "&port=65535&numwant=-1&event=empty";
    const auto r = parseAnnounceQuery(*parseQuery(q));
    QVERIFY(r);
    QCOMPARE(r->port, quint16(65535));
    QCOMPARE(r->left, qint64(-1)); // unknown, not "seed"
    QCOMPARE(r->uploaded, qint64(0));
    QCOMPARE(r->numWant, -1);
    QCOMPARE(r->event, AnnounceEvent::None);
    QVERIFY(r->compact); // modern default
    QVERIFY(!r->noPeerId);
    QByteArray q2 = q;
    q2.replace("numwant=-1", "numwant=5000000&compact=0");
    const auto r2 = parseAnnounceQuery(*parseQuery(q2));
    QCOMPARE(r2->numWant, 1 << 20); // clamped, the service caps it further
    QVERIFY(!r2->compact);
}

void TestAnnounceRequest::events()
{
    QCOMPARE(eventName(AnnounceEvent::None), QByteArray());
    for (const auto e : {AnnounceEvent::Started, AnnounceEvent::Completed, AnnounceEvent::Stopped})
        QCOMPARE(eventFromName(eventName(e)).value(), e);
    QCOMPARE(eventFromName("").value(), AnnounceEvent::None);
    QVERIFY(!eventFromName("STARTED"));
    // No event: the parameter is left out entirely.
    AnnounceRequest r = sampleRequest();
    r.event = AnnounceEvent::None;
    r.numWant = -1;
    r.key.clear();
    QVERIFY(buildAnnounceUrl(QStringLiteral("http://t/a"), r).endsWith("&left=300&compact=1"));
}

QTEST_GUILESS_MAIN(TestAnnounceRequest)
#include "tst_announcerequest.moc"
