// The main window on a real engine (in-process, loopback, nothing persisted, DHT off): adding
// by drop, paste and command line through the add dialog, the list following the engine's
// snapshots, the commands on selected torrents, the search box, the status bar, and what is
// remembered between runs.
#include "app/addcontroller.h"
#include "app/statusbarpanel.h"
#include "app/torrentactions.h"
#include "details/detailspanel.h"
#include "dialogs/adddialog.h"
#include "dialogs/filetreemodel.h"
#include "mainwindow.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "session/engine.h"
#include "settings/appsettings.h"
#include "torrentlist/statusfilterlist.h"
#include "torrentlist/torrentfilterproxy.h"
#include "torrentlist/torrentlistmodel.h"
#include "torrentlist/torrentlistview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUrl>

#include <memory>

using namespace swarmscope;
using namespace swarmscope::ui;

namespace {

constexpr int kEngineTimeoutMs = 10'000;

QString sampleTorrent()
{
    return QStringLiteral(SWARMSCOPE_TEST_DATA "/torrents/ui-sample-album.torrent");
}
QString singleFileTorrent()
{
    return QStringLiteral(SWARMSCOPE_TEST_DATA "/torrents/ui-single-file.torrent");
}

// Sends drag-enter then drop, as a real drag would; returns whether the drop was accepted.
bool dragAndDrop(QWidget *target, QMimeData *mime)
{
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(centre), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

// An engine and the app's settings, as main() makes them, but private to the test.
struct App {
    QTemporaryDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<session::Engine> engine;

    App()
    {
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
        session::SessionSettings s = settings->sessionSettings();
        s.persistState = false;
        s.dhtEnabled = false;
        s.announceToTrackers = false; // the fixtures name trackers on example.org
        s.listenAddress = QHostAddress(QHostAddress::LocalHost);
        s.listenPort = 0;
        s.defaultSavePath = dir.filePath(QStringLiteral("downloads"));
        s.snapshotIntervalMs = 50;
        settings->setSessionSettings(s);
        settings->setLastSaveFolder(s.defaultSavePath);
        engine = std::make_unique<session::Engine>(s);
        QString error;
        if (!engine->start(&error))
            qFatal("the engine did not start: %s", qPrintable(error));
    }
    ~App() { engine->shutdownAndWait(); }
};

int rowOf(const TorrentListModel *model, const QString &name)
{
    for (int i = 0; i < model->rowCount(); ++i)
        if (model->rowAt(i).name == name)
            return i;
    return -1;
}

// Serves one file over HTTP on 127.0.0.1, once per connection (a browser's .torrent link).
class TinyHttpServer : public QTcpServer {
public:
    explicit TinyHttpServer(QByteArray body) : m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    if (!s->readAll().contains("\r\n\r\n"))
                        return;
                    s->write("HTTP/1.0 200 OK\r\nContent-Type: application/x-bittorrent\r\nContent-Length: "
                             + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

private:
    QByteArray m_body;
};

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void constructs();
    void actionsAndShortcuts();
    void dropTorrentFileThroughAddDialog();
    void dropMagnetTextFetchesAndCancelRemoves();
    void dropEachMimeForm_data();
    void dropEachMimeForm();
    void dropOfAnythingElseIsRefused();
    void badTorrentAndDuplicateShowErrors();
    void commandLineAndHttpUrl();
    void pasteMagnetLink();
    void commandsOnTheSelection();
    void resumeSkipsTorrentsWithoutStorage();
    void searchNarrowsTheList();
    void headerStateIsSaved();
};

void tst_MainWindow::initTestCase()
{
    // Keep the user's real settings out of reach.
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<AddTorrentDialog *>();
    QVERIFY(QFile::exists(sampleTorrent()));
}

void tst_MainWindow::init()
{
    QSettings(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope")).clear();
}

void tst_MainWindow::constructs()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QCOMPARE(window.windowTitle(), QStringLiteral("Swarmscope"));
    QVERIFY(window.acceptDrops());
    auto *filters = window.findChild<StatusFilterList *>();
    QVERIFY(filters);
    QCOMPARE(filters->count(), 6);
    QVERIFY(window.details());
    QCOMPARE(window.details()->count(), 6); // General, Trackers, Peers, Files, Swarm, Rates
    QCOMPARE(window.torrentModel()->columnCount(), int(TorrentListModel::ColumnCount));
    // The status bar fills in from the first snapshot: DHT off, the port we listen on.
    QTRY_VERIFY_WITH_TIMEOUT(window.statusPanel()->portText().contains(QString::number(app.engine->listenPort())),
                             kEngineTimeoutMs);
    QCOMPARE(window.statusPanel()->dhtText(), QStringLiteral("DHT: off"));
    QVERIFY(window.statusPanel()->spaceText().startsWith(QStringLiteral("Free: ")));
}

void tst_MainWindow::actionsAndShortcuts()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    const auto action = [&window](const char *name) {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    };
    QCOMPARE(action("actionOpen")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    QCOMPARE(action("actionQuit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QCOMPARE(action("actionPaste")->shortcut(), QKeySequence(QKeySequence::Paste));
    QCOMPARE(action("actionRemove")->shortcut(), QKeySequence(QKeySequence::Delete));
    for (const char *name : {"actionAddMagnet", "actionPreferences", "actionPause", "actionResume", "actionRecheck",
                             "actionOpenFolder", "actionCopyMagnet", "actionMoveUp", "actionMoveDown",
                             "actionPauseAll", "actionResumeAll", "actionAbout", "actionAboutQt"})
        QVERIFY2(action(name), name);
    // Nothing selected: nothing to pause or remove.
    QVERIFY(!action("actionPause")->isEnabled());
    QVERIFY(!action("actionRemove")->isEnabled());
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    for (const char *name : {"actionOpen", "actionAddMagnet", "actionResume", "actionPause", "actionRemove"})
        QVERIFY2(toolBar->actions().contains(action(name)), name);

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    action("actionShowToolBar")->trigger();
    QVERIFY(toolBar->isHidden());
    action("actionShowStatusBar")->trigger();
    QVERIFY(window.statusBar()->isHidden());
    action("actionShowDetails")->trigger();
    QVERIFY(window.details()->isHidden());
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

// A .torrent dropped as a file URL: the add dialog shows its files; with one unticked and a
// folder chosen, the engine gets it and the list shows it.
void tst_MainWindow::dropTorrentFileThroughAddDialog()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(sampleTorrent())});
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 1);
    auto *dialog = shown[0][0].value<AddTorrentDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->hasMetadata());
    QCOMPARE(dialog->fileModel()->fileCount(), 6);
    // SHA-1 of the fixture's info dictionary, computed independently with Python's hashlib.
    QCOMPARE(dialog->infoHash().toHex(), QStringLiteral("9de00d6f287e9b80ff7f4756e675b479839d8af9"));

