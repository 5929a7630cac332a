#include "state/statestore.h"

#include <QAtomicInteger>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <QTimeZone>

namespace swarmscope::state {

namespace {

QAtomicInteger<int> g_connectionCounter;

const char *kStateNames[] = {"queued", "checking", "downloading", "seeding", "paused", "error",
                             "storage-unavailable"};

qint64 toMs(const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : -1; }
QDateTime fromMs(qint64 ms) { return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()); }

} // namespace

QString toString(TorrentState s)
{
    return QString::fromLatin1(kStateNames[static_cast<int>(s)]);
}

TorrentState torrentStateFromString(const QString &s)
{
    for (int i = 0; i < int(std::size(kStateNames)); ++i)
        if (s == QLatin1String(kStateNames[i]))
            return static_cast<TorrentState>(i);
    return TorrentState::Paused;
}

QList<FileStamp> fileStampsOf(const QStringList &paths)
{
    QList<FileStamp> out;
    out.reserve(paths.size());
    for (const QString &path : paths) {
        const QFileInfo fi(path);
        if (fi.exists())
            out << FileStamp{fi.size(), fi.lastModified().toMSecsSinceEpoch()};
        else
            out << FileStamp{};
    }
    return out;
}

QByteArray encodeFileStamps(const QList<FileStamp> &stamps)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s << quint32(stamps.size());
    for (const FileStamp &f : stamps)
        s << qint64(f.size) << qint64(f.mtimeMs);
    return out;
}

QList<FileStamp> decodeFileStamps(const QByteArray &data)
{
    QList<FileStamp> out;
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_0);
    quint32 n = 0;
    s >> n;
    if (s.status() != QDataStream::Ok || qsizetype(n) > data.size() / 16)
        return out;
    out.reserve(n);
    for (quint32 i = 0; i < n; ++i) {
        FileStamp f;
        s >> f.size >> f.mtimeMs;
        out << f;
    }
    if (s.status() != QDataStream::Ok)
        return {};
    return out;
}

StateStore::StateStore()
    : m_connection(QStringLiteral("swarmscope-state-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

StateStore::~StateStore()
{
    close();
}

QString StateStore::defaultStateDir()
{
    // XDG_DATA_HOME/swarmscope, whatever the application object is called.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/swarmscope");
}

bool StateStore::open(const QString &stateDir, bool create)
{
    close();
    QDir dir(stateDir);
    if (!dir.exists()) {
        if (!create || !QDir().mkpath(stateDir)) {
            m_error = QStringLiteral("state folder %1 does not exist").arg(stateDir);
            return false;
        }
    }
    m_path = dir.absoluteFilePath(databaseFileName());
    if (!create && !QFile::exists(m_path)) {
        m_error = QStringLiteral("no state database at %1").arg(m_path);
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        // Another process may hold a write lock briefly: wait rather than fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            m_error = db.lastError().text();
            return false;
        }
    }
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !exec(QStringLiteral("PRAGMA foreign_keys=ON")) || !migrate()) {
        close();
        return false;
    }
    return true;
}

void StateStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool StateStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool StateStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_error = QStringLiteral("%1: %2").arg(sql.left(60), q.lastError().text());
        return false;
    }
    return true;
}

