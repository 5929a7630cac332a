// The DHT's small stores: write tokens and their rotation windows, announced peers with caps and
// expiry, and the per-source rate limiter.
#include "dht/peerstore.h"
#include "dht/ratelimiter.h"
#include "dht/tokenstore.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace swarmscope;
using namespace swarmscope::dht;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const TimePoint T0 = TimePoint{} + std::chrono::hours(5);
const QHostAddress A(QStringLiteral("198.51.100.7"));
const QHostAddress B(QStringLiteral("198.51.100.8"));

Endpoint peer(int n, int host = 0)
{
    return Endpoint{QHostAddress(quint32(0x0a000000 + (host ? host : n))), quint16(2000 + n)};
}

NodeId hashOf(char c)
{
    return *NodeId::fromBytes(QByteArray(20, c));
}

} // namespace

class TestDhtStores : public QObject {
    Q_OBJECT
private slots:
    void tokensPerAddress();
    void tokenWindows_data();
    void tokenWindows();
    void tokenAfterLongIdleGap();
    void peersAnnounceAndAnswer();
    void peersPerHashCap();
    void peersPerAddressCap();
    void hashCapEvictsStalest();
    void peersExpire();
    void randomChoiceIsFairAndDeterministic();
    void rateLimiterBurstAndRate();
    void rateLimiterGroupsAndCap();
};

void TestDhtStores::tokensPerAddress()
{
    TokenStore tokens(11, T0);
    const QByteArray a = tokens.tokenFor(A, T0);
    QCOMPARE(a.size(), TokenStore::TokenSize);
    QCOMPARE(tokens.tokenFor(A, T0 + seconds(30)), a);
    QVERIFY(tokens.tokenFor(B, T0) != a);
    QVERIFY(tokens.isValid(a, A, T0));
    QVERIFY(!tokens.isValid(a, B, T0));
    QVERIFY(!tokens.isValid(a.left(19), A, T0));
    QVERIFY(!tokens.isValid(QByteArray(20, 'x'), A, T0));
    // An IPv4-mapped IPv6 source is the same host.
    QVERIFY(tokens.isValid(a, QHostAddress(QStringLiteral("::ffff:198.51.100.7")), T0));
    // Another secret (another seed) gives other tokens.
    TokenStore other(12, T0);
    QVERIFY(other.tokenFor(A, T0) != a);
    QVERIFY(!other.isValid(a, A, T0));
}

void TestDhtStores::tokenWindows_data()
{
    QTest::addColumn<int>("issuedAtSeconds");
    QTest::addColumn<int>("checkedAtSeconds");
    QTest::addColumn<bool>("valid");
    // Secrets change at 300 s, 600 s, ...; a token lives through the rest of its period and the next.
    QTest::newRow("same period") << 0 << 299 << true;
    QTest::newRow("next period") << 0 << 300 << true;
    QTest::newRow("end of next period") << 0 << 599 << true;
    QTest::newRow("two periods on") << 0 << 600 << false;
    QTest::newRow("late in period, 5 min later") << 299 << 599 << true;
    QTest::newRow("late in period, 5 min 1 s later") << 299 << 600 << false;
    QTest::newRow("second period") << 310 << 899 << true;
    QTest::newRow("second period, expired") << 310 << 900 << false;
}

void TestDhtStores::tokenWindows()
{
    QFETCH(int, issuedAtSeconds);
    QFETCH(int, checkedAtSeconds);
    QFETCH(bool, valid);
    TokenStore tokens(3, T0);
    // Someone asks every 10 s, so rotation happens on time.
    QByteArray token;
    for (int s = 0; s <= checkedAtSeconds; s += 10) {
        if (s <= issuedAtSeconds)
            tokens.tokenFor(B, T0 + seconds(s));
    }
    token = tokens.tokenFor(A, T0 + seconds(issuedAtSeconds));
    QCOMPARE(tokens.isValid(token, A, T0 + seconds(checkedAtSeconds)), valid);
}

void TestDhtStores::tokenAfterLongIdleGap()
{
    TokenStore tokens(5, T0);
    const QByteArray token = tokens.tokenFor(A, T0 + minutes(1));
    // Nobody called for 11 minutes: both secrets are replaced at once.
    QVERIFY(!tokens.isValid(token, A, T0 + minutes(11)));
    TokenStore again(5, T0);
    const QByteArray same = again.tokenFor(A, T0 + minutes(1));
    QCOMPARE(same, token); // deterministic for a seed
    QVERIFY(again.isValid(same, A, T0 + minutes(7)));
    QVERIFY(!again.isValid(same, A, T0 + minutes(10)));
}

