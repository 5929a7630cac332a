// SQLite state: round trips, partial updates, schema versions, a second connection reading
// while the first writes, and file stamps.
#include "state/statestore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace swarmscope;
using namespace swarmscope::state;

namespace {

TorrentRecord sampleRecord(const QByteArray &seed)
{
    TorrentRecord r;
    r.infoHash = metainfo::InfoHash::ofInfo(seed);
    r.name = QStringLiteral("Sample ") + QString::fromLatin1(seed);
    r.torrentFile = QByteArray("d4:infod4:name1:xee") + seed;
    r.savePath = QStringLiteral("/srv/downloads");
    r.state = TorrentState::Downloading;
    r.filePriorities = QByteArray("\x01\x00\x02", 3);
    r.havePieces = QByteArray("\xf0", 1);
    r.pieceCount = 5;
    r.fileStamps = {{100, 1'700'000'000'000}, {-1, -1}};
    r.uploaded = 1234;
    r.downloaded = 5678;
    r.addedAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, QTimeZone::utc());
    r.queuePosition = 3;
    r.sequential = true;
    r.pauseAfterMetadata = true;
    return r;
}

} // namespace

class TestStateStore : public QObject {
    Q_OBJECT
private slots:
    void roundTrip();
    void partialUpdates();
    void removeAndSettings();
    void batchedTransaction();
    void secondConnectionReads();
    void refusesNewerSchema();
    void upgradesSchemaOne();
    void openWithoutCreate();
    void fileStampsCodec();
    void stateNames();
};

void TestStateStore::roundTrip()
{
    QTemporaryDir dir;
    StateStore store;
    QVERIFY2(store.open(dir.path()), qPrintable(store.lastError()));
    const TorrentRecord r = sampleRecord("a");
    QVERIFY(store.saveTorrent(r));
    store.close();

    StateStore again;
    QVERIFY(again.open(dir.path()));
    const QList<TorrentRecord> all = again.loadTorrents();
    QCOMPARE(all.size(), 1);
    const TorrentRecord &l = all.first();
    QCOMPARE(l.infoHash, r.infoHash);
    QCOMPARE(l.name, r.name);
    QCOMPARE(l.torrentFile, r.torrentFile);
    QCOMPARE(l.savePath, r.savePath);
    QCOMPARE(toString(l.state), toString(r.state));
    QCOMPARE(l.filePriorities, r.filePriorities);
    QCOMPARE(l.havePieces, r.havePieces);
    QCOMPARE(l.pauseAfterMetadata, true);
    QCOMPARE(l.pieceCount, 5);
    QCOMPARE(l.fileStamps, r.fileStamps);
    QCOMPARE(l.uploaded, 1234);
    QCOMPARE(l.downloaded, 5678);
    QCOMPARE(l.addedAt, r.addedAt);
    QVERIFY(!l.completedAt.isValid());
    QCOMPARE(l.queuePosition, 3);
    QVERIFY(l.sequential);
}

void TestStateStore::partialUpdates()
{
    QTemporaryDir dir;
    StateStore store;
    QVERIFY(store.open(dir.path()));
    const TorrentRecord r = sampleRecord("b");
    QVERIFY(store.saveTorrent(r));
    QVERIFY(store.saveProgress(r.infoHash, QByteArray("\xf8", 1), {{200, 5}}, 10, 20));
    const QDateTime done = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, QTimeZone::utc());
    QVERIFY(store.saveState(r.infoHash, TorrentState::Seeding, QString(), done));
    QVERIFY(store.saveState(r.infoHash, TorrentState::Error, QStringLiteral("disk full"))); // keeps completedAt
    QVERIFY(store.saveFilePriorities(r.infoHash, QByteArray("\x00\x00\x00", 3)));
    auto l = store.loadTorrent(r.infoHash);
    QVERIFY(l);
    QCOMPARE(l->havePieces, QByteArray("\xf8", 1));
    QCOMPARE(l->fileStamps, (QList<FileStamp>{{200, 5}}));
    QCOMPARE(l->uploaded, 10);
    QCOMPARE(l->downloaded, 20);
    QCOMPARE(toString(l->state), toString(TorrentState::Error));
    QCOMPARE(l->error, QStringLiteral("disk full"));
    QCOMPARE(l->completedAt, done);
    QCOMPARE(l->filePriorities, QByteArray("\x00\x00\x00", 3));
    QCOMPARE(l->name, r.name); // untouched columns stay
}

void TestStateStore::removeAndSettings()
{
    QTemporaryDir dir;
    StateStore store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(store.saveTorrent(sampleRecord("c")));
    QVERIFY(store.saveTorrent(sampleRecord("d")));
    QVERIFY(store.removeTorrent(sampleRecord("c").infoHash));
    QCOMPARE(store.loadTorrents().size(), 1);
    QVERIFY(!store.loadTorrent(sampleRecord("c").infoHash));
    QVERIFY(store.saveSetting(QStringLiteral("listenPort"), QStringLiteral("6881")));
    QVERIFY(store.saveSetting(QStringLiteral("listenPort"), QStringLiteral("7000")));
    QCOMPARE(store.loadSettings().value(QStringLiteral("listenPort")), QStringLiteral("7000"));
}

