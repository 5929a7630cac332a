#include "swarm/choker.h"

#include <algorithm>

namespace swarmscope::swarm {

namespace {

ChokerSettings sanitized(ChokerSettings s)
{
    s.regularSlots = std::max(s.regularSlots, 0);
    s.optimisticSlots = std::max(s.optimisticSlots, 0);
    s.newPeerWeight = std::max(s.newPeerWeight, 1);
    return s;
}

const ChokerPeer *findPeer(const std::vector<ChokerPeer> &peers, PeerId id)
{
    for (const ChokerPeer &p : peers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace

Choker::Choker(ChokerSettings settings, std::uint32_t seed)
    : m_settings(sanitized(settings))
    , m_rng(seed)
{
}

void Choker::setSettings(const ChokerSettings &settings)
{
    const ChokerSettings s = sanitized(settings);
    if (s == m_settings)
        return;
    m_settings = s;
    m_forceRechoke = true;
}

bool Choker::rechokeDue(TimePoint now) const
{
    return m_forceRechoke || !m_lastRechoke || now - *m_lastRechoke >= m_settings.rechokeInterval;
}

bool Choker::optimisticDue(TimePoint now) const
{
    return std::any_of(m_optimistic.begin(), m_optimistic.end(), [&](const Optimistic &o) {
        return now - o.since >= m_settings.optimisticInterval;
    });
}

std::optional<TimePoint> Choker::nextDue() const
{
    if (!m_lastRechoke)
        return std::nullopt;
    // A forced rechoke is due at once: the last rechoke time is already in the past.
    TimePoint next = m_forceRechoke ? *m_lastRechoke : *m_lastRechoke + m_settings.rechokeInterval;
    for (const Optimistic &o : m_optimistic)
        next = std::min(next, o.since + m_settings.optimisticInterval);
    return next;
}

ChokeSlot Choker::slotOf(PeerId id) const
{
    if (isRegular(id))
        return ChokeSlot::Regular;
    if (isOptimistic(id))
        return ChokeSlot::Optimistic;
    return ChokeSlot::Choked;
}

bool Choker::isRegular(PeerId id) const
{
    return std::find(m_regular.begin(), m_regular.end(), id) != m_regular.end();
}

bool Choker::isOptimistic(PeerId id) const
{
    return std::any_of(m_optimistic.begin(), m_optimistic.end(),
                       [id](const Optimistic &o) { return o.id == id; });
}

bool Choker::eligibleRegular(const ChokerPeer &p, bool seeding) const
{
    return p.interested && (seeding || !p.snubbed);
}

bool Choker::ranksBefore(const ChokerPeer &a, const ChokerPeer &b, bool seeding) const
{
    const double ra = seeding ? a.uploadRate : a.downloadRate;
    const double rb = seeding ? b.uploadRate : b.downloadRate;
    if (ra != rb)
        return ra > rb;
    const bool ha = isRegular(a.id) || isOptimistic(a.id);
    const bool hb = isRegular(b.id) || isOptimistic(b.id);
    if (ha != hb)
        return ha;
    if (a.connectedAt != b.connectedAt)
        return a.connectedAt < b.connectedAt;
    return a.id < b.id;
}

void Choker::dropDeparted(const std::vector<ChokerPeer> &peers, bool seeding)
{
    std::erase_if(m_regular, [&](PeerId id) {
        const ChokerPeer *p = findPeer(peers, id);
        return !p || !eligibleRegular(*p, seeding);
    });
    // An optimistic peer may be snubbed (that is how it gets a second chance); it only has to be
    // present and interested.
    std::erase_if(m_optimistic, [&](const Optimistic &o) {
        const ChokerPeer *p = findPeer(peers, o.id);
        return !p || !p->interested;
    });
    // Slot counts may have shrunk (setSettings also forces the rechoke that re-ranks regulars):
    // trim now so no step below works with more holders than slots.
    const auto regularSlots = static_cast<std::size_t>(m_settings.regularSlots);
    if (m_regular.size() > regularSlots)
        m_regular.resize(regularSlots);
    const auto optimisticSlots = static_cast<std::size_t>(m_settings.optimisticSlots);
    if (m_optimistic.size() > optimisticSlots) // the longest-serving optimistic peers go first
        m_optimistic.erase(m_optimistic.begin(),
                           m_optimistic.end() - static_cast<std::ptrdiff_t>(optimisticSlots));
}

void Choker::rankRegular(const std::vector<ChokerPeer> &peers, bool seeding)
{
    std::vector<const ChokerPeer *> candidates;
    candidates.reserve(peers.size());
    for (const ChokerPeer &p : peers) {
        if (eligibleRegular(p, seeding))
            candidates.push_back(&p);
    }
    const auto keep = std::min(candidates.size(), static_cast<std::size_t>(m_settings.regularSlots));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates.end(), [&](const ChokerPeer *a, const ChokerPeer *b) {
                          return ranksBefore(*a, *b, seeding);
                      });
    std::vector<PeerId> ranked;
    ranked.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i)
        ranked.push_back(candidates[i]->id);
    m_regular = std::move(ranked);
}

void Choker::fillRegularVacancies(const std::vector<ChokerPeer> &peers, bool seeding)
{
    while (m_regular.size() < static_cast<std::size_t>(m_settings.regularSlots)) {
        const ChokerPeer *best = nullptr;
        for (const ChokerPeer &p : peers) {
            if (!eligibleRegular(p, seeding) || isRegular(p.id))
                continue;
            if (!best || ranksBefore(p, *best, seeding))
                best = &p;
        }
        if (!best)
            return;
        m_regular.push_back(best->id);
    }
}

std::optional<PeerId> Choker::pickOptimistic(TimePoint now, const std::vector<ChokerPeer> &peers)
{
    // Weighted lottery done by hand over mt19937's output (whose sequence the standard fixes),
    // so a seed gives the same picks with every standard library.
    std::uint64_t total = 0;
    auto weight = [&](const ChokerPeer &p) -> std::uint64_t {
        // Current holders are out, including the one being rotated away.
        if (!p.interested || isRegular(p.id) || isOptimistic(p.id))
            return 0;
        const bool isNew = now - p.connectedAt < m_settings.newPeerWindow;
        return isNew ? static_cast<std::uint64_t>(m_settings.newPeerWeight) : 1;
    };
    for (const ChokerPeer &p : peers)
        total += weight(p);
    if (total == 0)
        return std::nullopt;
    // Two draws make 64 random bits, so the modulo bias is negligible for any peer count.
    const std::uint64_t draw = (static_cast<std::uint64_t>(m_rng()) << 32) | m_rng();
    std::uint64_t ticket = draw % total;
    for (const ChokerPeer &p : peers) {
        const std::uint64_t w = weight(p);
        if (ticket < w)
            return p.id;
        ticket -= w;
    }
    return std::nullopt; // unreachable: the tickets add up to total
}

bool Choker::rotateOptimistic(TimePoint now, const std::vector<ChokerPeer> &peers)
{
    bool changed = false;
    // A holder the ranking promoted to a regular slot leaves its optimistic slot free.
    std::erase_if(m_optimistic, [&](const Optimistic &o) { return isRegular(o.id); });

    for (Optimistic &o : m_optimistic) {
        if (now - o.since < m_settings.optimisticInterval)
            continue;
        if (auto next = pickOptimistic(now, peers)) {
            o = Optimistic{*next, now};
            changed = true;
        } else {
            o.since = now; // nobody else to try: the holder serves another round
        }
    }
    while (m_optimistic.size() < static_cast<std::size_t>(m_settings.optimisticSlots)) {
        const auto next = pickOptimistic(now, peers);
        if (!next)
            break;
        m_optimistic.push_back(Optimistic{*next, now});
        changed = true;
    }
    return changed;
}

ChokeDecision Choker::evaluate(TimePoint now, const std::vector<ChokerPeer> &peers, bool seeding)
{
    if (m_lastSeeding && *m_lastSeeding != seeding)
        m_forceRechoke = true; // the ranking criterion changed
    m_lastSeeding = seeding;

    dropDeparted(peers, seeding);
    bool rechoked = false;
    if (rechokeDue(now)) {
        rankRegular(peers, seeding);
        m_lastRechoke = now;
        m_forceRechoke = false;
        rechoked = true;
    } else {
        fillRegularVacancies(peers, seeding);
    }
    const bool optimisticChanged = rotateOptimistic(now, peers);

    ChokeDecision d = describe(peers);
    d.rechoked = rechoked;
    d.optimisticChanged = optimisticChanged;
    return d;
}

ChokeDecision Choker::describe(const std::vector<ChokerPeer> &peers) const
{
    ChokeDecision d;
    d.unchoked = m_regular;
    for (const Optimistic &o : m_optimistic) {
        d.unchoked.push_back(o.id);
        d.optimistic.push_back(o.id);
    }
    d.perPeer.reserve(peers.size());
    for (const ChokerPeer &p : peers) {
        const ChokeSlot slot = slotOf(p.id);
        d.perPeer.push_back({p.id, slot});
        const bool unchoke = slot != ChokeSlot::Choked;
        if (unchoke && !p.unchoked)
            d.toUnchoke.push_back(p.id);
        else if (!unchoke && p.unchoked)
            d.toChoke.push_back(p.id);
    }
    return d;
}

} // namespace swarmscope::swarm
