#include "peers/peersmodel.h"
#include "peers/peersview.h"
#include "peers/peertext.h"
#include "swarm/piecesbardelegate.h"
#include "swarmfixtures.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;
using swarmtest::keyOf;
using swarmtest::peer;
using session::PeerSnapshot;

class tst_PeersModel : public QObject {
    Q_OBJECT

private slots:
    void columnsAndHeaderTooltips();
    void insertsOnceInOrder();
    void removalsPerContiguousSpan();
    void oneDataChangedPerChangedRun();
    void unchangedRefreshIsQuiet();
    void neverResets();
    void modelTesterOverChurn();
    void displayValues();
    void flagLetters_data();
    void flagLetters();
    void ipv6Key();
    void viewPaintsPiecesColumn();
};

namespace {

QList<PeerSnapshot> peers(std::initializer_list<int> ids)
{
    QList<PeerSnapshot> out;
    for (int id : ids)
        out << peer(id, 16);
    return out;
}

QStringList keys(const PeersModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(PeersModel::KeyRole).toString();
    return out;
}

} // namespace

void tst_PeersModel::columnsAndHeaderTooltips()
{
    PeersModel m;
    QCOMPARE(m.columnCount(), int(PeersModel::ColumnCount));
    for (int c = 0; c < m.columnCount(); ++c) {
        QVERIFY(!m.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY2(!m.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(), qPrintable(QString::number(c)));
    }
    QCOMPARE(m.headerData(PeersModel::AmChokingColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Am choking: we refuse to upload to this peer"));
    QVERIFY(m.headerData(PeersModel::PeerInterestedColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString().startsWith(QStringLiteral("Peer interested")));
    // The flags header carries the whole legend.
    const QString flagsTip = m.headerData(PeersModel::FlagsColumn, Qt::Horizontal, Qt::ToolTipRole).toString();
    for (const peertext::FlagInfo &f : peertext::flagLegend())
        QVERIFY2(flagsTip.contains(QString(f.letter) + QStringLiteral(": ")), qPrintable(QString(f.letter)));
}

void tst_PeersModel::insertsOnceInOrder()
{
    PeersModel m;
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    m.setPeers(peers({1, 2, 3}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 2);
    QCOMPARE(keys(m), (QStringList{keyOf(1), keyOf(2), keyOf(3)}));

    // Newcomers are appended in one go, whatever their position in the snapshot.
    m.setPeers(peers({4, 1, 2, 5, 3}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted[1][1].toInt(), 3);
    QCOMPARE(inserted[1][2].toInt(), 4);
    QCOMPARE(keys(m), (QStringList{keyOf(1), keyOf(2), keyOf(3), keyOf(4), keyOf(5)}));
    QCOMPARE(m.rowOf(keyOf(5)), 4);
    QCOMPARE(m.rowOf(QStringLiteral("1.2.3.4:1")), -1);
}

void tst_PeersModel::removalsPerContiguousSpan()
{
    PeersModel m;
    m.setPeers(peers({1, 2, 3, 4, 5, 6, 7}));
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    // 2,3 and 6 leave: two spans, removed from the back.
    m.setPeers(peers({1, 4, 5, 7}));
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed[0][1].toInt(), 5);
    QCOMPARE(removed[0][2].toInt(), 5);
    QCOMPARE(removed[1][1].toInt(), 1);
    QCOMPARE(removed[1][2].toInt(), 2);
    QCOMPARE(keys(m), (QStringList{keyOf(1), keyOf(4), keyOf(5), keyOf(7)}));
    QCOMPARE(m.rowOf(keyOf(7)), 3);
    m.clear();
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(removed.size(), 3);
}

void tst_PeersModel::oneDataChangedPerChangedRun()
{
    PeersModel m;
    QList<PeerSnapshot> list = peers({1, 2, 3, 4, 5, 6});
    m.setPeers(list);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);

    // Rows 1 and 2 change rates, row 4 unchokes us: two runs.
    list[1].downloadRate = 1000;
    list[2].uploadRate = 2000;
    list[4].peerChoking = false;
    m.setPeers(list);
    QCOMPARE(changed.size(), 2);
    auto topLeft = changed[0][0].value<QModelIndex>();
    auto bottomRight = changed[0][1].value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(topLeft.column(), int(PeersModel::DownRateColumn));
    QCOMPARE(bottomRight.column(), int(PeersModel::UpRateColumn));
    topLeft = changed[1][0].value<QModelIndex>();
    bottomRight = changed[1][1].value<QModelIndex>();
    QCOMPARE(topLeft.row(), 4);
    QCOMPARE(bottomRight.row(), 4);
    // Peer choking shows in the Flags column (K appears) and its own column.
    QCOMPARE(topLeft.column(), int(PeersModel::FlagsColumn));
    QCOMPARE(bottomRight.column(), int(PeersModel::PeerChokingColumn));
    QCOMPARE(m.index(4, PeersModel::PeerChokingColumn).data().toString(), QStringLiteral("No"));

    // A new piece moves Progress and Pieces only.
    changed.clear();
    list[5].pieces.set(3);
    m.setPeers(list);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>().column(), int(PeersModel::ProgressColumn));
    QCOMPARE(changed[0][1].value<QModelIndex>().column(), int(PeersModel::PiecesColumn));
    QCOMPARE(m.index(5, PeersModel::PiecesColumn).data(PeersModel::PiecesRole).value<Bitfield>().count(), 1);

    // Changes mixed with a removal and an insertion: spans are in the rows after removal.
    changed.clear();
    list.removeAt(0);
    list[0].snubbed = true; // id 2, now row 0
    list << peer(9, 16);
    m.setPeers(list);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>().row(), 0);
    QCOMPARE(m.index(0, PeersModel::SnubbedColumn).data().toString(), QStringLiteral("Yes"));
    QCOMPARE(m.rowCount(), 6);
}

void tst_PeersModel::unchangedRefreshIsQuiet()
{
    PeersModel m;
    const QList<PeerSnapshot> list = peers({1, 2, 3});
    m.setPeers(list);
    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    m.setPeers(list);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    // A peer sent twice counts once.
    m.setPeers(list + QList<PeerSnapshot>{list[0]});
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(inserted.size(), 0);
}

void tst_PeersModel::neverResets()
{
    PeersModel m;
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&m, &QAbstractItemModel::layoutChanged);
    m.setPeers(peers({1, 2}));
    m.setPeers(peers({3}));
    m.setPeers({});
    m.setPeers(peers({1, 2, 3}));
    m.clear();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
}

void tst_PeersModel::modelTesterOverChurn()
{
    PeersModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Peers come and go at random, rates and states move; the tester checks every signal.
    QRandomGenerator rng(7);
    for (int round = 0; round < 60; ++round) {
        QList<PeerSnapshot> list;
        for (int id = 0; id < 40; ++id) {
            if (rng.bounded(3) == 0)
                continue;
            PeerSnapshot p = peer(id, 32);
            p.downloadRate = rng.bounded(4) * 1000.0;
            p.amChoking = rng.bounded(2) == 0;
            p.peerInterested = rng.bounded(2) == 0;
            for (int i = 0; i < rng.bounded(32); ++i)
                p.pieces.set(i);
            list << p;
        }
        m.setPeers(list);
        QCOMPARE(m.rowCount(), list.size());
        for (const PeerSnapshot &p : list)
            QCOMPARE(m.peers().at(m.rowOf(peertext::peerKey(p))).downloadRate, p.downloadRate);
    }
}

void tst_PeersModel::displayValues()
{
    PeersModel m;
    PeerSnapshot p = peer(1, 8);
    p.pieces.set(0);
    p.pieces.set(1);
    p.downloadRate = 1536;
    p.uploaded = 3 * 1024 * 1024;
    p.incoming = true;
    p.source = session::PeerSource::Pex;
    p.optimistic = true;
    p.amChoking = false;
    PeerSnapshot magnet = peer(2, 0); // no metadata: no pieces known
    m.setPeers({p, magnet});
    const auto text = [&m](int row, int column) { return m.index(row, column).data().toString(); };
    QCOMPARE(text(0, PeersModel::AddressColumn), keyOf(1));
    QCOMPARE(text(0, PeersModel::ProgressColumn), QStringLiteral("25.0%"));
    QCOMPARE(text(0, PeersModel::DownRateColumn), QStringLiteral("1.50 KiB/s"));
    QCOMPARE(text(0, PeersModel::UploadedColumn), QStringLiteral("3.00 MiB"));
    QCOMPARE(text(0, PeersModel::AmChokingColumn), QStringLiteral("No"));
    QCOMPARE(text(0, PeersModel::OptimisticColumn), QStringLiteral("Yes"));
    QCOMPARE(text(0, PeersModel::DirectionColumn), QStringLiteral("Incoming"));
    QCOMPARE(text(0, PeersModel::SourceColumn), QStringLiteral("PEX"));
    QCOMPARE(text(1, PeersModel::ProgressColumn), QString());
    QCOMPARE(m.index(1, PeersModel::PiecesColumn).data(PeersModel::SortRole).toDouble(), 0.0);
    QVERIFY(m.index(1, PeersModel::PiecesColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("No piece")));
    // Raw values sort, not the text: 10.0.0.2 before 10.0.0.10.
    PeerSnapshot a = peer(1);
    a.address = QHostAddress(QStringLiteral("10.0.0.10"));
    PeerSnapshot b = peer(1);
    b.address = QHostAddress(QStringLiteral("10.0.0.2"));
    m.setPeers({a, b});
    const auto sortKey = [&m](const PeerSnapshot &peerOf) {
        return m.index(m.rowOf(peertext::peerKey(peerOf)), PeersModel::AddressColumn).data(PeersModel::SortRole).toString();
    };
    QVERIFY(sortKey(b) < sortKey(a));
    PeerSnapshot v6 = peer(1);
    v6.address = QHostAddress(QStringLiteral("2001:db8::1"));
    m.setPeers({a, b, v6});
    QVERIFY(sortKey(a) < sortKey(v6)); // v4-mapped sorts before 2001:...
    QCOMPARE(m.index(0, PeersModel::AmChokingColumn).data(Qt::ToolTipRole).toString().count(QLatin1Char('\n')), 3);
}

void tst_PeersModel::flagLetters_data()
{
    QTest::addColumn<bool>("amChoking");
    QTest::addColumn<bool>("amInterested");
    QTest::addColumn<bool>("peerChoking");
    QTest::addColumn<bool>("peerInterested");
    QTest::addColumn<QString>("expected");
    QTest::newRow("idle") << true << false << true << false << QString();
    QTest::newRow("downloading") << true << true << false << false << QStringLiteral("D");
    QTest::newRow("want, choked") << true << true << true << false << QStringLiteral("d");
    QTest::newRow("uploading") << false << false << true << true << QStringLiteral("U");
    QTest::newRow("it wants, we choke") << true << false << true << true << QStringLiteral("u");
    QTest::newRow("unchoked us, not interested") << true << false << false << false << QStringLiteral("K");
    QTest::newRow("we unchoked, it is not interested") << false << false << true << false << QStringLiteral("?");
    QTest::newRow("both ways") << false << true << false << true << QStringLiteral("D U");
}

void tst_PeersModel::flagLetters()
{
    QFETCH(bool, amChoking);
    QFETCH(bool, amInterested);
    QFETCH(bool, peerChoking);
    QFETCH(bool, peerInterested);
    QFETCH(QString, expected);
    PeerSnapshot p = peer(1);
    p.source = session::PeerSource::Tracker;
    p.amChoking = amChoking;
    p.amInterested = amInterested;
    p.peerChoking = peerChoking;
    p.peerInterested = peerInterested;
    QCOMPARE(peertext::flagsFor(p), expected);
    QCOMPARE(peertext::describeFlags(p).count(QLatin1Char('\n')), expected.isEmpty() ? 0 : expected.count(QLatin1Char(' ')));

    p.optimistic = true;
    p.snubbed = true;
    p.incoming = true;
    p.source = session::PeerSource::Dht;
    const QString all = peertext::flagsFor(p);
    QVERIFY(all.endsWith(QStringLiteral("O S I H")));
    QVERIFY(peertext::describeFlags(p).contains(QStringLiteral("H: found through DHT")));
    p.source = session::PeerSource::Pex;
    QVERIFY(peertext::flagsFor(p).endsWith(QStringLiteral("I X")));
}

void tst_PeersModel::ipv6Key()
{
    PeerSnapshot p = peer(1);
    p.address = QHostAddress(QStringLiteral("2001:db8::1"));
    p.port = 51413;
    QCOMPARE(peertext::peerKey(p), QStringLiteral("[2001:db8::1]:51413"));
}

void tst_PeersModel::viewPaintsPiecesColumn()
{
    PeersView view;
    view.resize(2600, 300); // wide enough that the Pieces column is on screen
    QList<PeerSnapshot> list = peers({1, 2, 3});
    for (PeerSnapshot &p : list)
        p.pieces.fill(true);
    view.model()->setPeers(list);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.grab();
    QCOMPARE(view.piecesDelegate()->renderCount(), 3);
    view.grab();
    QCOMPARE(view.piecesDelegate()->renderCount(), 3); // repaints reuse the strips
    list[1].pieces.reset(0);
    view.model()->setPeers(list);
    view.grab();
    QCOMPARE(view.piecesDelegate()->renderCount(), 4);
}

QTEST_MAIN(tst_PeersModel)
#include "tst_peersmodel.moc"
