// KRPC codec: the exact bytes of BEP 5's example packets both ways, compact encodings, every
// rejection with its reason, and round trips of random messages.
#include "dht/krpc.h"

#include <QTest>

using namespace swarmscope::dht;

Q_DECLARE_METATYPE(swarmscope::dht::KrpcMessage)

namespace {

const QByteArray Id1 = "abcdefghij0123456789";
const QByteArray Id2 = "mnopqrstuvwxyz123456";

NodeId id(const QByteArray &bytes)
{
    return *NodeId::fromBytes(bytes);
}

Endpoint ep(const char *address, quint16 port)
{
    return Endpoint{QHostAddress(QString::fromLatin1(address)), port};
}

QByteArray str(const QByteArray &s)
{
    return QByteArray::number(s.size()) + ':' + s;
}

QByteArray query(const QByteArray &method, const QByteArray &args, const QByteArray &tid = "aa")
{
    return "d1:ad" + args + "e1:q" + str(method) + "1:t" + str(tid) + "1:y1:qe";
}

QByteArray response(const QByteArray &r, const QByteArray &extra = {})
{
    return "d" + extra + "1:rd" + r + "e1:t2:aa1:y1:re";
}

} // namespace

class TestKrpc : public QObject {
    Q_OBJECT
private slots:
    void bepExamplesEncode_data();
    void bepExamplesEncode();
    void bepValuesDecode();
    void bepNodesExampleIsRejected();
    void compactNodesExact();
    void compactIPv6();
    void topLevelKeys();
    void wantEncodingAndDecoding();
    void impliedPortAllowsPortZero();
    void unknownMethodDecodes();
    void rejections_data();
    void rejections();
    void rejectionKeepsTransactionId();
    void maxSizedMessagesAccepted();
    void randomRoundTrips();
};

void TestKrpc::bepExamplesEncode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<KrpcMessage>("message");

    KrpcQuery ping{Method::Ping, {}, id(Id1), {}, 0, false, {}, WantNone};
    QTest::newRow("ping query") << QByteArray("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe")
                                << makeQuery("aa", ping);
    QTest::newRow("ping response") << QByteArray("d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re")
                                   << makeResponse("aa", KrpcResponse{id(Id2), {}, {}, {}, {}});
    KrpcQuery findNode{Method::FindNode, {}, id(Id1), id(Id2), 0, false, {}, WantNone};
    QTest::newRow("find_node query")
        << QByteArray("d1:ad2:id20:abcdefghij01234567896:target20:mnopqrstuvwxyz123456e1:q9:find_node1:t2:aa1:y1:qe")
        << makeQuery("aa", findNode);
    KrpcQuery getPeers{Method::GetPeers, {}, id(Id1), id(Id2), 0, false, {}, WantNone};
    QTest::newRow("get_peers query")
        << QByteArray("d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz123456e1:q9:get_peers1:t2:aa1:y1:qe")
        << makeQuery("aa", getPeers);
    // "axje.u" and "idhtnm" read as compact peers: 97.120.106.101:11893 and 105.100.104.116:28269.
    KrpcResponse values{id(Id1), {}, {}, {ep("97.120.106.101", 11893), ep("105.100.104.116", 28269)}, "aoeusnth"};
    QTest::newRow("get_peers response with values")
        << QByteArray("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re")
        << makeResponse("aa", values);
    // The BEP's announce example shows implied_port in the dictionary but not in the bytes; both forms.
    KrpcQuery announce{Method::AnnouncePeer, {}, id(Id1), id(Id2), 6881, false, "aoeusnth", WantNone};
    QTest::newRow("announce_peer query")
        << QByteArray("d1:ad2:id20:abcdefghij01234567899:info_hash20:mnopqrstuvwxyz1234564:porti6881e5:token8:"
                      "aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe")
        << makeQuery("aa", announce);
    announce.impliedPort = true;
    QTest::newRow("announce_peer query, implied_port")
        << QByteArray("d1:ad2:id20:abcdefghij012345678912:implied_porti1e9:info_hash20:mnopqrstuvwxyz1234564:porti6881e"
                      "5:token8:aoeusnthe1:q13:announce_peer1:t2:aa1:y1:qe")
        << makeQuery("aa", announce);
    QTest::newRow("announce_peer response") << QByteArray("d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re")
                                            << makeResponse("aa", KrpcResponse{id(Id2), {}, {}, {}, {}});
    QTest::newRow("generic error") << QByteArray("d1:eli201e23:A Generic Error Ocurrede1:t2:aa1:y1:ee")
                                   << makeError("aa", GenericError, "A Generic Error Ocurred");
}

