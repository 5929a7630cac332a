// KDE Solid's batteries as a BatteryMonitor (built where KF6 Solid is found; UPower over D-Bus
// is the other backend, in ui/power). On battery: a battery that powers the machine is
// discharging. Batteries of mice, keyboards or UPSs feeding a desktop do not count.
#pragma once

#include "power/batterymonitor.h"

#include <QSet>

namespace swarmscope::power {

class SolidBatteryMonitor : public BatteryMonitor {
    Q_OBJECT
public:
    explicit SolidBatteryMonitor(QObject *parent = nullptr);

    bool isKnown() const override { return !m_batteries.isEmpty(); }
    bool onBattery() const override { return m_onBattery; }

private:
    void watch(const QString &udi);
    void reevaluate();

    QSet<QString> m_batteries; // udis of the batteries that power the machine
    bool m_onBattery = false;
};

} // namespace swarmscope::power
