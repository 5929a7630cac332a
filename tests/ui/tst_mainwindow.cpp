#include "dialogs/filetreemodel.h"
#include "dialogs/torrentinfodialog.h"
#include "mainwindow.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "torrentlist/statusfilterlist.h"
#include "torrentlist/torrentlistmodel.h"
#include "torrentlist/torrentlistview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

#include <memory>

using namespace swarmscope;
using namespace swarmscope::ui;

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void constructs();
    void actionsAndShortcuts();
    void torrentModelColumns();
    void emptyStateIsPainted();
    void dropTorrentFileOpensDetails();
    void singleFilePrivateTorrent();
    void dropMagnetTextOpensDetails();
    void dropOfAnythingElseIsRefused();
    void badTorrentShowsError();
    void commandLineArguments();
    void copyMagnetLink();
    void headerStateIsSaved();

private:
    static QString sampleTorrent()
    {
        return QStringLiteral(SWARMSCOPE_TEST_DATA "/torrents/ui-sample-album.torrent");
    }
    // Sends drag-enter then drop, as a real drag would; returns whether the enter was accepted.
    static bool dragAndDrop(QWidget *target, QMimeData *mime);
};

bool tst_MainWindow::dragAndDrop(QWidget *target, QMimeData *mime)
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

void tst_MainWindow::initTestCase()
{
    // Keep the user's real settings out of reach.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(sampleTorrent()));
}

void tst_MainWindow::init()
{
    QSettings(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope")).clear();
}

void tst_MainWindow::constructs()
{
    MainWindow window;
    QCOMPARE(window.windowTitle(), QStringLiteral("Swarmscope"));
    QVERIFY(window.acceptDrops());
    QVERIFY(window.findChild<TorrentListView *>());
    auto *filters = window.findChild<StatusFilterList *>();
    QVERIFY(filters);
    QCOMPARE(filters->count(), 6);
    const QStringList expected{QStringLiteral("All (0)"),    QStringLiteral("Downloading (0)"),
                               QStringLiteral("Seeding (0)"), QStringLiteral("Completed (0)"),
                               QStringLiteral("Paused (0)"),  QStringLiteral("Error (0)")};
    for (int i = 0; i < filters->count(); ++i)
        QCOMPARE(filters->item(i)->text(), expected[i]);
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("No torrents"));
}

