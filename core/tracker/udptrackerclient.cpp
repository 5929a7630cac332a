#include "tracker/udptrackerclient.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

namespace swarmscope::tracker {

namespace {

// One spelling per IPv4 address: a dual-stack socket may report ::ffff:a.b.c.d.
QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    QHostAddress out = address;
    out.setScopeId(QString()); // replies carry the scope id the socket saw, not the URL's
    return out;
}

} // namespace

UdpTrackerClient::UdpTrackerClient(QObject *parent, quint32 seed)
    : QObject(parent),
      m_socket(new QUdpSocket(this)),
      m_timer(new QTimer(this)),
      m_rng(seed != 0 ? seed : QRandomGenerator::system()->generate())
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UdpTrackerClient::onTimer);
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpTrackerClient::onReadyRead);
}

UdpTrackerClient::~UdpTrackerClient()
{
    for (const Pending &p : std::as_const(m_pending)) {
        if (p.lookupId >= 0)
            QHostInfo::abortHostLookup(p.lookupId);
    }
}

bool UdpTrackerClient::bind(const QHostAddress &address, quint16 port, QString *error)
{
    if (isBound()) {
        if (error)
            *error = QStringLiteral("already bound");
        return false;
    }
    if (!m_socket->bind(address, port)) {
        if (error)
            *error = m_socket->errorString();
        return false;
    }
    return true;
}

bool UdpTrackerClient::isBound() const
{
    return m_socket->state() == QAbstractSocket::BoundState;
}

QHostAddress UdpTrackerClient::localAddress() const
{
    return m_socket->localAddress();
}

quint16 UdpTrackerClient::localPort() const
{
    return m_socket->localPort();
}

void UdpTrackerClient::setSettings(const UdpTrackerSettings &settings)
{
    m_settings = settings;
    for (auto &[key, endpoint] : m_endpoints)
        endpoint.state->setSettings(settings);
}

quint64 UdpTrackerClient::announce(const QString &announceUrl, const AnnounceRequest &request,
                                   AnnounceCallback done)
{
    Pending p;
    p.onAnnounce = std::move(done);
    p.request = request;
    return add(announceUrl, std::move(p));
}

quint64 UdpTrackerClient::scrape(const QString &announceUrl, const QList<metainfo::InfoHash> &hashes,
                                 ScrapeCallback done)
{
    Pending p;
    p.isScrape = true;
    p.onScrape = std::move(done);
    p.hashes = hashes;
    return add(announceUrl, std::move(p));
}

quint64 UdpTrackerClient::add(const QString &url, Pending pending)
{
    const quint64 id = m_nextId++;
    QString error;
    const auto parsed = parseUdpTrackerUrl(url, &error);
    if (parsed && !pending.isScrape)
        pending.requestString = parsed->requestString;
    pending.port = parsed ? parsed->port : 0;
    m_pending.insert(id, std::move(pending));
    if (!parsed) {
        failLater(id, error);
        return id;
    }
    if (!isBound()) {
        failLater(id, QStringLiteral("the UDP tracker socket is not bound"));
        return id;
    }
    const QHostAddress literal(parsed->host);
    if (!literal.isNull()) {
        submit(id, literal);
        return id;
    }
    m_pending[id].lookupId = QHostInfo::lookupHost(parsed->host, this,
                                                   [this, id](const QHostInfo &info) { onResolved(id, info); });
    return id;
}

QString UdpTrackerClient::unreachableReason(const QHostAddress &address) const
{
    if (address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4)
        || address == QHostAddress(QHostAddress::AnyIPv6) || address == QHostAddress(QHostAddress::Broadcast)
        || address.isMulticast())
        return QStringLiteral("refusing to send to %1").arg(address.toString());
    const auto family = m_socket->localAddress().protocol();
    const auto target = normalized(address).protocol();
    if (family != QAbstractSocket::AnyIPProtocol && family != target)
        return QStringLiteral("%1 cannot be reached from the socket bound to %2")
            .arg(address.toString(), m_socket->localAddress().toString());
    return {};
}

void UdpTrackerClient::onResolved(quint64 id, const QHostInfo &info)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    it->lookupId = -1;
    if (info.error() != QHostInfo::NoError) {
        failLater(id, QStringLiteral("cannot resolve %1: %2").arg(info.hostName(), info.errorString()));
        return;
    }
    // The first address this socket can reach, in the resolver's order of preference.
    QString reason = QStringLiteral("%1 has no address").arg(info.hostName());
    for (const QHostAddress &address : info.addresses()) {
        const QString why = unreachableReason(address);
        if (why.isEmpty()) {
            submit(id, address);
            return;
        }
        reason = why;
    }
    failLater(id, reason);
}