    const QString folder = app.dir.filePath(QStringLiteral("chosen"));
    auto *folderEdit = dialog->findChild<QLineEdit *>(QStringLiteral("savePath"));
    QVERIFY(folderEdit);
    folderEdit->setText(folder);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window.torrentModel(), QStringLiteral("Sample Album")) >= 0, kEngineTimeoutMs);
    // The folder chosen is what the next dialog proposes, and it is remembered.
    QCOMPARE(window.adder()->defaultSavePath(), folder);
    QCOMPARE(app.settings->lastSaveFolder(), folder);
    // The first torrent is selected for the details panel, which shows it.
    QTRY_VERIFY_WITH_TIMEOUT(window.currentTorrent().has_value(), kEngineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.details()->shownTorrent() == window.currentTorrent(), kEngineTimeoutMs);
}

// A magnet link dropped as text: the engine starts fetching at once (the row shows it waiting
// for metadata); cancelling the dialog takes it away again.
void tst_MainWindow::dropMagnetTextFetchesAndCancelRemoves()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    const QString hash = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    auto mime = std::make_unique<QMimeData>();
    mime->setText(QStringLiteral("  magnet:?xt=urn:btih:%1&dn=Some+Show\n").arg(hash));
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 1);
    auto *dialog = shown[0][0].value<AddTorrentDialog *>();
    QVERIFY(!dialog->hasMetadata());
    QCOMPARE(window.adder()->watched().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window.torrentModel(), QStringLiteral("Some Show")) >= 0, kEngineTimeoutMs);
    const int row = rowOf(window.torrentModel(), QStringLiteral("Some Show"));
    QVERIFY(window.torrentModel()->rowAt(row).state == TorrentState::FetchingMetadata);
    QCOMPARE(window.torrentModel()->rowAt(row).size, -1);
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(window.torrentModel(), QStringLiteral("Some Show")), -1, kEngineTimeoutMs);
    QVERIFY(window.adder()->watched().isEmpty());
}