bool StateStore::migrate()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        m_error = q.lastError().text();
        return false;
    }
    const int version = q.value(0).toInt();
    if (version > SchemaVersion) {
        m_error = QStringLiteral("the state database is schema version %1, newer than this Swarmscope (%2)")
                      .arg(version)
                      .arg(SchemaVersion);
        return false;
    }
    if (version == SchemaVersion)
        return true;
    // Each step moves the schema up one version, in one transaction.
    if (version < 1) {
        const bool ok = begin()
            && exec(QStringLiteral(
                "CREATE TABLE torrents ("
                " info_hash TEXT PRIMARY KEY,"
                " name TEXT NOT NULL,"
                " torrent_file BLOB,"
                " magnet TEXT,"
                " save_path TEXT NOT NULL,"
                " state TEXT NOT NULL,"
                " error TEXT,"
                " file_priorities BLOB,"
                " have_pieces BLOB,"
                " piece_count INTEGER NOT NULL DEFAULT 0,"
                " file_stamps BLOB,"
                " uploaded INTEGER NOT NULL DEFAULT 0,"
                " downloaded INTEGER NOT NULL DEFAULT 0,"
                " added_at INTEGER NOT NULL,"
                " completed_at INTEGER NOT NULL DEFAULT -1,"
                " queue_position INTEGER NOT NULL DEFAULT 0,"
                " sequential INTEGER NOT NULL DEFAULT 0)"))
            && exec(QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"))
            && exec(QStringLiteral("PRAGMA user_version=1")) && commit();
        if (!ok) {
            exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    if (version < 2) {
        const bool ok = begin()
            && exec(QStringLiteral(
                "ALTER TABLE torrents ADD COLUMN pause_after_metadata INTEGER NOT NULL DEFAULT 0"))
            && exec(QStringLiteral("PRAGMA user_version=2")) && commit();
        if (!ok) {
            exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

bool StateStore::begin()
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

bool StateStore::commit()
{
    return exec(QStringLiteral("COMMIT"));
}

namespace {

TorrentRecord recordFrom(const QSqlQuery &q)
{
    TorrentRecord r;
    r.infoHash = metainfo::InfoHash::fromHex(q.value(0).toString()).value_or(metainfo::InfoHash());
    r.name = q.value(1).toString();
    r.torrentFile = q.value(2).toByteArray();
    r.magnet = q.value(3).toString();
    r.savePath = q.value(4).toString();
    r.state = torrentStateFromString(q.value(5).toString());
    r.error = q.value(6).toString();
    r.filePriorities = q.value(7).toByteArray();
    r.havePieces = q.value(8).toByteArray();
    r.pieceCount = q.value(9).toInt();
    r.fileStamps = decodeFileStamps(q.value(10).toByteArray());
    r.uploaded = q.value(11).toLongLong();
    r.downloaded = q.value(12).toLongLong();
    r.addedAt = fromMs(q.value(13).toLongLong());
    r.completedAt = fromMs(q.value(14).toLongLong());
    r.queuePosition = q.value(15).toInt();
    r.sequential = q.value(16).toBool();
    r.pauseAfterMetadata = q.value(17).toBool();
    return r;
}

const char *kSelect = "SELECT info_hash, name, torrent_file, magnet, save_path, state, error, file_priorities,"
                      " have_pieces, piece_count, file_stamps, uploaded, downloaded, added_at, completed_at,"
                      " queue_position, sequential, pause_after_metadata FROM torrents";

} // namespace

QList<TorrentRecord> StateStore::loadTorrents()
{
    QList<TorrentRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QLatin1String(kSelect) + QStringLiteral(" ORDER BY queue_position, added_at"))) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        TorrentRecord r = recordFrom(q);
        if (r.infoHash.isValid())
            out << r;
    }
    return out;
}

std::optional<TorrentRecord> StateStore::loadTorrent(const metainfo::InfoHash &hash)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE info_hash = ?"));
    q.addBindValue(hash.toHex());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return recordFrom(q);
}

bool StateStore::saveTorrent(const TorrentRecord &r)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO torrents (info_hash, name, torrent_file, magnet, save_path, state, error,"
        " file_priorities, have_pieces, piece_count, file_stamps, uploaded, downloaded, added_at, completed_at,"
        " queue_position, sequential, pause_after_metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(r.infoHash.toHex());
    q.addBindValue(r.name);
    q.addBindValue(r.torrentFile);
    q.addBindValue(r.magnet);
    q.addBindValue(r.savePath);
    q.addBindValue(toString(r.state));
    q.addBindValue(r.error);
    q.addBindValue(r.filePriorities);
    q.addBindValue(r.havePieces);
    q.addBindValue(r.pieceCount);
    q.addBindValue(encodeFileStamps(r.fileStamps));
    q.addBindValue(r.uploaded);
    q.addBindValue(r.downloaded);
    q.addBindValue(toMs(r.addedAt.isValid() ? r.addedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(toMs(r.completedAt));
    q.addBindValue(r.queuePosition);
    q.addBindValue(int(r.sequential));
    q.addBindValue(int(r.pauseAfterMetadata));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::saveProgress(const metainfo::InfoHash &hash, const QByteArray &havePieces,
                              const QList<FileStamp> &stamps, qint64 uploaded, qint64 downloaded)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET have_pieces = ?, file_stamps = ?, uploaded = ?, downloaded = ?"
                             " WHERE info_hash = ?"));
    q.addBindValue(havePieces);
    q.addBindValue(encodeFileStamps(stamps));
    q.addBindValue(uploaded);
    q.addBindValue(downloaded);
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::saveState(const metainfo::InfoHash &hash, TorrentState s, const QString &error,
                           const QDateTime &completedAt)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET state = ?, error = ?,"
                             " completed_at = CASE WHEN ? >= 0 THEN ? ELSE completed_at END WHERE info_hash = ?"));
    q.addBindValue(toString(s));
    q.addBindValue(error);
    q.addBindValue(toMs(completedAt));
    q.addBindValue(toMs(completedAt));
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::saveFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET file_priorities = ? WHERE info_hash = ?"));
    q.addBindValue(priorities);
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::saveTorrentFile(const metainfo::InfoHash &hash, const QByteArray &torrentFile)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET torrent_file = ? WHERE info_hash = ?"));
    q.addBindValue(torrentFile);
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::savePauseAfterMetadata(const metainfo::InfoHash &hash, bool pause)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET pause_after_metadata = ? WHERE info_hash = ?"));
    q.addBindValue(pause ? 1 : 0);
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::saveOptions(const metainfo::InfoHash &hash, const QString &savePath, int queuePosition,
                             bool sequential)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE torrents SET save_path = ?, queue_position = ?, sequential = ? WHERE info_hash = ?"));
    q.addBindValue(savePath);
    q.addBindValue(queuePosition);
    q.addBindValue(sequential ? 1 : 0);
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::removeTorrent(const metainfo::InfoHash &hash)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM torrents WHERE info_hash = ?"));
    q.addBindValue(hash.toHex());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

QHash<QString, QString> StateStore::loadSettings()
{
    QHash<QString, QString> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT key, value FROM settings")))
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

bool StateStore::saveSetting(const QString &key, const QString &value)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace swarmscope::state
