#include "dialogs/adddialog.h"
#include "dialogs/filetreemodel.h"
#include "format/units.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace swarmscope;
using namespace swarmscope::ui;

class tst_AddDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void torrentShowsWhatTheFileSays();
    void allWantedGivesEmptyPriorities();
    void togglingFilesGivesPriorityBytes();
    void folderCheckBoxesAreTriState();
    void spaceKeyTogglesInTheView();
    void selectNoneBlocksOk();
    void folderChanges();
    void folderOnAMissingVolumeBlocksOk();
    void pausedAndSequential();
    void spaceWarning();
    void spaceAtAFolderNotYetCreated();
    void magnetBeforeMetadata();
    void magnetAfterMetadata();
    void magnetSizeFromTheLink();
    void checkableModelPassesTester();

private:
    QTemporaryDir m_dir;
};

namespace {

metainfo::FileEntry entry(const char *path, qint64 size, bool pad = false)
{
    metainfo::FileEntry e;
    e.path = QString::fromUtf8(path);
    e.size = size;
    e.padFile = pad;
    return e;
}

// Entry order matters: priorities come back in it. Index 3 is a pad file.
metainfo::TorrentInfo album()
{
    metainfo::TorrentInfo info;
    info.name = QStringLiteral("Album");
    info.infoHash = metainfo::InfoHash::ofInfo("album info");
    info.comment = QStringLiteral("Ripped <b>carefully</b>");
    info.multiFile = true;
    info.files = {
        entry("Album/Disc 1/Track 1.flac", 20000),  // 0
        entry("Album/Disc 1/Track 2.flac", 30000),  // 1
        entry("Album/Disc 2/Track 1.flac", 40000),  // 2
        entry("Album/.pad/1000", 1000, true),       // 3
        entry("Album/cover.jpg", 6000),             // 4
    };
    qint64 offset = 0;
    for (metainfo::FileEntry &f : info.files) {
        f.offset = offset;
        offset += f.size;
    }
    info.totalSize = offset;
    return info;
}

QModelIndex find(const QAbstractItemModel &model, const QString &path)
{
    QModelIndex parent;
    QModelIndex found;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        found = {};
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            if (index.data().toString() == part)
                found = index;
        }
        if (!found.isValid())
            return {};
        parent = found;
    }
    return found;
}

Qt::CheckState checkState(const QModelIndex &index)
{
    return static_cast<Qt::CheckState>(index.data(Qt::CheckStateRole).toInt());
}

QPushButton *okButton(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QAbstractItemModel *treeModel(const QDialog &dialog)
{
    return dialog.findChild<QTreeView *>(QStringLiteral("files"))->model();
}

bool warningShown(const QDialog &dialog)
{
    return dialog.findChild<QWidget *>(QStringLiteral("spaceWarning"))->isVisibleTo(&dialog);
}

} // namespace

void tst_AddDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_AddDialog::torrentShowsWhatTheFileSays()
{
    const metainfo::TorrentInfo info = album();
    AddTorrentDialog dialog(info, m_dir.path());
    QVERIFY(dialog.hasMetadata());
    QCOMPARE(dialog.infoHash(), info.infoHash);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("name"))->text(), QStringLiteral("Album"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("infoHash"))->text(), info.infoHash.toHex());
    auto *comment = dialog.findChild<QLabel *>(QStringLiteral("comment"));
    QVERIFY(comment);
    QCOMPARE(comment->text(), info.comment);
    QCOMPARE(comment->textFormat(), Qt::PlainText); // untrusted text is never interpreted
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("fetchStatus"))); // only for magnets
    QCOMPARE(dialog.fileModel()->fileCount(), 4); // the pad file is not offered
    QCOMPARE(dialog.fileModel()->checkedSize(), 96000);
    // The space line names what is wanted against what the torrent holds.
    const QString space = dialog.findChild<QLabel *>(QStringLiteral("space"))->text();
    QVERIFY2(space.contains(units::formatSize(96000)), qPrintable(space));
}