void tst_MainWindow::dropEachMimeForm_data()
{
    QTest::addColumn<QList<QUrl>>("urls");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("dialogs");
    const QString magnetA = QStringLiteral("magnet:?xt=urn:btih:2222222222222222222222222222222222222222&dn=A");
    const QString magnetB = QStringLiteral("magnet:?xt=urn:btih:3333333333333333333333333333333333333333&dn=B");
    QTest::newRow("file URL") << QList<QUrl>{QUrl::fromLocalFile(sampleTorrent())} << QString() << 1;
    QTest::newRow("two file URLs")
        << QList<QUrl>{QUrl::fromLocalFile(sampleTorrent()), QUrl::fromLocalFile(singleFileTorrent())} << QString()
        << 2;
    QTest::newRow("magnet as uri-list") << QList<QUrl>{QUrl(magnetA)} << QString() << 1;
    QTest::newRow("magnet as text") << QList<QUrl>{} << magnetA << 1;
    QTest::newRow("two magnets as text lines") << QList<QUrl>{} << (magnetA + u'\n' + magnetB) << 2;
    QTest::newRow("file and magnet in one uri-list")
        << QList<QUrl>{QUrl::fromLocalFile(sampleTorrent()), QUrl(magnetB)} << QString() << 2;
}

void tst_MainWindow::dropEachMimeForm()
{
    QFETCH(QList<QUrl>, urls);
    QFETCH(QString, text);
    QFETCH(int, dialogs);
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    auto mime = std::make_unique<QMimeData>();
    if (!urls.isEmpty())
        mime->setUrls(urls);
    if (!text.isEmpty())
        mime->setText(text);
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), dialogs);
}

void tst_MainWindow::dropOfAnythingElseIsRefused()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    QFile other(app.dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(other.fileName()), QUrl(QStringLiteral("ftp://127.0.0.1/x.torrent"))});
    mime->setText(QStringLiteral("hello"));
    QVERIFY(!dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 0);
}

void tst_MainWindow::badTorrentAndDuplicateShowErrors()
{
    App app;
    const QString path = app.dir.filePath(QStringLiteral("broken.torrent"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("d8:announce3:abc"); // truncated: the dictionary never ends
    file.close();
    metainfo::ParseError expected;
    QVERIFY(!metainfo::loadTorrentFile(path, &expected));

    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy failed(&window, &MainWindow::openFailed);
    QCOMPARE(window.openArguments({path}), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][1].toString(), expected.toString());
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("openErrorBox"));
    QVERIFY(box && box->isVisible());
    QCOMPARE(box->informativeText(), expected.toString());
    QVERIFY(box->text().contains(QStringLiteral("broken.torrent")));

    QCOMPARE(window.openArguments({QStringLiteral("magnet:?dn=no-hash")}), 0);
    QCOMPARE(failed.size(), 2);
    // The same torrent twice: the second is refused while the first dialog is open.
    QCOMPARE(window.openArguments({sampleTorrent(), sampleTorrent()}), 1);
    QCOMPARE(failed.size(), 3);
    QVERIFY(failed[2][1].toString().contains(QStringLiteral("already")));
}

