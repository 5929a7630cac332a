// Tit-for-tat choking for one torrent, as BitTorrent's design describes it.
//
// - Regular slots (4): the interested peers that send us data fastest (their download rate to
//   us, which the caller measures over ~20 s with a RateMeter); when we are seeding, the peers
//   that take data from us fastest (upload rate). Snubbed peers (the caller's flag: they
//   unchoked us but sent nothing for 60 s while we had requests out) get no regular slot while
//   we download; the flag means nothing when seeding and is ignored then.
// - Optimistic slot (1): a random choked interested peer, kept for `optimisticInterval` (30 s)
//   so it has time to show what it can send. Peers connected less than `newPeerWindow` (60 s,
//   two optimistic rounds) ago are `newPeerWeight` (3) times as likely to be picked, because they
//   have nothing to offer yet and would otherwise never be tried. If the ranking promotes the
//   optimistic peer to a regular slot, another one is picked at once (with a full interval).
// - Uninterested peers get no slot and are choked: unchoking them costs nothing now but would
//   let them request without a slot the moment they became interested.
// - No fibrillation: the ranking is redone only every `rechokeInterval` (10 s). Between rechokes
//   only vacancies are filled (a slot holder left, lost interest or became snubbed, or a slot was
//   never filled), and nobody is displaced. A settings change or a switch to seeding makes the
//   next evaluate() rechoke.
//
// Pure logic: no clock reads (time comes as `now`), randomness from an owned, seeded mt19937.
#pragma once

#include "util/clock.h"

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace swarmscope::swarm {

using PeerId = std::uint64_t;

struct ChokerSettings {
    int regularSlots = 4;
    int optimisticSlots = 1;
    Duration rechokeInterval = std::chrono::seconds(10);
    Duration optimisticInterval = std::chrono::seconds(30);
    Duration newPeerWindow = std::chrono::seconds(60); // "new" = connected less than this ago
    int newPeerWeight = 3;                             // a new peer's odds against an old one's

    friend bool operator==(const ChokerSettings &, const ChokerSettings &) = default;
};

// What the caller knows about one connected peer. Ids must be unique within one evaluate().
struct ChokerPeer {
    PeerId id = 0;
    bool interested = false;   // the peer is interested in our pieces
    double downloadRate = 0.0; // bytes/s the peer sends us
    double uploadRate = 0.0;   // bytes/s we send the peer
    bool snubbed = false;
    TimePoint connectedAt{};
    bool unchoked = false;     // we currently unchoke the peer (what it was last told)
};

enum class ChokeSlot : std::uint8_t { Choked, Regular, Optimistic };

struct ChokeDecision {
    struct PeerSlot {
        PeerId id = 0;
        ChokeSlot slot = ChokeSlot::Choked;
    };
    std::vector<PeerId> unchoked;   // everyone who should be unchoked now, regular then optimistic
    std::vector<PeerId> optimistic; // the optimistic ones among them (usually one)
    std::vector<PeerId> toUnchoke;  // send UNCHOKE: should be unchoked, `unchoked` was false
    std::vector<PeerId> toChoke;    // send CHOKE: `unchoked` was true, should not be
    std::vector<PeerSlot> perPeer;  // every input peer, in input order (for the UI)
    bool rechoked = false;          // the regular ranking was redone in this call
    bool optimisticChanged = false; // an optimistic slot got a new holder in this call
};

class Choker {
public:
    explicit Choker(ChokerSettings settings = {}, std::uint32_t seed = 0);

    const ChokerSettings &settings() const { return m_settings; }
    // Takes effect at the next evaluate(), which rechokes.
    void setSettings(const ChokerSettings &settings);

    // Decides who is unchoked at `now`. Call it on every tick of a timer (nextDue() says when it
    // matters) and whenever a peer connects, leaves, or changes interest or snub state.
    ChokeDecision evaluate(TimePoint now, const std::vector<ChokerPeer> &peers, bool seeding);

    bool rechokeDue(TimePoint now) const;
    bool optimisticDue(TimePoint now) const;
    // The earliest time a scheduled rechoke or optimistic rotation falls due (if any is pending).
    std::optional<TimePoint> nextDue() const;

    // The slot a peer held after the last evaluate() (Choked for unknown ids).
    ChokeSlot slotOf(PeerId id) const;

private:
    struct Optimistic {
        PeerId id;
        TimePoint since;
    };

    bool eligibleRegular(const ChokerPeer &p, bool seeding) const;
    // True when a ranks before b: faster first, then current slot holders (stability), then
    // longer connected, then lower id (so equal peers have a stable order).
    bool ranksBefore(const ChokerPeer &a, const ChokerPeer &b, bool seeding) const;
    bool isRegular(PeerId id) const;
    bool isOptimistic(PeerId id) const;

    void dropDeparted(const std::vector<ChokerPeer> &peers, bool seeding);
    void rankRegular(const std::vector<ChokerPeer> &peers, bool seeding);
    void fillRegularVacancies(const std::vector<ChokerPeer> &peers, bool seeding);
    bool rotateOptimistic(TimePoint now, const std::vector<ChokerPeer> &peers);
    std::optional<PeerId> pickOptimistic(TimePoint now, const std::vector<ChokerPeer> &peers);
    ChokeDecision describe(const std::vector<ChokerPeer> &peers) const;

    ChokerSettings m_settings;
    std::mt19937 m_rng;
    std::vector<PeerId> m_regular;
    std::vector<Optimistic> m_optimistic;
    std::optional<TimePoint> m_lastRechoke;
    bool m_forceRechoke = true;
    std::optional<bool> m_lastSeeding;
};

} // namespace swarmscope::swarm
