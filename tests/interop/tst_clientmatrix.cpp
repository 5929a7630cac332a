// The interop matrix: swarmscope-cli against two more real clients, aria2 and Transmission, each
// direction, single-file and multi-file, over TCP on loopback; at the end the files must be
// byte-identical to the originals. opentracker is the independent HTTP tracker through which
// aria2 finds our seeder; every other row gives the peer directly (our CLI's --peer).
//
// Addresses: each client has its own loopback address, because some clients drop tracker peers
// whose address is their own: we are 127.0.0.1, aria2 127.0.0.3, Transmission 127.0.0.4,
// opentracker 127.0.0.5. Nothing listens or connects beyond loopback: DHT, local peer discovery,
// PEX, UPnP/NAT-PMP and uTP are off in every client.
//
// Transmission 3.00 ignores loopback peers learned from trackers or PEX ("martian"), so we always
// connect to it (which side uploads does not depend on who connected). It sends "interested" and
// unchokes only at its rechoke pass (every 10 s), so its rows take about 10 s each.
//
// Needs (Debian packages): aria2, transmission-daemon + transmission-cli (transmission-remote),
// opentracker, mktorrent. A missing tool skips the rows that need it, naming the package.
#include "../session/sessiontestutil.h"
#include "childprocess.h"
#include "opentracker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using testutil::Child;
using testutil::OpenTracker;

// QVERIFY2 cuts its message at about a thousand characters and builds it even on success: the
// details (other clients' logs, transmission-remote queries) go to the test log in full, only
// on failure.
#define MATRIX_VERIFY(condition, details)                                                                       \
    do {                                                                                                         \
        if (!(condition)) {                                                                                      \
            qWarning().noquote() << (details);                                                                   \
            QFAIL(#condition);                                                                                   \
        }                                                                                                        \
    } while (false)

namespace {

const QString kCli = QStringLiteral(SWARMSCOPE_CLI);
const QString kOurAddress = QStringLiteral("127.0.0.1");
const QString kAria2Address = QStringLiteral("127.0.0.3");
const QString kTransmissionAddress = QStringLiteral("127.0.0.4");
const QString kTrackerAddress = QStringLiteral("127.0.0.5");
constexpr int kReadyTimeoutMs = 15'000;
// Per transfer; Transmission alone may wait 10 s before its first request or unchoke.
constexpr int kTransferTimeoutMs = 25'000;
constexpr int kToolTimeoutMs = 10'000;

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
    return path;
}

// A port free on `address` now and different from `other` (two probes may get the same one).
quint16 freePortExcept(const QString &address, quint16 other = 0)
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        const quint16 port = testutil::freePort(QHostAddress(address));
        if (port != 0 && port != other)
            return port;
    }
    return 0;
}