void tst_MainWindow::commandLineAndHttpUrl()
{
    App app;
    QFile fixture(singleFileTorrent());
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    TinyHttpServer server(fixture.readAll());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567");
    const QString url = QStringLiteral("http://127.0.0.1:%1/cover.torrent").arg(server.serverPort());
    QCOMPARE(window.openArguments({QUrl::fromLocalFile(sampleTorrent()).toString(), magnet, url}), 3);
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 3, kEngineTimeoutMs); // the download comes last
    auto *fromHttp = shown[2][0].value<AddTorrentDialog *>();
    QCOMPARE(fromHttp->fileModel()->fileCount(), 1);
    QCOMPARE(window.adder()->openDialogs().size(), 3);
}

void tst_MainWindow::pasteMagnetLink()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    QApplication::clipboard()->setText(
        QStringLiteral("magnet:?xt=urn:btih:1111111111111111111111111111111111111111&dn=Pasted"));
    window.torrentView()->setFocus();
    QTest::keyClick(window.torrentView(), Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE(shown.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(window.torrentModel(), QStringLiteral("Pasted")) >= 0, kEngineTimeoutMs);
}

// Pause, resume, queue order and removal of the selected torrent, as the engine reports them.
void tst_MainWindow::commandsOnTheSelection()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    QCOMPARE(window.openArguments({sampleTorrent(), singleFileTorrent()}), 2);
    QCOMPARE(shown.size(), 2);
    for (const auto &args : shown)
        args[0].value<AddTorrentDialog *>()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(window.torrentModel()->rowCount(), 2, kEngineTimeoutMs);

    const int row = rowOf(window.torrentModel(), QStringLiteral("cover.jpg"));
    const QModelIndex index = window.torrentProxy()->mapFromSource(window.torrentModel()->index(row, 0));
    window.torrentView()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    TorrentActions *actions = window.torrentActions();
    QCOMPARE(actions->selection().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(actions->pause()->isEnabled(), kEngineTimeoutMs);
    actions->pause()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window.torrentModel()->rowAt(rowOf(window.torrentModel(), QStringLiteral("cover.jpg"))).state
            == TorrentState::Paused,
        kEngineTimeoutMs);
    QTRY_VERIFY(actions->resume()->isEnabled());
    QVERIFY(!actions->pause()->isEnabled());

    // The magnet link it copies names the torrent.
    actions->copyMagnet()->trigger();
    const auto link = metainfo::parseMagnet(QApplication::clipboard()->text());
    QVERIFY(link);
    QCOMPARE(link->displayName, QStringLiteral("cover.jpg"));

    actions->setRemoveAnswerForTests(TorrentActions::RemoveAnswer::Cancel);
    actions->remove()->trigger();
    QTest::qWait(300);
    QCOMPARE(window.torrentModel()->rowCount(), 2);
    actions->setRemoveAnswerForTests(TorrentActions::RemoveAnswer::KeepData);
    actions->remove()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.torrentModel()->rowCount(), 1, kEngineTimeoutMs);
    QCOMPARE(window.torrentModel()->rowAt(0).name, QStringLiteral("Sample Album"));
}

