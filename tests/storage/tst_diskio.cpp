// DiskIo: pieces hashed then written on a worker thread, read back for seeding, rechecked;
// errors reported with the file and the OS reason; nothing created where it must not be.
#include "diskiotestutil.h"
#include "storage/diskio.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace swarmscope;
using namespace swarmscope::storage;
using namespace diskiotest;

namespace {

constexpr int kWait = 20000;

struct Written {
    int piece = -1;
    bool ok = false;
    bool hashMismatch = false;
    QString error;
};

Written writtenAt(const QSignalSpy &spy, int i)
{
    const QList<QVariant> a = spy.at(i);
    return {a.at(1).toInt(), a.at(2).toBool(), a.at(3).toBool(), a.at(4).toString()};
}

// Writes the pieces (all, in the given order) and waits for every reply.
QList<Written> writePieces(DiskIo &io, StorageId id, const Torrent &t, QList<int> order = {})
{
    if (order.isEmpty())
        for (int p = 0; p < t.info.pieceCount(); ++p)
            order << p;
    QSignalSpy spy(&io, &DiskIo::pieceWritten);
    for (int p : order)
        io.writePiece(id, p, t.piece(p));
    QList<Written> out;
    if (!QTest::qWaitFor([&] { return spy.count() >= order.size(); }, kWait))
        return out;
    for (int i = 0; i < spy.count(); ++i)
        out << writtenAt(spy, i);
    return out;
}

bool allOk(const QList<Written> &w, int expected)
{
    if (w.size() != expected)
        return false;
    return std::all_of(w.begin(), w.end(), [](const Written &x) { return x.ok && x.error.isEmpty(); });
}

Bitfield runCheck(DiskIo &io, StorageId id, QString *error = nullptr, const Bitfield &toCheck = {})
{
    QSignalSpy spy(&io, &DiskIo::checkFinished);
    io.check(id, toCheck);
    if (!spy.wait(kWait))
        return {};
    if (error)
        *error = spy.at(0).at(2).toString();
    return spy.at(0).at(1).value<Bitfield>();
}

QByteArray readBlockNow(DiskIo &io, StorageId id, int piece, qint64 begin, qint64 length, QString *error = nullptr)
{
    static quint64 nextTag = 1;
    const quint64 tag = nextTag++;
    QSignalSpy spy(&io, &DiskIo::blockRead);
    io.readBlock(id, piece, begin, length, tag);
    if (!QTest::qWaitFor([&] { return !spy.isEmpty(); }, kWait) || spy.at(0).at(1).toULongLong() != tag)
        return QByteArray("<no reply>");
    if (error)
        *error = spy.at(0).at(3).toString();
    return spy.at(0).at(2).toByteArray();
}

// Large files that cost no disk space, so a full check takes seconds (hashes never match).
StorageSpec bigSparseSpec(const QString &savePath, qint64 fileSize, int files)
{
    metainfo::TorrentInfo info;
    for (int i = 0; i < files; ++i) {
        metainfo::FileEntry f;
        f.path = QStringLiteral("big/f%1").arg(i);
        f.size = fileSize;
        f.offset = qint64(i) * fileSize;
        info.files << f;
        QDir(savePath).mkpath(QStringLiteral("big"));
        QFile file(QDir(savePath).filePath(f.path));
        if (!file.open(QIODevice::WriteOnly) || !file.resize(fileSize))
            qWarning() << "cannot create sparse file" << file.fileName();
    }
    info.totalSize = fileSize * files;
    info.pieceLength = 4 * 1024 * 1024;
    info.pieceHashes = QByteArray(int(info.totalSize / info.pieceLength) * 20, 'x');
    return StorageSpec::fromTorrent(info, savePath);
}

int openHandlesUnder(const QString &folder)
{
#ifdef Q_OS_LINUX
    int n = 0;
    const QFileInfoList fds = QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::Files | QDir::System);
    for (const QFileInfo &fd : fds)
        if (fd.symLinkTarget().startsWith(folder + QLatin1Char('/')))
            ++n;
    return n;
#else
    Q_UNUSED(folder);
    return -1;
#endif
}

} // namespace

