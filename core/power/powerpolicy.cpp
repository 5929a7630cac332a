#include "power/powerpolicy.h"

#include "session/snapshot.h"

namespace swarmscope::power {

using state::TorrentState;

PowerPolicy::PowerPolicy(SleepInhibitor *inhibitor, BatteryMonitor *battery, TorrentCommand pause,
                         TorrentCommand resume, QObject *parent)
    : QObject(parent)
    , m_inhibitor(inhibitor)
    , m_battery(battery)
    , m_pause(std::move(pause))
    , m_resume(std::move(resume))
{
    if (m_battery)
        connect(m_battery, &BatteryMonitor::onBatteryChanged, this, &PowerPolicy::applyBattery);
}

bool PowerPolicy::keepsAwake(TorrentState state)
{
    // Downloading includes a magnet fetching its metadata. A check is minutes of disk work the
    // user waits for, and usually leads to downloading; queued, paused and seeding torrents
    // have nothing the user is waiting for.
    return state == TorrentState::Downloading || state == TorrentState::Checking;
}

QString PowerPolicy::inhibitReason(int downloading)
{
    return tr("Downloading %n torrent(s)", nullptr, downloading);
}

void PowerPolicy::setReasonText(ReasonText text)
{
    m_reasonText = text ? std::move(text) : ReasonText(&PowerPolicy::inhibitReason);
    applyInhibit(); // a held inhibition takes the new wording
}

int PowerPolicy::downloadingCount() const
{
    int n = 0;
    for (const TorrentState state : m_torrents)
        n += keepsAwake(state) ? 1 : 0;
    return n;
}

bool PowerPolicy::onBattery() const
{
    // Unknown reads as mains: a desktop without a battery, or no way to tell, never pauses.
    return m_battery && m_battery->isKnown() && m_battery->onBattery();
}

void PowerPolicy::setInhibitSleep(bool on)
{
    m_inhibitSleep = on;
    applyInhibit();
}

void PowerPolicy::setPauseOnBattery(bool on)
{
    m_pauseOnBattery = on;
    applyBattery();
}

void PowerPolicy::update(const session::SessionSnapshot &snapshot)
{
    QList<TorrentActivity> torrents;
    torrents.reserve(snapshot.torrents.size());
    for (const session::TorrentSnapshot &t : snapshot.torrents)
        torrents.append({t.infoHash, t.state});
    update(torrents);
}

void PowerPolicy::update(const QList<TorrentActivity> &torrents)
{
    m_torrents.clear();
    for (const TorrentActivity &t : torrents)
        m_torrents.insert(t.hash, t.state);
    m_seenTorrents = true;

    for (auto it = m_paused.begin(); it != m_paused.end();) {
        const auto found = m_torrents.constFind(it.key());
        if (found == m_torrents.cend()) {
            it = m_paused.erase(it); // removed: nothing to resume
        } else if (*found == TorrentState::Paused) {
            it.value() = true; // our pause took effect
            ++it;
        } else if (it.value()) {
            it = m_paused.erase(it); // seen paused, now running again: the user resumed it
        } else {
            ++it; // the engine has not handled our pause yet
        }
    }
    if (m_pausePending) {
        m_pausePending = false;
        pauseRunning();
    }
    applyInhibit();
}

void PowerPolicy::applyInhibit()
{
    if (!m_inhibitor)
        return;
    const int downloading = downloadingCount();
    if (m_inhibitSleep && downloading > 0) {
        const QString reason = m_reasonText(downloading);
        // Asked again only when the count (and so the reason) changed, not at every snapshot.
        if (!m_inhibitAsked || reason != m_inhibitReason) {
            m_inhibitAsked = true;
            m_inhibitReason = reason;
            m_inhibitor->setInhibited(true, reason);
        }
    } else if (m_inhibitAsked) {
        m_inhibitAsked = false;
        m_inhibitReason.clear();
        m_inhibitor->setInhibited(false, QString());
    }
}

void PowerPolicy::applyBattery()
{
    const bool wanted = m_pauseOnBattery && onBattery();
    if (wanted == m_batteryMode)
        return;
    m_batteryMode = wanted;
    if (wanted) {
        if (m_seenTorrents)
            pauseRunning();
        else
            m_pausePending = true; // the app started on battery: wait for the engine's list
    } else {
        m_pausePending = false;
        resumeOurs();
    }
}

void PowerPolicy::pauseRunning()
{
    // Only what runs at this moment: a torrent the user pauses, resumes or adds while on battery
    // is his choice, and is left to it.
    QList<metainfo::InfoHash> paused;
    for (auto it = m_torrents.cbegin(); it != m_torrents.cend(); ++it) {
        const TorrentState state = it.value();
        // Paused is the user's; error and storage-unavailable torrents transfer nothing, and
        // the storage policy owns the latter.
        if (state == TorrentState::Paused || state == TorrentState::Error || state == TorrentState::StorageUnavailable)
            continue;
        if (m_paused.contains(it.key()))
            continue;
        m_paused.insert(it.key(), false);
        paused << it.key();
        if (m_pause)
            m_pause(it.key());
    }
    if (!paused.isEmpty())
        emit batteryPaused(paused);
    applyInhibit();
}

void PowerPolicy::resumeOurs()
{
    QList<metainfo::InfoHash> resumed;
    for (auto it = m_paused.cbegin(); it != m_paused.cend(); ++it) {
        const auto found = m_torrents.constFind(it.key());
        if (found == m_torrents.cend())
            continue;
        // Paused as we left it; or our pause not yet seen (mains came back within a snapshot):
        // the engine handles commands in order, so the resume follows the pause.
        if (*found == TorrentState::Paused || !it.value()) {
            resumed << it.key();
            if (m_resume)
                m_resume(it.key());
        }
    }
    m_paused.clear();
    if (!resumed.isEmpty())
        emit batteryResumed(resumed);
}

} // namespace swarmscope::power
