// The system tray icon: global rates in its tooltip, a menu (show, pause all, resume all,
// close to tray, quit), close-to-tray for a main window, and desktop notifications when a
// torrent completes or fails.
//
// It knows nothing of the engine: the app feeds it snapshots and torrent events and connects
// its request signals to the window and the engine. Without a system tray (no status notifier
// host, offscreen) no icon is shown and closing the window closes it as usual; notifications
// then go over org.freedesktop.Notifications when Qt D-Bus is built in, else nowhere.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QLocale>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace swarmscope::ui {

class AppSettings;

class TrayIcon : public QObject {
    Q_OBJECT

public:
    // `settings` outlives the tray (it holds the close-to-tray choice).
    explicit TrayIcon(AppSettings *settings, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether an icon is actually shown (a system tray exists).
    bool isVisible() const;
    QMenu *menu() const { return m_menu; }
    QAction *showAction() const { return m_show; }
    QAction *pauseAllAction() const { return m_pauseAll; }
    QAction *resumeAllAction() const { return m_resumeAll; }
    QAction *closeToTrayAction() const { return m_closeToTray; }
    QAction *quitAction() const { return m_quit; }
    QString toolTip() const { return m_toolTip; }

    // Closing `window` by the window manager hides it instead while close-to-tray is on and
    // the icon is visible. Programmatic closes (File > Quit) still close.
    void attachWindow(QWidget *window);
    // Whether a spontaneous close of the attached window would hide it now.
    bool closesToTray() const;
    // Tests stand in for a system tray that the offscreen platform does not have.
    void setTrayAvailableForTests(bool available) { m_trayForTests = available; }

    static QString toolTipText(const session::SessionSnapshot &snapshot, const QLocale &locale = QLocale());

public slots:
    void setSnapshot(const swarmscope::session::SessionSnapshotPtr &snapshot);
    void torrentCompleted(const swarmscope::metainfo::InfoHash &hash);
    void torrentFailed(const swarmscope::metainfo::InfoHash &hash, const QString &error);

signals:
    void showRequested();
    void pauseAllRequested();
    void resumeAllRequested();
    void quitRequested();
    // Every notification, whichever way (if any) it reached the desktop.
    void notified(const QString &title, const QString &body);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString torrentName(const metainfo::InfoHash &hash) const;
    void notify(const QString &title, const QString &body, bool isError);

    AppSettings *m_settings;
    QSystemTrayIcon *m_icon = nullptr; // null without a system tray
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
    QAction *m_pauseAll = nullptr;
    QAction *m_resumeAll = nullptr;
    QAction *m_closeToTray = nullptr;
    QAction *m_quit = nullptr;
    QPointer<QWidget> m_window;
    session::SessionSnapshotPtr m_snapshot;
    QString m_toolTip;
    bool m_trayForTests = false;
};

} // namespace swarmscope::ui
