#include "rates/rateaxis.h"
#include "rates/rategraph.h"
#include "rates/ratehistory.h"
#include "swarmfixtures.h"

#include <QTest>

#include <cmath>

using namespace swarmscope;
using namespace swarmscope::ui;
using Direction = RateHistory::Direction;
using swarmtest::keyOf;

class tst_RateHistory : public QObject {
    Q_OBJECT

private slots:
    void seriesAveragesWithinASecond();
    void seriesGapsReadZero();
    void seriesForgetsBeyondCapacity();
    void sessionRecordedWithoutTorrents();
    void samplesAlignToNow();
    void timelineNeverRunsBackwards();
    void recordUsesTakenAt();
    void idleTorrentsCostNothing();
    void torrentExpiresAfterAQuietRing();
    void peersKeyedByAddressAndPort();
    void topPeersRankByDataMoved();
    void memoryStaysBounded();
    void niceAxisExamples_data();
    void niceAxisExamples();
    void niceAxisProperties();
    void timeTicks();
    void graphGeometry();
};

namespace {

metainfo::InfoHash hashOf(int n)
{
    return metainfo::InfoHash::fromBytes(QByteArray(20, static_cast<char>(n)));
}

session::TorrentSnapshot torrent(int n, double down, double up)
{
    session::TorrentSnapshot t;
    t.infoHash = hashOf(n);
    t.name = QStringLiteral("torrent %1").arg(n);
    t.downloadRate = down;
    t.uploadRate = up;
    return t;
}

session::SessionSnapshot sessionAt(double down, double up, QList<session::TorrentSnapshot> torrents = {})
{
    session::SessionSnapshot s;
    s.downloadRate = down;
    s.uploadRate = up;
    s.torrents = std::move(torrents);
    return s;
}

// A torrent with detail whose neighbour i sends `rates[i]` bytes/s.
session::TorrentSnapshot withPeers(int n, const QList<double> &rates)
{
    session::TorrentSnapshot t = torrent(n, 0, 0);
    QList<session::PeerSnapshot> peers;
    for (int i = 0; i < rates.size(); ++i) {
        session::PeerSnapshot p = swarmtest::peer(i, 8);
        p.downloadRate = rates[i];
        p.uploadRate = rates[i] / 2;
        t.downloadRate += rates[i];
        peers << p;
    }
    t.detail = swarmtest::detail(8, peers);
    return t;
}

} // namespace

void tst_RateHistory::seriesAveragesWithinASecond()
{
    RateSeries s(10);
    s.add(100, 1000);
    s.add(100, 3000);
    s.add(100, 2000);
    QCOMPARE(s.at(100), 2000.0);
    s.add(101, 500);
    QCOMPARE(s.at(101), 500.0);
    QCOMPARE(s.at(100), 2000.0);
    QCOMPARE(s.lastSecond(), qint64(101));
    QCOMPARE(s.lastActive(), qint64(101));
    s.add(101, -20); // negative rates count as zero: (500 + 0) / 2
    QCOMPARE(s.at(101), 250.0);
}

void tst_RateHistory::seriesGapsReadZero()
{
    RateSeries s(10);
    s.add(5, 100);
    s.add(6, 100);
    s.add(9, 300); // 7 and 8 missing
    QCOMPARE(s.at(6), 100.0);
    QCOMPARE(s.at(7), 0.0);
    QCOMPARE(s.at(8), 0.0);
    QCOMPARE(s.at(9), 300.0);
    QCOMPARE(s.at(10), 0.0); // the future
    s.add(8, 999);           // older than the newest: ignored
    QCOMPARE(s.at(8), 0.0);
    s.add(12, 0);
    QCOMPARE(s.lastActive(), qint64(9));
}

