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
    // Shown by the desktop (e.g. in its logout dialog) as why it may not sleep. Worded here,
    // where the translations are collected, rather than in core.
    m_policy->setReasonText([](int downloading) { return tr("Downloading %n torrent(s)", nullptr, downloading); });
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
