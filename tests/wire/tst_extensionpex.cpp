// BEP 11 ut_pex: exact bytes, round trips, every rejection, and PexState's diffs over time and
// its filtering of what peers tell us.
#include "wire/extension/pexstate.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::wire::ext;

namespace {

QByteArray bytes(const char *data, qsizetype size) { return QByteArray(data, size); }

Endpoint ep(const char *address, quint16 port) { return {QHostAddress(QLatin1String(address)), port}; }
PexPeer peer(const char *address, quint16 port, quint8 flags = 0) { return {ep(address, port), flags}; }

PexMessage decodeOk(const QByteArray &payload)
{
    QString error;
    const auto m = decodePexMessage(payload, &error);
    if (!m) {
        QTest::qFail(qPrintable(QStringLiteral("unexpected rejection: %1").arg(error)), __FILE__, __LINE__);
        return {};
    }
    return *m;
}

// `n` IPv4 peers 10.0.x.y:6881.
QList<PexPeer> manyPeers(int n, int offset = 0)
{
    QList<PexPeer> out;
    for (int i = offset; i < offset + n; ++i)
        out.append({{QHostAddress(quint32(0x0a000000 + i + 1)), 6881}, 0});
    return out;
}

QList<Endpoint> endpointsOf(const QList<PexPeer> &peers)
{
    QList<Endpoint> out;
    for (const PexPeer &p : peers)
        out.append(p.endpoint);
    return out;
}

const TimePoint t0 = TimePoint{} + 1000s;

} // namespace

class TestExtensionPex : public QObject {
    Q_OBJECT
private slots:
    void encodesIPv4();
    void encodesIPv6AndMixed();
    void encodesAnEmptyMessage();
    void decodesWithoutFlags();
    void mappedAddressesBecomeIPv4();
    void unknownKeysAreIgnored();
    void rejections_data();
    void rejections();
    void entryLimitIsInclusive();

    void firstMessageListsConnectedPeers();
    void diffsOncePerMinute();
    void nothingToSayIsNotSent();
    void capsAddedAndDroppedAtFifty();
    void privateTorrentsExchangeNothing();
    void receiveFiltersWhatCannotBeUsed();
    void loopbackOnlyFromLoopback();
    void receiveTooSoonIsIgnored();
};

void TestExtensionPex::encodesIPv4()
{
    PexMessage m;
    m.added = {peer("10.0.0.1", 6881, PexSeed | PexReachable), peer("192.168.1.2", 51413, PexPrefersEncryption)};
    m.dropped = {ep("1.2.3.4", 80)};
    const QByteArray expected = QByteArray("d5:added12:") + bytes("\x0a\0\0\x01\x1a\xe1\xc0\xa8\x01\x02\xc8\xd5", 12)
        + "7:added.f2:" + bytes("\x12\x01", 2) + "7:dropped6:" + bytes("\x01\x02\x03\x04\x00\x50", 6) + "e";
    QCOMPARE(encodePexMessage(m).toHex(' '), expected.toHex(' '));
    QCOMPARE(decodeOk(expected), m);
}

void TestExtensionPex::encodesIPv6AndMixed()
{
    PexMessage m;
    m.added = {peer("2001:db8::1", 6881, PexSupportsUtp | PexSupportsHolepunch), peer("10.0.0.1", 1)};
    m.dropped = {ep("2001:db8::2", 2), ep("10.0.0.9", 3)};
    const QByteArray v6a = bytes("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01\x1a\xe1", 18);
    const QByteArray v6d = bytes("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x02\0\x02", 18);
    const QByteArray expected = QByteArray("d5:added6:") + bytes("\x0a\0\0\x01\0\x01", 6) + "7:added.f1:"
        + bytes("\0", 1) + "6:added618:" + v6a + "8:added6.f1:" + bytes("\x0c", 1) + "7:dropped6:"
        + bytes("\x0a\0\0\x09\0\x03", 6) + "8:dropped618:" + v6d + "e";
    QCOMPARE(encodePexMessage(m).toHex(' '), expected.toHex(' '));
    // Decoding lists IPv4 first, as the lists are on the wire.
    PexMessage canonical;
    canonical.added = {peer("10.0.0.1", 1), peer("2001:db8::1", 6881, 0x0c)};
    canonical.dropped = {ep("10.0.0.9", 3), ep("2001:db8::2", 2)};
    QCOMPARE(decodeOk(expected), canonical);
}

