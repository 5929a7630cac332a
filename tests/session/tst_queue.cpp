// Torrent queueing on real engines over loopback: a seeder (no queue) and a leecher whose
// queue lets only some of its torrents run. What runs follows the queue order, the limits
// (changed live), pauses and completions, and a restart keeps the queue as it was.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using state::TorrentState;
using testutil::EngineNode;

namespace {

constexpr int kStepTimeoutMs = 8'000;
constexpr int kTransferTimeoutMs = 30'000;
constexpr qint64 kPayloadSize = 4 * 1024 * 1024;
// The leecher's limit while the queue is observed: a download lasts much longer than the steps
// (the limiter lets each peer read at least a block per tick, so the real rate is higher).
constexpr qint64 kSlowRate = 64 * 1024;

QHostAddress loopback(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

} // namespace

class TestQueue : public QObject {
    Q_OBJECT

private slots:
    void init();
    void limitsOrderPauseAndCompletion();
    void queuedSurvivesRestart();
    void magnetWaitsForADownloadSlot();

private:
    // `count` torrents seeded by m_seeder; their info in m_infos.
    bool startSeeder(int count);
    // The leecher's state of each torrent, in m_infos order, as letters: D downloading, Q queued,
    // S seeding, P paused, C checking, ? not seen yet.
    QString states(const EngineNode &leecher) const;
    // What the leecher's snapshots showed at worst: the most torrents downloading at once.
    void watchDownloading(EngineNode &leecher);

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<EngineNode> m_seeder;
    QList<metainfo::TorrentInfo> m_infos;
    int m_mostDownloading = 0;
};

void TestQueue::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_seeder.reset();
    m_infos.clear();
    m_mostDownloading = 0;
}

bool TestQueue::startSeeder(int count)
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    for (int i = 0; i < count; ++i) {
        const QString file = QDir(seedDir).filePath(QStringLiteral("payload%1.bin").arg(i));
        if (!testutil::writeRandomFile(file, kPayloadSize, quint32(100 + i)))
            return false;
        auto info = testutil::makeTorrent(file, 64 * 1024);
        if (!info)
            return false;
        m_infos << *info;
    }
    m_seeder = std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    QString error;
    if (!m_seeder->start(&error))
        return false;
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        m_seeder->add(info);
    return true;
}

QString TestQueue::states(const EngineNode &leecher) const
{
    QString out;
    for (const metainfo::TorrentInfo &info : m_infos) {
        const auto t = leecher.torrent(info.infoHash);
        if (!t) {
            out += QLatin1Char('?');
            continue;
        }
        switch (t->state) {
        case TorrentState::Downloading: out += QLatin1Char('D'); break;
        case TorrentState::Queued: out += QLatin1Char('Q'); break;
        case TorrentState::Seeding: out += QLatin1Char('S'); break;
        case TorrentState::Paused: out += QLatin1Char('P'); break;
        case TorrentState::Checking: out += QLatin1Char('C'); break;
        default: out += QLatin1Char('E'); break;
        }
    }
    return out;
}

void TestQueue::watchDownloading(EngineNode &leecher)
{
    connect(&leecher.engine(), &session::Engine::snapshotReady, this, [this](const session::SessionSnapshotPtr &s) {
        int downloading = 0;
        for (const session::TorrentSnapshot &t : s->torrents)
            if (t.state == TorrentState::Downloading)
                ++downloading;
        m_mostDownloading = std::max(m_mostDownloading, downloading);
    });
}