class TestDiskIo : public QObject {
    Q_OBJECT
private slots:
    void writeReadBackAcrossFiles();
    void badHashNotWritten();
    void wrongSizeOrIndexRejected();
    void zeroLengthAndSkippedFilesNotCreated();
    void padFilesNeverWritten();
    void checkFindsExactlyGoodPieces();
    void checkSubset();
    void missingSaveFolderIsErrorAndNotCreated();
    void checkWithMissingSaveFolder();
    void pathUnderAFileIsClearError();
    void readOnlyFolder();
    void outsideSaveFolderRefused();
    void readErrorsAndInvalidRequests();
    void invalidSpecsRefused();
    void removeDuringCheck();
    void cancelCheck();
    void removedStorageResultsDropped();
    void manyConcurrentWrites();
    void openFilesCapped();
    void syncAfterWrites();
    void releaseFilesClosesHandles();
    void throughput();
};

void TestDiskIo::writeReadBackAcrossFiles()
{
    QTemporaryDir dir;
    // Pieces of 4096 span several files; f4 is one byte, f1 is empty.
    const Torrent t = makeTorrent({{10000}, {0}, {7000}, {3000}, {1}, {33000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QList<int> order;
    for (int p = t.info.pieceCount() - 1; p >= 0; --p)
        order << p; // out of order, as a swarm delivers them
    QVERIFY(allOk(writePieces(io, 1, t, order), t.info.pieceCount()));
    for (int f : {0, 2, 3, 4, 5})
        QCOMPARE(readAll(dir.filePath(t.info.files[f].path)), t.fileContent(f));
    // Seeding reads: every block of every piece, byte-identical, straddling files too.
    for (int p = 0; p < t.info.pieceCount(); ++p) {
        const qint64 size = t.info.pieceSize(p);
        for (qint64 begin = 0; begin < size; begin += 1000) {
            const qint64 len = std::min<qint64>(1000, size - begin);
            QString error;
            QCOMPARE(readBlockNow(io, 1, p, begin, len, &error), t.piece(p).mid(begin, len));
            QVERIFY(error.isEmpty());
        }
    }
    QVERIFY(io.storageError(1).isEmpty());
}

void TestDiskIo::badHashNotWritten()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{6000}, {6000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy spy(&io, &DiskIo::pieceWritten);
    QByteArray bad = t.piece(1);
    bad[100] = static_cast<char>(bad[100] ^ 1);
    io.writePiece(1, 1, bad);
    QVERIFY(spy.wait(kWait));
    const Written w = writtenAt(spy, 0);
    QCOMPARE(w.piece, 1);
    QVERIFY(!w.ok);
    QVERIFY(w.hashMismatch);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("t")))); // nothing created at all
    QVERIFY(io.storageError(1).isEmpty()); // a peer's bad data is not a storage problem

    // Once the files exist, a bad copy of a good piece must not overwrite it.
    QVERIFY(allOk(writePieces(io, 1, t, {1}), 1));
    io.writePiece(1, 1, bad);
    QVERIFY(QTest::qWaitFor([&] { return spy.count() == 3; }, kWait));
    QVERIFY(writtenAt(spy, 2).hashMismatch);
    const QByteArray disk = readAll(dir.filePath(t.info.files[0].path)) + readAll(dir.filePath(t.info.files[1].path));
    QCOMPARE(disk.mid(4096, t.info.pieceSize(1)), t.piece(1));
}

void TestDiskIo::wrongSizeOrIndexRejected()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{10000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy spy(&io, &DiskIo::pieceWritten);
    io.writePiece(1, 0, t.piece(0).left(100));
    io.writePiece(1, 3, t.piece(0));
    io.writePiece(1, -1, t.piece(0));
    io.writePiece(7, 0, t.piece(0)); // unknown storage
    QVERIFY(QTest::qWaitFor([&] { return spy.count() == 4; }, kWait));
    for (int i = 0; i < 4; ++i) {
        const Written w = writtenAt(spy, i);
        QVERIFY(!w.ok);
        QVERIFY(!w.hashMismatch);
        QVERIFY(!w.error.isEmpty());
    }
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("t"))));
    QVERIFY(io.storageError(1).isEmpty());
    QCOMPARE(io.pendingWriteBytes(), 0);
}

