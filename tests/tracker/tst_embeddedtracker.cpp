// Integration on 127.0.0.1: EmbeddedTracker answering HttpTrackerClient and raw sockets that
// send the exact bytes real clients send, plus hostile and broken HTTP on both sides.
#include "tracker/embeddedtracker.h"
#include "tracker/httptrackerclient.h"

#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

const auto hashA = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef01234567"));

AnnounceRequest peer(int n, qint64 left = 1000, AnnounceEvent event = AnnounceEvent::Started)
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = QByteArray("-SS0100-") + QByteArray::number(n).rightJustified(12, '0');
    r.port = quint16(7000 + n);
    r.left = left;
    r.event = event;
    r.key = "k" + QByteArray::number(n);
    return r;
}

QSet<quint16> ports(const AnnounceResponse &r)
{
    QSet<quint16> out;
    for (const auto &p : r.peers)
        out.insert(p.port);
    return out;
}

AnnounceResult announceAndWait(HttpTrackerClient &client, const QString &url, const AnnounceRequest &r)
{
    std::optional<AnnounceResult> out;
    client.announce(url, r, [&](const AnnounceResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15'000))
        return AnnounceResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

ScrapeResult scrapeAndWait(HttpTrackerClient &client, const QString &url, const QList<metainfo::InfoHash> &hashes)
{
    std::optional<ScrapeResult> out;
    client.scrape(url, hashes, [&](const ScrapeResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15'000))
        return ScrapeResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

// Sends raw bytes, then collects everything until the server closes (or the wait ends).
struct RawReply {
    QByteArray data;
    bool closedByServer = false;
};

RawReply rawExchange(quint16 port, const QByteArray &request, int waitMs = 5000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(request);
    RawReply reply;
    QObject::connect(&s, &QTcpSocket::readyRead, [&] { reply.data += s.readAll(); });
    (void)QTest::qWaitFor([&] { return s.state() == QAbstractSocket::UnconnectedState; }, waitMs);
    reply.data += s.readAll();
    reply.closedByServer = s.state() == QAbstractSocket::UnconnectedState;
    return reply;
}

QByteArray statusLine(const QByteArray &response)
{
    return response.left(response.indexOf("\r\n"));
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype i = response.indexOf("\r\n\r\n");
    return i < 0 ? QByteArray() : response.mid(i + 4);
}

// A misbehaving HTTP server: answers each request with fixed bytes, or never.
class CannedServer : public QObject {
public:
    explicit CannedServer(QByteArray response, bool answer = true) : m_response(std::move(response)), m_answer(answer)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    m_request += s->readAll();
                    if (m_answer && m_request.contains("\r\n\r\n")) {
                        s->write(m_response);
                        s->disconnectFromHost();
                    }
                });
            }
        });
    }
    QString url(const char *path = "/announce") const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(QLatin1String(path));
    }
    QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_response;
    bool m_answer;
    QByteArray m_request;
};

} // namespace

class TestEmbeddedTracker : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void announceRoundTrip();
    void stoppedRemoves();
    void expiryWithShortInterval();
    void compactZero();
    void scrapeCounts();
    void malformedRequests_data();
    void malformedRequests();
    void oversizeRequestLine();
    void slowClientTimedOut();
    void connectionCap();
    void rawClientRequests_data();
    void rawClientRequests();
    void curlInterop();
    void clientHttpErrors();
    void clientConnectionRefused();
    void clientTimeout();
    void clientResponseTooLarge();
    void clientRedirects();
    void clientFailureReasonWithErrorStatus();
    void clientUnsupportedSchemeIsAsync();
    void clientCancel();

private:
    QString announceUrl() const { return QStringLiteral("http://127.0.0.1:%1/announce").arg(m_tracker->port()); }
    void startTracker(const EmbeddedTrackerSettings &settings = {});

    std::unique_ptr<EmbeddedTracker> m_tracker;
    std::unique_ptr<HttpTrackerClient> m_client;
};

void TestEmbeddedTracker::startTracker(const EmbeddedTrackerSettings &settings)
{
    m_tracker = std::make_unique<EmbeddedTracker>(settings);
    QVERIFY2(m_tracker->listen(QHostAddress::LocalHost, 0), qPrintable(m_tracker->errorString()));
    QVERIFY(m_tracker->port() != 0);
}

