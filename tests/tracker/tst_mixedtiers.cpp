// BEP 12 tiers that mix UDP and HTTP, end to end with in-process engines (DHT off) on
// 127.0.0.1. The torrent's tiers: [udp://opentracker, http://embedded] and [http://<dead port>].
//   1. The embedded tracker is not up yet: each engine ends up on opentracker (moving on within
//      the tier at once when its shuffle put the HTTP tracker first), never on tier 2, and the
//      leecher finds the seeder there.
//   2. opentracker dies and the embedded tracker comes up, with a few registered peers: the
//      seeder, paused and resumed, announces to opentracker first (it answered last), gives up
//      after the UDP deadline and moves on to the embedded tracker in the same tier; meanwhile
//      the embedded tracker's counts reach the snapshot through a scrape alone. A new leecher
//      finds the seeder through the embedded tracker.
// Debian's opentracker is built in whitelist mode: the torrent's hash goes into its list (-w).
// Skipped with a message when opentracker is missing (packaging/dev.sh installs it).
#include "../session/enginetestnode.h"
#include "../session/sessiontestutil.h"
#include "tracker/embeddedtracker.h"
#include "tracker/udptrackerclient.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace swarmscope;
using namespace swarmscope::tracker;
using testutil::EngineNode;

namespace {

constexpr int kStepTimeoutMs = 30'000;
// The UDP deadline (30 s) plus room for the announce that follows it.
constexpr int kFailoverTimeoutMs = 50'000;

// A port free for both UDP and TCP on 127.0.0.1 (opentracker binds both).
quint16 freeUdpTcpPort()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::LocalHost, 0))
            continue;
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::LocalHost, udp.localPort()))
            return udp.localPort();
    }
    return 0;
}

std::optional<session::TrackerSnapshot> trackerOf(const EngineNode &node, const metainfo::InfoHash &hash,
                                                  const QString &url)
{
    const auto t = node.torrent(hash);
    if (!t || !t->detail)
        return std::nullopt;
    for (const session::TrackerSnapshot &s : t->detail->trackers)
        if (s.url == url)
            return s;
    return std::nullopt;
}

QString statusOf(const EngineNode &node, const metainfo::InfoHash &hash, const QString &url)
{
    const auto s = trackerOf(node, hash, url);
    return s ? s->status : QStringLiteral("(no snapshot)");
}

QString describeTrackers(const EngineNode &node, const metainfo::InfoHash &hash)
{
    const auto t = node.torrent(hash);
    if (!t || !t->detail)
        return QStringLiteral("(no detail)");
    QString out;
    for (const session::TrackerSnapshot &s : t->detail->trackers)
        out += QStringLiteral("\n  tier %1 %2: %3 [%4] seeds %5 peers %6 downloaded %7 last %8")
                   .arg(s.tier)
                   .arg(s.url, s.status, s.message)
                   .arg(s.seeds)
                   .arg(s.peers)
                   .arg(s.downloaded)
                   .arg(s.lastAnnounce.toString(Qt::ISODateWithMs));
    return out;
}

// Registers a peer at 127.0.0.200:<7000 + n> in the embedded tracker's registry, as if it had
// announced (nothing listens there: engines that try it are refused at once).
void addFakePeer(EmbeddedTracker &tracker, const metainfo::InfoHash &hash, int n, qint64 left)
{
    const QueryItems query{{"info_hash", hash.bytes()},
                           {"peer_id", "-FK0001-" + QByteArray::number(n).rightJustified(12, '0')},
                           {"port", QByteArray::number(7000 + n)},
                           {"uploaded", "0"},
                           {"downloaded", "0"},
                           {"left", QByteArray::number(left)},
                           {"event", "started"}};
    tracker.service().announce(query, QHostAddress(QStringLiteral("127.0.0.200")), Clock::now());
}

} // namespace

class TestMixedTiers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void udpAndHttpInOneTier();

private:
    bool startOpentracker(const QString &binary, const metainfo::InfoHash &hash);
    void stopOpentracker();

    QTemporaryDir m_dir;
    QProcess m_opentracker;
    QString m_udpUrl;
    std::optional<metainfo::TorrentInfo> m_info;
};