void TestDiskIo::zeroLengthAndSkippedFilesNotCreated()
{
    QTemporaryDir dir;
    // f2 (skipped) shares piece 1 with f0 and piece 3 with f3; piece 2 lies inside it.
    const Torrent t = makeTorrent({{5000}, {0}, {9000}, {3000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path(), {1, 1, 0, 1})));
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QVERIFY(!QFileInfo::exists(dir.filePath(t.info.files[1].path)));
    QVERIFY(!QFileInfo::exists(dir.filePath(t.info.files[2].path)));
    QCOMPARE(readAll(dir.filePath(t.info.files[0].path)), t.fileContent(0));
    QCOMPARE(readAll(dir.filePath(t.info.files[3].path)), t.fileContent(3));

    // Blocks in wanted files still serve; one in the skipped file is refused, without the
    // storage going into the error state (the file is absent by the user's choice).
    QString error;
    QCOMPARE(readBlockNow(io, 1, 1, 0, 500, &error), t.piece(1).left(500));
    QVERIFY(error.isEmpty());
    QVERIFY(readBlockNow(io, 1, 2, 0, 500, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("skipped")), qPrintable(error));
    QVERIFY(io.storageError(1).isEmpty());

    // The documented limitation: pieces sharing bytes with the skipped file cannot be verified.
    const Bitfield v = runCheck(io, 1);
    QCOMPARE(v.size(), t.info.pieceCount());
    QVERIFY(v.test(0) && v.test(4));
    QVERIFY(!v.test(1) && !v.test(2) && !v.test(3));

    // Wanting the file again creates it on the next write.
    io.setFilePriorities(1, {1, 1, 1, 1});
    QVERIFY(allOk(writePieces(io, 1, t, {1, 2, 3}), 3));
    QCOMPARE(readAll(dir.filePath(t.info.files[2].path)), t.fileContent(2));
    QVERIFY(runCheck(io, 1).all());
}

void TestDiskIo::padFilesNeverWritten()
{
    QTemporaryDir dir;
    // BEP 47 style: a pad file aligns f2 to a piece boundary.
    const Torrent t = makeTorrent({{5000}, {3192, true}, {6000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("t/.pad"))));
    QCOMPARE(readAll(dir.filePath(t.info.files[2].path)), t.fileContent(2));
    QString error;
    const QByteArray zeros = readBlockNow(io, 1, 1, 904, 3192, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(zeros, QByteArray(3192, '\0'));
    QVERIFY(runCheck(io, 1).all());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("t/.pad"))));
}

