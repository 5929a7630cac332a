#include "swarm/piecebins.h"
#include "swarm/piecesbar.h"
#include "swarm/piecesbardelegate.h"
#include "swarmfixtures.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QStandardItemModel>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;
using piecebins::Range;
using swarmtest::bits;

Q_DECLARE_METATYPE(swarmscope::ui::piecebins::Range)

class tst_PiecesBar : public QObject {
    Q_OBJECT

private slots:
    void piecesForColumn_data();
    void piecesForColumn();
    void columnsAndPiecesAreInverse();
    void countSetMatchesNaive();
    void renderExactPixels_data();
    void renderExactPixels();
    void zeroPiecesNeverDivides();
    void mixRounds();
    void logicalToPhysicalColumns();
    void barRendersOnlyOnChange();
    void torrentBarColumns();
    void delegatePaintsAndCaches();
};

void tst_PiecesBar::piecesForColumn_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("pieces");
    QTest::addColumn<Range>("expected");
    QTest::newRow("4 in 2, first") << 0 << 2 << 4 << Range{0, 2};
    QTest::newRow("4 in 2, second") << 1 << 2 << 4 << Range{2, 4};
    QTest::newRow("10 in 4, x0") << 0 << 4 << 10 << Range{0, 2};
    QTest::newRow("10 in 4, x1") << 1 << 4 << 10 << Range{2, 5};
    QTest::newRow("10 in 4, x2") << 2 << 4 << 10 << Range{5, 7};
    QTest::newRow("10 in 4, x3") << 3 << 4 << 10 << Range{7, 10};
    QTest::newRow("3 in 7, x2 stretches piece 0") << 2 << 7 << 3 << Range{0, 1};
    QTest::newRow("3 in 7, x3 is piece 1") << 3 << 7 << 3 << Range{1, 2};
    QTest::newRow("3 in 7, x6 is piece 2") << 6 << 7 << 3 << Range{2, 3};
    QTest::newRow("no pieces") << 0 << 5 << 0 << Range{};
    QTest::newRow("no width") << 0 << 0 << 5 << Range{};
    QTest::newRow("outside") << 5 << 5 << 10 << Range{};
    QTest::newRow("negative") << -1 << 5 << 10 << Range{};
    QTest::newRow("large, no overflow") << 7999 << 8000 << 2000000 << Range{1999750, 2000000};
}

void tst_PiecesBar::piecesForColumn()
{
    QFETCH(int, x);
    QFETCH(int, width);
    QFETCH(int, pieces);
    QFETCH(Range, expected);
    const Range got = piecebins::piecesForColumn(x, width, pieces);
    QCOMPARE(got.first, expected.first);
    QCOMPARE(got.end, expected.end);
}

void tst_PiecesBar::columnsAndPiecesAreInverse()
{
    const QList<std::pair<int, int>> cases{{1, 1}, {7, 3}, {3, 7}, {10, 4}, {1000, 333}, {333, 1000}, {20000, 997}};
    for (const auto &[pieces, width] : cases) {
        int covered = 0;
        for (int x = 0; x < width; ++x) {
            const Range r = piecebins::piecesForColumn(x, width, pieces);
            QVERIFY(!r.isEmpty());
            for (int p = r.first; p < r.end; ++p) {
                const Range cols = piecebins::columnsForPiece(p, width, pieces);
                QVERIFY2(x >= cols.first && x < cols.end, qPrintable(QStringLiteral("%1/%2 x=%3 p=%4").arg(pieces).arg(width).arg(x).arg(p)));
            }
            if (pieces >= width) {
                // Bins partition the pieces: each starts where the previous ended.
                QCOMPARE(r.first, covered);
                covered = r.end;
            }
        }
        if (pieces >= width)
            QCOMPARE(covered, pieces);
        for (int p = 0; p < pieces; ++p) {
            const Range cols = piecebins::columnsForPiece(p, width, pieces);
            QVERIFY(!cols.isEmpty());
            for (int x = cols.first; x < cols.end; ++x) {
                const Range r = piecebins::piecesForColumn(x, width, pieces);
                QVERIFY(p >= r.first && p < r.end);
            }
        }
    }
}

void tst_PiecesBar::countSetMatchesNaive()
{
    QRandomGenerator rng(42);
    Bitfield b(203);
    for (int i = 0; i < b.size(); ++i)
        if (rng.bounded(3) == 0)
            b.set(i);
    for (int trial = 0; trial < 500; ++trial) {
        const int first = rng.bounded(-5, 210);
        const int end = rng.bounded(-5, 215);
        int naive = 0;
        for (int i = first; i < end; ++i)
            naive += b.test(i) ? 1 : 0;
        QCOMPARE(piecebins::countSet(b, first, end), naive);
    }
    QCOMPARE(piecebins::countSet(b, 0, b.size()), b.count());
}

