// Whole swarms in one process: several session::Engine instances, each with its own state
// folder and loopback address, exchanging real data over TCP. Small pieces and a few MiB keep
// every test within seconds; each wait is bounded.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "state/statestore.h"
#include "tracker/embeddedtracker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

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

// Waits until every node seeds the torrent. On time-out, logs what each node sees of its peers
// (a stall is then diagnosable from the log) and returns false.
bool waitAllSeeding(const std::vector<EngineNode *> &nodes, const metainfo::InfoHash &hash, int timeoutMs)
{
    const bool done = QTest::qWaitFor(
        [&] {
            return std::all_of(nodes.begin(), nodes.end(), [&](EngineNode *n) { return n->isSeeding(hash); });
        },
        timeoutMs);
    if (done)
        return true;
    for (EngineNode *n : nodes)
        qWarning("%s on %s:%d: %s\n%s", qPrintable(n->stateDir()), qPrintable(n->address().toString()), n->port(),
                 qPrintable(n->describe(hash)), qPrintable(n->describePeers(hash)));
    return false;
}

// The leechers and the seeder (which seeds already, so it is only there for the log).
template <typename List> std::vector<EngineNode *> swarmOf(const List &owned, EngineNode *seeder)
{
    std::vector<EngineNode *> out{seeder};
    for (const auto &n : owned)
        out.push_back(n.get());
    return out;
}

} // namespace

class TestSwarm : public QObject {
    Q_OBJECT

private slots:
    void init();
    void trackerSwarm();
    void directPeers();
    void rateLimitHoldsFromTheFirstByte();
    void restartResumesWhereItStopped();
    void corruptSeederIsBanned();
    void chokeRejectsRequestsBeingServed();
    void chokerSettingsApplyAtRuntime();

private:
    // The multi-file payload (pieces spanning files, zero-length files) under dir/<name>.
    std::optional<metainfo::TorrentInfo> makeMultiFileTorrent(const QString &dir, const QStringList &trackers);
    bool startAll(const std::vector<EngineNode *> &nodes);

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestSwarm::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

std::optional<metainfo::TorrentInfo> TestSwarm::makeMultiFileTorrent(const QString &dir, const QStringList &trackers)
{
    const QString folder = QDir(dir).filePath(QStringLiteral("payload"));
    if (!testutil::writePayload(folder, testutil::multiFileLayout(100'000), 1000))
        return std::nullopt;
    QString error;
    auto info = testutil::makeTorrent(folder, kPieceSize, trackers, nullptr, &error);
    if (!info)
        qWarning("cannot make the torrent: %s", qPrintable(error));
    return info;
}

bool TestSwarm::startAll(const std::vector<EngineNode *> &nodes)
{
    for (EngineNode *n : nodes) {
        QString error;
        if (!n->start(&error)) {
            qWarning("engine for %s did not start: %s", qPrintable(n->stateDir()), qPrintable(error));
            return false;
        }
    }
    return true;
}

// One seeder and three leechers that find each other only through a tracker.
void TestSwarm::trackerSwarm()
{
    tracker::EmbeddedTracker tracker; // declared first: it outlives the engines' `stopped` announces
    QVERIFY2(tracker.listen(loopback(1), 0), qPrintable(tracker.errorString()));
    const QString announce = QStringLiteral("http://127.0.0.1:%1/announce").arg(tracker.port());

    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makeMultiFileTorrent(seedDir, {announce});
    QVERIFY(info);
    QVERIFY2(info->pieceCount() > 50, "the payload should span many pieces");

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(1));
    std::vector<std::unique_ptr<EngineNode>> leechers;
    for (int i = 0; i < 3; ++i)
        leechers.push_back(std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-l%1").arg(i)),
                                                        m_tmp->filePath(QStringLiteral("dl%1").arg(i)), loopback(1)));
    QVERIFY(startAll({&seeder, leechers[0].get(), leechers[1].get(), leechers[2].get()}));

    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);
    // The seeder's `started` reached the tracker: every leecher's announce will name it.
    QTRY_VERIFY_WITH_TIMEOUT(tracker.service().swarm(info->infoHash)
                                 && tracker.service().swarm(info->infoHash)->seeds() == 1,
                             kCheckTimeoutMs);

    for (auto &l : leechers)
        l->add(*info); // no peers given: the tracker is the only way to find any
    QVERIFY2(waitAllSeeding(swarmOf(leechers, &seeder), info->infoHash, kTransferTimeoutMs),
             "not every leecher completed: their views of the swarm are logged above");
    for (auto &l : leechers)
        QCOMPARE(testutil::compareTrees(*info, seedDir, l->savePath()), QString());

    // Each finished leecher told the tracker (event=completed / left=0).
    QTRY_COMPARE_WITH_TIMEOUT(tracker.service().swarm(info->infoHash)->seeds(), 4, kCheckTimeoutMs);
    QCOMPARE(tracker.service().swarm(info->infoHash)->size(), 4);
    // Every piece left the seeder at least once (its snapshot may lag the leechers' by a beat).
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.torrent(info->infoHash)->uploaded >= info->totalSize,
                              qPrintable(seeder.describe(info->infoHash)), kCheckTimeoutMs);
    QCOMPARE(seeder.torrent(info->infoHash)->downloaded, 0);

