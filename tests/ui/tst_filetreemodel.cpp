#include "dialogs/filetreemodel.h"
#include "format/units.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;

class tst_FileTreeModel : public QObject {
    Q_OBJECT

private slots:
    void folderAggregation();
    void naturalSortFoldersFirst();
    void sizesAndAlignment();
    void sortBySize();
    void sortKeepsPersistentIndexes();
    void singleFile();
    void padFilesLeftOut();
    void fileAndFolderOfTheSameName();
    void hostileDepthIsCapped();
    void resetReplacesEverything();
    void modelTester();
};

namespace {

metainfo::FileEntry file(const char *path, qint64 size, bool pad = false)
{
    metainfo::FileEntry entry;
    entry.path = QString::fromUtf8(path);
    entry.size = size;
    entry.padFile = pad;
    return entry;
}

QList<metainfo::FileEntry> album()
{
    return {
        file("Album/Disc 1/Track 2.flac", 30000),
        file("Album/Disc 1/Track 10.flac", 50000),
        file("Album/Disc 1/Track 1.flac", 20000),
        file("Album/Disc 2/Track 1.flac", 40000),
        file("Album/readme.txt", 1200),
        file("Album/cover.jpg", 6000),
    };
}

// The names of `parent`'s children, in row order.
QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, FileTreeModel::NameColumn, parent).data().toString();
    return out;
}

QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

qint64 sizeOf(const QModelIndex &nameIndex)
{
    return nameIndex.siblingAtColumn(FileTreeModel::SizeColumn).data(FileTreeModel::SortRole).toLongLong();
}

} // namespace

void tst_FileTreeModel::folderAggregation()
{
    FileTreeModel model;
    model.setFiles(album());
    QCOMPARE(model.fileCount(), 6);
    QCOMPARE(model.folderCount(), 3);
    QCOMPARE(model.totalSize(), 147200);

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(top.data().toString(), QStringLiteral("Album"));
    QVERIFY(top.data(FileTreeModel::IsFolderRole).toBool());
    QCOMPARE(sizeOf(top), 147200);

    const QModelIndex disc1 = child(model, top, QStringLiteral("Disc 1"));
    const QModelIndex disc2 = child(model, top, QStringLiteral("Disc 2"));
    QVERIFY(disc1.isValid() && disc2.isValid());
    QCOMPARE(sizeOf(disc1), 100000);
    QCOMPARE(sizeOf(disc2), 40000);
    QCOMPARE(model.rowCount(disc1), 3);
    QCOMPARE(disc1.data(FileTreeModel::PathRole).toString(), QStringLiteral("Album/Disc 1"));
    QCOMPARE(model.parent(disc1), top);

    const QModelIndex track = child(model, disc1, QStringLiteral("Track 10.flac"));
    QCOMPARE(sizeOf(track), 50000);
    QVERIFY(!track.data(FileTreeModel::IsFolderRole).toBool());
    QCOMPARE(track.data(FileTreeModel::PathRole).toString(), QStringLiteral("Album/Disc 1/Track 10.flac"));
    QCOMPARE(model.parent(track), disc1);
    QCOMPARE(model.rowCount(track), 0);
}

