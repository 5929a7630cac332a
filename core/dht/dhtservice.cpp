#include "dht/dhtservice.h"

#include "bencode/writer.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QUdpSocket>
#include <QVariant>

#include <algorithm>

namespace swarmscope::dht {

namespace {

constexpr int MaxDatagramsPerWake = 256;  // then the event loop gets a turn
constexpr int MaxBootstrapEntries = 32;   // of settings.bootstrap
constexpr int MaxAddressesPerRouter = 4;  // of one resolved name
constexpr int MaxExportedNodes = 200;     // enough to start warm; the table refills itself
constexpr Duration MaxBootstrapBackoff = std::chrono::minutes(5);
constexpr Duration MinTimerWait = std::chrono::milliseconds(10); // never spin on a deadline in the past

// One bootstrap round is over when its queries have timed out; wait two before trying again.
Duration initialBackoff(const NodeSettings &settings)
{
    return std::max<Duration>(2 * settings.queryTimeout, std::chrono::seconds(1));
}

} // namespace

QStringList defaultBootstrap()
{
    QStringList out;
    for (const BootstrapHost &h : defaultBootstrapHosts())
        out.append(QLatin1String(h.host) + QLatin1Char(':') + QString::number(h.port));
    return out;
}

bool parseHostPort(const QString &text, QString *host, quint16 *port)
{
    const QString t = text.trimmed();
    qsizetype colon = -1;
    QString name;
    if (t.startsWith(QLatin1Char('['))) { // [v6 address]:port
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= t.size() || t[close + 1] != QLatin1Char(':'))
            return false;
        name = t.mid(1, close - 1);
        if (QHostAddress(name).protocol() != QAbstractSocket::IPv6Protocol)
            return false;
        colon = close + 1;
    } else {
        colon = t.indexOf(QLatin1Char(':'));
        if (colon < 0 || t.indexOf(QLatin1Char(':'), colon + 1) >= 0) // bare IPv6 is ambiguous
            return false;
        name = t.left(colon);
    }
    const QString digits = t.mid(colon + 1);
    if (name.isEmpty() || digits.isEmpty() || digits.size() > 5)
        return false;
    for (const QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('@'))
            return false;
    }
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    const int value = digits.toInt();
    if (value < 1 || value > 65535)
        return false;
    if (host)
        *host = name;
    if (port)
        *port = quint16(value);
    return true;
}

DhtService::DhtService(const DhtServiceSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    m_settings.maxConcurrentSearches = std::max(1, m_settings.maxConcurrentSearches);
    m_timer.setParent(this); // moves with us to the engine thread
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DhtService::poll);
}

DhtService::~DhtService()
{
    stop();
}

bool DhtService::start(const QByteArray &savedState, QString *error)
{
    if (m_socket) {
        if (error)
            *error = QStringLiteral("the DHT is already running");
        return false;
    }
    auto *socket = new QUdpSocket(this);
    if (!socket->bind(m_settings.bindAddress, m_settings.port)) {
        if (error)
            *error = socket->errorString();
        delete socket;
        return false;
    }
    // Replies to a burst of lookups arrive together; let the kernel hold them.
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(1 << 20));
    m_socket = socket;
    connect(m_socket, &QUdpSocket::readyRead, this, &DhtService::onReadyRead);

    const TimePoint now = Clock::now();
    auto *random = QRandomGenerator::system();
    const auto saved = RoutingTable::load(savedState); // garbled or empty: a fresh identity
    Rng idRng(random->generate());
    const NodeId id = saved ? saved->ownId : NodeId::random(idRng);
    m_node = std::make_unique<Node>(id, m_settings.node, random->generate(), now);
    m_searches.clear();
    m_routers.clear();
    m_lastNodeCount = -1;
    for (Tracked &t : m_tracked) {
        t.lookup = 0;
        t.due = now;
    }
    if (saved) {
        std::vector<NodeInfo> nodes = saved->nodes;
        if (nodes.size() > size_t(MaxExportedNodes))
            nodes.resize(MaxExportedNodes);
        m_node->table().restore(nodes, now);
    }
    // Saved nodes (questionable until they answer) and literal routers seed the first round;
    // routers given by name join later, as their names resolve.
    resolveBootstrap();
    bootstrapNow(now);
    flush(now);
    return true;
}

