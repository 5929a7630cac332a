// The queue's decision (session/queuescheduler.h) on plain inputs. A queue is written as one
// letter per torrent, top first: D wants to download, S to seed, d and s the same but slow,
// '-' not the queue's to decide (paused, error, checking without a slot). The decisions come
// back as A (active), Q (queued) and '-' (left alone).
#include "session/queuescheduler.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::session;

namespace {

std::vector<QueueEntry> parse(const QString &queue)
{
    std::vector<QueueEntry> out;
    for (QChar c : queue) {
        QueueEntry e;
        switch (c.toLatin1()) {
        case 'D': e.want = QueueEntry::Want::Download; break;
        case 'S': e.want = QueueEntry::Want::Seed; break;
        case 'd': e.want = QueueEntry::Want::Download; e.slow = true; break;
        case 's': e.want = QueueEntry::Want::Seed; e.slow = true; break;
        default: e.want = QueueEntry::Want::None; break;
        }
        out.push_back(e);
    }
    return out;
}

QString format(const std::vector<QueueDecision> &decisions)
{
    QString out;
    for (QueueDecision d : decisions)
        out += d == QueueDecision::Active ? QLatin1Char('A') : d == QueueDecision::Queued ? QLatin1Char('Q') : QLatin1Char('-');
    return out;
}

} // namespace

class TestQueueScheduler : public QObject {
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void slowTimer();
};

void TestQueueScheduler::decisions_data()
{
    QTest::addColumn<QString>("queue");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("downloads");
    QTest::addColumn<int>("seeds");
    QTest::addColumn<int>("active");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << true << 3 << 3 << 5 << QString();
    QTest::newRow("off: everything runs") << QStringLiteral("DDDDDSSSS-") << false << 1 << 1 << 1
                                          << QStringLiteral("AAAAAAAAA-");
    QTest::newRow("qBittorrent defaults, 5 downloads") << QStringLiteral("DDDDD") << true << 3 << 3 << 5
                                                       << QStringLiteral("AAAQQ");
    QTest::newRow("top of the queue first") << QStringLiteral("DDDD") << true << 2 << 3 << 5 << QStringLiteral("AAQQ");
    QTest::newRow("seeds have their own limit") << QStringLiteral("SSSSDD") << true << 3 << 2 << 5
                                                << QStringLiteral("AAQQAA");
    QTest::newRow("downloads before seeds in the total") << QStringLiteral("SSSDDD") << true << 3 << 3 << 4
                                                         << QStringLiteral("AQQAAA");
    QTest::newRow("total caps downloads") << QStringLiteral("DDDD") << true << 5 << 5 << 2 << QStringLiteral("AAQQ");
    QTest::newRow("not managed: neither counts nor is queued") << QStringLiteral("-D-D-D") << true << 2 << 3 << 5
                                                               << QStringLiteral("-A-A-Q");
    QTest::newRow("unlimited downloads") << QStringLiteral("DDDDDD") << true << -1 << 3 << -1
                                         << QStringLiteral("AAAAAA");
    QTest::newRow("unlimited total, limited kinds") << QStringLiteral("DDDSSS") << true << 2 << 2 << -1
                                                    << QStringLiteral("AAQAAQ");
    QTest::newRow("zero downloads: seeds only") << QStringLiteral("DSDS") << true << 0 << 3 << 5
                                                << QStringLiteral("QAQA");
    QTest::newRow("zero total: nothing runs") << QStringLiteral("DS-") << true << 3 << 3 << 0 << QStringLiteral("QQ-");
    QTest::newRow("slow ones run and take no slot") << QStringLiteral("dDDD") << true << 2 << 3 << 5
                                                    << QStringLiteral("AAAQ");
    QTest::newRow("slow seed frees the total") << QStringLiteral("sSDD") << true << 2 << 1 << 3
                                               << QStringLiteral("AAAA");
    QTest::newRow("slow seed among full seeds") << QStringLiteral("SSsS") << true << 3 << 2 << 5
                                                << QStringLiteral("AAAQ");
}

void TestQueueScheduler::decisions()
{
    QFETCH(QString, queue);
    QFETCH(bool, enabled);
    QFETCH(int, downloads);
    QFETCH(int, seeds);
    QFETCH(int, active);
    QFETCH(QString, expected);
    const QueueLimits limits{enabled, downloads, seeds, active};
    QCOMPARE(format(scheduleQueue(parse(queue), limits)), expected);
}

void TestQueueScheduler::slowTimer()
{
    const TimePoint t0 = TimePoint{} + 1000s;
    SlowTimer timer;
    QVERIFY(!timer.update(true, true, t0, 60s));
    QVERIFY(!timer.update(true, true, t0 + 59s, 60s));
    QVERIFY(timer.update(true, true, t0 + 60s, 60s));
    // One fast moment starts it over.
    QVERIFY(!timer.update(true, false, t0 + 61s, 60s));
    QVERIFY(!timer.update(true, true, t0 + 62s, 60s));
    QVERIFY(!timer.update(true, true, t0 + 121s, 60s));
    QVERIFY(timer.update(true, true, t0 + 122s, 60s));
    // Not running (queued, paused): never slow, and it starts over when it runs again.
    QVERIFY(!timer.update(false, true, t0 + 200s, 60s));
    QVERIFY(!timer.update(true, true, t0 + 201s, 60s));
    QVERIFY(timer.update(true, true, t0 + 261s, 60s));
}

QTEST_GUILESS_MAIN(TestQueueScheduler)
#include "tst_queuescheduler.moc"
