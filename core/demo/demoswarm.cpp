#include "demo/demoswarm.h"

#include "demo/demopayload.h"
#include "session/engine.h"
#include "tracker/embeddedtracker.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace swarmscope::demo {

using namespace std::chrono_literals;

namespace {

const QHostAddress kLoopback = QHostAddress(QHostAddress::LocalHost);
constexpr int kPollMs = 500;
constexpr int kShutdownBoundMs = 10'000; // each session gives its `stopped` announces 3 s

quint16 readPort(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const uint port = QString::fromLatin1(f.read(16)).trimmed().toUInt(&ok);
    return ok && port >= 1024 && port <= 65535 ? quint16(port) : 0;
}

void writePort(const QString &path, quint16 port)
{
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray::number(port) + '\n');
        f.commit();
    }
}

const session::TorrentSnapshot *findTorrent(const session::SessionSnapshot &s, const metainfo::InfoHash &hash)
{
    for (const session::TorrentSnapshot &t : s.torrents)
        if (t.infoHash == hash)
            return &t;
    return nullptr;
}

bool isComplete(const session::TorrentSnapshot &t)
{
    return t.state == state::TorrentState::Seeding && t.pieceCount > 0 && t.piecesHave == t.pieceCount;
}

} // namespace

struct DemoSwarm::Node {
    enum class Phase { Idle, Active, Seeding, Restarting };
    QString name;
    QString stateDir;
    QString savePath;
    qint64 uploadCap = 0;
    qint64 downloadCap = 0;
    bool seeder = false;
    std::unique_ptr<session::Engine> engine;
    quint16 port = 0;
    Phase phase = Phase::Idle;
    QDateTime addedAt; // of the current run: snapshots of an earlier run of the torrent are ignored
    double progress = 0;
    int restarts = 0;
};

DemoSwarm::DemoSwarm(const QString &workDir, int peerCount, QObject *parent)
    : DemoSwarm(DemoSwarmOptions{.workDir = workDir, .peerCount = peerCount}, parent)
{
}

DemoSwarm::DemoSwarm(const DemoSwarmOptions &options, QObject *parent) : QObject(parent), m_options(options)
{
    m_options.peerCount = std::clamp(m_options.peerCount, 1, 32);
    m_poll = new QTimer(this);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &DemoSwarm::poll);
}

DemoSwarm::~DemoSwarm()
{
    stop();
}

QString DemoSwarm::ourSavePath() const
{
    return QDir(m_options.workDir).filePath(QStringLiteral("ours"));
}

QString DemoSwarm::payloadPath() const
{
    return QDir(m_options.workDir).filePath(QStringLiteral("payload"));
}

QString DemoSwarm::announceUrl() const
{
    if (!m_tracker || !m_tracker->isListening())
        return {};
    return QStringLiteral("http://127.0.0.1:%1/announce").arg(m_tracker->port());
}

qint64 DemoSwarm::leecherCap(int i) const
{
    const double lo = double(std::max<qint64>(1024, m_options.minLeecherUploadCap));
    const double hi = double(std::max<qint64>(qint64(lo), m_options.maxLeecherUploadCap));
    if (m_options.peerCount <= 1)
        return qint64(lo);
    // Geometric spacing: every leecher is noticeably faster than the one before.
    return qint64(std::llround(lo * std::pow(hi / lo, double(i) / (m_options.peerCount - 1))));
}

bool DemoSwarm::start(QString *error)
{
    if (m_running) {
        if (error)
            *error = QStringLiteral("the demo swarm is already running");
        return false;
    }
    if (m_options.workDir.isEmpty() || !QDir().mkpath(m_options.workDir) || !QDir().mkpath(payloadPath())
        || !QDir().mkpath(ourSavePath())) {
        if (error)
            *error = QStringLiteral("cannot create the demo folder %1").arg(m_options.workDir);
        return false;
    }
    m_running = true;
    m_ready = false;
    m_torrent = {};
    if (!startTracker(error) || !startEngines(error)) {
        stop();
        return false;
    }
    startPreparing();
    return true;
}

bool DemoSwarm::startTracker(QString *error)
{
    tracker::EmbeddedTrackerSettings settings;
    settings.service.interval = m_options.announceInterval;
    settings.service.minInterval = std::min<Duration>(30s, m_options.announceInterval);
    settings.maxConnections = 64; // a dozen local engines at most
    m_tracker = std::make_unique<tracker::EmbeddedTracker>(settings);
    // The same port as last time when it is free, so the torrent the app's engine kept from an
    // earlier demo still announces to a live tracker.
    const QString portFile = QDir(m_options.workDir).filePath(QStringLiteral("tracker-port"));
    const quint16 preferred = readPort(portFile);
    if (!(preferred && m_tracker->listen(kLoopback, preferred)) && !m_tracker->listen(kLoopback, 0)) {
        if (error)
            *error = QStringLiteral("the demo tracker cannot listen: %1").arg(m_tracker->errorString());
        return false;
    }
    writePort(portFile, m_tracker->port());
    return true;
}

