// Info-hash conversions; the expected values were computed with Python's hashlib and base64.
#include "metainfo/infohash.h"

#include <QTest>

using swarmscope::metainfo::InfoHash;

class TestInfoHash : public QObject {
    Q_OBJECT
private slots:
    void ofInfoAndForms();
    void parsesEitherCase();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void invalidByDefault();
};

namespace {
const QString kHex = QStringLiteral("5d533b039577ed667b5dd6406ce54565f01bf7d7"); // sha1("swarmscope")
const QString kBase32 = QStringLiteral("LVJTWA4VO7WWM6252ZAGZZKFMXYBX56X");
} // namespace

void TestInfoHash::ofInfoAndForms()
{
    const InfoHash h = InfoHash::ofInfo("swarmscope");
    QVERIFY(h.isValid());
    QCOMPARE(h.toHex(), kHex);
    QCOMPARE(h.toBase32(), kBase32);
}

void TestInfoHash::parsesEitherCase()
{
    const InfoHash expected = InfoHash::ofInfo("swarmscope");
    QCOMPARE(InfoHash::fromHex(kHex).value(), expected);
    QCOMPARE(InfoHash::fromHex(kHex.toUpper()).value(), expected);
    QCOMPARE(InfoHash::fromBase32(kBase32).value(), expected);
    QCOMPARE(InfoHash::fromBase32(kBase32.toLower()).value(), expected);
}

void TestInfoHash::rejectsMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("base32");
    QTest::newRow("hex short") << kHex.left(39) << false;
    QTest::newRow("hex long") << kHex + QLatin1Char('0') << false;
    QTest::newRow("hex bad digit") << QString(kHex).replace(0, 1, QLatin1Char('g')) << false;
    QTest::newRow("hex empty") << QString() << false;
    QTest::newRow("base32 short") << kBase32.left(31) << true;
    QTest::newRow("base32 digit 1") << QString(kBase32).replace(0, 1, QLatin1Char('1')) << true;
    QTest::newRow("base32 padding") << QString(kBase32).replace(31, 1, QLatin1Char('=')) << true;
}

void TestInfoHash::rejectsMalformed()
{
    QFETCH(QString, text);
    QFETCH(bool, base32);
    QVERIFY(!(base32 ? InfoHash::fromBase32(text) : InfoHash::fromHex(text)).has_value());
}

void TestInfoHash::invalidByDefault()
{
    QVERIFY(!InfoHash().isValid());
    QVERIFY(!InfoHash::fromBytes("short").isValid());
}

QTEST_GUILESS_MAIN(TestInfoHash)
#include "tst_infohash.moc"
