#include "dht/node.h"

#include <algorithm>

namespace swarmscope::dht {

Node::Node(const NodeId &id, const NodeSettings &settings, Rng::result_type seed, TimePoint now)
    : m_settings(settings),
      m_rng(seed),
      m_table(id, settings.family, now),
      m_tokens(seed ^ 0x9e3779b9u, now),
      m_peerStore(settings.peers),
      m_rateLimiter(settings.rateLimit),
      m_nextMaintenance(now)
{
    // A lookup's own hard timeout and the transaction timeout agree, so both report together.
    m_settings.lookup.timeout = settings.queryTimeout;
}

std::vector<Datagram> Node::takeOutgoing()
{
    return std::exchange(m_outbox, {});
}

QByteArray Node::newTransactionId()
{
    // Two random bytes (BEP 5: enough for 65536 outstanding queries). Random rather than a
    // counter, so an off-path host cannot guess the next one; replies must also come from the
    // endpoint we asked.
    if (m_pending.size() >= 60000)
        return {};
    for (;;) {
        const auto n = static_cast<quint16>(m_rng());
        QByteArray tid(2, '\0');
        tid[0] = static_cast<char>(n >> 8);
        tid[1] = static_cast<char>(n & 0xff);
        if (!m_pending.contains(tid))
            return tid;
    }
}

bool Node::hasPendingTo(const Endpoint &endpoint) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const Pending &p) { return p.to == endpoint; });
}

void Node::send(const Endpoint &to, KrpcMessage message)
{
    message.version = m_settings.version;
    m_outbox.push_back(Datagram{to, encodeKrpc(message)});
}

void Node::sendQuery(const Endpoint &to, std::optional<NodeId> expectedId, const KrpcQuery &query,
                     LookupId lookup, TimePoint now)
{
    const QByteArray tid = newTransactionId();
    if (tid.isEmpty())
        return; // every id in use: the query times out in its lookup like a lost packet
    m_pending.insert(tid, Pending{to, expectedId, lookup, now});
    KrpcMessage message = makeQuery(tid, query);
    message.readOnly = m_settings.readOnly;
    send(to, std::move(message));
}

void Node::ping(const Endpoint &endpoint, TimePoint now)
{
    if (!endpoint.isUsable() || endpoint.family() != m_settings.family || hasPendingTo(endpoint))
        return;
    KrpcQuery q;
    q.method = Method::Ping;
    q.id = id();
    sendQuery(endpoint, std::nullopt, q, 0, now);
}

void Node::receive(const QByteArray &datagram, const Endpoint &from, TimePoint now)
{
    KrpcDecodeError error;
    const auto message = decodeKrpc(datagram, &error);
    if (!message) {
        ++m_stats.malformed;
        // A query we can identify gets a protocol error back, within the same rate limit.
        if (error.isQuery && !m_settings.readOnly && m_rateLimiter.allow(from.address, now))
            send(from, makeError(error.transactionId, ProtocolError, error.message.toUtf8().left(200)));
        return;
    }
    if (message->isQuery())
        handleQuery(*message, from, now);
    else
        handleReply(*message, from, now);
}

void Node::handleQuery(const KrpcMessage &message, const Endpoint &from, TimePoint now)
{
    if (m_settings.readOnly) // BEP 43: a read-only node answers nothing
        return;
    ++m_stats.queriesReceived;
    if (!m_rateLimiter.allow(from.address, now)) {
        ++m_stats.queriesRateLimited;
        return;
    }
    const KrpcQuery &q = message.query();
    // Read-only nodes will not answer our queries, so they do not belong in the table.
    if (!message.readOnly && q.id != id()) {
        const auto result = m_table.heardFrom(NodeInfo{q.id, from}, RoutingTable::Contact::Query, now);
        if (result == RoutingTable::InsertResult::WantsPing)
            ping(from, now);
    }
    send(from, answer(message, from, now));
}

