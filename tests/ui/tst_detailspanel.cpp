#include "details/detailspanel.h"
#include "details/filesmodel.h"
#include "details/filestab.h"
#include "details/generaltab.h"
#include "details/trackersmodel.h"
#include "details/trackerstab.h"
#include "format/units.h"
#include "peers/peersmodel.h"
#include "peers/peersview.h"
#include "rates/rategraph.h"
#include "rates/ratesview.h"
#include "swarm/piecesbar.h"
#include "swarm/swarmgraph.h"
#include "swarm/swarmmatrix.h"
#include "swarm/swarmpanel.h"
#include "swarmfixtures.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace swarmscope;
using namespace swarmscope::ui;
using metainfo::InfoHash;
using session::FileSnapshot;
using session::SessionSnapshot;
using session::SessionSnapshotPtr;
using session::TorrentSnapshot;
using session::TrackerSnapshot;
using swarmtest::keyOf;

Q_DECLARE_METATYPE(swarmscope::metainfo::InfoHash)

class tst_DetailsPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tabsInOrder();
    void noSelectionEmptiesTabsButRecordsRates();
    void generalShowsTheEssentials();
    void generalNamesTheMissingVolume();
    void availabilityIsDistributedCopies();
    void magnetWithoutMetadata();
    void torrentDisappearing();
    void switchingTorrentsRebuilds();
    void trackersRowsAndDiff();
    void trackerRequestsCarryTheHash();
    void filesTreeAggregates();
    void filesUpdateInPlace();
    void padFilesHiddenButKeptInPriorities();
    void priorityEditsEmitWholeList();
    void priorityCheckBoxesAndMenu();
    void pendingPriorityShownUntilConfirmed();
    void delegateEditsPriority();
    void openFinishedFilesOnly();
    void peersTabFollowsSnapshots();
    void swarmTabFedWhenVisible();
    void ratesTabShowsTorrentAndTopPeers();
};

