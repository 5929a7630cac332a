#include "app/trayicon.h"

#include "format/units.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QSignalBlocker>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

#ifdef SWARMSCOPE_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#endif

namespace swarmscope::ui {

namespace {

QIcon appIcon()
{
    QIcon icon = QIcon::fromTheme(QStringLiteral("org.swarmscope.Swarmscope"));
    if (icon.isNull())
        icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = QApplication::style()->standardIcon(QStyle::SP_ArrowDown);
    return icon;
}

#ifdef SWARMSCOPE_HAVE_DBUS
// The freedesktop notification spec's Notify call; fire and forget (no reply is awaited, so a
// slow or absent notification daemon never blocks the UI).
bool notifyOverDBus(const QString &title, const QString &body, bool isError)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.swarmscope.Swarmscope"));
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(quint8(isError ? 2 : 1)));
    call << QStringLiteral("Swarmscope") << quint32(0) << QStringLiteral("org.swarmscope.Swarmscope") << title << body
         << QStringList() << hints << qint32(-1);
    return bus.send(call);
}
#endif

} // namespace

TrayIcon::TrayIcon(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_menu(new QMenu)
{
    m_show = m_menu->addAction(tr("&Show Swarmscope"));
    m_show->setObjectName(QStringLiteral("trayShow"));
    m_menu->addSeparator();
    m_pauseAll = m_menu->addAction(tr("&Pause All"));
    m_pauseAll->setObjectName(QStringLiteral("trayPauseAll"));
    m_resumeAll = m_menu->addAction(tr("&Resume All"));
    m_resumeAll->setObjectName(QStringLiteral("trayResumeAll"));
    m_menu->addSeparator();
    m_closeToTray = m_menu->addAction(tr("&Close to Tray"));
    m_closeToTray->setObjectName(QStringLiteral("trayCloseToTray"));
    m_closeToTray->setCheckable(true);
    m_closeToTray->setChecked(m_settings->closeToTray());
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    connect(m_show, &QAction::triggered, this, &TrayIcon::showRequested);
    connect(m_pauseAll, &QAction::triggered, this, &TrayIcon::pauseAllRequested);
    connect(m_resumeAll, &QAction::triggered, this, &TrayIcon::resumeAllRequested);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_closeToTray, &QAction::toggled, this, [this](bool on) { m_settings->setCloseToTray(on); });
    // The settings dialog may have changed it since the menu was built.
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        const QSignalBlocker quiet(m_closeToTray);
        m_closeToTray->setChecked(m_settings->closeToTray());
    });

    m_toolTip = tr("Swarmscope");
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = new QSystemTrayIcon(appIcon(), this);
        m_icon->setContextMenu(m_menu);
        m_icon->setToolTip(m_toolTip);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit showRequested();
        });
        m_icon->show();
    }
}

TrayIcon::~TrayIcon()
{
    if (m_window)
        m_window->removeEventFilter(this);
    delete m_icon; // before its context menu
    delete m_menu;
}

bool TrayIcon::isVisible() const
{
    return m_icon && m_icon->isVisible();
}

void TrayIcon::attachWindow(QWidget *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

bool TrayIcon::closesToTray() const
{
    return m_settings->closeToTray() && (isVisible() || m_trayForTests);
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::Close && event->spontaneous() && closesToTray()) {
        // While only the tray is left, closing a dialog must not end the app; quitting from
        // the tray menu quits explicitly.
        QApplication::setQuitOnLastWindowClosed(false);
        m_window->hide();
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::Show)
        QApplication::setQuitOnLastWindowClosed(true);
    return QObject::eventFilter(watched, event);
}

QString TrayIcon::toolTipText(const session::SessionSnapshot &snapshot, const QLocale &locale)
{
    int downloading = 0;
    int seeding = 0;
    for (const session::TorrentSnapshot &t : snapshot.torrents) {
        if (t.state == state::TorrentState::Downloading)
            ++downloading;
        else if (t.state == state::TorrentState::Seeding)
            ++seeding;
    }
    const QString rates = tr("Down: %1, up: %2")
                              .arg(units::formatRate(qint64(snapshot.downloadRate), locale),
                                   units::formatRate(qint64(snapshot.uploadRate), locale));
    const QString counts = tr("%n torrent(s): %1 downloading, %2 seeding", nullptr, int(snapshot.torrents.size()))
                               .arg(locale.toString(downloading), locale.toString(seeding));
    return tr("Swarmscope") + QLatin1Char('\n') + rates + QLatin1Char('\n') + counts;
}

void TrayIcon::setSnapshot(const session::SessionSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    if (!snapshot)
        return;
    m_toolTip = toolTipText(*snapshot);
    if (m_icon)
        m_icon->setToolTip(m_toolTip);
    const bool any = !snapshot->torrents.isEmpty();
    m_pauseAll->setEnabled(any);
    m_resumeAll->setEnabled(any);
}

void TrayIcon::torrentCompleted(const metainfo::InfoHash &hash)
{
    notify(tr("Download complete"), tr("%1 has finished downloading.").arg(torrentName(hash)), false);
}

void TrayIcon::torrentFailed(const metainfo::InfoHash &hash, const QString &error)
{
    notify(tr("Torrent failed"), tr("%1: %2").arg(torrentName(hash), error), true);
}

QString TrayIcon::torrentName(const metainfo::InfoHash &hash) const
{
    if (m_snapshot) {
        for (const session::TorrentSnapshot &t : m_snapshot->torrents) {
            if (t.infoHash == hash && !t.name.isEmpty())
                return t.name;
        }
    }
    // Not in a snapshot yet (it completed right after being added): the hash identifies it.
    return hash.toHex();
}

void TrayIcon::notify(const QString &title, const QString &body, bool isError)
{
    if (m_icon && QSystemTrayIcon::supportsMessages()) {
        m_icon->showMessage(title, body, isError ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    } else {
#ifdef SWARMSCOPE_HAVE_DBUS
        notifyOverDBus(title, body, isError);
#endif
    }
    emit notified(title, body);
}

} // namespace swarmscope::ui
