#include "swarm/ringlayout.h"
#include "swarm/swarmgraph.h"
#include "swarmfixtures.h"

#include <QDir>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include <cmath>
#include <numbers>

using namespace swarmscope;
using namespace swarmscope::ui;
using swarmtest::keyOf;
using swarmtest::peer;
using session::PeerSnapshot;

class tst_SwarmGraph : public QObject {
    Q_OBJECT

private slots:
    void ringSpreadsNewcomers();
    void ringGrowsWithoutMoving();
    void ringReusesAndShrinks();
    void ringChurnKeepsAngles();
    void positionsStableAcrossUpdates();
    void nodeUnderPoint();
    void toolTips();
    void edgeWidths();
    void animatesAndDropsLeavers();
    void paintsEdgeCases();
    void legendFitsEveryWidth_data();
    void legendFitsEveryWidth();
};

namespace {

QStringList names(int from, int to)
{
    QStringList out;
    for (int i = from; i < to; ++i)
        out << QStringLiteral("k%1").arg(i);
    return out;
}

QList<PeerSnapshot> peersFor(const QList<int> &ids)
{
    QList<PeerSnapshot> out;
    for (int id : ids) {
        PeerSnapshot p = peer(id, 64);
        for (int i = 0; i < id % 64; ++i)
            p.pieces.set(i);
        p.downloadRate = id * 1000.0;
        p.peerChoking = id % 3 == 0;
        p.amChoking = id % 2 == 0;
        p.regularSlot = id % 5 == 1;
        p.optimistic = id == 7;
        p.seed = id % 11 == 0;
        out << p;
    }
    return out;
}

QList<int> range(int from, int to)
{
    QList<int> out;
    for (int i = from; i < to; ++i)
        out << i;
    return out;
}

// Pseudo-localisation: every SwarmGraph text said twice, longer than any real translation, so
// the legend is tried with texts like German or French ones without depending on a catalogue.
class DoublingTranslator : public QTranslator {
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (!QByteArray(context).contains("SwarmGraph"))
            return {};
        const QString s = QString::fromUtf8(source);
        return s + QLatin1Char(' ') + s;
    }
    bool isEmpty() const override { return false; }
};

const QStringList kEnglishLegend = {
    QStringLiteral("to us"),       QStringLiteral("from us"), QStringLiteral("dashed: choked"),
    QStringLiteral("upload slot"), QStringLiteral("optimistic"), QStringLiteral("seed"),
    QStringLiteral("snubbed"),
};

bool elided(const QString &text) { return text.endsWith(QChar(0x2026)); }

} // namespace