void TestKrpc::bepExamplesEncode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(KrpcMessage, message);
    QCOMPARE(encodeKrpc(message), bytes);
    KrpcDecodeError error;
    const auto decoded = decodeKrpc(bytes, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QVERIFY(*decoded == message);
}

void TestKrpc::bepValuesDecode()
{
    const auto m = decodeKrpc("d1:rd2:id20:abcdefghij01234567895:token8:aoeusnth6:valuesl6:axje.u6:idhtnmee1:t2:aa1:y1:re");
    QVERIFY(m && m->isResponse());
    QCOMPARE(m->transactionId, QByteArray("aa"));
    QCOMPARE(m->response().id.toBytes(), Id1);
    QCOMPARE(m->response().token, QByteArray("aoeusnth"));
    QCOMPARE(m->response().values.size(), size_t(2));
    QCOMPARE(m->response().values[0].address, QHostAddress(QStringLiteral("97.120.106.101")));
    QCOMPARE(m->response().values[0].port, quint16(('.' << 8) | 'u'));
    QCOMPARE(m->response().values[1].port, quint16(('n' << 8) | 'm'));
    QVERIFY(m->response().nodes.empty());
}

void TestKrpc::bepNodesExampleIsRejected()
{
    // The BEP abbreviates "nodes" as the 9 bytes "def456...": not a multiple of 26.
    KrpcDecodeError error;
    QVERIFY(!decodeKrpc("d1:rd2:id20:abcdefghij01234567895:nodes9:def456...5:token8:aoeusnthe1:t2:aa1:y1:re", &error));
    QCOMPARE(error.message, QStringLiteral("\"nodes\" is 9 bytes, not a multiple of 26"));
    QVERIFY(!error.isQuery);
}

void TestKrpc::compactNodesExact()
{
    KrpcResponse r{id(Id2), {NodeInfo{id(Id1), ep("1.2.3.4", 6881)}, NodeInfo{id(Id2), ep("10.0.0.255", 0xfffe)}}, {}, {}, "tk"};
    const QByteArray nodes = Id1 + QByteArray("\x01\x02\x03\x04\x1a\xe1", 6) + Id2 + QByteArray("\x0a\x00\x00\xff\xff\xfe", 6);
    QCOMPARE(nodes.size(), 52);
    const QByteArray expected = "d1:rd2:id20:" + Id2 + "5:nodes52:" + nodes + "5:token2:tke1:t2:aa1:y1:re";
    QCOMPARE(encodeKrpc(makeResponse("aa", r)), expected);
    const auto back = decodeKrpc(expected);
    QVERIFY(back);
    QVERIFY(back->response() == r);
    // Helpers agree with the message codec, and a node of the other family is left out.
    std::vector<NodeInfo> mixed = r.nodes;
    mixed.push_back(NodeInfo{id(Id1), ep("2001:db8::1", 1)});
    QCOMPARE(encodeCompactNodes(mixed, Family::IPv4), nodes);
    QCOMPARE(encodeCompactPeer(ep("1.2.3.4", 6881)), QByteArray("\x01\x02\x03\x04\x1a\xe1", 6));
    QVERIFY(!decodeCompactPeer(QByteArray(7, 'x')));
    QVERIFY(!decodeCompactNodes(QByteArray(27, 'x'), Family::IPv4));
}

