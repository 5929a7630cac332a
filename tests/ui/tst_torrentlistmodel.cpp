#include "torrentlist/snapshotrows.h"
#include "torrentlist/torrentfilterproxy.h"
#include "torrentlist/torrentlistmodel.h"
#include "torrentlist/torrentlistview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QImage>
#include <QStyledItemDelegate>
#include <QSignalSpy>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;

class tst_TorrentListModel : public QObject {
    Q_OBJECT

private slots:
    void columns();
    void insertOnce();
    void updatesEmitOneSignalPerRun();
    void unchangedRowsAreQuiet();
    void removalKeepsOrder();
    void countsAndTotals();
    void unknownSizeOfMagnet();
    void proxyFiltersAndSortsByValue();
    void storageUnavailableReadsAsSuch();
    void viewPaintsCellsAsTheStyleDoes();
};

namespace {

TorrentRow row(char id, const char *name, TorrentState state = TorrentState::Downloading)
{
    TorrentRow r;
    r.infoHash = metainfo::InfoHash::fromBytes(QByteArray(20, id));
    r.name = QString::fromUtf8(name);
    r.size = 1000;
    r.state = state;
    return r;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, TorrentListModel::NameColumn).data().toString();
    return out;
}

} // namespace

void tst_TorrentListModel::columns()
{
    TorrentListModel model;
    const QStringList expected{QStringLiteral("Name"), QStringLiteral("Size"), QStringLiteral("Progress"),
                               QStringLiteral("State"), QStringLiteral("Down"), QStringLiteral("Up"),
                               QStringLiteral("Seeds"), QStringLiteral("Peers"), QStringLiteral("ETA"),
                               QStringLiteral("Ratio"), QStringLiteral("Added"), QStringLiteral("#")};
    QCOMPARE(model.columnCount(), expected.size());
    for (int c = 0; c < model.columnCount(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), expected[c]);
    QCOMPARE(model.rowCount(), 0);
}

