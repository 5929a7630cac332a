// What the app does about power: keeps the machine awake while torrents download, and pauses the
// running torrents while it runs on battery (resuming only those when mains power is back).
// Fed the torrents from the engine's snapshots and the events of a BatteryMonitor; acts through a
// SleepInhibitor and two callbacks (Engine::pauseTorrent and Engine::resumeTorrent). Both options
// start off: the app sets them from its settings, and may change them at any time.
#pragma once

#include "metainfo/infohash.h"
#include "power/batterymonitor.h"
#include "power/sleepinhibitor.h"
#include "state/torrentrecord.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace swarmscope::session {
struct SessionSnapshot;
}

namespace swarmscope::power {

struct TorrentActivity {
    metainfo::InfoHash hash;
    state::TorrentState state = state::TorrentState::Queued;
};

class PowerPolicy : public QObject {
    Q_OBJECT
public:
    using TorrentCommand = std::function<void(const metainfo::InfoHash &)>;
    using ReasonText = std::function<QString(int downloading)>;

    // `inhibitor` and `battery` are not owned and may be null (no backend: that half of the
    // policy does nothing). A null command is not called.
    PowerPolicy(SleepInhibitor *inhibitor, BatteryMonitor *battery, TorrentCommand pause, TorrentCommand resume,
                QObject *parent = nullptr);

    void setInhibitSleep(bool on);
    bool inhibitSleep() const { return m_inhibitSleep; }
    // Turned on while on battery: pauses now. Turned off while on battery: resumes what it paused.
    void setPauseOnBattery(bool on);
    bool pauseOnBattery() const { return m_pauseOnBattery; }

    // The torrents as the engine sees them now (each snapshot); those gone are forgotten.
    void update(const session::SessionSnapshot &snapshot);
    void update(const QList<TorrentActivity> &torrents);

    // Torrents that keep the machine awake now, and the sentence the desktop shows for them:
    // inhibitReason() unless the app gives its own (translated where its catalogues are made).
    int downloadingCount() const;
    static bool keepsAwake(state::TorrentState state);
    static QString inhibitReason(int downloading);
    void setReasonText(ReasonText text);

    // The torrents this policy paused for the battery and will resume on mains power.
    QList<metainfo::InfoHash> pausedForBattery() const { return m_paused.keys(); }
    // True while the machine is known to run on battery.
    bool onBattery() const;

signals:
    void batteryPaused(const QList<swarmscope::metainfo::InfoHash> &hashes);
    void batteryResumed(const QList<swarmscope::metainfo::InfoHash> &hashes);

private:
    void applyInhibit();
    void applyBattery();
    void pauseRunning();
    void resumeOurs();

    QPointer<SleepInhibitor> m_inhibitor;
    QPointer<BatteryMonitor> m_battery;
    TorrentCommand m_pause;
    TorrentCommand m_resume;
    ReasonText m_reasonText = &PowerPolicy::inhibitReason;
    bool m_inhibitSleep = false;
    bool m_pauseOnBattery = false;

    QHash<metainfo::InfoHash, state::TorrentState> m_torrents;
    bool m_seenTorrents = false; // a snapshot arrived: m_torrents is the engine's list
    // Ours to resume; the value says whether a snapshot showed it paused since we asked (until
    // then it may still show running only because the engine has not handled the pause yet).
    QHash<metainfo::InfoHash, bool> m_paused;
    bool m_batteryMode = false;  // pausing for the battery is in effect
    bool m_pausePending = false; // on battery before the first snapshot: pause when it comes

    bool m_inhibitAsked = false;
    QString m_inhibitReason;
};

} // namespace swarmscope::power
