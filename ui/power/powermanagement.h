// The app's power management in one object: builds the backends (sleep inhibition over D-Bus,
// the battery monitor from createBatteryMonitor()), feeds the power policy the engine's
// snapshots, pauses and resumes through the engine, and follows the two settings as they change.
// Without D-Bus the backends are missing and it quietly does nothing.
#pragma once

#include "power/batterymonitor.h"
#include "power/powerpolicy.h"
#include "power/sleepinhibitor.h"

#include <QObject>

#include <memory>

namespace swarmscope::session {
class Engine;
}

namespace swarmscope::ui {

class AppSettings;

class PowerManagement : public QObject {
    Q_OBJECT
public:
    // `engine` and `settings` outlive this object.
    PowerManagement(session::Engine *engine, AppSettings *settings, QObject *parent = nullptr);
    // With given backends (tests); either may be null.
    PowerManagement(session::Engine *engine, AppSettings *settings, std::unique_ptr<power::SleepInhibitor> inhibitor,
                    std::unique_ptr<power::BatteryMonitor> battery, QObject *parent = nullptr);
    ~PowerManagement() override;

    power::PowerPolicy *policy() const { return m_policy.get(); }
    power::SleepInhibitor *inhibitor() const { return m_inhibitor.get(); }
    power::BatteryMonitor *battery() const { return m_battery.get(); }

    // Reads the two options from the settings again (done on AppSettings::powerSettingsChanged).
    void applySettings();

private:
    session::Engine *m_engine;
    AppSettings *m_settings;
    std::unique_ptr<power::SleepInhibitor> m_inhibitor;
    std::unique_ptr<power::BatteryMonitor> m_battery;
    std::unique_ptr<power::PowerPolicy> m_policy; // last: destroyed first, before its backends
};

} // namespace swarmscope::ui