    for (auto &l : leechers)
        l->stop();
    seeder.stop();
    // The `stopped` announces were answered before the engines went away.
    QTRY_VERIFY_WITH_TIMEOUT(!tracker.service().swarm(info->infoHash)
                                 || tracker.service().swarm(info->infoHash)->size() == 0,
                             kCheckTimeoutMs);
}

// The same swarm without a tracker: peers given up front, each engine on its own address.
void TestSwarm::directPeers()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const auto info = makeMultiFileTorrent(seedDir, {});
    QVERIFY(info);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(2));
    std::vector<std::unique_ptr<EngineNode>> leechers;
    for (int i = 0; i < 3; ++i)
        leechers.push_back(std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-l%1").arg(i)),
                                                        m_tmp->filePath(QStringLiteral("dl%1").arg(i)),
                                                        loopback(3 + i)));
    QVERIFY(startAll({&seeder, leechers[0].get(), leechers[1].get(), leechers[2].get()}));
    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);

    // Each leecher knows the seeder and the leechers started before it.
    QList<swarm::Endpoint> known{seeder.endpoint()};
    for (auto &l : leechers) {
        l->add(*info, known);
        known << l->endpoint();
    }
    QVERIFY2(waitAllSeeding(swarmOf(leechers, &seeder), info->infoHash, kTransferTimeoutMs),
             "not every leecher completed: their views of the swarm are logged above");
    for (auto &l : leechers) {
        QCOMPARE(testutil::compareTrees(*info, seedDir, l->savePath()), QString());
        const auto t = l->torrent(info->infoHash);
        QVERIFY(t->downloaded >= info->totalSize);
        QCOMPARE(t->wantedDone, info->totalSize);
        QCOMPARE(t->progress, 1.0);
    }
}

// A download limit set before the torrent is added binds every byte, including those that
// arrive before the engine's first tick after a connection opens.
void TestSwarm::rateLimitHoldsFromTheFirstByte()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const QString source = QDir(seedDir).filePath(QStringLiteral("single.bin"));
    QVERIFY(testutil::writeRandomFile(source, 4 * 1024 * 1024, 78));
    const auto info = testutil::makeTorrent(source, kPieceSize);
    QVERIFY(info);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(2));
    QVERIFY(startAll({&seeder}));
    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);

    // Three independent leechers: each start is another chance to catch an unthrottled window.
    constexpr qint64 kLimit = 64 * 1024;
    std::vector<std::unique_ptr<EngineNode>> leechers;
    for (int i = 0; i < 3; ++i) {
        leechers.push_back(std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-l%1").arg(i)),
                                                        m_tmp->filePath(QStringLiteral("dl%1").arg(i)),
                                                        loopback(3 + i)));
        QVERIFY(startAll({leechers.back().get()}));
        leechers.back()->engine().setRateLimits(kLimit, 0);
    }
    QElapsedTimer clock;
    clock.start();
    for (auto &l : leechers)
        l->add(*info, {seeder.endpoint()});
    QTest::qWait(1500);
    const qint64 elapsedMs = clock.elapsed();
    // The bucket may start full (one second of rate); beyond that, rate x time, plus a block
    // or two in a read chunk.
    const qint64 bound = kLimit + kLimit * elapsedMs / 1000 + 2 * 16 * 1024;
    for (auto &l : leechers) {
        const auto t = l->torrent(info->infoHash);
        QVERIFY(t);
        QVERIFY2(t->downloaded > 0, qPrintable(l->describe(info->infoHash)));
        QVERIFY2(t->downloaded <= bound,
                 qPrintable(QStringLiteral("%1 bytes in %2 ms under a limit of %3 B/s (bound %4)")
                                .arg(t->downloaded)
                                .arg(elapsedMs)
                                .arg(kLimit)
                                .arg(bound)));
    }
}

