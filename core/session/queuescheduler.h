// Torrent queueing (as qBittorrent and Transmission have it): which torrents may run now, given
// the queue order and the active limits. Pure: no clock, no I/O; the session feeds it and
// applies what it returns (see sessionqueue.cpp).
//
// The rules, and why:
// - Queue order decides: the first torrents in the queue get the slots. A torrent moved above a
//   running one takes its slot (the lower one goes back to Queued), as in libtorrent's
//   auto-management, so "Move Up" has an effect at once.
// - Downloads are served before seeds: the downloads pass fills `maxDownloads` and the shared
//   `maxActive`, then the seeds pass fills `maxSeeds` with what is left of `maxActive`. A user
//   waits for a download; a seed helps others (libtorrent and qBittorrent count the same way).
// - A magnet still fetching its metadata wants a download slot (qBittorrent counts it so): it
//   has peers and trackers like any download.
// - Checking does not take a slot: it is disk work, with no peers and no announces, and whether
//   the torrent will download or seed is only known once it ends. The exception is a torrent
//   that held a slot when its check began (a recheck of a running torrent, a magnet whose
//   metadata just came): it keeps counting as a download, so its slot is not given to another
//   torrent only to be taken back a moment later. The caller says which by `want`.
// - Paused by the user, in error, storage unavailable: not the queue's to decide (Want::None);
//   they neither count nor get a decision to act on.
// - "Slow" torrents (optional, qBittorrent's "do not count slow torrents"): a running torrent
//   the caller found below its rate threshold for a while stays active but takes no slot.
//   Only a running torrent can be slow: one that is queued has no rate to judge.
// - Limits: -1 is unlimited, 0 lets nothing of that kind run. With queueing off every torrent
//   that wants to run is active.
#pragma once

#include "util/clock.h"

#include <optional>
#include <vector>

namespace swarmscope::session {

struct QueueLimits {
    bool enabled = false;
    int maxDownloads = 3;
    int maxSeeds = 3;
    int maxActive = 5; // downloads and seeds together
};

struct QueueEntry {
    enum class Want : unsigned char { None, Download, Seed };
    Want want = Want::None;
    bool slow = false; // running, and below the slow thresholds long enough
};

enum class QueueDecision : unsigned char {
    Unmanaged, // Want::None: left as it is
    Active,
    Queued,
};

// `entries` in queue order (first = top of the queue); the result has one decision per entry.
std::vector<QueueDecision> scheduleQueue(const std::vector<QueueEntry> &entries, const QueueLimits &limits);

// Whether one torrent is "slow": running, with its rates below the thresholds without a break
// for `grace` (qBittorrent: 2 KiB/s down and up for 60 s). A torrent that stops running, or
// goes faster once, starts over; so one just started is never slow before `grace`.
class SlowTimer {
public:
    bool update(bool running, bool belowThresholds, TimePoint now, Duration grace)
    {
        if (!running || !belowThresholds) {
            m_since.reset();
            return false;
        }
        if (!m_since)
            m_since = now;
        return now - *m_since >= grace;
    }

private:
    std::optional<TimePoint> m_since;
};

} // namespace swarmscope::session
