// swarmscope-cli download / seed: runs the engine headless for one torrent.
#include "cli/args.h"
#include "cli/command.h"
#include "cli/progressprinter.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "session/engine.h"
#include "util/shutdownsignals.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QTimer>

namespace swarmscope::cli {

using session::Engine;
using session::SessionSettings;
using session::SessionSnapshotPtr;
using state::TorrentState;
using util::ShutdownSignals;

namespace {

const char *const kDownloadUsage =
    "Usage: swarmscope-cli download <file.torrent|magnet-link> --save DIR [options]\n"
    "       swarmscope-cli seed <file.torrent|magnet-link> --save DIR [options]\n"
    "\n"
    "  --save DIR          where the files are (created for a download if missing)\n"
    "  --state-dir DIR     the state database folder (default: the XDG data folder)\n"
    "  --port N            listen port (default 6881; 0 picks a free one)\n"
    "  --bind ADDR         listen address (default 0.0.0.0)\n"
    "  --peer HOST:PORT    connect to this peer directly; may be repeated\n"
    "  --seed              keep seeding after the download completes\n"
    "  --exit-when-done    exit 0 once every piece is verified (the default for download)\n"
    "  --max-down KIB      download limit in KiB/s (0 = unlimited)\n"
    "  --max-up KIB        upload limit in KiB/s (0 = unlimited)\n"
    "  --no-trackers       do not announce to the torrent's trackers\n"
    "  --no-dht            DHT off\n"
    "  --dht-bootstrap HOST:PORT  bootstrap the DHT from this node instead of the\n"
    "                      well-known routers; may be repeated\n"
    "  --dht-port N        the DHT's UDP port (default: the listen port)\n"
    "  --quiet             no progress output\n";

struct Job {
    metainfo::InfoHash infoHash;
    std::optional<metainfo::TorrentInfo> info;     // a .torrent
    std::optional<metainfo::MagnetLink> magnet;    // or a magnet link
    QString savePath;
    QList<swarm::Endpoint> peers;
    bool seedAfter = false;
    bool seedOnly = false; // the `seed` verb: the data should already be there
    bool quiet = false;
};

class Runner : public QObject {
public:
    Runner(Engine &engine, const Job &job, Io io) : m_engine(engine), m_job(job), m_io(io), m_printer(io.err)
    {
        connect(&m_engine, &Engine::snapshotReady, this, [this](const SessionSnapshotPtr &s) { onSnapshot(s); });
        connect(&m_engine, &Engine::addFailed, this, [this](const QString &e) { fail(e); });
        connect(&m_engine, &Engine::shutdownComplete, this, [this] { QCoreApplication::exit(m_exitCode); });
        connect(&m_signals, &ShutdownSignals::requested, this, [this](int) { interrupted(); });
    }

    void onSnapshot(const SessionSnapshotPtr &s)
    {
        const session::TorrentSnapshot *t = nullptr;
        for (const session::TorrentSnapshot &candidate : s->torrents)
            if (candidate.infoHash == m_job.infoHash)
                t = &candidate;
        if (!t || m_finishing)
            return;
        if (!m_job.quiet)
            m_printer.update(*t);
        if (t->state == TorrentState::Error) {
            fail(t->error);
            return;
        }
        const bool checked = t->state == TorrentState::Seeding || t->state == TorrentState::Downloading;
        if (m_job.seedOnly && checked && !m_reportedSeedData) {
            m_reportedSeedData = true;
            if (t->piecesHave == 0) {
                fail(QStringLiteral("none of the data is in %1").arg(m_job.savePath));
                return;
            }
            if (t->piecesHave < t->pieceCount)
                m_io.err << "swarmscope-cli: only " << t->piecesHave << " of " << t->pieceCount
                         << " pieces are in " << m_job.savePath << "; seeding those\n";
        }
        if (t->state == TorrentState::Seeding && !m_job.seedAfter && !m_job.seedOnly) {
            if (!m_job.quiet)
                m_printer.finish(*t);
            finish(ExitOk);
        }
    }

    void interrupted()
    {
        if (!m_job.quiet)
            m_io.err << "\nswarmscope-cli: stopping (state saved, trackers told)\n";
        finish(m_job.seedAfter || m_job.seedOnly ? ExitOk : ExitFailure);
    }

    void fail(const QString &error)
    {
        m_io.err << "swarmscope-cli: " << error << '\n';
        finish(ExitFailure);
    }