void TestQueue::limitsOrderPauseAndCompletion()
{
    QVERIFY(startSeeder(4));
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        QTRY_VERIFY_WITH_TIMEOUT(m_seeder->isSeeding(info.infoHash), kStepTimeoutMs);

    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("leech")),
                       loopback(2));
    session::SessionSettings &settings = leecher.settings();
    settings.queueingEnabled = true;
    settings.maxActiveDownloads = 2;
    settings.maxActiveSeeds = 5;
    settings.maxActiveTorrents = 5;
    settings.maxDownloadRate = kSlowRate;
    QString error;
    QVERIFY2(leecher.start(&error), qPrintable(error));
    watchDownloading(leecher);
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        leecher.add(info, {m_seeder->endpoint()});
    const auto hash = [this](int i) { return m_infos[i].infoHash; };

    // The first two of the queue download, the other two wait without a peer or a byte.
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DDQQ"), kStepTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(hash(0))->downloaded > 0 && leecher.torrent(hash(1))->downloaded > 0,
                             kStepTimeoutMs);
    QTest::qWait(1000);
    QCOMPARE(states(leecher), QStringLiteral("DDQQ"));
    for (int i : {2, 3}) {
        QCOMPARE(leecher.torrent(hash(i))->downloaded, 0);
        QCOMPARE(leecher.torrent(hash(i))->seedsConnected + leecher.torrent(hash(i))->peersConnected, 0);
    }

    // The last moved to the top takes a slot; the second of the queue (now third) gives it up.
    leecher.engine().moveInQueue(hash(3), -3); // order: 3 0 1 2
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQQD"), kStepTimeoutMs);
    const qint64 downloadedBefore = leecher.torrent(hash(3))->downloaded;
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.torrent(hash(3))->downloaded > downloadedBefore,
                              qPrintable(leecher.describe(hash(3)) + leecher.describePeers(hash(3))), kStepTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(leecher.torrent(hash(1))->seedsConnected, 0, kStepTimeoutMs);

    // Pausing a running one lets the next of the queue start (order 3 0 1 2: 1 is next).
    leecher.engine().pauseTorrent(hash(0));
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("PDQD"), kStepTimeoutMs);
    // It ran before and was queued: it gets its peer back at once, not after a back-off.
    const qint64 before1 = leecher.torrent(hash(1))->downloaded;
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.torrent(hash(1))->downloaded > before1, qPrintable(leecher.describe(hash(1)) + leecher.describePeers(hash(1))),
                              kStepTimeoutMs);

    // Resumed, it goes back through the queue: above 1, it takes 1's slot again.
    leecher.engine().resumeTorrent(hash(0));
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQQD"), kStepTimeoutMs);
    QCOMPARE(m_mostDownloading, 2);

    // A higher limit, applied live, starts the waiting ones.
    session::SessionSettings more = settings;
    more.maxActiveDownloads = 4;
    leecher.engine().applySettings(more);
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DDDD"), kStepTimeoutMs);
    for (int i = 0; i < m_infos.size(); ++i) // the steps above took a fraction of a download
        QVERIFY2(leecher.torrent(hash(i))->progress < 0.5, qPrintable(leecher.describe(hash(i))));

    // One at a time, at full speed: each completion starts the next, in queue order 3 0 1 2.
    session::SessionSettings one = settings;
    one.maxActiveDownloads = 1;
    one.maxDownloadRate = 0;
    leecher.engine().applySettings(one);
    QTRY_VERIFY_WITH_TIMEOUT(states(leecher).count(QLatin1Char('D')) <= 1, kStepTimeoutMs);
    m_mostDownloading = 0;
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("SSSS"), kTransferTimeoutMs);
    QCOMPARE(m_mostDownloading, 1);
    QDateTime previous;
    for (int i : {3, 0, 1, 2}) {
        const QDateTime done = leecher.torrent(hash(i))->completedAt;
        QVERIFY2(done.isValid() && (!previous.isValid() || done >= previous), qPrintable(QString::number(i)));
        previous = done;
        QVERIFY(testutil::compareTrees(m_infos[i], m_seeder->savePath(), leecher.savePath()).isEmpty());
    }
    leecher.stop();
}