void TestDiskIo::checkFindsExactlyGoodPieces()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{10000}, {7000}, {20000}, {2000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy progress(&io, &DiskIo::checkProgress);
    QCOMPARE(runCheck(io, 1).count(), 0); // nothing on disk yet: all missing, no error
    QVERIFY(io.storageError(1).isEmpty());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toInt(), t.info.pieceCount());
    QCOMPARE(progress.last().at(2).toInt(), t.info.pieceCount());

    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QString error;
    QVERIFY(runCheck(io, 1, &error).all());
    QVERIFY(error.isEmpty());

    // One flipped byte at torrent offset 13000 (f1, piece 3): only that piece fails.
    {
        QFile f(dir.filePath(t.info.files[1].path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(3000));
        QVERIFY(f.write(QByteArray(1, static_cast<char>(t.content[13000] ^ 0x40))) == 1);
    }
    Bitfield v = runCheck(io, 1, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(v.count(), t.info.pieceCount() - 1);
    QVERIFY(!v.test(3));

    // Truncate f2 (bytes 17000..37000) to 5000 bytes: pieces from 22000 on (5..9) lose data.
    QVERIFY(QFile::resize(dir.filePath(t.info.files[2].path), 5000));
    v = runCheck(io, 1, &error);
    QVERIFY(error.isEmpty());
    for (int p = 0; p < t.info.pieceCount(); ++p)
        QCOMPARE(v.test(p), p != 3 && p < 5);

    // A deleted file: its pieces (0..2, sharing piece 2 with f1) are missing, not an error.
    QVERIFY(QFile::remove(dir.filePath(t.info.files[0].path)));
    v = runCheck(io, 1, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(v.count(), 1);
    QVERIFY(v.test(4));
    QVERIFY(io.storageError(1).isEmpty());
    // A check never creates anything.
    QVERIFY(!QFileInfo::exists(dir.filePath(t.info.files[0].path)));
}

void TestDiskIo::checkSubset()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{40000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    Bitfield want(t.info.pieceCount());
    want.set(1);
    want.set(7);
    QSignalSpy progress(&io, &DiskIo::checkProgress);
    const Bitfield v = runCheck(io, 1, nullptr, want);
    QCOMPARE(v, want);
    QCOMPARE(progress.last().at(2).toInt(), 2);
    QString error;
    QVERIFY(runCheck(io, 1, &error, Bitfield(3)).none()); // wrong size: refused
    QVERIFY(!error.isEmpty());
}

void TestDiskIo::missingSaveFolderIsErrorAndNotCreated()
{
    QTemporaryDir dir;
    const QString save = dir.filePath(QStringLiteral("unmounted/disk"));
    const Torrent t = makeTorrent({{5000}, {5000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(save)));
    QSignalSpy errors(&io, &DiskIo::storageErrorChanged);
    const QList<Written> w = writePieces(io, 1, t, {0});
    QCOMPARE(w.size(), 1);
    QVERIFY(!w[0].ok);
    QVERIFY(!w[0].hashMismatch);
    QVERIFY2(w[0].error.contains(QDir::toNativeSeparators(save)), qPrintable(w[0].error));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("unmounted"))));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(io.storageError(1), w[0].error);

    // The user mounts the disk and retries.
    QVERIFY(QDir().mkpath(save));
    io.clearStorageError(1);
    QCOMPARE(errors.count(), 2);
    QVERIFY(errors.last().at(1).toString().isEmpty());
    QVERIFY(io.storageError(1).isEmpty());
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QCOMPARE(readAll(QDir(save).filePath(t.info.files[1].path)), t.fileContent(1));
}

void TestDiskIo::checkWithMissingSaveFolder()
{
    QTemporaryDir dir;
    const QString save = dir.filePath(QStringLiteral("gone"));
    const Torrent t = makeTorrent({{5000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(save)));
    QString error;
    const Bitfield v = runCheck(io, 1, &error);
    QCOMPARE(v.size(), t.info.pieceCount());
    QVERIFY(v.none());
    QVERIFY2(error.contains(QDir::toNativeSeparators(save)), qPrintable(error));
    QCOMPARE(io.storageError(1), error);
    QVERIFY(!QFileInfo::exists(save));
}

void TestDiskIo::pathUnderAFileIsClearError()
{
    QTemporaryDir dir;
    // The torrent's folder "t" is taken by a regular file: its files cannot be created (ENOTDIR).
    QFile blocker(dir.filePath(QStringLiteral("t")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Torrent t = makeTorrent({{100, false, QStringLiteral("t/sub/a")}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    const QList<Written> w = writePieces(io, 1, t);
    QCOMPARE(w.size(), 1);
    QVERIFY(!w[0].ok);
    qDebug() << "error reported:" << w[0].error;
    QVERIFY2(w[0].error.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("t")))), qPrintable(w[0].error));
    QVERIFY2(w[0].error.contains(QStringLiteral(": ")), qPrintable(w[0].error)); // carries the OS reason
    QCOMPARE(io.storageError(1), w[0].error);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("t"))).isFile());
}

void TestDiskIo::readOnlyFolder()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0)
        QSKIP("root ignores file permissions");
#endif
    QTemporaryDir dir;
    const QString save = dir.filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(save));
    QVERIFY(QFile::setPermissions(save, QFile::ReadOwner | QFile::ExeOwner));
    const Torrent t = makeTorrent({{100}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(save)));
    const QList<Written> w = writePieces(io, 1, t);
    QVERIFY(QFile::setPermissions(save, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(w.size(), 1);
    QVERIFY(!w[0].ok);
    QVERIFY2(w[0].error.contains(QDir::toNativeSeparators(save)), qPrintable(w[0].error));
    QVERIFY2(w[0].error.contains(QStringLiteral("ermission")), qPrintable(w[0].error));
    QVERIFY(!io.storageError(1).isEmpty());
}

void TestDiskIo::outsideSaveFolderRefused()
{
    QTemporaryDir dir;
    const QString save = dir.filePath(QStringLiteral("save"));
    QVERIFY(QDir().mkpath(save));
    // Paths from .torrent files are sanitized before this point; this is the last line of defence.
    const Torrent t = makeTorrent({{100, false, QStringLiteral("../escape")}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(save)));
    const QList<Written> w = writePieces(io, 1, t);
    QCOMPARE(w.size(), 1);
    QVERIFY(!w[0].ok);
    QVERIFY2(w[0].error.contains(QStringLiteral("outside")), qPrintable(w[0].error));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("escape"))));
}

