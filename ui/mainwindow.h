// The main window: menus, toolbar, the status filter beside the torrent list, a status bar.
// It opens .torrent files and magnet links (menu, command line, drag and drop) and shows
// their details; the engine that downloads them comes later and will feed TorrentListModel.
#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QLabel;
class QSplitter;
class QToolBar;

namespace swarmscope::ui {

class StatusFilterList;
class TorrentFilterProxy;
class TorrentInfoDialog;
class TorrentListModel;
class TorrentListView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    TorrentListModel *torrentModel() const { return m_model; }

public slots:
    // Each argument is a .torrent path, a file:// URL or a magnet link. Returns how many opened.
    int openArguments(const QStringList &arguments);
    // Parse and show details; on failure a (non-blocking) message box names the problem.
    bool openTorrentFile(const QString &path);
    bool openMagnetLink(const QString &uri);

signals:
    // A details dialog was created and shown (non-modal, deleted on close).
    void detailsShown(swarmscope::ui::TorrentInfoDialog *dialog);
    // A file or link could not be opened; `message` is what the user was told.
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
    void updateStatusBar();
    void readSettings();
    void writeSettings() const;

    void chooseTorrentFiles();
    void askForMagnetLink();
    void showAbout();
    void showDetails(TorrentInfoDialog *dialog);
    void showError(const QString &what, const QString &message);

    TorrentListModel *m_model = nullptr;
    TorrentFilterProxy *m_proxy = nullptr;
    TorrentListView *m_view = nullptr;
    StatusFilterList *m_filters = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_statusLabel = nullptr;
    QToolBar *m_toolBar = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_magnetAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_statusBarAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;

    QString m_lastFolder; // where the open dialog starts
};

} // namespace swarmscope::ui
