#include "power/batterymonitorfactory.h"

#ifdef SWARMSCOPE_HAVE_SOLID
#include "power/solidbatterymonitor.h"
#endif
#ifdef SWARMSCOPE_HAVE_DBUS
#include "power/upowerbatterymonitor.h"

#include <QDBusConnection>
#endif

namespace swarmscope::ui {

std::unique_ptr<power::BatteryMonitor> createBatteryMonitor(QObject *parent)
{
#ifdef SWARMSCOPE_HAVE_SOLID
    // Solid's batteries where it is built (UPower underneath on Linux, other backends elsewhere);
    // a machine where Solid sees none may still have UPower reachable directly.
    auto solid = std::make_unique<power::SolidBatteryMonitor>(parent);
    if (solid->isKnown())
        return solid;
#endif
#ifdef SWARMSCOPE_HAVE_DBUS
    return std::make_unique<UPowerBatteryMonitor>(QDBusConnection::systemBus(), parent);
#else
    Q_UNUSED(parent)
    return nullptr;
#endif
}

} // namespace swarmscope::ui