void tst_AddDialog::allWantedGivesEmptyPriorities()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    const AddChoice choice = dialog.choice();
    QCOMPARE(choice.savePath, QDir::cleanPath(m_dir.path()));
    QVERIFY(choice.filePriorities.isEmpty());
    QVERIFY(!choice.paused);
    QVERIFY(!choice.sequential);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_AddDialog::togglingFilesGivesPriorityBytes()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    QAbstractItemModel *model = treeModel(dialog);
    QSignalSpy changed(dialog.fileModel(), &FileTreeModel::checkedChanged);

    // As a view does when the user clicks a check box.
    QVERIFY(model->setData(find(*model, QStringLiteral("Album/Disc 1")), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 1);
    // One byte per entry of the torrent, pad file included (as 1: the engine ignores it).
    QCOMPARE(dialog.choice().filePriorities, QByteArray::fromHex("0000010101"));
    QCOMPARE(dialog.fileModel()->checkedSize(), 46000);

    QVERIFY(model->setData(find(*model, QStringLiteral("Album/Disc 1/Track 2.flac")), Qt::Checked,
                           Qt::CheckStateRole));
    QVERIFY(model->setData(find(*model, QStringLiteral("Album/cover.jpg")), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(dialog.choice().filePriorities, QByteArray::fromHex("0001010100"));
    QCOMPARE(dialog.fileModel()->checkedFileCount(), 2);

    // Checking everything again means "all": the engine's default, not an explicit list.
    QVERIFY(model->setData(find(*model, QStringLiteral("Album")), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(dialog.choice().filePriorities.isEmpty());
}

void tst_AddDialog::folderCheckBoxesAreTriState()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    QAbstractItemModel *model = treeModel(dialog);
    const QPersistentModelIndex top = find(*model, QStringLiteral("Album"));
    const QPersistentModelIndex disc1 = find(*model, QStringLiteral("Album/Disc 1"));
    const QPersistentModelIndex track1 = find(*model, QStringLiteral("Album/Disc 1/Track 1.flac"));
    QVERIFY(model->flags(track1) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model->flags(track1.sibling(track1.row(), FileTreeModel::SizeColumn)) & Qt::ItemIsUserCheckable));
    QCOMPARE(checkState(top), Qt::Checked);

    QSignalSpy dataChanged(model, &QAbstractItemModel::dataChanged);
    model->setData(track1, Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(checkState(track1), Qt::Unchecked);
    QCOMPARE(checkState(disc1), Qt::PartiallyChecked);
    QCOMPARE(checkState(top), Qt::PartiallyChecked);
    // The file and both folders above it were announced, so a view repaints all three.
    QList<QModelIndex> announced;
    for (const QList<QVariant> &args : dataChanged)
        announced << args.at(0).toModelIndex();
    QVERIFY(announced.contains(QModelIndex(track1)));
    QVERIFY(announced.contains(QModelIndex(disc1)));
    QVERIFY(announced.contains(QModelIndex(top)));

    // A click on a partly checked folder checks all of it.
    model->setData(disc1, Qt::Checked, Qt::CheckStateRole);
    QCOMPARE(checkState(track1), Qt::Checked);
    QCOMPARE(checkState(top), Qt::Checked);
    model->setData(top, Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(checkState(disc1), Qt::Unchecked);
    QCOMPARE(checkState(find(*model, QStringLiteral("Album/Disc 2/Track 1.flac"))), Qt::Unchecked);

    // Sorting moves rows, not check states.
    model->setData(track1, Qt::Checked, Qt::CheckStateRole);
    model->sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(checkState(find(*model, QStringLiteral("Album/Disc 1/Track 1.flac"))), Qt::Checked);
    QCOMPARE(checkState(find(*model, QStringLiteral("Album/Disc 1/Track 2.flac"))), Qt::Unchecked);
    QCOMPARE(dialog.choice().filePriorities, QByteArray::fromHex("0100000100"));
}

void tst_AddDialog::spaceKeyTogglesInTheView()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tree = dialog.findChild<QTreeView *>(QStringLiteral("files"));
    const QModelIndex cover = find(*tree->model(), QStringLiteral("Album/cover.jpg"));
    tree->setFocus();
    tree->setCurrentIndex(cover);
    QTest::keyClick(tree, Qt::Key_Space);
    QCOMPARE(checkState(cover), Qt::Unchecked);
    QCOMPARE(dialog.choice().filePriorities, QByteArray::fromHex("0101010100"));
}

void tst_AddDialog::selectNoneBlocksOk()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    auto *reason = dialog.findChild<QLabel *>(QStringLiteral("blockedReason"));
    QVERIFY(reason->text().isEmpty());
    dialog.findChild<QPushButton *>(QStringLiteral("selectNone"))->click();
    QCOMPARE(dialog.fileModel()->checkedFileCount(), 0);
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!reason->text().isEmpty());
    dialog.findChild<QPushButton *>(QStringLiteral("selectAll"))->click();
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(reason->text().isEmpty());
    QVERIFY(dialog.choice().filePriorities.isEmpty());
}

// The app's check (StoragePolicy::missingVolumeFor) refuses a folder on an unplugged volume:
// Add is blocked with its sentence until another folder is chosen.
void tst_AddDialog::folderOnAMissingVolumeBlocksOk()
{
    AddTorrentDialog dialog(album(), QStringLiteral("/media/usb/films"));
    QStringList asked;
    dialog.setFolderCheck([&asked](const QString &folder) {
        asked << folder;
        return folder.startsWith(QLatin1String("/media/usb")) ? QStringLiteral("USB is not mounted.") : QString();
    });
    auto *reason = dialog.findChild<QLabel *>(QStringLiteral("blockedReason"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(reason->text(), QStringLiteral("USB is not mounted."));
    QCOMPARE(asked.last(), QStringLiteral("/media/usb/films"));
    dialog.findChild<QLineEdit *>(QStringLiteral("savePath"))->setText(m_dir.path());
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(reason->text().isEmpty());
    QCOMPARE(asked.last(), QDir::cleanPath(m_dir.path()));
}

void tst_AddDialog::folderChanges()
{
    AddTorrentDialog dialog(album(), QStringLiteral("/first/choice"));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("savePath"));
    QCOMPARE(QDir::fromNativeSeparators(edit->text()), QStringLiteral("/first/choice"));

    edit->setText(QStringLiteral("   "));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("blockedReason"))->text().isEmpty());
    QVERIFY(dialog.choice().savePath.isEmpty());

    // Typed the way people type paths: separators doubled, a trailing one, spaces around.
    edit->setText(QStringLiteral("  ") + QDir::toNativeSeparators(m_dir.path() + QStringLiteral("//films/")) +
                  QStringLiteral(" "));
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.choice().savePath, m_dir.path() + QStringLiteral("/films"));
}

