#include "power/upowerbatterymonitor.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace swarmscope::ui {

namespace {
const QString kService = QStringLiteral("org.freedesktop.UPower");
const QString kPath = QStringLiteral("/org/freedesktop/UPower");
const QString kInterface = QStringLiteral("org.freedesktop.UPower");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");
const QString kOnBattery = QStringLiteral("OnBattery");
constexpr int kCallTimeoutMs = 10'000;
} // namespace

UPowerBatteryMonitor::UPowerBatteryMonitor(const QDBusConnection &bus, QObject *parent)
    : BatteryMonitor(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return; // unknown for good: quietly
    // Any sender on UPower's path: naming the service would make QtDBus look its owner up.
    m_bus.connect(QString(), kPath, kProperties, QStringLiteral("PropertiesChanged"), this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    m_watcher = new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                ++m_generation;
                if (newOwner.isEmpty())
                    set(false, false); // UPower went away
                else
                    read(); // (re)started: its value may differ from what we knew
            });
    read();
}

void UPowerBatteryMonitor::read()
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kProperties, QStringLiteral("Get"));
    call << kInterface << kOnBattery;
    const quint64 generation = m_generation;
    ++m_pendingReads;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, generation](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        --m_pendingReads;
        if (generation != m_generation)
            return; // a change came after this read was sent
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError())
            set(false, false); // no UPower: a desktop, or a container
        else
            set(true, reply.value().variant().toBool());
    });
}

void UPowerBatteryMonitor::onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                                               const QStringList &invalidated)
{
    if (interface != kInterface)
        return;
    if (const auto it = changed.constFind(kOnBattery); it != changed.cend()) {
        ++m_generation;
        set(true, it->toBool());
    } else if (invalidated.contains(kOnBattery)) {
        ++m_generation;
        read();
    }
}

void UPowerBatteryMonitor::set(bool known, bool onBattery)
{
    const bool before = this->onBattery();
    m_known = known;
    m_onBattery = onBattery;
    if (this->onBattery() != before)
        emit onBatteryChanged(this->onBattery());
}

} // namespace swarmscope::ui
