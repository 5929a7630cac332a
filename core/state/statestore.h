// Torrent state in SQLite: one database per profile, WAL mode, schema versions with migrations.
//
// StateStore is a plain connection wrapper, used from one thread at a time: the engine's
// StateWriter owns one on its own thread, and readers (the `list` verb, start-up) open their
// own. WAL lets readers work while another process writes, and after it was killed.
#pragma once

#include "state/torrentrecord.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::state {

class StateStore {
public:
    static constexpr int SchemaVersion = 2;

    StateStore();
    ~StateStore();
    StateStore(const StateStore &) = delete;
    StateStore &operator=(const StateStore &) = delete;

    // Opens (creating when `create`) `<dir>/swarmscope.sqlite3`, sets WAL and migrates.
    bool open(const QString &stateDir, bool create = true);
    void close();
    bool isOpen() const;
    QString lastError() const { return m_error; }
    QString databasePath() const { return m_path; }
    static QString defaultStateDir();
    static QString databaseFileName() { return QStringLiteral("swarmscope.sqlite3"); }

    QList<TorrentRecord> loadTorrents();
    std::optional<TorrentRecord> loadTorrent(const metainfo::InfoHash &hash);

    // Writes. Group them with begin()/commit() to batch; each is otherwise its own transaction.
    bool begin();
    bool commit();
    bool saveTorrent(const TorrentRecord &record); // insert or replace everything
    bool saveProgress(const metainfo::InfoHash &hash, const QByteArray &havePieces,
                      const QList<FileStamp> &stamps, qint64 uploaded, qint64 downloaded);
    bool saveState(const metainfo::InfoHash &hash, TorrentState state, const QString &error,
                   const QDateTime &completedAt = {});
    bool saveFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities);
    // Where it is saved, its place in the queue and its piece order: what the user can change.
    // The .torrent with new trackers (the info dictionary never changes).
    bool saveTorrentFile(const metainfo::InfoHash &hash, const QByteArray &torrentFile);
    bool saveOptions(const metainfo::InfoHash &hash, const QString &savePath, int queuePosition, bool sequential);
    bool savePauseAfterMetadata(const metainfo::InfoHash &hash, bool pause);
    bool removeTorrent(const metainfo::InfoHash &hash);

    QHash<QString, QString> loadSettings();
    bool saveSetting(const QString &key, const QString &value);

private:
    bool exec(const QString &sql);
    bool migrate();
    QString m_connection;
    QString m_path;
    QString m_error;
};

// Size and modification time of each file as it is now ({-1, -1} for a missing one).
QList<FileStamp> fileStampsOf(const QStringList &paths);
QByteArray encodeFileStamps(const QList<FileStamp> &stamps);
QList<FileStamp> decodeFileStamps(const QByteArray &data);

} // namespace swarmscope::state
