// The OpenSSL-backed SHA-1 must agree with Qt's own and with the FIPS 180 test vectors.
#include "crypto/sha1.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using swarmscope::crypto::Sha1;

class TestSha1 : public QObject {
    Q_OBJECT
private slots:
    void knownVectors_data();
    void knownVectors();
    void agreesWithQt();
    void incrementalEqualsOneShot();
    void resultResets();
};

void TestSha1::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray() << QByteArray("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    QTest::newRow("million a") << QByteArray(1'000'000, 'a') << QByteArray("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

void TestSha1::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    QCOMPARE(Sha1::hash(input).toHex(), hex);
}

void TestSha1::agreesWithQt()
{
    QRandomGenerator rng(1234);
    for (int size : {1, 55, 56, 63, 64, 65, 16384, 262144 + 7}) {
        QByteArray data(size, Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(rng.bounded(256));
        QCOMPARE(Sha1::hash(data), QCryptographicHash::hash(data, QCryptographicHash::Sha1));
    }
}

void TestSha1::incrementalEqualsOneShot()
{
    const QByteArray data(100'000, 'x');
    Sha1 h;
    for (qsizetype i = 0; i < data.size(); i += 777)
        h.add(data.mid(i, 777));
    QCOMPARE(h.result(), Sha1::hash(data));
}

void TestSha1::resultResets()
{
    Sha1 h;
    h.add(QByteArray("first"));
    h.result();
    h.add(QByteArray("abc"));
    QCOMPARE(h.result().toHex(), QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d"));
}

QTEST_GUILESS_MAIN(TestSha1)
#include "tst_sha1.moc"