void TestDiskIo::readErrorsAndInvalidRequests()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{10000}, {10000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QString error;
    QVERIFY(readBlockNow(io, 1, 0, 4000, 200, &error).isEmpty()); // past the piece's end
    QVERIFY(!error.isEmpty());
    QVERIFY(readBlockNow(io, 1, 5, 0, 10, &error).isEmpty()); // no such piece
    QVERIFY(!error.isEmpty());
    QVERIFY(readBlockNow(io, 9, 0, 0, 10, &error).isEmpty()); // no such storage
    QVERIFY(!error.isEmpty());
    QVERIFY(io.storageError(1).isEmpty());

    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    // Someone truncates a finished file behind our back: seeding from it is a storage fault.
    QVERIFY(QFile::resize(dir.filePath(t.info.files[1].path), 100));
    QSignalSpy errors(&io, &DiskIo::storageErrorChanged);
    QVERIFY(readBlockNow(io, 1, 4, 0, 1000, &error).isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(dir.filePath(t.info.files[1].path))), qPrintable(error));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(io.storageError(1), error);
    // Unaffected pieces still serve.
    QCOMPARE(readBlockNow(io, 1, 0, 0, 1000, &error), t.piece(0).left(1000));
    io.clearStorageError(1);
    QVERIFY(io.storageError(1).isEmpty());
}

void TestDiskIo::invalidSpecsRefused()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{10000}, {10}}, 4096);
    DiskIo io;
    StorageSpec bad = t.spec(dir.path());
    bad.pieceHashes.chop(1);
    QVERIFY(!io.addStorage(1, bad));
    QVERIFY(!io.addStorage(1, t.spec(dir.path(), {1, 1, 1})));
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QVERIFY(!io.addStorage(1, t.spec(dir.path()))); // id in use
    QVERIFY(io.hasStorage(1));
    io.removeStorage(1);
    QVERIFY(!io.hasStorage(1));
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
}

void TestDiskIo::removeDuringCheck()
{
    QTemporaryDir dir;
    const QString bigSave = dir.filePath(QStringLiteral("big"));
    QVERIFY(QDir().mkpath(bigSave));
    DiskIo io;
    // 8 GiB of sparse zeros: a full check takes seconds, so it is surely running when removed.
    QVERIFY(io.addStorage(1, bigSparseSpec(bigSave, 4LL << 30, 2)));
    const Torrent t = makeTorrent({{9000}}, 4096);
    QVERIFY(io.addStorage(2, t.spec(dir.path())));
    QVERIFY(allOk(writePieces(io, 2, t), t.info.pieceCount()));

    QSignalSpy progress(&io, &DiskIo::checkProgress);
    QSignalSpy finished(&io, &DiskIo::checkFinished);
    io.check(1);
    QVERIFY(io.isChecking(1));
    QVERIFY(progress.wait(kWait));
    QCOMPARE(progress.at(0).at(0).toInt(), 1);
    QVERIFY(progress.at(0).at(1).toInt() < progress.at(0).at(2).toInt());
    io.removeStorage(1);
    QVERIFY(!io.isChecking(1));
    // The check thread is free again at once: the next check (queued behind) finishes quickly.
    QElapsedTimer timer;
    timer.start();
    io.check(2);
    QVERIFY(finished.wait(kWait));
    qDebug() << "next check done" << timer.elapsed() << "ms after the removal";
    QVERIFY(timer.elapsed() < 3000); // the remaining 8 GiB would take several seconds more
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 2);
    QVERIFY(finished.at(0).at(1).value<Bitfield>().all());
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1); // nothing from the removed storage
}

