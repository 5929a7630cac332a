// Whether the machine runs on battery, from UPower (org.freedesktop.UPower's OnBattery property
// on the system bus): read once, then followed through PropertiesChanged, and read again when
// UPower restarts. Asynchronous throughout. No bus or no UPower: unknown, never on battery.
#pragma once

#include "power/batterymonitor.h"

#include <QDBusConnection>
#include <QStringList>
#include <QVariantMap>

class QDBusServiceWatcher;

namespace swarmscope::ui {

class UPowerBatteryMonitor : public power::BatteryMonitor {
    Q_OBJECT
public:
    explicit UPowerBatteryMonitor(const QDBusConnection &bus, QObject *parent = nullptr);

    bool isKnown() const override { return m_known; }
    bool onBattery() const override { return m_known && m_onBattery; }
    // A read of the property is on its way.
    bool isPending() const { return m_pendingReads > 0; }

private slots:
    // QtDBus connects signals by signature, through a slot.
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    void read();
    void set(bool known, bool onBattery);

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_known = false;
    bool m_onBattery = false;
    // Bumped by each change heard, so an older read answered later does not undo it.
    quint64 m_generation = 0;
    int m_pendingReads = 0;
};

} // namespace swarmscope::ui
