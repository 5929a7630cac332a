#include "swarm/piecebins.h"
#include "swarm/swarmmatrix.h"
#include "swarmfixtures.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;
using piecebins::Range;
using swarmtest::keyOf;
using swarmtest::peer;
using session::PeerSnapshot;

class tst_SwarmMatrix : public QObject {
    Q_OBJECT

private slots:
    void columnsMapToPieceRanges();
    void fewerPiecesThanPixels();
    void rowsUnderPoints();
    void rowsStayPut();
    void cellToolTip();
    void cellColours();
    void rendersOnlyWhenNeeded();
    void zeroPieces();
    void largeSwarmTiming();
};

namespace {

// A matrix whose grid is exactly `gridWidth` pixels wide, for `pieces` pieces and `peers`.
void shape(SwarmMatrix &m, int gridWidth)
{
    m.resize(400, 300);
    const int extra = m.width() - m.gridRect().width();
    m.resize(gridWidth + extra, 300);
}

} // namespace

void tst_SwarmMatrix::columnsMapToPieceRanges()
{
    SwarmMatrix m;
    shape(m, 200);
    QCOMPARE(m.gridRect().width(), 200);
    m.setDetail(swarmtest::detail(600, {peer(1, 600)}));
    const int left = m.gridRect().left();
    // Three pieces per column.
    QCOMPARE(m.piecesAtX(left), (Range{0, 3}));
    QCOMPARE(m.piecesAtX(left + 10), (Range{30, 33}));
    QCOMPARE(m.piecesAtX(left + 199), (Range{597, 600}));
    QVERIFY(m.piecesAtX(left - 1).isEmpty());
    QVERIFY(m.piecesAtX(left + 200).isEmpty());
    for (int x = 0; x < 200; ++x)
        QCOMPARE(m.piecesAtX(left + x), piecebins::piecesForColumn(x, 200, 600));
}

void tst_SwarmMatrix::fewerPiecesThanPixels()
{
    SwarmMatrix m;
    shape(m, 200);
    m.setDetail(swarmtest::detail(50, {peer(1, 50)}));
    const int left = m.gridRect().left();
    // Each piece spans four columns.
    QCOMPARE(m.piecesAtX(left + 0), (Range{0, 1}));
    QCOMPARE(m.piecesAtX(left + 3), (Range{0, 1}));
    QCOMPARE(m.piecesAtX(left + 4), (Range{1, 2}));
    QCOMPARE(m.piecesAtX(left + 199), (Range{49, 50}));
}

void tst_SwarmMatrix::rowsUnderPoints()
{
    SwarmMatrix m;
    shape(m, 300);
    m.setDetail(swarmtest::detail(300, {peer(1, 300), peer(2, 300), peer(3, 300)}));
    QCOMPARE(m.rowAt(m.ownRect().center().y()), SwarmMatrix::OwnRow);
    QCOMPARE(m.rowAt(m.rarityRect().center().y()), SwarmMatrix::RarityRow);
    const QRect grid = m.gridRect();
    const double h = m.rowHeight();
    QVERIFY(h >= 2);
    QCOMPARE(grid.height(), static_cast<int>(std::ceil(3 * h)));
    for (int row = 0; row < 3; ++row) {
        const int y = grid.top() + static_cast<int>(row * h + h / 2);
        QCOMPARE(m.rowAt(y), row);
    }
    QCOMPARE(m.rowAt(grid.top() + static_cast<int>(3 * h) + 1), SwarmMatrix::NoRow);
    QCOMPARE(m.rowAt(0), SwarmMatrix::NoRow);
    // Many neighbours in little height: rows get thinner but every one is still addressed.
    QList<PeerSnapshot> many;
    for (int i = 0; i < 150; ++i)
        many << peer(i, 300);
    m.setDetail(swarmtest::detail(300, many));
    QVERIFY(m.rowHeight() < 2);
    QCOMPARE(m.rowAt(m.gridRect().top()), 0);
    QCOMPARE(m.rowAt(static_cast<int>(m.gridRect().top() + 149.5 * m.rowHeight())), 149);
}

