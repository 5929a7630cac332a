// Writes torrent state to SQLite on its own thread, so the engine never waits on the disk.
//
// The engine calls the public methods from its own thread; each queues a job to the writer's
// thread. Jobs are applied in order and committed together: progress updates for the same
// torrent are coalesced, and a commit follows within `commitDelayMs` of the first pending job,
// so a crash loses at most that much work.
#pragma once

#include "state/statestore.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <functional>

namespace swarmscope::state {

class StateWriterWorker;

class StateWriter : public QObject {
    Q_OBJECT
public:
    explicit StateWriter(QObject *parent = nullptr);
    ~StateWriter() override; // flushes and stops the thread

    // Opens the database on the writer thread and waits for the result (start-up only).
    bool open(const QString &stateDir, QString *error = nullptr);
    void setCommitDelay(int ms);

    void saveTorrent(const TorrentRecord &record);
    // The file stamps are taken on the writer thread when the job is committed: always after
    // the pieces in `havePieces` were written, which is what resuming needs to trust them.
    void saveProgress(const metainfo::InfoHash &hash, const QByteArray &havePieces,
                      const QStringList &filePaths, qint64 uploaded, qint64 downloaded);
    void saveState(const metainfo::InfoHash &hash, TorrentState state, const QString &error,
                   const QDateTime &completedAt = {});
    void saveFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities);
    void saveTorrentFile(const metainfo::InfoHash &hash, const QByteArray &torrentFile);
    void saveOptions(const metainfo::InfoHash &hash, const QString &savePath, int queuePosition, bool sequential);
    void savePauseAfterMetadata(const metainfo::InfoHash &hash, bool pause);
    void removeTorrent(const metainfo::InfoHash &hash);
    void saveSetting(const QString &key, const QString &value);

    // Commits everything pending and waits until it is on disk (shutdown).
    void flush();

signals:
    void writeFailed(const QString &error);

private:
    void post(std::function<void(StateStore &)> job, const QByteArray &coalesceKey = {});
    QThread m_thread;
    StateWriterWorker *m_worker = nullptr;
};

} // namespace swarmscope::state
