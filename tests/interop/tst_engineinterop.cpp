// Our engine against libtorrent on the wire: swarmscope-cli downloads from a libtorrent seeder,
// and a libtorrent leecher downloads from swarmscope-cli seeding, single-file and multi-file,
// over TCP on loopback. The libtorrent side is tests/interop/lt_peer.py (python3-libtorrent).
//
// Addresses: we listen on 127.0.0.1, libtorrent on 127.0.0.2 (and binds its outgoing connections
// there), so each side sees the other on its own address, as on a real network; peers are given
// directly (connect_peer / --peer), never through a tracker.
#include "../session/sessiontestutil.h"
#include "childprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using testutil::Child;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // the only one with python3-libtorrent
const QString kLtPeer = QStringLiteral(LT_PEER);
const QString kCli = QStringLiteral(SWARMSCOPE_CLI);
const QString kOurAddress = QStringLiteral("127.0.0.1");
const QString kLtAddress = QStringLiteral("127.0.0.2");
constexpr qint64 kPieceSize = 32 * 1024;
constexpr int kTransferTimeoutMs = 60'000;
constexpr int kReadyTimeoutMs = 20'000;

bool libtorrentAvailable()
{
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QStringLiteral("import libtorrent")});
    return p.waitForFinished(20'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString listState(const QString &stateDir)
{
    QProcess p;
    p.start(kCli, {QStringLiteral("list"), QStringLiteral("--state-dir"), stateDir, QStringLiteral("--json")});
    if (!p.waitForFinished(20'000) || p.exitCode() != 0)
        return {};
    const QJsonArray a = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    if (a.isEmpty())
        return {};
    const QJsonObject o = a.first().toObject();
    if (o.value(QLatin1String("piecesHave")).toInt() != o.value(QLatin1String("piecesTotal")).toInt(-1))
        return QStringLiteral("incomplete");
    return o.value(QLatin1String("state")).toString();
}

// The largest "up <bytes>" of lt_peer.py's progress lines.
qint64 maxUploaded(const QString &out)
{
    static const QRegularExpression re(QStringLiteral("^progress .* up (\\d+)$"), QRegularExpression::MultilineOption);
    qint64 best = -1;
    for (auto it = re.globalMatch(out); it.hasNext();)
        best = std::max(best, it.next().captured(1).toLongLong());
    return best;
}

} // namespace

class TestEngineInterop : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void oursDownloadsFromLibtorrent_data() { payloads(); }
    void oursDownloadsFromLibtorrent();
    void libtorrentDownloadsFromOurs_data() { payloads(); }
    void libtorrentDownloadsFromOurs();
    void libtorrentFetchesMetadataFromOurs_data() { payloads(); }
    void libtorrentFetchesMetadataFromOurs();

private:
    void payloads();
    void libtorrentLeechesFromOurs(bool magnet);
    // Writes the payload under <tmp>/data and the torrent to <tmp>/t.torrent.
    bool makePayload(bool multiFile);

    bool m_haveLibtorrent = false;
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::optional<metainfo::TorrentInfo> m_info;
    QString m_dataDir;
    QString m_torrentPath;
};

void TestEngineInterop::initTestCase()
{
    m_haveLibtorrent = libtorrentAvailable();
}

void TestEngineInterop::init()
{
    if (!m_haveLibtorrent)
        QSKIP("python3-libtorrent is not installed for /usr/bin/python3 (apt install python3-libtorrent)");
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestEngineInterop::payloads()
{
    QTest::addColumn<bool>("multiFile");
    QTest::newRow("single-file") << false;
    QTest::newRow("multi-file") << true;
}

bool TestEngineInterop::makePayload(bool multiFile)
{
    m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    QString source;
    if (multiFile) {
        // Files not aligned to pieces, so pieces span files; a zero-length file each client
        // must create although no piece covers it.
        source = QDir(m_dataDir).filePath(QStringLiteral("album"));
        const QList<testutil::PayloadFile> files{
            {QStringLiteral("01 intro.bin"), 300'001},
            {QStringLiteral("01b empty.txt"), 0},
            {QStringLiteral("02.bin"), 1'234'567},
            {QStringLiteral("cd2/03.bin"), 45'000},
            {QStringLiteral("cd2/04.bin"), 2'000'003},
        };
        if (!testutil::writePayload(source, files, 900))
            return false;
    } else {
        source = QDir(m_dataDir).filePath(QStringLiteral("single.bin"));
        if (!testutil::writeRandomFile(source, 3'000'017, 901))
            return false;
    }
    QByteArray torrent;
    QString error;
    m_info = testutil::makeTorrent(source, kPieceSize, {}, &torrent, &error);
    if (!m_info) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_torrentPath = m_tmp->filePath(QStringLiteral("t.torrent"));
    return testutil::writeFile(m_torrentPath, torrent);
}

void TestEngineInterop::oursDownloadsFromLibtorrent()
{
    QFETCH(bool, multiFile);
    QVERIFY(makePayload(multiFile));

    Child seeder(kPython, {kLtPeer, QStringLiteral("seed"), m_torrentPath, m_dataDir, QStringLiteral("0"),
                           QStringLiteral("--host"), kLtAddress});
    const auto listening = seeder.waitForLine(QStringLiteral("listening "), kReadyTimeoutMs);
    QVERIFY2(listening, qPrintable(seeder.describe()));
    const QString endpoint = listening->mid(int(qstrlen("listening "))).trimmed();
    QVERIFY2(seeder.waitForLine(QStringLiteral("seeding"), kReadyTimeoutMs), qPrintable(seeder.describe()));

    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, {QStringLiteral("download"), QStringLiteral("--no-dht"), m_torrentPath, QStringLiteral("--save"), downloadDir,
                      QStringLiteral("--state-dir"), m_tmp->filePath(QStringLiteral("state")),
                      QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"), kOurAddress,
                      QStringLiteral("--no-trackers"), QStringLiteral("--peer"), endpoint});
    QVERIFY2(ours.finishedOk(kTransferTimeoutMs),
             qPrintable(ours.describe() + QStringLiteral("\n--- libtorrent seeder:\n") + seeder.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, downloadDir), QString());
    // libtorrent itself counted what it sent us: at least the whole payload.
    QTRY_VERIFY2_WITH_TIMEOUT(maxUploaded(seeder.out()) >= m_info->totalSize, qPrintable(seeder.describe()), 5000);
}

void TestEngineInterop::libtorrentDownloadsFromOurs()
{
    libtorrentLeechesFromOurs(false);
}

// A magnet link only: libtorrent fetches the info dictionary from our seeder (BEP 9 over BEP 10),
// then the data.
void TestEngineInterop::libtorrentFetchesMetadataFromOurs()
{
    libtorrentLeechesFromOurs(true);
}

void TestEngineInterop::libtorrentLeechesFromOurs(bool magnet)
{
    QFETCH(bool, multiFile);
    QVERIFY(makePayload(multiFile));

    const quint16 port = testutil::freePort(QHostAddress(kOurAddress));
    QVERIFY(port != 0);
    const QString stateDir = m_tmp->filePath(QStringLiteral("state"));
    Child ours(kCli, {QStringLiteral("seed"), QStringLiteral("--no-dht"), m_torrentPath, QStringLiteral("--save"), m_dataDir,
                      QStringLiteral("--state-dir"), stateDir, QStringLiteral("--port"), QString::number(port),
                      QStringLiteral("--bind"), kOurAddress, QStringLiteral("--no-trackers")});
    QTRY_VERIFY2_WITH_TIMEOUT(listState(stateDir) == u"seeding" || !ours.running(), qPrintable(ours.describe()),
                              kReadyTimeoutMs);
    QVERIFY2(ours.running(), qPrintable(ours.describe()));

    const QString downloadDir = m_tmp->filePath(QStringLiteral("lt"));
    QStringList leecherArgs{kLtPeer, QStringLiteral("download"), m_torrentPath, downloadDir, QStringLiteral("0"),
                            QStringLiteral("--host"), kLtAddress, QStringLiteral("--peer"),
                            QStringLiteral("%1:%2").arg(kOurAddress).arg(port), QStringLiteral("--timeout"),
                            QString::number(kTransferTimeoutMs / 1000 - 5)};
    if (magnet)
        leecherArgs << QStringLiteral("--magnet");
    Child leecher(kPython, leecherArgs);
    QVERIFY2(leecher.finishedOk(kTransferTimeoutMs),
             qPrintable(leecher.describe() + QStringLiteral("\n--- our seeder:\n") + ours.describe()));
    QVERIFY2(leecher.out().contains(QLatin1String("\ncomplete")), qPrintable(leecher.describe()));
    if (magnet)
        QVERIFY2(leecher.out().contains(QLatin1String("metadata received")), qPrintable(leecher.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, downloadDir), QString());
    QVERIFY2(ours.running(), qPrintable(ours.describe()));
}

QTEST_GUILESS_MAIN(TestEngineInterop)
#include "tst_engineinterop.moc"