void TestExtensionPex::encodesAnEmptyMessage()
{
    QCOMPARE(encodePexMessage({}), QByteArray("d5:added0:7:added.f0:7:dropped0:e"));
    QVERIFY(decodeOk("de").isEmpty());
}

void TestExtensionPex::decodesWithoutFlags()
{
    const PexMessage m = decodeOk(QByteArray("d5:added6:") + bytes("\x7f\0\0\x01\x1a\xe1", 6) + "e");
    QCOMPARE(m.added, QList<PexPeer>({peer("127.0.0.1", 6881, 0)}));
    QVERIFY(m.dropped.isEmpty());
}

void TestExtensionPex::mappedAddressesBecomeIPv4()
{
    const QByteArray mapped = bytes("\0\0\0\0\0\0\0\0\0\0\xff\xff\x0a\0\0\x07\0\x50", 18);
    const PexMessage m = decodeOk("d6:added618:" + mapped + "8:added6.f1:" + bytes("\x02", 1) + "e");
    QCOMPARE(m.added, QList<PexPeer>({peer("10.0.0.7", 80, PexSeed)}));
    QVERIFY(m.added.first().endpoint.isIPv4());
    QCOMPARE(decodeOk(encodePexMessage(m)), m); // re-encoded in the 6-byte form
}

void TestExtensionPex::unknownKeysAreIgnored()
{
    const PexMessage m = decodeOk(QByteArray("d5:added6:") + bytes("\x01\x01\x01\x01\0\x01", 6)
                                  + "4:zzzzli1eee");
    QCOMPARE(m.added.size(), 1);
}

void TestExtensionPex::rejections_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not bencode");
    QTest::newRow("trailing") << QByteArray("deX") << QStringLiteral("not bencode");
    QTest::newRow("list") << QByteArray("le") << QStringLiteral("not a dictionary");
    QTest::newRow("added 7 bytes") << QByteArray("d5:added7:abcdefge")
                                   << QStringLiteral("\"added\": 7 bytes is not a whole number of 6-byte endpoints");
    QTest::newRow("added6 17 bytes") << (QByteArray("d6:added617:") + QByteArray(17, 'a') + "e")
                                     << QStringLiteral("\"added6\": 17 bytes is not a whole number of 18-byte");
    QTest::newRow("dropped 5 bytes") << QByteArray("d7:dropped5:abcdee") << QStringLiteral("\"dropped\": 5 bytes");
    QTest::newRow("dropped6 6 bytes") << QByteArray("d8:dropped66:abcdefe") << QStringLiteral("\"dropped6\": 6 bytes");
    QTest::newRow("added integer") << QByteArray("d5:addedi1ee") << QStringLiteral("\"added\" is not a byte string");
    QTest::newRow("flags list") << QByteArray("d5:added6:abcdef7:added.flee")
                                << QStringLiteral("\"added.f\" is not a byte string");
    QTest::newRow("too few flags") << QByteArray("d5:added12:abcdefabcdef7:added.f1:xe")
                                   << QStringLiteral("\"added.f\" has 1 flags for 2 peers");
    QTest::newRow("too many flags") << QByteArray("d5:added6:abcdef7:added.f2:xxe")
                                    << QStringLiteral("\"added.f\" has 2 flags for 1 peers");
    QTest::newRow("flags without peers") << QByteArray("d8:added6.f1:xe")
                                         << QStringLiteral("\"added6.f\" has 1 flags for 0 peers");
    QTest::newRow("201 entries") << ("d5:added1200:" + QByteArray(1200, 'a') + "7:dropped6:abcdefe")
                                 << QStringLiteral("201 peers in one message, more than 200");
    QTest::newRow("201 mixed entries") << ("d6:added61818:" + QByteArray(1818, 'a') + "7:dropped600:"
                                           + QByteArray(600, 'b') + "e")
                                       << QStringLiteral("201 peers in one message");
}

