#include "session/queuescheduler.h"

namespace swarmscope::session {

namespace {

bool below(int count, int limit)
{
    return limit < 0 || count < limit;
}

} // namespace

std::vector<QueueDecision> scheduleQueue(const std::vector<QueueEntry> &entries, const QueueLimits &limits)
{
    using Want = QueueEntry::Want;
    std::vector<QueueDecision> out(entries.size(), QueueDecision::Unmanaged);
    int active = 0;
    // Downloads first, then seeds, each in queue order (see the header for why).
    for (const Want kind : {Want::Download, Want::Seed}) {
        const int limit = kind == Want::Download ? limits.maxDownloads : limits.maxSeeds;
        int ofKind = 0;
        for (size_t i = 0; i < entries.size(); ++i) {
            const QueueEntry &e = entries[i];
            if (e.want != kind)
                continue;
            if (!limits.enabled || e.slow) {
                out[i] = QueueDecision::Active; // takes no slot
                continue;
            }
            if (below(ofKind, limit) && below(active, limits.maxActive)) {
                out[i] = QueueDecision::Active;
                ++ofKind;
                ++active;
            } else {
                out[i] = QueueDecision::Queued;
            }
        }
    }
    return out;
}

} // namespace swarmscope::session