void tst_MainWindow::actionsAndShortcuts()
{
    MainWindow window;
    const auto action = [&window](const char *name) {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    };
    QVERIFY(action("actionOpen"));
    QCOMPARE(action("actionOpen")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
    QVERIFY(action("actionQuit"));
    QCOMPARE(action("actionQuit")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QVERIFY(action("actionAddMagnet"));
    QVERIFY(action("actionAddMagnet")->isEnabled());
    QVERIFY(!action("actionOpen")->icon().isNull());
    QVERIFY(!action("actionAddMagnet")->icon().isNull());
    QVERIFY(action("actionAbout"));
    QVERIFY(action("actionAboutQt"));

    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QVERIFY(toolBar->actions().contains(action("actionOpen")));
    QVERIFY(toolBar->actions().contains(action("actionAddMagnet")));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *showToolBar = action("actionShowToolBar");
    QVERIFY(showToolBar && showToolBar->isCheckable());
    showToolBar->trigger();
    QVERIFY(toolBar->isHidden());
    QAction *showStatusBar = action("actionShowStatusBar");
    QVERIFY(showStatusBar && showStatusBar->isChecked());
    showStatusBar->trigger();
    QVERIFY(window.statusBar()->isHidden());

    // Ctrl+Q closes the window.
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

void tst_MainWindow::torrentModelColumns()
{
    MainWindow window;
    TorrentListModel *model = window.torrentModel();
    QCOMPARE(model->columnCount(), int(TorrentListModel::ColumnCount));
    QCOMPARE(model->columnCount(), 11);
    QCOMPARE(model->rowCount(), 0);
    auto *view = window.findChild<TorrentListView *>();
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->model()->columnCount(), 11);
    QCOMPARE(view->header()->count(), 11);
}

void tst_MainWindow::emptyStateIsPainted()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = window.findChild<TorrentListView *>();
    QVERIFY(view->placeholderText().contains(QStringLiteral(".torrent")));
    const QImage withHint = view->viewport()->grab().toImage();
    const QString hint = view->placeholderText();
    view->setPlaceholderText(QString());
    const QImage without = view->viewport()->grab().toImage();
    QVERIFY(withHint != without);
    view->setPlaceholderText(hint);

    // With a row, the hint goes away.
    TorrentRow row;
    row.infoHash = metainfo::InfoHash::fromBytes(QByteArray(20, 'x'));
    row.name = QStringLiteral("x");
    window.torrentModel()->setRows({row});
    const QImage withRow = view->viewport()->grab().toImage();
    window.torrentModel()->setRows({});
    QCOMPARE(view->viewport()->grab().toImage(), withHint);
    QVERIFY(withRow != withHint);
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QCOMPARE(status->text(), QStringLiteral("No torrents"));
}

void tst_MainWindow::dropTorrentFileOpensDetails()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::detailsShown);
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(sampleTorrent())});
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 1);

    auto *dialog = window.findChild<TorrentInfoDialog *>();
    QVERIFY(dialog);
    QCOMPARE(shown[0][0].value<TorrentInfoDialog *>(), dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Torrent details"));
    QVERIFY(dialog->hasMetadata());
    QCOMPARE(dialog->torrentName(), QStringLiteral("Sample Album"));
    // SHA-1 of the fixture's info dictionary, computed independently with Python's hashlib.
    const QString hash = QStringLiteral("9de00d6f287e9b80ff7f4756e675b479839d8af9");
    QCOMPARE(dialog->infoHash().toHex(), hash);
    auto *hashField = dialog->findChild<QLineEdit *>(QStringLiteral("infoHashField"));
    QVERIFY(hashField);
    QCOMPARE(hashField->text(), hash);
    QVERIFY(hashField->isReadOnly());

    // The file tree: 6 files under "Sample Album" in two disc folders.
    const FileTreeModel *files = dialog->fileModel();
    QVERIFY(files);
    QCOMPARE(files->fileCount(), 6);
    QCOMPARE(files->folderCount(), 3);
    QCOMPARE(files->totalSize(), 147200);
    QCOMPARE(files->index(0, 0).data().toString(), QStringLiteral("Sample Album"));
    auto *fileView = dialog->findChild<QTreeView *>(QStringLiteral("fileTreeView"));
    QVERIFY(fileView);
    QCOMPARE(fileView->model(), files);

    // Trackers by tier, then the web seed.
    auto *trackers = dialog->findChild<QTreeWidget *>(QStringLiteral("trackerTree"));
    QVERIFY(trackers);
    QCOMPARE(trackers->topLevelItemCount(), 3);
    QCOMPARE(trackers->topLevelItem(0)->childCount(), 2);
    QCOMPARE(trackers->topLevelItem(0)->child(0)->text(0), QStringLiteral("http://tracker.example.org:6969/announce"));
    QCOMPARE(trackers->topLevelItem(1)->child(0)->text(0), QStringLiteral("udp://tier2.example.net:80/announce"));
    QCOMPARE(trackers->topLevelItem(2)->child(0)->text(0), QStringLiteral("http://mirror.example.com/files/"));

    // The comment and the creator are there as plain, selectable text.
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
        return label->text() == QStringLiteral("Test fixture for the Swarmscope UI tests")
            && label->textFormat() == Qt::PlainText;
    }));
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](const QLabel *label) { return label->text() == QStringLiteral("mktorrent 1.1"); }));
}

void tst_MainWindow::singleFilePrivateTorrent()
{
    MainWindow window;
    QVERIFY(window.openTorrentFile(QStringLiteral(SWARMSCOPE_TEST_DATA "/torrents/ui-single-file.torrent")));
    auto *dialog = window.findChild<TorrentInfoDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->torrentName(), QStringLiteral("cover.jpg"));
    const FileTreeModel *files = dialog->fileModel();
    QCOMPARE(files->fileCount(), 1);
    QCOMPARE(files->folderCount(), 0);
    QCOMPARE(files->totalSize(), 6000);
    QCOMPARE(files->index(0, 0).data().toString(), QStringLiteral("cover.jpg"));
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](const QLabel *label) { return label->text().startsWith(QStringLiteral("Yes")); }));
    // No comment in this torrent: a dash, not an empty gap.
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](const QLabel *label) { return label->text() == QStringLiteral("—"); }));
}