void tst_AddDialog::pausedAndSequential()
{
    AddTorrentDialog dialog(album(), m_dir.path());
    dialog.findChild<QCheckBox *>(QStringLiteral("startPaused"))->click();
    QVERIFY(dialog.choice().paused);
    QVERIFY(!dialog.choice().sequential);
    dialog.findChild<QCheckBox *>(QStringLiteral("sequential"))->click();
    QVERIFY(dialog.choice().sequential);
    dialog.findChild<QCheckBox *>(QStringLiteral("startPaused"))->click();
    QVERIFY(!dialog.choice().paused);
    QVERIFY(dialog.choice().sequential);
}

void tst_AddDialog::spaceWarning()
{
    // 1 PiB does not fit on the disk running the tests; 1 KiB does.
    metainfo::TorrentInfo info;
    info.name = QStringLiteral("Big");
    info.infoHash = metainfo::InfoHash::ofInfo("big");
    info.multiFile = true;
    info.files = {entry("Big/huge.bin", 1LL << 50), entry("Big/small.txt", 1024)};
    info.files[1].offset = 1LL << 50;
    info.totalSize = (1LL << 50) + 1024;

    AddTorrentDialog dialog(info, m_dir.path());
    QVERIFY(dialog.spaceWarningShown());
    QVERIFY(warningShown(dialog));
    QVERIFY(okButton(dialog)->isEnabled()); // a warning, not a block: data may already be there

    QAbstractItemModel *model = treeModel(dialog);
    model->setData(find(*model, QStringLiteral("Big/huge.bin")), Qt::Unchecked, Qt::CheckStateRole);
    QVERIFY(!dialog.spaceWarningShown());
    QVERIFY(!warningShown(dialog));
    model->setData(find(*model, QStringLiteral("Big/huge.bin")), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(warningShown(dialog));

    // No folder, no free space to compare with: no warning.
    dialog.findChild<QLineEdit *>(QStringLiteral("savePath"))->clear();
    QVERIFY(!warningShown(dialog));
}

void tst_AddDialog::spaceAtAFolderNotYetCreated()
{
    // The engine creates the folder; its free space is that of the nearest existing parent.
    const QString missing = m_dir.path() + QStringLiteral("/not/yet/there");
    AddTorrentDialog dialog(album(), missing);
    const QString space = dialog.findChild<QLabel *>(QStringLiteral("space"))->text();
    const QStorageInfo storage(m_dir.path());
    QVERIFY(storage.isValid());
    QVERIFY2(!space.contains(QStringLiteral("unknown")), qPrintable(space));
    QVERIFY(!dialog.spaceWarningShown());
}

void tst_AddDialog::magnetBeforeMetadata()
{
    QString error;
    const auto magnet = metainfo::parseMagnet(
        QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Some+Show"), &error);
    QVERIFY2(magnet, qPrintable(error));
    AddTorrentDialog dialog(*magnet, m_dir.path());
    QVERIFY(!dialog.hasMetadata());
    QCOMPARE(dialog.infoHash(), magnet->infoHash);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("name"))->text(), QStringLiteral("Some Show"));
    // No file list yet: a note says so instead of an empty tree.
    auto *stack = dialog.findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("waitingForFiles"));

    auto *status = dialog.findChild<QLabel *>(QStringLiteral("fetchStatus"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("fetchProgress"));
    QVERIFY(status && progress);
    QVERIFY(status->isVisibleTo(&dialog));
    QVERIFY(!status->text().isEmpty());
    dialog.setFetchStatus(3, 0, 0);
    QVERIFY2(status->text().contains(QStringLiteral("3")), qPrintable(status->text()));
    QCOMPARE(progress->maximum(), 0); // busy until the size is known
    dialog.setFetchStatus(7, 2, 5);
    QVERIFY2(status->text().contains(QStringLiteral("7")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("2/5")), qPrintable(status->text()));
    QCOMPARE(progress->maximum(), 5);
    QCOMPARE(progress->value(), 2);

    // Confirming now takes every file.
    QVERIFY(okButton(dialog)->isEnabled());
    dialog.findChild<QCheckBox *>(QStringLiteral("sequential"))->click();
    const AddChoice choice = dialog.choice();
    QVERIFY(choice.filePriorities.isEmpty());
    QVERIFY(choice.sequential);
    QCOMPARE(choice.savePath, QDir::cleanPath(m_dir.path()));
    QVERIFY(!dialog.spaceWarningShown()); // the size is not known: nothing to warn about

    dialog.findChild<QLineEdit *>(QStringLiteral("savePath"))->clear();
    QVERIFY(!okButton(dialog)->isEnabled());
}

