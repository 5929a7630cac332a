// Magnet links in the engine: the metadata comes from peers (BEP 9) and the download goes on
// with the same connections; peers learned through peer exchange (BEP 11); the metadata is
// stored so a restart does not fetch it again; a magnet still waiting survives a restart.
// Whole engines in one process on distinct loopback addresses; every wait is bounded.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "metainfo/magnetlink.h"
#include "metainfo/torrentcreator.h"
#include "tracker/embeddedtracker.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using testutil::EngineNode;

namespace {

constexpr qint64 kPieceSize = 32 * 1024;
constexpr int kTransferTimeoutMs = 20'000;
constexpr int kCheckTimeoutMs = 10'000;

QHostAddress loopback(int last)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

metainfo::MagnetLink magnetOf(const metainfo::TorrentInfo &info, const QStringList &trackers = {})
{
    metainfo::MagnetLink m;
    m.infoHash = info.infoHash;
    m.displayName = info.name;
    m.trackers = trackers;
    return m;
}

void addMagnet(EngineNode &node, const metainfo::MagnetLink &magnet, const QList<swarm::Endpoint> &peers,
               bool paused = false)
{
    session::AddMagnetParams params;
    params.magnet = magnet;
    params.savePath = node.savePath();
    params.peers = peers;
    params.paused = paused;
    node.engine().addMagnet(params);
    node.engine().setWatched({magnet.infoHash});
}

} // namespace

class TestMagnet : public QObject {
    Q_OBJECT

private slots:
    void init();
    void metadataFromPeerThenData();
    void metadataThroughTracker();
    void peersFromPeerExchange();
    void privateTorrentExchangesNoPeers();
    void waitingMagnetSurvivesRestart();
    void optionsChosenBeforeMetadataSurviveRestart();

private:
    std::optional<metainfo::TorrentInfo> makePayload(const QString &dir, const QStringList &trackers = {});
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestMagnet::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

std::optional<metainfo::TorrentInfo> TestMagnet::makePayload(const QString &dir, const QStringList &trackers)
{
    const QString folder = QDir(dir).filePath(QStringLiteral("payload"));
    // Big enough (14.5 MB in 16 KiB pieces) that the info dictionary spans two ut_metadata pieces.
    if (!testutil::writePayload(folder, testutil::multiFileLayout(500'000), 77))
        return std::nullopt;
    QString error;
    auto info = testutil::makeTorrent(folder, 16 * 1024, trackers, nullptr, &error);
    if (!info)
        qWarning("%s", qPrintable(error));
    return info;
}

// The leecher knows only the info-hash and one peer: it fetches the info dictionary, checks it
// against the hash, downloads, and keeps the metadata across a restart.
void TestMagnet::metadataFromPeerThenData()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir);
    QVERIFY(info);
    QVERIFY2(info->infoBytes.size() > 16 * 1024, "the metadata should take more than one ut_metadata piece");

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(2));
    QString error;
    QVERIFY2(seeder.start(&error), qPrintable(error));
    QVERIFY2(leecher.start(&error), qPrintable(error));
    seeder.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), kCheckTimeoutMs);

    addMagnet(leecher, magnetOf(*info), {seeder.endpoint()});
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, seedDir, leecher.savePath()), QString());
    const auto done = leecher.torrent(info->infoHash);
    QVERIFY(done->hasMetadata);
    QCOMPARE(done->name, info->name);
    QCOMPARE(done->totalSize, info->totalSize);
    // The connection that brought the metadata brought the data too: one connection, not two.
    QCOMPARE(seeder.torrent(info->infoHash)->uploaded, info->totalSize);

    // Restarted with nobody to ask: the torrent is complete from its stored metadata alone.
    seeder.stop();
    leecher.stop();
    QVERIFY2(leecher.start(&error), qPrintable(error));
    leecher.engine().setWatched({info->infoHash});
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kCheckTimeoutMs);
    QCOMPARE(leecher.torrent(info->infoHash)->name, info->name);
    leecher.stop();
}

