// Swarmscope on the real network's protocols against libtorrent, on loopback:
// - a magnet link with no tracker and no peer resolves through the DHT alone, bootstrapped from
//   a mesh of libtorrent DHT nodes one of which seeds (our node answers theirs too);
// - peers learned by peer exchange: a libtorrent "hub" with no data is the only peer we are
//   given; the data can only come from the seeders it names in its ut_pex messages;
// - a magnet link with a tracker (HTTP, and UDP): a libtorrent seeder announces to opentracker,
//   our CLI announces the magnet's tracker, finds the seeder there alone and fetches the metadata
//   and the data from it.
// The libtorrent side is tests/interop/lt_swarm.py and lt_peer.py (python3-libtorrent), which
// refuse any endpoint outside loopback. Every wait is bounded; every process is killed at the end.
#include "../session/sessiontestutil.h"
#include "childprocess.h"
#include "opentracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace swarmscope;
using testutil::Child;
using testutil::OpenTracker;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // the only one with python3-libtorrent
const QString kLtSwarm = QStringLiteral(LT_SWARM);
const QString kLtPeer = QStringLiteral(LT_PEER);
const QString kCli = QStringLiteral(SWARMSCOPE_CLI);
// Each side on its own loopback address, so the tracker hands each the other's real address.
const QString kOurAddress = QStringLiteral("127.0.0.1");
const QString kLtSeederAddress = QStringLiteral("127.0.0.2");
const QString kTrackerAddress = QStringLiteral("127.0.0.5");
constexpr int kReadyTimeoutMs = 30'000;
constexpr int kTransferTimeoutMs = 90'000;

bool libtorrentAvailable()
{
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QStringLiteral("import libtorrent")});
    return p.waitForFinished(20'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The JSON of the first "TAG {...}" line.
std::optional<QJsonObject> waitForEvent(Child &child, const QString &tag, int timeoutMs)
{
    const auto line = child.waitForLine(tag + u' ', timeoutMs);
    if (!line)
        return std::nullopt;
    return QJsonDocument::fromJson(line->mid(tag.size() + 1).toUtf8()).object();
}

// The largest "up <bytes>" of lt_peer.py's progress lines: what libtorrent says it uploaded.
qint64 maxUploaded(const QString &out)
{
    static const QRegularExpression re(QStringLiteral("^progress .* up (\\d+)$"), QRegularExpression::MultilineOption);
    qint64 best = -1;
    for (auto it = re.globalMatch(out); it.hasNext();)
        best = std::max(best, it.next().captured(1).toLongLong());
    return best;
}

} // namespace

class TestNetworkInterop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void trackerlessMagnetThroughDht();
    void peersFromLibtorrentPex();
    void magnetWithTrackerFromLibtorrentSeeder_data();
    void magnetWithTrackerFromLibtorrentSeeder();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::optional<metainfo::TorrentInfo> m_info;
    QString m_torrentPath;
    QString m_dataDir;
};

void TestNetworkInterop::initTestCase()
{
    if (!libtorrentAvailable())
        QSKIP("python3-libtorrent is not installed for /usr/bin/python3 (apt-get install python3-libtorrent; "
              "packaging/dev.sh does it)");
}