namespace {

const QDateTime kStart = QDateTime::fromSecsSinceEpoch(1'700'000'000);

InfoHash hashOf(int n)
{
    return InfoHash::fromBytes(QByteArray(20, static_cast<char>(n)));
}

TrackerSnapshot tracker(const QString &url, int tier, const QString &status)
{
    TrackerSnapshot t;
    t.url = url;
    t.tier = tier;
    t.status = status;
    return t;
}

FileSnapshot file(const QString &path, qint64 size, qint64 done, quint8 priority = 1)
{
    FileSnapshot f;
    f.path = path;
    f.size = size;
    f.done = done;
    f.priority = priority;
    return f;
}

// A multi-file torrent "Album" of 8 pieces with three neighbours, two trackers and four files.
TorrentSnapshot album(int n = 1)
{
    TorrentSnapshot t;
    t.infoHash = hashOf(n);
    t.name = QStringLiteral("Album");
    t.savePath = QStringLiteral("/data/downloads");
    t.state = state::TorrentState::Downloading;
    t.hasMetadata = true;
    t.totalSize = 8 * 256 * 1024;
    t.wantedSize = t.totalSize;
    t.pieceCount = 8;
    t.piecesHave = 3;
    t.progress = 3.0 / 8;
    t.downloadRate = 4096;
    t.uploadRate = 1024;
    t.downloaded = 3 * 256 * 1024;
    t.uploaded = 256 * 1024;
    t.seedsConnected = 1;
    t.peersConnected = 2;
    t.seedsInSwarm = 5;
    t.peersInSwarm = 9;
    t.etaSeconds = 125;
    t.addedAt = kStart.addDays(-1);

    auto p0 = swarmtest::peer(0, 8);
    p0.pieces = swarmtest::bits(8, {0, 1, 2, 3, 4, 5, 6, 7});
    p0.seed = true;
    p0.downloadRate = 3000;
    auto p1 = swarmtest::peer(1, 8);
    p1.pieces = swarmtest::bits(8, {0, 1, 5});
    p1.downloadRate = 1000;
    auto p2 = swarmtest::peer(2, 8);
    p2.pieces = swarmtest::bits(8, {5});
    p2.downloadRate = 96;
    auto d = swarmtest::detail(8, {p0, p1, p2});
    d->have = swarmtest::bits(8, {0, 1, 2});
    d->downloadingPieces = {3, 4};
    d->trackers = {tracker(QStringLiteral("http://tracker.one/announce"), 0, QStringLiteral("working")),
                   tracker(QStringLiteral("udp://tracker.two:6969/announce"), 1, QStringLiteral("not contacted"))};
    d->trackers[0].seeds = 5;
    d->trackers[0].peers = 9;
    d->trackers[0].nextAnnounce = kStart.addSecs(300);
    d->trackers[0].lastAnnounce = kStart.addSecs(-1500);
    // Album/CD1/01.flac 512 KiB done, Album/CD1/02.flac 256 KiB half, Album/CD2/01.flac 1 MiB, Album/cover.jpg 256 KiB
    d->files = {file(QStringLiteral("Album/CD1/01.flac"), 512 * 1024, 512 * 1024),
                file(QStringLiteral("Album/CD1/02.flac"), 256 * 1024, 128 * 1024),
                file(QStringLiteral("Album/CD2/01.flac"), 1024 * 1024, 0, 2),
                file(QStringLiteral("Album/cover.jpg"), 256 * 1024, 0)};
    t.detail = d;
    return t;
}

// A mutable copy of a torrent's detail, to change a field for the next snapshot.
std::shared_ptr<session::TorrentDetail> editDetail(TorrentSnapshot &t)
{
    auto d = std::make_shared<session::TorrentDetail>(*t.detail);
    t.detail = d;
    return d;
}

SessionSnapshotPtr snapshot(int second, QList<TorrentSnapshot> torrents, double down = 5000, double up = 1500)
{
    auto s = std::make_shared<SessionSnapshot>();
    s->sequence = static_cast<quint64>(second);
    s->takenAt = kStart.addSecs(second);
    s->downloadRate = down;
    s->uploadRate = up;
    s->torrents = std::move(torrents);
    return s;
}

TorrentSnapshot magnet(int n)
{
    TorrentSnapshot t;
    t.infoHash = hashOf(n);
    t.name = QStringLiteral("magnet");
    t.state = state::TorrentState::Downloading;
    t.metadataPieces = 3;
    t.metadataPiecesReceived = 1;
    return t;
}

QModelIndex pathIndex(const DetailsPanel &panel, const QString &path, int column = TorrentFilesModel::NameColumn)
{
    return panel.filesTab()->model()->indexOfPath(path, column);
}

QModelIndex viewIndex(const DetailsPanel &panel, const QString &path, int column = TorrentFilesModel::NameColumn)
{
    return panel.filesTab()->proxy()->mapFromSource(pathIndex(panel, path, column));
}

} // namespace

void tst_DetailsPanel::initTestCase()
{
    qRegisterMetaType<InfoHash>();
}

void tst_DetailsPanel::tabsInOrder()
{
    DetailsPanel panel;
    QCOMPARE(panel.count(), 6);
    QCOMPARE(panel.widget(DetailsPanel::General), panel.generalTab());
    QCOMPARE(panel.widget(DetailsPanel::Trackers), panel.trackersTab());
    QCOMPARE(panel.widget(DetailsPanel::Peers), panel.peersView());
    QCOMPARE(panel.widget(DetailsPanel::Files), panel.filesTab());
    QCOMPARE(panel.widget(DetailsPanel::Swarm), panel.swarmPanel());
    QCOMPARE(panel.widget(DetailsPanel::Rates), panel.ratesView());
    for (int i = 0; i < panel.count(); ++i)
        QVERIFY(!panel.tabToolTip(i).isEmpty());
}

void tst_DetailsPanel::noSelectionEmptiesTabsButRecordsRates()
{
    DetailsPanel panel;
    for (int s = 0; s < 3; ++s)
        panel.showSnapshot(snapshot(s, {album()}, 1000.0 * (s + 1), 10.0), std::nullopt);
    QVERIFY(!panel.shownTorrent());
    QVERIFY(panel.generalTab()->valueText(GeneralTab::Name).isEmpty());
    QCOMPARE(panel.trackersTab()->model()->rowCount(), 0);
    QVERIFY(!panel.trackersTab()->addButton()->isEnabled());
    QCOMPARE(panel.peersView()->model()->rowCount(), 0);
    QCOMPARE(panel.filesTab()->model()->rowCount(), 0);
    QCOMPARE(panel.rateHistory().sessionRates(RateHistory::Direction::Download, 3), (QList<double>{1000, 2000, 3000}));
    // The unselected torrent's own rate is recorded too, ready for when it is selected.
    QCOMPARE(panel.rateHistory().torrentRates(hashOf(1), RateHistory::Direction::Download, 1), QList<double>{4096});
    panel.showSnapshot(nullptr, hashOf(1)); // no snapshot at all: nothing to show, nothing recorded
    QVERIFY(!panel.shownTorrent());
    QCOMPARE(panel.rateHistory().recordedSeconds(), 3);
}

void tst_DetailsPanel::generalShowsTheEssentials()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {magnet(7), album()}), hashOf(1));
    QCOMPARE(panel.shownTorrent(), std::optional(hashOf(1)));
    const GeneralTab *g = panel.generalTab();
    QCOMPARE(g->valueText(GeneralTab::Name), QStringLiteral("Album"));
    QCOMPARE(g->valueText(GeneralTab::InfoHash), hashOf(1).toHex());
    QCOMPARE(g->valueText(GeneralTab::State), QStringLiteral("Downloading"));
    QCOMPARE(g->valueText(GeneralTab::Progress), units::formatPercent(3.0 / 8));
    QCOMPARE(g->valueText(GeneralTab::Seeds), QStringLiteral("1 (5 in swarm)"));
    QCOMPARE(g->valueText(GeneralTab::Peers), QStringLiteral("2 (9 in swarm)"));
    QCOMPARE(g->valueText(GeneralTab::Eta), units::formatDuration(125));
    QCOMPARE(g->valueText(GeneralTab::Ratio), units::formatRatio(1.0 / 3));
    QCOMPARE(g->valueText(GeneralTab::DownloadRate), units::formatRate(4096));
    QCOMPARE(g->valueText(GeneralTab::Pieces),
             QStringLiteral("8 × %1 (have 3)").arg(units::formatSize(256 * 1024)));
    QCOMPARE(g->valueText(GeneralTab::Size), units::formatSizeWithBytes(8 * 256 * 1024));
    QVERIFY(!g->isFieldVisible(GeneralTab::Error));
    // The piece bar: ours, in flight, and availability.
    const TorrentPieces &bar = g->piecesBar()->pieces();
    QCOMPARE(bar.have, swarmtest::bits(8, {0, 1, 2}));
    QCOMPARE(bar.downloading, (QList<int>{3, 4}));
    QCOMPARE(bar.availability, (QList<quint16>{2, 2, 1, 1, 1, 3, 1, 1}));

    TorrentSnapshot failing = album();
    failing.state = state::TorrentState::Error;
    failing.error = QStringLiteral("disk full");
    panel.showSnapshot(snapshot(1, {failing}), hashOf(1));
    QCOMPARE(g->valueText(GeneralTab::Error), QStringLiteral("disk full"));
    QVERIFY(g->isFieldVisible(GeneralTab::Error));
    QCOMPARE(g->valueText(GeneralTab::State), QStringLiteral("Error"));
}