void TestExtensionPex::rejections()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!decodePexMessage(payload, &got));
    QVERIFY2(got.startsWith(QLatin1String("ut_pex: ")), qPrintable(got));
    QVERIFY2(got.contains(error), qPrintable(got));
}

void TestExtensionPex::entryLimitIsInclusive()
{
    PexMessage m;
    m.added = manyPeers(100);
    m.dropped = endpointsOf(manyPeers(100, 100));
    const PexMessage back = decodeOk(encodePexMessage(m));
    QCOMPARE(back, m);
}

void TestExtensionPex::firstMessageListsConnectedPeers()
{
    PexState s(ep("10.0.0.2", 6881));
    const QList<PexPeer> connected = {peer("10.0.0.1", 6881, PexSeed), peer("10.0.0.2", 6881) /* the remote */,
                                      peer("10.0.0.3", 0) /* listen port unknown */, peer("10.0.0.4", 7000),
                                      peer("10.0.0.1", 6881) /* listed twice */};
    const auto m = s.makeMessage(connected, t0);
    QVERIFY(m);
    QCOMPARE(m->added, QList<PexPeer>({peer("10.0.0.1", 6881, PexSeed), peer("10.0.0.4", 7000)}));
    QVERIFY(m->dropped.isEmpty());
    QCOMPARE(s.advertisedCount(), 2);
}

void TestExtensionPex::diffsOncePerMinute()
{
    PexState s(ep("10.9.9.9", 1));
    QVERIFY(s.makeMessage({peer("10.0.0.1", 1), peer("10.0.0.2", 2)}, t0));
    const QList<PexPeer> later = {peer("10.0.0.2", 2), peer("10.0.0.3", 3)};
    QVERIFY(!s.makeMessage(later, t0 + 59s)); // too soon
    const auto m = s.makeMessage(later, t0 + 60s);
    QVERIFY(m);
    QCOMPARE(m->added, QList<PexPeer>({peer("10.0.0.3", 3)}));
    QCOMPARE(m->dropped, QList<Endpoint>({ep("10.0.0.1", 1)}));
    // A peer that comes back after being dropped is added again.
    const auto again = s.makeMessage({peer("10.0.0.1", 1), peer("10.0.0.3", 3)}, t0 + 120s);
    QVERIFY(again);
    QCOMPARE(again->added, QList<PexPeer>({peer("10.0.0.1", 1)}));
    QCOMPARE(again->dropped, QList<Endpoint>({ep("10.0.0.2", 2)}));
}

void TestExtensionPex::nothingToSayIsNotSent()
{
    PexState s(ep("10.9.9.9", 1));
    QVERIFY(!s.makeMessage({}, t0)); // no peers: no empty message
    QVERIFY(s.makeMessage({peer("10.0.0.1", 1)}, t0 + 1s)); // the first real message goes out at once
    QVERIFY(!s.makeMessage({peer("10.0.0.1", 1)}, t0 + 70s)); // unchanged
    // The silent minute did not count as a send: a change at 75 s goes out immediately.
    const auto m = s.makeMessage({peer("10.0.0.1", 1), peer("10.0.0.5", 5)}, t0 + 75s);
    QVERIFY(m);
    QCOMPARE(m->added.size(), 1);
}