void TestDiskIo::cancelCheck()
{
    QTemporaryDir dir;
    DiskIo io;
    QVERIFY(io.addStorage(1, bigSparseSpec(dir.path(), 4LL << 30, 2)));
    QSignalSpy progress(&io, &DiskIo::checkProgress);
    QSignalSpy finished(&io, &DiskIo::checkFinished);
    io.check(1);
    QVERIFY(progress.wait(kWait));
    io.cancelCheck(1);
    QVERIFY(finished.wait(kWait));
    QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("Check cancelled"));
    QVERIFY(!io.isChecking(1));
    QVERIFY(io.storageError(1).isEmpty());
}

void TestDiskIo::removedStorageResultsDropped()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{200000}}, 16384);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy written(&io, &DiskIo::pieceWritten);
    for (int p = 0; p < t.info.pieceCount(); ++p)
        io.writePiece(1, p, t.piece(p));
    QVERIFY(io.pendingWriteBytes() > 0);
    io.removeStorage(1);
    QCOMPARE(io.pendingWriteBytes(), 0);
    // Same id again, different save folder: only replies of the new incarnation arrive.
    QTemporaryDir dir2;
    QVERIFY(io.addStorage(1, t.spec(dir2.path())));
    io.writePiece(1, 0, t.piece(0));
    QVERIFY(QTest::qWaitFor([&] { return !written.isEmpty(); }, kWait));
    QTest::qWait(100);
    QCOMPARE(written.count(), 1);
    QVERIFY(writtenAt(written, 0).ok);
    QCOMPARE(io.pendingWriteBytes(), 0);
}

void TestDiskIo::manyConcurrentWrites()
{
    QTemporaryDir dir;
    const Torrent t = makeTorrent({{3'000'000}, {1}, {5'000'000}, {4'500'000}}, 65536, 7);
    const int n = t.info.pieceCount();
    QList<int> order;
    for (int p = 0; p < n; ++p)
        order << p;
    std::mt19937 rng(3);
    std::shuffle(order.begin(), order.end(), rng);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy spy(&io, &DiskIo::pieceWritten);
    for (int p : order)
        io.writePiece(1, p, t.piece(p));
    QCOMPARE(io.pendingWriteBytes(), t.info.totalSize); // returned at once, nothing waited
    QCOMPARE(io.pendingWriteBytes(1), t.info.totalSize);
    QVERIFY(QTest::qWaitFor([&] { return spy.count() == n; }, kWait));
    QList<int> seen;
    for (int i = 0; i < n; ++i) {
        const Written w = writtenAt(spy, i);
        QVERIFY(w.ok);
        seen << w.piece;
    }
    QCOMPARE(seen, order); // one worker: replies keep the order of the requests
    QCOMPARE(io.pendingWriteBytes(), 0);
    for (int f = 0; f < t.info.files.size(); ++f)
        QCOMPARE(readAll(dir.filePath(t.info.files[f].path)), t.fileContent(f));
    QVERIFY(runCheck(io, 1).all());
}

void TestDiskIo::openFilesCapped()
{
#ifndef Q_OS_LINUX
    QSKIP("counts open descriptors through /proc");
#else
    QTemporaryDir dir;
    QList<FileDef> files;
    for (int i = 0; i < 9; ++i)
        files << FileDef{5000};
    const Torrent t = makeTorrent(files, 4096);
    DiskIo::Options options;
    options.maxOpenFiles = 2;
    DiskIo io(options);
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QVERIFY(openHandlesUnder(dir.path()) <= 2);
    QVERIFY(openHandlesUnder(dir.path()) > 0);
    for (int p = 0; p < t.info.pieceCount(); ++p)
        QCOMPARE(readBlockNow(io, 1, p, 0, t.info.pieceSize(p)), t.piece(p));
    QVERIFY(openHandlesUnder(dir.path()) <= 2);
    QVERIFY(runCheck(io, 1).all());
    QVERIFY(openHandlesUnder(dir.path()) <= 2); // the check worker let go of its handles
    io.removeStorage(1);
    QVERIFY(QTest::qWaitFor([&] { return openHandlesUnder(dir.path()) == 0; }, kWait));
#endif
}