void TestEmbeddedTracker::init()
{
    startTracker();
    m_client = std::make_unique<HttpTrackerClient>();
}

void TestEmbeddedTracker::cleanup()
{
    m_client.reset();
    m_tracker.reset();
}

void TestEmbeddedTracker::announceRoundTrip()
{
    const auto first = announceAndWait(*m_client, announceUrl(), peer(1));
    QVERIFY2(first.response, qPrintable(first.error));
    QVERIFY(!first.response->failed());
    QCOMPARE(first.response->peers.size(), 0);
    QCOMPARE(first.response->interval.value(), 1800);
    const auto second = announceAndWait(*m_client, announceUrl(), peer(2, 0));
    QCOMPARE(second.response->peers.size(), 1);
    QCOMPARE(second.response->peers[0].address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(second.response->peers[0].port, quint16(7001));
    const auto third = announceAndWait(*m_client, announceUrl(), peer(3));
    QCOMPARE(ports(*third.response), (QSet<quint16>{7001, 7002}));
    QCOMPARE(third.response->complete.value(), 1);
    QCOMPARE(third.response->incomplete.value(), 2);
}

void TestEmbeddedTracker::stoppedRemoves()
{
    for (int i = 1; i <= 3; ++i)
        QVERIFY(announceAndWait(*m_client, announceUrl(), peer(i)).response);
    const auto stopped = announceAndWait(*m_client, announceUrl(), peer(1, 1000, AnnounceEvent::Stopped));
    QVERIFY2(stopped.response && !stopped.response->failed(), qPrintable(stopped.error));
    const auto again = announceAndWait(*m_client, announceUrl(), peer(3, 1000, AnnounceEvent::None));
    QCOMPARE(ports(*again.response), (QSet<quint16>{7002}));
}

void TestEmbeddedTracker::expiryWithShortInterval()
{
    EmbeddedTrackerSettings settings;
    settings.service.interval = std::chrono::seconds(2);
    startTracker(settings);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    QTest::qWait(2000);
    const auto early = announceAndWait(*m_client, announceUrl(), peer(2));
    QCOMPARE(early.response->interval.value(), 2);
    QCOMPARE(early.response->minInterval.value(), 2);
    QCOMPARE(ports(*early.response), (QSet<quint16>{7001}));
    // Peer 1 is now 5 s old, past 2 x interval; peer 2 is 3 s old. A second of margin each way.
    QTest::qWait(3000);
    const auto late = announceAndWait(*m_client, announceUrl(), peer(3));
    QCOMPARE(ports(*late.response), (QSet<quint16>{7002}));
}

void TestEmbeddedTracker::compactZero()
{
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    AnnounceRequest r = peer(2);
    r.compact = false;
    const auto result = announceAndWait(*m_client, announceUrl(), r);
    QVERIFY2(result.response, qPrintable(result.error));
    QCOMPARE(result.response->peers.size(), 1);
    QCOMPARE(result.response->peers[0].peerId, peer(1).peerId); // only the dictionary form has ids
    QCOMPARE(result.response->peers[0].port, quint16(7001));
}

void TestEmbeddedTracker::scrapeCounts()
{
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1, 0)).response);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(2)).response);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(3)).response);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(3, 0, AnnounceEvent::Completed)).response);
    const auto scrapeUrl = scrapeUrlFor(announceUrl());
    QVERIFY(scrapeUrl);
    const auto other = metainfo::InfoHash::fromBytes(QByteArray(20, '\xff'));
    const auto result = scrapeAndWait(*m_client, *scrapeUrl, {hashA, other});
    QVERIFY2(result.response, qPrintable(result.error));
    QCOMPARE(result.response->files.size(), 2);
    QCOMPARE(result.response->files[hashA], (ScrapeStats{2, 1, 1}));
    QCOMPARE(result.response->files[other], (ScrapeStats{0, 0, 0}));
}

