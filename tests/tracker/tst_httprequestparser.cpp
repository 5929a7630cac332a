// The embedded tracker's HTTP request head parser: real client requests, splits, and limits.
#include "tracker/httprequestparser.h"

#include <QTest>

using namespace swarmscope::tracker;
using Status = HttpRequestParser::Status;

class TestHttpRequestParser : public QObject {
    Q_OBJECT
private slots:
    void curlRequest();
    void byteByByte();
    void bareLineFeedsAndLeadingBlankLines();
    void absoluteForm();
    void errors_data();
    void errors();
    void requestLineTooLong();
    void headTooLong();
    void tooManyHeaders();
    void ignoresInputAfterCompletion();
};

void TestHttpRequestParser::curlRequest()
{
    HttpRequestParser p;
    QCOMPARE(p.feed("GET /announce?info_hash=%01%02&port=1 HTTP/1.1\r\nHost: 127.0.0.1:6969\r\n"
                    "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
             Status::Complete);
    const HttpRequestHead &h = p.head();
    QCOMPARE(h.method, QByteArray("GET"));
    QCOMPARE(h.target, QByteArray("/announce?info_hash=%01%02&port=1"));
    QCOMPARE(h.path, QByteArray("/announce"));
    QCOMPARE(h.query, QByteArray("info_hash=%01%02&port=1"));
    QCOMPARE(h.version, QByteArray("HTTP/1.1"));
    QCOMPARE(h.headers.size(), 3);
    QCOMPARE(h.headers[0].first, QByteArray("host"));
    QCOMPARE(h.headers[0].second, QByteArray("127.0.0.1:6969"));
    QCOMPARE(h.headers[2].second, QByteArray("*/*"));
}

void TestHttpRequestParser::byteByByte()
{
    const QByteArray req = "GET /scrape HTTP/1.0\r\nUser-Agent: x\r\n\r\n";
    HttpRequestParser p;
    for (qsizetype i = 0; i + 1 < req.size(); ++i)
        QCOMPARE(p.feed(req.mid(i, 1)), Status::NeedMore);
    QCOMPARE(p.feed(req.right(1)), Status::Complete);
    QCOMPARE(p.head().path, QByteArray("/scrape"));
    QVERIFY(p.head().query.isEmpty());
    QCOMPARE(p.head().version, QByteArray("HTTP/1.0"));
}

void TestHttpRequestParser::bareLineFeedsAndLeadingBlankLines()
{
    HttpRequestParser p;
    QCOMPARE(p.feed("\r\n\nGET /announce?a=1 HTTP/1.1\nHost: h\n\n"), Status::Complete);
    QCOMPARE(p.head().query, QByteArray("a=1"));
    QCOMPARE(p.head().headers.size(), 1);
}

void TestHttpRequestParser::absoluteForm()
{
    HttpRequestParser p;
    QCOMPARE(p.feed("GET http://127.0.0.1:6969/announce?x=%2F#frag HTTP/1.1\r\n\r\n"), Status::Complete);
    QCOMPARE(p.head().path, QByteArray("/announce"));
    QCOMPARE(p.head().query, QByteArray("x=%2F"));
    HttpRequestParser bare;
    QCOMPARE(bare.feed("GET http://host HTTP/1.1\r\n\r\n"), Status::Complete);
    QCOMPARE(bare.head().path, QByteArray("/"));
}

void TestHttpRequestParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::newRow("no version") << QByteArray("GET /announce\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("http/0.9 style") << QByteArray("GET / FOO\r\n\r\n") << 400;
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("double space") << QByteArray("GET  /a HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("control in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("high byte in target") << QByteArray("GET /\xc3\xa9 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET announce HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400;
    QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nA: b\x07\r\n\r\n") << 400;
}

void TestHttpRequestParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    HttpRequestParser p;
    QCOMPARE(p.feed(input), Status::Error);
    QCOMPARE(p.errorStatus(), status);
    QVERIFY(!p.errorText().isEmpty());
}

void TestHttpRequestParser::requestLineTooLong()
{
    HttpRequestLimits limits;
    limits.maxHeadBytes = 1024;
    HttpRequestParser p(limits);
    QCOMPARE(p.feed("GET /announce?" + QByteArray(1000, 'a')), Status::NeedMore);
    QVERIFY(p.room() > 0 && p.room() < 100);
    QCOMPARE(p.feed(QByteArray(100, 'a')), Status::Error);
    QCOMPARE(p.errorStatus(), 414);
}

void TestHttpRequestParser::headTooLong()
{
    HttpRequestLimits limits;
    limits.maxHeadBytes = 1024;
    HttpRequestParser p(limits);
    QByteArray req = "GET / HTTP/1.1\r\n";
    while (req.size() < 1100)
        req += "X-Filler: 0123456789\r\n";
    QCOMPARE(p.feed(req + "\r\n"), Status::Error);
    QCOMPARE(p.errorStatus(), 431);
    // A head (without its blank line) of exactly the limit is fine, one byte more is not.
    const QByteArray fits = "GET / HTTP/1.1\r\nX: " + QByteArray(1024 - 19, 'v');
    QCOMPARE(fits.size(), 1024);
    HttpRequestParser q(limits);
    QCOMPARE(q.feed(fits + "\r\n\r\n"), Status::Complete);
    QCOMPARE(q.head().headers[0].second.size(), 1024 - 19);
    HttpRequestParser over(limits);
    QCOMPARE(over.feed(fits + "v\r\n\r\n"), Status::Error);
    QCOMPARE(over.errorStatus(), 431);
}

void TestHttpRequestParser::tooManyHeaders()
{
    HttpRequestLimits limits;
    limits.maxHeaders = 3;
    QByteArray req = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 3; ++i)
        req += "A: 1\r\n";
    HttpRequestParser ok(limits);
    QCOMPARE(ok.feed(req + "\r\n"), Status::Complete);
    HttpRequestParser tooMany(limits);
    QCOMPARE(tooMany.feed(req + "A: 1\r\n\r\n"), Status::Error);
    QCOMPARE(tooMany.errorStatus(), 431);
}

void TestHttpRequestParser::ignoresInputAfterCompletion()
{
    HttpRequestParser p;
    QCOMPARE(p.feed("GET /x HTTP/1.1\r\n\r\nGET /y HTTP/1.1\r\n\r\n"), Status::Complete);
    QCOMPARE(p.feed("garbage"), Status::Complete);
    QCOMPARE(p.head().path, QByteArray("/x"));
    HttpRequestParser bad;
    QCOMPARE(bad.feed("BAD\r\n\r\n"), Status::Error);
    QCOMPARE(bad.feed("GET / HTTP/1.1\r\n\r\n"), Status::Error);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