void TestNetworkInterop::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    const QString folder = QDir(m_dataDir).filePath(QStringLiteral("payload"));
    QVERIFY(testutil::writePayload(folder, testutil::multiFileLayout(60'000), 4242));
    QByteArray torrent;
    QString error;
    m_info = testutil::makeTorrent(folder, 16 * 1024, {}, &torrent, &error); // no tracker at all
    QVERIFY2(m_info, qPrintable(error));
    m_torrentPath = m_tmp->filePath(QStringLiteral("t.torrent"));
    QVERIFY(testutil::writeFile(m_torrentPath, torrent));
}

// Only the info-hash: our node bootstraps from one libtorrent node, walks their DHT to the
// seeder, fetches the metadata from it (BEP 9) and downloads.
void TestNetworkInterop::trackerlessMagnetThroughDht()
{
    Child swarm(kPython, {kLtSwarm, QStringLiteral("dht"), QStringLiteral("--torrent"), m_torrentPath,
                          QStringLiteral("--data"), m_dataDir, QStringLiteral("--nodes"), QStringLiteral("4"),
                          QStringLiteral("--timeout"), QStringLiteral("150")});
    const auto ready = waitForEvent(swarm, QStringLiteral("READY"), kReadyTimeoutMs);
    QVERIFY2(ready, qPrintable(swarm.describe()));
    const QJsonArray nodes = ready->value(QLatin1String("nodes")).toArray();
    QVERIFY2(nodes.size() == 4, qPrintable(swarm.describe()));
    // Bootstrap from a node that does not seed: the seeder must be found by walking the DHT.
    QJsonObject entry;
    for (const QJsonValue &n : nodes)
        if (!n.toObject().value(QLatin1String("seeding")).toBool())
            entry = n.toObject();
    QVERIFY2(!entry.isEmpty(), qPrintable(swarm.describe()));
    const QString bootstrap = QStringLiteral("%1:%2").arg(entry.value(QLatin1String("host")).toString()).arg(
        entry.value(QLatin1String("dht_port")).toInt());

    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:") + m_info->infoHash.toHex();
    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, {QStringLiteral("download"), magnet, QStringLiteral("--save"), downloadDir,
                      QStringLiteral("--state-dir"), m_tmp->filePath(QStringLiteral("state")), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--no-trackers"), QStringLiteral("--dht-bootstrap"), bootstrap});
    QVERIFY2(ours.finishedOk(kTransferTimeoutMs),
             qPrintable(ours.describe() + QStringLiteral("\n--- libtorrent DHT:\n") + swarm.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, downloadDir), QString());
    // Our node answered theirs well enough to be kept in a libtorrent routing table.
    QVERIFY2(swarm.waitForLine(QStringLiteral("NODE_SEEN "), 10'000), qPrintable(swarm.describe()));
}

// The hub holds no piece; three libtorrent seeders it is connected to hold everything. We are
// given the hub alone, so every byte we get comes from a peer its ut_pex messages named.
void TestNetworkInterop::peersFromLibtorrentPex()
{
    Child swarm(kPython, {kLtSwarm, QStringLiteral("pex"), QStringLiteral("--torrent"), m_torrentPath,
                          QStringLiteral("--data"), m_dataDir, QStringLiteral("--others"), QStringLiteral("3"),
                          QStringLiteral("--hub"), QStringLiteral("empty"), QStringLiteral("--timeout"),
                          QStringLiteral("150")});
    const auto ready = waitForEvent(swarm, QStringLiteral("READY"), kReadyTimeoutMs);
    QVERIFY2(ready, qPrintable(swarm.describe()));
    const QJsonObject hub = ready->value(QLatin1String("hub")).toObject();
    const QString hubEndpoint = QStringLiteral("%1:%2").arg(hub.value(QLatin1String("host")).toString()).arg(
        hub.value(QLatin1String("port")).toInt());

    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, {QStringLiteral("download"), m_torrentPath, QStringLiteral("--save"), downloadDir,
                      QStringLiteral("--state-dir"), m_tmp->filePath(QStringLiteral("state")), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--no-trackers"), QStringLiteral("--no-dht"), QStringLiteral("--peer"),
                      hubEndpoint});
    QVERIFY2(ours.finishedOk(kTransferTimeoutMs),
             qPrintable(ours.describe() + QStringLiteral("\n--- libtorrent PEX swarm:\n") + swarm.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, downloadDir), QString());
    QVERIFY2(swarm.waitForLine(QStringLiteral("PEX_SENT "), 10'000), qPrintable(swarm.describe()));
}

void TestNetworkInterop::magnetWithTrackerFromLibtorrentSeeder_data()
{
    QTest::addColumn<bool>("udp");
    QTest::newRow("http tracker") << false;
    QTest::newRow("udp tracker") << true;
}

// The magnet link names only the info-hash and opentracker; no peer is given and DHT is off, so
// the seeder can only be found at the tracker. libtorrent announces there from its own address.
void TestNetworkInterop::magnetWithTrackerFromLibtorrentSeeder()
{
    QFETCH(bool, udp);
    if (const QString why = OpenTracker::missingReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    OpenTracker tracker;
    QString error;
    QVERIFY2(tracker.start(kTrackerAddress, {m_info->infoHash}, &error), qPrintable(error));
    const QString url = udp ? tracker.udpAnnounceUrl() : tracker.httpAnnounceUrl();

    // The seeder's copy of the torrent announces to the tracker (same info-hash: only the
    // announce URL differs from the torrent made in init()).
    metainfo::TorrentInfo tracked = *m_info;
    tracked.trackerTiers = {{url}};
    const QString trackedPath = m_tmp->filePath(QStringLiteral("tracked.torrent"));
    QVERIFY(testutil::writeFile(trackedPath, metainfo::encodeTorrentFile(tracked)));
    Child seeder(kPython, {kLtPeer, QStringLiteral("seed"), trackedPath, m_dataDir, QStringLiteral("0"),
                           QStringLiteral("--host"), kLtSeederAddress, QStringLiteral("--trackers")});
    QVERIFY2(seeder.waitForLine(QStringLiteral("seeding"), kReadyTimeoutMs), qPrintable(seeder.describe()));
    QVERIFY2(tracker.waitForSeeders(m_info->infoHash, 1, kReadyTimeoutMs, [&] { return seeder.running(); }),
             qPrintable(seeder.describe() + QStringLiteral("\n--- opentracker:\n") + tracker.describe()));

    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:%1&tr=%2")
                               .arg(m_info->infoHash.toHex(), QString::fromLatin1(QUrl::toPercentEncoding(url)));
    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, {QStringLiteral("download"), magnet, QStringLiteral("--no-dht"), QStringLiteral("--save"),
                      downloadDir, QStringLiteral("--state-dir"), m_tmp->filePath(QStringLiteral("state")),
                      QStringLiteral("--bind"), kOurAddress, QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(ours.finishedOk(kTransferTimeoutMs),
             qPrintable(ours.describe() + QStringLiteral("\n--- libtorrent seeder:\n") + seeder.describe()
                        + QStringLiteral("\n--- opentracker:\n") + tracker.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, downloadDir), QString());
    // libtorrent itself counted what it sent: the whole payload came from the seeder we found.
    QTRY_VERIFY2_WITH_TIMEOUT(maxUploaded(seeder.out()) >= m_info->totalSize, qPrintable(seeder.describe()), 5000);
}

QTEST_GUILESS_MAIN(TestNetworkInterop)
#include "tst_networkinterop.moc"
