// Whether the machine runs on battery, whatever reports it: UPower over D-Bus (ui/power), or
// KDE Solid's Battery where Solid is built (power/solidbatterymonitor). The power policy uses
// only this, so it is tested with a fake.
#pragma once

#include <QObject>

namespace swarmscope::power {

class BatteryMonitor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether a power source could be read at all (no D-Bus, no UPower, no battery: false, and
    // onBattery() is false: a desktop on mains never pauses).
    virtual bool isKnown() const = 0;
    // True while the machine draws from a battery (discharging and no AC adapter online).
    virtual bool onBattery() const = 0;

signals:
    void onBatteryChanged(bool onBattery);
};

} // namespace swarmscope::power