void TestKrpc::compactIPv6()
{
    const Endpoint v6 = ep("2001:db8::42", 51413);
    QByteArray peer = encodeCompactPeer(v6);
    QCOMPARE(peer.size(), 18);
    QCOMPARE(peer.left(4), QByteArray("\x20\x01\x0d\xb8", 4));
    QCOMPARE(peer.right(2), QByteArray("\xc8\xd5", 2));
    KrpcResponse r{id(Id1), {}, {NodeInfo{id(Id2), v6}}, {v6, ep("1.1.1.1", 1)}, "t"};
    const QByteArray bytes = encodeKrpc(makeResponse("x", r));
    QVERIFY(bytes.contains("6:nodes638:" + Id2 + peer));
    QVERIFY(bytes.contains("6:valuesl18:" + peer + "6:"));
    const auto back = decodeKrpc(bytes);
    QVERIFY(back && back->response() == r);
    // nodes6 entries are 38 bytes: 26 is no multiple.
    KrpcDecodeError error;
    QVERIFY(!decodeKrpc(response("2:id20:" + Id1 + "6:nodes626:" + QByteArray(26, 'n')), &error));
    QCOMPARE(error.message, QStringLiteral("\"nodes6\" is 26 bytes, not a multiple of 38"));
}

void TestKrpc::topLevelKeys()
{
    KrpcMessage m = makeQuery("tx", KrpcQuery{Method::Ping, {}, id(Id1), {}, 0, false, {}, WantNone});
    m.readOnly = true;
    m.version = QByteArray("SW\x00\x01", 4);
    // Keys sorted: a, q, ro, t, v, y. BEP 43 shows the flag as "2:roi1e".
    QCOMPARE(encodeKrpc(m), "d1:ad2:id20:" + Id1 + "e1:q4:ping2:roi1e1:t2:tx1:v4:" + m.version + "1:y1:qe");
    QVERIFY(decodeKrpc(encodeKrpc(m)) == m);

    KrpcMessage r = makeResponse("tx", KrpcResponse{id(Id2), {}, {}, {}, {}});
    r.yourAddress = ep("192.0.2.7", 0x1234);
    QCOMPARE(encodeKrpc(r), "d2:ip6:" + QByteArray("\xc0\x00\x02\x07\x12\x34", 6) + "1:rd2:id20:" + Id2 + "e1:t2:tx1:y1:re");
    const auto back = decodeKrpc(encodeKrpc(r));
    QVERIFY(back && back->yourAddress && *back->yourAddress == ep("192.0.2.7", 0x1234));
    // ro=0 is accepted and means not read-only; an unknown top-level key is ignored.
    const auto zero = decodeKrpc("d1:ad2:id20:" + Id1 + "e1:q4:ping2:roi0e1:t2:tx1:y1:q3:zzzi5ee");
    QVERIFY(zero && !zero->readOnly && zero->isQuery());
}

void TestKrpc::wantEncodingAndDecoding()
{
    KrpcQuery q{Method::FindNode, {}, id(Id1), id(Id2), 0, false, {}, quint8(WantNodes4 | WantNodes6)};
    const QByteArray bytes = encodeKrpc(makeQuery("aa", q));
    QVERIFY(bytes.contains("4:wantl2:n42:n6e"));
    QVERIFY(decodeKrpc(bytes)->query() == q);
    // Unknown strings are ignored (BEP 32); only n6 set here.
    const auto m = decodeKrpc(query("get_peers", "2:id20:" + Id1 + "9:info_hash20:" + Id2 + "4:wantl2:xx2:n6e"));
    QVERIFY(m);
    QCOMPARE(m->query().want, quint8(WantNodes6));
}

void TestKrpc::impliedPortAllowsPortZero()
{
    const QByteArray args = "2:id20:" + Id1 + "12:implied_porti1e9:info_hash20:" + Id2 + "4:porti0e5:token1:k";
    const auto m = decodeKrpc(query("announce_peer", args));
    QVERIFY(m);
    QVERIFY(m->query().impliedPort);
    QCOMPARE(m->query().port, quint16(0));
    QCOMPARE(m->query().target.toBytes(), Id2);
}

void TestKrpc::unknownMethodDecodes()
{
    // Methods of other BEPs (here BEP 51) decode so that the node can answer 204.
    const auto m = decodeKrpc(query("sample_infohashes", "2:id20:" + Id1 + "6:target20:" + Id2));
    QVERIFY(m);
    QCOMPARE(m->query().method, Method::Unknown);
    QCOMPARE(m->query().unknownMethod, QByteArray("sample_infohashes"));
    QCOMPARE(m->query().id.toBytes(), Id1);
    QVERIFY(decodeKrpc(encodeKrpc(*m)) == m);
}