// A rate-limited leecher stops cleanly half-way; a new engine on the same state resumes.
void TestSwarm::restartResumesWhereItStopped()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const QString source = QDir(seedDir).filePath(QStringLiteral("single.bin"));
    QVERIFY(testutil::writeRandomFile(source, 4 * 1024 * 1024 + 4321, 77));
    const auto info = testutil::makeTorrent(source, kPieceSize);
    QVERIFY(info);
    const int pieces = info->pieceCount();

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(2));
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(3));
    QVERIFY(startAll({&seeder, &leecher}));
    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);

    leecher.engine().setRateLimits(512 * 1024, 0); // about 8 s for the whole
    QElapsedTimer limited;
    limited.start();
    leecher.add(*info, {seeder.endpoint()});
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.torrent(info->infoHash) && leecher.torrent(info->infoHash)->progress >= 0.4,
                              qPrintable(leecher.describe(info->infoHash)), kTransferTimeoutMs);
    const auto beforeStop = leecher.torrent(info->infoHash);
    QVERIFY2(beforeStop->progress < 0.6,
             qPrintable(QStringLiteral("the rate limit did not hold: after %1 ms: %2")
                            .arg(limited.elapsed())
                            .arg(leecher.describe(info->infoHash))));
    leecher.stop();

    // What the clean shutdown committed.
    state::StateStore store;
    QVERIFY2(store.open(leecher.stateDir(), false), qPrintable(store.lastError()));
    const auto record = store.loadTorrent(info->infoHash);
    QVERIFY(record);
    store.close();
    const auto saved = Bitfield::fromWire(record->havePieces, pieces);
    QVERIFY(saved);
    QVERIFY2(saved->count() >= beforeStop->piecesHave, "pieces verified before the stop were lost");
    QVERIFY2(saved->count() < pieces, "the leecher finished before it was stopped");
    QCOMPARE(testutil::badPieces(*info, leecher.savePath(), *saved), QList<int>());
    QVERIFY(record->downloaded >= qint64(saved->count()) * kPieceSize - kPieceSize);

    // The new engine restores the torrent by itself; no peers yet, so nothing can change it.
    QVERIFY(startAll({&leecher}));
    leecher.engine().setWatched({info->infoHash});
    QSignalSpy snapshots(&leecher.engine(), &session::Engine::snapshotReady);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash), kCheckTimeoutMs);
    const session::TorrentSnapshot first = *leecher.torrent(info->infoHash);
    QVERIFY2(first.state != state::TorrentState::Checking,
             "a cleanly stopped download was rechecked although its files were untouched");
    QCOMPARE(first.piecesHave, saved->count());
    QCOMPARE(first.downloaded, record->downloaded);
    QTRY_VERIFY_WITH_TIMEOUT(leecher.torrent(info->infoHash)->detail, kCheckTimeoutMs);
    QVERIFY(leecher.torrent(info->infoHash)->detail->have == *saved);

    leecher.engine().connectPeer(info->infoHash, seeder.address(), seeder.port());
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, seedDir, leecher.savePath()), QString());

    // The second run fetched the remainder, not the whole (a piece or two of slack for
    // requests in flight at the stop).
    const auto last = leecher.torrent(info->infoHash);
    const qint64 secondRun = last->downloaded - first.downloaded;
    const qint64 remainder = info->totalSize - qint64(saved->count()) * kPieceSize;
    QVERIFY2(secondRun >= remainder, qPrintable(QStringLiteral("%1 < %2").arg(secondRun).arg(remainder)));
    QVERIFY2(secondRun <= remainder + 2 * kPieceSize,
             qPrintable(QStringLiteral("second run downloaded %1 bytes for a remainder of %2 (total %3)")
                            .arg(secondRun)
                            .arg(remainder)
                            .arg(info->totalSize)));
}

