// The two caches of a disk worker: open file handles (LRU, capped in count) and whole pieces
// kept for seeding (LRU, capped in bytes).
#include "storage/filecache.h"
#include "storage/piececache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope::storage;

class TestStorageCaches : public QObject {
    Q_OBJECT
private slots:
    void fileCacheEvictsLeastRecentlyUsed();
    void fileCacheUpgradesToWritable();
    void fileCacheReportsOpenErrors();
    void fileCacheClosesOneStorage();
    void pieceCacheKeepsWithinCapacity();
    void pieceCacheRefusesOversizedAndErases();
};

namespace {
QString makeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content = "x")
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}
} // namespace

void TestStorageCaches::fileCacheEvictsLeastRecentlyUsed()
{
    QTemporaryDir dir;
    FileCache cache(2);
    QString error;
    QFile *a = cache.acquire(1, 0, makeFile(dir, QStringLiteral("a")), false, &error);
    QVERIFY(a);
    QVERIFY(cache.acquire(1, 1, makeFile(dir, QStringLiteral("b")), false, &error));
    QCOMPARE(cache.acquire(1, 0, dir.filePath(QStringLiteral("a")), false, &error), a); // hit, now most recent
    QVERIFY(cache.acquire(1, 2, makeFile(dir, QStringLiteral("c")), false, &error));    // evicts b
    QCOMPARE(cache.openCount(), 2);
    QVERIFY(cache.contains(1, 0, false));
    QVERIFY(!cache.contains(1, 1, false));
    QVERIFY(cache.contains(1, 2, false));
}

void TestStorageCaches::fileCacheUpgradesToWritable()
{
    QTemporaryDir dir;
    FileCache cache(4);
    QString error;
    const QString path = makeFile(dir, QStringLiteral("a"), "hello");
    QFile *ro = cache.acquire(3, 0, path, false, &error);
    QVERIFY(ro);
    QVERIFY(!ro->isWritable());
    QVERIFY(!cache.contains(3, 0, true));
    QFile *rw = cache.acquire(3, 0, path, true, &error);
    QVERIFY(rw && rw->isWritable());
    QCOMPARE(cache.openCount(), 1);
    // A read-only request is served by the writable handle.
    QCOMPARE(cache.acquire(3, 0, path, false, &error), rw);
    // Opening for writing creates a missing file.
    QVERIFY(cache.acquire(3, 1, dir.filePath(QStringLiteral("new")), true, &error));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("new"))));
}

void TestStorageCaches::fileCacheReportsOpenErrors()
{
    QTemporaryDir dir;
    FileCache cache(4);
    QString error;
    QVERIFY(!cache.acquire(1, 0, dir.filePath(QStringLiteral("absent")), false, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent")))); // reading never creates
    QCOMPARE(cache.openCount(), 0);
}

void TestStorageCaches::fileCacheClosesOneStorage()
{
    QTemporaryDir dir;
    FileCache cache(8);
    QString error;
    QVERIFY(cache.acquire(1, 0, makeFile(dir, QStringLiteral("a")), false, &error));
    QVERIFY(cache.acquire(2, 0, makeFile(dir, QStringLiteral("b")), false, &error));
    QVERIFY(cache.acquire(1, 1, makeFile(dir, QStringLiteral("c")), false, &error));
    QVERIFY(cache.acquire(-1, 0, makeFile(dir, QStringLiteral("d")), false, &error));
    cache.closeStorage(1);
    QCOMPARE(cache.openCount(), 2);
    QVERIFY(cache.contains(2, 0, false));
    QVERIFY(cache.contains(-1, 0, false));
    cache.close(2, 0);
    QVERIFY(!cache.contains(2, 0, false));
    cache.closeAll();
    QCOMPARE(cache.openCount(), 0);
}

void TestStorageCaches::pieceCacheKeepsWithinCapacity()
{
    PieceCache cache(300);
    cache.insert(1, 0, QByteArray(100, 'a'));
    cache.insert(1, 1, QByteArray(100, 'b'));
    cache.insert(2, 0, QByteArray(100, 'c'));
    QCOMPARE(cache.sizeBytes(), 300);
    QCOMPARE(cache.find(1, 0), QByteArray(100, 'a')); // now most recent: (1,1) is the oldest
    cache.insert(2, 1, QByteArray(150, 'd'));         // needs 150 bytes: drops (1,1) then (2,0)
    QVERIFY(cache.find(1, 1).isNull());
    QVERIFY(cache.find(2, 0).isNull());
    QCOMPARE(cache.find(1, 0), QByteArray(100, 'a'));
    QCOMPARE(cache.find(2, 1), QByteArray(150, 'd'));
    QCOMPARE(cache.sizeBytes(), 250);
    // Replacing an entry does not count it twice.
    cache.insert(2, 1, QByteArray(50, 'e'));
    QCOMPARE(cache.sizeBytes(), 150);
    QCOMPARE(cache.count(), 2);
}

void TestStorageCaches::pieceCacheRefusesOversizedAndErases()
{
    PieceCache cache(100);
    cache.insert(1, 0, QByteArray(60, 'a'));
    cache.insert(1, 1, QByteArray(101, 'b'));
    QVERIFY(cache.find(1, 1).isNull());
    QCOMPARE(cache.find(1, 0).size(), 60); // an oversized piece does not flush the others
    cache.insert(2, 5, QByteArray(30, 'c'));
    cache.eraseStorage(1);
    QVERIFY(cache.find(1, 0).isNull());
    QCOMPARE(cache.find(2, 5).size(), 30);
    cache.erase(2, 5);
    QCOMPARE(cache.sizeBytes(), 0);
    QCOMPARE(cache.count(), 0);
    PieceCache none(0);
    none.insert(1, 0, QByteArray(1, 'x'));
    QVERIFY(none.find(1, 0).isNull());
}

QTEST_GUILESS_MAIN(TestStorageCaches)
#include "tst_storagecaches.moc"