KrpcMessage Node::answer(const KrpcMessage &message, const Endpoint &from, TimePoint now)
{
    const KrpcQuery &q = message.query();
    const QByteArray &tid = message.transactionId;
    KrpcResponse r;
    r.id = id();
    const quint8 ownFlag = m_settings.family == Family::IPv4 ? WantNodes4 : WantNodes6;
    const auto closestNodes = [&]() {
        auto &list = m_settings.family == Family::IPv4 ? r.nodes : r.nodes6;
        list = m_table.closest(q.target, RoutingTable::K, now);
    };
    switch (q.method) {
    case Method::Ping:
        break;
    case Method::FindNode:
        if (q.want == WantNone || (q.want & ownFlag))
            closestNodes();
        break;
    case Method::GetPeers:
        r.token = m_tokens.tokenFor(from.address, now);
        r.values = m_peerStore.peers(q.target, from.family(), m_settings.peersPerReply, now, m_rng);
        // BEP 5 sends nodes when there are no values; BEP 32's "want" asks for them anyway.
        if ((r.values.empty() && q.want == WantNone) || (q.want & ownFlag))
            closestNodes();
        break;
    case Method::AnnouncePeer: {
        if (!m_tokens.isValid(q.token, from.address, now))
            return makeError(tid, ProtocolError, QByteArrayLiteral("bad token"));
        const quint16 port = q.impliedPort ? from.port : q.port;
        if (!m_peerStore.announce(q.target, Endpoint{from.address, port}, now))
            return makeError(tid, ProtocolError, QByteArrayLiteral("bad port"));
        break;
    }
    case Method::Unknown:
        return makeError(tid, MethodUnknown, QByteArrayLiteral("Method Unknown"));
    }
    KrpcMessage reply = makeResponse(tid, std::move(r));
    reply.yourAddress = from; // BEP 42: tell the querier its address as we see it
    return reply;
}

void Node::handleReply(const KrpcMessage &message, const Endpoint &from, TimePoint now)
{
    const auto it = m_pending.constFind(message.transactionId);
    if (it == m_pending.constEnd() || !(it->to == from)) {
        ++m_stats.repliesUnmatched; // late, forged, or from a host we never asked
        return;
    }
    const Pending pending = *it;
    m_pending.erase(it);
    Running *running = nullptr;
    if (const auto found = m_lookups.find(pending.lookup); found != m_lookups.end())
        running = &found->second;

    if (message.isError()) {
        if (running) {
            running->lookup.onFailure(from, now);
            pump(pending.lookup, *running, now);
        }
        return;
    }
    const KrpcResponse &response = message.response();
    if (pending.expectedId && response.id != *pending.expectedId) {
        m_table.failed(*pending.expectedId, now); // that address no longer runs that node
    } else if (response.id != id()) {
        m_table.heardFrom(NodeInfo{response.id, from}, RoutingTable::Contact::Response, now);
        if (message.yourAddress)
            m_reportedAddress = message.yourAddress;
    }
    if (running) {
        running->lookup.onResponse(from, response, now);
        pump(pending.lookup, *running, now);
    }
}

void Node::pump(LookupId lookupId, Running &running, TimePoint now)
{
    for (const Lookup::Outgoing &q : running.lookup.poll(now))
        sendQuery(q.to, q.expectedId, q.query, lookupId, now);
}

Node::LookupId Node::startLookup(Lookup::Kind kind, const NodeId &target, bool internal, TimePoint now,
                                 quint16 port, bool impliedPort)
{
    const LookupId lookupId = ++m_nextLookup;
    auto [it, inserted] = m_lookups.emplace(
        lookupId, Running{Lookup(kind, id(), target, m_settings.family, m_settings.lookup), internal});
    Lookup &lookup = it->second.lookup;
    lookup.setAnnouncePort(port, impliedPort);
    lookup.addCandidates(m_table.closest(target, m_settings.lookup.k * 2, now));
    if (m_table.size() < RoutingTable::K) {
        for (const Endpoint &router : m_routers)
            lookup.addBootstrap(router);
    }
    pump(lookupId, it->second, now);
    return lookupId;
}