void tst_RateHistory::seriesForgetsBeyondCapacity()
{
    RateSeries s(4);
    for (int t = 0; t < 10; ++t)
        s.add(t, t * 10.0);
    QCOMPARE(s.at(5), 0.0); // overwritten by second 9
    QCOMPARE(s.at(6), 60.0);
    QCOMPARE(s.at(9), 90.0);
    s.add(100, 7); // a jump longer than the ring clears all of it
    for (int t = 97; t < 100; ++t)
        QCOMPARE(s.at(t), 0.0);
    QCOMPARE(s.at(100), 7.0);
    QCOMPARE(s.memoryBytes(), qint64(4 * sizeof(float)));
    QCOMPARE(RateSeries(3600).memoryBytes(), qint64(0)); // allocated on first write
}

void tst_RateHistory::sessionRecordedWithoutTorrents()
{
    RateHistory h(60);
    for (int t = 0; t < 5; ++t)
        h.record(sessionAt(1000.0 * t, 10.0 * t), 1000 + t);
    QCOMPARE(h.lastSecond(), qint64(1004));
    QCOMPARE(h.recordedSeconds(), 5);
    QCOMPARE(h.sessionRates(Direction::Download, 5), (QList<double>{0, 1000, 2000, 3000, 4000}));
    QCOMPARE(h.sessionRates(Direction::Upload, 3), (QList<double>{20, 30, 40}));
    QCOMPARE(h.torrentCount(), 0);
}

void tst_RateHistory::samplesAlignToNow()
{
    RateHistory h(60);
    h.record(sessionAt(5, 0), 10);
    h.record(sessionAt(7, 0), 11);
    // More than recorded: zeros before the first second, the last value is now.
    QCOMPARE(h.sessionRates(Direction::Download, 4), (QList<double>{0, 0, 5, 7}));
    QCOMPARE(h.sessionRates(Direction::Download, 1000).size(), 60); // clamped to capacity
    QCOMPARE(h.torrentRates(hashOf(9), Direction::Download, 3), (QList<double>{0, 0, 0}));
    QCOMPARE(h.peerRates(hashOf(9), QStringLiteral("1.2.3.4:5"), Direction::Upload, 2), (QList<double>{0, 0}));
}

void tst_RateHistory::timelineNeverRunsBackwards()
{
    RateHistory h(60);
    h.record(sessionAt(100, 0), 50);
    h.record(sessionAt(300, 0), 40); // clock stepped back: counts as second 50
    QCOMPARE(h.lastSecond(), qint64(50));
    QCOMPARE(h.sessionRates(Direction::Download, 1), QList<double>{200});
}

