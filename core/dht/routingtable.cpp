#include "dht/routingtable.h"

#include "bencode/reader.h"
#include "bencode/writer.h"

#include <algorithm>

namespace swarmscope::dht {

RoutingTable::NodeState RoutingTable::Entry::state(TimePoint now) const
{
    if (failures >= BadAfterFailures)
        return NodeState::Bad;
    if (lastResponse && now - *lastResponse < GoodFor)
        return NodeState::Good;
    if (verified && lastQuery && now - *lastQuery < GoodFor)
        return NodeState::Good;
    return NodeState::Questionable;
}

std::optional<TimePoint> RoutingTable::Entry::lastSeen() const
{
    if (lastResponse && lastQuery)
        return std::max(*lastResponse, *lastQuery);
    return lastResponse ? lastResponse : lastQuery;
}

RoutingTable::RoutingTable(const NodeId &ownId, Family family, TimePoint now)
    : m_ownId(ownId), m_family(family)
{
    m_buckets.push_back(Bucket{{}, {}, now});
}

int RoutingTable::bucketIndexFor(const NodeId &id) const
{
    return std::min(NodeId::commonPrefixLength(m_ownId, id), bucketCount() - 1);
}

const RoutingTable::Entry *RoutingTable::find(const NodeId &id) const
{
    for (const Entry &e : m_buckets[bucketIndexFor(id)].nodes) {
        if (e.info.id == id)
            return &e;
    }
    return nullptr;
}

RoutingTable::Entry *RoutingTable::findMutable(const NodeId &id)
{
    return const_cast<Entry *>(std::as_const(*this).find(id));
}

void RoutingTable::touch(Entry &e, Contact contact, TimePoint now)
{
    switch (contact) {
    case Contact::Response:
        e.lastResponse = now;
        e.verified = true;
        e.failures = 0;
        break;
    case Contact::Query:
        e.lastQuery = now;
        break;
    case Contact::Restored:
        e.verified = true;
        break;
    }
}

bool RoutingTable::canSplit(int index) const
{
    // Only the bucket covering our own id splits; 160 buckets cover every distinct id.
    return index == bucketCount() - 1 && bucketCount() < NodeId::Bits;
}

RoutingTable::InsertResult RoutingTable::heardFrom(const NodeInfo &node, Contact contact, TimePoint now)
{
    if (node.id == m_ownId || !node.endpoint.isUsable() || node.endpoint.family() != m_family)
        return InsertResult::Rejected;
    int index = bucketIndexFor(node.id);
    if (Entry *e = findMutable(node.id)) {
        // An id moving to another address is more likely a spoof than a move: keep the first.
        if (!(e->info.endpoint == node.endpoint))
            return InsertResult::Rejected;
        touch(*e, contact, now);
        if (contact == Contact::Response)
            m_buckets[index].lastChanged = now;
        return InsertResult::Updated;
    }
    const auto other = m_byEndpoint.constFind(node.endpoint);
    if (other != m_byEndpoint.constEnd()) {
        // The same address under a new id: accept it only once the old entry has gone bad (the
        // node restarted with a new id); otherwise one host could take many slots.
        const Entry *old = find(*other);
        if (contact != Contact::Response || !old || old->state(now) != NodeState::Bad)
            return InsertResult::Rejected;
        Bucket &oldBucket = m_buckets[bucketIndexFor(*other)];
        std::erase_if(oldBucket.nodes, [&](const Entry &x) { return x.info.id == *other; });
        m_byEndpoint.remove(node.endpoint);
        promoteReplacements(oldBucket, now);
        index = bucketIndexFor(node.id);
    }

    for (;;) {
        Bucket &bucket = m_buckets[index];
        const bool hasRoom = int(bucket.nodes.size()) < K;
        const auto bad = std::find_if(bucket.nodes.begin(), bucket.nodes.end(),
                                      [&](const Entry &x) { return x.state(now) == NodeState::Bad; });
        if (contact == Contact::Query) {
            // Worth verifying only when it could get in.
            return hasRoom || bad != bucket.nodes.end() || canSplit(index) ? InsertResult::WantsPing
                                                                            : InsertResult::Rejected;
        }
        Entry entry{node, {}, {}, {}, false, 0};
        touch(entry, contact, now);
        if (hasRoom || bad != bucket.nodes.end()) {
            if (hasRoom) {
                bucket.nodes.push_back(entry);
            } else {
                m_byEndpoint.remove(bad->info.endpoint);
                *bad = entry;
            }
            std::erase_if(bucket.replacements, [&](const Entry &x) { return x.info.id == node.id; });
            m_byEndpoint.insert(node.endpoint, node.id);
            bucket.lastChanged = now;
            return InsertResult::Added;
        }
        if (canSplit(index)) {
            split();
            index = bucketIndexFor(node.id);
            continue;
        }
        addReplacement(bucket, entry);
        return InsertResult::Cached;
    }
}

void RoutingTable::addReplacement(Bucket &bucket, Entry entry)
{
    std::erase_if(bucket.replacements, [&](const Entry &x) {
        return x.info.id == entry.info.id || x.info.endpoint == entry.info.endpoint;
    });
    bucket.replacements.push_back(std::move(entry));
    if (int(bucket.replacements.size()) > ReplacementCacheSize)
        bucket.replacements.erase(bucket.replacements.begin());
}

void RoutingTable::split()
{
    const int depth = bucketCount(); // ids with at least this many shared bits move out
    Bucket &last = m_buckets.back();
    Bucket closer{{}, {}, last.lastChanged};
    const auto movesOut = [&](const Entry &e) { return NodeId::commonPrefixLength(m_ownId, e.info.id) >= depth; };
    for (auto *list : {&last.nodes, &last.replacements}) {
        auto &target = list == &last.nodes ? closer.nodes : closer.replacements;
        std::copy_if(list->begin(), list->end(), std::back_inserter(target), movesOut);
        std::erase_if(*list, movesOut);
    }
    m_buckets.push_back(std::move(closer));
    // Each half may now have room for cached nodes of its own range.
    const TimePoint changed = m_buckets.back().lastChanged;
    promoteReplacements(m_buckets[depth - 1], changed);
    promoteReplacements(m_buckets[depth], changed);
}

void RoutingTable::promoteReplacements(Bucket &bucket, TimePoint now)
{
    while (int(bucket.nodes.size()) < K && !bucket.replacements.empty()) {
        Entry e = std::move(bucket.replacements.back()); // the most recently seen
        bucket.replacements.pop_back();
        if (m_byEndpoint.contains(e.info.endpoint))
            continue;
        m_byEndpoint.insert(e.info.endpoint, e.info.id);
        bucket.nodes.push_back(std::move(e));
        bucket.lastChanged = now;
    }
}

void RoutingTable::failed(const NodeId &id, TimePoint now)
{
    Bucket &bucket = m_buckets[bucketIndexFor(id)];
    std::erase_if(bucket.replacements, [&](const Entry &x) { return x.info.id == id; });
    auto it = std::find_if(bucket.nodes.begin(), bucket.nodes.end(), [&](const Entry &x) { return x.info.id == id; });
    if (it == bucket.nodes.end())
        return;
    ++it->failures;
    if (it->state(now) == NodeState::Bad && !bucket.replacements.empty()) {
        m_byEndpoint.remove(it->info.endpoint);
        bucket.nodes.erase(it);
        promoteReplacements(bucket, now);
    }
}

std::vector<NodeInfo> RoutingTable::closest(const NodeId &target, int count, TimePoint now) const
{
    std::vector<const Entry *> all;
    all.reserve(m_byEndpoint.size());
    for (const Bucket &b : m_buckets) {
        for (const Entry &e : b.nodes) {
            if (e.state(now) != NodeState::Bad)
                all.push_back(&e);
        }
    }
    const auto n = std::min(all.size(), size_t(std::max(count, 0)));
    std::partial_sort(all.begin(), all.begin() + n, all.end(), [&](const Entry *a, const Entry *b) {
        return isCloser(target, a->info.id, b->info.id);
    });
    std::vector<NodeInfo> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i)
        out.push_back(all[i]->info);
    return out;
}

