// The thread-safe facade over the engine. The Session lives on its own QThread and owns every
// socket and timer; callers (the UI, the CLI) use this object from their own thread: commands
// become queued calls, and state comes back as immutable snapshots.
#pragma once

#include "session/session.h"

#include <QMutex>
#include <QObject>
#include <QThread>

namespace swarmscope::session {

class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(const SessionSettings &settings, QObject *parent = nullptr);
    ~Engine() override; // shuts down (saving state) if shutdown() was not called

    // Starts the engine thread; waits for the listening socket and the restored state.
    bool start(QString *error = nullptr);
    quint16 listenPort() const { return m_listenPort; }

    // Commands. Each returns at once; results appear in later snapshots and signals.
    void addTorrent(const AddTorrentParams &params);
    void addMagnet(const AddMagnetParams &params);
    void removeTorrent(const metainfo::InfoHash &hash, bool deleteFiles);
    void pauseTorrent(const metainfo::InfoHash &hash);
    void resumeTorrent(const metainfo::InfoHash &hash);
    void recheckTorrent(const metainfo::InfoHash &hash);
    void setFilePriorities(const metainfo::InfoHash &hash, const QByteArray &priorities);
    void setSequential(const metainfo::InfoHash &hash, bool sequential);
    void addTracker(const metainfo::InfoHash &hash, const QString &url);
    void removeTracker(const metainfo::InfoHash &hash, const QString &url);
    void setSavePath(const metainfo::InfoHash &hash, const QString &path); // before any data only
    void setPauseAfterMetadata(const metainfo::InfoHash &hash, bool pause);
    void moveInQueue(const metainfo::InfoHash &hash, int delta);
    void applySettings(const SessionSettings &settings);
    void connectPeer(const metainfo::InfoHash &hash, const QHostAddress &address, quint16 port);
    void setWatched(const QList<metainfo::InfoHash> &hashes);
    void setRateLimits(qint64 downloadBytesPerSecond, qint64 uploadBytesPerSecond);
    void setChokerSettings(const swarm::ChokerSettings &choker);
    // The volume of a torrent's save folder went away or came back (see Session).
    void setStorageAvailable(const metainfo::InfoHash &hash, bool available);

    // The newest snapshot (thread-safe); null before the first.
    SessionSnapshotPtr latestSnapshot() const;

    // Announces `stopped`, syncs and commits state, stops the thread; emits shutdownComplete.
    void shutdown();
    // The same, waiting until it is done (for destructors and signal handlers).
    void shutdownAndWait();

signals:
    void snapshotReady(const swarmscope::session::SessionSnapshotPtr &snapshot);
    void torrentAdded(const swarmscope::metainfo::InfoHash &hash);
    void metadataReceived(const swarmscope::metainfo::InfoHash &hash);
    void addFailed(const QString &error);
    void torrentCompleted(const swarmscope::metainfo::InfoHash &hash);
    void torrentError(const swarmscope::metainfo::InfoHash &hash, const QString &error);
    void shutdownComplete();

private:
    template <typename F> void post(F &&f);
    void storeSnapshot(const SessionSnapshotPtr &snapshot);

    SessionSettings m_settings;
    QThread m_thread;
    Session *m_session = nullptr;
    quint16 m_listenPort = 0;
    mutable QMutex m_snapshotMutex;
    SessionSnapshotPtr m_latest;
    bool m_stopped = false;
};

} // namespace swarmscope::session
