// The DHT at the session level: in-process engines with the DHT on, each on its own 127.0.0.x
// address (the DHT's rate limit counts per address), bootstrapping from the first engine. No
// trackers and no peers given: a leecher finds the seeder through the DHT alone. Then the
// leecher restarts with a bootstrap list that leads nowhere (a loopback socket nobody reads;
// an empty list would mean the public routers) and must rejoin from the routing table it saved
// in SQLite ("dht/state"), on a new port so that nobody who knew it can reach it first, and find
// the seeder of a torrent it never saw. Nothing here ever sends to a non-loopback address.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "dht/routingtable.h"
#include "state/statestore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace swarmscope;
using testutil::EngineNode;

namespace {

constexpr qint64 kPieceSize = 32 * 1024;
// A search that found nobody is retried after 30 s (DhtServiceSettings::retryInterval): allow
// a few rounds.
constexpr int kFindTimeoutMs = 120'000;
constexpr int kStepTimeoutMs = 30'000;

QHostAddress loopback(int n)
{
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(n));
}

// Nodes in the engine's routing table, as its latest snapshot says (-1: none yet, or DHT off).
int dhtNodes(EngineNode &node)
{
    const session::SessionSnapshotPtr s = node.running() ? node.engine().latestSnapshot() : nullptr;
    return s ? s->dhtNodes : -1;
}

} // namespace

class TestDhtSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void leecherFindsSeederThroughDht();
    void restartRejoinsFromSavedTable();

private:
    std::unique_ptr<EngineNode> makeNode(const QString &name, int address, const QStringList &bootstrap);
    std::optional<metainfo::TorrentInfo> makePayload(const QString &name, quint32 seed);

    std::unique_ptr<QTemporaryDir> m_tmp;
    QUdpSocket m_silent; // bound, never read: a bootstrap "router" that never answers
    QString m_deadBootstrap;
    std::unique_ptr<EngineNode> m_hub, m_other, m_seeder, m_leecher;
};

std::unique_ptr<EngineNode> TestDhtSession::makeNode(const QString &name, int address, const QStringList &bootstrap)
{
    auto node = std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state-") + name),
                                             m_tmp->filePath(QStringLiteral("save-") + name), loopback(address));
    session::SessionSettings &s = node->settings();
    s.dhtEnabled = true;
    s.dhtPort = 0; // the listen port's number
    Q_ASSERT(!bootstrap.isEmpty()); // empty would mean the public routers
    s.dhtBootstrap = bootstrap;
    s.announceToTrackers = false;
    return node;
}