// Runs a short-lived tool to its end (bounded); its stdout, or nullopt when it failed.
std::optional<QString> runTool(const QString &program, const QStringList &args, QString *failure = nullptr)
{
    QProcess p;
    p.start(program, args);
    const bool done = p.waitForFinished(kToolTimeoutMs);
    if (!done) {
        p.kill();
        p.waitForFinished(5000);
    }
    if (done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return QString::fromUtf8(p.readAllStandardOutput());
    if (failure)
        *failure = QStringLiteral("%1 %2: %3 %4%5")
                       .arg(program, args.join(u' '), done ? QString() : QStringLiteral("timed out"),
                            QString::fromUtf8(p.readAllStandardError()), QString::fromUtf8(p.readAllStandardOutput()));
    return std::nullopt;
}

// Lines of a log file that say what went wrong on the wire (aria2's debug log is long; only it
// says why a connection ended).
QString logExcerpt(const QString &path)
{
    static const QRegularExpression interesting(
        QStringLiteral("Exception|ERROR|WARN|NOTICE|Connecting to|(To|From): \\S+ (bitfield|have all|have none|"
                       "choke|unchoke|handshake)"));
    QStringList lines;
    for (const QString &line : QString::fromUtf8(testutil::readFile(path)).split(u'\n'))
        if (line.contains(interesting))
            lines << line;
    return QStringLiteral("--- %1 (excerpt):\n%2").arg(path, lines.join(u'\n').right(6000));
}

// Empty when every file of the torrent is the same in both trees; otherwise what differs.
// Transmission 3.00 never creates zero-length files, so its rows may allow them to be missing.
QString compareFiles(const metainfo::TorrentInfo &info, const QString &expectedRoot, const QString &actualRoot,
                     bool allowMissingEmptyFiles)
{
    for (const metainfo::FileEntry &f : info.files) {
        if (f.padFile)
            continue;
        const QString actual = QDir(actualRoot).filePath(f.path);
        if (f.size == 0 && allowMissingEmptyFiles && !QFileInfo::exists(actual))
            continue;
        if (!QFileInfo(actual).isFile())
            return QStringLiteral("%1 is missing").arg(actual);
        if (QFileInfo(actual).size() != f.size)
            return QStringLiteral("%1 has %2 bytes, expected %3").arg(actual).arg(QFileInfo(actual).size()).arg(f.size);
        if (testutil::readFile(QDir(expectedRoot).filePath(f.path)) != testutil::readFile(actual))
            return QStringLiteral("%1 differs from the original").arg(actual);
    }
    return {};
}

// aria2c on its own address, BitTorrent over TCP only: no DHT (which is also its UDP tracker
// support), no local peer discovery, no PEX, no IPv6; it never maps ports. It also exits when
// this test process goes away.
QStringList aria2Args(const QString &dir, quint16 port, const QString &logPath)
{
    const QStringList options{
        QStringLiteral("no-conf"), QStringLiteral("enable-color=false"), QStringLiteral("show-console-readout=false"),
        QStringLiteral("summary-interval=0"), QStringLiteral("console-log-level=notice"), QStringLiteral("log=") + logPath,
        QStringLiteral("log-level=debug"), QStringLiteral("interface=") + kAria2Address,
        QStringLiteral("disable-ipv6=true"), QStringLiteral("listen-port=") + QString::number(port),
        QStringLiteral("enable-dht=false"), QStringLiteral("enable-dht6=false"), QStringLiteral("bt-enable-lpd=false"),
        QStringLiteral("enable-peer-exchange=false"), QStringLiteral("file-allocation=none"),
        QStringLiteral("stop-with-process=") + QString::number(QCoreApplication::applicationPid()),
        QStringLiteral("dir=") + dir};
    QStringList args;
    for (const QString &option : options)
        args << QStringLiteral("--") + option;
    return args;
}

// transmission-daemon with its own config folder and address, driven by transmission-remote.
class TransmissionDaemon {
public:
    TransmissionDaemon(QString daemon, QString remote, QString configDir)
        : m_daemon(std::move(daemon)), m_remote(std::move(remote)), m_configDir(std::move(configDir))
    {
    }

    bool start(QString *error)
    {
        m_peerPort = freePortExcept(kTransmissionAddress);
        m_rpcPort = freePortExcept(kTransmissionAddress, m_peerPort);
        const QJsonObject settings{
            {QStringLiteral("bind-address-ipv4"), kTransmissionAddress},
            {QStringLiteral("bind-address-ipv6"), QStringLiteral("::1")},
            {QStringLiteral("peer-port"), m_peerPort},
            {QStringLiteral("peer-port-random-on-start"), false},
            {QStringLiteral("port-forwarding-enabled"), false},
            {QStringLiteral("dht-enabled"), false},
            {QStringLiteral("lpd-enabled"), false},
            {QStringLiteral("pex-enabled"), false},
            {QStringLiteral("utp-enabled"), false},
            {QStringLiteral("blocklist-enabled"), false},
            // Seed for ever: no ratio or idle limit ends a seeding row early.
            {QStringLiteral("ratio-limit-enabled"), false},
            {QStringLiteral("idle-seeding-limit-enabled"), false},
            {QStringLiteral("encryption"), 0}, // prefer plain: we speak no MSE
            {QStringLiteral("rpc-enabled"), true},
            {QStringLiteral("rpc-bind-address"), kTransmissionAddress},
            {QStringLiteral("rpc-port"), m_rpcPort},
            {QStringLiteral("rpc-authentication-required"), false},
            {QStringLiteral("rpc-whitelist-enabled"), false},
            {QStringLiteral("rpc-host-whitelist-enabled"), false},
            {QStringLiteral("download-dir"), QDir(m_configDir).filePath(QStringLiteral("downloads"))},
            {QStringLiteral("incomplete-dir-enabled"), false},
            {QStringLiteral("rename-partial-files"), false},
            {QStringLiteral("start-added-torrents"), false},
            {QStringLiteral("watch-dir-enabled"), false},
            {QStringLiteral("trash-original-torrent-files"), false},
            {QStringLiteral("download-queue-enabled"), false},
            {QStringLiteral("seed-queue-enabled"), false},
            {QStringLiteral("queue-stalled-enabled"), false},
            {QStringLiteral("scrape-paused-torrents-enabled"), false},
            {QStringLiteral("message-level"), 2},
        };
        QDir().mkpath(m_configDir);
        if (!testutil::writeFile(QDir(m_configDir).filePath(QStringLiteral("settings.json")),
                                 QJsonDocument(settings).toJson()))
            return false;
        // The switches repeat what matters most, in case a setting's name ever changes.
        m_process = std::make_unique<Child>(
            m_daemon, QStringList{QStringLiteral("--foreground"), QStringLiteral("--config-dir"), m_configDir,
                                  QStringLiteral("--log-info"), QStringLiteral("--no-dht"), QStringLiteral("--no-lpd"),
                                  QStringLiteral("--no-portmap"), QStringLiteral("--no-utp"),
                                  QStringLiteral("--no-blocklist"), QStringLiteral("--no-auth"),
                                  QStringLiteral("--no-watch-dir"), QStringLiteral("--encryption-tolerated")});
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < kReadyTimeoutMs && m_process->running()) {
            if (remote({QStringLiteral("--list")}))
                return true;
            QTest::qWait(200);
        }
        *error = m_process->describe();
        return false;
    }

    QString peerEndpoint() const { return QStringLiteral("%1:%2").arg(kTransmissionAddress).arg(m_peerPort); }

    std::optional<QString> remote(const QStringList &args, QString *failure = nullptr) const
    {
        return runTool(m_remote, QStringList{QStringLiteral("%1:%2").arg(kTransmissionAddress).arg(m_rpcPort)} + args,
                       failure);
    }

    // "Percent Done" and "State" of transmission-remote --info, e.g. {"100%", "Seeding"}.
    std::pair<QString, QString> status(const QString &hash) const
    {
        static const QRegularExpression percent(QStringLiteral("^\\s*Percent Done:\\s*(\\S+)\\s*$"),
                                                QRegularExpression::MultilineOption);
        static const QRegularExpression state(QStringLiteral("^\\s*State:\\s*(.+?)\\s*$"),
                                              QRegularExpression::MultilineOption);
        const QString info = remote({QStringLiteral("--torrent"), hash, QStringLiteral("--info")}).value_or(QString());
        return {percent.match(info).captured(1), state.match(info).captured(1)};
    }

    // Waits until every piece of `hash` is verified and Transmission is in one of `states`.
    bool waitComplete(const QString &hash, const QStringList &states, int timeoutMs) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs && m_process->running()) {
            const auto [percent, state] = status(hash);
            if (percent == u"100%" && states.contains(state))
                return true;
            QTest::qWait(250);
        }
        return false;
    }

    // Stops the torrent (Transmission writes out its cache and closes the files), then the daemon.
    void shutDown(const QString &hash)
    {
        remote({QStringLiteral("--torrent"), hash, QStringLiteral("--stop")});
        m_process->stop(10'000);
    }

    QString describe(const QString &hash)
    {
        const QString info =
            remote({QStringLiteral("--torrent"), hash, QStringLiteral("--info")}).value_or(QStringLiteral("(no info)"));
        const QString peers = remote({QStringLiteral("--torrent"), hash, QStringLiteral("--info-peers")})
                                  .value_or(QStringLiteral("(no peers)"));
        return QStringLiteral("--- transmission:\n%1\n%2\n%3").arg(m_process->describe(), info.right(2500), peers);
    }

private:
    QString m_daemon;
    QString m_remote;
    QString m_configDir;
    quint16 m_peerPort = 0;
    quint16 m_rpcPort = 0;
    std::unique_ptr<Child> m_process;
};

