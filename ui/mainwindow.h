// The main window: the torrent list (state filter beside it, search above it), the details of
// the selected torrent below it, menus, toolbar and status bar. It reads the engine's
// snapshots and sends commands through the Engine facade; adding goes through AddController,
// the commands on torrents through TorrentActions.
#pragma once

#include "metainfo/infohash.h"
#include "session/sessionsettings.h"
#include "session/snapshot.h"

#include <QMainWindow>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;
class QLineEdit;
class QSplitter;
class QToolBar;

namespace swarmscope::session {
class Engine;
}

namespace swarmscope::ui {

class AddController;
class AppSettings;
class DetailsPanel;
class StatusBarPanel;
class StatusFilterList;
class TorrentActions;
class TorrentFilterProxy;
class TorrentListModel;
class TorrentListView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `engine` and `settings` outlive the window.
    MainWindow(session::Engine *engine, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    TorrentListModel *torrentModel() const { return m_model; }
    TorrentListView *torrentView() const { return m_view; }
    TorrentFilterProxy *torrentProxy() const { return m_proxy; }
    AddController *adder() const { return m_adder; }
    TorrentActions *torrentActions() const { return m_actions; }
    DetailsPanel *details() const { return m_details; }
    StatusBarPanel *statusPanel() const { return m_statusPanel; }
    QLineEdit *searchBox() const { return m_search; }
    std::optional<metainfo::InfoHash> currentTorrent() const;
    // What the command line overrides for this run (--demo, --no-dht ...), applied to the
    // settings Preferences sends to the engine; they are not saved.
    void setRunOverrides(std::function<session::SessionSettings(const session::SessionSettings &)> overrides)
    {
        m_runOverrides = std::move(overrides);
    }

    // Before a resume: "" when a torrent's storage is there, else which volume is missing
    // (StoragePolicy::missingStorage). Resume and Resume All skip such torrents and say why; the
    // General tab names the volume a waiting torrent needs.
    void setStorageCheck(const std::function<QString(const metainfo::InfoHash &)> &check);
    // Add dialogs refuse a save folder on a volume that is not mounted (StoragePolicy::missingVolumeFor).
    void setFolderCheck(const std::function<QString(const QString &)> &check);

public slots:
    // Each argument is a .torrent path, a file:// or http(s):// URL, or a magnet link; each
    // opens the add dialog. Returns how many were recognised.
    int openArguments(const QStringList &arguments);
    void showSnapshot(const swarmscope::session::SessionSnapshotPtr &snapshot);
    // Ctrl+V: a magnet link, a URL or a path from the clipboard.
    void pasteFromClipboard();

signals:
    // An item could not be opened; `message` is what the user was told.
    void openFailed(const QString &what, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralArea();
    void setDefaultColumnWidths();
    void readSettings();
    void writeSettings() const;
    void selectionChanged();
    void updateWatched();
    void chooseTorrentFiles();
    void askForMagnetLink();
    void showSettingsDialog();
    void showLimitsDialog();
    void showAbout();
    void showError(const QString &what, const QString &message);
    void showContextMenu(const QPoint &pos);

    session::Engine *m_engine;
    AppSettings *m_settings;
    session::SessionSnapshotPtr m_snapshot;
    TorrentListModel *m_model = nullptr;
    TorrentFilterProxy *m_proxy = nullptr;
    TorrentListView *m_view = nullptr;
    StatusFilterList *m_filters = nullptr;
    QLineEdit *m_search = nullptr;
    DetailsPanel *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_listSplitter = nullptr;
    StatusBarPanel *m_statusPanel = nullptr;
    QToolBar *m_toolBar = nullptr;
    AddController *m_adder = nullptr;
    TorrentActions *m_actions = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_magnetAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_statusBarAction = nullptr;
    QAction *m_detailsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    QString m_lastFolder; // where the open dialog starts
    QList<metainfo::InfoHash> m_watched;
    std::function<session::SessionSettings(const session::SessionSettings &)> m_runOverrides;
};

} // namespace swarmscope::ui
