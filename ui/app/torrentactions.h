// The commands on selected torrents, as actions for the toolbar, the menus and the list's
// context menu: pause, resume, remove (asking whether to delete the data), force recheck, open
// the containing folder, copy the magnet link, move up and down in the queue; pause and
// resume all. Enabled by what the selection allows; executed through the engine.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QList>
#include <QObject>
#include <QPointer>

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

    // Tests answer the removal question instead of a user: nullopt asks.
    enum class RemoveAnswer { Cancel, KeepData, DeleteData };
    void setRemoveAnswerForTests(std::optional<RemoveAnswer> answer) { m_testAnswer = answer; }

private:
    QAction *make(const QString &objectName, const QString &text, const QString &icon, int fallback);
    const session::TorrentSnapshot *find(const metainfo::InfoHash &hash) const;
    void updateEnabled();
    void removeSelected();
    void openFolderOfSelected();
    void copyMagnetOfSelected();

    session::Engine *m_engine;
    QPointer<QWidget> m_parentWidget;
    QList<metainfo::InfoHash> m_selection;
    session::SessionSnapshotPtr m_snapshot;
    std::optional<RemoveAnswer> m_testAnswer;

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