void TestKrpc::rejections_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("isQuery");

    const QByteArray idArg = "2:id20:" + Id1;
    const auto bad = [](const char *name, const QByteArray &bytes, const char *reason, bool isQuery) {
        QTest::newRow(name) << bytes << QString::fromLatin1(reason) << isQuery;
    };
    const QByteArray ping = query("ping", idArg);
    bad("over 1500 bytes", ping.left(ping.size() - 1) + "3:pad" + str(QByteArray(1500 - ping.size() - 9, 'p')) + "e",
        "datagram of 1501 bytes is over the 1500-byte limit", false);
    bad("not bencode", "hello", "not bencode", false);
    bad("trailing bytes", ping + "x", "not bencode", false);
    bad("too deep", "d1:ad2:id20:" + Id1 + "1:xld1:ai1eeee1:q4:ping1:t2:aa1:y1:qe", "nesting deeper than 3", false);
    bad("list", "le", "not a dictionary", false);
    bad("integer", "i5e", "not a dictionary", false);
    bad("no t", "d1:ad" + idArg + "e1:q4:ping1:y1:qe", "missing \"t\"", false);
    bad("t integer", "d1:ad" + idArg + "e1:q4:ping1:ti1e1:y1:qe", "\"t\" has the wrong type", false);
    bad("t empty", query("ping", idArg, ""), "\"t\" is empty", false);
    bad("t 17 bytes", query("ping", idArg, QByteArray(17, 't')), "\"t\" is longer than 16 bytes", false);
    bad("no y", "d1:ad" + idArg + "e1:q4:ping1:t2:aae", "missing \"y\"", false);
    bad("y x", "d1:t2:aa1:y1:xe", "\"y\" is not q, r or e", false);
    bad("y qq", "d1:t2:aa1:y2:qqe", "\"y\" is not q, r or e", false);
    bad("v integer", "d1:ad" + idArg + "e1:q4:ping1:t2:aa1:vi1e1:y1:qe", "\"v\" has the wrong type", true);
    bad("v 17 bytes", "d1:ad" + idArg + "e1:q4:ping1:t2:aa1:v17:" + QByteArray(17, 'v') + "1:y1:qe",
        "\"v\" is longer than 16 bytes", true);
    bad("ro 2", "d1:ad" + idArg + "e1:q4:ping2:roi2e1:t2:aa1:y1:qe", "\"ro\" must be 0 or 1", true);
    bad("ro string", "d1:ad" + idArg + "e1:q4:ping2:ro1:11:t2:aa1:y1:qe", "\"ro\" has the wrong type", true);
    bad("ip 5 bytes", response("2:id20:" + Id1, "2:ip5:abcde"), "\"ip\" is 5 bytes, not 6 or 18", false);
    // Queries.
    bad("no q", "d1:ad" + idArg + "e1:t2:aa1:y1:qe", "missing \"q\"", true);
    bad("q empty", query("", idArg), "method name of 0 bytes", true);
    bad("q 33 bytes", query(QByteArray(33, 'm'), idArg), "method name of 33 bytes", true);
    bad("no a", "d1:q4:ping1:t2:aa1:y1:qe", "missing \"a\"", true);
    bad("a list", "d1:ale1:q4:ping1:t2:aa1:y1:qe", "\"a\" has the wrong type", true);
    bad("a string", "d1:a1:x1:q4:ping1:t2:aa1:y1:qe", "\"a\" has the wrong type", true);
    bad("no id", query("ping", ""), "missing \"id\"", true);
    bad("id 19 bytes", query("ping", "2:id19:" + Id1.left(19)), "\"id\" is 19 bytes, not 20", true);
    bad("id 21 bytes", query("ping", "2:id21:" + Id1 + "x"), "\"id\" is 21 bytes, not 20", true);
    bad("find_node no target", query("find_node", idArg), "missing \"target\"", true);
    bad("find_node short target", query("find_node", idArg + "6:target3:abc"), "\"target\" is 3 bytes, not 20", true);
    bad("get_peers no info_hash", query("get_peers", idArg), "missing \"info_hash\"", true);
    bad("want string", query("get_peers", idArg + "9:info_hash20:" + Id2 + "4:want2:n4"), "\"want\" has the wrong type", true);
    bad("want integer item", query("find_node", idArg + "6:target20:" + Id2 + "4:wantli4ee"), "\"want\" holds a non-string", true);
    bad("want 9 items", query("find_node", idArg + "6:target20:" + Id2 + "4:wantl" + QByteArray("2:n4").repeated(9) + "e"),
        "\"want\" holds more than 8 entries", true);
    const QByteArray ann = idArg + "9:info_hash20:" + Id2;
    bad("announce no port", query("announce_peer", ann + "5:token1:k"), "missing \"port\"", true);
    bad("announce port 0", query("announce_peer", ann + "4:porti0e5:token1:k"), "port 0 out of range", true);
    bad("announce port 65536", query("announce_peer", ann + "4:porti65536e5:token1:k"), "port 65536 out of range", true);
    bad("announce port -1 implied", query("announce_peer", idArg + "12:implied_porti1e9:info_hash20:" + Id2 + "4:porti-1e5:token1:k"),
        "port -1 out of range", true);
    bad("announce implied_port 2", query("announce_peer", idArg + "12:implied_porti2e9:info_hash20:" + Id2 + "4:porti1e5:token1:k"),
        "\"implied_port\" must be 0 or 1", true);
    bad("announce no token", query("announce_peer", ann + "4:porti1e"), "missing \"token\"", true);
    bad("announce empty token", query("announce_peer", ann + "4:porti1e5:token0:"), "\"token\" is empty", true);
    bad("announce 65-byte token", query("announce_peer", ann + "4:porti1e5:token65:" + QByteArray(65, 'k')),
        "\"token\" is longer than 64 bytes", true);
    // Responses.
    bad("no r", "d1:t2:aa1:y1:re", "missing \"r\"", false);
    bad("r without id", response(""), "missing \"id\"", false);
    bad("nodes 25 bytes", response("2:id20:" + Id1 + "5:nodes25:" + QByteArray(25, 'n')),
        "\"nodes\" is 25 bytes, not a multiple of 26", false);
    bad("17 nodes", response("2:id20:" + Id1 + "5:nodes442:" + QByteArray(442, 'n')), "\"nodes\" holds more than 16 nodes", false);
    bad("values string", response("2:id20:" + Id1 + "6:values6:abcdef"), "\"values\" has the wrong type", false);
    bad("values 7-byte peer", response("2:id20:" + Id1 + "6:valuesl7:abcdefge"), "a peer in \"values\" is 7 bytes, not 6 or 18", false);
    bad("values integer", response("2:id20:" + Id1 + "6:valuesli1ee"), "\"values\" holds a non-string", false);
    bad("101 values", response("2:id20:" + Id1 + "6:valuesl" + QByteArray("6:abcdef").repeated(101) + "e"),
        "\"values\" holds more than 100 peers", false);
    bad("token empty", response("2:id20:" + Id1 + "5:token0:"), "\"token\" is empty", false);
    // Errors.
    bad("no e", "d1:t2:aa1:y1:ee", "missing \"e\"", false);
    bad("e one item", "d1:eli201ee1:t2:aa1:y1:ee", "\"e\" is not [code, message]", false);
    bad("e three items", "d1:eli201e1:x1:ye1:t2:aa1:y1:ee", "\"e\" is not [code, message]", false);
    bad("e string code", "d1:el3:2011:xe1:t2:aa1:y1:ee", "\"e\" is not [code, message]", false);
    bad("e negative code", "d1:eli-1e1:xe1:t2:aa1:y1:ee", "error code -1 out of range", false);
    bad("e long message", "d1:eli201e513:" + QByteArray(513, 'm') + "e1:t2:aa1:y1:ee", "error message longer than 512 bytes", false);
}

