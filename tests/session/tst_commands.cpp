// The commands behind the desktop app's buttons and dialogs, on a real engine: a magnet added
// from the add dialog (fetch now, start paused, then a folder and files chosen), the queue
// order and its persistence, settings applied while running.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "metainfo/magnetlink.h"
#include "tracker/embeddedtracker.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using testutil::EngineNode;

namespace {

constexpr int kTransferTimeoutMs = 20'000;
constexpr int kCheckTimeoutMs = 10'000;

QHostAddress loopback(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

QList<metainfo::InfoHash> order(const EngineNode &node)
{
    QList<metainfo::InfoHash> out;
    if (auto s = const_cast<EngineNode &>(node).engine().latestSnapshot())
        for (const session::TorrentSnapshot &t : s->torrents)
            out << t.infoHash;
    return out;
}

} // namespace

class TestCommands : public QObject {
    Q_OBJECT

private slots:
    void init();
    void magnetConfirmedAfterMetadata();
    void queueOrderMovesAndPersists();
    void settingsApplyWhileRunning();
    void trackersAddedAndRemoved();
    void storageUnavailableStopsAndResumes();

private:
    std::optional<metainfo::TorrentInfo> makePayload(const QString &dir, quint32 seed);
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestCommands::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

std::optional<metainfo::TorrentInfo> TestCommands::makePayload(const QString &dir, quint32 seed)
{
    const QString folder = QDir(dir).filePath(QStringLiteral("payload%1").arg(seed));
    if (!testutil::writePayload(folder, testutil::multiFileLayout(20'000), seed))
        return std::nullopt;
    return testutil::makeTorrent(folder, 16 * 1024);
}

// As the add dialog does it: the magnet is fetched at once but its torrent waits, paused; the
// user then picks another folder, unticks a file and starts it.
void TestCommands::magnetConfirmedAfterMetadata()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir, 1);
    QVERIFY(info);
    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("default")),
                       loopback(2));
    QString error;
    QVERIFY2(seeder.start(&error), qPrintable(error));
    QVERIFY2(leecher.start(&error), qPrintable(error));
    seeder.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), kCheckTimeoutMs);

    session::AddMagnetParams params;
    params.magnet.infoHash = info->infoHash;
    params.savePath = leecher.savePath();
    params.peers = {seeder.endpoint()};
    params.pauseAfterMetadata = true;
    leecher.engine().addMagnet(params);
    leecher.engine().setWatched({info->infoHash});
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash) && leecher.torrent(info->infoHash)->hasMetadata
                                 && leecher.torrent(info->infoHash)->state == state::TorrentState::Paused,
                             kCheckTimeoutMs);
    // The file list the dialog shows now.
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash)->detail
                                 && leecher.torrent(info->infoHash)->detail->files.size() == info->files.size(),
                             kCheckTimeoutMs);
    QCOMPARE(leecher.torrent(info->infoHash)->piecesHave, 0);

    const QString chosen = m_tmp->filePath(QStringLiteral("chosen"));
    QByteArray priorities(info->files.size(), '\x01');
    int skipped = -1;
    for (int i = 0; i < info->files.size(); ++i)
        if (info->files[i].size > 100'000 && skipped < 0)
            skipped = i;
    QVERIFY(skipped >= 0);
    priorities[skipped] = 0;
    leecher.engine().setSavePath(info->infoHash, chosen);
    leecher.engine().setFilePriorities(info->infoHash, priorities);
    leecher.engine().resumeTorrent(info->infoHash);
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.torrent(info->infoHash)->state == state::TorrentState::Seeding,
                              qPrintable(leecher.describe(info->infoHash)), kTransferTimeoutMs);
    QCOMPARE(leecher.torrent(info->infoHash)->savePath, QFileInfo(chosen).absoluteFilePath());
    for (int i = 0; i < info->files.size(); ++i) {
        const QString path = QDir(chosen).filePath(info->files[i].path);
        if (i == skipped)
            continue; // pieces it shares with its neighbours may have put some bytes there
        QCOMPARE(testutil::readFile(path), testutil::readFile(QDir(seedDir).filePath(info->files[i].path)));
    }
    // Nothing went to the folder it was first given.
    QVERIFY(QDir(leecher.savePath()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    leecher.stop();
    seeder.stop();
}

void TestCommands::queueOrderMovesAndPersists()
{
    EngineNode node(m_tmp->filePath(QStringLiteral("state")), m_tmp->filePath(QStringLiteral("dl")), loopback(1));
    QString error;
    QVERIFY2(node.start(&error), qPrintable(error));
    QList<metainfo::InfoHash> hashes;
    for (quint32 seed = 1; seed <= 3; ++seed) {
        const auto info = makePayload(m_tmp->filePath(QStringLiteral("src")), seed);
        QVERIFY(info);
        session::AddTorrentParams params;
        params.info = *info;
        params.savePath = node.savePath();
        params.paused = true;
        node.engine().addTorrent(params);
        hashes << info->infoHash;
    }
    QTRY_COMPARE_WITH_TIMEOUT(order(node), hashes, kCheckTimeoutMs);
    node.engine().moveInQueue(hashes[2], -1);
    const QList<metainfo::InfoHash> moved{hashes[0], hashes[2], hashes[1]};
    QTRY_COMPARE_WITH_TIMEOUT(order(node), moved, kCheckTimeoutMs);
    node.engine().moveInQueue(hashes[0], 10); // clamped to the end
    const QList<metainfo::InfoHash> last{hashes[2], hashes[1], hashes[0]};
    QTRY_COMPARE_WITH_TIMEOUT(order(node), last, kCheckTimeoutMs);
    node.stop();
    QVERIFY2(node.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(order(node), last, kCheckTimeoutMs);
    node.stop();
}

void TestCommands::settingsApplyWhileRunning()
{
    EngineNode node(m_tmp->filePath(QStringLiteral("state")), m_tmp->filePath(QStringLiteral("dl")), loopback(1));
    QString error;
    QVERIFY2(node.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(node.engine().latestSnapshot(), kCheckTimeoutMs);
    const quint16 before = node.engine().latestSnapshot()->listenPort;
    QCOMPARE(node.engine().latestSnapshot()->embeddedTrackerPort, quint16(0));

    session::SessionSettings s = node.settings();
    s.listenPort = testutil::freePort(loopback(1));
    QVERIFY(s.listenPort != 0 && s.listenPort != before);
    s.embeddedTracker = true;
    s.embeddedTrackerPort = 0;
    s.maxDownloadRate = 100 * 1024;
    node.engine().applySettings(s);
    QTRY_COMPARE_WITH_TIMEOUT(node.engine().latestSnapshot()->listenPort, s.listenPort, kCheckTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(node.engine().latestSnapshot()->embeddedTrackerPort != 0, kCheckTimeoutMs);
    const quint16 trackerPort = node.engine().latestSnapshot()->embeddedTrackerPort;
    // Both really listen there.
    for (quint16 port : {s.listenPort, trackerPort}) {
        QTcpSocket probe;
        probe.connectToHost(loopback(1), port);
        QVERIFY2(probe.waitForConnected(5000), qPrintable(probe.errorString()));
    }
    s.embeddedTracker = false;
    node.engine().applySettings(s);
    QTRY_COMPARE_WITH_TIMEOUT(node.engine().latestSnapshot()->embeddedTrackerPort, quint16(0), kCheckTimeoutMs);
    node.stop();
}

// A tracker added to a running torrent is announced to at once and kept across a restart;
// removing it takes it out of the list.
void TestCommands::trackersAddedAndRemoved()
{
    tracker::EmbeddedTracker tracker;
    QVERIFY2(tracker.listen(loopback(1), 0), qPrintable(tracker.errorString()));
    const QString url = QStringLiteral("http://127.0.0.1:%1/announce").arg(tracker.port());
    const auto info = makePayload(m_tmp->filePath(QStringLiteral("seed")), 5);
    QVERIFY(info);
    QVERIFY(info->trackerTiers.isEmpty());
    EngineNode node(m_tmp->filePath(QStringLiteral("state")), m_tmp->filePath(QStringLiteral("seed")), loopback(1));
    QString error;
    QVERIFY2(node.start(&error), qPrintable(error));
    node.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(node.isSeeding(info->infoHash), kCheckTimeoutMs);
    auto trackers = [&] {
        QStringList urls;
        const auto t = node.torrent(info->infoHash);
        if (t && t->detail)
            for (const session::TrackerSnapshot &s : t->detail->trackers)
                urls << s.url;
        return urls;
    };
    node.engine().addTracker(info->infoHash, url);
    QTRY_COMPARE_WITH_TIMEOUT(trackers(), QStringList{url}, kCheckTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(tracker.service().swarm(info->infoHash)
                                 && tracker.service().swarm(info->infoHash)->seeds() == 1,
                             kCheckTimeoutMs);
    node.stop();
    QVERIFY2(node.start(&error), qPrintable(error));
    node.engine().setWatched({info->infoHash});
    QTRY_COMPARE_WITH_TIMEOUT(trackers(), QStringList{url}, kCheckTimeoutMs);
    node.engine().removeTracker(info->infoHash, url);
    QTRY_COMPARE_WITH_TIMEOUT(trackers(), QStringList{}, kCheckTimeoutMs);
    node.stop();
}

// The storage policy's commands: a torrent whose volume went away stops as StorageUnavailable
// with its progress kept; it comes back by itself, a torrent the user paused does not. After a
// restart with the volume still away it waits in that state, its folder not recreated.
void TestCommands::storageUnavailableStopsAndResumes()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto a = makePayload(seedDir, 7);
    const auto b = makePayload(seedDir, 8);
    QVERIFY(a && b);
    EngineNode node(m_tmp->filePath(QStringLiteral("state")), seedDir, loopback(1));
    QString error;
    QVERIFY2(node.start(&error), qPrintable(error));
    node.add(*a);
    session::AddTorrentParams pausedParams;
    pausedParams.info = *b;
    pausedParams.savePath = seedDir;
    pausedParams.paused = true;
    node.engine().addTorrent(pausedParams);
    auto stateOf = [&](const metainfo::InfoHash &h) {
        const auto t = node.torrent(h);
        return t ? state::toString(t->state) : QStringLiteral("(none)");
    };
    QTRY_VERIFY_WITH_TIMEOUT(node.isSeeding(a->infoHash), kCheckTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(b->infoHash), state::toString(state::TorrentState::Paused), kCheckTimeoutMs);

    for (const auto &h : {a->infoHash, b->infoHash})
        node.engine().setStorageAvailable(h, false);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(a->infoHash), state::toString(state::TorrentState::StorageUnavailable), kCheckTimeoutMs);
    QCOMPARE(node.torrent(a->infoHash)->progress, 1.0);
    QCOMPARE(stateOf(b->infoHash), state::toString(state::TorrentState::Paused)); // the user's pause wins
    for (const auto &h : {a->infoHash, b->infoHash})
        node.engine().setStorageAvailable(h, true);
    QTRY_VERIFY_WITH_TIMEOUT(node.isSeeding(a->infoHash), kCheckTimeoutMs);
    QTest::qWait(300); // several snapshots: b must still be paused
    QCOMPARE(stateOf(b->infoHash), state::toString(state::TorrentState::Paused));

    // Unmounted while the program is closed: the folder disappears.
    node.stop();
    const QString away = m_tmp->filePath(QStringLiteral("seed-away"));
    QVERIFY(QDir().rename(seedDir, away));
    QVERIFY2(node.start(&error), qPrintable(error));
    node.engine().setWatched({a->infoHash});
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(a->infoHash), state::toString(state::TorrentState::StorageUnavailable), kCheckTimeoutMs);
    QCOMPARE(node.torrent(a->infoHash)->progress, 1.0); // not reset
    QCOMPARE(stateOf(b->infoHash), state::toString(state::TorrentState::Paused));
    // The user's resume while the disk is away: told, not started.
    QSignalSpy errors(&node.engine(), &session::Engine::torrentError);
    node.engine().resumeTorrent(a->infoHash);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kCheckTimeoutMs);
    QVERIFY(errors.at(0).at(1).toString().contains(seedDir));
    QTest::qWait(300);
    QVERIFY(!QFileInfo::exists(seedDir)); // nothing was created in its place
    QCOMPARE(stateOf(a->infoHash), state::toString(state::TorrentState::StorageUnavailable));
    // Mounted again: it resumes without a recheck of unchanged files, and seeds.
    QVERIFY(QDir().rename(away, seedDir));
    node.engine().setStorageAvailable(a->infoHash, true);
    node.engine().setStorageAvailable(b->infoHash, true);
    QTRY_VERIFY_WITH_TIMEOUT(node.isSeeding(a->infoHash), kCheckTimeoutMs);
    QCOMPARE(stateOf(b->infoHash), state::toString(state::TorrentState::Paused));
    // The user's resume of b starts it: verified from its files, it seeds too.
    node.engine().resumeTorrent(b->infoHash);
    QTRY_VERIFY_WITH_TIMEOUT(node.isSeeding(b->infoHash), kCheckTimeoutMs);
    node.stop();
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
