// TrayIcon: its tooltip from a snapshot, its menu and what the actions ask for, the
// notifications' text, and close-to-tray on a window.
#include "app/trayicon.h"
#include "format/units.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <QtTest/qtestspontaneevent.h>

using namespace swarmscope;
using ui::TrayIcon;

namespace {

session::TorrentSnapshot torrent(char fill, const QString &name, state::TorrentState state)
{
    session::TorrentSnapshot t;
    t.infoHash = metainfo::InfoHash::fromBytes(QByteArray(20, fill));
    t.name = name;
    t.state = state;
    return t;
}

session::SessionSnapshotPtr snapshot(QList<session::TorrentSnapshot> torrents, double down = 0, double up = 0)
{
    auto s = std::make_shared<session::SessionSnapshot>();
    s->downloadRate = down;
    s->uploadRate = up;
    s->torrents = std::move(torrents);
    return s;
}

// What the window manager's close button sends: a spontaneous close event. (QWindow::close()
// and QWidget::close() send non-spontaneous ones, and sendEvent() clears the flag.)
void closeFromWindowManager(QWidget *window)
{
    QCloseEvent event;
    QSpontaneKeyEvent::setSpontaneous(&event);
    QApplication::instance()->notify(window, &event);
    if (event.isAccepted())
        window->hide();
}

// Counts the close events that reach the window itself.
class Window : public QWidget {
public:
    int closes = 0;

protected:
    void closeEvent(QCloseEvent *event) override
    {
        ++closes;
        QWidget::closeEvent(event);
    }
};

} // namespace

class TestTrayIcon : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void toolTipShowsRatesAndCounts();
    void snapshotUpdatesToolTipAndActions();
    void menuActionsEmit();
    void closeToTrayActionFollowsSettings();
    void notificationsNameTheTorrent();
    void windowCloseHidesOnlyWhenAsked();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ui::AppSettings> m_settings;
};

void TestTrayIcon::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<ui::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
}