// A magnet with a tracker and no peers: the tracker names the seeder, the seeder the metadata.
void TestMagnet::metadataThroughTracker()
{
    tracker::EmbeddedTracker tracker;
    QVERIFY2(tracker.listen(loopback(1), 0), qPrintable(tracker.errorString()));
    const QString announce = QStringLiteral("http://127.0.0.1:%1/announce").arg(tracker.port());
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir, {announce});
    QVERIFY(info);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(2));
    QString error;
    QVERIFY2(seeder.start(&error), qPrintable(error));
    QVERIFY2(leecher.start(&error), qPrintable(error));
    seeder.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(tracker.service().swarm(info->infoHash)
                                 && tracker.service().swarm(info->infoHash)->seeds() == 1,
                             kCheckTimeoutMs);

    addMagnet(leecher, magnetOf(*info, {announce}), {});
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, seedDir, leecher.savePath()), QString());
    // The magnet's tracker became the torrent's tracker.
    const auto detail = leecher.torrent(info->infoHash)->detail;
    QVERIFY(detail);
    QCOMPARE(detail->trackers.size(), 1);
    QCOMPARE(detail->trackers.first().url, announce);
    leecher.stop();
    seeder.stop();
}

// C is given only B. B, a slow leecher, is connected to the seeder A; B's ut_pex messages name
// A, so C connects to A too, and C's peer list says where A came from.
void TestMagnet::peersFromPeerExchange()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir);
    QVERIFY(info);
    EngineNode a(m_tmp->filePath(QStringLiteral("state-a")), seedDir, loopback(1));
    EngineNode b(m_tmp->filePath(QStringLiteral("state-b")), m_tmp->filePath(QStringLiteral("b")), loopback(2));
    EngineNode c(m_tmp->filePath(QStringLiteral("state-c")), m_tmp->filePath(QStringLiteral("c")), loopback(3));
    b.settings().maxDownloadRate = 64 * 1024; // B stays a leecher, connected to A, for a while
    QString error;
    for (EngineNode *n : {&a, &b, &c})
        QVERIFY2(n->start(&error), qPrintable(error));
    a.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(a.isSeeding(info->infoHash), kCheckTimeoutMs);
    b.add(*info, {a.endpoint()});
    QTRY_VERIFY_WITH_TIMEOUT(b.torrent(info->infoHash) && b.torrent(info->infoHash)->seedsConnected == 1,
                             kCheckTimeoutMs);

    addMagnet(c, magnetOf(*info), {b.endpoint()});
    auto cameFromPex = [&] {
        const auto t = c.torrent(info->infoHash);
        if (!t || !t->detail)
            return false;
        for (const session::PeerSnapshot &p : t->detail->peers)
            if (p.address == a.address() && p.port == a.port() && p.source == session::PeerSource::Pex)
                return true;
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(cameFromPex(), qPrintable(c.describe(info->infoHash) + c.describePeers(info->infoHash)),
                              kTransferTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(c.isSeeding(info->infoHash), qPrintable(c.describe(info->infoHash)), kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, seedDir, c.savePath()), QString());
    for (EngineNode *n : {&c, &b, &a})
        n->stop();
}