void tst_SwarmGraph::ringSpreadsNewcomers()
{
    RingLayout ring;
    ring.update({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
    QCOMPARE(ring.capacity(), 8);
    // Bit-reversed order: top, bottom, right, left.
    QCOMPARE(ring.slotOf(QStringLiteral("a")), 0);
    QCOMPARE(ring.slotOf(QStringLiteral("b")), 4);
    QCOMPARE(ring.slotOf(QStringLiteral("c")), 2);
    QCOMPARE(ring.slotOf(QStringLiteral("d")), 6);
    QCOMPARE(ring.angleOf(QStringLiteral("c")), std::numbers::pi / 2);
    QVERIFY(std::isnan(ring.angleOf(QStringLiteral("zz"))));
}

void tst_SwarmGraph::ringGrowsWithoutMoving()
{
    RingLayout ring;
    ring.update(names(0, 8));
    QHash<QString, double> before;
    for (const QString &k : names(0, 8))
        before.insert(k, ring.angleOf(k));
    ring.update(names(0, 20));
    QCOMPARE(ring.capacity(), 32);
    for (const QString &k : names(0, 8))
        QCOMPARE(ring.angleOf(k), before.value(k));
}

void tst_SwarmGraph::ringReusesAndShrinks()
{
    RingLayout ring;
    ring.update(names(0, 6));
    const int freed = ring.slotOf(QStringLiteral("k2"));
    QStringList keys = names(0, 6);
    keys.removeAll(QStringLiteral("k2"));
    keys << QStringLiteral("new");
    ring.update(keys);
    QCOMPARE(ring.slotOf(QStringLiteral("new")), freed);

    // Grow to 64 slots, then let only even-slot keys stay: the ring halves, angles stay.
    ring.update(names(0, 40));
    QCOMPARE(ring.capacity(), 64);
    QStringList evens;
    for (const QString &k : names(0, 40))
        if (ring.slotOf(k) % 8 == 0)
            evens << k;
    QHash<QString, double> before;
    for (const QString &k : evens)
        before.insert(k, ring.angleOf(k));
    ring.update(evens);
    QVERIFY(ring.capacity() < 64);
    for (const QString &k : evens)
        QCOMPARE(ring.angleOf(k), before.value(k));
}

void tst_SwarmGraph::ringChurnKeepsAngles()
{
    RingLayout ring;
    QRandomGenerator rng(3);
    QHash<QString, double> last;
    for (int round = 0; round < 300; ++round) {
        QStringList keys;
        const int population = 1 + rng.bounded(round % 50 < 25 ? 40 : 220);
        for (int i = 0; i < 250; ++i)
            if (static_cast<int>(rng.bounded(250)) < population)
                keys << QStringLiteral("p%1").arg(i);
        ring.update(keys);
        QSet<int> used;
        for (const QString &k : keys) {
            QVERIFY(ring.slotOf(k) >= 0 && ring.slotOf(k) < ring.capacity());
            used.insert(ring.slotOf(k));
            if (last.contains(k))
                QCOMPARE(ring.angleOf(k), last.value(k));
        }
        QCOMPARE(used.size(), keys.size()); // nobody shares a place
        QCOMPARE(ring.size(), keys.size());
        last.clear();
        for (const QString &k : keys)
            last.insert(k, ring.angleOf(k));
    }
}

void tst_SwarmGraph::positionsStableAcrossUpdates()
{
    SwarmGraph g;
    g.setAnimationEnabled(false);
    g.resize(900, 700);
    g.setDetail(swarmtest::detail(64, peersFor(range(0, 12))));
    QHash<QString, QPointF> before;
    for (int id = 0; id < 12; ++id)
        before.insert(keyOf(id), g.nodePosition(keyOf(id)));
    // Some leave, many arrive (the ring grows twice), order shuffled.
    QList<int> next = range(20, 60);
    next << 11 << 3 << 5 << 0;
    g.setDetail(swarmtest::detail(64, peersFor(next)));
    for (int id : {0, 3, 5, 11}) {
        const QPointF p = g.nodePosition(keyOf(id));
        QVERIFY(qFuzzyCompare(p.x(), before.value(keyOf(id)).x()));
        QVERIFY(qFuzzyCompare(p.y(), before.value(keyOf(id)).y()));
    }
    QVERIFY(std::isnan(g.nodePosition(keyOf(1)).x())); // gone
    QCOMPARE(g.keys().size(), next.size());

    // Positions lie on the ring and nodes do not overlap.
    const QStringList keys = g.keys();
    for (int i = 0; i < keys.size(); ++i)
        for (int j = i + 1; j < keys.size(); ++j) {
            const QPointF d = g.nodePosition(keys[i]) - g.nodePosition(keys[j]);
            QVERIFY(std::hypot(d.x(), d.y()) > 2 * g.nodeRadius());
        }
}

void tst_SwarmGraph::nodeUnderPoint()
{
    SwarmGraph g;
    g.setAnimationEnabled(false);
    g.resize(800, 600);
    g.setDetail(swarmtest::detail(64, peersFor(range(1, 31))));
    for (int id = 1; id < 31; ++id) {
        const QPointF p = g.nodePosition(keyOf(id));
        QCOMPARE(g.nodeAt(p), keyOf(id));
        QCOMPARE(g.nodeAt(p + QPointF(g.nodeRadius() * 0.7, 0)), keyOf(id));
    }
    QVERIFY(g.nodeAt(g.centre()).isEmpty());
    QVERIFY(g.isCentreAt(g.centre()));
    QVERIFY(!g.isCentreAt(g.nodePosition(keyOf(1))));
    QVERIFY(g.nodeAt({1, 1}).isEmpty());
}

void tst_SwarmGraph::toolTips()
{
    SwarmGraph g;
    g.setAnimationEnabled(false);
    g.resize(800, 600);
    QList<PeerSnapshot> list = peersFor({7, 12});
    list[0].downloadRate = 2048;
    list[0].uploadRate = 0;
    list[0].uploaded = 5 * 1024 * 1024;
    list[0].peerChoking = false;
    auto d = swarmtest::detail(64, list);
    d->have.set(0);
    g.setDetail(d);
    const QString tip = g.toolTipAt(g.nodePosition(keyOf(7)));
    QVERIFY2(tip.startsWith(keyOf(7) + QStringLiteral(" (Client 7)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Receiving 2.00 KiB/s from it, sending 0 B/s to it")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("sent 5.00 MiB")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("It unchoked us")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("optimistic unchoke")), qPrintable(tip));
    const QString us = g.toolTipAt(g.centre());
    QVERIFY2(us.contains(QStringLiteral("2 neighbour(s)")) || us.contains(QStringLiteral("2 neighbours")), qPrintable(us));
    QVERIFY2(us.contains(QStringLiteral("We have 1 of 64 pieces")), qPrintable(us));
    QVERIFY(g.toolTipAt({2, 2}).isEmpty());
}

void tst_SwarmGraph::edgeWidths()
{
    QCOMPARE(SwarmGraph::edgeWidth(0), 0.0);
    QCOMPARE(SwarmGraph::edgeWidth(-5), 0.0);
    QCOMPARE(SwarmGraph::edgeWidth(1024), 1.0 + std::log10(2.0) * 1.6);
    double previous = 0;
    for (double rate = 100; rate < 1e10; rate *= 3) {
        const double w = SwarmGraph::edgeWidth(rate);
        QVERIFY(w >= previous);
        QVERIFY(w <= 10.0);
        previous = w;
    }
}

void tst_SwarmGraph::animatesAndDropsLeavers()
{
    SwarmGraph g;
    g.resize(600, 500);
    g.show();
    QVERIFY(QTest::qWaitForWindowExposed(&g));
    g.setDetail(swarmtest::detail(64, peersFor({1, 2, 3})));
    QVERIFY(g.isAnimating());
    QTRY_VERIFY_WITH_TIMEOUT(!g.isAnimating(), 3000);
    const QPointF two = g.nodePosition(keyOf(2));
    g.setDetail(swarmtest::detail(64, peersFor({1, 3, 4})));
    QVERIFY(g.isAnimating());
    // The leaver is no longer a target at once, but keeps its place while it fades...
    QVERIFY(!g.keys().contains(keyOf(2)));
    QVERIFY(g.nodeAt(two).isEmpty());
    QVERIFY(!std::isnan(g.nodePosition(keyOf(2)).x()));
    QVERIFY(g.nodePosition(keyOf(4)) != two);
    // ...and is gone once the animation ends.
    QTRY_VERIFY_WITH_TIMEOUT(!g.isAnimating(), 3000);
    QVERIFY(std::isnan(g.nodePosition(keyOf(2)).x()));
    QCOMPARE(g.keys().size(), 3);
}

void tst_SwarmGraph::paintsEdgeCases()
{
    SwarmGraph g;
    g.setAnimationEnabled(false);
    g.resize(500, 400);
    QVERIFY(!g.grab().isNull()); // no detail
    g.setDetail(swarmtest::detail(0, {})); // magnet, nobody connected
    QVERIFY(!g.grab().isNull());
    g.setDetail(swarmtest::detail(0, {peer(1, 0)}));
    QVERIFY(!g.grab().isNull());
    g.setDetail(swarmtest::detail(64, peersFor(range(0, 200))));
    QVERIFY(!g.grab().isNull());
    QCOMPARE(g.keys().size(), 200);
    g.resize(10, 10); // tiny: nothing may go negative
    QVERIFY(!g.grab().isNull());
}

void tst_SwarmGraph::legendFitsEveryWidth_data()
{
    QTest::addColumn<QString>("language"); // en, doubled (pseudo), catalogue (a .qm file), large (font)
    QTest::addColumn<int>("width");
    for (const char *language : {"en", "doubled", "catalogue", "large"})
        for (int width : {200, 320, 480, 900})
            QTest::addRow("%s-%d", language, width) << QString::fromLatin1(language) << width;
}

// However narrow the pane, however long the texts, the legend wraps whole entries onto more
// lines: nothing runs off the edge, nothing overlaps, and the ring stays above it.
void tst_SwarmGraph::legendFitsEveryWidth()
{
    QFETCH(QString, language);
    QFETCH(int, width);
    std::unique_ptr<QTranslator> translator;
    if (language == QLatin1String("doubled")) {
        translator = std::make_unique<DoublingTranslator>();
    } else if (language == QLatin1String("catalogue")) {
        // For looking at a real language: SWARMSCOPE_TEST_QM=<build>/translations/swarmscope_de.qm
        const QString qm = qEnvironmentVariable("SWARMSCOPE_TEST_QM");
        if (qm.isEmpty())
            QSKIP("SWARMSCOPE_TEST_QM names no catalogue");
        translator = std::make_unique<QTranslator>();
        QVERIFY2(translator->load(qm), qPrintable(qm));
    }
    if (translator)
        QVERIFY(QCoreApplication::installTranslator(translator.get()));
    const auto uninstall = qScopeGuard([&translator] {
        if (translator)
            QCoreApplication::removeTranslator(translator.get());
    });

    SwarmGraph g;
    if (language == QLatin1String("large")) {
        QFont big = g.font();
        big.setPointSizeF(std::max(big.pointSizeF(), 9.0) * 1.8);
        g.setFont(big);
    }
    g.setAnimationEnabled(false);
    g.resize(width, 420);
    g.setDetail(swarmtest::detail(64, peersFor(range(1, 13))));

    const QList<SwarmGraph::LegendEntry> entries = g.legendEntries();
    QCOMPARE(entries.size(), kEnglishLegend.size());
    const QRectF widget(g.rect());
    QSet<double> lines;
    double legendTop = widget.bottom();
    for (int i = 0; i < entries.size(); ++i) {
        const SwarmGraph::LegendEntry &e = entries[i];
        QVERIFY2(widget.contains(e.rect), qPrintable(e.text));
        QVERIFY(e.rect.width() > 0 && e.rect.height() > 0);
        for (int j = i + 1; j < entries.size(); ++j)
            QVERIFY2(!e.rect.intersects(entries[j].rect),
                     qPrintable(e.text + QLatin1String(" / ") + entries[j].text));
        // Whole texts; only an entry wider than a whole line may be shortened (never cut at the edge).
        if (language == QLatin1String("en"))
            QCOMPARE(e.text, kEnglishLegend[i]); // these all fit whole at 200 px
        else if (language == QLatin1String("large"))
            QVERIFY2(e.text == kEnglishLegend[i] || elided(e.text), qPrintable(e.text));
        else if (language == QLatin1String("doubled"))
            QVERIFY2(e.text == kEnglishLegend[i] + QLatin1Char(' ') + kEnglishLegend[i] || elided(e.text),
                     qPrintable(e.text));
        lines.insert(e.rect.top());
        legendTop = std::min(legendTop, e.rect.top());
    }
    // Lines are filled left to right, in order, and wrap only when the next entry (after the
    // legend's 12 px gap) would not fit within the 8 px margin.
    for (int i = 1; i < entries.size(); ++i) {
        const QRectF &a = entries[i - 1].rect;
        const QRectF &b = entries[i].rect;
        if (qFuzzyCompare(b.top(), a.top()))
            QVERIFY(b.left() > a.right());
        else
            QVERIFY2(b.top() > a.top() && a.right() + 12 + b.width() > widget.width() - 8, qPrintable(entries[i].text));
    }
    if (language == QLatin1String("en") && width == 900)
        QCOMPARE(lines.size(), 1); // wide panes keep the one-line legend
    if (width == 200)
        QVERIFY(lines.size() > 1);
    // The ring (nodes and us) shrinks to stay above the legend.
    for (const QString &key : g.keys())
        QVERIFY2(g.nodePosition(key).y() + g.nodeRadius() < legendTop, qPrintable(key));
    QVERIFY(g.centre().y() + g.centreRadius() < legendTop);

    const QString shots = qEnvironmentVariable("SWARMSCOPE_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(g.grab().save(
            QDir(shots).filePath(QStringLiteral("swarmgraph-legend-%1-%2.png").arg(language).arg(width))));
}

QTEST_MAIN(tst_SwarmGraph)
#include "tst_swarmgraph.moc"