// A torrent waiting for its volume: the Storage line says which one, from the storage check
// when it knows, else from the save folder; it goes away once the torrent runs again.
void tst_DetailsPanel::generalNamesTheMissingVolume()
{
    DetailsPanel panel;
    GeneralTab *g = panel.generalTab();
    TorrentSnapshot waiting = album();
    waiting.savePath = QStringLiteral("/media/usb/dl");
    waiting.state = state::TorrentState::StorageUnavailable;
    panel.showSnapshot(snapshot(0, {waiting}), hashOf(1));
    QCOMPARE(g->valueText(GeneralTab::State), QStringLiteral("Storage unavailable"));
    QVERIFY(g->isFieldVisible(GeneralTab::Storage));
    QVERIFY2(g->valueText(GeneralTab::Storage).contains(QStringLiteral("/media/usb/dl")),
             qPrintable(g->valueText(GeneralTab::Storage)));

    QList<InfoHash> asked;
    g->setStorageCheck([&asked](const InfoHash &hash) {
        asked << hash;
        return QStringLiteral("The volume /media/usb holding /media/usb/dl is not mounted.");
    });
    panel.showSnapshot(snapshot(1, {waiting}), hashOf(1));
    QVERIFY(asked.contains(hashOf(1)));
    QVERIFY2(g->valueText(GeneralTab::Storage).startsWith(QStringLiteral("The volume /media/usb holding")),
             qPrintable(g->valueText(GeneralTab::Storage)));

    panel.showSnapshot(snapshot(2, {album()}), hashOf(1)); // running again
    QVERIFY(!g->isFieldVisible(GeneralTab::Storage));
    QVERIFY(g->valueText(GeneralTab::Storage).isEmpty());
}

void tst_DetailsPanel::availabilityIsDistributedCopies()
{
    QCOMPARE(GeneralTab::distributedCopies({}), -1.0);
    QCOMPARE(GeneralTab::distributedCopies({0, 0, 0, 0}), 0.0);
    QCOMPARE(GeneralTab::distributedCopies({2, 2, 1, 1, 1, 3, 1, 1}), 1.375); // 1 + 3/8
    QCOMPARE(GeneralTab::distributedCopies({0, 1, 1, 1}), 0.75);
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    QCOMPARE(panel.generalTab()->valueText(GeneralTab::Availability), QLocale().toString(1.375, 'f', 2));
}

void tst_DetailsPanel::magnetWithoutMetadata()
{
    DetailsPanel panel;
    panel.setCurrentIndex(DetailsPanel::Swarm);
    // First without detail, then with an empty one (watched, nothing known yet).
    panel.showSnapshot(snapshot(0, {magnet(7)}), hashOf(7));
    QCOMPARE(panel.shownTorrent(), std::optional(hashOf(7)));
    TorrentSnapshot m = magnet(7);
    auto d = std::make_shared<session::TorrentDetail>();
    d->trackers = {tracker(QStringLiteral("udp://t.example:1/announce"), 0, QStringLiteral("updating"))};
    m.detail = d;
    for (int tab = 0; tab < panel.count(); ++tab) {
        panel.setCurrentIndex(tab);
        panel.showSnapshot(snapshot(1 + tab, {m}), hashOf(7));
        QImage image(QSize(900, 500), QImage::Format_ARGB32);
        panel.resize(image.size());
        panel.render(&image); // paints every widget of the tab: no division by zero pieces
    }
    const GeneralTab *g = panel.generalTab();
    QCOMPARE(g->valueText(GeneralTab::State), QStringLiteral("Fetching metadata"));
    QVERIFY2(g->valueText(GeneralTab::Size).contains(QStringLiteral("1 of 3")), qPrintable(g->valueText(GeneralTab::Size)));
    QCOMPARE(g->valueText(GeneralTab::Pieces), QStringLiteral("Unknown"));
    QCOMPARE(g->valueText(GeneralTab::Availability), QStringLiteral("Unknown"));
    QCOMPARE(g->piecesBar()->pieces().pieceCount(), 0);
    QVERIFY(!g->piecesBar()->toolTipAt(10).isEmpty());
    QCOMPARE(panel.trackersTab()->model()->rowCount(), 1);
    QCOMPARE(panel.filesTab()->model()->rowCount(), 0);
    QCOMPARE(panel.swarmPanel()->matrix()->pieceCount(), 0);
}

