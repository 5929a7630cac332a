// Crashes and signals against the real swarmscope-cli: a rate-limited download is killed with
// SIGKILL (or stopped with SIGTERM) half-way; whatever its state database claims must be on disk
// and hash right, `list` must read the state while the downloader holds it and after it died,
// and a restarted download must finish from where the state says, not from zero.
#include "sessiontestutil.h"

#include "state/statestore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>
#include <sys/types.h>

using namespace swarmscope;

namespace {

const QString kCli = QStringLiteral(SWARMSCOPE_CLI);
const QHostAddress kSeederAddress(QStringLiteral("127.0.0.2"));
const QString kLeecherAddress = QStringLiteral("127.0.0.3");
constexpr qint64 kPieceSize = 64 * 1024;
constexpr qint64 kPayloadSize = 24LL * 1024 * 1024 + 777; // ~12 s at the 2000 KiB/s limit
constexpr int kProcessTimeoutMs = 30'000;
constexpr int kReadyTimeoutMs = 15'000;

// A CLI process that is always stopped, whatever the test's outcome.
class CliProcess {
public:
    explicit CliProcess(const QStringList &args)
    {
        m_process.setProgram(kCli);
        m_process.setArguments(args);
        m_process.start();
        m_process.waitForStarted(kProcessTimeoutMs);
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Everything it wrote to stderr so far (kept: reading drains the pipe).
    QString err()
    {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }
    QString describe()
    {
        return QStringLiteral("%1 %2: state %3, exit %4\nstderr: %5")
            .arg(kCli, m_process.arguments().join(u' '))
            .arg(int(m_process.state()))
            .arg(m_process.exitCode())
            .arg(err().right(3000));
    }

private:
    QProcess m_process;
    QString m_err;
};

struct ListEntry {
    QString state;
    int piecesHave = -1;
    int piecesTotal = -1;
    qint64 downloaded = -1;
};

// `swarmscope-cli list --state-dir DIR --json`: the first torrent, or nullopt (with `why`).
std::optional<ListEntry> listState(const QString &stateDir, QString *why = nullptr)
{
    QProcess p;
    p.start(kCli, {QStringLiteral("list"), QStringLiteral("--state-dir"), stateDir, QStringLiteral("--json")});
    if (!p.waitForFinished(kProcessTimeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (why)
            *why = QStringLiteral("list failed (exit %1): %2")
                       .arg(p.exitCode())
                       .arg(QString::fromUtf8(p.readAllStandardError()));
        return std::nullopt;
    }
    const QJsonArray array = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    if (array.isEmpty()) {
        if (why)
            *why = QStringLiteral("list shows no torrent");
        return std::nullopt;
    }
    const QJsonObject o = array.first().toObject();
    ListEntry e;
    e.state = o.value(QLatin1String("state")).toString();
    e.piecesHave = o.value(QLatin1String("piecesHave")).toInt(-1);
    e.piecesTotal = o.value(QLatin1String("piecesTotal")).toInt(-1);
    e.downloaded = o.value(QLatin1String("downloaded")).toInteger(-1);
    return e;
}

// The have-bitfield exactly as the state database holds it.
std::optional<Bitfield> savedHave(const QString &stateDir, const metainfo::TorrentInfo &info)
{
    state::StateStore store;
    if (!store.open(stateDir, false))
        return std::nullopt;
    const auto record = store.loadTorrent(info.infoHash);
    if (!record)
        return std::nullopt;
    return Bitfield::fromWire(record->havePieces, info.pieceCount());
}

// The piece count of the last progress line ("downloading 12.5% 48/385 pieces ...").
int lastPrintedPieces(const QString &err)
{
    static const QRegularExpression re(QStringLiteral("(\\d+)/(\\d+) pieces"));
    int last = -1;
    for (auto it = re.globalMatch(err); it.hasNext();)
        last = it.next().captured(1).toInt();
    return last;
}

} // namespace

class TestCrashResume : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void killedDownloadResumes();
    void sigtermSavesProgress();

private:
    // Starts the seeder process and waits until it seeds (as its own state says).
    bool startSeeder();
    QStringList downloadArgs(bool limited) const;
    // Polls `list` (while the downloader holds the state) until it shows some pieces.
    std::optional<ListEntry> waitForProgress(CliProcess &download);

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::optional<metainfo::TorrentInfo> m_info;
    QString m_torrentPath;
    QString m_dataDir;
    QString m_downloadDir;
    QString m_stateDir;
    quint16 m_seederPort = 0;
    std::unique_ptr<CliProcess> m_seeder;
};

void TestCrashResume::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_dataDir = m_tmp->filePath(QStringLiteral("data"));
    m_downloadDir = m_tmp->filePath(QStringLiteral("download"));
    m_stateDir = m_tmp->filePath(QStringLiteral("state-leech"));
    const QString source = QDir(m_dataDir).filePath(QStringLiteral("big.bin"));
    QVERIFY(testutil::writeRandomFile(source, kPayloadSize, 4242));
    QByteArray torrent;
    QString error;
    m_info = testutil::makeTorrent(source, kPieceSize, {}, &torrent, &error);
    QVERIFY2(m_info, qPrintable(error));
    m_torrentPath = m_tmp->filePath(QStringLiteral("big.torrent"));
    QVERIFY(testutil::writeFile(m_torrentPath, torrent));
    QVERIFY(startSeeder());
}

