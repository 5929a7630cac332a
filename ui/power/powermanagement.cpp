#include "power/powermanagement.h"

#include "power/batterymonitorfactory.h"
#include "session/engine.h"
#include "settings/appsettings.h"

#ifdef SWARMSCOPE_HAVE_DBUS
#include "power/dbussleepinhibitor.h"

#include <QDBusConnection>
#endif

namespace swarmscope::ui {

namespace {

std::unique_ptr<power::SleepInhibitor> createSleepInhibitor()
{
#ifdef SWARMSCOPE_HAVE_DBUS
    return std::make_unique<DBusSleepInhibitor>(QDBusConnection::systemBus(), QDBusConnection::sessionBus());
#else
    return nullptr;
#endif
}

} // namespace

PowerManagement::PowerManagement(session::Engine *engine, AppSettings *settings, QObject *parent)
    : PowerManagement(engine, settings, createSleepInhibitor(), createBatteryMonitor(), parent)
{
}

PowerManagement::PowerManagement(session::Engine *engine, AppSettings *settings,
                                 std::unique_ptr<power::SleepInhibitor> inhibitor,
                                 std::unique_ptr<power::BatteryMonitor> battery, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_settings(settings)
    , m_inhibitor(std::move(inhibitor))
    , m_battery(std::move(battery))
{
    m_policy = std::make_unique<power::PowerPolicy>(
        m_inhibitor.get(), m_battery.get(),
        [this](const metainfo::InfoHash &hash) { m_engine->pauseTorrent(hash); },
        [this](const metainfo::InfoHash &hash) { m_engine->resumeTorrent(hash); });
    // The reason the desktop shows (e.g. in its logout dialog) is the policy's own sentence,
    // translated with the rest (lupdate reads core/power/powerpolicy.cpp too).
    // Snapshots come from the engine thread: queued to ours, where the backends live.
    connect(m_engine, &session::Engine::snapshotReady, this, [this](const session::SessionSnapshotPtr &snapshot) {
        if (snapshot)
            m_policy->update(*snapshot);
    });
    connect(m_settings, &AppSettings::powerSettingsChanged, this, &PowerManagement::applySettings);
    applySettings();
}

PowerManagement::~PowerManagement() = default;

void PowerManagement::applySettings()
{
    m_policy->setInhibitSleep(m_settings->inhibitSleep());
    m_policy->setPauseOnBattery(m_settings->pauseOnBattery());
}

} // namespace swarmscope::ui