void tst_DetailsPanel::torrentDisappearing()
{
    DetailsPanel panel;
    panel.setCurrentIndex(DetailsPanel::Swarm);
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    QCOMPARE(panel.peersView()->model()->rowCount(), 3);
    QCOMPARE(panel.swarmPanel()->matrix()->neighbourCount(), 3);
    QVERIFY(panel.filesTab()->model()->rowCount() > 0);
    // Removed by the user: the selection still names it for a moment, the snapshot does not.
    panel.showSnapshot(snapshot(1, {}), hashOf(1));
    QVERIFY(!panel.shownTorrent());
    QCOMPARE(panel.peersView()->model()->rowCount(), 0);
    QCOMPARE(panel.trackersTab()->model()->rowCount(), 0);
    QCOMPARE(panel.filesTab()->model()->rowCount(), 0);
    QCOMPARE(panel.swarmPanel()->matrix()->neighbourCount(), 0);
    QVERIFY(panel.swarmPanel()->graph()->keys().isEmpty());
    QVERIFY(panel.generalTab()->valueText(GeneralTab::Name).isEmpty());
    QVERIFY(!panel.generalTab()->piecesBar()->isEnabled());
    // Nothing is emitted for a torrent that is not shown.
    QSignalSpy priorities(&panel, &DetailsPanel::filePrioritiesChanged);
    QSignalSpy adds(&panel, &DetailsPanel::trackerAddRequested);
    panel.trackersTab()->requestAdd(QStringLiteral("http://x.example/announce"));
    QCOMPARE(adds.count(), 0);
    QCOMPARE(priorities.count(), 0);
    // It comes back (re-added): shown again.
    panel.showSnapshot(snapshot(2, {album()}), hashOf(1));
    QCOMPARE(panel.peersView()->model()->rowCount(), 3);
}

void tst_DetailsPanel::switchingTorrentsRebuilds()
{
    DetailsPanel panel;
    TorrentSnapshot a = album(1);
    TorrentSnapshot b = album(2); // the very same files and peers, another torrent
    b.name = QStringLiteral("Other");
    editDetail(b)->files[0].priority = 0;
    panel.showSnapshot(snapshot(0, {a, b}), hashOf(1));
    QSignalSpy reset(panel.filesTab()->model(), &QAbstractItemModel::modelReset);
    QSignalSpy prioritiesSpy(&panel, &DetailsPanel::filePrioritiesChanged);
    panel.showSnapshot(snapshot(1, {a, b}), hashOf(2));
    QCOMPARE(panel.shownTorrent(), std::optional(hashOf(2)));
    QVERIFY(reset.count() >= 1); // a new torrent is a new tree, not a diff against the last one
    QCOMPARE(panel.generalTab()->valueText(GeneralTab::Name), QStringLiteral("Other"));
    QCOMPARE(panel.filesTab()->model()->priorities(), QByteArray::fromHex("00010201"));
    // An edit now goes to torrent 2.
    panel.filesTab()->model()->setPriority({pathIndex(panel, QStringLiteral("Album/cover.jpg"))}, 0);
    QCOMPARE(prioritiesSpy.count(), 1);
    QCOMPARE(prioritiesSpy.at(0).at(0).value<InfoHash>(), hashOf(2));
}

void tst_DetailsPanel::trackersRowsAndDiff()
{
    DetailsPanel panel;
    TorrentSnapshot t = album();
    panel.showSnapshot(snapshot(0, {t}), hashOf(1));
    TrackersModel *m = panel.trackersTab()->model();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(m->columnCount(), int(TrackersModel::ColumnCount));
    const int one = m->rowOf(QStringLiteral("http://tracker.one/announce"));
    const int two = m->rowOf(QStringLiteral("udp://tracker.two:6969/announce"));
    QCOMPARE(m->index(one, TrackersModel::StatusColumn).data().toString(), QStringLiteral("Working"));
    QCOMPARE(m->index(two, TrackersModel::StatusColumn).data().toString(), QStringLiteral("Not contacted yet"));
    QCOMPARE(m->index(one, TrackersModel::SeedsColumn).data().toString(), QStringLiteral("5"));
    QCOMPARE(m->index(two, TrackersModel::SeedsColumn).data().toString(), QStringLiteral("N/A"));
    QCOMPARE(m->index(one, TrackersModel::NextAnnounceColumn).data().toString(),
             QStringLiteral("In %1").arg(units::formatDuration(300)));
    QCOMPARE(m->index(two, TrackersModel::TierColumn).data(TrackersModel::SortRole).toInt(), 1);
    QVERIFY(!m->index(one, TrackersModel::LastAnnounceColumn).data().toString().isEmpty());

    // Four snapshots later: the countdown moved, a status changed, one tracker went, one came.
    QSignalSpy reset(m, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    auto d = editDetail(t);
    d->trackers[0].status = QStringLiteral("error");
    d->trackers[0].message = QStringLiteral("timed out");
    d->trackers.removeAt(1);
    d->trackers.append(tracker(QStringLiteral("https://tracker.three/announce"), 2, QStringLiteral("updating")));
    panel.showSnapshot(snapshot(60, {t}), hashOf(1));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m->rowCount(), 2);
    const int row = m->rowOf(QStringLiteral("http://tracker.one/announce"));
    QCOMPARE(m->index(row, TrackersModel::StatusColumn).data().toString(), QStringLiteral("Error"));
    QCOMPARE(m->index(row, TrackersModel::MessageColumn).data().toString(), QStringLiteral("timed out"));
    QCOMPARE(m->index(row, TrackersModel::NextAnnounceColumn).data().toString(),
             QStringLiteral("In %1").arg(units::formatDuration(240)));
    QVERIFY(m->rowOf(QStringLiteral("https://tracker.three/announce")) >= 0);
    // The same snapshot again: nothing to say.
    changed.clear();
    panel.showSnapshot(snapshot(60, {t}), hashOf(1));
    QCOMPARE(changed.count(), 0);
}