void TestStateStore::batchedTransaction()
{
    QTemporaryDir dir;
    StateStore store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(store.begin());
    for (int i = 0; i < 200; ++i)
        QVERIFY(store.saveTorrent(sampleRecord(QByteArray::number(i))));
    QVERIFY(store.commit());
    QCOMPARE(store.loadTorrents().size(), 200);
}

void TestStateStore::secondConnectionReads()
{
    QTemporaryDir dir;
    StateStore writer;
    QVERIFY(writer.open(dir.path()));
    QVERIFY(writer.saveTorrent(sampleRecord("e")));
    // An open write transaction in the writer must not stop a reader (WAL).
    QVERIFY(writer.begin());
    QVERIFY(writer.saveProgress(sampleRecord("e").infoHash, QByteArray("\xff", 1), {}, 1, 1));
    StateStore reader;
    QVERIFY2(reader.open(dir.path(), false), qPrintable(reader.lastError()));
    const auto seen = reader.loadTorrents();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().havePieces, QByteArray("\xf0", 1)); // the committed state
    QVERIFY(writer.commit());
    QCOMPARE(reader.loadTorrents().first().havePieces, QByteArray("\xff", 1));
}

void TestStateStore::refusesNewerSchema()
{
    QTemporaryDir dir;
    {
        StateStore store;
        QVERIFY(store.open(dir.path()));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(dir.filePath(StateStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    StateStore store;
    QVERIFY(!store.open(dir.path()));
    QVERIFY(store.lastError().contains(QLatin1String("newer")));
}

// A database of the first release (schema 1, no pause_after_metadata) opens, keeps its torrents
// and takes the new field.
void TestStateStore::upgradesSchemaOne()
{
    QTemporaryDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(dir.filePath(StateStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE torrents (info_hash TEXT PRIMARY KEY, name TEXT NOT NULL, torrent_file BLOB,"
            " magnet TEXT, save_path TEXT NOT NULL, state TEXT NOT NULL, error TEXT, file_priorities BLOB,"
            " have_pieces BLOB, piece_count INTEGER NOT NULL DEFAULT 0, file_stamps BLOB,"
            " uploaded INTEGER NOT NULL DEFAULT 0, downloaded INTEGER NOT NULL DEFAULT 0,"
            " added_at INTEGER NOT NULL, completed_at INTEGER NOT NULL DEFAULT -1,"
            " queue_position INTEGER NOT NULL DEFAULT 0, sequential INTEGER NOT NULL DEFAULT 0)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO torrents (info_hash, name, magnet, save_path, state, added_at, sequential)"
            " VALUES ('%1', 'old magnet', 'magnet:?xt=urn:btih:%1', '/srv/dl', 'downloading', 1700000000000, 1)")
                           .arg(QString::fromLatin1(QByteArray(20, 'a').toHex()))));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    StateStore store;
    QVERIFY2(store.open(dir.path()), qPrintable(store.lastError()));
    QList<TorrentRecord> all = store.loadTorrents();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().name, QStringLiteral("old magnet"));
    QVERIFY(all.first().sequential);
    QVERIFY(!all.first().pauseAfterMetadata);
    QVERIFY(store.savePauseAfterMetadata(all.first().infoHash, true));
    all = store.loadTorrents();
    QVERIFY(all.first().pauseAfterMetadata);
}

void TestStateStore::openWithoutCreate()
{
    QTemporaryDir dir;
    StateStore store;
    QVERIFY(!store.open(dir.filePath(QStringLiteral("missing")), false));
    QVERIFY(store.lastError().contains(QLatin1String("does not exist")));
    QVERIFY(!store.open(dir.path(), false));
    QVERIFY(store.lastError().contains(QLatin1String("no state database")));
    QVERIFY(!QFile::exists(dir.filePath(StateStore::databaseFileName())));
}

void TestStateStore::fileStampsCodec()
{
    const QList<FileStamp> stamps{{0, 0}, {-1, -1}, {1LL << 40, 1'700'000'000'000}};
    QCOMPARE(decodeFileStamps(encodeFileStamps(stamps)), stamps);
    QVERIFY(decodeFileStamps(QByteArray("\xff\xff\xff\xff", 4)).isEmpty()); // count beyond the data
    QVERIFY(decodeFileStamps(encodeFileStamps(stamps).chopped(3)).isEmpty());
}

void TestStateStore::stateNames()
{
    for (auto s : {TorrentState::Queued, TorrentState::Checking, TorrentState::Downloading, TorrentState::Seeding,
                   TorrentState::Paused, TorrentState::Error, TorrentState::StorageUnavailable})
        QVERIFY(torrentStateFromString(toString(s)) == s);
    QCOMPARE(toString(TorrentState::Seeding), QStringLiteral("seeding"));
}

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_statestore.moc"