struct Payload {
    QString dataRoot;       // the save path holding the complete original data
    QString plainTorrent;   // no trackers: peers are given directly
    QString trackedTorrent; // announces to opentracker (once it runs)
    metainfo::TorrentInfo info;
};

} // namespace

class TestClientMatrix : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aria2SeedsOursDownloads_data() { payloads(); }
    void aria2SeedsOursDownloads();
    void oursSeedsAria2DownloadsViaOpentracker_data() { payloads(); }
    void oursSeedsAria2DownloadsViaOpentracker();
    void transmissionSeedsOursDownloads_data() { payloads(); }
    void transmissionSeedsOursDownloads();
    void oursSeedsTransmissionDownloads_data() { payloads(); }
    void oursSeedsTransmissionDownloads();

private:
    void payloads();
    bool makeSingleFilePayload(QString *error);
    bool makeMultiFilePayload(QString *error);
    // The payload of the current row; skips the row when it could not be made.
    const Payload *currentPayload();
    QStringList ourArgs(const QString &command, const QString &torrent, const QString &save,
                        const QStringList &extra) const;
    std::unique_ptr<TransmissionDaemon> startTransmission(QString *error) const;

    QTemporaryDir m_shared; // payloads and torrents, read by every row
    std::unique_ptr<QTemporaryDir> m_tmp; // this row's downloads, state and logs
    std::optional<Payload> m_single;
    std::optional<Payload> m_multi;
    QString m_multiSkip;
    QString m_aria2;
    QString m_transmissionDaemon;
    QString m_transmissionRemote;
    OpenTracker m_tracker;
    bool m_trackerRunning = false;
    QString m_trackerSkip;
    bool m_ourDhtSwitch = false;
};