void tst_DetailsPanel::trackerRequestsCarryTheHash()
{
    DetailsPanel panel;
    panel.setCurrentIndex(DetailsPanel::Trackers);
    panel.show();
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    TrackersTab *tab = panel.trackersTab();
    QVERIFY(tab->addButton()->isEnabled());
    QVERIFY(!tab->removeButton()->isEnabled()); // nothing selected
    QSignalSpy adds(&panel, &DetailsPanel::trackerAddRequested);
    QSignalSpy removes(&panel, &DetailsPanel::trackerRemoveRequested);
    // Several at once; a bad line, an unsupported scheme, a duplicate and a known one are left out.
    const int n = tab->requestAdd(QStringLiteral("udp://new.example:80/announce\n  not a url \nftp://x.example/\n"
                                                 "https://b.example/announce https://b.example/announce\n"
                                                 "http://tracker.one/announce"));
    QCOMPARE(n, 2);
    QCOMPARE(adds.count(), 2);
    QCOMPARE(adds.at(0).at(0).value<InfoHash>(), hashOf(1));
    QCOMPARE(adds.at(0).at(1).toString(), QStringLiteral("udp://new.example:80/announce"));
    QCOMPARE(adds.at(1).at(1).toString(), QStringLiteral("https://b.example/announce"));

    const QModelIndex source = tab->model()->index(tab->model()->rowOf(QStringLiteral("udp://tracker.two:6969/announce")), 0);
    auto *proxy = static_cast<QSortFilterProxyModel *>(tab->view()->model());
    tab->view()->selectionModel()->select(proxy->mapFromSource(source),
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(tab->removeButton()->isEnabled());
    std::unique_ptr<QMenu> menu(tab->createContextMenu());
    QAction *remove = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == QStringLiteral("&Remove"))
            remove = a;
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    QCOMPARE(removes.count(), 1);
    QCOMPARE(removes.at(0).at(0).value<InfoHash>(), hashOf(1));
    QCOMPARE(removes.at(0).at(1).toString(), QStringLiteral("udp://tracker.two:6969/announce"));
    // The selection survives the next snapshot (rows are diffed, not reset).
    panel.showSnapshot(snapshot(1, {album()}), hashOf(1));
    QCOMPARE(tab->view()->selectionModel()->selectedRows().size(), 1);
    QTest::mouseClick(tab->removeButton(), Qt::LeftButton);
    QCOMPARE(removes.count(), 2);
}

void tst_DetailsPanel::filesTreeAggregates()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m->rowCount(), 1); // "Album"
    QCOMPARE(m->fileCount(), 4);
    const QModelIndex album = pathIndex(panel, QStringLiteral("Album"));
    QVERIFY(album.isValid());
    QCOMPARE(m->rowCount(album), 3); // CD1, CD2, cover.jpg
    const QModelIndex cd1 = pathIndex(panel, QStringLiteral("Album/CD1"));
    QCOMPARE(cd1.data(TorrentFilesModel::IsFolderRole).toBool(), true);
    QCOMPARE(cd1.siblingAtColumn(TorrentFilesModel::SizeColumn).data(TorrentFilesModel::SortRole).toLongLong(),
             768 * 1024);
    QCOMPARE(cd1.siblingAtColumn(TorrentFilesModel::ProgressColumn).data(TorrentFilesModel::SortRole).toDouble(),
             640.0 / 768.0);
    QCOMPARE(cd1.siblingAtColumn(TorrentFilesModel::RemainingColumn).data().toString(), units::formatSize(128 * 1024));
    QCOMPARE(album.siblingAtColumn(TorrentFilesModel::SizeColumn).data(TorrentFilesModel::SortRole).toLongLong(),
             2 * 1024 * 1024);
    // Priorities: CD1 all normal, Album mixed (CD2 is high).
    QCOMPARE(cd1.data(TorrentFilesModel::PriorityRole).toInt(), int(TorrentFilesModel::Normal));
    QCOMPARE(album.data(TorrentFilesModel::PriorityRole).toInt(), int(TorrentFilesModel::Mixed));
    QCOMPARE(album.siblingAtColumn(TorrentFilesModel::PriorityColumn).data().toString(), QStringLiteral("Mixed"));
    QCOMPARE(pathIndex(panel, QStringLiteral("Album/CD2/01.flac"), TorrentFilesModel::PriorityColumn).data().toString(),
             QStringLiteral("High"));
    QCOMPARE(album.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    // In the view: folders first, then files, names in natural order.
    const QSortFilterProxyModel *proxy = panel.filesTab()->proxy();
    const QModelIndex viewAlbum = proxy->mapFromSource(album);
    QCOMPARE(proxy->index(0, 0, viewAlbum).data().toString(), QStringLiteral("CD1"));
    QCOMPARE(proxy->index(1, 0, viewAlbum).data().toString(), QStringLiteral("CD2"));
    QCOMPARE(proxy->index(2, 0, viewAlbum).data().toString(), QStringLiteral("cover.jpg"));
    panel.filesTab()->view()->sortByColumn(TorrentFilesModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, 0, viewAlbum).data().toString(), QStringLiteral("CD2")); // folders still first
    QCOMPARE(proxy->index(2, 0, viewAlbum).data().toString(), QStringLiteral("cover.jpg"));
    QVERIFY(panel.filesTab()->view()->isExpanded(viewAlbum)); // the top folder opens by itself
}