void tst_SwarmMatrix::rowsStayPut()
{
    SwarmMatrix m;
    m.resize(600, 400);
    m.setDetail(swarmtest::detail(10, {peer(1, 10), peer(2, 10), peer(3, 10)}));
    // A new snapshot lists peers in another order, one left, one arrived.
    m.setDetail(swarmtest::detail(10, {peer(4, 10), peer(3, 10), peer(1, 10)}));
    QCOMPARE(m.neighbourCount(), 3);
    QCOMPARE(m.peerKeyAtRow(0), keyOf(1));
    QCOMPARE(m.peerKeyAtRow(1), keyOf(3));
    QCOMPARE(m.peerKeyAtRow(2), keyOf(4));
    m.setDetail(nullptr);
    QCOMPARE(m.neighbourCount(), 0);
}

void tst_SwarmMatrix::cellToolTip()
{
    SwarmMatrix m;
    shape(m, 100);
    PeerSnapshot p = peer(5, 300);
    p.pieces.set(30);
    p.pieces.set(31);
    p.piecesWeRequest = {31, 200};
    p.piecesItRequests = {32};
    PeerSnapshot other = peer(6, 300);
    other.pieces.fill(true);
    auto d = swarmtest::detail(300, {p, other});
    d->have.set(30);
    d->have.set(32);
    d->downloadingPieces = {31};
    m.setDetail(d);
    const int x = m.gridRect().left() + 10; // pieces 30..32
    const int row0 = m.gridRect().top() + 1;
    const QString tip = m.toolTipAt({x, row0});
    QVERIFY2(tip.contains(keyOf(5) + QStringLiteral(" (Client 5)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Pieces 30–32 (3)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("It has 2 of them; we have 1 of those too")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("We request 1 of them from it; it downloads 1 of them from us")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Copies among neighbours: 1 to 2 (mean 1.7)")), qPrintable(tip));

    const QString own = m.toolTipAt({x, m.ownRect().center().y()});
    QVERIFY2(own.contains(QStringLiteral("We have 2 of them; 1 downloading")), qPrintable(own));
    const QString rarity = m.toolTipAt({x, m.rarityRect().center().y()});
    QVERIFY2(rarity.startsWith(QStringLiteral("Rarity")), qPrintable(rarity));
    QVERIFY(m.toolTipAt({m.gridRect().left() - 3, row0}).isEmpty());
}

void tst_SwarmMatrix::cellColours()
{
    SwarmMatrix m;
    shape(m, 100);
    PeerSnapshot p = peer(1, 100); // one piece per column
    p.pieces.fill(true);
    p.piecesWeRequest = {40};
    p.piecesItRequests = {60};
    auto d = swarmtest::detail(100, {p});
    d->have.set(20);
    m.setDetail(d);
    const QImage shot = m.grab().toImage();
    const SwarmColors c = SwarmColors::forPalette(m.palette());
    const int y = m.gridRect().top() + static_cast<int>(m.rowHeight() / 2);
    const auto at = [&](int piece) { return QColor(shot.pixel(m.gridRect().left() + piece, y)).name(); };
    // A single copy everywhere: the full rarity tint underneath, which "it has" covers fully.
    QCOMPARE(at(10), c.theyHave.name());
    QCOMPARE(at(20), c.bothHave.name());
    // One piece per column: a request in it is the whole column.
    QCOMPARE(at(40), c.weRequest.name());
    QCOMPARE(at(60), c.theyRequest.name());
    const int ownY = m.ownRect().center().y();
    QCOMPARE(QColor(shot.pixel(m.gridRect().left() + 20, ownY)).name(), c.have.name());
    QCOMPARE(QColor(shot.pixel(m.gridRect().left() + 21, ownY)).name(), c.background.name());
    // Five pieces per column, one requested: a mark of at least 3 px in the full colour.
    shape(m, 20);
    const QImage narrow = m.grab().toImage();
    const auto narrowAt = [&](int x) { return QColor(narrow.pixel(m.gridRect().left() + x, y)).name(); };
    QCOMPARE(narrowAt(7), c.weRequest.name());
    QCOMPARE(narrowAt(8), c.weRequest.name());
    QCOMPARE(narrowAt(9), c.weRequest.name());
    QCOMPARE(narrowAt(5), c.theyHave.name());
}

