#include "dht/lookup.h"

#include <algorithm>

namespace swarmscope::dht {

Lookup::Lookup(Kind kind, const NodeId &ownId, const NodeId &target, Family family,
               const LookupSettings &settings)
    : m_kind(kind), m_ownId(ownId), m_target(target), m_family(family), m_settings(settings)
{
}

void Lookup::setAnnouncePort(quint16 port, bool impliedPort)
{
    m_announcePort = port;
    m_impliedPort = impliedPort;
}

bool Lookup::before(const Candidate &a, const Candidate &b) const
{
    if (a.id && b.id)
        return isCloser(m_target, *a.id, *b.id);
    return a.id && !b.id; // ids we do not know yet (bootstrap) sort last, in arrival order
}

void Lookup::insert(Candidate c)
{
    if (c.id && (*c.id == m_ownId || m_knownIds.contains(*c.id)))
        return;
    if (!c.endpoint.isUsable() || c.endpoint.family() != m_family || m_knownEndpoints.contains(c.endpoint))
        return;
    if (c.id)
        m_knownIds.insert(*c.id);
    m_knownEndpoints.insert(c.endpoint);
    const auto pos = std::upper_bound(m_candidates.begin(), m_candidates.end(), c,
                                      [&](const Candidate &a, const Candidate &b) { return before(a, b); });
    m_candidates.insert(pos, std::move(c));
    // Over the cap, forget the farthest candidates we are not waiting for. They stay in the
    // known sets so that later responses do not bring them back.
    for (auto i = m_candidates.size(); i-- > 0 && m_candidates.size() > size_t(m_settings.maxCandidates);) {
        const State s = m_candidates[i].state;
        if (s == State::Fresh || s == State::Failed)
            m_candidates.erase(m_candidates.begin() + qsizetype(i));
    }
}

void Lookup::addCandidates(std::span<const NodeInfo> nodes)
{
    for (const NodeInfo &n : nodes)
        insert(Candidate{n.id, n.endpoint, State::Fresh, {}, {}});
}

void Lookup::addBootstrap(const Endpoint &endpoint)
{
    insert(Candidate{std::nullopt, endpoint, State::Fresh, {}, {}});
}

Lookup::Candidate *Lookup::findByEndpoint(const Endpoint &endpoint)
{
    auto it = std::find_if(m_candidates.begin(), m_candidates.end(),
                           [&](const Candidate &c) { return c.endpoint == endpoint; });
    return it == m_candidates.end() ? nullptr : &*it;
}

KrpcQuery Lookup::searchQuery() const
{
    KrpcQuery q;
    q.method = m_kind == Kind::FindNode ? Method::FindNode : Method::GetPeers;
    q.id = m_ownId;
    q.target = m_target;
    return q;
}

// The window is the K closest candidates that have not failed, widened by one for each slow
// one among them (a slow node frees its slot for the next candidate but may still answer).
void Lookup::updateSearchDone()
{
    if (m_searchDone)
        return;
    const bool budgetLeft = m_queriesSent < m_settings.maxQueries;
    int window = m_settings.k;
    int seen = 0;
    for (const Candidate &c : m_candidates) {
        if (seen >= window)
            break;
        if (c.state == State::Failed)
            continue;
        ++seen;
        if (c.state == State::Slow)
            ++window;
        if (c.state == State::InFlight || c.state == State::Slow || (c.state == State::Fresh && budgetLeft))
            return;
    }
    m_searchDone = true;
}

std::vector<Lookup::Outgoing> Lookup::poll(TimePoint now)
{
    std::vector<Outgoing> out;
    if (isDone())
        return out;
    const auto expire = [&](State &state, TimePoint sentAt) {
        if ((state == State::InFlight || state == State::Slow) && now >= sentAt + m_settings.timeout) {
            state = State::Failed;
            ++m_failures;
        } else if (state == State::InFlight && now >= sentAt + m_settings.slowAfter) {
            state = State::Slow;
        }
    };
    for (Candidate &c : m_candidates)
        expire(c.state, c.sentAt);
    for (Announce &a : m_announces)
        expire(a.state, a.sentAt);

    if (!m_searchDone) {
        int inFlight = int(std::count_if(m_candidates.begin(), m_candidates.end(),
                                         [](const Candidate &c) { return c.state == State::InFlight; }));
        int window = m_settings.k;
        int seen = 0;
        for (Candidate &c : m_candidates) {
            if (seen >= window || inFlight >= m_settings.alpha || m_queriesSent >= m_settings.maxQueries)
                break;
            if (c.state == State::Failed)
                continue;
            ++seen;
            if (c.state == State::Slow)
                ++window;
            if (c.state != State::Fresh)
                continue;
            c.state = State::InFlight;
            c.sentAt = now;
            ++inFlight;
            ++m_queriesSent;
            out.push_back(Outgoing{c.endpoint, c.id, searchQuery()});
        }
        updateSearchDone();
    }
    if (m_searchDone && m_kind == Kind::Announce && !m_announcesStarted)
        startAnnounces();
    for (Announce &a : m_announces) {
        if (a.state != State::Fresh)
            continue;
        a.state = State::InFlight;
        a.sentAt = now;
        KrpcQuery q;
        q.method = Method::AnnouncePeer;
        q.id = m_ownId;
        q.target = m_target;
        q.port = m_announcePort;
        q.impliedPort = m_impliedPort;
        q.token = a.token;
        out.push_back(Outgoing{a.node.endpoint, a.node.id, q});
    }
    return out;
}

void Lookup::startAnnounces()
{
    m_announcesStarted = true;
    for (const Responder &r : closestResponders(m_settings.k)) {
        if (!r.token.isEmpty())
            m_announces.push_back(Announce{r.node, r.token, State::Fresh, {}});
    }
}

void Lookup::onResponse(const Endpoint &from, const KrpcResponse &response, TimePoint now)
{
    Q_UNUSED(now);
    if (m_announcesStarted) {
        for (Announce &a : m_announces) {
            if (a.node.endpoint == from && (a.state == State::InFlight || a.state == State::Slow)) {
                a.state = a.node.id == response.id ? State::Responded : State::Failed;
                m_announcesAcked += a.state == State::Responded ? 1 : 0;
            }
        }
        return;
    }
    Candidate *c = findByEndpoint(from);
    if (!c || (c->state != State::InFlight && c->state != State::Slow))
        return;
    if (c->id && *c->id != response.id) {
        // Another id at that address: not the node we asked; treat the query as failed.
        c->state = State::Failed;
        ++m_failures;
        updateSearchDone();
        return;
    }
    if (!c->id) {
        if (response.id == m_ownId || m_knownIds.contains(response.id)) {
            c->state = State::Failed; // a bootstrap router that is a node we already have
            updateSearchDone();
            return;
        }
        // Now that its id is known, the bootstrap node takes its place in distance order.
        Candidate moved = *c;
        moved.id = response.id;
        m_candidates.erase(m_candidates.begin() + (c - m_candidates.data()));
        m_knownIds.insert(response.id);
        const auto pos = std::upper_bound(m_candidates.begin(), m_candidates.end(), moved,
                                          [&](const Candidate &a, const Candidate &b) { return before(a, b); });
        c = &*m_candidates.insert(pos, std::move(moved));
    }
    c->state = State::Responded;
    c->token = response.token;
    ++m_responses;

    for (const Endpoint &peer : response.values) {
        if (int(m_peers.size()) >= m_settings.maxPeers)
            break;
        if (peer.isUsable() && !m_peerSet.contains(peer)) {
            m_peerSet.insert(peer);
            m_peers.push_back(peer);
        }
    }
    addCandidates(m_family == Family::IPv4 ? response.nodes : response.nodes6); // may move `c`
    updateSearchDone();
}

void Lookup::onFailure(const Endpoint &from, TimePoint now)
{
    Q_UNUSED(now);
    const auto fail = [&](State &state) {
        if (state == State::InFlight || state == State::Slow) {
            state = State::Failed;
            ++m_failures;
        }
    };
    if (m_announcesStarted) {
        for (Announce &a : m_announces) {
            if (a.node.endpoint == from)
                fail(a.state);
        }
        return;
    }
    if (Candidate *c = findByEndpoint(from))
        fail(c->state);
    updateSearchDone();
}

bool Lookup::isDone() const
{
    if (!m_searchDone)
        return false;
    if (m_kind != Kind::Announce)
        return true;
    return m_announcesStarted && std::all_of(m_announces.begin(), m_announces.end(), [](const Announce &a) {
               return a.state == State::Responded || a.state == State::Failed;
           });
}

std::optional<TimePoint> Lookup::nextDeadline() const
{
    if (isDone())
        return std::nullopt;
    std::optional<TimePoint> next;
    const auto consider = [&](State state, TimePoint sentAt) {
        std::optional<TimePoint> t;
        if (state == State::InFlight)
            t = sentAt + std::min(m_settings.slowAfter, m_settings.timeout);
        else if (state == State::Slow)
            t = sentAt + m_settings.timeout;
        if (t && (!next || *t < *next))
            next = t;
    };
    for (const Candidate &c : m_candidates)
        consider(c.state, c.sentAt);
    for (const Announce &a : m_announces)
        consider(a.state == State::InFlight ? State::Slow : a.state, a.sentAt);
    return next;
}

std::vector<Lookup::Responder> Lookup::closestResponders(int count) const
{
    std::vector<Responder> out;
    for (const Candidate &c : m_candidates) {
        if (int(out.size()) >= count)
            break;
        if (c.state == State::Responded && c.id)
            out.push_back(Responder{NodeInfo{*c.id, c.endpoint}, c.token});
    }
    return out;
}

} // namespace swarmscope::dht