void DhtService::stop()
{
    for (const int lookupId : std::as_const(m_hostLookups))
        QHostInfo::abortHostLookup(lookupId);
    m_hostLookups.clear();
    m_timer.stop();
    if (m_socket) {
        // Possibly called from a slot of our own signal emitted inside the socket's readyRead.
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_searches.clear();
}

bool DhtService::isRunning() const
{
    return m_socket && m_socket->state() == QAbstractSocket::BoundState;
}

quint16 DhtService::port() const
{
    return m_socket ? m_socket->localPort() : 0;
}

int DhtService::liveNodes(TimePoint now) const
{
    if (!m_node)
        return 0;
    const RoutingTable &table = m_node->table();
    int count = 0;
    for (int i = 0; i < table.bucketCount(); ++i) {
        for (const RoutingTable::Entry &e : table.bucket(i).nodes)
            count += e.state(now) != RoutingTable::NodeState::Bad ? 1 : 0;
    }
    return count;
}

int DhtService::nodeCount() const
{
    return liveNodes(Clock::now());
}

void DhtService::addNode(const QHostAddress &address, quint16 port)
{
    if (!m_socket)
        return;
    const TimePoint now = Clock::now();
    m_node->ping(Endpoint::make(address, port), now);
    flush(now);
}

void DhtService::track(const metainfo::InfoHash &hash, quint16 announcePort, bool announce)
{
    if (!hash.isValid())
        return;
    const TimePoint now = Clock::now();
    const auto it = m_tracked.find(hash);
    if (it == m_tracked.end()) {
        m_tracked.insert(hash, Tracked{announcePort, announce, now, 0});
    } else {
        // Starting to announce (or on a new port) should not wait for the next periodic search.
        const bool announceNow = announce && (!it->announce || it->port != announcePort);
        it->port = announcePort;
        it->announce = announce;
        if (announceNow)
            it->due = now;
    }
    if (m_socket)
        flush(now);
}

void DhtService::untrack(const metainfo::InfoHash &hash)
{
    // A running search finishes on its own; with no Tracked left its results go nowhere.
    m_tracked.remove(hash);
}

QByteArray DhtService::exportState() const
{
    if (!m_node)
        return {};
    const TimePoint now = Clock::now();
    const RoutingTable &table = m_node->table();
    // Good nodes first; questionable ones (restored, not heard from yet) fill any room left.
    std::vector<NodeInfo> good;
    std::vector<NodeInfo> questionable;
    for (int i = 0; i < table.bucketCount(); ++i) {
        for (const RoutingTable::Entry &e : table.bucket(i).nodes) {
            const auto state = e.state(now);
            if (state == RoutingTable::NodeState::Good)
                good.push_back(e.info);
            else if (state == RoutingTable::NodeState::Questionable && e.verified)
                questionable.push_back(e.info);
        }
    }
    good.insert(good.end(), questionable.begin(), questionable.end());
    if (good.size() > size_t(MaxExportedNodes))
        good.resize(MaxExportedNodes);
    // The format RoutingTable::load() reads.
    bencode::Dict d;
    d.emplace("format", bencode::Value(1));
    d.emplace("id", m_node->id().toBytes());
    const Family family = m_node->settings().family;
    d.emplace(family == Family::IPv4 ? "nodes" : "nodes6", encodeCompactNodes(good, family));
    return bencode::encode(bencode::Value(std::move(d)));
}

void DhtService::resolveBootstrap()
{
    const int entries = std::min<int>(int(m_settings.bootstrap.size()), MaxBootstrapEntries);
    for (int i = 0; i < entries; ++i) {
        QString host;
        quint16 port = 0;
        if (!parseHostPort(m_settings.bootstrap[i], &host, &port))
            continue;
        const QHostAddress literal(host);
        if (!literal.isNull()) {
            addRouters({literal}, port);
            continue;
        }
        const int lookupId = QHostInfo::lookupHost(host, this, [this, port](const QHostInfo &info) {
            onResolved(info, port);
        });
        m_hostLookups.append(lookupId);
    }
}

void DhtService::onResolved(const QHostInfo &info, quint16 port)
{
    m_hostLookups.removeOne(info.lookupId());
    if (!m_socket || !addRouters(info.addresses(), port))
        return;
    const TimePoint now = Clock::now();
    if (liveNodes(now) < RoutingTable::K) // routers only help a table that is still small
        bootstrapNow(now);
    flush(now);
}

bool DhtService::addRouters(const QList<QHostAddress> &addresses, quint16 port)
{
    const Family family = m_node->settings().family;
    bool added = false;
    int taken = 0;
    for (const QHostAddress &address : addresses) {
        const Endpoint e = Endpoint::make(address, port);
        if (taken >= MaxAddressesPerRouter || !e.isUsable() || e.family() != family)
            continue;
        ++taken;
        if (std::find(m_routers.begin(), m_routers.end(), e) == m_routers.end()) {
            m_routers.push_back(e);
            added = true;
        }
    }
    if (added)
        m_node->setBootstrapRouters(m_routers);
    return added;
}

void DhtService::bootstrapNow(TimePoint now)
{
    m_node->bootstrap(now);
    if (m_bootstrapBackoff == Duration{})
        m_bootstrapBackoff = initialBackoff(m_settings.node);
    m_nextBootstrap = now + m_bootstrapBackoff;
}

// While the table stays empty, bootstrap again with a doubling wait (the routers may have been
// unreachable, or their names unresolved); once nodes answer, the back-off starts over.
void DhtService::checkBootstrap(TimePoint now)
{
    if (liveNodes(now) > 0) {
        m_bootstrapBackoff = initialBackoff(m_settings.node);
        return;
    }
    if (now < m_nextBootstrap)
        return;
    m_bootstrapBackoff = std::min(m_bootstrapBackoff * 2, MaxBootstrapBackoff);
    if (m_hostLookups.isEmpty())
        resolveBootstrap(); // names may resolve now, or to other addresses
    m_node->bootstrap(now);
    m_nextBootstrap = now + m_bootstrapBackoff;
}

void DhtService::onReadyRead()
{
    m_readScheduled = false;
    if (!m_socket)
        return;
    const TimePoint now = Clock::now();
    int read = 0;
    while (m_socket->hasPendingDatagrams() && read < MaxDatagramsPerWake) {
        ++read;
        // One byte more than allowed tells an oversized datagram from a full-sized one.
        const QNetworkDatagram datagram = m_socket->receiveDatagram(KrpcLimits::MaxPacketSize + 1);
        if (!datagram.isValid() || datagram.data().size() > KrpcLimits::MaxPacketSize)
            continue;
        const int senderPort = datagram.senderPort();
        if (senderPort <= 0 || senderPort > 65535)
            continue;
        m_node->receive(datagram.data(), Endpoint::make(datagram.senderAddress(), quint16(senderPort)), now);
    }
    if (read >= MaxDatagramsPerWake && m_socket->hasPendingDatagrams() && !m_readScheduled) {
        // More is waiting: come back after the other events had their turn.
        m_readScheduled = true;
        QMetaObject::invokeMethod(this, &DhtService::onReadyRead, Qt::QueuedConnection);
    }
    flush(now);
}

void DhtService::poll()
{
    if (!m_socket)
        return;
    const TimePoint now = Clock::now();
    m_node->poll(now);
    checkBootstrap(now);
    flush(now);
}

// After anything happened: report finished searches, start due ones, send what the node wrote,
// re-arm the timer, and only then tell the outside world (whose slots may call back into us).
void DhtService::flush(TimePoint now)
{
    if (!m_socket)
        return;
    std::vector<Found> found;
    handleFinished(found, now);
    startDueSearches(now);
    collectNewPeers(found);
    for (const Datagram &d : m_node->takeOutgoing()) {
        if (d.to.isUsable())
            m_socket->writeDatagram(d.payload, d.to.address, d.to.port); // a loss is a timeout
    }
    schedule(now);

    const int nodes = liveNodes(now);
    const bool nodesChanged = nodes != m_lastNodeCount;
    m_lastNodeCount = nodes;
    if (nodesChanged)
        emit nodeCountChanged(nodes);
    for (const Found &f : found)
        emit peersFound(f.hash, f.peers);
}

void DhtService::schedule(TimePoint now)
{
    TimePoint next = m_node->nextWakeup(now);
    const int nodes = liveNodes(now);
    if (nodes == 0) {
        next = std::min(next, m_nextBootstrap);
    } else if (m_searches.size() < m_settings.maxConcurrentSearches) {
        // (With every search slot taken, the next start follows a search's end, not a clock.)
        for (const Tracked &t : std::as_const(m_tracked)) {
            if (t.lookup == 0)
                next = std::min(next, t.due);
        }
    }
    const auto wait = std::max(std::chrono::ceil<std::chrono::milliseconds>(next - now),
                               std::chrono::duration_cast<std::chrono::milliseconds>(MinTimerWait));
    m_timer.start(wait);
}

void DhtService::startDueSearches(TimePoint now)
{
    // Searching an empty table only asks the routers; wait until some node has answered.
    if (liveNodes(now) == 0 || m_searches.size() >= m_settings.maxConcurrentSearches)
        return;
    std::vector<std::pair<TimePoint, metainfo::InfoHash>> due;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        if (it->lookup == 0 && it->due <= now)
            due.emplace_back(it->due, it.key());
    }
    std::sort(due.begin(), due.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[when, hash] : due) {
        if (m_searches.size() >= m_settings.maxConcurrentSearches)
            break;
        Tracked &t = m_tracked[hash];
        const NodeId target = NodeId::fromInfoHash(hash);
        t.lookup = t.announce ? m_node->announce(target, t.port, false, now) : m_node->getPeers(target, now);
        m_searches.insert(t.lookup, Search{hash, 0});
        // Peers that announced this torrent to our own node are peers too (a lookup never asks
        // ourselves); in a small swarm they may be the only ones.
        const std::vector<Endpoint> local =
            m_node->peerStore().peers(target, m_node->settings().family, m_node->settings().peersPerReply, now, m_rng);
        if (!local.empty())
            emit peersFound(hash, QList<Endpoint>(local.begin(), local.end()));
    }
}

