#include "session/engine.h"

#include <QEventLoop>
#include <QMutexLocker>

namespace swarmscope::session {

Engine::Engine(const SessionSettings &settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    qRegisterMetaType<SessionSnapshotPtr>();
    qRegisterMetaType<metainfo::InfoHash>();
    m_thread.setObjectName(QStringLiteral("swarmscope-engine"));
}

Engine::~Engine()
{
    shutdownAndWait();
}

template <typename F> void Engine::post(F &&f)
{
    if (m_session && !m_stopped)
        QMetaObject::invokeMethod(m_session, std::forward<F>(f), Qt::QueuedConnection);
}

bool Engine::start(QString *error)
{
    // The session is built on the engine thread, so everything it creates (sockets, timers,
    // the disk and state workers' front ends) belongs to that thread.
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    m_thread.start();
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        anchor,
        [&] {
            m_session = new Session(m_settings);
            connect(&m_thread, &QThread::finished, m_session, &QObject::deleteLater);
            ok = m_session->start(&why);
            m_listenPort = m_session->listenPort();
        },
        Qt::BlockingQueuedConnection);
    connect(m_session, &Session::snapshotReady, this, &Engine::storeSnapshot);
    connect(m_session, &Session::torrentAdded, this, &Engine::torrentAdded);
    connect(m_session, &Session::metadataReceived, this, &Engine::metadataReceived);
    connect(m_session, &Session::torrentCompleted, this, &Engine::torrentCompleted);
    connect(m_session, &Session::torrentError, this, &Engine::torrentError);
    if (!ok) {
        if (error)
            *error = why;
        m_stopped = true;
        m_thread.quit();
        m_thread.wait();
        m_session = nullptr;
    }
    return ok;
}

void Engine::storeSnapshot(const SessionSnapshotPtr &snapshot)
{
    {
        QMutexLocker lock(&m_snapshotMutex);
        m_latest = snapshot;
    }
    emit snapshotReady(snapshot);
}

SessionSnapshotPtr Engine::latestSnapshot() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_latest;
}

void Engine::addTorrent(const AddTorrentParams &params)
{
    post([this, params] {
        QString error;
        if (!m_session->addTorrent(params, &error))
            QMetaObject::invokeMethod(this, [this, error] { emit addFailed(error); }, Qt::QueuedConnection);
    });
}

void Engine::addMagnet(const AddMagnetParams &params)
{
    post([this, params] {
        QString error;
        if (!m_session->addMagnet(params, &error))
            QMetaObject::invokeMethod(this, [this, error] { emit addFailed(error); }, Qt::QueuedConnection);
    });
}

void Engine::setSequential(const metainfo::InfoHash &hash, bool sequential)
{
    post([this, hash, sequential] { m_session->setSequential(hash, sequential); });
}

void Engine::addTracker(const metainfo::InfoHash &hash, const QString &url)
{
    post([this, hash, url] { m_session->addTracker(hash, url); });
}

void Engine::removeTracker(const metainfo::InfoHash &hash, const QString &url)
{
    post([this, hash, url] { m_session->removeTracker(hash, url); });
}

void Engine::setSavePath(const metainfo::InfoHash &hash, const QString &path)
{
    post([this, hash, path] { m_session->setSavePath(hash, path); });
}

void Engine::setPauseAfterMetadata(const metainfo::InfoHash &hash, bool pause)
{
    post([this, hash, pause] { m_session->setPauseAfterMetadata(hash, pause); });
}

void Engine::moveInQueue(const metainfo::InfoHash &hash, int delta)
{
    post([this, hash, delta] { m_session->moveInQueue(hash, delta); });
}

void Engine::applySettings(const SessionSettings &settings)
{
    post([this, settings] { m_session->applySettings(settings); });
}

void Engine::removeTorrent(const metainfo::InfoHash &hash, bool deleteFiles)
{
    post([this, hash, deleteFiles] { m_session->removeTorrent(hash, deleteFiles); });
}

void Engine::pauseTorrent(const metainfo::InfoHash &hash)
{
    post([this, hash] { m_session->pauseTorrent(hash); });
}

void Engine::resumeTorrent(const metainfo::InfoHash &hash)
{
    post([this, hash] { m_session->resumeTorrent(hash); });
}

void Engine::recheckTorrent(const metainfo::InfoHash &hash)
{
    post([this, hash] { m_session->recheckTorrent(hash); });
}

void Engine::setFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities)
{
    post([this, hash, priorities] { m_session->setFilePriorities(hash, priorities); });
}

void Engine::connectPeer(const metainfo::InfoHash &hash, const QHostAddress &address, quint16 port)
{
    post([this, hash, address, port] { m_session->connectPeer(hash, address, port); });
}

void Engine::setWatched(const QList<metainfo::InfoHash> &hashes)
{
    post([this, hashes] { m_session->setWatched(hashes); });
}

void Engine::setRateLimits(qint64 down, qint64 up)
{
    post([this, down, up] { m_session->setRateLimits(down, up); });
}

void Engine::setChokerSettings(const swarm::ChokerSettings &choker)
{
    post([this, choker] { m_session->setChokerSettings(choker); });
}

void Engine::setStorageAvailable(const metainfo::InfoHash &hash, bool available)
{
    post([this, hash, available] { m_session->setStorageAvailable(hash, available); });
}

void Engine::shutdown()
{
    if (!m_session || m_stopped)
        return;
    m_stopped = true;
    QMetaObject::invokeMethod(
        m_session,
        [this] {
            m_session->shutdown([this] {
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_thread.quit();
                        m_thread.wait();
                        m_session = nullptr;
                        emit shutdownComplete();
                    },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void Engine::shutdownAndWait()
{
    if (!m_session)
        return;
    QEventLoop loop;
    connect(this, &Engine::shutdownComplete, &loop, &QEventLoop::quit);
    shutdown();
    if (m_session)
        loop.exec();
}

} // namespace swarmscope::session