void tst_MainWindow::dropMagnetTextOpensDetails()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::detailsShown);
    const QString hash = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    auto mime = std::make_unique<QMimeData>();
    mime->setText(QStringLiteral("  magnet:?xt=urn:btih:%1&dn=Some+Show&tr=udp%3A%2F%2Ft.example%3A80\n").arg(hash));
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 1);
    auto *dialog = shown[0][0].value<TorrentInfoDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->hasMetadata());
    QVERIFY(!dialog->fileModel());
    QCOMPARE(dialog->torrentName(), QStringLiteral("Some Show"));
    QCOMPARE(dialog->infoHash().toHex(), hash);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("metadataNotice")));
    auto *trackers = dialog->findChild<QTreeWidget *>(QStringLiteral("trackerTree"));
    QVERIFY(trackers);
    QCOMPARE(trackers->topLevelItem(0)->child(0)->text(0), QStringLiteral("udp://t.example:80"));
}

void tst_MainWindow::dropOfAnythingElseIsRefused()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::detailsShown);
    QTemporaryDir dir;
    QFile other(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(other.fileName()), QUrl(QStringLiteral("https://example.org/x.torrent"))});
    mime->setText(QStringLiteral("hello"));
    QVERIFY(!dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 0);
}

void tst_MainWindow::badTorrentShowsError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.torrent"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("d8:announce3:abc"); // truncated: the dictionary never ends
    file.close();
    metainfo::ParseError expected;
    QVERIFY(!metainfo::loadTorrentFile(path, &expected));

    MainWindow window;
    QSignalSpy failed(&window, &MainWindow::openFailed);
    QSignalSpy shown(&window, &MainWindow::detailsShown);
    auto mime = std::make_unique<QMimeData>();
    mime->setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(dragAndDrop(&window, mime.get()));
    QCOMPARE(shown.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][1].toString(), expected.toString());
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("openErrorBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->informativeText(), expected.toString());
    QVERIFY(box->text().contains(QStringLiteral("broken.torrent")));

    QSignalSpy magnetFailed(&window, &MainWindow::openFailed);
    QVERIFY(!window.openMagnetLink(QStringLiteral("magnet:?dn=no-hash")));
    QCOMPARE(magnetFailed.size(), 1);
    QVERIFY(!magnetFailed[0][1].toString().isEmpty());
}

void tst_MainWindow::commandLineArguments()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::detailsShown);
    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567");
    QCOMPARE(window.openArguments({sampleTorrent(), QUrl::fromLocalFile(sampleTorrent()).toString(), magnet}), 3);
    QCOMPARE(shown.size(), 3);
    QCOMPARE(window.findChildren<TorrentInfoDialog *>().size(), 3);
}

void tst_MainWindow::copyMagnetLink()
{
    MainWindow window;
    QVERIFY(window.openTorrentFile(sampleTorrent()));
    auto *dialog = window.findChild<TorrentInfoDialog *>();
    QVERIFY(dialog);
    const auto info = metainfo::loadTorrentFile(sampleTorrent());
    QVERIFY(info);
    const QString expected = metainfo::magnetFor(*info).toString();
    QCOMPARE(dialog->magnetUri(), expected);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("copyMagnetButton"));
    QVERIFY(button);
    QApplication::clipboard()->clear();
    button->click();
    QCOMPARE(QApplication::clipboard()->text(), expected);

    auto *copyHash = dialog->findChild<QPushButton *>(QStringLiteral("copyInfoHashButton"));
    QVERIFY(copyHash);
    copyHash->click();
    QCOMPARE(QApplication::clipboard()->text(), info->infoHash.toHex());
}

void tst_MainWindow::headerStateIsSaved()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<TorrentListView *>();
        view->header()->setSectionHidden(TorrentListModel::PeersColumn, true);
        view->header()->setSectionHidden(TorrentListModel::AddedColumn, false);
        view->header()->resizeSection(TorrentListModel::NameColumn, 123);
        view->sortByColumn(TorrentListModel::SizeColumn, Qt::AscendingOrder);
        window.findChild<StatusFilterList *>()->setCurrentFilter(StatusFilter::Paused);
        window.close();
    }
    MainWindow again;
    auto *view = again.findChild<TorrentListView *>();
    QVERIFY(view->header()->isSectionHidden(TorrentListModel::PeersColumn));
    QVERIFY(!view->header()->isSectionHidden(TorrentListModel::AddedColumn));
    QCOMPARE(view->header()->sectionSize(TorrentListModel::NameColumn), 123);
    QCOMPARE(view->header()->sortIndicatorSection(), int(TorrentListModel::SizeColumn));
    QCOMPARE(view->header()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(again.findChild<StatusFilterList *>()->currentFilter(), StatusFilter::Paused);
    // Stored under the organisation and application the brief fixes.
    QVERIFY(QSettings(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope"))
                .contains(QStringLiteral("TorrentList/header")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