void DhtService::handleFinished(std::vector<Found> &found, TimePoint now)
{
    for (const Node::LookupResult &result : m_node->takeFinishedLookups()) {
        const auto search = m_searches.constFind(result.id);
        if (search == m_searches.constEnd())
            continue; // not ours (a previous run's), or already forgotten
        const Search s = *search;
        m_searches.erase(search);
        const auto tracked = m_tracked.find(s.hash);
        if (tracked == m_tracked.end() || tracked->lookup != result.id)
            continue; // untracked meanwhile
        tracked->lookup = 0;
        tracked->due = now + (result.peers.empty() ? m_settings.retryInterval : m_settings.researchInterval);
        if (result.peers.size() > s.reported)
            found.push_back(Found{s.hash, QList<Endpoint>(result.peers.begin() + qsizetype(s.reported), result.peers.end())});
    }
}

// Peers of running searches are reported as they come, not only when the search ends: the
// engine can start connecting while the lookup still walks towards the closest nodes.
void DhtService::collectNewPeers(std::vector<Found> &found)
{
    for (auto it = m_searches.begin(); it != m_searches.end(); ++it) {
        const Lookup *lookup = m_node->lookup(it.key());
        const auto tracked = m_tracked.constFind(it->hash);
        if (!lookup || tracked == m_tracked.constEnd() || tracked->lookup != it.key())
            continue;
        const std::vector<Endpoint> &peers = lookup->peers();
        if (peers.size() <= it->reported)
            continue;
        found.push_back(Found{it->hash, QList<Endpoint>(peers.begin() + qsizetype(it->reported), peers.end())});
        it->reported = peers.size();
    }
}

} // namespace swarmscope::dht