// The same three engines with a private torrent (BEP 27): B offers no ut_pex, so C, given only
// B, never hears of A, however long it stays.
void TestMagnet::privateTorrentExchangesNoPeers()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const QString folder = QDir(seedDir).filePath(QStringLiteral("payload"));
    QVERIFY(testutil::writePayload(folder, testutil::multiFileLayout(100'000), 78));
    metainfo::CreateOptions options;
    options.sourcePath = folder;
    options.pieceSize = 16 * 1024;
    options.isPrivate = true;
    options.includeCreationDate = false;
    const auto data = metainfo::createTorrent(options);
    QVERIFY(data);
    const auto info = metainfo::parseTorrent(*data);
    QVERIFY(info && info->isPrivate);

    EngineNode a(m_tmp->filePath(QStringLiteral("state-a")), seedDir, loopback(1));
    EngineNode b(m_tmp->filePath(QStringLiteral("state-b")), m_tmp->filePath(QStringLiteral("b")), loopback(2));
    EngineNode c(m_tmp->filePath(QStringLiteral("state-c")), m_tmp->filePath(QStringLiteral("c")), loopback(3));
    b.settings().maxDownloadRate = 32 * 1024;
    c.settings().maxDownloadRate = 32 * 1024;
    QString error;
    for (EngineNode *n : {&a, &b, &c})
        QVERIFY2(n->start(&error), qPrintable(error));
    a.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(a.isSeeding(info->infoHash), kCheckTimeoutMs);
    b.add(*info, {a.endpoint()});
    QTRY_VERIFY_WITH_TIMEOUT(b.torrent(info->infoHash) && b.torrent(info->infoHash)->seedsConnected == 1,
                             kCheckTimeoutMs);
    c.add(*info, {b.endpoint()});
    QTRY_VERIFY_WITH_TIMEOUT(c.torrent(info->infoHash) && c.torrent(info->infoHash)->peersConnected >= 1,
                             kCheckTimeoutMs);
    // A public torrent's first ut_pex goes out within a few seconds (see peersFromPeerExchange).
    QTest::qWait(8000);
    const auto t = c.torrent(info->infoHash);
    QVERIFY(t && t->detail);
    for (const session::PeerSnapshot &p : t->detail->peers) {
        QVERIFY2(p.source != session::PeerSource::Pex, qPrintable(c.describePeers(info->infoHash)));
        QVERIFY2(!(p.address == a.address() && p.port == a.port()), qPrintable(c.describePeers(info->infoHash)));
    }
    for (EngineNode *n : {&c, &b, &a})
        n->stop();
}

// A magnet nobody can serve yet waits, paused, across a restart, and completes once resumed
// with a peer.
void TestMagnet::waitingMagnetSurvivesRestart()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir);
    QVERIFY(info);
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(2));
    QString error;
    QVERIFY2(leecher.start(&error), qPrintable(error));
    metainfo::MagnetLink magnet = magnetOf(*info);
    magnet.displayName = QStringLiteral("waiting for metadata");
    addMagnet(leecher, magnet, {}, true);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash).has_value(), kCheckTimeoutMs);
    QCOMPARE(leecher.torrent(info->infoHash)->hasMetadata, false);
    QVERIFY(leecher.torrent(info->infoHash)->state == state::TorrentState::Paused);
    leecher.stop();

    QVERIFY2(leecher.start(&error), qPrintable(error));
    leecher.engine().setWatched({info->infoHash});
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash).has_value(), kCheckTimeoutMs);
    const auto restored = leecher.torrent(info->infoHash);
    QCOMPARE(restored->hasMetadata, false);
    QCOMPARE(restored->name, QStringLiteral("waiting for metadata"));
    QVERIFY(restored->state == state::TorrentState::Paused);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    QVERIFY2(seeder.start(&error), qPrintable(error));
    seeder.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), kCheckTimeoutMs);
    leecher.engine().connectPeer(info->infoHash, seeder.address(), seeder.port());
    leecher.engine().resumeTorrent(info->infoHash);
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, seedDir, leecher.savePath()), QString());
    QCOMPARE(leecher.torrent(info->infoHash)->name, info->name);
    leecher.stop();
    seeder.stop();
}

// The add dialog confirmed before the metadata came: another folder, sequential order, start
// paused. The app restarts before it comes: the torrent that comes of it still has all three.
void TestMagnet::optionsChosenBeforeMetadataSurviveRestart()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makePayload(seedDir);
    QVERIFY(info);
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(2));
    QString error;
    QVERIFY2(leecher.start(&error), qPrintable(error));
    session::AddMagnetParams params;
    params.magnet = magnetOf(*info);
    params.savePath = leecher.savePath();
    params.pauseAfterMetadata = true; // as the add dialog does while it is open
    leecher.engine().addMagnet(params);
    leecher.engine().setWatched({info->infoHash});
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash).has_value(), kCheckTimeoutMs);
    const QString chosen = m_tmp->filePath(QStringLiteral("chosen folder"));
    leecher.engine().setSavePath(info->infoHash, chosen);
    leecher.engine().setSequential(info->infoHash, true);
    leecher.engine().setPauseAfterMetadata(info->infoHash, true);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash)->sequential, kCheckTimeoutMs);
    leecher.stop();

    QVERIFY2(leecher.start(&error), qPrintable(error));
    leecher.engine().setWatched({info->infoHash});
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash).has_value(), kCheckTimeoutMs);
    QCOMPARE(leecher.torrent(info->infoHash)->hasMetadata, false);
    QVERIFY(leecher.torrent(info->infoHash)->sequential);
    QCOMPARE(leecher.torrent(info->infoHash)->savePath, QFileInfo(chosen).absoluteFilePath());
    QVERIFY(leecher.torrent(info->infoHash)->state != state::TorrentState::Paused); // it fetches

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    QVERIFY2(seeder.start(&error), qPrintable(error));
    seeder.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), kCheckTimeoutMs);
    leecher.engine().connectPeer(info->infoHash, seeder.address(), seeder.port());
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash)->hasMetadata, kTransferTimeoutMs);
    const auto t = leecher.torrent(info->infoHash);
    QVERIFY2(t->state == state::TorrentState::Paused, qPrintable(state::toString(t->state))); // waits
    QVERIFY(t->sequential);
    QCOMPARE(t->savePath, QFileInfo(chosen).absoluteFilePath());
    QCOMPARE(t->piecesHave, 0);
    leecher.stop();
    seeder.stop();
}

QTEST_GUILESS_MAIN(TestMagnet)
#include "tst_magnet.moc"