std::vector<NodeInfo> RoutingTable::nodesToPing(TimePoint now, int max)
{
    std::vector<Entry *> due;
    for (Bucket &b : m_buckets) {
        for (Entry &e : b.nodes) {
            if (e.state(now) == NodeState::Questionable && (!e.lastPing || now - *e.lastPing >= PingRetryInterval))
                due.push_back(&e);
        }
    }
    const auto seen = [](const Entry *e) { return e->lastSeen().value_or(TimePoint::min()); };
    std::stable_sort(due.begin(), due.end(), [&](const Entry *a, const Entry *b) { return seen(a) < seen(b); });
    std::vector<NodeInfo> out;
    for (size_t i = 0; i < due.size() && int(out.size()) < max; ++i) {
        due[i]->lastPing = now;
        out.push_back(due[i]->info);
    }
    return out;
}

std::vector<int> RoutingTable::bucketsNeedingRefresh(TimePoint now) const
{
    std::vector<int> out;
    for (int i = 0; i < bucketCount(); ++i) {
        if (now - m_buckets[i].lastChanged >= RefreshAfter)
            out.push_back(i);
    }
    return out;
}

NodeId RoutingTable::refreshTarget(int index, Rng &rng) const
{
    if (index >= bucketCount() - 1)
        return NodeId::randomWithPrefix(m_ownId, bucketCount() - 1, rng);
    // Bucket i: the first i bits are ours and bit i differs.
    NodeId id = NodeId::randomWithPrefix(m_ownId, index, rng);
    id.setBit(index, !m_ownId.bit(index));
    return id;
}