void TestEmbeddedTracker::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::newRow("tls hello") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n", 15)
                               << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::newRow("bad escape") << QByteArray("GET /announce?info_hash=%ZZ HTTP/1.1\r\n\r\n")
                                << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::newRow("post") << QByteArray("POST /announce HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc")
                          << QByteArray("HTTP/1.1 405 Method Not Allowed");
    QTest::newRow("unknown path") << QByteArray("GET /index.html HTTP/1.1\r\n\r\n")
                                  << QByteArray("HTTP/1.1 404 Not Found");
    QTest::newRow("http/2") << QByteArray("GET /announce HTTP/2.0\r\n\r\n")
                            << QByteArray("HTTP/1.1 505 HTTP Version Not Supported");
    QTest::newRow("folded header") << QByteArray("GET /announce HTTP/1.1\r\nA: b\r\n c\r\n\r\n")
                                   << QByteArray("HTTP/1.1 400 Bad Request");
    // Valid HTTP with bad tracker parameters: a tracker-level failure, not an HTTP one.
    QTest::newRow("no params") << QByteArray("GET /announce HTTP/1.0\r\n\r\n") << QByteArray("HTTP/1.1 200 OK");
}

void TestEmbeddedTracker::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const RawReply reply = rawExchange(m_tracker->port(), request);
    QCOMPARE(statusLine(reply.data), status);
    QVERIFY(reply.closedByServer);
    if (status.endsWith("200 OK")) {
        const auto parsed = parseAnnounceResponse(bodyOf(reply.data));
        QCOMPARE(parsed->failureReason, QStringLiteral("missing info_hash"));
    }
    // The tracker still serves real clients afterwards.
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    QTRY_COMPARE(m_tracker->connectionCount(), 0);
}

void TestEmbeddedTracker::oversizeRequestLine()
{
    const RawReply reply = rawExchange(m_tracker->port(), "GET /announce?" + QByteArray(9000, 'A'));
    QCOMPARE(statusLine(reply.data), QByteArray("HTTP/1.1 414 URI Too Long"));
    QVERIFY(reply.closedByServer);
    QByteArray headers = "GET /announce HTTP/1.1\r\n";
    for (int i = 0; i < 500; ++i)
        headers += "X-Junk: 0123456789abcdef\r\n";
    const RawReply big = rawExchange(m_tracker->port(), headers + "\r\n");
    QCOMPARE(statusLine(big.data), QByteArray("HTTP/1.1 431 Request Header Fields Too Large"));
    QVERIFY(big.closedByServer);
    QTRY_COMPARE(m_tracker->connectionCount(), 0);
}

void TestEmbeddedTracker::slowClientTimedOut()
{
    EmbeddedTrackerSettings settings;
    settings.requestTimeout = std::chrono::milliseconds(300);
    startTracker(settings);
    QElapsedTimer timer;
    timer.start();
    const RawReply reply = rawExchange(m_tracker->port(), "GET /annou", 5000);
    QVERIFY(reply.closedByServer);
    QVERIFY(timer.elapsed() < 4000);
    QCOMPARE(statusLine(reply.data), QByteArray("HTTP/1.1 408 Request Timeout"));
    // A client that connects and says nothing is cut off too.
    const RawReply silent = rawExchange(m_tracker->port(), QByteArray(), 5000);
    QVERIFY(silent.closedByServer);
    QTRY_COMPARE(m_tracker->connectionCount(), 0);
}

void TestEmbeddedTracker::connectionCap()
{
    EmbeddedTrackerSettings settings;
    settings.maxConnections = 2;
    startTracker(settings);
    QTcpSocket idle1, idle2;
    idle1.connectToHost(QHostAddress::LocalHost, m_tracker->port());
    idle2.connectToHost(QHostAddress::LocalHost, m_tracker->port());
    QTRY_COMPARE(m_tracker->connectionCount(), 2);
    const RawReply refused = rawExchange(m_tracker->port(), "GET /announce HTTP/1.1\r\n\r\n");
    QVERIFY(refused.closedByServer);
    QVERIFY(refused.data.isEmpty());
    QCOMPARE(m_tracker->connectionCount(), 2);
    idle1.abort();
    idle2.abort();
    QTRY_COMPARE(m_tracker->connectionCount(), 0);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
}

void TestEmbeddedTracker::rawClientRequests_data()
{
    // Header sets as curl, aria2 and libtorrent send them, byte for byte.
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("curl") << QByteArray("Host: 127.0.0.1:%PORT%\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n");
    QTest::newRow("aria2") << QByteArray("User-Agent: aria2/1.36.0\r\nAccept: */*\r\nHost: 127.0.0.1:%PORT%\r\n"
                                         "Pragma: no-cache\r\nCache-Control: no-cache\r\n");
    QTest::newRow("libtorrent") << QByteArray("Host: 127.0.0.1:%PORT%\r\nUser-Agent: libtorrent/2.0.8.0\r\n"
                                              "Accept-Encoding: gzip\r\nConnection: close\r\n");
    QTest::newRow("http/1.0 bare") << QByteArray();
}