void TestExtensionPex::capsAddedAndDroppedAtFifty()
{
    PexState s(ep("10.9.9.9", 1));
    const QList<PexPeer> first = manyPeers(120);
    auto m = s.makeMessage(first, t0);
    QVERIFY(m);
    QCOMPARE(m->added, first.mid(0, 50)); // in the caller's order
    m = s.makeMessage(first, t0 + 60s);
    QCOMPARE(m->added, first.mid(50, 50));
    m = s.makeMessage(first, t0 + 120s);
    QCOMPARE(m->added, first.mid(100, 20));
    QCOMPARE(s.advertisedCount(), 120);
    // All of them leave: 50 dropped per message.
    m = s.makeMessage({}, t0 + 180s);
    QCOMPARE(m->dropped.size(), 50);
    QVERIFY(m->added.isEmpty());
    m = s.makeMessage({}, t0 + 240s);
    QCOMPARE(m->dropped.size(), 50);
    m = s.makeMessage({}, t0 + 300s);
    QCOMPARE(m->dropped.size(), 20);
    QCOMPARE(s.advertisedCount(), 0);
    QVERIFY(!s.makeMessage({}, t0 + 360s));
    // Every message stays within BEP 11 and the decoder's limits.
    QVERIFY(decodePexMessage(encodePexMessage(*m)));
}

void TestExtensionPex::privateTorrentsExchangeNothing()
{
    PexState s(ep("10.9.9.9", 1), {.privateTorrent = true});
    QVERIFY(!s.makeMessage({peer("10.0.0.1", 1)}, t0));
    PexMessage in;
    in.added = {peer("10.0.0.2", 2)};
    const auto r = s.receive(in, t0);
    QVERIFY(r.added.isEmpty());
    QCOMPARE(r.ignored, 1);
}

void TestExtensionPex::receiveFiltersWhatCannotBeUsed()
{
    PexState s(ep("203.0.113.5", 6881));
    s.setOurEndpoints({ep("198.51.100.7", 51413)});
    PexMessage in;
    in.added = {peer("10.0.0.1", 6881, PexSeed | PexPrefersEncryption),
                peer("10.0.0.2", 0),           // port 0
                peer("198.51.100.7", 51413),   // ourselves
                peer("203.0.113.5", 6881),     // the sender itself
                peer("0.0.0.0", 1),            // unspecified
                peer("224.0.0.1", 1),          // multicast
                peer("255.255.255.255", 1),    // broadcast
                peer("::", 1),                 // unspecified IPv6
                peer("127.0.0.1", 22),         // loopback from a remote peer
                peer("10.0.0.1", 6881),        // repeated
                peer("2001:db8::5", 6881, PexSupportsUtp)};
    in.dropped = {ep("10.0.0.8", 8), ep("10.0.0.9", 0)};
    const auto r = s.receive(in, t0);
    QCOMPARE(r.added, QList<PexPeer>({peer("10.0.0.1", 6881, PexSeed | PexPrefersEncryption),
                                      peer("2001:db8::5", 6881, PexSupportsUtp)}));
    QCOMPARE(r.ignored, 10);
    QCOMPARE(r.dropped, QList<Endpoint>({ep("10.0.0.8", 8)}));
    QVERIFY(!r.tooSoon);
}

void TestExtensionPex::loopbackOnlyFromLoopback()
{
    PexState s(ep("127.0.0.1", 6000));
    PexMessage in;
    in.added = {peer("127.0.0.1", 6001), peer("127.0.0.1", 6000) /* the sender */};
    const auto r = s.receive(in, t0);
    QCOMPARE(r.added, QList<PexPeer>({peer("127.0.0.1", 6001)}));
}

void TestExtensionPex::receiveTooSoonIsIgnored()
{
    PexState s(ep("10.9.9.9", 1), {.minReceiveInterval = 45s});
    PexMessage in;
    in.added = {peer("10.0.0.1", 1)};
    QCOMPARE(s.receive(in, t0).added.size(), 1);
    const auto early = s.receive(in, t0 + 44s);
    QVERIFY(early.tooSoon);
    QVERIFY(early.added.isEmpty());
    QCOMPARE(early.ignored, 1);
    const auto onTime = s.receive(in, t0 + 45s); // the early one did not restart the clock
    QVERIFY(!onTime.tooSoon);
    QCOMPARE(onTime.added.size(), 1);
}

QTEST_GUILESS_MAIN(TestExtensionPex)
#include "tst_extensionpex.moc"
