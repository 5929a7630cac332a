// BEP 6 allowed fast sets against the BEP's own worked example.
#include "wire/allowedfast.h"

#include <QTest>

using namespace swarmscope;

class TestAllowedFast : public QObject {
    Q_OBJECT
private slots:
    void bepExample_data();
    void bepExample();
    void sameSlash24SameSet();
    void smallTorrentsAndIpv6();
};

void TestAllowedFast::bepExample_data()
{
    QTest::addColumn<int>("k");
    QTest::addColumn<QList<int>>("expected");
    // BEP 6: 80.4.4.200, info-hash of twenty 0xaa bytes, 1313 pieces.
    QTest::newRow("k=7") << 7 << QList<int>{1059, 431, 808, 1217, 287, 376, 1188};
    QTest::newRow("k=9") << 9 << QList<int>{1059, 431, 808, 1217, 287, 376, 1188, 353, 508};
}

void TestAllowedFast::bepExample()
{
    QFETCH(int, k);
    QFETCH(QList<int>, expected);
    const auto hash = metainfo::InfoHash::fromBytes(QByteArray(20, '\xaa'));
    QCOMPARE(wire::allowedFastSet(QHostAddress(QStringLiteral("80.4.4.200")), hash, 1313, k), expected);
}

void TestAllowedFast::sameSlash24SameSet()
{
    const auto hash = metainfo::InfoHash::fromBytes(QByteArray(20, '\x01'));
    const auto a = wire::allowedFastSet(QHostAddress(QStringLiteral("10.1.2.3")), hash, 5000, 10);
    QCOMPARE(a.size(), 10);
    QCOMPARE(wire::allowedFastSet(QHostAddress(QStringLiteral("10.1.2.250")), hash, 5000, 10), a);
    QCOMPARE(wire::allowedFastSet(QHostAddress(QStringLiteral("::ffff:10.1.2.9")), hash, 5000, 10), a);
    QVERIFY(wire::allowedFastSet(QHostAddress(QStringLiteral("10.1.3.3")), hash, 5000, 10) != a);
}

void TestAllowedFast::smallTorrentsAndIpv6()
{
    const auto hash = metainfo::InfoHash::fromBytes(QByteArray(20, '\x02'));
    auto three = wire::allowedFastSet(QHostAddress(QStringLiteral("192.0.2.1")), hash, 3, 10);
    std::sort(three.begin(), three.end());
    QCOMPARE(three, (QList<int>{0, 1, 2})); // every piece, each once
    QVERIFY(wire::allowedFastSet(QHostAddress(QStringLiteral("2001:db8::1")), hash, 100, 10).isEmpty());
    QVERIFY(wire::allowedFastSet(QHostAddress(QStringLiteral("192.0.2.1")), hash, 0, 10).isEmpty());
}

QTEST_GUILESS_MAIN(TestAllowedFast)
#include "tst_allowedfast.moc"