void tst_PiecesBar::renderExactPixels_data()
{
    QTest::addColumn<Bitfield>("pieces");
    QTest::addColumn<int>("width");
    QTest::addColumn<QList<QRgb>>("expected");
    const QRgb e = qRgb(0, 0, 0);
    const QRgb f = qRgb(200, 100, 40);
    QTest::newRow("4 pieces, 2 px") << bits(4, {0, 1, 2}) << 2 << QList<QRgb>{f, qRgb(100, 50, 20)};
    QTest::newRow("10 pieces, 4 px") << bits(10, {0, 2, 3, 4, 9}) << 4
                                     << QList<QRgb>{qRgb(100, 50, 20), f, e, qRgb(67, 33, 13)};
    QTest::newRow("3 pieces stretched over 6 px") << bits(3, {1}) << 6 << QList<QRgb>{e, e, f, f, e, e};
    QTest::newRow("all") << Bitfield(5, true) << 3 << QList<QRgb>{f, f, f};
}

void tst_PiecesBar::renderExactPixels()
{
    QFETCH(Bitfield, pieces);
    QFETCH(int, width);
    QFETCH(QList<QRgb>, expected);
    const QImage img = piecebins::renderBitfield(pieces, width, QColor(0, 0, 0), QColor(200, 100, 40));
    QCOMPARE(img.width(), width);
    QCOMPARE(img.height(), 1);
    for (int x = 0; x < width; ++x)
        QCOMPARE(QColor(img.pixel(x, 0)).name(), QColor(expected[x]).name());
}

void tst_PiecesBar::zeroPiecesNeverDivides()
{
    const QImage img = piecebins::renderBitfield(Bitfield(), 8, Qt::white, Qt::black);
    for (int x = 0; x < 8; ++x)
        QCOMPARE(img.pixel(x, 0), QColor(Qt::white).rgb());
    QVERIFY(piecebins::columnsForPiece(0, 8, 0).isEmpty());
    QCOMPARE(piecebins::columnCounts({0, 3}, 8, 0), QList<int>(8, 0));
    QCOMPARE(piecebins::meanOf({}, {0, 4}), 0.0);

    PiecesBar bar;
    bar.resize(100, 12);
    QVERIFY(!bar.grab().isNull());
    QVERIFY(bar.toolTipAt(50).contains(QStringLiteral("No piece information")));

    TorrentPiecesBar torrentBar;
    torrentBar.resize(100, 16);
    torrentBar.setPieces({});
    QVERIFY(!torrentBar.grab().isNull());
    QVERIFY(torrentBar.toolTipAt(10).contains(QStringLiteral("No piece information")));
}

void tst_PiecesBar::mixRounds()
{
    QCOMPARE(piecebins::mix(QColor(0, 0, 0), QColor(255, 255, 255), 0.5), QColor(128, 128, 128));
    QCOMPARE(piecebins::mix(QColor(10, 20, 30), QColor(110, 220, 130), 0.0), QColor(10, 20, 30));
    QCOMPARE(piecebins::mix(QColor(10, 20, 30), QColor(110, 220, 130), 7.0), QColor(110, 220, 130));
}

void tst_PiecesBar::logicalToPhysicalColumns()
{
    // A 5-px bar on a 2x screen has 10 columns; logical pixel 0 covers columns 0 and 1.
    QCOMPARE(barpaint::physicalWidth(5, 2.0), 10);
    const Range r = barpaint::piecesAtLogicalX(0, 5, 2.0, 20);
    QCOMPARE(r.first, 0);
    QCOMPARE(r.end, 4);
    const Range last = barpaint::piecesAtLogicalX(4, 5, 2.0, 20);
    QCOMPARE(last.first, 16);
    QCOMPARE(last.end, 20);
    QVERIFY(barpaint::piecesAtLogicalX(5, 5, 2.0, 20).isEmpty());
    QCOMPARE(barpaint::piecesAtLogicalX(2, 5, 1.0, 20).first, 8);
}

void tst_PiecesBar::barRendersOnlyOnChange()
{
    PiecesBar bar;
    bar.resize(102, 12); // 100 px of bar inside the frame
    bar.setPieces(bits(200, {0, 1, 2, 3}));
    bar.grab();
    QCOMPARE(bar.renderCount(), 1);
    bar.grab();
    bar.setPieces(bits(200, {0, 1, 2, 3})); // equal data: nothing to redo
    bar.grab();
    QCOMPARE(bar.renderCount(), 1);
    bar.setPieces(bits(200, {0, 1, 2, 3, 199}));
    const QImage shot = bar.grab().toImage();
    QCOMPARE(bar.renderCount(), 2);
    // The first bin (pieces 0 and 1) is full, the middle is empty.
    const SwarmColors colors = SwarmColors::forPalette(bar.palette());
    QCOMPARE(QColor(shot.pixel(1, 6)).name(), colors.theyHave.name());
    QCOMPARE(QColor(shot.pixel(50, 6)).name(), colors.background.name());
    QVERIFY(bar.toolTipAt(1).contains(QStringLiteral("Pieces 0–1 (2): 2 present")));
    bar.resize(202, 12); // more columns: a new strip
    bar.grab();
    QCOMPARE(bar.renderCount(), 3);
}

