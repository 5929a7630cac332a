// The demo swarm behind `swarmscope --demo`: a real tracker and real engines on 127.0.0.1.
// Our own engine (as the app's would) joins it and must download the payload from several of
// the demo peers, the demo leechers must start over after completing, and stop() must leave
// nothing behind. A small payload keeps it to seconds.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "demo/demopayload.h"
#include "demo/demoswarm.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using testutil::EngineNode;

namespace {

constexpr qint64 KiB = 1024;

demo::DemoSwarmOptions smallSwarm(const QString &workDir)
{
    demo::DemoSwarmOptions o;
    o.workDir = workDir;
    o.peerCount = 4;
    o.payloadSize = 4 * 1024 * KiB;
    o.pieceSize = 32 * KiB;
    // Caps low enough that no single peer can serve a download alone in the time it takes.
    o.seederUploadCap = 256 * KiB;
    o.minLeecherUploadCap = 128 * KiB;
    o.maxLeecherUploadCap = 512 * KiB;
    o.startStagger = std::chrono::milliseconds(200);
    o.seedTime = std::chrono::milliseconds(1000);
    o.restartDelay = std::chrono::milliseconds(300);
    o.seederCheckTimeout = std::chrono::milliseconds(20'000);
    return o;
}

int leechersWithData(const demo::DemoSwarm &swarm)
{
    int n = 0;
    for (const demo::DemoPeerStatus &s : swarm.status())
        n += !s.seeder && s.progress > 0;
    return n;
}

// A leecher that completed, was emptied and has pieces again.
bool restartedAndTrading(const demo::DemoSwarm &swarm)
{
    const QList<demo::DemoPeerStatus> all = swarm.status();
    return std::any_of(all.begin(), all.end(), [](const demo::DemoPeerStatus &s) {
        return !s.seeder && s.restarts >= 1 && s.active && s.progress > 0;
    });
}

} // namespace

class TestDemoSwarm : public QObject {
    Q_OBJECT

private slots:
    void payloadIsDeterministicVerifiedAndReused();
    void ourEngineTradesWithTheDemoPeers();
};

void TestDemoSwarm::payloadIsDeterministicVerifiedAndReused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::atomic<bool> cancel{false};
    const demo::PayloadSpec a{tmp.filePath(QStringLiteral("a")), 1024 * KiB, 16 * KiB};
    const demo::PayloadSpec b{tmp.filePath(QStringLiteral("b")), 1024 * KiB, 16 * KiB};
    QString error;

    const auto first = demo::preparePayload(a, cancel, &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->generated);
    QVERIFY(first->info.isPrivate);
    QVERIFY(first->info.trackerTiers.isEmpty());
    QVERIFY(first->info.pieceCount() > 60);
    QCOMPARE(first->info.files.size(), demo::payloadLayout(a.totalSize).size());