void TestTrayIcon::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestTrayIcon::toolTipShowsRatesAndCounts()
{
    const QLocale c(QLocale::C);
    const auto s = snapshot({torrent('a', QStringLiteral("A"), state::TorrentState::Downloading),
                             torrent('b', QStringLiteral("B"), state::TorrentState::Seeding),
                             torrent('c', QStringLiteral("C"), state::TorrentState::Downloading),
                             torrent('d', QStringLiteral("D"), state::TorrentState::Paused)},
                            1.5 * 1024 * 1024, 200 * 1024);
    const QString text = TrayIcon::toolTipText(*s, c);
    QVERIFY2(text.contains(QStringLiteral("1.50 MiB/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("200 KiB/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("4 torrent")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("2 downloading, 1 seeding")), qPrintable(text));
    QVERIFY(text.indexOf(QStringLiteral("1.50 MiB/s")) < text.indexOf(QStringLiteral("200 KiB/s")));

    const QString idle = TrayIcon::toolTipText(*snapshot({}), c);
    QVERIFY2(idle.contains(ui::units::formatRate(0, c)), qPrintable(idle));
    QVERIFY2(idle.contains(QStringLiteral("0 downloading, 0 seeding")), qPrintable(idle));
}

void TestTrayIcon::snapshotUpdatesToolTipAndActions()
{
    TrayIcon tray(m_settings.get());
    tray.setSnapshot(snapshot({}, 0, 0));
    QVERIFY(!tray.pauseAllAction()->isEnabled());
    QVERIFY(!tray.resumeAllAction()->isEnabled());
    const auto s = snapshot({torrent('a', QStringLiteral("A"), state::TorrentState::Downloading)}, 2048, 0);
    tray.setSnapshot(s);
    QCOMPARE(tray.toolTip(), TrayIcon::toolTipText(*s));
    QVERIFY(tray.toolTip().contains(ui::units::formatRate(2048)));
    QVERIFY(tray.pauseAllAction()->isEnabled());
    QVERIFY(tray.resumeAllAction()->isEnabled());
}

void TestTrayIcon::menuActionsEmit()
{
    TrayIcon tray(m_settings.get());
    tray.setSnapshot(snapshot({torrent('a', QStringLiteral("A"), state::TorrentState::Paused)}));
    const QList<QAction *> inMenu = tray.menu()->actions();
    const std::pair<QAction *, void (TrayIcon::*)()> pairs[] = {
        {tray.showAction(), &TrayIcon::showRequested},
        {tray.pauseAllAction(), &TrayIcon::pauseAllRequested},
        {tray.resumeAllAction(), &TrayIcon::resumeAllRequested},
        {tray.quitAction(), &TrayIcon::quitRequested},
    };
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (const auto &[action, signal] : pairs) {
        QVERIFY(inMenu.contains(action));
        spies << std::make_shared<QSignalSpy>(&tray, signal);
    }
    for (int i = 0; i < 4; ++i) {
        pairs[i].first->trigger();
        for (int j = 0; j < 4; ++j)
            QCOMPARE(spies[j]->size(), j <= i ? 1 : 0); // each action its own signal, once
    }
    QVERIFY(inMenu.contains(tray.closeToTrayAction()));
}

void TestTrayIcon::closeToTrayActionFollowsSettings()
{
    QVERIFY(!m_settings->closeToTray()); // off by default
    {
        TrayIcon tray(m_settings.get());
        QVERIFY(tray.closeToTrayAction()->isCheckable());
        QVERIFY(!tray.closeToTrayAction()->isChecked());
        tray.closeToTrayAction()->trigger();
        QVERIFY(m_settings->closeToTray());
    }
    TrayIcon again(m_settings.get());
    QVERIFY(again.closeToTrayAction()->isChecked());
}

void TestTrayIcon::notificationsNameTheTorrent()
{
    TrayIcon tray(m_settings.get());
    QSignalSpy notified(&tray, &TrayIcon::notified);
    const auto a = torrent('a', QStringLiteral("Debian netinst"), state::TorrentState::Seeding);
    tray.setSnapshot(snapshot({a}));
    tray.torrentCompleted(a.infoHash);
    QCOMPARE(notified.size(), 1);
    QVERIFY(notified.at(0).at(1).toString().contains(QStringLiteral("Debian netinst")));

    tray.torrentFailed(a.infoHash, QStringLiteral("disk full"));
    QCOMPARE(notified.size(), 2);
    QVERIFY(notified.at(1).at(0).toString() != notified.at(0).at(0).toString());
    QVERIFY(notified.at(1).at(1).toString().contains(QStringLiteral("Debian netinst")));
    QVERIFY(notified.at(1).at(1).toString().contains(QStringLiteral("disk full")));

    const auto unknown = metainfo::InfoHash::fromBytes(QByteArray(20, 'z'));
    tray.torrentCompleted(unknown);
    QVERIFY(notified.at(2).at(1).toString().contains(unknown.toHex()));
}

void TestTrayIcon::windowCloseHidesOnlyWhenAsked()
{
    Window window;
    TrayIcon tray(m_settings.get());
    tray.attachWindow(&window);
    tray.setTrayAvailableForTests(true);

    // Off: the window manager's close closes.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!tray.closesToTray());
    closeFromWindowManager(&window);
    QCOMPARE(window.closes, 1);
    QVERIFY(!window.isVisible());

    // On: it hides instead, and the window never sees the close.
    m_settings->setCloseToTray(true);
    QVERIFY(tray.closesToTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    closeFromWindowManager(&window);
    QCOMPARE(window.closes, 1);
    QVERIFY(!window.isVisible());
    QVERIFY(!QGuiApplication::quitOnLastWindowClosed());

    // A programmatic close (File > Quit, the tray's Quit) still closes.
    window.show();
    QVERIFY(QGuiApplication::quitOnLastWindowClosed());
    window.close();
    QCOMPARE(window.closes, 2);

    // Without a tray there is nothing to hide into: the setting alone does not hide.
    tray.setTrayAvailableForTests(false);
    if (tray.isVisible())
        QSKIP("a real system tray is present");
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!tray.closesToTray());
    closeFromWindowManager(&window);
    QCOMPARE(window.closes, 3);
    QVERIFY(!window.isVisible());
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