void TestKrpc::rejections()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QFETCH(bool, isQuery);
    KrpcDecodeError error;
    const auto m = decodeKrpc(bytes, &error);
    QVERIFY2(!m, bytes.constData());
    QVERIFY2(error.message.contains(reason), qPrintable(error.message));
    QCOMPARE(error.isQuery, isQuery);
}

void TestKrpc::rejectionKeepsTransactionId()
{
    KrpcDecodeError error;
    QVERIFY(!decodeKrpc(query("ping", "2:id3:abc", "\x01\x02"), &error));
    QVERIFY(error.isQuery);
    QCOMPARE(error.transactionId, QByteArray("\x01\x02"));
    // A failed decode resets whatever the error held before.
    QVERIFY(!decodeKrpc("i1e", &error));
    QVERIFY(error.transactionId.isEmpty());
    QVERIFY(!error.isQuery);
}

void TestKrpc::maxSizedMessagesAccepted()
{
    // Each limit at its maximum is accepted (16 nodes with a 64-byte token; 100 values).
    KrpcResponse r;
    r.id = id(Id1);
    for (int i = 0; i < KrpcLimits::MaxNodes; ++i)
        r.nodes.push_back(NodeInfo{NodeId::fromBytes(QByteArray(20, char('a' + i))).value(), ep("10.0.0.1", quint16(1000 + i))});
    r.token = QByteArray(KrpcLimits::MaxTokenSize, 'k');
    QVERIFY(decodeKrpc(encodeKrpc(makeResponse(QByteArray(16, 't'), r))) == makeResponse(QByteArray(16, 't'), r));
    KrpcResponse v;
    v.id = id(Id1);
    for (int i = 0; i < KrpcLimits::MaxValues; ++i)
        v.values.push_back(ep("10.0.0.2", quint16(2000 + i)));
    const QByteArray bytes = encodeKrpc(makeResponse("aa", v));
    QVERIFY(bytes.size() <= KrpcLimits::MaxPacketSize);
    QVERIFY(decodeKrpc(bytes) == makeResponse("aa", v));
}

