// Keeps the machine awake over D-Bus: systemd-logind's Manager.Inhibit("sleep:idle", ...,
// "block") on the system bus, held as the file descriptor it returns (closed to release); where
// logind is missing or refuses, the desktop's org.freedesktop.PowerManagement.Inhibit on the
// session bus (Inhibit gives a cookie, UnInhibit returns it). Every call is asynchronous: the GUI
// thread never waits on D-Bus. Without a bus or a service it stays quietly not inhibited.
#pragma once

#include "power/sleepinhibitor.h"

#include <QDBusConnection>
#include <QDBusUnixFileDescriptor>

class QDBusPendingCallWatcher;

namespace swarmscope::ui {

class DBusSleepInhibitor : public power::SleepInhibitor {
    Q_OBJECT
public:
    enum class Backend { None, Login1, PowerManagement };

    // `system` is where logind lives, `session` where the desktop's PowerManagement does (tests
    // pass one private bus for both).
    DBusSleepInhibitor(const QDBusConnection &system, const QDBusConnection &session, QObject *parent = nullptr);
    ~DBusSleepInhibitor() override; // releases what it holds

    void setInhibited(bool on, const QString &reason) override;
    bool isInhibited() const override { return m_held != Backend::None; }

    // Which service holds our inhibition now, and with what reason.
    Backend backend() const { return m_held; }
    QString heldReason() const { return m_heldReason; }
    // A request is on its way (isInhibited() may change when it is answered).
    bool isPending() const { return m_inFlight; }

    static constexpr int kCallTimeoutMs = 10'000;

private:
    void reconcile();
    void askLogin1(const QString &reason);
    void askPowerManagement(const QString &reason);
    void onLogin1Reply(QDBusPendingCallWatcher *call, const QString &reason);
    void onPowerManagementReply(QDBusPendingCallWatcher *call, const QString &reason);
    void grant(Backend backend, const QDBusUnixFileDescriptor &fd, uint cookie, const QString &reason);
    void giveUp(const QString &reason, const QString &why);
    void releaseHeld();

    QDBusConnection m_system;
    QDBusConnection m_session;
    bool m_wanted = false;
    QString m_wantedReason;
    bool m_inFlight = false;
    QString m_failedReason; // asked for this reason, no service would: not asked again for it
    bool m_failed = false;

    Backend m_held = Backend::None;
    QString m_heldReason;
    QDBusUnixFileDescriptor m_fd; // logind's: the inhibition lasts while it is open
    uint m_cookie = 0;            // PowerManagement's
};

} // namespace swarmscope::ui