void TestMixedTiers::initTestCase()
{
    QString binary = QStandardPaths::findExecutable(QStringLiteral("opentracker"));
    if (binary.isEmpty())
        binary = QStandardPaths::findExecutable(QStringLiteral("opentracker"),
                                                {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
    if (binary.isEmpty())
        QSKIP("opentracker is not installed (apt-get install opentracker; packaging/dev.sh does it)");
    QVERIFY(m_dir.isValid());
    const QString seedDir = m_dir.filePath(QStringLiteral("seed"));
    QVERIFY(testutil::writeRandomFile(QDir(seedDir).filePath(QStringLiteral("payload.bin")), 1'500'000, 41));
    QString error;
    m_info = testutil::makeTorrent(QDir(seedDir).filePath(QStringLiteral("payload.bin")), 32 * 1024, {}, nullptr,
                                   &error);
    QVERIFY2(m_info, qPrintable(error));
    QVERIFY(startOpentracker(binary, m_info->infoHash));
}

void TestMixedTiers::cleanupTestCase()
{
    stopOpentracker();
}

bool TestMixedTiers::startOpentracker(const QString &binary, const metainfo::InfoHash &hash)
{
    // Run as root, opentracker chroots into -d and drops to "nobody", who must read the list.
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QFile list(m_dir.filePath(QStringLiteral("whitelist.txt")));
    if (!list.open(QIODevice::WriteOnly))
        return false;
    list.write(hash.toHex().toLatin1() + '\n');
    list.close();
    list.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);

    UdpTrackerClient probe(nullptr, 17);
    if (!probe.bind(QHostAddress::LocalHost))
        return false;
    // Another process may take the port between our probe and opentracker's bind: retry.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freeUdpTcpPort();
        m_opentracker.setProgram(binary);
        m_opentracker.setArguments({QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                    QString::number(port), QStringLiteral("-P"), QString::number(port),
                                    QStringLiteral("-d"), m_dir.path(), QStringLiteral("-w"),
                                    QStringLiteral("whitelist.txt")}); // read after the chroot
        m_opentracker.setProcessChannelMode(QProcess::MergedChannels);
        m_opentracker.start();
        if (!m_opentracker.waitForStarted(5000))
            return false;
        // Ready when a scrape of the listed hash answers (the list loads in the background);
        // a scrape registers nobody in the swarm the engines will see.
        const QString url = QStringLiteral("udp://127.0.0.1:%1/announce").arg(port);
        for (int i = 0; i < 25 && m_opentracker.state() == QProcess::Running; ++i) {
            std::optional<ScrapeResult> result;
            probe.scrape(url, {hash}, [&](const ScrapeResult &r) { result = r; });
            if (QTest::qWaitFor([&] { return result.has_value(); }, 5000) && result->response
                && result->response->files.contains(hash)) {
                m_udpUrl = url;
                return true;
            }
            QTest::qWait(200);
        }
        qWarning("opentracker on port %d did not answer: %s", port, m_opentracker.readAll().constData());
        stopOpentracker();
    }
    return false;
}

void TestMixedTiers::stopOpentracker()
{
    if (m_opentracker.state() != QProcess::NotRunning) {
        m_opentracker.kill();
        m_opentracker.waitForFinished(5000);
    }
}

