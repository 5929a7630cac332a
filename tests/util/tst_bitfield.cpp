// Bitfield: wire form (BEP 3 bit order), spare bits, counting.
#include "util/bitfield.h"

#include <QTest>

using swarmscope::Bitfield;

class TestBitfield : public QObject {
    Q_OBJECT
private slots:
    void bitOrderMatchesWire();
    void fillRespectsSpareBits();
    void fromWireChecksLengthAndSpareBits_data();
    void fromWireChecksLengthAndSpareBits();
    void countFollowsChanges();
    void outOfRangeIsIgnored();
    void missingFrom();
};

void TestBitfield::bitOrderMatchesWire()
{
    Bitfield b(10);
    b.set(0);
    b.set(9);
    QCOMPARE(b.toWire(), QByteArray("\x80\x40", 2));
    QVERIFY(b.test(0) && b.test(9) && !b.test(1));
}

void TestBitfield::fillRespectsSpareBits()
{
    Bitfield b(10, true);
    QCOMPARE(b.toWire(), QByteArray("\xff\xc0", 2));
    QCOMPARE(b.count(), 10);
    QVERIFY(b.all());
    b.fill(false);
    QVERIFY(b.none());
    QCOMPARE(Bitfield(16, true).toWire(), QByteArray("\xff\xff", 2));
}

void TestBitfield::fromWireChecksLengthAndSpareBits_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("ok");
    QTest::newRow("exact") << QByteArray("\xff\xc0", 2) << 10 << true;
    QTest::newRow("spare bit set") << QByteArray("\xff\xe0", 2) << 10 << false;
    QTest::newRow("too short") << QByteArray("\xff", 1) << 10 << false;
    QTest::newRow("too long") << QByteArray("\xff\xc0\x00", 3) << 10 << false;
    QTest::newRow("multiple of 8") << QByteArray("\x01", 1) << 8 << true;
    QTest::newRow("empty") << QByteArray() << 0 << true;
}

void TestBitfield::fromWireChecksLengthAndSpareBits()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, size);
    QFETCH(bool, ok);
    auto b = Bitfield::fromWire(bytes, size);
    QCOMPARE(b.has_value(), ok);
    if (b)
        QCOMPARE(b->toWire(), bytes);
}

void TestBitfield::countFollowsChanges()
{
    auto b = Bitfield::fromWire(QByteArray("\xf0\x80", 2), 9);
    QVERIFY(b);
    QCOMPARE(b->count(), 5);
    b->set(0); // already set
    QCOMPARE(b->count(), 5);
    b->reset(0);
    QCOMPARE(b->count(), 4);
    b->set(5);
    QCOMPARE(b->count(), 5);
}

void TestBitfield::outOfRangeIsIgnored()
{
    Bitfield b(4);
    b.set(4);
    b.set(-1);
    QCOMPARE(b.count(), 0);
    QVERIFY(!b.test(100));
}

void TestBitfield::missingFrom()
{
    Bitfield mine(12), theirs(12);
    QVERIFY(!mine.hasAnyMissingFrom(theirs));
    theirs.set(11);
    QVERIFY(mine.hasAnyMissingFrom(theirs));
    mine.set(11);
    QVERIFY(!mine.hasAnyMissingFrom(theirs));
    QVERIFY(!mine.hasAnyMissingFrom(Bitfield(13, true)));
}

QTEST_GUILESS_MAIN(TestBitfield)
#include "tst_bitfield.moc"