void tst_DetailsPanel::filesUpdateInPlace()
{
    DetailsPanel panel;
    TorrentSnapshot t = album();
    panel.showSnapshot(snapshot(0, {t}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    QTreeView *view = panel.filesTab()->view();
    const QModelIndex cover = viewIndex(panel, QStringLiteral("Album/cover.jpg"));
    view->selectionModel()->setCurrentIndex(cover, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QSignalSpy reset(m, &QAbstractItemModel::modelReset);
    QSignalSpy layout(m, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    auto d = editDetail(t);
    d->files[2].done = 256 * 1024; // CD2/01.flac: a quarter
    d->files[3].done = 256 * 1024; // cover.jpg: complete
    panel.showSnapshot(snapshot(1, {t}), hashOf(1));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    // cover.jpg and CD2 (siblings under Album, rows 1 and 2: one run), 01.flac under CD2, and Album itself.
    QCOMPARE(changed.count(), 3);
    for (const QList<QVariant> &args : changed) {
        const auto first = args.at(0).value<QModelIndex>();
        const auto last = args.at(1).value<QModelIndex>();
        QCOMPARE(first.column(), int(TorrentFilesModel::ProgressColumn));
        QCOMPARE(last.column(), int(TorrentFilesModel::RemainingColumn));
        QCOMPARE(first.parent(), last.parent());
    }
    QCOMPARE(pathIndex(panel, QStringLiteral("Album/cover.jpg"), TorrentFilesModel::ProgressColumn).data().toString(),
             units::formatPercent(1.0));
    QCOMPARE(pathIndex(panel, QStringLiteral("Album/CD2"), TorrentFilesModel::ProgressColumn)
                 .data(TorrentFilesModel::SortRole).toDouble(), 0.25);
    QCOMPARE(pathIndex(panel, QStringLiteral("Album"), TorrentFilesModel::ProgressColumn)
                 .data(TorrentFilesModel::SortRole).toDouble(), (640.0 + 512.0) / 2048.0);
    QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("cover.jpg")); // selection kept
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    changed.clear();
    panel.showSnapshot(snapshot(2, {t}), hashOf(1));
    QCOMPARE(changed.count(), 0); // nothing new, nothing said
}

void tst_DetailsPanel::padFilesHiddenButKeptInPriorities()
{
    DetailsPanel panel;
    TorrentSnapshot t = album();
    auto d = editDetail(t);
    FileSnapshot pad = file(QStringLiteral("Album/.pad/12345"), 12345, 0, 0);
    pad.padFile = true;
    d->files.insert(1, pad);
    panel.showSnapshot(snapshot(0, {t}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    QCOMPARE(m->fileCount(), 5);
    QVERIFY(!pathIndex(panel, QStringLiteral("Album/.pad")).isValid());
    QCOMPARE(m->rowCount(pathIndex(panel, QStringLiteral("Album"))), 3);
    QCOMPARE(pathIndex(panel, QStringLiteral("Album"), TorrentFilesModel::SizeColumn).data(TorrentFilesModel::SortRole)
                 .toLongLong(), 2 * 1024 * 1024); // its bytes are not the user's content
    QSignalSpy spy(&panel, &DetailsPanel::filePrioritiesChanged);
    QVERIFY(m->setPriority({pathIndex(panel, QStringLiteral("Album"))}, TorrentFilesModel::High));
    QCOMPARE(spy.last().at(1).toByteArray(), QByteArray::fromHex("0200020202")); // the pad keeps its byte
    // Updates still go in place.
    QSignalSpy reset(m, &QAbstractItemModel::modelReset);
    editDetail(t)->files[0].done = 0;
    panel.showSnapshot(snapshot(1, {t}), hashOf(1));
    QCOMPARE(reset.count(), 0);
}

void tst_DetailsPanel::priorityEditsEmitWholeList()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    QSignalSpy spy(&panel, &DetailsPanel::filePrioritiesChanged);
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    // A folder: every file below it.
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album/CD1"), TorrentFilesModel::PriorityColumn), 2));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<InfoHash>(), hashOf(1));
    QCOMPARE(spy.at(0).at(1).toByteArray(), QByteArray::fromHex("02020201"));
    QVERIFY(changed.count() > 0);
    QCOMPARE(pathIndex(panel, QStringLiteral("Album/CD1")).data(TorrentFilesModel::PriorityRole).toInt(),
             int(TorrentFilesModel::High));
    // One file to skip.
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album/cover.jpg"), TorrentFilesModel::PriorityColumn), 0));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toByteArray(), QByteArray::fromHex("02020200"));
    QCOMPARE(pathIndex(panel, QStringLiteral("Album")).data(Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::PartiallyChecked);
    // The same again, or nonsense: no signal.
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album/cover.jpg"), TorrentFilesModel::PriorityColumn), 0));
    QVERIFY(!m->setPriority({pathIndex(panel, QStringLiteral("Album"))}, 7));
    QVERIFY(!m->setData(pathIndex(panel, QStringLiteral("Album/cover.jpg"), TorrentFilesModel::SizeColumn), 0));
    QCOMPARE(spy.count(), 2);
    // Only the priority column is editable.
    QVERIFY(m->flags(pathIndex(panel, QStringLiteral("Album"), TorrentFilesModel::PriorityColumn)) & Qt::ItemIsEditable);
    QVERIFY(!(m->flags(pathIndex(panel, QStringLiteral("Album"), TorrentFilesModel::SizeColumn)) & Qt::ItemIsEditable));
}

void tst_DetailsPanel::priorityCheckBoxesAndMenu()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    QSignalSpy spy(&panel, &DetailsPanel::filePrioritiesChanged);
    // Unticking a folder skips everything below; ticking it back keeps high files high.
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album")), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(spy.last().at(1).toByteArray(), QByteArray::fromHex("00000000"));
    QCOMPARE(pathIndex(panel, QStringLiteral("Album")).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album/CD2/01.flac")), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(spy.last().at(1).toByteArray(), QByteArray::fromHex("00000100"));
    QVERIFY(m->setPriority({pathIndex(panel, QStringLiteral("Album/CD2"))}, TorrentFilesModel::High));
    QVERIFY(m->setData(pathIndex(panel, QStringLiteral("Album")), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(spy.last().at(1).toByteArray(), QByteArray::fromHex("01010201"));

    // The context menu acts on the selected rows.
    FilesTab *tab = panel.filesTab();
    QItemSelectionModel *sel = tab->view()->selectionModel();
    sel->select(viewIndex(panel, QStringLiteral("Album/CD1/02.flac")), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    sel->select(viewIndex(panel, QStringLiteral("Album/cover.jpg")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    std::unique_ptr<QMenu> menu(tab->createContextMenu());
    QMenu *priority = nullptr;
    for (QAction *a : menu->actions())
        if (a->menu())
            priority = a->menu();
    QVERIFY(priority);
    QAction *skip = nullptr;
    for (QAction *a : priority->actions())
        if (a->data().toInt() == TorrentFilesModel::Skip)
            skip = a;
    QVERIFY(skip);
    const qsizetype before = spy.count();
    skip->trigger();
    QCOMPARE(spy.count(), before + 1);
    QCOMPARE(spy.last().at(1).toByteArray(), QByteArray::fromHex("01000200"));
}

void tst_DetailsPanel::pendingPriorityShownUntilConfirmed()
{
    DetailsPanel panel;
    TorrentSnapshot t = album();
    panel.showSnapshot(snapshot(0, {t}), hashOf(1));
    TorrentFilesModel *m = panel.filesTab()->model();
    const auto coverPriority = [&] {
        return pathIndex(panel, QStringLiteral("Album/cover.jpg")).data(TorrentFilesModel::PriorityRole).toInt();
    };
    m->setPriority({pathIndex(panel, QStringLiteral("Album/cover.jpg"))}, TorrentFilesModel::Skip);
    // The engine has not applied it yet: its snapshots still say normal, the edit stays shown.
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    for (int s = 1; s <= 3; ++s)
        panel.showSnapshot(snapshot(s, {t}), hashOf(1));
    QCOMPARE(coverPriority(), int(TorrentFilesModel::Skip));
    QCOMPARE(changed.count(), 0); // no flicker
    // Confirmed.
    editDetail(t)->files[3].priority = 0;
    panel.showSnapshot(snapshot(4, {t}), hashOf(1));
    QCOMPARE(coverPriority(), int(TorrentFilesModel::Skip));
    // Later changes from elsewhere (another client of the engine) show at once.
    editDetail(t)->files[3].priority = 2;
    panel.showSnapshot(snapshot(5, {t}), hashOf(1));
    QCOMPARE(coverPriority(), int(TorrentFilesModel::High));
    // An edit the engine never takes is given up after a few seconds.
    m->setPriority({pathIndex(panel, QStringLiteral("Album/cover.jpg"))}, TorrentFilesModel::Normal);
    for (int s = 6; s < 6 + 20; ++s)
        panel.showSnapshot(snapshot(s, {t}), hashOf(1));
    QCOMPARE(coverPriority(), int(TorrentFilesModel::High));
}

void tst_DetailsPanel::delegateEditsPriority()
{
    DetailsPanel panel;
    panel.setCurrentIndex(DetailsPanel::Files);
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    QSignalSpy spy(&panel, &DetailsPanel::filePrioritiesChanged);
    QTreeView *view = panel.filesTab()->view();
    const QModelIndex cell = viewIndex(panel, QStringLiteral("Album/cover.jpg"), TorrentFilesModel::PriorityColumn);
    view->setCurrentIndex(cell);
    view->edit(cell);
    auto *combo = view->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(TorrentFilesModel::Normal));
    // While the editor is open, snapshots keep coming: it must stay open.
    panel.showSnapshot(snapshot(1, {album()}), hashOf(1));
    QVERIFY(view->findChild<QComboBox *>() == combo);
    combo->setCurrentIndex(combo->findData(int(TorrentFilesModel::High)));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toByteArray(), QByteArray::fromHex("01010202"));
}

void tst_DetailsPanel::openFinishedFilesOnly()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    FilesTab *tab = panel.filesTab();
    QSignalSpy spy(&panel, &DetailsPanel::openFileRequested);
    QVERIFY(tab->openRow(viewIndex(panel, QStringLiteral("Album/CD1/01.flac"))));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("/data/downloads/Album/CD1/01.flac"));
    QVERIFY(!tab->openRow(viewIndex(panel, QStringLiteral("Album/CD1/02.flac")))); // half done
    QVERIFY(!tab->openRow(viewIndex(panel, QStringLiteral("Album/CD2")))); // nothing in it yet
    QVERIFY(tab->openRow(viewIndex(panel, QStringLiteral("Album/CD1"))));  // a folder with data
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("/data/downloads/Album/CD1"));
    // The double-click path.
    emit tab->view()->doubleClicked(viewIndex(panel, QStringLiteral("Album/CD1/01.flac")));
    QCOMPARE(spy.count(), 3);
    emit tab->view()->doubleClicked(viewIndex(panel, QStringLiteral("Album/CD1/01.flac"), TorrentFilesModel::PriorityColumn));
    QCOMPARE(spy.count(), 3); // that column edits instead
    // The menu's Open follows the current row.
    tab->view()->setCurrentIndex(viewIndex(panel, QStringLiteral("Album/CD1/02.flac")));
    std::unique_ptr<QMenu> menu(tab->createContextMenu());
    QVERIFY(!menu->actions().first()->isEnabled());
}

void tst_DetailsPanel::peersTabFollowsSnapshots()
{
    DetailsPanel panel;
    TorrentSnapshot t = album();
    panel.showSnapshot(snapshot(0, {t}), hashOf(1));
    PeersModel *m = panel.peersView()->model();
    QCOMPARE(m->rowCount(), 3);
    QSignalSpy reset(m, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m, &QAbstractItemModel::rowsRemoved);
    auto d = editDetail(t);
    d->peers.removeAt(1);
    panel.showSnapshot(snapshot(1, {t}), hashOf(1));
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m->rowOf(keyOf(1)), -1);
}

void tst_DetailsPanel::swarmTabFedWhenVisible()
{
    DetailsPanel panel;
    panel.showSnapshot(snapshot(0, {album()}), hashOf(1));
    SwarmPanel *swarm = panel.swarmPanel();
    QCOMPARE(swarm->matrix()->neighbourCount(), 0); // not in view: not drawn
    panel.setCurrentIndex(DetailsPanel::Swarm);    // comes into view with the last snapshot
    QCOMPARE(swarm->matrix()->neighbourCount(), 3);
    QCOMPARE(swarm->matrix()->pieceCount(), 8);
    QCOMPARE(swarm->graph()->keys().size(), 3);
    TorrentSnapshot t = album();
    editDetail(t)->peers.append(swarmtest::peer(9, 8));
    panel.showSnapshot(snapshot(1, {t}), hashOf(1));
    QCOMPARE(swarm->matrix()->neighbourCount(), 4);
}

void tst_DetailsPanel::ratesTabShowsTorrentAndTopPeers()
{
    DetailsPanel panel;
    panel.setCurrentIndex(DetailsPanel::Rates);
    RatesView *rates = panel.ratesView();
    panel.showSnapshot(snapshot(0, {album()}), std::nullopt);
    QCOMPARE(rates->totalsGraph()->curves().size(), 2); // session only
    QVERIFY(rates->peersGraph()->curves().isEmpty());
    for (int s = 1; s <= 10; ++s)
        panel.showSnapshot(snapshot(s, {album()}), hashOf(1));
    const QList<RateCurve> totals = rates->totalsGraph()->curves();
    QCOMPARE(totals.size(), 4);
    QCOMPARE(totals[2].values.last(), 4096.0); // the torrent's download
    QCOMPARE(totals[3].values.last(), 1024.0);
    QCOMPARE(totals[0].values.size(), rates->span());
    QCOMPARE(rates->totalsGraph()->axis().top, 6.0 * 1024); // 5,000 B/s fits 0..6 KiB/s
    const QList<RateCurve> peers = rates->peersGraph()->curves();
    QCOMPARE(peers.size(), 3); // every neighbour that sent something, fastest first
    QVERIFY(peers[0].label.startsWith(keyOf(0)));
    QVERIFY(peers[0].label.contains(QStringLiteral("Client 0")));
    QVERIFY(peers[1].label.startsWith(keyOf(1)));
    QCOMPARE(peers[0].values.last(), 3000.0);
    // Spans: an hour is offered and fits the history.
    rates->setSpan(3600);
    QCOMPARE(rates->span(), 3600);
    QCOMPARE(rates->totalsGraph()->curves().first().values.size(), 3600);
    rates->setSpan(60);
    QCOMPARE(rates->span(), 60);
    rates->setPeerDirection(RateHistory::Direction::Upload);
    QVERIFY(rates->peersGraph()->curves().isEmpty()); // nobody took anything from us
    QImage image(QSize(800, 500), QImage::Format_ARGB32);
    panel.resize(image.size());
    panel.render(&image);
}

QTEST_MAIN(tst_DetailsPanel)
#include "tst_detailspanel.moc"