bool DemoSwarm::startEngines(QString *error)
{
    const QDir peersDir(QDir(m_options.workDir).filePath(QStringLiteral("peers")));
    for (int i = 0; i <= m_options.peerCount; ++i) {
        auto node = std::make_unique<Node>();
        node->seeder = i == 0;
        const QString folder = node->seeder ? QStringLiteral("seeder") : QStringLiteral("leecher-%1").arg(i);
        node->name = node->seeder ? QStringLiteral("seeder") : QStringLiteral("leecher %1").arg(i);
        node->stateDir = peersDir.filePath(folder + QStringLiteral("/state"));
        node->savePath = node->seeder ? payloadPath() : peersDir.filePath(folder + QStringLiteral("/data"));
        node->uploadCap = node->seeder ? m_options.seederUploadCap : leecherCap(i - 1);
        node->downloadCap = node->seeder ? 0 : std::max<qint64>(0, m_options.leecherDownloadCap);
        if (!node->seeder)
            QDir(node->savePath).removeRecursively(); // every run starts its leechers empty
        QDir().mkpath(node->stateDir);
        QDir().mkpath(node->savePath);

        session::SessionSettings s;
        s.stateDir = node->stateDir;
        s.persistState = false; // fresh each run: nothing to resume, no database writes
        s.listenAddress = kLoopback;
        s.listenPort = 0;
        s.defaultSavePath = node->savePath;
        s.maxUploadRate = node->uploadCap;
        s.maxDownloadRate = node->downloadCap;
        s.maxConnections = 64;
        s.maxConnectionsPerTorrent = 64;
        s.dhtEnabled = false;
        s.snapshotIntervalMs = kPollMs;
        node->engine = std::make_unique<session::Engine>(s);
        QString why;
        if (!node->engine->start(&why)) {
            if (error)
                *error = QStringLiteral("demo %1 did not start: %2").arg(node->name, why);
            m_nodes.push_back(std::move(node)); // stop() shuts it down with the others
            return false;
        }
        node->port = node->engine->listenPort();
        m_nodes.push_back(std::move(node));
    }
    return true;
}

void DemoSwarm::startPreparing()
{
    m_cancel = false;
    PayloadSpec spec{payloadPath(), m_options.payloadSize, m_options.pieceSize};
    auto result = std::make_shared<std::shared_ptr<PreparedPayload>>();
    auto why = std::make_shared<QString>();
    // The thread is always joined (here or in stop()) before this object goes away.
    m_preparer = QThread::create([this, spec, result, why] {
        if (auto p = preparePayload(spec, m_cancel, why.get()))
            *result = std::make_shared<PreparedPayload>(std::move(*p));
    });
    const quint64 generation = m_generation;
    connect(m_preparer, &QThread::finished, this, [this, generation, result, why] {
        if (generation != m_generation || !m_preparer)
            return; // stopped meanwhile; stop() joined and deleted the thread
        m_preparer->wait();
        delete m_preparer;
        m_preparer = nullptr;
        onPrepared(*result, *why);
    });
    m_preparer->start(QThread::LowPriority);
}

void DemoSwarm::onPrepared(const std::shared_ptr<PreparedPayload> &payload, const QString &error)
{
    if (!payload) {
        fail(error);
        return;
    }
    m_torrent = payload->info;
    m_torrent.trackerTiers = {{announceUrl()}};
    m_tracker->service().setAllowedTorrents(QSet<metainfo::InfoHash>{m_torrent.infoHash});
    addTorrentTo(*m_nodes.front());
    m_seederAddedAt = std::chrono::steady_clock::now();
    m_poll->start();
}

void DemoSwarm::addTorrentTo(Node &node)
{
    session::AddTorrentParams params;
    params.info = m_torrent;
    params.savePath = node.savePath;
    node.addedAt = QDateTime::currentDateTimeUtc(); // the engine stamps the torrent later
    node.engine->addTorrent(params); // no peer hints: the tracker introduces everyone
    node.phase = Node::Phase::Active;
    node.progress = 0;
}