void TestKrpc::randomRoundTrips()
{
    Rng rng(42);
    std::uniform_int_distribution<int> pick(0, 9), small(0, 5), byte(1, 255);
    const auto bytes = [&](int n) {
        QByteArray b(n, '\0');
        for (auto &c : b)
            c = char(byte(rng));
        return b;
    };
    const auto endpoint = [&](bool v6) {
        auto peer = decodeCompactPeer(bytes(v6 ? 18 : 6));
        return *peer;
    };
    for (int round = 0; round < 2000; ++round) {
        KrpcMessage m;
        m.transactionId = bytes(1 + small(rng));
        if (pick(rng) < 3)
            m.version = bytes(4);
        m.readOnly = pick(rng) < 2;
        if (pick(rng) < 3)
            m.yourAddress = endpoint(pick(rng) < 3);
        const int kind = pick(rng) % 3;
        if (kind == 0) {
            KrpcQuery q;
            q.method = static_cast<Method>(small(rng) % 4);
            q.id = NodeId::random(rng);
            if (q.method != Method::Ping)
                q.target = NodeId::random(rng);
            if (q.method == Method::AnnouncePeer) {
                q.impliedPort = pick(rng) < 5;
                q.port = quint16(1 + byte(rng) * 200);
                q.token = bytes(1 + small(rng) * 4);
            } else if (q.method != Method::Ping) {
                q.want = quint8(small(rng) % 4);
            }
            m.body = q;
        } else if (kind == 1) {
            KrpcResponse r;
            r.id = NodeId::random(rng);
            for (int i = small(rng); i > 0; --i)
                r.nodes.push_back(NodeInfo{NodeId::random(rng), endpoint(false)});
            for (int i = small(rng) / 2; i > 0; --i)
                r.nodes6.push_back(NodeInfo{NodeId::random(rng), endpoint(true)});
            for (int i = small(rng) * 3; i > 0; --i)
                r.values.push_back(endpoint(pick(rng) < 2));
            if (pick(rng) < 5)
                r.token = bytes(1 + small(rng) * 3);
            m.body = r;
        } else {
            m.body = KrpcError{201 + small(rng) % 4, bytes(small(rng) * 5)};
        }
        const QByteArray encoded = encodeKrpc(m);
        KrpcDecodeError error;
        const auto back = decodeKrpc(encoded, &error);
        QVERIFY2(back, qPrintable(error.message));
        QVERIFY(*back == m);
        QCOMPARE(encodeKrpc(*back), encoded);
    }
}

QTEST_GUILESS_MAIN(TestKrpc)
#include "tst_krpc.moc"