    void finish(int code)
    {
        if (m_finishing)
            return;
        m_finishing = true;
        m_exitCode = code;
        m_io.err.flush();
        m_engine.shutdown();
    }

private:
    Engine &m_engine;
    Job m_job;
    Io m_io;
    ProgressPrinter m_printer;
    ShutdownSignals m_signals;
    bool m_finishing = false;
    bool m_reportedSeedData = false;
    int m_exitCode = ExitOk;
};

int run(const QStringList &args, Io io, bool seedVerb)
{
    Args a({QStringLiteral("--seed"), QStringLiteral("--exit-when-done"), QStringLiteral("--quiet"),
            QStringLiteral("--no-trackers"), QStringLiteral("--no-dht"), QStringLiteral("--help"), QStringLiteral("-h")},
           {QStringLiteral("--save"), QStringLiteral("--state-dir"), QStringLiteral("--port"), QStringLiteral("--bind"),
            QStringLiteral("--peer"), QStringLiteral("--max-down"), QStringLiteral("--max-up"),
            QStringLiteral("--dht-bootstrap"), QStringLiteral("--dht-port")});
    const char *verb = seedVerb ? "seed" : "download";
    auto bad = [&](const QString &message) {
        io.err << "swarmscope-cli " << verb << ": " << message << '\n';
        return ExitBadInput;
    };
    if (const QString error = a.parse(args); !error.isEmpty())
        return bad(error);
    if (a.has(QStringLiteral("--help")) || a.has(QStringLiteral("-h"))) {
        io.out << kDownloadUsage;
        return ExitOk;
    }
    if (a.positional().size() != 1)
        return bad(QStringLiteral("expected one .torrent file or magnet link (see --help)"));
    if (!a.has(QStringLiteral("--save")))
        return bad(QStringLiteral("--save DIR is required"));
    if (a.has(QStringLiteral("--seed")) && a.has(QStringLiteral("--exit-when-done")))
        return bad(QStringLiteral("--seed and --exit-when-done exclude each other"));

    Job job;
    const QString input = a.positional().first();
    if (metainfo::isMagnetUri(input)) {
        QString error;
        job.magnet = metainfo::parseMagnet(input, &error);
        if (!job.magnet)
            return bad(QStringLiteral("invalid magnet link: ") + error);
        job.infoHash = job.magnet->infoHash;
    } else {
        metainfo::ParseError parseError;
        job.info = metainfo::loadTorrentFile(input, &parseError);
        if (!job.info)
            return bad(input + QStringLiteral(": ") + parseError.toString());
        job.infoHash = job.info->infoHash;
    }
    job.savePath = QDir(a.value(QStringLiteral("--save"))).absolutePath();
    job.seedAfter = a.has(QStringLiteral("--seed"));
    job.seedOnly = seedVerb;
    job.quiet = a.has(QStringLiteral("--quiet"));
    if (seedVerb && !QDir(job.savePath).exists())
        return bad(QStringLiteral("--save %1 does not exist").arg(job.savePath));

    SessionSettings settings;
    QString error;
    settings.stateDir = a.value(QStringLiteral("--state-dir"));
    if (a.has(QStringLiteral("--port"))) {
        auto port = a.port(QStringLiteral("--port"), &error);
        if (!port)
            return bad(error);
        settings.listenPort = *port;
    }
    if (a.has(QStringLiteral("--bind"))) {
        QHostAddress bind(a.value(QStringLiteral("--bind")));
        if (bind.isNull())
            return bad(QStringLiteral("--bind wants an IP address, not '%1'").arg(a.value(QStringLiteral("--bind"))));
        settings.listenAddress = bind;
    }
    for (const QString &name : {QStringLiteral("--max-down"), QStringLiteral("--max-up")}) {
        if (!a.has(name))
            continue;
        auto rate = a.kibPerSecond(name, &error);
        if (!rate)
            return bad(error);
        (name == u"--max-down" ? settings.maxDownloadRate : settings.maxUploadRate) = *rate;
    }
    settings.announceToTrackers = !a.has(QStringLiteral("--no-trackers"));
    settings.dhtEnabled = !a.has(QStringLiteral("--no-dht"));
    if (a.has(QStringLiteral("--dht-port"))) {
        auto port = a.port(QStringLiteral("--dht-port"), &error);
        if (!port)
            return bad(error);
        settings.dhtPort = *port;
    }
    for (const QString &node : a.values(QStringLiteral("--dht-bootstrap"))) {
        if (!parseHostPort(node))
            return bad(QStringLiteral("--dht-bootstrap wants HOST:PORT, not '%1'").arg(node));
        settings.dhtBootstrap << node;
    }
    for (const QString &p : a.values(QStringLiteral("--peer"))) {
        auto hostPort = parseHostPort(p);
        if (!hostPort)
            return bad(QStringLiteral("--peer wants HOST:PORT, not '%1'").arg(p));
        QHostAddress address(hostPort->first);
        if (address.isNull()) {
            const QHostInfo host = QHostInfo::fromName(hostPort->first);
            if (host.addresses().isEmpty())
                return bad(QStringLiteral("cannot resolve %1: %2").arg(hostPort->first, host.errorString()));
            address = host.addresses().first();
        }
        job.peers << swarm::Endpoint{address, hostPort->second};
    }

    Engine engine(settings);
    if (!engine.start(&error)) {
        io.err << "swarmscope-cli " << verb << ": " << error << '\n';
        return ExitFailure;
    }
    Runner runner(engine, job, io);
    if (job.magnet) {
        session::AddMagnetParams params;
        params.magnet = *job.magnet;
        params.savePath = job.savePath;
        params.peers = job.peers;
        engine.addMagnet(params);
    } else {
        session::AddTorrentParams params;
        params.info = *job.info;
        params.savePath = job.savePath;
        params.peers = job.peers;
        engine.addTorrent(params);
    }
    engine.setWatched({job.infoHash});
    return QCoreApplication::exec();
}

} // namespace

int runDownload(const QStringList &args, Io io)
{
    return run(args, io, false);
}

int runSeed(const QStringList &args, Io io)
{
    return run(args, io, true);
}

} // namespace swarmscope::cli