void DemoSwarm::poll()
{
    if (!m_running)
        return;
    if (!m_ready && std::chrono::steady_clock::now() - m_seederAddedAt > m_options.seederCheckTimeout) {
        fail(QStringLiteral("the demo seeder did not verify its data in time"));
        return;
    }
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        Node &node = *m_nodes[i];
        const session::SessionSnapshotPtr snapshot = node.engine->latestSnapshot();
        const session::TorrentSnapshot *t = snapshot ? findTorrent(*snapshot, m_torrent.infoHash) : nullptr;
        // A snapshot taken before a restart still shows the finished run: not this one.
        if (!t || t->addedAt < node.addedAt || node.phase == Node::Phase::Idle
            || node.phase == Node::Phase::Restarting)
            continue;
        node.progress = t->progress;
        if (node.seeder) {
            if (!m_ready && isComplete(*t)) {
                m_ready = true;
                const quint64 generation = m_generation;
                for (int l = 1; l < int(m_nodes.size()); ++l)
                    QTimer::singleShot(m_options.startStagger * (l - 1), this, [this, generation, l] {
                        if (generation == m_generation && m_running)
                            addTorrentTo(*m_nodes[l]);
                    });
                emit ready();
            } else if (!m_ready && t->state == state::TorrentState::Error) {
                fail(QStringLiteral("the demo seeder failed: %1").arg(t->error));
                return;
            }
            continue;
        }
        // A leecher that finished (or hit an error) seeds a while, then starts over empty.
        if (node.phase == Node::Phase::Active && (isComplete(*t) || t->state == state::TorrentState::Error)) {
            node.phase = Node::Phase::Seeding;
            scheduleRestart(i);
        }
    }
}

void DemoSwarm::scheduleRestart(int index)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(m_options.seedTime, this, [this, generation, index] {
        if (generation != m_generation || !m_running)
            return;
        Node &node = *m_nodes[index];
        node.phase = Node::Phase::Restarting;
        // Pause first: that announces `stopped` and the reply can arrive. Removing at once would
        // delete the torrent, and its announcer with the request, before the tracker answered.
        node.engine->pauseTorrent(m_torrent.infoHash);
        QTimer::singleShot(m_options.restartDelay, this, [this, generation, index] {
            if (generation != m_generation || !m_running)
                return;
            Node &n = *m_nodes[index];
            // Paused, so nothing writes there any more: the leecher starts over empty.
            QDir(n.savePath).removeRecursively();
            QDir().mkpath(n.savePath);
            n.engine->removeTorrent(m_torrent.infoHash, true);
            addTorrentTo(n); // queued after the removal on the engine thread: a fresh torrent
            ++n.restarts;
            emit peerRestarted(index);
        });
    });
}

void DemoSwarm::fail(const QString &error)
{
    stop();
    emit failed(error);
}

void DemoSwarm::stop()
{
    ++m_generation; // pending timers and a pending preparation result become no-ops
    m_poll->stop();
    if (m_preparer) {
        m_cancel = true;
        m_preparer->wait();
        delete m_preparer;
        m_preparer = nullptr;
    }
    m_running = false;
    m_ready = false;

    // All engines shut down at once: each announces `stopped` to the tracker, which keeps
    // answering on this thread while the nested loop runs. Bounded in case one hangs.
    QEventLoop loop;
    int pending = 0;
    for (const auto &node : m_nodes) {
        if (!node->engine)
            continue;
        ++pending;
        connect(node->engine.get(), &session::Engine::shutdownComplete, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
        node->engine->shutdown();
    }
    if (pending > 0) {
        QTimer::singleShot(kShutdownBoundMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    m_nodes.clear(); // an engine that missed the bound finishes its shutdown in its destructor
    if (m_tracker)
        m_tracker->close(); // kept: trackedPeerCount() still tells what the engines told it
}

QList<swarm::Endpoint> DemoSwarm::peers() const
{
    QList<swarm::Endpoint> out;
    for (const auto &node : m_nodes)
        if (node->port)
            out << swarm::Endpoint{kLoopback, node->port};
    return out;
}

QList<DemoPeerStatus> DemoSwarm::status() const
{
    QList<DemoPeerStatus> out;
    for (const auto &node : m_nodes) {
        DemoPeerStatus s;
        s.name = node->name;
        s.endpoint = swarm::Endpoint{kLoopback, node->port};
        s.uploadCap = node->uploadCap;
        s.downloadCap = node->downloadCap;
        s.seeder = node->seeder;
        s.active = node->phase == Node::Phase::Active || node->phase == Node::Phase::Seeding;
        s.progress = node->progress;
        s.restarts = node->restarts;
        out << s;
    }
    return out;
}

int DemoSwarm::restartCount() const
{
    int n = 0;
    for (const auto &node : m_nodes)
        n += node->restarts;
    return n;
}

int DemoSwarm::trackedPeerCount() const
{
    if (!m_tracker || !m_torrent.infoHash.isValid())
        return 0;
    const tracker::TrackerSwarm *swarm = m_tracker->service().swarm(m_torrent.infoHash);
    return swarm ? swarm->size() : 0;
}

} // namespace swarmscope::demo