// A seeder whose disk silently flipped some bytes: the leecher must hash-check, never mark
// those pieces, drop and ban that seeder, and complete from an honest one.
void TestSwarm::corruptSeederIsBanned()
{
    const QString goodDir = m_tmp->filePath(QStringLiteral("good"));
    const QString badDir = m_tmp->filePath(QStringLiteral("bad"));
    const auto info = makeMultiFileTorrent(goodDir, {});
    QVERIFY(info);
    QVERIFY(testutil::writePayload(QDir(badDir).filePath(QStringLiteral("payload")),
                                   testutil::multiFileLayout(100'000), 1000));

    EngineNode honest(m_tmp->filePath(QStringLiteral("state-good")), goodDir, loopback(2));
    EngineNode liar(m_tmp->filePath(QStringLiteral("state-bad")), badDir, loopback(3));
    EngineNode leecher(m_tmp->filePath(QStringLiteral("state-leech")), m_tmp->filePath(QStringLiteral("dl")),
                       loopback(4));
    QVERIFY(startAll({&honest, &liar, &leecher}));
    honest.add(*info);
    liar.add(*info);
    QTRY_VERIFY_WITH_TIMEOUT(honest.isSeeding(info->infoHash) && liar.isSeeding(info->infoHash), kCheckTimeoutMs);

    // Corrupt the liar's copy behind its back (size and mtime unchanged, so its resume data
    // still vouches for every piece), then restart it.
    liar.stop();
    Bitfield corrupted(info->pieceCount());
    for (int piece = 1; piece < info->pieceCount(); piece += 3) {
        QVERIFY(testutil::flipByteKeepingStamp(*info, badDir, qint64(piece) * kPieceSize + info->pieceSize(piece) / 2));
        corrupted.set(piece);
    }
    QVERIFY(testutil::compareTrees(*info, goodDir, badDir) != QString());
    QVERIFY(startAll({&liar}));
    QTRY_VERIFY_WITH_TIMEOUT(liar.torrent(info->infoHash), kCheckTimeoutMs);
    QVERIFY2(liar.isSeeding(info->infoHash),
             qPrintable(QStringLiteral("precondition: the restarted liar should trust its resume data and seed: ")
                        + liar.describe(info->infoHash)));

    // Watch every snapshot of the leecher: no corrupted piece may ever be marked as had, and
    // once the liar is gone it must never come back.
    bool liarGone = false;
    bool liarReturned = false;
    QList<int> markedCorrupt;
    auto liarConnected = [&](const session::TorrentSnapshot &t) {
        for (const session::PeerSnapshot &p : t.detail->peers)
            if (p.address == liar.address())
                return true;
        return false;
    };
    auto leecherPeers = [&] {
        const auto t = leecher.torrent(info->infoHash);
        return t && t->detail ? int(t->detail->peers.size()) : -1;
    };
    connect(&leecher.engine(), &session::Engine::snapshotReady, this, [&](const session::SessionSnapshotPtr &s) {
        for (const session::TorrentSnapshot &t : s->torrents) {
            if (!(t.infoHash == info->infoHash) || !t.detail)
                continue;
            if (!liarGone) // until the honest seeder joins, every piece came from the liar
                for (int i = 0; i < t.detail->have.size(); ++i)
                    if (t.detail->have.test(i) && corrupted.test(i) && !markedCorrupt.contains(i))
                        markedCorrupt << i;
            if (liarGone && liarConnected(t))
                liarReturned = true;
        }
    });

    leecher.add(*info, {liar.endpoint()});
    // The liar sent data, then lost its only peer (a ban may come within one snapshot interval,
    // so its connection is judged from both ends rather than caught in the act).
    QTRY_VERIFY2_WITH_TIMEOUT(liar.torrent(info->infoHash)->uploaded > 0,
                              qPrintable(leecher.describe(info->infoHash)), kCheckTimeoutMs);
    QTRY_VERIFY2_WITH_TIMEOUT(liar.torrent(info->infoHash)->peersConnected == 0
                                  && leecherPeers() == 0,
                              qPrintable(QStringLiteral("the liar is still connected: ")
                                         + leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(markedCorrupt, QList<int>());
    const auto afterLiar = leecher.torrent(info->infoHash);
    QVERIFY(afterLiar->piecesHave < info->pieceCount());
    liarGone = true;

    // The ban names the address: nothing listening there is tried again, not even on a new port
    // (a peer that is merely disconnected would be: the new port makes it a new candidate). A
    // listener on an address that is not banned is the control that connectPeer works now.
    QTcpServer banned;
    QTcpServer control;
    QVERIFY(banned.listen(liar.address(), 0));
    QVERIFY(control.listen(loopback(5), 0));
    QSignalSpy bannedHit(&banned, &QTcpServer::newConnection);
    QSignalSpy controlHit(&control, &QTcpServer::newConnection);
    leecher.engine().connectPeer(info->infoHash, liar.address(), liar.port());
    leecher.engine().connectPeer(info->infoHash, liar.address(), banned.serverPort());
    leecher.engine().connectPeer(info->infoHash, loopback(5), control.serverPort());
    QVERIFY2(controlHit.wait(kCheckTimeoutMs), "connectPeer to an unbanned address was never tried");
    QTest::qWait(300); // several ticks: the banned address had the same chance
    QCOMPARE(bannedHit.count(), 0);
    control.close();

    leecher.engine().connectPeer(info->infoHash, honest.address(), honest.port());
    QTRY_VERIFY2_WITH_TIMEOUT(leecher.isSeeding(info->infoHash), qPrintable(leecher.describe(info->infoHash)),
                              kTransferTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, goodDir, leecher.savePath()), QString());
    QVERIFY2(!liarReturned, "the banned seeder was connected again");
    QCOMPARE(bannedHit.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(liar.torrent(info->infoHash)->peersConnected
                                  + liar.torrent(info->infoHash)->seedsConnected,
                              0, kCheckTimeoutMs);
}

// A seeder that rotates a single unchoke slot among three leechers several times a second:
// each choke lands while some of the choked peer's requests are being read from disk. With
// the fast extension (both sides offer it) a choke no longer cancels requests, so each must be
// answered by a block or a reject; one dropped silently stalls its piece for the requester's
// whole request timeout (30 s).
void TestSwarm::chokeRejectsRequestsBeingServed()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const QString source = QDir(seedDir).filePath(QStringLiteral("single.bin"));
    QVERIFY(testutil::writeRandomFile(source, 2 * 1024 * 1024 + 99, 79));
    const auto info = testutil::makeTorrent(source, kPieceSize);
    QVERIFY(info);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(2));
    seeder.settings().choker.regularSlots = 0;
    seeder.settings().choker.optimisticSlots = 1;
    seeder.settings().choker.optimisticInterval = std::chrono::milliseconds(200);
    seeder.settings().choker.newPeerWindow = Duration::zero();
    std::vector<std::unique_ptr<EngineNode>> leechers;
    for (int i = 0; i < 3; ++i)
        leechers.push_back(std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-l%1").arg(i)),
                                                        m_tmp->filePath(QStringLiteral("dl%1").arg(i)),
                                                        loopback(3 + i)));
    QVERIFY(startAll({&seeder, leechers[0].get(), leechers[1].get(), leechers[2].get()}));
    // Slow enough that the download spans dozens of rotations (about 4 s for all three).
    seeder.engine().setRateLimits(0, 1536 * 1024);
    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);
    for (auto &l : leechers)
        l->add(*info, {seeder.endpoint()}); // only the seeder: they cannot help each other
    QVERIFY2(waitAllSeeding(swarmOf(leechers, &seeder), info->infoHash, kTransferTimeoutMs),
             "not every leecher completed: their views of the swarm are logged above");
    for (auto &l : leechers)
        QCOMPARE(testutil::compareTrees(*info, seedDir, l->savePath()), QString());
}

// Engine::setChokerSettings changes the torrents already running, not only those added later.
void TestSwarm::chokerSettingsApplyAtRuntime()
{
    const QString seedDir = m_tmp->filePath(QStringLiteral("seed"));
    const QString source = QDir(seedDir).filePath(QStringLiteral("single.bin"));
    QVERIFY(testutil::writeRandomFile(source, 4 * 1024 * 1024, 80));
    const auto info = testutil::makeTorrent(source, kPieceSize);
    QVERIFY(info);

    EngineNode seeder(m_tmp->filePath(QStringLiteral("state-seed")), seedDir, loopback(2));
    std::vector<std::unique_ptr<EngineNode>> leechers;
    for (int i = 0; i < 3; ++i)
        leechers.push_back(std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-l%1").arg(i)),
                                                        m_tmp->filePath(QStringLiteral("dl%1").arg(i)),
                                                        loopback(3 + i)));
    QVERIFY(startAll({&seeder, leechers[0].get(), leechers[1].get(), leechers[2].get()}));
    seeder.engine().setRateLimits(0, 96 * 1024); // keeps the leechers interested for ~40 s
    seeder.add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(seeder.isSeeding(info->infoHash), qPrintable(seeder.describe(info->infoHash)),
                              kCheckTimeoutMs);
    for (auto &l : leechers)
        l->add(*info, {seeder.endpoint()});

    auto unchoked = [&] {
        const auto t = seeder.torrent(info->infoHash);
        int n = 0;
        if (t && t->detail)
            for (const session::PeerSnapshot &p : t->detail->peers)
                n += p.amChoking ? 0 : 1;
        return n;
    };
    // Four regular slots and an optimistic one by default: all three are served.
    QTRY_COMPARE_WITH_TIMEOUT(unchoked(), 3, kCheckTimeoutMs);

    swarm::ChokerSettings one;
    one.regularSlots = 1;
    one.optimisticSlots = 0;
    seeder.engine().setChokerSettings(one);
    // At the latest by the next regular rechoke (10 s under the old settings).
    QTRY_COMPARE_WITH_TIMEOUT(unchoked(), 1, 12'000);
}

QTEST_GUILESS_MAIN(TestSwarm)
#include "tst_swarm.moc"