void RoutingTable::markRefreshed(int index, TimePoint now)
{
    if (index >= 0 && index < bucketCount())
        m_buckets[index].lastChanged = now;
}

QByteArray RoutingTable::save() const
{
    std::vector<NodeInfo> nodes;
    for (const Bucket &b : m_buckets) {
        for (const Entry &e : b.nodes) {
            if (e.failures < BadAfterFailures)
                nodes.push_back(e.info);
        }
    }
    bencode::Dict d;
    d.emplace("format", bencode::Value(1));
    d.emplace("id", m_ownId.toBytes());
    d.emplace(m_family == Family::IPv4 ? "nodes" : "nodes6", encodeCompactNodes(nodes, m_family));
    return bencode::encode(bencode::Value(std::move(d)));
}

std::optional<RoutingTable::Saved> RoutingTable::load(const QByteArray &blob)
{
    bencode::Limits limits;
    limits.maxInputSize = 256 + MaxSavedNodes * CompactNodeSizeV6 * 2;
    limits.maxDepth = 1;
    limits.maxItems = 16;
    const auto root = bencode::decode(blob, nullptr, limits);
    if (!root || !root->isDict())
        return std::nullopt;
    const auto *format = root->findInteger("format");
    const auto *id = root->findString("id");
    if (!format || *format != 1 || !id || !NodeId::fromBytes(*id))
        return std::nullopt;
    Saved saved{*NodeId::fromBytes(*id), {}};
    for (auto [key, family] : {std::pair{"nodes", Family::IPv4}, std::pair{"nodes6", Family::IPv6}}) {
        if (const auto *compact = root->findString(QByteArray(key))) {
            auto nodes = decodeCompactNodes(*compact, family);
            if (!nodes)
                return std::nullopt;
            saved.nodes.insert(saved.nodes.end(), nodes->begin(), nodes->end());
        }
    }
    if (saved.nodes.size() > size_t(MaxSavedNodes))
        return std::nullopt;
    return saved;
}

void RoutingTable::restore(std::span<const NodeInfo> nodes, TimePoint now)
{
    for (const NodeInfo &n : nodes)
        heardFrom(n, Contact::Restored, now);
}

std::span<const BootstrapHost> defaultBootstrapHosts()
{
    static constexpr BootstrapHost hosts[] = {
        {"router.bittorrent.com", 6881},
        {"router.utorrent.com", 6881},
        {"dht.transmissionbt.com", 6881},
        {"dht.libtorrent.org", 25401},
    };
    return hosts;
}

} // namespace swarmscope::dht