void TestMixedTiers::udpAndHttpInOneTier()
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    const quint16 httpPort = testutil::freePort(loopback); // the embedded tracker comes up later
    const quint16 deadPort = testutil::freePort(loopback); // nothing ever listens there
    QVERIFY(httpPort != 0 && deadPort != 0 && httpPort != deadPort);
    const QString httpUrl = QStringLiteral("http://127.0.0.1:%1/announce").arg(httpPort);
    const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/announce").arg(deadPort);
    metainfo::TorrentInfo info = *m_info;
    info.trackerTiers = {{m_udpUrl, httpUrl}, {deadUrl}};
    const metainfo::InfoHash hash = info.infoHash;
    const QString seedDir = m_dir.filePath(QStringLiteral("seed"));

    EmbeddedTracker http; // declared before the engines: it outlives their `stopped` announces
    EngineNode seeder(m_dir.filePath(QStringLiteral("state-seed")), seedDir);
    EngineNode leecher(m_dir.filePath(QStringLiteral("state-l1")), m_dir.filePath(QStringLiteral("dl1")));
    QString error;
    QVERIFY2(seeder.start(&error), qPrintable(error));
    QVERIFY2(leecher.start(&error), qPrintable(error));

    // 1. Only opentracker answers in tier 1.
    seeder.add(info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(hash), qPrintable(seeder.describe(hash)), kStepTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(statusOf(seeder, hash, m_udpUrl) == QLatin1String("working"),
                              qPrintable(describeTrackers(seeder, hash)), kStepTimeoutMs);
    leecher.add(info); // no peers given: trackers are the only way to find any
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(hash),
                              qPrintable(leecher.describe(hash) + describeTrackers(leecher, hash)), kStepTimeoutMs);
    QCOMPARE(testutil::compareTrees(info, seedDir, leecher.savePath()), QString());
    int movedOnWithinTier = 0;
    for (const EngineNode *node : {&seeder, &leecher}) {
        const QString trackers = describeTrackers(*node, hash);
        // (The leecher's `completed` may still be on its way.)
        QTRY_VERIFY2_WITH_TIMEOUT(statusOf(*node, hash, m_udpUrl) == QLatin1String("working"),
                                  qPrintable(describeTrackers(*node, hash)), kStepTimeoutMs);
        // Its shuffle put the HTTP tracker first, or not: refused, or never asked.
        const auto down = trackerOf(*node, hash, httpUrl);
        QVERIFY(down);
        QVERIFY2(down->status == QLatin1String("error") || down->status == QLatin1String("not contacted"),
                 qPrintable(trackers));
        QVERIFY2(!down->lastAnnounce.isValid() && down->seeds == -1, qPrintable(trackers));
        movedOnWithinTier += down->status == QLatin1String("error") ? 1 : 0;
        // Tier 2 is for when all of tier 1 fails; its failed scrape leaves its state alone.
        const auto dead = trackerOf(*node, hash, deadUrl);
        QVERIFY(dead);
        QVERIFY2(dead->status == QLatin1String("not contacted") && dead->seeds == -1, qPrintable(trackers));
    }
    qInfo("engines that found the HTTP tracker down first and moved on within the tier: %d of 2", movedOnWithinTier);
    leecher.stop();

    // 2. opentracker goes away, the embedded tracker comes up with 3 seeds and 2 leechers.
    stopOpentracker();
    QVERIFY2(http.listen(loopback, httpPort), qPrintable(http.errorString()));
    for (int n = 1; n <= 5; ++n)
        addFakePeer(http, hash, n, n <= 3 ? 0 : 1000);
    seeder.engine().pauseTorrent(hash);
    QTRY_VERIFY_WITH_TIMEOUT(seeder.torrent(hash)->state == state::TorrentState::Paused, kStepTimeoutMs);
    seeder.engine().resumeTorrent(hash);
    // opentracker answered last, so it gets the announce; the HTTP tracker is scraped meanwhile.
    QTRY_VERIFY2_WITH_TIMEOUT(trackerOf(seeder, hash, httpUrl) && trackerOf(seeder, hash, httpUrl)->seeds == 3,
                              qPrintable(describeTrackers(seeder, hash)), kStepTimeoutMs);
    auto scraped = trackerOf(seeder, hash, httpUrl);
    QCOMPARE(scraped->peers, 2);
    QCOMPARE(scraped->downloaded, 0);
    QVERIFY2(!scraped->lastAnnounce.isValid(), qPrintable(describeTrackers(seeder, hash))); // never announced to
    QCOMPARE(statusOf(seeder, hash, m_udpUrl), QStringLiteral("updating"));

    // The UDP deadline passes: the next tracker of the same tier, not tier 2.
    QTRY_VERIFY2_WITH_TIMEOUT(statusOf(seeder, hash, httpUrl) == QLatin1String("working"),
                              qPrintable(describeTrackers(seeder, hash)), kFailoverTimeoutMs);
    const auto udpFailed = trackerOf(seeder, hash, m_udpUrl);
    QCOMPARE(udpFailed->status, QStringLiteral("error"));
    QVERIFY2(udpFailed->message.contains(QLatin1String("no reply")), qPrintable(udpFailed->message));
    QCOMPARE(statusOf(seeder, hash, deadUrl), QStringLiteral("not contacted"));
    QCOMPARE(http.service().swarm(hash)->seeds(), 4); // the seeder joined the three
    QTRY_COMPARE_WITH_TIMEOUT(trackerOf(seeder, hash, httpUrl)->seeds, 4, kStepTimeoutMs); // its reply's count

    // A new leecher finds the seeder through the HTTP tracker (after opentracker's deadline, if
    // its shuffle put that first).
    EngineNode second(m_dir.filePath(QStringLiteral("state-l2")), m_dir.filePath(QStringLiteral("dl2")));
    QVERIFY2(second.start(&error), qPrintable(error));
    second.add(info);
    QTRY_VERIFY2_WITH_TIMEOUT(second.isSeeding(hash),
                              qPrintable(second.describe(hash) + describeTrackers(second, hash)), kFailoverTimeoutMs);
    QCOMPARE(testutil::compareTrees(info, seedDir, second.savePath()), QString());
    QTRY_VERIFY2_WITH_TIMEOUT(statusOf(second, hash, httpUrl) == QLatin1String("working"),
                              qPrintable(describeTrackers(second, hash)), kStepTimeoutMs);
    QCOMPARE(statusOf(second, hash, deadUrl), QStringLiteral("not contacted"));
    second.stop();
    seeder.stop();
}

QTEST_GUILESS_MAIN(TestMixedTiers)
#include "tst_mixedtiers.moc"
