// Session: torrent queueing. The decision is the pure scheduleQueue() (queuescheduler.h); this
// is the glue that describes each torrent to it and applies what it returns: a torrent held
// back waits as Queued (Torrent::setQueued: no peers, no announces, out of the DHT), a magnet
// still fetching is paused by the queue (and saved as Queued, so a restart keeps it waiting).
#include "session/session.h"

#include "dht/dhtservice.h"
#include "state/statewriter.h"

namespace swarmscope::session {

using metainfo::InfoHash;
using state::TorrentState;

namespace {

QueueEntry::Want wantOf(const swarm::Torrent &t)
{
    const TorrentState s = t.state();
    if (t.isPaused() || s == TorrentState::Paused || s == TorrentState::Error || s == TorrentState::StorageUnavailable)
        return QueueEntry::Want::None;
    if (t.isChecking()) // only a torrent that held its slot when the check began keeps it
        return t.isQueued() ? QueueEntry::Want::None : QueueEntry::Want::Download;
    return t.isComplete() ? QueueEntry::Want::Seed : QueueEntry::Want::Download;
}

} // namespace

bool Session::slowNow(swarm::Torrent *t, TimePoint now)
{
    if (!m_settings.ignoreSlowTorrents) {
        m_slow.remove(t->infoHash());
        return false;
    }
    const bool running = t->state() == TorrentState::Downloading || t->state() == TorrentState::Seeding;
    const bool below = t->downloadRate(now) < double(m_settings.slowDownloadRate)
                       && t->uploadRate(now) < double(m_settings.slowUploadRate);
    return m_slow[t->infoHash()].update(running, below, now, m_settings.slowTorrentTime);
}

void Session::applyQueue()
{
    if (m_shuttingDown)
        return;
    const TimePoint now = Clock::now();
    const QueueLimits limits{m_settings.queueingEnabled, m_settings.maxActiveDownloads, m_settings.maxActiveSeeds,
                             m_settings.maxActiveTorrents};
    std::vector<QueueEntry> entries;
    entries.reserve(size_t(m_order.size()));
    for (const InfoHash &hash : std::as_const(m_order)) {
        QueueEntry e;
        if (swarm::Torrent *t = m_torrents.value(hash)) {
            e.want = wantOf(*t);
            e.slow = slowNow(t, now);
        } else if (const swarm::MetadataFetch *f = m_fetches.value(hash)) {
            const bool userPaused = f->isPaused() && !m_queuedFetches.contains(hash);
            e.want = userPaused ? QueueEntry::Want::None : QueueEntry::Want::Download;
        }
        entries.push_back(e);
    }
    const std::vector<QueueDecision> decisions = scheduleQueue(entries, limits);

    m_slotHolders.clear();
    for (size_t i = 0; i < decisions.size(); ++i) {
        const InfoHash hash = m_order[qsizetype(i)];
        const QueueDecision d = decisions[i];
        if (d == QueueDecision::Active)
            m_slotHolders.insert(hash);
        if (swarm::Torrent *t = m_torrents.value(hash)) {
            // Whatever the queue does not run stays held, so that a resume, the end of a check
            // or a volume coming back waits for the queue instead of starting and being stopped.
            const bool hold = limits.enabled && d != QueueDecision::Active;
            if (hold == t->isQueued())
                continue;
            t->setQueued(hold, now);
            if (hold && m_dht)
                m_dht->untrack(hash);
            else if (!hold && (t->state() == TorrentState::Downloading || t->state() == TorrentState::Seeding))
                trackInDht(hash, t->info().isPrivate);
        } else if (swarm::MetadataFetch *f = m_fetches.value(hash)) {
            if (d == QueueDecision::Active && m_queuedFetches.remove(hash)) {
                f->resume(now); // saves it as Downloading
                trackInDht(hash, false);
            } else if (d == QueueDecision::Queued && !m_queuedFetches.contains(hash)) {
                m_queuedFetches.insert(hash);
                f->pause(now); // drops its peers, announces `stopped`
                if (m_state)
                    m_state->saveState(hash, TorrentState::Queued, {}, {});
                if (m_dht)
                    m_dht->untrack(hash);
            }
        }
    }
    // Forget what left the session.
    for (auto it = m_queuedFetches.begin(); it != m_queuedFetches.end();)
        it = m_fetches.contains(*it) ? std::next(it) : m_queuedFetches.erase(it);
    for (auto it = m_slow.begin(); it != m_slow.end();)
        it = m_torrents.contains(it.key()) ? std::next(it) : m_slow.erase(it);
}

void Session::untrackQueued()
{
    if (!m_dht)
        return;
    for (const swarm::Torrent *t : std::as_const(m_torrents))
        if (t->isQueued()) // held torrents never run (a check may; it announces nothing)
            m_dht->untrack(t->infoHash());
    for (const InfoHash &hash : std::as_const(m_queuedFetches))
        m_dht->untrack(hash);
}

void Session::restoreMagnetQueued(const state::TorrentRecord &record)
{
    if (!m_settings.queueingEnabled || record.state != TorrentState::Queued) {
        restoreMagnet(record);
        return;
    }
    // It waited for a slot: it comes back paused by the queue, without an announce, and the
    // first evaluation decides whether it runs.
    state::TorrentRecord held = record;
    held.state = TorrentState::Paused;
    m_queuedFetches.insert(record.infoHash);
    restoreMagnet(held);
}

} // namespace swarmscope::session
