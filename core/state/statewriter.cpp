#include "state/statewriter.h"

#include <QHash>
#include <QTimer>

#include <vector>

namespace swarmscope::state {

// Lives on the writer thread and owns the connection.
class StateWriterWorker : public QObject {
    Q_OBJECT
public:
    StateStore store;
    int commitDelayMs = 50;

    void enqueue(std::function<void(StateStore &)> job, const QByteArray &key)
    {
        if (!key.isEmpty()) {
            // Replace an earlier job with the same key in place: only the latest matters.
            auto it = m_keyed.find(key);
            if (it != m_keyed.end()) {
                m_jobs[*it] = std::move(job);
                return;
            }
            m_keyed.insert(key, m_jobs.size());
        }
        m_jobs.push_back(std::move(job));
        if (!m_scheduled) {
            m_scheduled = true;
            QTimer::singleShot(commitDelayMs, this, [this] { commitPending(); });
        }
    }

    void commitPending()
    {
        m_scheduled = false;
        if (m_jobs.empty() || !store.isOpen())
            return;
        std::vector<std::function<void(StateStore &)>> jobs;
        jobs.swap(m_jobs);
        m_keyed.clear();
        if (!store.begin()) {
            emit failed(store.lastError());
            return;
        }
        for (auto &job : jobs)
            job(store);
        if (!store.commit())
            emit failed(store.lastError());
    }

signals:
    void failed(const QString &error);

private:
    std::vector<std::function<void(StateStore &)>> m_jobs;
    QHash<QByteArray, size_t> m_keyed;
    bool m_scheduled = false;
};

StateWriter::StateWriter(QObject *parent) : QObject(parent), m_worker(new StateWriterWorker)
{
    m_thread.setObjectName(QStringLiteral("swarmscope-state"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StateWriterWorker::failed, this, &StateWriter::writeFailed);
    m_thread.start();
}

StateWriter::~StateWriter()
{
    flush();
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->store.close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool StateWriter::open(const QString &stateDir, QString *error)
{
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            ok = m_worker->store.open(stateDir);
            message = m_worker->store.lastError();
        },
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = message;
    return ok;
}

void StateWriter::setCommitDelay(int ms)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, ms] { w->commitDelayMs = ms; });
}

void StateWriter::post(std::function<void(StateStore &)> job, const QByteArray &coalesceKey)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job = std::move(job), coalesceKey]() mutable {
        w->enqueue(std::move(job), coalesceKey);
    });
}

void StateWriter::saveTorrent(const TorrentRecord &record)
{
    post([record](StateStore &s) { s.saveTorrent(record); });
}

void StateWriter::saveProgress(const metainfo::InfoHash &hash, const QByteArray &havePieces,
                               const QStringList &filePaths, qint64 uploaded, qint64 downloaded)
{
    post([=](StateStore &s) { s.saveProgress(hash, havePieces, fileStampsOf(filePaths), uploaded, downloaded); },
         QByteArray("progress:") + hash.bytes());
}

void StateWriter::saveState(const metainfo::InfoHash &hash, TorrentState st, const QString &error,
                            const QDateTime &completedAt)
{
    post([=](StateStore &s) { s.saveState(hash, st, error, completedAt); });
}

void StateWriter::saveFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities)
{
    post([=](StateStore &s) { s.saveFilePriorities(hash, priorities); });
}

void StateWriter::saveTorrentFile(const metainfo::InfoHash &hash, const QByteArray &torrentFile)
{
    post([=](StateStore &s) { s.saveTorrentFile(hash, torrentFile); }, QByteArray("file:") + hash.bytes());
}

void StateWriter::saveOptions(const metainfo::InfoHash &hash, const QString &savePath, int queuePosition,
                              bool sequential)
{
    post([=](StateStore &s) { s.saveOptions(hash, savePath, queuePosition, sequential); },
         QByteArray("options:") + hash.bytes());
}

void StateWriter::savePauseAfterMetadata(const metainfo::InfoHash &hash, bool pause)
{
    post([=](StateStore &s) { s.savePauseAfterMetadata(hash, pause); },
         QByteArray("pause-after-metadata:") + hash.bytes());
}

void StateWriter::removeTorrent(const metainfo::InfoHash &hash)
{
    post([=](StateStore &s) { s.removeTorrent(hash); });
}

void StateWriter::saveSetting(const QString &key, const QString &value)
{
    post([=](StateStore &s) { s.saveSetting(key, value); }, QByteArray("setting:") + key.toUtf8());
}

void StateWriter::flush()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->commitPending(); }, Qt::BlockingQueuedConnection);
}

} // namespace swarmscope::state

#include "statewriter.moc"