void tst_RateHistory::recordUsesTakenAt()
{
    RateHistory h(60);
    session::SessionSnapshot s = sessionAt(42, 0);
    s.takenAt = QDateTime::fromSecsSinceEpoch(1'700'000'000).addMSecs(750);
    h.record(s);
    QCOMPARE(h.lastSecond(), qint64(1'700'000'000));
    s.takenAt = s.takenAt.addMSecs(250); // the next second
    s.downloadRate = 8;
    h.record(s);
    QCOMPARE(h.sessionRates(Direction::Download, 2), (QList<double>{42, 8}));
}

void tst_RateHistory::idleTorrentsCostNothing()
{
    RateHistory h(60);
    QList<session::TorrentSnapshot> torrents;
    for (int i = 0; i < 100; ++i)
        torrents << torrent(i, i == 7 ? 500 : 0, 0);
    h.record(sessionAt(500, 0, torrents), 1);
    QCOMPARE(h.torrentCount(), 1);
    QVERIFY(h.hasTorrent(hashOf(7)));
    QCOMPARE(h.torrentRates(hashOf(7), Direction::Download, 1), QList<double>{500});
    QCOMPARE(h.torrentRates(hashOf(8), Direction::Download, 1), QList<double>{0});
}

void tst_RateHistory::torrentExpiresAfterAQuietRing()
{
    RateHistory h(10);
    h.record(sessionAt(0, 0, {torrent(1, 100, 50)}), 0);
    for (int t = 1; t <= 9; ++t) {
        h.record(sessionAt(0, 0), t); // the torrent is gone (removed) or idle
        QVERIFY2(h.hasTorrent(hashOf(1)), qPrintable(QString::number(t)));
    }
    QCOMPARE(h.torrentRates(hashOf(1), Direction::Upload, 10).first(), 50.0); // second 0, still held
    h.record(sessionAt(0, 0), 10); // second 0 falls out of the ring, and the torrent with it
    QVERIFY(!h.hasTorrent(hashOf(1)));
    QCOMPARE(h.torrentRates(hashOf(1), Direction::Upload, 10), QList<double>(10, 0.0));
}

void tst_RateHistory::peersKeyedByAddressAndPort()
{
    RateHistory h(60);
    h.record(sessionAt(0, 0, {withPeers(1, {1000, 0, 3000})}), 1);
    QCOMPARE(h.peerCount(hashOf(1)), 2); // the idle one has no series
    QCOMPARE(h.peerRates(hashOf(1), keyOf(0), Direction::Download, 1), QList<double>{1000});
    QCOMPARE(h.peerRates(hashOf(1), keyOf(2), Direction::Upload, 1), QList<double>{1500});
    QCOMPARE(h.peerRates(hashOf(1), keyOf(1), Direction::Download, 1), QList<double>{0});
    // The same torrent without detail (no longer watched): its own rate still counts.
    session::TorrentSnapshot plain = torrent(1, 900, 0);
    h.record(sessionAt(0, 0, {plain}), 2);
    QCOMPARE(h.torrentRates(hashOf(1), Direction::Download, 2), (QList<double>{4000, 900}));
    QCOMPARE(h.peerRates(hashOf(1), keyOf(0), Direction::Download, 2), (QList<double>{1000, 0}));
}

void tst_RateHistory::topPeersRankByDataMoved()
{
    RateHistory h(60);
    // Peer 0 is fast for one second, peer 1 steady, peer 2 slow, peer 3 idle.
    h.record(sessionAt(0, 0, {withPeers(1, {10000, 2000, 100, 0})}), 1);
    for (int t = 2; t <= 10; ++t)
        h.record(sessionAt(0, 0, {withPeers(1, {0, 2000, 100, 0})}), t);
    const QList<QString> all = h.topPeers(hashOf(1), Direction::Download, 10, 5);
    QCOMPARE(all, (QList<QString>{keyOf(1), keyOf(0), keyOf(2)})); // 20,000 > 10,000 > 1,000; idle left out
    QCOMPARE(h.topPeers(hashOf(1), Direction::Download, 10, 1), QList<QString>{keyOf(1)});
    // Over the last five seconds peer 0 moved nothing.
    QCOMPARE(h.topPeers(hashOf(1), Direction::Download, 5, 5), (QList<QString>{keyOf(1), keyOf(2)}));
    QVERIFY(h.topPeers(hashOf(2), Direction::Download, 10, 5).isEmpty());
    QVERIFY(h.topPeers(hashOf(1), Direction::Download, 10, 0).isEmpty());
}

void tst_RateHistory::memoryStaysBounded()
{
    const int capacity = 120;
    const int maxTorrents = 10;
    const int maxPeers = 8;
    RateHistory h(capacity, maxTorrents, maxPeers);
    // 30 busy torrents (the first three watched, with 20 neighbours each, replaced every five
    // seconds) for ten rings, at 4 Hz.
    for (int t = 0; t < capacity * 10; ++t) {
        QList<session::TorrentSnapshot> torrents;
        for (int n = 0; n < (t == 0 ? 3 : 30); ++n) {
            session::TorrentSnapshot tor = torrent(n, 1000 + n, 10);
            if (n < 3) {
                QList<session::PeerSnapshot> peers;
                for (int i = 0; i < 20; ++i) {
                    session::PeerSnapshot p = swarmtest::peer(i + (t / 5) * 20);
                    p.downloadRate = 100 + i;
                    peers << p;
                }
                tor.detail = swarmtest::detail(0, peers);
            }
            torrents << tor;
        }
        for (int k = 0; k < 4; ++k)
            h.record(sessionAt(1, 1, torrents), t);
    }
    QCOMPARE(h.torrentCount(), maxTorrents);
    QCOMPARE(h.recordedSeconds(), capacity);
    for (int n = 0; n < 30; ++n)
        QVERIFY(h.peerCount(hashOf(n)) <= maxPeers);
    const qint64 bound = qint64(2 + 2 * maxTorrents + 2 * maxTorrents * maxPeers) * capacity * qint64(sizeof(float));
    QVERIFY2(h.memoryBytes() <= bound, qPrintable(QStringLiteral("%1 > %2").arg(h.memoryBytes()).arg(bound)));
    QCOMPARE(h.recordedSeconds(), capacity);
    // Established series stay: the first three torrents were there before the crowd came.
    for (int n = 0; n < 3; ++n) {
        QVERIFY(h.hasTorrent(hashOf(n)));
        // The neighbours kept are current ones, not those that left seconds ago.
        QCOMPARE(h.peerCount(hashOf(n)), maxPeers);
        QCOMPARE(h.topPeers(hashOf(n), Direction::Download, 1, 100).size(), maxPeers);
    }

    RateHistory hour; // the default holds at least an hour
    QVERIFY(hour.capacity() >= 3600);
}

void tst_RateHistory::niceAxisExamples_data()
{
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("step");
    QTest::newRow("idle") << 0.0 << 1024.0 << 256.0;
    QTest::newRow("trickle") << 700.0 << 1024.0 << 256.0;
    QTest::newRow("nan") << std::nan("") << 1024.0 << 256.0;
    QTest::newRow("1.5 KiB/s") << 1536.0 << 1536.0 << 512.0;
    QTest::newRow("300 KiB/s") << 300.0 * 1024 << 300.0 * 1024 << 100.0 * 1024;
    QTest::newRow("310 KiB/s") << 310.0 * 1024 << 400.0 * 1024 << 100.0 * 1024;
    QTest::newRow("1000 KiB/s") << 1000.0 * 1024 << 1000.0 * 1024 << 500.0 * 1024;
    QTest::newRow("1020 KiB/s") << 1020.0 * 1024 << 1048576.0 << 524288.0; // not 1,500 KiB/s: counted in MiB
    QTest::newRow("10 MiB/s") << 10.0 * 1048576 << 10.0 * 1048576 << 5.0 * 1048576;
    QTest::newRow("just over 10 MiB/s") << 10.1 * 1048576 << 15.0 * 1048576 << 5.0 * 1048576;
    QTest::newRow("2 GiB/s") << 2.0 * 1073741824 << 2.0 * 1073741824 << 0.5 * 1073741824;
}

void tst_RateHistory::niceAxisExamples()
{
    QFETCH(double, max);
    QFETCH(double, top);
    QFETCH(double, step);
    const rateaxis::RateAxis axis = rateaxis::niceRateAxis(max);
    QCOMPARE(axis.top, top);
    QCOMPARE(axis.step, step);
}

void tst_RateHistory::niceAxisProperties()
{
    for (double max = 1024; max < 1e13; max *= 1.37) {
        for (int maxSteps : {3, 4, 6}) {
            const rateaxis::RateAxis a = rateaxis::niceRateAxis(max, maxSteps);
            const QString what = QStringLiteral("max %1, steps %2: top %3 step %4").arg(max).arg(maxSteps).arg(a.top).arg(a.step);
            QVERIFY2(a.top >= max * (1 - 1e-9), qPrintable(what));
            QVERIFY2(a.top < max + a.step, qPrintable(what)); // no empty step above the data
            QVERIFY2(a.steps() >= 1 && a.steps() <= maxSteps, qPrintable(what));
            QVERIFY2(std::abs(a.steps() * a.step - a.top) < a.step * 1e-9, qPrintable(what));
            // A round step in the IEC unit of the top label: 1, 2 or 5 times a power of ten.
            double unit = 1;
            while (a.top >= unit * 1024)
                unit *= 1024;
            const double scaled = a.step / unit;
            const double mantissa = scaled / std::pow(10.0, std::floor(std::log10(scaled) + 1e-12));
            QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9,
                     qPrintable(what));
        }
    }
}

void tst_RateHistory::timeTicks()
{
    QCOMPARE(rateaxis::timeTickInterval(60), 10);
    QCOMPARE(rateaxis::timeTickInterval(300), 60);
    QCOMPARE(rateaxis::timeTickInterval(3600), 600);
    QVERIFY(3600 / rateaxis::timeTickInterval(3600, 4) <= 4);
    QCOMPARE(rateaxis::timeTickLabel(0), QStringLiteral("now"));
    QCOMPARE(rateaxis::timeTickLabel(30), QStringLiteral("−30 s"));
    QCOMPARE(rateaxis::timeTickLabel(300), QStringLiteral("−5 min"));
    QCOMPARE(rateaxis::timeTickLabel(3600), QStringLiteral("−1 h"));
    QCOMPARE(rateaxis::timeTickLabel(5400), QStringLiteral("−1 h 30 min"));
}

void tst_RateHistory::graphGeometry()
{
    RateGraph g;
    g.resize(600, 300);
    QList<double> down(60, 0.0);
    down[59] = 3 * 1048576; // 3 MiB/s now
    down[0] = 1048576;
    g.setCurves({{QStringLiteral("Down"), Qt::green, down, Qt::SolidLine, true},
                 {QStringLiteral("Short"), Qt::red, {512.0, 1024.0}, Qt::SolidLine, false}},
                60);
    QCOMPARE(g.axis().top, 3.0 * 1048576);
    const QRect plot = g.plotRect();
    QVERIFY(plot.width() > 300 && plot.height() > 100);
    QCOMPARE(g.yFor(0), double(plot.bottom() + 1));
    QCOMPARE(g.yFor(g.axis().top), double(plot.top()));
    QCOMPARE(g.yFor(1e15), double(plot.top())); // clamped
    QCOMPARE(g.secondsAgoAt(plot.right() + 1), 0);
    QCOMPARE(g.secondsAgoAt(plot.left()), 59);
    QCOMPARE(g.secondsAgoAt(plot.left() - 5), -1);
    QCOMPARE(g.xFor(0), double(plot.right() + 1));
    QCOMPARE(g.valueAt(0, 0), 3.0 * 1048576);
    QCOMPARE(g.valueAt(0, 59), 1048576.0);
    QCOMPARE(g.valueAt(1, 1), 512.0); // short curves end at now
    QCOMPARE(g.valueAt(1, 2), 0.0);
    const QString tip = g.toolTipAt(QPoint(plot.right(), plot.center().y()));
    QVERIFY2(tip.contains(QStringLiteral("Down")) && tip.contains(QStringLiteral("Short")), qPrintable(tip));
    QVERIFY(g.toolTipAt(QPoint(plot.left() - 5, plot.center().y())).isEmpty());
    // Painting an hour into a narrow graph must work (binned per column).
    g.setCurves({{QStringLiteral("Hour"), Qt::blue, QList<double>(3600, 2048.0), Qt::SolidLine, false}}, 3600);
    g.resize(250, 200);
    QImage image(g.size(), QImage::Format_ARGB32);
    g.render(&image);
    QCOMPARE(g.axis().top, 2048.0);
}

QTEST_MAIN(tst_RateHistory)
#include "tst_ratehistory.moc"