void Node::bootstrap(TimePoint now)
{
    startLookup(Lookup::Kind::FindNode, id(), true, now);
}

Node::LookupId Node::findNode(const NodeId &target, TimePoint now)
{
    return startLookup(Lookup::Kind::FindNode, target, false, now);
}

Node::LookupId Node::getPeers(const NodeId &infoHash, TimePoint now)
{
    return startLookup(Lookup::Kind::GetPeers, infoHash, false, now);
}

Node::LookupId Node::announce(const NodeId &infoHash, quint16 port, bool impliedPort, TimePoint now)
{
    return startLookup(Lookup::Kind::Announce, infoHash, false, now, port, impliedPort);
}

const Lookup *Node::lookup(LookupId lookupId) const
{
    const auto it = m_lookups.find(lookupId);
    return it == m_lookups.end() ? nullptr : &it->second.lookup;
}

std::vector<Node::LookupResult> Node::takeFinishedLookups()
{
    return std::exchange(m_finished, {});
}

void Node::expireTransactions(TimePoint now)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (now < it->sentAt + m_settings.queryTimeout) {
            ++it;
            continue;
        }
        const Pending p = *it;
        it = m_pending.erase(it);
        ++m_stats.timeouts;
        if (p.expectedId)
            m_table.failed(*p.expectedId, now);
        if (const auto found = m_lookups.find(p.lookup); found != m_lookups.end())
            found->second.lookup.onFailure(p.to, now);
    }
}

void Node::poll(TimePoint now)
{
    expireTransactions(now);
    if (now >= m_nextMaintenance) {
        maintain(now);
        m_nextMaintenance = now + m_settings.maintenanceInterval;
    }
    for (auto it = m_lookups.begin(); it != m_lookups.end();) {
        pump(it->first, it->second, now);
        const Lookup &l = it->second.lookup;
        if (!l.isDone()) {
            ++it;
            continue;
        }
        if (!it->second.internal) {
            m_finished.push_back(LookupResult{it->first, l.kind(), l.target(), l.peers(),
                                              l.closestResponders(m_settings.lookup.k), l.announcesAcked(),
                                              l.queriesSent()});
        }
        it = m_lookups.erase(it);
    }
}

void Node::maintain(TimePoint now)
{
    m_peerStore.expire(now);
    for (const NodeInfo &n : m_table.nodesToPing(now, m_settings.pingsPerMaintenance)) {
        if (hasPendingTo(n.endpoint))
            continue;
        KrpcQuery q;
        q.method = Method::Ping;
        q.id = id();
        sendQuery(n.endpoint, n.id, q, 0, now);
    }
    if (m_table.size() == 0)
        return; // nothing to refresh from; the caller bootstraps
    int running = int(std::count_if(m_lookups.begin(), m_lookups.end(), [](const auto &kv) { return kv.second.internal; }));
    for (int bucket : m_table.bucketsNeedingRefresh(now)) {
        if (running >= m_settings.maxRefreshLookups)
            break;
        m_table.markRefreshed(bucket, now);
        startLookup(Lookup::Kind::FindNode, m_table.refreshTarget(bucket, m_rng), true, now);
        ++running;
    }
}

TimePoint Node::nextWakeup(TimePoint now) const
{
    TimePoint next = std::max(now, m_nextMaintenance);
    for (const Pending &p : m_pending)
        next = std::min(next, p.sentAt + m_settings.queryTimeout);
    for (const auto &[lookupId, running] : m_lookups) {
        if (const auto deadline = running.lookup.nextDeadline())
            next = std::min(next, *deadline);
        else
            next = now; // done, waiting to be reported
    }
    return std::max(next, now);
}

} // namespace swarmscope::dht