std::optional<metainfo::TorrentInfo> TestDhtSession::makePayload(const QString &name, quint32 seed)
{
    const QString file = QDir(m_tmp->filePath(QStringLiteral("save-seeder"))).filePath(name);
    if (!testutil::writeRandomFile(file, 700'000, seed))
        return std::nullopt;
    return testutil::makeTorrent(file, kPieceSize); // no trackers
}

void TestDhtSession::initTestCase()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    QVERIFY(m_silent.bind(QHostAddress(QHostAddress::LocalHost), 0));
    m_deadBootstrap = QStringLiteral("127.0.0.1:%1").arg(m_silent.localPort());

    QString error;
    m_hub = makeNode(QStringLiteral("hub"), 41, {m_deadBootstrap});
    QVERIFY2(m_hub->start(&error), qPrintable(error));
    const QStringList viaHub{QStringLiteral("127.0.0.41:%1").arg(m_hub->port())};
    m_other = makeNode(QStringLiteral("other"), 42, viaHub);
    m_seeder = makeNode(QStringLiteral("seeder"), 43, viaHub);
    m_leecher = makeNode(QStringLiteral("leecher"), 44, viaHub);
    for (EngineNode *n : {m_other.get(), m_seeder.get(), m_leecher.get()})
        QVERIFY2(n->start(&error), qPrintable(error));
    // Everyone joined through the hub, and the hub learnt them from their queries.
    for (EngineNode *n : {m_other.get(), m_seeder.get(), m_leecher.get()})
        QTRY_VERIFY_WITH_TIMEOUT(dhtNodes(*n) >= 1, kStepTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(dhtNodes(*m_hub) >= 3, kStepTimeoutMs);
}

void TestDhtSession::cleanupTestCase()
{
    for (auto *n : {&m_leecher, &m_seeder, &m_other, &m_hub})
        if (*n)
            (*n)->stop();
}

void TestDhtSession::leecherFindsSeederThroughDht()
{
    const auto info = makePayload(QStringLiteral("first.bin"), 7);
    QVERIFY(info);
    QVERIFY(info->trackerTiers.isEmpty());
    m_seeder->add(*info);
    QTRY_VERIFY2_WITH_TIMEOUT(m_seeder->isSeeding(info->infoHash), qPrintable(m_seeder->describe(info->infoHash)),
                              kStepTimeoutMs);
    m_leecher->add(*info); // no peers, no trackers: the DHT is the only way to the seeder
    QTRY_VERIFY2_WITH_TIMEOUT(m_leecher->isSeeding(info->infoHash),
                              qPrintable(m_leecher->describe(info->infoHash) + m_leecher->describePeers(info->infoHash)),
                              kFindTimeoutMs);
    QCOMPARE(testutil::compareTrees(*info, m_seeder->savePath(), m_leecher->savePath()), QString());
}

void TestDhtSession::restartRejoinsFromSavedTable()
{
    const quint16 oldPort = m_leecher->port();
    m_leecher->stop();

    // What the clean shutdown saved: our id and the nodes that answered us.
    state::StateStore store;
    QVERIFY(store.open(m_leecher->stateDir(), false));
    const QByteArray blob = QByteArray::fromBase64(store.loadSettings().value(QStringLiteral("dht/state")).toLatin1());
    store.close();
    const auto saved = dht::RoutingTable::load(blob);
    QVERIFY2(saved, "no routing table saved under dht/state");
    QList<dht::Endpoint> savedNodes;
    for (const dht::NodeInfo &n : saved->nodes)
        savedNodes << n.endpoint;
    for (const EngineNode *n : {m_hub.get(), m_other.get(), m_seeder.get()})
        QVERIFY2(savedNodes.contains(dht::Endpoint::make(n->address(), n->port())),
                 qPrintable(QStringLiteral("%1:%2 missing from the saved table").arg(n->address().toString()).arg(n->port())));

    // A torrent the leecher never saw, seeded while it is away.
    const auto second = makePayload(QStringLiteral("second.bin"), 99);
    QVERIFY(second);
    m_seeder->add(*second);
    QTRY_VERIFY2_WITH_TIMEOUT(m_seeder->isSeeding(second->infoHash), qPrintable(m_seeder->describe(second->infoHash)),
                              kStepTimeoutMs);

    // Back with a bootstrap list that leads nowhere, on a new port: only the saved table helps.
    m_leecher->settings().dhtBootstrap = {m_deadBootstrap};
    m_leecher->settings().listenPort = 0;
    QString error;
    QVERIFY2(m_leecher->start(&error), qPrintable(error));
    QVERIFY(m_leecher->port() != oldPort);
    // The control: the same dead list and no saved table stays alone.
    auto stranger = makeNode(QStringLiteral("stranger"), 45, {m_deadBootstrap});
    QVERIFY2(stranger->start(&error), qPrintable(error));

    m_leecher->add(*second);
    QTRY_VERIFY2_WITH_TIMEOUT(m_leecher->isSeeding(second->infoHash),
                              qPrintable(m_leecher->describe(second->infoHash)
                                         + m_leecher->describePeers(second->infoHash)),
                              kFindTimeoutMs);
    QCOMPARE(testutil::compareTrees(*second, m_seeder->savePath(), m_leecher->savePath()), QString());
    QVERIFY(dhtNodes(*m_leecher) >= 3);
    QCOMPARE(dhtNodes(*stranger), 0);
    stranger->stop();
}

QTEST_GUILESS_MAIN(TestDhtSession)
#include "tst_dhtsession.moc"