void TestCrashResume::cleanup()
{
    m_seeder.reset();
    m_tmp.reset();
}

bool TestCrashResume::startSeeder()
{
    m_seederPort = testutil::freePort(kSeederAddress);
    if (m_seederPort == 0)
        return false;
    const QString stateDir = m_tmp->filePath(QStringLiteral("state-seed"));
    m_seeder = std::make_unique<CliProcess>(
        QStringList{QStringLiteral("seed"), QStringLiteral("--no-dht"), m_torrentPath, QStringLiteral("--save"), m_dataDir,
                    QStringLiteral("--state-dir"), stateDir, QStringLiteral("--port"), QString::number(m_seederPort),
                    QStringLiteral("--bind"), kSeederAddress.toString(), QStringLiteral("--no-trackers")});
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < kReadyTimeoutMs) {
        if (!m_seeder->running()) {
            qWarning("the seeder exited: %s", qPrintable(m_seeder->describe()));
            return false;
        }
        if (const auto e = listState(stateDir); e && e->state == u"seeding" && e->piecesHave == e->piecesTotal)
            return true;
        QTest::qWait(100);
    }
    qWarning("the seeder did not get ready: %s", qPrintable(m_seeder->describe()));
    return false;
}

QStringList TestCrashResume::downloadArgs(bool limited) const
{
    QStringList args{QStringLiteral("download"), QStringLiteral("--no-dht"), m_torrentPath, QStringLiteral("--save"), m_downloadDir,
                     QStringLiteral("--state-dir"), m_stateDir, QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--bind"), kLeecherAddress, QStringLiteral("--no-trackers"),
                     QStringLiteral("--peer"),
                     QStringLiteral("%1:%2").arg(kSeederAddress.toString()).arg(m_seederPort)};
    if (limited)
        args << QStringLiteral("--max-down") << QStringLiteral("2000");
    return args;
}

std::optional<ListEntry> TestCrashResume::waitForProgress(CliProcess &download)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < kReadyTimeoutMs && download.running()) {
        QString why;
        const auto e = listState(m_stateDir, &why);
        // Before the downloader's first commit the database may not exist yet: keep polling.
        if (e && e->piecesHave > 0)
            return e;
        QTest::qWait(100);
    }
    return std::nullopt;
}