void TestDhtStores::peersAnnounceAndAnswer()
{
    PeerStore store;
    Rng rng(1);
    QVERIFY(store.announce(hashOf('a'), peer(1), T0));
    QVERIFY(store.announce(hashOf('a'), peer(2), T0));
    QVERIFY(store.announce(hashOf('a'), peer(1), T0 + seconds(1))); // again: no duplicate
    QVERIFY(store.announce(hashOf('a'), Endpoint{QHostAddress(QStringLiteral("2001:db8::5")), 7}, T0));
    QVERIFY(!store.announce(hashOf('a'), Endpoint{QHostAddress(quint32(0x0a000009)), 0}, T0));
    QVERIFY(!store.announce(hashOf('a'), Endpoint{QHostAddress(QStringLiteral("0.0.0.0")), 9}, T0));
    QCOMPARE(store.peerCount(hashOf('a'), T0), 3);
    auto v4 = store.peers(hashOf('a'), Family::IPv4, 50, T0, rng);
    std::sort(v4.begin(), v4.end(), [](const Endpoint &x, const Endpoint &y) { return x.port < y.port; });
    QCOMPARE(v4, (std::vector<Endpoint>{peer(1), peer(2)}));
    const auto v6 = store.peers(hashOf('a'), Family::IPv6, 50, T0, rng);
    QCOMPARE(v6.size(), size_t(1));
    QVERIFY(store.peers(hashOf('b'), Family::IPv4, 50, T0, rng).empty());
    QCOMPARE(store.peers(hashOf('a'), Family::IPv4, 1, T0, rng).size(), size_t(1));
    QVERIFY(store.peers(hashOf('a'), Family::IPv4, 0, T0, rng).empty());
}

void TestDhtStores::peersPerHashCap()
{
    PeerStore store;
    for (int i = 1; i <= 100; ++i)
        store.announce(hashOf('h'), peer(i), T0 + seconds(i));
    QCOMPARE(store.peerCount(hashOf('h'), T0 + seconds(100)), 100);
    // Peer 1 re-announces, so peer 2 is now the oldest and makes room for 101.
    store.announce(hashOf('h'), peer(1), T0 + seconds(200));
    store.announce(hashOf('h'), peer(101), T0 + seconds(201));
    QCOMPARE(store.peerCount(hashOf('h'), T0 + seconds(201)), 100);
    Rng rng(2);
    const auto all = store.peers(hashOf('h'), Family::IPv4, 1000, T0 + seconds(201), rng);
    QCOMPARE(all.size(), size_t(100));
    QVERIFY(std::find(all.begin(), all.end(), peer(2)) == all.end());
    QVERIFY(std::find(all.begin(), all.end(), peer(1)) != all.end());
    QVERIFY(std::find(all.begin(), all.end(), peer(101)) != all.end());
}

void TestDhtStores::peersPerAddressCap()
{
    PeerStore store;
    for (int i = 1; i <= 6; ++i)
        store.announce(hashOf('h'), peer(i, 77), T0 + seconds(i)); // one host, six ports
    store.announce(hashOf('h'), peer(50), T0 + seconds(7));
    QCOMPARE(store.peerCount(hashOf('h'), T0 + seconds(7)), 4 + 1);
    Rng rng(3);
    const auto all = store.peers(hashOf('h'), Family::IPv4, 100, T0 + seconds(7), rng);
    for (int i : {1, 2})
        QVERIFY(std::find(all.begin(), all.end(), peer(i, 77)) == all.end());
    for (int i : {3, 4, 5, 6})
        QVERIFY(std::find(all.begin(), all.end(), peer(i, 77)) != all.end());
}

void TestDhtStores::hashCapEvictsStalest()
{
    PeerStore::Limits limits;
    limits.maxHashes = 3;
    PeerStore store(limits);
    store.announce(hashOf('a'), peer(1), T0);
    store.announce(hashOf('b'), peer(2), T0 + seconds(1));
    store.announce(hashOf('c'), peer(3), T0 + seconds(2));
    store.announce(hashOf('a'), peer(4), T0 + seconds(3)); // 'b' is now the stalest
    store.announce(hashOf('d'), peer(5), T0 + seconds(4));
    QCOMPARE(store.hashCount(), 3);
    QCOMPARE(store.peerCount(hashOf('b'), T0 + seconds(4)), 0);
    QCOMPARE(store.peerCount(hashOf('a'), T0 + seconds(4)), 2);
    QCOMPARE(store.peerCount(hashOf('d'), T0 + seconds(4)), 1);
}