void TestEmbeddedTracker::rawClientRequests()
{
    QFETCH(QByteArray, headers);
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    headers.replace("%PORT%", QByteArray::number(m_tracker->port()));
    const QByteArray version = headers.isEmpty() ? "HTTP/1.0" : "HTTP/1.1";
    const QByteArray request = "GET /announce?info_hash=%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg"
                               "&peer_id=-AR1360-abcdefghijkl&port=6881&uploaded=0&downloaded=0&left=1234"
                               "&compact=1&key=9f3a&event=started&numwant=50 "
                               + version + "\r\n" + headers + "\r\n";
    const RawReply reply = rawExchange(m_tracker->port(), request);
    QCOMPARE(statusLine(reply.data), QByteArray("HTTP/1.1 200 OK"));
    QVERIFY(reply.data.contains("\r\nContent-Length: " + QByteArray::number(bodyOf(reply.data).size()) + "\r\n"));
    QVERIFY(reply.closedByServer);
    QString error;
    const auto parsed = parseAnnounceResponse(bodyOf(reply.data), &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(!parsed->failed());
    QCOMPARE(ports(*parsed), (QSet<quint16>{7001}));
    QVERIFY(m_tracker->service().swarm(hashA)->find(QHostAddress(QHostAddress::LocalHost), 6881));
}

void TestEmbeddedTracker::curlInterop()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    QProcess p;
    p.start(curl, {QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
                   QStringLiteral("--max-time"), QStringLiteral("10"),
                   QString::fromLatin1(buildAnnounceUrl(announceUrl(), peer(2)))});
    QVERIFY(p.waitForStarted());
    // The tracker runs in this thread: wait without blocking its event loop.
    QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 15'000));
    QCOMPARE(p.exitCode(), 0);
    const auto parsed = parseAnnounceResponse(p.readAllStandardOutput());
    QVERIFY(parsed);
    QCOMPARE(ports(*parsed), (QSet<quint16>{7001}));
}

void TestEmbeddedTracker::clientHttpErrors()
{
    const auto notFound = announceAndWait(
        *m_client, QStringLiteral("http://127.0.0.1:%1/nothing").arg(m_tracker->port()), peer(1));
    QVERIFY(!notFound.response);
    QVERIFY2(notFound.error.startsWith(QLatin1String("HTTP 404")), qPrintable(notFound.error));
    CannedServer html("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n<html></html>");
    const auto garbage = announceAndWait(*m_client, html.url(), peer(1));
    QVERIFY(!garbage.response);
    QVERIFY2(garbage.error.startsWith(QLatin1String("bad response: not bencoded")), qPrintable(garbage.error));
    // The client sent a proper GET with our user agent and the encoded parameters.
    QVERIFY(html.request().startsWith("GET /announce?info_hash=%01%23Eg%89"));
    // Header names are case-insensitive, and Qt >= 6.7 sends them in lower case.
    QVERIFY(html.request().toLower().contains("\r\nuser-agent: swarmscope/"));
}

void TestEmbeddedTracker::clientConnectionRefused()
{
    quint16 closedPort = 0;
    {
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        closedPort = s.serverPort();
    }
    const auto r = announceAndWait(*m_client, QStringLiteral("http://127.0.0.1:%1/announce").arg(closedPort), peer(1));
    QVERIFY(!r.response);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(m_client->pendingCount(), 0);
}

void TestEmbeddedTracker::clientTimeout()
{
    CannedServer silent({}, false);
    HttpTrackerSettings settings;
    settings.timeout = std::chrono::milliseconds(300);
    m_client->setSettings(settings);
    QElapsedTimer timer;
    timer.start();
    const auto r = announceAndWait(*m_client, silent.url(), peer(1));
    QVERIFY(!r.response);
    QVERIFY2(r.error.startsWith(QLatin1String("no answer within 0.3 s")), qPrintable(r.error));
    QVERIFY(timer.elapsed() < 5000);
}

