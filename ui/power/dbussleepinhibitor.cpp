#include "power/dbussleepinhibitor.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

namespace swarmscope::ui {

namespace {

Q_LOGGING_CATEGORY(lcPower, "swarmscope.power")

const QString kLogindService = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kLogindInterface = QStringLiteral("org.freedesktop.login1.Manager");
const QString kPmService = QStringLiteral("org.freedesktop.PowerManagement");
const QString kPmPath = QStringLiteral("/org/freedesktop/PowerManagement/Inhibit");
const QString kPmInterface = QStringLiteral("org.freedesktop.PowerManagement.Inhibit");
const QString kApplication = QStringLiteral("Swarmscope");

} // namespace

DBusSleepInhibitor::DBusSleepInhibitor(const QDBusConnection &system, const QDBusConnection &session,
                                       QObject *parent)
    : SleepInhibitor(parent)
    , m_system(system)
    , m_session(session)
{
}

DBusSleepInhibitor::~DBusSleepInhibitor()
{
    // A request still on its way is dropped with its watcher; a logind descriptor in its reply
    // is closed unread, and PowerManagement services drop a vanished client's cookies.
    releaseHeld();
}

void DBusSleepInhibitor::setInhibited(bool on, const QString &reason)
{
    if (!on)
        m_failed = false; // the next download tries again: a service may have come up since
    m_wanted = on;
    m_wantedReason = on ? reason : QString();
    reconcile();
}

// Brings what is held in line with what is wanted, one request at a time; called again when
// each answer comes, so changes made meanwhile are caught up with.
void DBusSleepInhibitor::reconcile()
{
    if (m_inFlight)
        return;
    if (!m_wanted) {
        if (m_held != Backend::None) {
            releaseHeld();
            emit inhibitedChanged(false);
        }
        return;
    }
    if (m_held != Backend::None && m_heldReason == m_wantedReason)
        return;
    if (m_failed && m_failedReason == m_wantedReason)
        return;
    // A new reason while held: the new inhibition is taken first and the old one released when
    // it is granted, so the machine is never left unguarded in between.
    if (m_system.isConnected())
        askLogin1(m_wantedReason);
    else
        askPowerManagement(m_wantedReason);
}

void DBusSleepInhibitor::askLogin1(const QString &reason)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kLogindService, kLogindPath, kLogindInterface,
                                                       QStringLiteral("Inhibit"));
    // sleep: suspend and hibernate wait; idle: the desktop does not suspend us for inactivity.
    call << QStringLiteral("sleep:idle") << kApplication << reason << QStringLiteral("block");
    m_inFlight = true;
    auto *watcher = new QDBusPendingCallWatcher(m_system.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, reason](QDBusPendingCallWatcher *w) { onLogin1Reply(w, reason); });
}

void DBusSleepInhibitor::onLogin1Reply(QDBusPendingCallWatcher *call, const QString &reason)
{
    call->deleteLater();
    m_inFlight = false;
    const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *call;
    if (!reply.isError() && reply.value().isValid()) {
        grant(Backend::Login1, reply.value(), 0, reason);
        return;
    }
    qCDebug(lcPower) << "logind did not inhibit sleep:" << reply.error().message();
    if (m_wanted && m_wantedReason == reason)
        askPowerManagement(reason);
    else
        reconcile(); // no longer wanted as asked
}

void DBusSleepInhibitor::askPowerManagement(const QString &reason)
{
    if (!m_session.isConnected()) {
        giveUp(reason, QStringLiteral("no D-Bus connection"));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kPmService, kPmPath, kPmInterface, QStringLiteral("Inhibit"));
    call << kApplication << reason;
    m_inFlight = true;
    auto *watcher = new QDBusPendingCallWatcher(m_session.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, reason](QDBusPendingCallWatcher *w) { onPowerManagementReply(w, reason); });
}

void DBusSleepInhibitor::onPowerManagementReply(QDBusPendingCallWatcher *call, const QString &reason)
{
    call->deleteLater();
    m_inFlight = false;
    const QDBusPendingReply<uint> reply = *call;
    if (reply.isError()) {
        giveUp(reason, reply.error().message());
        return;
    }
    grant(Backend::PowerManagement, QDBusUnixFileDescriptor(), reply.value(), reason);
}

void DBusSleepInhibitor::grant(Backend backend, const QDBusUnixFileDescriptor &fd, uint cookie,
                               const QString &reason)
{
    const bool was = isInhibited();
    releaseHeld(); // the previous reason's, if any
    m_held = backend;
    m_heldReason = reason;
    m_fd = fd;
    m_cookie = cookie;
    m_failed = false;
    if (!was)
        emit inhibitedChanged(true);
    reconcile(); // released or changed while the call was on its way
}

void DBusSleepInhibitor::giveUp(const QString &reason, const QString &why)
{
    qCInfo(lcPower) << "cannot keep the computer awake:" << why;
    m_failed = true;
    m_failedReason = reason;
    reconcile(); // if the wish changed meanwhile
}

void DBusSleepInhibitor::releaseHeld()
{
    if (m_held == Backend::PowerManagement) {
        QDBusMessage call =
            QDBusMessage::createMethodCall(kPmService, kPmPath, kPmInterface, QStringLiteral("UnInhibit"));
        call << m_cookie;
        m_session.send(call); // nothing to wait for
    }
    m_fd = QDBusUnixFileDescriptor(); // closes logind's descriptor: that is the release
    m_cookie = 0;
    m_held = Backend::None;
    m_heldReason.clear();
}

} // namespace swarmscope::ui