// The storage check before a resume: a torrent whose volume is missing stays paused and the user
// is told which volume (here through the test hook instead of a message box); Resume All starts
// the others and lists the one skipped. Without the check, the same resume goes through.
void tst_MainWindow::resumeSkipsTorrentsWithoutStorage()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    QCOMPARE(window.openArguments({sampleTorrent(), singleFileTorrent()}), 2);
    QCOMPARE(shown.size(), 2);
    for (const auto &args : shown)
        args[0].value<AddTorrentDialog *>()->accept();
    TorrentListModel *model = window.torrentModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kEngineTimeoutMs);
    TorrentActions *actions = window.torrentActions();
    QTRY_VERIFY_WITH_TIMEOUT(actions->pauseAll()->isEnabled(), kEngineTimeoutMs);
    actions->pauseAll()->trigger();
    const auto stateOf = [model](const QString &name) { return model->rowAt(rowOf(model, name)).state; };
    const QString blocked = QStringLiteral("cover.jpg");
    const QString other = QStringLiteral("Sample Album");
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(blocked) == TorrentState::Paused && stateOf(other) == TorrentState::Paused,
                             kEngineTimeoutMs);

    const metainfo::InfoHash blockedHash = model->rowAt(rowOf(model, blocked)).infoHash;
    const QString why = QStringLiteral("The volume /media/usb holding /media/usb/dl is not mounted.");
    window.setStorageCheck([blockedHash, why](const metainfo::InfoHash &hash) {
        return hash == blockedHash ? why : QString();
    });
    QStringList notices;
    actions->setNoticeSinkForTests([&notices](const QString &, const QString &text) { notices << text; });

    const QModelIndex index = window.torrentProxy()->mapFromSource(model->index(rowOf(model, blocked), 0));
    window.torrentView()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_VERIFY(actions->resume()->isEnabled());
    actions->resume()->trigger();
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.at(0).contains(blocked) && notices.at(0).contains(QStringLiteral("/media/usb")),
             qPrintable(notices.at(0)));
    QTest::qWait(300); // several snapshots (50 ms apart): it would have left Paused by now
    QCOMPARE(stateOf(blocked), TorrentState::Paused);

    actions->resumeAll()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(other) != TorrentState::Paused, kEngineTimeoutMs);
    QCOMPARE(notices.size(), 2);
    QVERIFY2(notices.at(1).contains(blocked) && !notices.at(1).contains(other), qPrintable(notices.at(1)));
    QTest::qWait(300);
    QCOMPARE(stateOf(blocked), TorrentState::Paused);

    // The volume is back: the same resume starts it.
    window.setStorageCheck({});
    actions->resume()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(blocked) != TorrentState::Paused, kEngineTimeoutMs);
    QCOMPARE(notices.size(), 2);
}

void tst_MainWindow::searchNarrowsTheList()
{
    App app;
    MainWindow window(app.engine.get(), app.settings.get());
    QSignalSpy shown(window.adder(), &AddController::dialogShown);
    window.openArguments({sampleTorrent(), singleFileTorrent()});
    for (const auto &args : shown)
        args[0].value<AddTorrentDialog *>()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(window.torrentProxy()->rowCount(), 2, kEngineTimeoutMs);
    window.searchBox()->setText(QStringLiteral("album sample"));
    QCOMPARE(window.torrentProxy()->rowCount(), 1);
    QCOMPARE(window.torrentProxy()->index(0, 0).data().toString(), QStringLiteral("Sample Album"));
    window.searchBox()->setText(QStringLiteral("nothing like it"));
    QCOMPARE(window.torrentProxy()->rowCount(), 0);
    window.searchBox()->clear();
    QCOMPARE(window.torrentProxy()->rowCount(), 2);
}

void tst_MainWindow::headerStateIsSaved()
{
    App app;
    {
        MainWindow window(app.engine.get(), app.settings.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.torrentView();
        view->header()->setSectionHidden(TorrentListModel::PeersColumn, true);
        view->header()->setSectionHidden(TorrentListModel::AddedColumn, false);
        view->header()->resizeSection(TorrentListModel::NameColumn, 123);
        view->sortByColumn(TorrentListModel::SizeColumn, Qt::AscendingOrder);
        window.findChild<StatusFilterList *>()->setCurrentFilter(StatusFilter::Paused);
        window.details()->setCurrentIndex(4);
        window.close();
    }
    MainWindow again(app.engine.get(), app.settings.get());
    auto *view = again.torrentView();
    QVERIFY(view->header()->isSectionHidden(TorrentListModel::PeersColumn));
    QVERIFY(!view->header()->isSectionHidden(TorrentListModel::AddedColumn));
    QCOMPARE(view->header()->sectionSize(TorrentListModel::NameColumn), 123);
    QCOMPARE(view->header()->sortIndicatorSection(), int(TorrentListModel::SizeColumn));
    QCOMPARE(view->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(again.findChild<StatusFilterList *>()->currentFilter(), StatusFilter::Paused);
    QCOMPARE(again.details()->currentIndex(), 4);
    QCOMPARE(view->header()->visualIndex(TorrentListModel::QueueColumn), 0); // the queue's place first
    // In the AppSettings' own file (a portable INI profile keeps the layout too), nowhere else.
    QVERIFY(QSettings(app.dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
                .contains(QStringLiteral("TorrentList/header")));
    QVERIFY(!QSettings(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope"))
                 .contains(QStringLiteral("TorrentList/header")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
