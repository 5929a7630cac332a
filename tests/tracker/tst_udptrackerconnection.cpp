// The per-tracker state machine with a fake clock: connect, connection id reuse and expiry,
// BEP 15 back-off (15 * 2^n), shared connects, error replies, stray datagrams and cancel.
// Replies are written by hand here; requests are read back byte by byte.
#include "tracker/udptrackerconnection.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using namespace std::chrono_literals;

namespace {

const auto hashA = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef01234567"));
const TimePoint t0 = TimePoint{} + 1000s;

QByteArray be32(quint32 v)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = char((v >> (24 - 8 * i)) & 0xff);
    return out;
}

QByteArray be64(quint64 v)
{
    return be32(quint32(v >> 32)) + be32(quint32(v & 0xffffffff));
}

quint32 u32At(const QByteArray &d, int at)
{
    if (d.size() < at + 4)
        return 0xffffffff; // a missing packet must fail the comparison, not crash the test
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | quint8(d[at + i]);
    return v;
}

quint64 u64At(const QByteArray &d, int at)
{
    return (quint64(u32At(d, at)) << 32) | u32At(d, at + 4);
}

bool isConnect(const QByteArray &d)
{
    return d.size() == 16 && u64At(d, 0) == 0x41727101980ULL && u32At(d, 8) == 0;
}

quint32 tidOf(const QByteArray &d)
{
    return u32At(d, 12);
}

QByteArray connectReply(quint32 tid, quint64 id)
{
    return be32(0) + be32(tid) + be64(id);
}

QByteArray announceReply(quint32 tid, quint32 interval = 900)
{
    return be32(1) + be32(tid) + be32(interval) + be32(4) + be32(3) + QByteArray::fromHex("0a0000011ae1");
}

QByteArray errorReply(quint32 tid, const QByteArray &text)
{
    return be32(3) + be32(tid) + text;
}

AnnounceRequest request(quint16 port = 6881)
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = "-SS0100-000000000001";
    r.port = port;
    r.left = 100;
    return r;
}

UdpTrackerSettings fast()
{
    UdpTrackerSettings s;
    s.retransmitBase = 1s;
    s.maxRetransmits = 2;
    return s;
}

struct Fixture {
    std::mt19937 rng{42};
    UdpTrackerConnection c;
    explicit Fixture(const UdpTrackerSettings &s = {}, bool ipv6 = false) : c(ipv6, rng, s) {}

    // Answers the connect that must be the only outgoing datagram.
    QList<QByteArray> connectWith(quint64 id, TimePoint now)
    {
        const QList<QByteArray> out = c.takeOutgoing();
        if (out.size() != 1 || !isConnect(out[0]))
            return {};
        c.receive(connectReply(tidOf(out[0]), id), now);
        return c.takeOutgoing();
    }
};

} // namespace