void TestDiskIo::releaseFilesClosesHandles()
{
#ifndef Q_OS_LINUX
    QSKIP("counts open descriptors through /proc");
#else
    QTemporaryDir dir;
    const Torrent t = makeTorrent({FileDef{5000}, FileDef{7000}}, 4096);
    DiskIo io;
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QVERIFY(allOk(writePieces(io, 1, t), t.info.pieceCount()));
    QCOMPARE(readBlockNow(io, 1, 0, 0, t.info.pieceSize(0)), t.piece(0));
    QVERIFY(openHandlesUnder(dir.path()) > 0);
    io.releaseFiles(1); // as a pause or a lost volume does: the volume could be unmounted now
    QVERIFY(QTest::qWaitFor([&] { return openHandlesUnder(dir.path()) == 0; }, kWait));
    // Nothing is lost: reads and writes open the files again.
    QCOMPARE(readBlockNow(io, 1, 2, 0, t.info.pieceSize(2)), t.piece(2));
    QVERIFY(runCheck(io, 1).all());
#endif
}

void TestDiskIo::syncAfterWrites()
{
    QTemporaryDir dir;
    QList<FileDef> files;
    for (int i = 0; i < 5; ++i)
        files << FileDef{3000};
    const Torrent t = makeTorrent(files, 4096);
    DiskIo::Options options;
    options.maxOpenFiles = 1; // most written files are closed by the time we sync
    DiskIo io(options);
    QVERIFY(io.addStorage(1, t.spec(dir.path())));
    QSignalSpy synced(&io, &DiskIo::synced);
    QSignalSpy written(&io, &DiskIo::pieceWritten);
    for (int p = 0; p < t.info.pieceCount(); ++p)
        io.writePiece(1, p, t.piece(p));
    io.sync(1);
    QVERIFY(synced.wait(kWait));
    QCOMPARE(written.count(), t.info.pieceCount()); // sync comes after the writes queued before it
    QCOMPARE(synced.at(0).at(0).toInt(), 1);
    QCOMPARE(synced.at(0).at(1).toString(), QString());
    io.sync(5);
    QVERIFY(synced.wait(kWait));
    QVERIFY(!synced.at(1).at(1).toString().isEmpty()); // unknown storage
}

void TestDiskIo::throughput()
{
    QTemporaryDir dir;
    constexpr qint64 piece = 1 << 20;
    constexpr int pieces = 256;
    metainfo::TorrentInfo info;
    info.files << metainfo::FileEntry{QStringLiteral("perf/data.bin"), piece * pieces, 0};
    info.totalSize = piece * pieces;
    info.pieceLength = piece;
    QList<QByteArray> data;
    std::mt19937_64 rng(42);
    for (int p = 0; p < pieces; ++p) {
        QByteArray b(piece, Qt::Uninitialized);
        auto *words = reinterpret_cast<quint64 *>(b.data());
        for (qint64 i = 0; i < piece / 8; ++i)
            words[i] = rng();
        info.pieceHashes += crypto::Sha1::hash(b);
        data << b;
    }
    DiskIo io;
    QVERIFY(io.addStorage(1, StorageSpec::fromTorrent(info, dir.path())));
    QSignalSpy spy(&io, &DiskIo::pieceWritten);
    QElapsedTimer timer;
    timer.start();
    for (int p = 0; p < pieces; ++p)
        io.writePiece(1, p, data[p]);
    QVERIFY(QTest::qWaitFor([&] { return spy.count() == pieces; }, 120000));
    const double writeMs = double(timer.elapsed());
    for (int i = 0; i < pieces; ++i)
        QVERIFY(spy.at(i).at(2).toBool());
    timer.restart();
    QString error;
    QVERIFY(runCheck(io, 1, &error).all());
    const double checkMs = double(timer.elapsed());
    qDebug().nospace() << "hash+write 256 MiB in 1 MiB pieces: " << writeMs << " ms, "
                       << 256.0 * 1000.0 / std::max(1.0, writeMs) << " MiB/s; recheck (page cache): "
                       << checkMs << " ms, " << 256.0 * 1000.0 / std::max(1.0, checkMs) << " MiB/s";
}

QTEST_GUILESS_MAIN(TestDiskIo)
#include "tst_diskio.moc"