void tst_PiecesBar::torrentBarColumns()
{
    const SwarmColors colors = SwarmColors::forPalette(QPalette());
    TorrentPieces t;
    t.have = bits(4, {0});
    t.downloading = {1};
    t.availability = {3, 2, 1, 0};
    QCOMPARE(TorrentBarImage::ownColumn(t, {0, 1}, 0, colors), colors.have);
    QCOMPARE(TorrentBarImage::ownColumn(t, {2, 3}, 0, colors), colors.background);
    QCOMPARE(TorrentBarImage::ownColumn(t, {1, 2}, 1, colors), colors.downloading);
    // Nobody has piece 3 and neither do we: unavailable. Piece 2 has the fewest copies (1): full
    // rarity; piece 0 the most (3): none; piece 1 half-way.
    const piecebins::Spread spread = piecebins::availabilitySpread(t.availability);
    QCOMPARE(spread.fewest, 1);
    QCOMPARE(spread.most, 3);
    QCOMPARE(TorrentBarImage::availabilityColumn(t, {3, 4}, spread, colors), colors.unavailable);
    QCOMPARE(TorrentBarImage::availabilityColumn(t, {2, 3}, spread, colors), colors.rare);
    QCOMPARE(TorrentBarImage::availabilityColumn(t, {1, 2}, spread, colors),
             piecebins::mix(colors.background, colors.rare, 0.5));
    QCOMPARE(TorrentBarImage::availabilityColumn(t, {0, 1}, spread, colors), colors.background);
    // When every piece has as many copies, scarcity is absolute: one copy is rare, four are not.
    QCOMPARE(piecebins::rarity(1.0, {1, 1}), 1.0);
    QCOMPARE(piecebins::rarity(4.0, {4, 4}), 0.25);
    QCOMPARE(piecebins::rarity(0.0, {}), 1.0);
    QCOMPARE(piecebins::availabilitySpread({0, 0}).most, 0);

    TorrentBarImage cache;
    const QImage img = cache.image(t, 4, colors);
    QCOMPARE(img.size(), QSize(4, 2));
    QCOMPARE(img.pixel(0, 0), colors.have.rgb());
    QCOMPARE(img.pixel(3, 1), colors.unavailable.rgb());
    cache.image(t, 4, colors);
    QCOMPARE(cache.renderCount(), 1);
    t.downloading = {1, 2};
    cache.image(t, 4, colors);
    QCOMPARE(cache.renderCount(), 2);
}

void tst_PiecesBar::delegatePaintsAndCaches()
{
    QStandardItemModel model(2, 1);
    constexpr int piecesRole = Qt::UserRole + 1;
    constexpr int keyRole = Qt::UserRole + 2;
    model.setData(model.index(0, 0), QVariant::fromValue(Bitfield(50, true)), piecesRole);
    model.setData(model.index(0, 0), QStringLiteral("a"), keyRole);
    model.setData(model.index(1, 0), QVariant::fromValue(Bitfield(50)), piecesRole);
    model.setData(model.index(1, 0), QStringLiteral("b"), keyRole);
    PiecesBarDelegate delegate(piecesRole, keyRole);

    QImage canvas(120, 40, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(Qt::white);
    QStyleOptionViewItem option;
    option.palette = QPalette();
    option.rect = QRect(0, 0, 120, 20);
    {
        QPainter p(&canvas);
        delegate.paint(&p, option, model.index(0, 0));
        option.rect = QRect(0, 20, 120, 20);
        delegate.paint(&p, option, model.index(1, 0));
        delegate.paint(&p, option, model.index(1, 0));
    }
    QCOMPARE(delegate.renderCount(), 2); // one strip per row, the repaint reused
    const SwarmColors colors = SwarmColors::forPalette(option.palette);
    QCOMPARE(QColor(canvas.pixel(60, 10)).name(), colors.theyHave.name());
    QCOMPARE(QColor(canvas.pixel(60, 30)).name(), colors.background.name());

    model.setData(model.index(1, 0), QVariant::fromValue(Bitfield(50, true)), piecesRole);
    {
        QPainter p(&canvas);
        delegate.paint(&p, option, model.index(1, 0));
    }
    QCOMPARE(delegate.renderCount(), 3);
    QCOMPARE(QColor(canvas.pixel(60, 30)).name(), colors.theyHave.name());
}

QTEST_MAIN(tst_PiecesBar)
#include "tst_piecesbar.moc"