void tst_TorrentListModel::insertOnce()
{
    TorrentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy summary(&model, &TorrentListModel::summaryChanged);
    model.setRows({row('a', "A"), row('b', "B"), row('c', "C")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 2);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(names(model), (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(model.index(0, 0).data(TorrentListModel::InfoHashRole).toString(), 
             QString::fromLatin1(QByteArray(20, 'a').toHex()));
}

void tst_TorrentListModel::updatesEmitOneSignalPerRun()
{
    TorrentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<TorrentRow> rows{row('a', "A"), row('b', "B"), row('c', "C"), row('d', "D")};
    model.setRows(rows);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    rows[1].downloadRate = 5000; // rows 1 and 2: one run, Down..Up
    rows[2].uploadRate = 7000;
    model.setRows(rows);
    QCOMPARE(changed.size(), 1);
    auto topLeft = changed[0][0].value<QModelIndex>();
    auto bottomRight = changed[0][1].value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(topLeft.column(), int(TorrentListModel::DownColumn));
    QCOMPARE(bottomRight.column(), int(TorrentListModel::UpColumn));
    QCOMPARE(model.index(1, TorrentListModel::DownColumn).data(TorrentListModel::SortRole).toLongLong(), 5000);

    changed.clear();
    rows[0].name = QStringLiteral("A2"); // rows 0 and 3: two runs
    rows[3].ratio = 1.5;
    model.setRows(rows);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[0][0].value<QModelIndex>(), model.index(0, TorrentListModel::NameColumn));
    QCOMPARE(changed[0][1].value<QModelIndex>(), model.index(0, TorrentListModel::NameColumn));
    QCOMPARE(changed[1][0].value<QModelIndex>(), model.index(3, TorrentListModel::RatioColumn));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("A2"));
}

void tst_TorrentListModel::unchangedRowsAreQuiet()
{
    TorrentListModel model;
    const QList<TorrentRow> rows{row('a', "A"), row('b', "B")};
    model.setRows(rows);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setRows(rows);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
}

void tst_TorrentListModel::removalKeepsOrder()
{
    TorrentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({row('a', "A"), row('b', "B"), row('c', "C"), row('d', "D"), row('e', "E")});
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // B and C leave (one span), E leaves, F arrives; the order given does not reorder rows.
    model.setRows({row('f', "F"), row('d', "D"), row('a', "A")});
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed[0][1].toInt(), 4); // E, from the back first
    QCOMPARE(removed[1][1].toInt(), 1);
    QCOMPARE(removed[1][2].toInt(), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(names(model), (QStringList{QStringLiteral("A"), QStringLiteral("D"), QStringLiteral("F")}));
}

void tst_TorrentListModel::countsAndTotals()
{
    TorrentListModel model;
    QCOMPARE(model.countFor(StatusFilter::All), 0);
    TorrentRow seeding = row('s', "S", TorrentState::Seeding);
    seeding.progress = 1.0;
    seeding.uploadRate = 300;
    TorrentRow paused = row('p', "P", TorrentState::Paused);
    paused.progress = 1.0;
    TorrentRow downloading = row('d', "D");
    downloading.downloadRate = 1000;
    downloading.uploadRate = 20;
    TorrentRow magnet = row('m', "M", TorrentState::FetchingMetadata);
    magnet.size = -1;
    TorrentRow broken = row('e', "E", TorrentState::Error);
    model.setRows({seeding, paused, downloading, magnet, broken});
    QCOMPARE(model.countFor(StatusFilter::All), 5);
    QCOMPARE(model.countFor(StatusFilter::Downloading), 2);
    QCOMPARE(model.countFor(StatusFilter::Seeding), 1);
    QCOMPARE(model.countFor(StatusFilter::Completed), 2);
    QCOMPARE(model.countFor(StatusFilter::Paused), 1);
    QCOMPARE(model.countFor(StatusFilter::Error), 1);
    QCOMPARE(model.totalDownloadRate(), 1000);
    QCOMPARE(model.totalUploadRate(), 320);
}

void tst_TorrentListModel::unknownSizeOfMagnet()
{
    TorrentListModel model;
    TorrentRow magnet = row('m', "M", TorrentState::FetchingMetadata);
    magnet.size = -1;
    model.setRows({magnet});
    QCOMPARE(model.index(0, TorrentListModel::SizeColumn).data().toString(), QStringLiteral("Unknown"));
    QCOMPARE(model.index(0, TorrentListModel::StateColumn).data().toString(), QStringLiteral("Fetching metadata"));
    // Idle rates stay blank.
    QVERIFY(model.index(0, TorrentListModel::DownColumn).data().toString().isEmpty());
}

void tst_TorrentListModel::proxyFiltersAndSortsByValue()
{
    TorrentListModel model;
    TorrentFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    TorrentRow small = row('a', "small", TorrentState::Seeding);
    small.size = 900; // "900 B" sorts after "1.95 KiB" as text, before it as a number
    TorrentRow large = row('b', "large");
    large.size = 2000;
    TorrentRow middle = row('c', "middle", TorrentState::Seeding);
    middle.size = 1000;
    model.setRows({small, large, middle});

    proxy.sort(TorrentListModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("small"), QStringLiteral("middle"), QStringLiteral("large")}));

    proxy.setStatusFilter(StatusFilter::Seeding);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("small"), QStringLiteral("middle")}));

    // The filter follows updates: "large" starts seeding and joins.
    large.state = TorrentState::Seeding;
    model.setRows({small, large, middle});
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("small"), QStringLiteral("middle"), QStringLiteral("large")}));

    proxy.setStatusFilter(StatusFilter::Error);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setStatusFilter(StatusFilter::All);
    QCOMPARE(proxy.rowCount(), 3);

    // The queue column: places shown from 1, sorted as numbers (10 after 9).
    small.queuePosition = 9;
    large.queuePosition = 0;
    middle.queuePosition = 8;
    model.setRows({small, large, middle});
    proxy.sort(TorrentListModel::QueueColumn, Qt::AscendingOrder);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("large"), QStringLiteral("middle"), QStringLiteral("small")}));
    QCOMPARE(proxy.index(2, TorrentListModel::QueueColumn).data().toString(), QLocale().toString(10));
}