void tst_SwarmMatrix::rendersOnlyWhenNeeded()
{
    SwarmMatrix m;
    m.resize(500, 300);
    m.setDetail(swarmtest::detail(1000, {peer(1, 1000)}));
    m.grab();
    m.grab();
    QCOMPARE(m.renderCount(), 1);
    m.resize(500, 400); // taller: rows scale, the image stays
    m.grab();
    QCOMPARE(m.renderCount(), 1);
    m.resize(600, 400); // wider: new bins
    m.grab();
    QCOMPARE(m.renderCount(), 2);
    m.setDetail(swarmtest::detail(1000, {peer(1, 1000), peer(2, 1000)}));
    m.grab();
    QCOMPARE(m.renderCount(), 3);
}

void tst_SwarmMatrix::zeroPieces()
{
    SwarmMatrix m;
    m.resize(500, 300);
    m.grab(); // nothing at all
    m.setDetail(swarmtest::detail(0, {peer(1, 0), peer(2, 0)})); // a magnet without metadata
    QVERIFY(!m.grab().isNull());
    QCOMPARE(m.pieceCount(), 0);
    QVERIFY(m.piecesAtX(m.gridRect().center().x()).isEmpty());
    QVERIFY(m.toolTipAt(m.gridRect().center()).isEmpty());
    // A peer whose bitfield has not arrived, next to one that has.
    m.setDetail(swarmtest::detail(40, {peer(1, 0), peer(2, 40)}));
    QVERIFY(!m.grab().isNull());
}

void tst_SwarmMatrix::largeSwarmTiming()
{
    constexpr int pieces = 20000;
    constexpr int neighbours = 200;
    QRandomGenerator rng(1);
    QList<PeerSnapshot> list;
    for (int i = 0; i < neighbours; ++i) {
        PeerSnapshot p = peer(i, pieces);
        const int have = rng.bounded(pieces);
        for (int k = 0; k < have; ++k)
            p.pieces.set(rng.bounded(pieces));
        for (int k = 0; k < 8; ++k) {
            p.piecesWeRequest << rng.bounded(pieces);
            p.piecesItRequests << rng.bounded(pieces);
        }
        list << p;
    }
    auto d = swarmtest::detail(pieces, list);
    for (int k = 0; k < pieces / 2; ++k)
        d->have.set(rng.bounded(pieces));

    SwarmMatrix m;
    m.resize(1600, 900);
    QElapsedTimer timer;
    timer.start();
    m.setDetail(d);
    m.grab();
    const qint64 first = timer.nsecsElapsed();
    // The next snapshot: same shape, new data.
    list[0].pieces.set(0);
    auto next = swarmtest::detail(pieces, list);
    next->have = d->have;
    timer.restart();
    m.setDetail(next);
    m.grab();
    const qint64 update = timer.nsecsElapsed();
    timer.restart();
    m.grab(); // repaint of unchanged data: no render
    const qint64 repaint = timer.nsecsElapsed();
    qDebug("SwarmMatrix %d neighbours x %d pieces, grid %d px: first %.1f ms, update %.1f ms, repaint %.1f ms",
           neighbours, pieces, m.gridRect().width(), static_cast<double>(first) / 1e6,
           static_cast<double>(update) / 1e6, static_cast<double>(repaint) / 1e6);
    QCOMPARE(m.renderCount(), 2);
    QCOMPARE(m.neighbourCount(), neighbours);
}

QTEST_MAIN(tst_SwarmMatrix)
#include "tst_swarmmatrix.moc"