    // Another folder, the same bytes: the info-hash is the same on every machine and run.
    const auto other = demo::preparePayload(b, cancel, &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(other->info.infoHash, first->info.infoHash);

    // A second run reuses the verified files instead of writing them again.
    const QString part = QDir(a.folder).filePath(demo::payloadRootName() + QStringLiteral("/part-2.bin"));
    const QDateTime stamp = QFileInfo(part).lastModified();
    const auto reused = demo::preparePayload(a, cancel, &error);
    QVERIFY2(reused, qPrintable(error));
    QVERIFY(!reused->generated);
    QCOMPARE(reused->info.infoHash, first->info.infoHash);
    QCOMPARE(QFileInfo(part).lastModified(), stamp);

    // A damaged file is caught by the piece check and the payload written anew.
    QVERIFY(testutil::flipByteKeepingStamp(first->info, a.folder, first->info.totalSize / 2));
    QVERIFY(!demo::verifyPayload(first->info, a.folder, cancel));
    const auto repaired = demo::preparePayload(a, cancel, &error);
    QVERIFY2(repaired, qPrintable(error));
    QVERIFY(repaired->generated);
    QCOMPARE(repaired->info.infoHash, first->info.infoHash);
    QVERIFY(demo::verifyPayload(repaired->info, a.folder, cancel));
}

void TestDemoSwarm::ourEngineTradesWithTheDemoPeers()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    demo::DemoSwarm swarm(smallSwarm(tmp.filePath(QStringLiteral("demo"))));
    QSignalSpy readySpy(&swarm, &demo::DemoSwarm::ready);
    QSignalSpy failedSpy(&swarm, &demo::DemoSwarm::failed);
    QString error;
    QVERIFY2(swarm.start(&error), qPrintable(error));
    QVERIFY(swarm.isRunning());
    QVERIFY2(readySpy.wait(30'000), failedSpy.isEmpty() ? "no ready()" : qPrintable(failedSpy.first().first().toString()));

    const metainfo::TorrentInfo info = swarm.torrent();
    QVERIFY(info.infoHash.isValid());
    QVERIFY(info.isPrivate);
    QCOMPARE(info.trackers().size(), 1);
    QVERIFY(info.trackers().first().startsWith(QLatin1String("http://127.0.0.1:")));
    const QList<swarm::Endpoint> demoPeers = swarm.peers();
    QCOMPARE(demoPeers.size(), 5); // the seeder and four leechers
    for (const swarm::Endpoint &e : demoPeers)
        QCOMPARE(e.address, QHostAddress(QHostAddress::LocalHost));

    // The demo leechers trade among themselves before we join.
    QTRY_VERIFY_WITH_TIMEOUT(leechersWithData(swarm) >= 2, 20'000);

    EngineNode ours(tmp.filePath(QStringLiteral("our-state")), swarm.ourSavePath());
    QVERIFY2(ours.start(&error), qPrintable(error));
    ours.add(info, demoPeers);

    // Watch every snapshot: how many neighbours at once, and what each one gave us.
    int mostPeers = 0;
    QHash<QString, qint64> received;
    QElapsedTimer clock;
    clock.start();
    while (!ours.isSeeding(info.infoHash) && clock.elapsed() < 60'000) {
        if (const auto t = ours.torrent(info.infoHash); t && t->detail) {
            mostPeers = std::max(mostPeers, int(t->detail->peers.size()));
            for (const session::PeerSnapshot &p : t->detail->peers) {
                const QString key = QStringLiteral("%1:%2").arg(p.address.toString()).arg(p.port);
                received[key] = std::max(received.value(key), p.downloaded);
            }
        }
        QTest::qWait(50);
    }
    QVERIFY2(ours.isSeeding(info.infoHash), qPrintable(ours.describe(info.infoHash) + u'\n'
                                                       + ours.describePeers(info.infoHash)));
    QCOMPARE(testutil::compareTrees(info, swarm.payloadPath(), swarm.ourSavePath()), QString());
    QVERIFY2(mostPeers >= 2, qPrintable(QString::number(mostPeers)));
    int givers = 0;
    for (qint64 bytes : std::as_const(received))
        givers += bytes > 0;
    QVERIFY2(givers >= 2, qPrintable(QStringLiteral("data came from %1 peer(s)").arg(givers)));

    // Demo leechers that finish seed a moment, then start over empty and download again: the
    // swarm keeps trading. (Waiting for new data also lets the restart's `started` announce be
    // answered before stop() sends `stopped`.)
    QTRY_VERIFY_WITH_TIMEOUT(restartedAndTrading(swarm), 45'000);
    QVERIFY(swarm.restartCount() >= 1);
    QVERIFY(failedSpy.isEmpty());

    // Our engine leaves first (its `stopped` reaches the still-open tracker), then the demo.
    ours.stop();
    QElapsedTimer stopping;
    stopping.start();
    swarm.stop();
    QVERIFY2(stopping.elapsed() < 12'000, qPrintable(QString::number(stopping.elapsed())));
    QVERIFY(!swarm.isRunning());
    QVERIFY(swarm.peers().isEmpty());
    QCOMPARE(swarm.trackedPeerCount(), 0); // every engine said `stopped` and was heard
    for (const swarm::Endpoint &e : demoPeers) {
        QTcpSocket probe;
        probe.connectToHost(e.address, e.port);
        QVERIFY2(!probe.waitForConnected(1000), qPrintable(QString::number(e.port)));
    }
}

QTEST_GUILESS_MAIN(TestDemoSwarm)
#include "tst_demoswarm.moc"