void TestClientMatrix::initTestCase()
{
    QVERIFY(m_shared.isValid());
    // Our DHT must stay off; when the CLI has no switch yet, it does not start one at all.
    const auto help = runTool(kCli, {QStringLiteral("download"), QStringLiteral("--help")});
    MATRIX_VERIFY(help, "swarmscope-cli download --help failed");
    m_ourDhtSwitch = help->contains(QLatin1String("--no-dht"));

    m_aria2 = findTool(QStringLiteral("aria2c"));
    m_transmissionDaemon = findTool(QStringLiteral("transmission-daemon"));
    m_transmissionRemote = findTool(QStringLiteral("transmission-remote"));

    QString error;
    MATRIX_VERIFY(makeSingleFilePayload(&error), qPrintable(error));
    if (!makeMultiFilePayload(&error))
        MATRIX_VERIFY(!m_multiSkip.isEmpty(), qPrintable(error));

    m_trackerSkip = OpenTracker::missingReason();
    if (!m_trackerSkip.isEmpty())
        return;
    QList<metainfo::InfoHash> hashes{m_single->info.infoHash};
    if (m_multi)
        hashes << m_multi->info.infoHash;
    MATRIX_VERIFY(m_tracker.start(kTrackerAddress, hashes, &error), qPrintable(error));
    m_trackerRunning = true;
    // The info-hash does not depend on the trackers, so the listed hashes still hold.
    for (Payload *p : {&*m_single, m_multi ? &*m_multi : nullptr}) {
        if (!p)
            continue;
        metainfo::TorrentInfo tracked = p->info;
        tracked.trackerTiers = {{m_tracker.httpAnnounceUrl()}};
        p->trackedTorrent = m_shared.filePath(QFileInfo(p->plainTorrent).completeBaseName() + QStringLiteral("-tracked.torrent"));
        QVERIFY(testutil::writeFile(p->trackedTorrent, metainfo::encodeTorrentFile(tracked)));
        const auto reread = metainfo::loadTorrentFile(p->trackedTorrent);
        QVERIFY(reread && reread->infoHash == p->info.infoHash);
    }
}