void UdpTrackerClient::submit(quint64 id, const QHostAddress &rawAddress)
{
    const QString why = unreachableReason(rawAddress);
    if (!why.isEmpty()) {
        failLater(id, why);
        return;
    }
    Pending &p = m_pending[id];
    const QHostAddress address = normalized(rawAddress);
    const QByteArray key = endpointKey(address, p.port);
    p.endpoint = key;
    auto found = m_endpoints.find(key);
    if (found == m_endpoints.end()) {
        Endpoint endpoint;
        endpoint.address = address;
        endpoint.port = p.port;
        endpoint.state = std::make_unique<UdpTrackerConnection>(
            address.protocol() == QAbstractSocket::IPv6Protocol, m_rng, m_settings);
        found = m_endpoints.emplace(key, std::move(endpoint)).first;
    }
    UdpTrackerConnection &state = *found->second.state;
    if (p.isScrape)
        state.scrape(id, p.hashes, Clock::now());
    else
        state.announce(id, p.request, p.requestString, Clock::now());
    flush();
}

void UdpTrackerClient::cancel(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    if (it->lookupId >= 0)
        QHostInfo::abortHostLookup(it->lookupId);
    const auto endpoint = m_endpoints.find(it->endpoint);
    if (endpoint != m_endpoints.end())
        endpoint->second.state->cancel(id);
    m_pending.erase(it);
    flush();
}

void UdpTrackerClient::failLater(quint64 id, const QString &error)
{
    m_ready.append(UdpJobResult{id, {}, {}, error});
    flush();
}

void UdpTrackerClient::onReadyRead()
{
    const TimePoint now = Clock::now();
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        const auto it = m_endpoints.find(endpointKey(normalized(datagram.senderAddress()), quint16(datagram.senderPort())));
        if (it == m_endpoints.end()) {
            ++m_stray; // only a tracker we wrote to may answer
            continue;
        }
        it->second.state->receive(datagram.data(), now);
    }
    flush();
}

void UdpTrackerClient::onTimer()
{
    const TimePoint now = Clock::now();
    for (auto &[key, endpoint] : m_endpoints)
        endpoint.state->advance(now);
    flush();
}

// Sends what the endpoints produced, queues their results for delivery, forgets endpoints with
// nothing left to remember, and sets the timer to the earliest deadline.
void UdpTrackerClient::flush()
{
    const TimePoint now = Clock::now();
    std::optional<TimePoint> next;
    for (auto it = m_endpoints.begin(); it != m_endpoints.end();) {
        Endpoint &endpoint = it->second;
        for (const QByteArray &datagram : endpoint.state->takeOutgoing())
            m_socket->writeDatagram(datagram, endpoint.address, endpoint.port); // losses: retransmission
        m_ready += endpoint.state->takeResults();
        const auto deadline = endpoint.state->nextDeadline();
        if (deadline && (!next || *deadline < *next))
            next = deadline;
        if (endpoint.state->jobCount() == 0 && !endpoint.state->hasConnectionId(now))
            it = m_endpoints.erase(it);
        else
            ++it;
    }
    if (next) {
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - now);
        m_timer->start(std::chrono::milliseconds(std::max<qint64>(0, wait.count())));
    } else {
        m_timer->stop();
    }
    if (!m_ready.isEmpty() && !m_deliveryQueued) {
        m_deliveryQueued = true;
        QMetaObject::invokeMethod(this, &UdpTrackerClient::deliverReady, Qt::QueuedConnection);
    }
}

void UdpTrackerClient::deliverReady()
{
    m_deliveryQueued = false;
    const QList<UdpJobResult> ready = std::exchange(m_ready, {});
    const QPointer<UdpTrackerClient> self(this);
    for (const UdpJobResult &r : ready) {
        if (!self)
            return;
        const auto it = m_pending.find(r.job);
        if (it == m_pending.end())
            continue; // cancelled meanwhile
        const Pending p = std::move(*it);
        m_pending.erase(it);
        if (p.isScrape) {
            ScrapeResult result{r.scrape, r.error};
            if (!r.scrape && r.error.isEmpty())
                result.error = QStringLiteral("no scrape reply");
            p.onScrape(result);
        } else {
            AnnounceResult result{r.announce, r.error};
            if (!r.announce && r.error.isEmpty())
                result.error = QStringLiteral("no announce reply");
            p.onAnnounce(result);
        }
    }
}

QByteArray UdpTrackerClient::endpointKey(const QHostAddress &address, quint16 port)
{
    return compactEndpoint(address, port);
}

} // namespace swarmscope::tracker
