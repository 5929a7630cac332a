#include "swarm/ringlayout.h"
#include "swarm/swarmgraph.h"
#include "swarmfixtures.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

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

QTEST_MAIN(tst_SwarmGraph)
#include "tst_swarmgraph.moc"