void TestClientMatrix::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestClientMatrix::payloads()
{
    QTest::addColumn<bool>("multiFile");
    QTest::newRow("single-file") << false;
    QTest::newRow("multi-file") << true;
}

// One file of ~3 MB in 32 KiB pieces, the torrent made by our own `create`.
bool TestClientMatrix::makeSingleFilePayload(QString *error)
{
    Payload p;
    p.dataRoot = m_shared.filePath(QStringLiteral("single"));
    const QString source = QDir(p.dataRoot).filePath(QStringLiteral("matrix single.bin"));
    if (!testutil::writeRandomFile(source, 3'000'017, 4401))
        return false;
    p.plainTorrent = m_shared.filePath(QStringLiteral("single.torrent"));
    if (!runTool(kCli,
                 {QStringLiteral("create"), source, QStringLiteral("-o"), p.plainTorrent, QStringLiteral("--piece-size"),
                  QStringLiteral("32K"), QStringLiteral("--no-date")},
                 error))
        return false;
    metainfo::ParseError parseError;
    const auto info = metainfo::loadTorrentFile(p.plainTorrent, &parseError);
    if (!info) {
        *error = parseError.toString();
        return false;
    }
    p.info = *info;
    m_single = p;
    return true;
}

// A folder made into a torrent by mktorrent (another implementation than ours): files not
// aligned to pieces, so pieces span files, and a zero-length file no piece covers.
bool TestClientMatrix::makeMultiFilePayload(QString *error)
{
    const QString mktorrent = findTool(QStringLiteral("mktorrent"));
    if (mktorrent.isEmpty()) {
        m_multiSkip = QStringLiteral("mktorrent is not installed (apt-get install mktorrent)");
        return false;
    }
    Payload p;
    p.dataRoot = m_shared.filePath(QStringLiteral("multi"));
    const QString source = QDir(p.dataRoot).filePath(QStringLiteral("matrix album"));
    const QList<testutil::PayloadFile> files{
        {QStringLiteral("01 intro.bin"), 300'001},  {QStringLiteral("01b empty.txt"), 0},
        {QStringLiteral("02.bin"), 1'234'567},      {QStringLiteral("cd2/03.bin"), 45'000},
        {QStringLiteral("cd2/04 last.bin"), 1'500'003},
    };
    if (!testutil::writePayload(source, files, 4500))
        return false;
    p.plainTorrent = m_shared.filePath(QStringLiteral("multi.torrent"));
    // -l 15: 32 KiB pieces; no announce URL (mktorrent 1.1 allows none).
    if (!runTool(mktorrent, {QStringLiteral("-l"), QStringLiteral("15"), QStringLiteral("-o"), p.plainTorrent, source},
                 error))
        return false;
    metainfo::ParseError parseError;
    const auto info = metainfo::loadTorrentFile(p.plainTorrent, &parseError);
    if (!info) {
        *error = parseError.toString();
        return false;
    }
    p.info = *info;
    m_multi = p;
    return true;
}

const Payload *TestClientMatrix::currentPayload()
{
    QFETCH(bool, multiFile);
    if (multiFile && !m_multi)
        return nullptr;
    return multiFile ? &*m_multi : &*m_single;
}

QStringList TestClientMatrix::ourArgs(const QString &command, const QString &torrent, const QString &save,
                                      const QStringList &extra) const
{
    QStringList args{command,
                     torrent,
                     QStringLiteral("--save"),
                     save,
                     QStringLiteral("--state-dir"),
                     m_tmp->filePath(QStringLiteral("our-state")),
                     QStringLiteral("--bind"),
                     kOurAddress,
                     QStringLiteral("--port"),
                     QStringLiteral("0")};
    if (m_ourDhtSwitch)
        args << QStringLiteral("--no-dht");
    return args + extra;
}

std::unique_ptr<TransmissionDaemon> TestClientMatrix::startTransmission(QString *error) const
{
    auto daemon = std::make_unique<TransmissionDaemon>(m_transmissionDaemon, m_transmissionRemote,
                                                       m_tmp->filePath(QStringLiteral("transmission")));
    if (!daemon->start(error))
        return nullptr;
    return daemon;
}

void TestClientMatrix::aria2SeedsOursDownloads()
{
    if (m_aria2.isEmpty())
        QSKIP("aria2c is not installed (apt-get install aria2)");
    const Payload *p = currentPayload();
    if (!p)
        QSKIP(qPrintable(m_multiSkip));

    const quint16 port = freePortExcept(kAria2Address);
    QVERIFY(port != 0);
    const QString log = m_tmp->filePath(QStringLiteral("aria2-seed.log"));
    // -V checks the existing data; ratio 0 seeds without end; the torrent's trackers are dropped.
    Child aria2(m_aria2, aria2Args(p->dataRoot, port, log)
                             + QStringList{QStringLiteral("--check-integrity=true"), QStringLiteral("--seed-ratio=0.0"),
                                           QStringLiteral("--bt-exclude-tracker=*"), p->plainTorrent});
    MATRIX_VERIFY(aria2.waitForText(QStringLiteral("Verification finished successfully"), kReadyTimeoutMs),
             qPrintable(aria2.describe() + logExcerpt(log)));
    MATRIX_VERIFY(aria2.waitForText(QStringLiteral("listening on TCP port"), kReadyTimeoutMs),
             qPrintable(aria2.describe() + logExcerpt(log)));

    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, ourArgs(QStringLiteral("download"), p->plainTorrent, downloadDir,
                             {QStringLiteral("--no-trackers"), QStringLiteral("--peer"),
                              QStringLiteral("%1:%2").arg(kAria2Address).arg(port)}));
    MATRIX_VERIFY(ours.finishedOk(kTransferTimeoutMs),
             qPrintable(ours.describe() + QStringLiteral("\n--- aria2 seeder:\n") + aria2.describe() + logExcerpt(log)));
    QCOMPARE(compareFiles(p->info, p->dataRoot, downloadDir, false), QString());
    MATRIX_VERIFY(aria2.running(), qPrintable(aria2.describe() + logExcerpt(log)));
}

void TestClientMatrix::oursSeedsAria2DownloadsViaOpentracker()
{
    if (m_aria2.isEmpty())
        QSKIP("aria2c is not installed (apt-get install aria2)");
    if (!m_trackerRunning)
        QSKIP(qPrintable(m_trackerSkip));
    const Payload *p = currentPayload();
    if (!p)
        QSKIP(qPrintable(m_multiSkip));

    // We announce to opentracker and are found there; nobody is given a peer.
    Child ours(kCli, ourArgs(QStringLiteral("seed"), p->trackedTorrent, p->dataRoot, {}));
    MATRIX_VERIFY(m_tracker.waitForSeeders(p->info.infoHash, 1, kReadyTimeoutMs, [&] { return ours.running(); })
                      && m_tracker.seeders(p->info.infoHash) == 1,
             qPrintable(QStringLiteral("our seeder never announced itself as a seeder\n") + ours.describe()
                        + QStringLiteral("\n--- opentracker:\n") + m_tracker.describe()));

    const quint16 port = freePortExcept(kAria2Address);
    QVERIFY(port != 0);
    const QString log = m_tmp->filePath(QStringLiteral("aria2-download.log"));
    const QString downloadDir = m_tmp->filePath(QStringLiteral("aria2"));
    // --seed-time=0: exit 0 as soon as every piece is downloaded and verified.
    Child aria2(m_aria2, aria2Args(downloadDir, port, log)
                             + QStringList{QStringLiteral("--seed-time=0"), p->trackedTorrent});
    MATRIX_VERIFY(aria2.finishedOk(kTransferTimeoutMs),
             qPrintable(aria2.describe() + logExcerpt(log) + QStringLiteral("\n--- our seeder:\n") + ours.describe()));
    QCOMPARE(compareFiles(p->info, p->dataRoot, downloadDir, false), QString());
    MATRIX_VERIFY(ours.running(), qPrintable(ours.describe()));
}

void TestClientMatrix::transmissionSeedsOursDownloads()
{
    if (m_transmissionDaemon.isEmpty() || m_transmissionRemote.isEmpty())
        QSKIP("transmission-daemon or transmission-remote is not installed "
              "(apt-get install transmission-daemon transmission-cli)");
    const Payload *p = currentPayload();
    if (!p)
        QSKIP(qPrintable(m_multiSkip));

    QString error;
    const auto transmission = startTransmission(&error);
    MATRIX_VERIFY(transmission, qPrintable(error));
    const QString hash = p->info.infoHash.toHex();
    // Added paused over the complete data, verified, then started.
    MATRIX_VERIFY(transmission->remote({QStringLiteral("--add"), p->plainTorrent, QStringLiteral("--download-dir"),
                                   p->dataRoot, QStringLiteral("--start-paused")},
                                  &error),
             qPrintable(error));
    MATRIX_VERIFY(transmission->remote({QStringLiteral("--torrent"), hash, QStringLiteral("--verify")}, &error),
             qPrintable(error));
    MATRIX_VERIFY(transmission->waitComplete(hash, {QStringLiteral("Stopped")}, kReadyTimeoutMs),
             qPrintable(transmission->describe(hash)));
    MATRIX_VERIFY(transmission->remote({QStringLiteral("--torrent"), hash, QStringLiteral("--start")}, &error),
             qPrintable(error));
    MATRIX_VERIFY(transmission->waitComplete(hash, {QStringLiteral("Seeding"), QStringLiteral("Idle")}, kReadyTimeoutMs),
             qPrintable(transmission->describe(hash)));

    const QString downloadDir = m_tmp->filePath(QStringLiteral("ours"));
    Child ours(kCli, ourArgs(QStringLiteral("download"), p->plainTorrent, downloadDir,
                             {QStringLiteral("--no-trackers"), QStringLiteral("--peer"), transmission->peerEndpoint()}));
    MATRIX_VERIFY(ours.finishedOk(kTransferTimeoutMs), qPrintable(ours.describe() + transmission->describe(hash)));
    QCOMPARE(compareFiles(p->info, p->dataRoot, downloadDir, false), QString());
}

void TestClientMatrix::oursSeedsTransmissionDownloads()
{
    if (m_transmissionDaemon.isEmpty() || m_transmissionRemote.isEmpty())
        QSKIP("transmission-daemon or transmission-remote is not installed "
              "(apt-get install transmission-daemon transmission-cli)");
    const Payload *p = currentPayload();
    if (!p)
        QSKIP(qPrintable(m_multiSkip));

    QString error;
    const auto transmission = startTransmission(&error);
    MATRIX_VERIFY(transmission, qPrintable(error));
    const QString hash = p->info.infoHash.toHex();
    const QString downloadDir = m_tmp->filePath(QStringLiteral("transmission-downloads"));
    QVERIFY(QDir().mkpath(downloadDir));
    MATRIX_VERIFY(transmission->remote({QStringLiteral("--add"), p->plainTorrent, QStringLiteral("--download-dir"),
                                   downloadDir, QStringLiteral("--start-paused")},
                                  &error),
             qPrintable(error));
    MATRIX_VERIFY(transmission->remote({QStringLiteral("--torrent"), hash, QStringLiteral("--start")}, &error),
             qPrintable(error));

    // Transmission ignores loopback peers from trackers, so our seeder connects to it.
    Child ours(kCli, ourArgs(QStringLiteral("seed"), p->plainTorrent, p->dataRoot,
                             {QStringLiteral("--no-trackers"), QStringLiteral("--peer"), transmission->peerEndpoint()}));
    MATRIX_VERIFY(transmission->waitComplete(hash, {QStringLiteral("Seeding"), QStringLiteral("Idle")}, kTransferTimeoutMs),
             qPrintable(transmission->describe(hash) + QStringLiteral("\n--- our seeder:\n") + ours.describe()));
    MATRIX_VERIFY(ours.running(), qPrintable(ours.describe()));
    transmission->shutDown(hash);
    QCOMPARE(compareFiles(p->info, p->dataRoot, downloadDir, true), QString());
}

QTEST_GUILESS_MAIN(TestClientMatrix)
#include "tst_clientmatrix.moc"