class TestUdpTrackerConnection : public QObject {
    Q_OBJECT
private slots:
    void connectThenAnnounce()
    {
        Fixture f;
        f.c.announce(1, request(), "/announce", t0);
        QVERIFY(f.c.isConnecting());
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 15s));
        const QList<QByteArray> sent = f.connectWith(0xabcdef, t0 + 1s);
        QCOMPARE(sent.size(), 1);
        const QByteArray announce = sent[0];
        QCOMPARE(announce.size(), 98 + 2 + 9);
        QCOMPARE(u64At(announce, 0), 0xabcdefULL); // the connection id from the reply
        QCOMPARE(u32At(announce, 8), 1U);
        QCOMPARE(announce.mid(16, 20), hashA.bytes());
        QCOMPARE(announce.mid(98), QByteArray("\x02\x09/announce"));
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 1s + 15s));
        QVERIFY(!f.c.hasResults());

        f.c.receive(announceReply(tidOf(announce)), t0 + 2s);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].job, 1ULL);
        QVERIFY(results[0].announce);
        QCOMPARE(results[0].announce->interval, std::optional<qint64>(900));
        QCOMPARE(results[0].announce->peers.size(), 1);
        QCOMPARE(f.c.jobCount(), 0);
        QCOMPARE(f.c.nextDeadline(), std::nullopt);
    }

    void connectionIdReusedForOneMinute()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray first = f.connectWith(77, t0).value(0);
        f.c.receive(announceReply(tidOf(first)), t0 + 1s);
        QCOMPARE(f.c.takeResults().size(), 1);

        // 59 s after the id arrived: straight to the announce with the same id.
        f.c.announce(2, request(), {}, t0 + 59s);
        QList<QByteArray> out = f.c.takeOutgoing();
        QCOMPARE(out.size(), 1);
        QCOMPARE(u32At(out[0], 8), 1U);
        QCOMPARE(u64At(out[0], 0), 77ULL);
        f.c.receive(announceReply(tidOf(out[0])), t0 + 59s);

        // At 60 s the id is stale: connect first.
        QVERIFY(f.c.hasConnectionId(t0 + 60s - 1ns));
        QVERIFY(!f.c.hasConnectionId(t0 + 60s));
        f.c.scrape(3, {hashA}, t0 + 60s);
        out = f.connectWith(78, t0 + 60s);
        QCOMPARE(out.size(), 1);
        QCOMPARE(u32At(out[0], 8), 2U);
        QCOMPARE(u64At(out[0], 0), 78ULL);
    }

    void lifetimeIsASetting()
    {
        UdpTrackerSettings s;
        s.connectionIdLifetime = 5s;
        Fixture f(s);
        f.c.announce(1, request(), {}, t0);
        f.connectWith(1, t0);
        QVERIFY(f.c.hasConnectionId(t0 + 4s));
        QVERIFY(!f.c.hasConnectionId(t0 + 5s));
    }

    void jobsShareOneConnect()
    {
        Fixture f;
        f.c.announce(1, request(6881), {}, t0);
        f.c.scrape(2, {hashA}, t0 + 1s);
        f.c.announce(3, request(6882), {}, t0 + 2s);
        const QList<QByteArray> sent = f.connectWith(5, t0 + 3s);
        QCOMPARE(sent.size(), 3); // in arrival order
        QCOMPARE(u32At(sent[0], 8), 1U);
        QCOMPARE(u32At(sent[1], 8), 2U);
        QCOMPARE(u32At(sent[2], 8), 1U);
        QCOMPARE(sent[2].mid(96, 2), QByteArray::fromHex("1ae2"));
        // Distinct transaction ids, none equal to the connect's.
        QVERIFY(tidOf(sent[0]) != tidOf(sent[1]) && tidOf(sent[1]) != tidOf(sent[2])
                && tidOf(sent[0]) != tidOf(sent[2]));
        // Answers out of order map to the right jobs.
        f.c.receive(be32(2) + be32(tidOf(sent[1])) + be32(9) + be32(8) + be32(7), t0 + 4s);
        f.c.receive(announceReply(tidOf(sent[2]), 1234), t0 + 4s);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].job, 2ULL);
        QVERIFY(results[0].scrape);
        QCOMPARE(results[0].scrape->files.value(hashA), (ScrapeStats{9, 8, 7}));
        QCOMPARE(results[1].job, 3ULL);
        QCOMPARE(results[1].announce->interval, std::optional<qint64>(1234));
        QCOMPARE(f.c.jobCount(), 1);
    }

    void connectBackOffFollowsBep15()
    {
        Fixture f; // 15 s base, n up to 8
        f.c.announce(1, request(), {}, t0);
        QList<QByteArray> out = f.c.takeOutgoing();
        QCOMPARE(out.size(), 1);
        const quint32 tid = tidOf(out[0]);
        TimePoint at = t0;
        for (int n = 0; n <= 8; ++n) {
            const TimePoint due = at + 15s * (1 << n);
            QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(due));
            f.c.advance(due - 1ms);
            QVERIFY(f.c.takeOutgoing().isEmpty()); // not yet
            f.c.advance(due);
            at = due;
            out = f.c.takeOutgoing();
            if (n < 8) {
                QCOMPARE(out.size(), 1);
                QVERIFY(isConnect(out[0]));
                QCOMPARE(tidOf(out[0]), tid); // a retransmission, same transaction
                QVERIFY(!f.c.hasResults());
            }
        }
        // 9 sends, then the wait after the last one (3840 s) ends it: 7665 s in all.
        QVERIFY(out.isEmpty());
        QCOMPARE(at, t0 + 7665s);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].announce);
        QVERIFY(results[0].error.contains(QLatin1String("9 connect")));
        QVERIFY(!f.c.isConnecting());
        QCOMPARE(f.c.nextDeadline(), std::nullopt);
    }

    void requestBackOffAndLateReply()
    {
        Fixture f(fast()); // 1 s, 2 s, 4 s; n up to 2
        f.c.announce(1, request(), {}, t0);
        const QByteArray first = f.connectWith(9, t0).value(0);
        QVERIFY(!first.isEmpty());
        f.c.advance(t0 + 1s);
        QList<QByteArray> out = f.c.takeOutgoing();
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0], first); // same bytes, same transaction id
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 1s + 2s));
        // The reply to the first copy arrives late: it still counts.
        f.c.receive(announceReply(tidOf(first)), t0 + 2s);
        QCOMPARE(f.c.takeResults().size(), 1);
        // A duplicate of it afterwards is ignored.
        f.c.receive(announceReply(tidOf(first)), t0 + 2s);
        QVERIFY(!f.c.hasResults());
        QCOMPARE(f.c.ignoredDatagrams(), 1);
    }

    void requestGivesUp()
    {
        Fixture f(fast());
        f.c.scrape(4, {hashA}, t0);
        f.connectWith(9, t0);
        f.c.advance(t0 + 1s);
        QCOMPARE(f.c.takeOutgoing().size(), 1);
        f.c.advance(t0 + 3s);
        QCOMPARE(f.c.takeOutgoing().size(), 1);
        f.c.advance(t0 + 7s - 1ms);
        QVERIFY(!f.c.hasResults());
        f.c.advance(t0 + 7s);
        QVERIFY(f.c.takeOutgoing().isEmpty());
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].job, 4ULL);
        QVERIFY(!results[0].scrape);
        QVERIFY(results[0].error.contains(QLatin1String("3 scrape")));
    }

    void retransmitAfterExpiryReconnects()
    {
        Fixture f; // 15 s base, 60 s lifetime
        f.c.announce(1, request(), {}, t0);
        QCOMPARE(f.connectWith(100, t0).size(), 1);
        f.c.announce(2, request(), {}, t0 + 50s); // id still fresh: sent at once
        const QByteArray second = f.c.takeOutgoing().value(0);
        QCOMPARE(u64At(second, 0), 100ULL);
        // Job 1 times out at 15 s and 45 s and is resent with the id, still fresh then.
        f.c.advance(t0 + 15s);
        QCOMPARE(u64At(f.c.takeOutgoing().value(0), 0), 100ULL);
        f.c.advance(t0 + 45s);
        QCOMPARE(u64At(f.c.takeOutgoing().value(0), 0), 100ULL);
        // Job 2 times out at 65 s and finds the id stale: connect first.
        f.c.advance(t0 + 65s);
        QList<QByteArray> out = f.c.takeOutgoing();
        QCOMPARE(out.size(), 1);
        QVERIFY(isConnect(out[0]));
        f.c.receive(connectReply(tidOf(out[0]), 200), t0 + 66s);
        out = f.c.takeOutgoing();
        QCOMPARE(out.size(), 1);
        QCOMPARE(u64At(out[0], 0), 200ULL);
        QCOMPARE(tidOf(out[0]), tidOf(second));
        // Job 2 now waits 30 s (n = 1); job 1 waits until 45 + 60 s (n = 2).
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 96s));
        f.c.advance(t0 + 96s);
        QCOMPARE(tidOf(f.c.takeOutgoing().value(0)), tidOf(second));
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 105s));
    }

    void trackerErrorIsFailureReason()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray sent = f.connectWith(1, t0).value(0);
        f.c.receive(errorReply(tidOf(sent), "unregistered torrent"), t0);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QVERIFY(results[0].announce);
        QVERIFY(results[0].announce->failed());
        QCOMPARE(results[0].announce->failureReason, QStringLiteral("unregistered torrent"));
        QVERIFY(results[0].error.isEmpty());
    }

    void connectionErrorReconnectsOnce()
    {
        Fixture f;
        f.c.scrape(1, {hashA}, t0);
        const QByteArray sent = f.connectWith(1, t0).value(0);
        f.c.receive(errorReply(tidOf(sent), QByteArray("Connection ID missmatch.\0", 25)), t0 + 1s);
        QVERIFY(!f.c.hasResults());
        QList<QByteArray> out = f.connectWith(2, t0 + 1s);
        QCOMPARE(out.size(), 1);
        QCOMPARE(u64At(out[0], 0), 2ULL);
        QCOMPARE(tidOf(out[0]), tidOf(sent));
        // The same complaint again: no loop, the job fails with the tracker's words.
        f.c.receive(errorReply(tidOf(sent), "connection id expired"), t0 + 2s);
        QVERIFY(f.c.takeOutgoing().isEmpty());
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].scrape->failureReason, QStringLiteral("connection id expired"));
    }

    void connectErrorFailsWaitingJobs()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        f.c.scrape(2, {hashA}, t0);
        const QByteArray connect = f.c.takeOutgoing().value(0);
        f.c.receive(errorReply(tidOf(connect), "go away"), t0);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].announce->failureReason, QStringLiteral("go away"));
        QCOMPARE(results[1].scrape->failureReason, QStringLiteral("go away"));
        QVERIFY(!f.c.isConnecting());
        QCOMPARE(f.c.jobCount(), 0);
    }

    void badRepliesFailAtOnce_data()
    {
        QTest::addColumn<QByteArray>("body"); // after action and transaction id
        QTest::addColumn<quint32>("action");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header only") << QByteArray() << 1U << QStringLiteral("bad announce reply");
        QTest::newRow("odd size") << QByteArray(15, '\0') << 1U << QStringLiteral("bad announce reply");
        QTest::newRow("scrape action") << QByteArray(12, '\0') << 2U << QStringLiteral("expected a announce reply");
    }
    void badRepliesFailAtOnce()
    {
        QFETCH(QByteArray, body);
        QFETCH(quint32, action);
        QFETCH(QString, expected);
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray sent = f.connectWith(1, t0).value(0);
        f.c.receive(be32(action) + be32(tidOf(sent)) + body, t0);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QVERIFY(!results[0].announce);
        QVERIFY2(results[0].error.contains(expected), qPrintable(results[0].error));
    }

    void badConnectReplyFailsWaiting()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray connect = f.c.takeOutgoing().value(0);
        f.c.receive(be32(0) + be32(tidOf(connect)) + be32(1), t0); // 12 bytes
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QVERIFY(results[0].error.contains(QLatin1String("bad connect reply")));
    }

    void strayDatagramsIgnored()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray connect = f.c.takeOutgoing().value(0);
        f.c.receive(QByteArray("short"), t0);
        f.c.receive(connectReply(tidOf(connect) + 1, 5), t0);
        f.c.receive(announceReply(tidOf(connect) ^ 0xffff), t0);
        QCOMPARE(f.c.ignoredDatagrams(), 3);
        QVERIFY(f.c.isConnecting());
        QVERIFY(!f.c.hasResults());
        QVERIFY(f.c.takeOutgoing().isEmpty());
    }

    void cancel()
    {
        Fixture f;
        f.c.announce(1, request(), {}, t0);
        const QByteArray connect = f.c.takeOutgoing().value(0);
        QVERIFY(!f.c.cancel(99));
        QVERIFY(f.c.cancel(1));
        QVERIFY(!f.c.isConnecting()); // nobody waits: the connect is not resent
        QCOMPARE(f.c.nextDeadline(), std::nullopt);
        f.c.advance(t0 + 1h);
        QVERIFY(f.c.takeOutgoing().isEmpty());
        f.c.receive(connectReply(tidOf(connect), 5), t0 + 1s);
        QCOMPARE(f.c.ignoredDatagrams(), 1);

        // Cancelling a job in flight: its reply is ignored, others go on.
        f.c.announce(2, request(), {}, t0 + 2h);
        f.c.announce(3, request(), {}, t0 + 2h);
        const QList<QByteArray> sent = f.connectWith(6, t0 + 2h);
        QCOMPARE(sent.size(), 2);
        QVERIFY(f.c.cancel(2));
        f.c.receive(announceReply(tidOf(sent[0])), t0 + 2h);
        QVERIFY(!f.c.hasResults());
        f.c.receive(announceReply(tidOf(sent[1])), t0 + 2h);
        QCOMPARE(f.c.takeResults().value(0).job, 3ULL);
    }

    void invalidJobsFinishAtOnce()
    {
        Fixture f;
        AnnounceRequest r = request();
        r.peerId = "x";
        f.c.announce(1, r, {}, t0);
        f.c.scrape(2, {}, t0);
        f.c.scrape(3, QList<metainfo::InfoHash>(75, hashA), t0);
        QVERIFY(f.c.takeOutgoing().isEmpty());
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 3);
        for (const auto &r2 : results)
            QVERIFY(!r2.error.isEmpty() && !r2.announce && !r2.scrape);
        QCOMPARE(f.c.jobCount(), 0);
    }

    void ipv6PeersOverIpv6()
    {
        Fixture f({}, true);
        f.c.announce(1, request(), {}, t0);
        const QByteArray sent = f.connectWith(1, t0).value(0);
        f.c.receive(be32(1) + be32(tidOf(sent)) + be32(60) + be32(0) + be32(1)
                        + QByteArray::fromHex("20010db8000000000000000000000001" "1ae1"),
                    t0);
        const auto results = f.c.takeResults();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].announce->peers.value(0).address, QHostAddress(QStringLiteral("2001:db8::1")));
    }

    void shortSettingsAndClamp()
    {
        UdpTrackerSettings s;
        s.retransmitBase = 100ms;
        s.maxRetransmits = 50; // clamped to 16
        Fixture f(s);
        QCOMPARE(f.c.timeoutFor(0), Duration(100ms));
        QCOMPARE(f.c.timeoutFor(3), Duration(800ms));
        QCOMPARE(f.c.settings().maxRetransmits, 16);
        f.c.announce(1, request(), {}, t0);
        QCOMPARE(f.c.nextDeadline(), std::optional<TimePoint>(t0 + 100ms));
    }
};

QTEST_GUILESS_MAIN(TestUdpTrackerConnection)
#include "tst_udptrackerconnection.moc"