// A torrent stopped because its volume went away: its own state text, the save folder in the
// tooltip, counted (and filtered) with the errors, since it waits for the user.
void tst_TorrentListModel::storageUnavailableReadsAsSuch()
{
    session::TorrentSnapshot waiting;
    waiting.infoHash = metainfo::InfoHash::fromBytes(QByteArray(20, 'w'));
    waiting.name = QStringLiteral("On USB");
    waiting.savePath = QStringLiteral("/media/usb/dl");
    waiting.hasMetadata = true;
    waiting.state = state::TorrentState::StorageUnavailable;
    const TorrentRow r = rowFromSnapshot(waiting);
    QCOMPARE(r.state, TorrentState::StorageUnavailable);

    session::TorrentSnapshot failed = waiting;
    failed.infoHash = metainfo::InfoHash::fromBytes(QByteArray(20, 'f'));
    failed.state = state::TorrentState::Error;
    failed.error = QStringLiteral("disk full");
    failed.name = QStringLiteral("Broken");
    QCOMPARE(rowFromSnapshot(failed).state, TorrentState::Error);

    TorrentListModel model;
    model.setRows({r, rowFromSnapshot(failed), row('d', "D")});
    const QModelIndex stateCell = model.index(0, TorrentListModel::StateColumn);
    QCOMPARE(stateCell.data().toString(), QStringLiteral("Storage unavailable"));
    QVERIFY(stateCell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("/media/usb/dl")));
    QCOMPARE(model.index(1, TorrentListModel::StateColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("disk full"));
    QCOMPARE(model.countFor(StatusFilter::Error), 2);
    QCOMPARE(model.countFor(StatusFilter::Paused), 0);

    TorrentFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setStatusFilter(StatusFilter::Error);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("On USB"), QStringLiteral("Broken")}));
}

// The view keeps its cells' texts shaped between repaints (the list re-sorts by a rate four times
// a second). Its picture must be the one Qt's own item drawing gives: same texts, same places,
// elided names, right-aligned numbers, the selected row's colours, and markup shown as text.
void tst_TorrentListModel::viewPaintsCellsAsTheStyleDoes()
{
    TorrentListModel model;
    TorrentFilterProxy proxy;
    proxy.setSourceModel(&model);
    TorrentListView view;
    view.setModel(&proxy);
    view.sortByColumn(TorrentListModel::DownColumn, Qt::DescendingOrder);
    view.header()->resizeSection(TorrentListModel::NameColumn, 160);
    view.resize(900, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    TorrentRow a = row('a', "a long name that cannot fit in its column and is elided in the middle.iso");
    a.downloadRate = 1500000;
    a.etaSeconds = 3700;
    TorrentRow b = row('b', "<b>not bold</b>", TorrentState::Seeding);
    b.uploadRate = 2048;
    TorrentRow c = row('c', "short");
    c.downloadRate = 10;
    c.size = 5'000'000'000;
    const auto pictures = [&] {
        const QImage cached = view.grab().toImage();
        QAbstractItemDelegate *own = view.itemDelegate();
        QStyledItemDelegate plain;
        view.setItemDelegate(&plain);
        const QImage styled = view.grab().toImage();
        view.setItemDelegate(own);
        return std::pair{cached, styled};
    };
    model.setRows({a, b, c});
    view.selectionModel()->select(proxy.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto [cached, styled] = pictures();
    QCOMPARE(cached.size(), styled.size());
    QVERIFY(cached == styled);

    // Again after a re-sort, now from the cache, with texts that changed.
    c.downloadRate = 9'000'000;
    a.etaSeconds = 12;
    model.setRows({a, b, c});
    QCOMPARE(names(proxy).first(), QStringLiteral("short"));
    std::tie(cached, styled) = pictures();
    QVERIFY(cached == styled);
}

QTEST_MAIN(tst_TorrentListModel)
#include "tst_torrentlistmodel.moc"