void TestEmbeddedTracker::clientResponseTooLarge()
{
    // No Content-Length: the cap must act while reading.
    CannedServer endless("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nd5:peers" + QByteArray(2 * 1024 * 1024, 'x'));
    const auto streamed = announceAndWait(*m_client, endless.url(), peer(1));
    QVERIFY(!streamed.response);
    QVERIFY2(streamed.error.contains(QLatin1String("larger than")), qPrintable(streamed.error));
    // Announced too large up front.
    CannedServer declared("HTTP/1.1 200 OK\r\nContent-Length: 5000000\r\n\r\nd5:peers0:e");
    const auto early = announceAndWait(*m_client, declared.url(), peer(1));
    QVERIFY(!early.response);
    QVERIFY2(early.error.contains(QLatin1String("5000000")), qPrintable(early.error));
    // Scrape uses the same cap.
    const auto scrape = scrapeAndWait(*m_client, endless.url("/scrape"), {hashA});
    QVERIFY(!scrape.response);
    QVERIFY(scrape.error.contains(QLatin1String("larger than")));
}

void TestEmbeddedTracker::clientRedirects()
{
    CannedServer toFtp("HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/announce\r\nContent-Length: 0\r\n\r\n");
    const auto refused = announceAndWait(*m_client, toFtp.url(), peer(1));
    QVERIFY(!refused.response);
    QVERIFY2(refused.error.contains(QLatin1String("refused redirect to 'ftp'")), qPrintable(refused.error));
    const QByteArray location = announceUrl().toLatin1();
    CannedServer toTracker("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n");
    QVERIFY(announceAndWait(*m_client, announceUrl(), peer(1)).response);
    // Redirect drops the query (Location has none): the tracker answers with a failure reason.
    const auto followed = announceAndWait(*m_client, toTracker.url(), peer(2));
    QVERIFY2(followed.response, qPrintable(followed.error));
    QCOMPARE(followed.response->failureReason, QStringLiteral("missing info_hash"));
}

void TestEmbeddedTracker::clientFailureReasonWithErrorStatus()
{
    CannedServer refusing("HTTP/1.1 403 Forbidden\r\nContent-Length: 35\r\n\r\nd14:failure reason13:banned cliente");
    const auto r = announceAndWait(*m_client, refusing.url(), peer(1));
    QVERIFY2(r.response, qPrintable(r.error));
    QCOMPARE(r.response->failureReason, QStringLiteral("banned client"));
    CannedServer plain("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy");
    const auto busy = announceAndWait(*m_client, plain.url(), peer(1));
    QVERIFY(!busy.response);
    QCOMPARE(busy.error, QStringLiteral("HTTP 503 Service Unavailable"));
}

void TestEmbeddedTracker::clientUnsupportedSchemeIsAsync()
{
    bool called = false;
    QString error;
    m_client->announce(QStringLiteral("udp://127.0.0.1:1/announce"), peer(1), [&](const AnnounceResult &r) {
        called = true;
        error = r.error;
    });
    QVERIFY(!called); // never from inside announce()
    QTRY_VERIFY(called);
    QCOMPARE(error, QStringLiteral("unsupported tracker scheme 'udp'"));
    const auto bad = announceAndWait(*m_client, QStringLiteral("not a url"), peer(1));
    QCOMPARE(bad.error, QStringLiteral("invalid tracker URL"));
}

void TestEmbeddedTracker::clientCancel()
{
    CannedServer silent({}, false);
    int calls = 0;
    const quint64 id = m_client->announce(silent.url(), peer(1), [&](const AnnounceResult &) { ++calls; });
    const quint64 id2 = m_client->announce(QStringLiteral("udp://x/announce"), peer(1),
                                           [&](const AnnounceResult &) { ++calls; });
    QCOMPARE(m_client->pendingCount(), 2);
    m_client->cancel(id);
    m_client->cancel(id2);
    QCOMPARE(m_client->pendingCount(), 0);
    QTest::qWait(200);
    QCOMPARE(calls, 0);
    // Destroying the client with a request out: no callback either.
    m_client->announce(silent.url(), peer(1), [&](const AnnounceResult &) { ++calls; });
    m_client.reset();
    QTest::qWait(200);
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestEmbeddedTracker)
#include "tst_embeddedtracker.moc"
