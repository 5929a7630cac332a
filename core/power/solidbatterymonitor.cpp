#include "power/solidbatterymonitor.h"

#include <Solid/Battery>
#include <Solid/Device>
#include <Solid/DeviceNotifier>

namespace swarmscope::power {

SolidBatteryMonitor::SolidBatteryMonitor(QObject *parent) : BatteryMonitor(parent)
{
    const QList<Solid::Device> devices = Solid::Device::listFromType(Solid::DeviceInterface::Battery);
    for (const Solid::Device &device : devices)
        watch(device.udi());
    Solid::DeviceNotifier *notifier = Solid::DeviceNotifier::instance();
    connect(notifier, &Solid::DeviceNotifier::deviceAdded, this, [this](const QString &udi) {
        watch(udi);
        reevaluate();
    });
    connect(notifier, &Solid::DeviceNotifier::deviceRemoved, this, [this](const QString &udi) {
        if (m_batteries.remove(udi))
            reevaluate();
    });
    reevaluate();
}

void SolidBatteryMonitor::watch(const QString &udi)
{
    Solid::Device device(udi);
    auto *battery = device.as<Solid::Battery>();
    if (!battery || !battery->isPowerSupply())
        return;
    m_batteries.insert(udi);
    connect(battery, &Solid::Battery::chargeStateChanged, this, &SolidBatteryMonitor::reevaluate,
            Qt::UniqueConnection);
    connect(battery, &Solid::Battery::powerSupplyStateChanged, this, &SolidBatteryMonitor::reevaluate,
            Qt::UniqueConnection);
}

void SolidBatteryMonitor::reevaluate()
{
    bool discharging = false;
    for (const QString &udi : std::as_const(m_batteries)) {
        const Solid::Device device(udi);
        const auto *battery = device.as<Solid::Battery>();
        if (battery && battery->isPresent() && battery->isPowerSupply()
            && battery->chargeState() == Solid::Battery::Discharging)
            discharging = true;
    }
    if (discharging == m_onBattery)
        return;
    m_onBattery = discharging;
    emit onBatteryChanged(m_onBattery);
}

} // namespace swarmscope::power