void TestQueue::queuedSurvivesRestart()
{
    QVERIFY(startSeeder(2));
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        QTRY_VERIFY_WITH_TIMEOUT(m_seeder->isSeeding(info.infoHash), kStepTimeoutMs);

    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("leech")),
                       loopback(3));
    session::SessionSettings &settings = leecher.settings();
    settings.queueingEnabled = true;
    settings.maxActiveDownloads = 1;
    settings.maxDownloadRate = kSlowRate;
    QString error;
    QVERIFY2(leecher.start(&error), qPrintable(error));
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        leecher.add(info, {m_seeder->endpoint()});
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQ"), kStepTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(m_infos[0].infoHash)->piecesHave >= 4, kStepTimeoutMs);
    leecher.stop();

    // The same queue after the restart: the first resumes with its progress, the second still waits.
    QVERIFY2(leecher.start(&error), qPrintable(error));
    leecher.engine().setWatched({m_infos[0].infoHash, m_infos[1].infoHash});
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQ"), kStepTimeoutMs);
    QVERIFY(leecher.torrent(m_infos[0].infoHash)->piecesHave >= 4);
    QTest::qWait(500);
    QCOMPARE(states(leecher), QStringLiteral("DQ"));
    QCOMPARE(leecher.torrent(m_infos[1].infoHash)->downloaded, 0);

    // Peers are not kept across the restart: give the first its seeder again, as a tracker would.
    leecher.engine().connectPeer(m_infos[0].infoHash, m_seeder->address(), m_seeder->port());
    session::SessionSettings fast = settings;
    fast.maxDownloadRate = 0;
    leecher.engine().applySettings(fast);
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher).left(1), QStringLiteral("S"), kTransferTimeoutMs);
    // The second starts when the first completes, and needs its peer too.
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("SD"), kStepTimeoutMs);
    leecher.engine().connectPeer(m_infos[1].infoHash, m_seeder->address(), m_seeder->port());
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("SS"), kTransferTimeoutMs);
    leecher.stop();
}

// A magnet fetching its metadata counts as a download: with the only slot taken it waits,
// without fetching, across a restart too, and fetches and downloads once the slot is free.
void TestQueue::magnetWaitsForADownloadSlot()
{
    QVERIFY(startSeeder(2));
    for (const metainfo::TorrentInfo &info : std::as_const(m_infos))
        QTRY_VERIFY_WITH_TIMEOUT(m_seeder->isSeeding(info.infoHash), kStepTimeoutMs);
    const metainfo::InfoHash first = m_infos[0].infoHash;
    const metainfo::InfoHash magnet = m_infos[1].infoHash;

    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("leech")),
                       loopback(4));
    session::SessionSettings &settings = leecher.settings();
    settings.queueingEnabled = true;
    settings.maxActiveDownloads = 1;
    settings.maxDownloadRate = kSlowRate;
    QString error;
    QVERIFY2(leecher.start(&error), qPrintable(error));
    leecher.add(m_infos[0], {m_seeder->endpoint()});
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher).left(1), QStringLiteral("D"), kStepTimeoutMs);
    session::AddMagnetParams params;
    params.magnet.infoHash = magnet;
    params.savePath = leecher.savePath();
    params.peers = {m_seeder->endpoint()};
    leecher.engine().addMagnet(params);
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQ"), kStepTimeoutMs);
    QTest::qWait(1000);
    QCOMPARE(states(leecher), QStringLiteral("DQ"));
    QVERIFY(!leecher.torrent(magnet)->hasMetadata);
    QCOMPARE(leecher.torrent(magnet)->seedsConnected + leecher.torrent(magnet)->peersConnected, 0);

    leecher.stop();
    QVERIFY2(leecher.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("DQ"), kStepTimeoutMs);
    QTest::qWait(500);
    QCOMPARE(states(leecher), QStringLiteral("DQ")); // not paused, not fetching
    QVERIFY(!leecher.torrent(magnet)->hasMetadata);

    // The slot frees: the magnet fetches its metadata, then downloads in the same slot.
    leecher.engine().connectPeer(magnet, m_seeder->address(), m_seeder->port()); // peers are not saved
    leecher.engine().pauseTorrent(first);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(magnet)->hasMetadata, kStepTimeoutMs);
    session::SessionSettings fast = settings;
    fast.maxDownloadRate = 0;
    leecher.engine().applySettings(fast);
    QTRY_COMPARE_WITH_TIMEOUT(states(leecher), QStringLiteral("PS"), kTransferTimeoutMs);
    QVERIFY(testutil::compareTrees(m_infos[1], m_seeder->savePath(), leecher.savePath()).isEmpty());
    leecher.stop();
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