void TestDhtStores::peersExpire()
{
    PeerStore store;
    Rng rng(4);
    store.announce(hashOf('a'), peer(1), T0);
    store.announce(hashOf('a'), peer(2), T0 + minutes(10));
    store.announce(hashOf('b'), peer(3), T0);
    const TimePoint justBefore = T0 + minutes(30) - seconds(1);
    QCOMPARE(store.peers(hashOf('a'), Family::IPv4, 50, justBefore, rng).size(), size_t(2));
    QCOMPARE(store.peers(hashOf('a'), Family::IPv4, 50, T0 + minutes(30), rng), std::vector<Endpoint>{peer(2)});
    QCOMPARE(store.peerCount(hashOf('b'), T0 + minutes(30)), 0);
    store.expire(T0 + minutes(30));
    QCOMPARE(store.hashCount(), 1);
    store.expire(T0 + minutes(40));
    QCOMPARE(store.hashCount(), 0);
}

void TestDhtStores::randomChoiceIsFairAndDeterministic()
{
    PeerStore store;
    for (int i = 1; i <= 100; ++i)
        store.announce(hashOf('f'), peer(i), T0);
    Rng one(9), two(9), three(10);
    const auto a = store.peers(hashOf('f'), Family::IPv4, 50, T0, one);
    QCOMPARE(a.size(), size_t(50));
    std::set<quint16> distinct;
    for (const auto &e : a)
        distinct.insert(e.port);
    QCOMPARE(distinct.size(), size_t(50));
    QCOMPARE(store.peers(hashOf('f'), Family::IPv4, 50, T0, two), a);
    QVERIFY(store.peers(hashOf('f'), Family::IPv4, 50, T0, three) != a);
    // Every peer is picked about half the time over many answers.
    std::map<quint16, int> counts;
    Rng rng(11);
    for (int round = 0; round < 2000; ++round) {
        for (const auto &e : store.peers(hashOf('f'), Family::IPv4, 50, T0, rng))
            ++counts[e.port];
    }
    QCOMPARE(counts.size(), size_t(100));
    for (const auto &[port, count] : counts)
        QVERIFY2(count > 850 && count < 1150, qPrintable(QString::number(count)));
}

void TestDhtStores::rateLimiterBurstAndRate()
{
    RateLimiter limiter(RateLimiter::Settings{5.0, 20.0, 100});
    for (int i = 0; i < 20; ++i)
        QVERIFY(limiter.allow(A, T0));
    QVERIFY(!limiter.allow(A, T0));
    QVERIFY(limiter.allow(B, T0)); // another source has its own bucket
    // 5 per second come back, never more than the burst.
    int allowed = 0;
    for (int i = 0; i < 10; ++i)
        allowed += limiter.allow(A, T0 + seconds(1)) ? 1 : 0;
    QCOMPARE(allowed, 5);
    allowed = 0;
    for (int i = 0; i < 100; ++i)
        allowed += limiter.allow(A, T0 + minutes(10)) ? 1 : 0;
    QCOMPARE(allowed, 20);
    // A steady 5 per second is served indefinitely.
    for (int i = 1; i <= 50; ++i)
        QVERIFY(limiter.allow(A, T0 + minutes(20) + std::chrono::milliseconds(200 * i)));
    QVERIFY(!limiter.allow(QHostAddress(), T0));
}

void TestDhtStores::rateLimiterGroupsAndCap()
{
    RateLimiter limiter(RateLimiter::Settings{1.0, 2.0, 3});
    // One /64 is one source; a mapped IPv4 address is the IPv4 host.
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1::1")), T0));
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1::2")), T0));
    QVERIFY(!limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1:ffff::3")), T0));
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:2::1")), T0));
    QVERIFY(limiter.allow(A, T0));
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("::ffff:198.51.100.7")), T0));
    QVERIFY(!limiter.allow(A, T0));
    QCOMPARE(limiter.trackedSources(), 3);
    // A fourth source evicts the least recently seen (2001:db8:0:1::/64), which comes back with a full bucket.
    QVERIFY(limiter.allow(B, T0));
    QCOMPARE(limiter.trackedSources(), 3);
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1::1")), T0));
    QVERIFY(limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1::1")), T0));
    QVERIFY(!limiter.allow(QHostAddress(QStringLiteral("2001:db8:0:1::1")), T0));
    // A (seen more recently than 2001:db8:0:2::) kept its empty bucket.
    QVERIFY(!limiter.allow(A, T0));
}

QTEST_GUILESS_MAIN(TestDhtStores)
#include "tst_dhtstores.moc"