void tst_FileTreeModel::naturalSortFoldersFirst()
{
    FileTreeModel model;
    model.setFiles(album());
    const QModelIndex top = model.index(0, 0);
    // Folders before files even though "cover.jpg" sorts before "Disc 1" by name.
    QCOMPARE(names(model, top),
             (QStringList{QStringLiteral("Disc 1"), QStringLiteral("Disc 2"), QStringLiteral("cover.jpg"),
                          QStringLiteral("readme.txt")}));
    QCOMPARE(names(model, child(model, top, QStringLiteral("Disc 1"))),
             (QStringList{QStringLiteral("Track 1.flac"), QStringLiteral("Track 2.flac"),
                          QStringLiteral("Track 10.flac")}));

    // Case does not split the order; numbers compare by value, leading zeros and all.
    FileTreeModel mixed;
    mixed.setFiles({file("b.txt", 1), file("A.txt", 1), file("part10", 1), file("part2", 1),
                    file("part003", 1), file("C.txt", 1), file("part", 1)});
    QCOMPARE(names(mixed),
             (QStringList{QStringLiteral("A.txt"), QStringLiteral("b.txt"), QStringLiteral("C.txt"),
                          QStringLiteral("part"), QStringLiteral("part2"), QStringLiteral("part003"),
                          QStringLiteral("part10")}));

    model.sort(FileTreeModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(names(model, top),
             (QStringList{QStringLiteral("Disc 2"), QStringLiteral("Disc 1"), QStringLiteral("readme.txt"),
                          QStringLiteral("cover.jpg")}));
}

void tst_FileTreeModel::sizesAndAlignment()
{
    FileTreeModel model;
    model.setFiles(album());
    const QModelIndex top = model.index(0, FileTreeModel::SizeColumn);
    QCOMPARE(top.data().toString(), units::formatSize(147200));
    const auto alignment = top.data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(alignment & Qt::AlignRight);
    QCOMPARE(model.headerData(FileTreeModel::SizeColumn, Qt::Horizontal, Qt::TextAlignmentRole)
                 .value<Qt::Alignment>() & Qt::AlignRight,
             Qt::AlignRight);
    QVERIFY(!model.index(0, FileTreeModel::NameColumn).data(Qt::TextAlignmentRole).isValid());
    QCOMPARE(model.headerData(FileTreeModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(FileTreeModel::SizeColumn, Qt::Horizontal).toString(), QStringLiteral("Size"));
    // Tooltips carry the exact byte count that the rounded size hides.
    QVERIFY(top.data(Qt::ToolTipRole).toString().contains(QLocale().toString(147200)));
}

void tst_FileTreeModel::sortBySize()
{
    FileTreeModel model;
    model.setFiles(album());
    const QModelIndex top = model.index(0, 0);
    model.sort(FileTreeModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(names(model, top),
             (QStringList{QStringLiteral("Disc 2"), QStringLiteral("Disc 1"), QStringLiteral("readme.txt"),
                          QStringLiteral("cover.jpg")}));
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(names(model, top),
             (QStringList{QStringLiteral("Disc 1"), QStringLiteral("Disc 2"), QStringLiteral("cover.jpg"),
                          QStringLiteral("readme.txt")}));
    QCOMPARE(names(model, child(model, top, QStringLiteral("Disc 1"))),
             (QStringList{QStringLiteral("Track 10.flac"), QStringLiteral("Track 2.flac"),
                          QStringLiteral("Track 1.flac")}));
}

void tst_FileTreeModel::sortKeepsPersistentIndexes()
{
    FileTreeModel model;
    model.setFiles(album());
    const QModelIndex disc1 = child(model, model.index(0, 0), QStringLiteral("Disc 1"));
    const QPersistentModelIndex track10 = child(model, disc1, QStringLiteral("Track 10.flac"));
    const QPersistentModelIndex readmeSize =
        child(model, model.index(0, 0), QStringLiteral("readme.txt")).siblingAtColumn(FileTreeModel::SizeColumn);
    QCOMPARE(track10.row(), 2);
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(track10.row(), 0);
    QCOMPARE(track10.data().toString(), QStringLiteral("Track 10.flac"));
    QCOMPARE(readmeSize.column(), int(FileTreeModel::SizeColumn));
    QCOMPARE(QModelIndex(readmeSize).siblingAtColumn(0).data().toString(), QStringLiteral("readme.txt"));
}

void tst_FileTreeModel::singleFile()
{
    FileTreeModel model;
    model.setFiles({file("ubuntu.iso", 3 * 1024LL * 1024 * 1024)});
    QCOMPARE(model.fileCount(), 1);
    QCOMPARE(model.folderCount(), 0);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex only = model.index(0, 0);
    QCOMPARE(only.data().toString(), QStringLiteral("ubuntu.iso"));
    QVERIFY(!only.data(FileTreeModel::IsFolderRole).toBool());
    QVERIFY(!model.parent(only).isValid());
    QCOMPARE(model.rowCount(only), 0);
    QCOMPARE(sizeOf(only), 3 * 1024LL * 1024 * 1024);
    QCOMPARE(model.index(0, FileTreeModel::SizeColumn).data().toString(),
             units::formatSize(3 * 1024LL * 1024 * 1024));
}

void tst_FileTreeModel::padFilesLeftOut()
{
    FileTreeModel model;
    model.setFiles({file("T/a.bin", 1000), file("T/.pad/31768", 31768, true), file("T/b.bin", 500)});
    QCOMPARE(model.fileCount(), 2);
    QCOMPARE(model.folderCount(), 1); // no ".pad" folder
    QCOMPARE(model.totalSize(), 1500);
    QCOMPARE(names(model, model.index(0, 0)), (QStringList{QStringLiteral("a.bin"), QStringLiteral("b.bin")}));
}

void tst_FileTreeModel::fileAndFolderOfTheSameName()
{
    FileTreeModel model;
    model.setFiles({file("T/x", 7), file("T/x/inner", 3)});
    const QModelIndex top = model.index(0, 0);
    QCOMPARE(model.rowCount(top), 2);
    const QModelIndex folder = model.index(0, 0, top);
    const QModelIndex plain = model.index(1, 0, top);
    QVERIFY(folder.data(FileTreeModel::IsFolderRole).toBool());
    QVERIFY(!plain.data(FileTreeModel::IsFolderRole).toBool());
    QCOMPARE(sizeOf(folder), 3);
    QCOMPARE(sizeOf(plain), 7);
    QCOMPARE(sizeOf(top), 10);
}

void tst_FileTreeModel::hostileDepthIsCapped()
{
    QStringList parts;
    for (int i = 0; i < 5000; ++i)
        parts << QStringLiteral("d");
    parts << QStringLiteral("leaf");
    metainfo::FileEntry deep;
    deep.path = parts.join(QLatin1Char('/'));
    deep.size = 42;
    FileTreeModel model;
    model.setFiles({deep});
    QCOMPARE(model.fileCount(), 1);
    QVERIFY(model.folderCount() < 100);

    int depth = 0;
    QModelIndex index = model.index(0, 0);
    while (model.rowCount(index) > 0) {
        QCOMPARE(sizeOf(index), 42);
        index = model.index(0, 0, index);
        ++depth;
    }
    QCOMPARE(depth, model.folderCount());
    // Nothing of the path is lost: the rest of it becomes the leaf's name.
    QVERIFY(index.data().toString().endsWith(QStringLiteral("/d/leaf")));
    QCOMPARE(index.data(FileTreeModel::PathRole).toString(), deep.path);
}

void tst_FileTreeModel::resetReplacesEverything()
{
    FileTreeModel model;
    model.setFiles(album());
    model.setFiles({file("other.txt", 3)});
    QCOMPARE(model.fileCount(), 1);
    QCOMPARE(model.folderCount(), 0);
    QCOMPARE(model.totalSize(), 3);
    QCOMPARE(names(model), QStringList{QStringLiteral("other.txt")});
    model.setFiles({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalSize(), 0);
}

void tst_FileTreeModel::modelTester()
{
    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFiles(album());
    model.sort(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    model.sort(FileTreeModel::NameColumn, Qt::AscendingOrder);
    model.setFiles({file("single", 1)});
}

QTEST_MAIN(tst_FileTreeModel)
#include "tst_filetreemodel.moc"