void TestCrashResume::killedDownloadResumes()
{
    const int pieces = m_info->pieceCount();
    std::optional<ListEntry> during;
    {
        CliProcess download(downloadArgs(true));
        during = waitForProgress(download);
        QVERIFY2(during, qPrintable(QStringLiteral("list never showed progress: ") + download.describe()));
        QVERIFY2(download.running() && during->piecesHave < pieces,
                 qPrintable(QStringLiteral("the download finished before it could be killed (was the "
                                           "--max-down limit honoured?): ")
                            + download.describe()));
        ::kill(pid_t(download.process().processId()), SIGKILL);
        QVERIFY(download.process().waitForFinished(5000));
        QCOMPARE(download.process().exitStatus(), QProcess::CrashExit);
    }

    // After the crash: `list` still reads the state, and every piece it vouches for is on disk.
    QString why;
    const auto after = listState(m_stateDir, &why);
    QVERIFY2(after, qPrintable(why));
    QVERIFY2(after->piecesHave >= during->piecesHave, "pieces committed before the kill were lost");
    QVERIFY(after->piecesHave < pieces);
    const auto have = savedHave(m_stateDir, *m_info);
    QVERIFY(have);
    QCOMPARE(have->count(), after->piecesHave);
    QCOMPARE(testutil::badPieces(*m_info, m_downloadDir, *have), QList<int>());

    // The restart finishes from there.
    CliProcess resumed(downloadArgs(false));
    QVERIFY2(resumed.process().waitForFinished(kProcessTimeoutMs), qPrintable(resumed.describe()));
    QVERIFY2(resumed.process().exitStatus() == QProcess::NormalExit && resumed.process().exitCode() == 0,
             qPrintable(resumed.describe()));
    QCOMPARE(testutil::compareTrees(*m_info, m_dataDir, m_downloadDir), QString());
    const auto done = listState(m_stateDir, &why);
    QVERIFY2(done, qPrintable(why));
    QCOMPARE(done->state, QStringLiteral("seeding"));
    QCOMPARE(done->piecesHave, pieces);
    // The second run's payload is what the state lacked, not the whole: pieces verified after
    // the last commit, or in flight at the kill, are fetched again and belong to the remainder.
    const qint64 secondRun = done->downloaded - after->downloaded;
    const qint64 remainder = m_info->totalSize - qint64(after->piecesHave) * kPieceSize;
    QVERIFY2(secondRun >= remainder - kPieceSize && secondRun <= remainder + 2 * kPieceSize
                 && secondRun < m_info->totalSize,
             qPrintable(QStringLiteral("the restart downloaded %1 bytes; %2 were missing of %3")
                            .arg(secondRun)
                            .arg(remainder)
                            .arg(m_info->totalSize)));
}

void TestCrashResume::sigtermSavesProgress()
{
    const int pieces = m_info->pieceCount();
    CliProcess download(downloadArgs(true));
    const auto during = waitForProgress(download);
    QVERIFY2(during, qPrintable(QStringLiteral("list never showed progress: ") + download.describe()));
    // Let it verify more than it has committed, then stop it: the clean stop saves the rest.
    QTest::qWait(1200);
    QVERIFY2(download.running(), qPrintable(QStringLiteral("finished too early: ") + download.describe()));
    const int printed = lastPrintedPieces(download.err());
    download.process().terminate(); // SIGTERM
    QVERIFY2(download.process().waitForFinished(5000), "did not exit within 5 s of SIGTERM");
    QCOMPARE(download.process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(download.process().exitCode() == 0 || download.process().exitCode() == 1, qPrintable(download.describe()));
    QVERIFY2(download.err().contains(QLatin1String("state saved")), qPrintable(download.describe()));

    QString why;
    const auto after = listState(m_stateDir, &why);
    QVERIFY2(after, qPrintable(why));
    QVERIFY2(after->piecesHave >= std::max(during->piecesHave, printed),
             qPrintable(QStringLiteral("saved %1 pieces; list showed %2 and the process printed %3 before SIGTERM")
                            .arg(after->piecesHave)
                            .arg(during->piecesHave)
                            .arg(printed)));
    QVERIFY(after->piecesHave < pieces);
    const auto have = savedHave(m_stateDir, *m_info);
    QVERIFY(have);
    QCOMPARE(have->count(), after->piecesHave);
    QCOMPARE(testutil::badPieces(*m_info, m_downloadDir, *have), QList<int>());
}

QTEST_GUILESS_MAIN(TestCrashResume)
#include "tst_crashresume.moc"
