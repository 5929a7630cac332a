// The battery monitor the app uses: KDE Solid's where built, else UPower over D-Bus, else none.
#pragma once

#include "power/batterymonitor.h"

#include <memory>

class QObject;

namespace swarmscope::ui {

// Null when no backend is built (no Qt D-Bus and no Solid): the battery is then unknown and
// pausing on battery does nothing. `parent` sets the monitor's QObject parent; the returned
// pointer owns it all the same.
std::unique_ptr<power::BatteryMonitor> createBatteryMonitor(QObject *parent = nullptr);

} // namespace swarmscope::ui