void tst_AddDialog::magnetAfterMetadata()
{
    const auto magnet = metainfo::parseMagnet(
        QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567"));
    QVERIFY(magnet);
    AddTorrentDialog dialog(*magnet, m_dir.path());
    auto *name = dialog.findChild<QLabel *>(QStringLiteral("name"));
    QVERIFY(!name->text().isEmpty()); // says the name is not known yet

    const auto file = [](const char *path, qint64 size, bool pad = false) {
        session::FileSnapshot f;
        f.path = QString::fromUtf8(path);
        f.size = size;
        f.padFile = pad;
        return f;
    };
    const QList<session::FileSnapshot> files{file("Show/e01.mkv", 700), file("Show/.pad/324", 324, true),
                                             file("Show/e02.mkv", 800), file("Show/notes.txt", 10)};
    dialog.setMetadata(QStringLiteral("Show"), files);
    QVERIFY(dialog.hasMetadata());
    QCOMPARE(name->text(), QStringLiteral("Show"));
    auto *stack = dialog.findChild<QStackedWidget *>();
    QVERIFY(stack->currentWidget()->isAncestorOf(dialog.findChild<QTreeView *>(QStringLiteral("files"))));
    QCOMPARE(dialog.fileModel()->fileCount(), 3); // the engine marks the pad (BEP 47)
    QCOMPARE(dialog.fileModel()->totalSize(), 1510);

    // Late fetch reports change nothing any more.
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("fetchStatus"));
    const QString afterMetadata = status->text();
    dialog.setFetchStatus(9, 1, 4);
    QCOMPARE(status->text(), afterMetadata);

    QAbstractItemModel *model = treeModel(dialog);
    model->setData(find(*model, QStringLiteral("Show/e02.mkv")), Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(dialog.choice().filePriorities, QByteArray::fromHex("01010001"));
    dialog.findChild<QPushButton *>(QStringLiteral("selectNone"))->click();
    QVERIFY(!okButton(dialog)->isEnabled());
}

void tst_AddDialog::magnetSizeFromTheLink()
{
    const auto magnet = metainfo::parseMagnet(
        QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&xl=1125899906842624"));
    QVERIFY(magnet && magnet->exactLength);
    AddTorrentDialog dialog(*magnet, m_dir.path());
    QVERIFY(dialog.spaceWarningShown()); // xl says 1 PiB before any metadata
    dialog.setMetadata(QStringLiteral("x"), {session::FileSnapshot{QStringLiteral("x"), 5, 0, 1}});
    QVERIFY(!dialog.spaceWarningShown());
}

void tst_AddDialog::checkableModelPassesTester()
{
    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckable(true);
    const metainfo::TorrentInfo info = album();
    // Initial states from priorities: entry 1 skipped.
    model.setFiles(info.files, QByteArray::fromHex("0100010101"));
    QCOMPARE(model.checkedFileCount(), 3);
    QCOMPARE(model.filePriorities(), QByteArray::fromHex("0100010101"));
    QCOMPARE(checkState(find(model, QStringLiteral("Album/Disc 1"))), Qt::PartiallyChecked);
    model.setAllChecked(false);
    QCOMPARE(model.checkedSize(), 0);
    model.setChecked(find(model, QStringLiteral("Album/Disc 2")), true);
    QCOMPARE(model.checkedSize(), 40000);
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    // Priorities of another length are ignored: everything starts checked.
    model.setFiles(info.files, QByteArray(2, '\0'));
    QCOMPARE(model.checkedFileCount(), 4);
    // Not checkable: no check role, no user-checkable flag, setData refused.
    model.setCheckable(false);
    const QModelIndex top = model.index(0, 0);
    QVERIFY(!top.data(Qt::CheckStateRole).isValid());
    QVERIFY(!(model.flags(top) & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(top, Qt::Unchecked, Qt::CheckStateRole));
}

QTEST_MAIN(tst_AddDialog)
#include "tst_adddialog.moc"
