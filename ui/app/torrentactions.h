// The commands on selected torrents, as actions for the toolbar, the menus and the list's
// context menu: pause, resume, remove (asking whether to delete the data), force recheck, open
// the containing folder, copy the magnet link, move up and down in the queue; pause and
// resume all. Enabled by what the selection allows; executed through the engine. A resume first
// asks the storage check: a torrent whose volume is missing is not started, and the user is told.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace swarmscope::session {
class Engine;
}

namespace swarmscope::ui {

class TorrentActions : public QObject {
    Q_OBJECT
public:
    TorrentActions(session::Engine *engine, QWidget *parentWidget);

    void setSelection(const QList<metainfo::InfoHash> &selection);
    void setSnapshot(const session::SessionSnapshotPtr &snapshot);
    const QList<metainfo::InfoHash> &selection() const { return m_selection; }

    QAction *pause() const { return m_pause; }
    QAction *resume() const { return m_resume; }
    QAction *remove() const { return m_remove; }
    QAction *recheck() const { return m_recheck; }
    QAction *openFolder() const { return m_openFolder; }
    QAction *copyMagnet() const { return m_copyMagnet; }
    QAction *moveUp() const { return m_moveUp; }
    QAction *moveDown() const { return m_moveDown; }
    QAction *pauseAll() const { return m_pauseAll; }
    QAction *resumeAll() const { return m_resumeAll; }

    // The list's context menu.
    void fillMenu(QMenu *menu) const;
    // The magnet link of a torrent in the latest snapshot (trackers when its detail is known).
    QString magnetLink(const metainfo::InfoHash &hash) const;

    // Before a resume: "" when the torrent may start, otherwise why not (a sentence naming the
    // missing volume; the app passes StoragePolicy::missingStorage). Unset: everything may start.
    using StorageCheck = std::function<QString(const metainfo::InfoHash &)>;
    void setStorageCheck(StorageCheck check) { m_storageCheck = std::move(check); }

    // Tests answer the removal question instead of a user: nullopt asks.
    enum class RemoveAnswer { Cancel, KeepData, DeleteData };
    void setRemoveAnswerForTests(std::optional<RemoveAnswer> answer) { m_testAnswer = answer; }
    // Tests receive what a message box would say (title, then text) instead of a box showing.
    using NoticeSink = std::function<void(const QString &title, const QString &text)>;
    void setNoticeSinkForTests(NoticeSink sink) { m_testNotices = std::move(sink); }

private:
    QAction *make(const QString &objectName, const QString &text, const QString &icon, int fallback);
    const session::TorrentSnapshot *find(const metainfo::InfoHash &hash) const;
    void updateEnabled();
    void removeSelected();
    void openFolderOfSelected();
    void copyMagnetOfSelected();
    // Resumes those whose storage is there; tells the user about the others.
    void resumeChecked(const QList<metainfo::InfoHash> &hashes);
    void tellNotResumed(const QStringList &names, const QStringList &reasons);
    QString nameOf(const metainfo::InfoHash &hash) const;

    session::Engine *m_engine;
    QPointer<QWidget> m_parentWidget;
    QList<metainfo::InfoHash> m_selection;
    session::SessionSnapshotPtr m_snapshot;
    std::optional<RemoveAnswer> m_testAnswer;
    StorageCheck m_storageCheck;
    NoticeSink m_testNotices;

    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_recheck = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_copyMagnet = nullptr;
    QAction *m_moveUp = nullptr;
    QAction *m_moveDown = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_resumeAll = nullptr;
};

} // namespace swarmscope::ui
