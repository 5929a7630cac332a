// The app's power management with fake backends: it feeds the policy the engine's snapshots
// and follows the settings the moment they change.
#include "fakepower.h"

#include "power/powermanagement.h"
#include "session/engine.h"
#include "settings/appsettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using state::TorrentState;
using testutil::FakeBatteryMonitor;
using testutil::FakeSleepInhibitor;
using ui::AppSettings;
using ui::PowerManagement;

namespace {
session::SessionSnapshotPtr snapshotWith(TorrentState state)
{
    auto snapshot = std::make_shared<session::SessionSnapshot>();
    session::TorrentSnapshot t;
    t.infoHash = metainfo::InfoHash::fromBytes(QByteArray(metainfo::InfoHash::Size, 'a'));
    t.state = state;
    snapshot->torrents << t;
    return snapshot;
}
} // namespace

class tst_PowerManagement : public QObject {
    Q_OBJECT

private slots:
    void followsSnapshotsAndSettings();
};

void tst_PowerManagement::followsSnapshotsAndSettings()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    session::Engine engine{session::SessionSettings{}}; // never started: commands go nowhere
    auto inhibitorOwned = std::make_unique<FakeSleepInhibitor>();
    auto batteryOwned = std::make_unique<FakeBatteryMonitor>();
    FakeSleepInhibitor *inhibitor = inhibitorOwned.get();
    FakeBatteryMonitor *battery = batteryOwned.get();
    PowerManagement power(&engine, &settings, std::move(inhibitorOwned), std::move(batteryOwned));
    QCOMPARE(power.inhibitor(), inhibitor);
    QCOMPARE(power.battery(), battery);

    // The settings' defaults: keep awake on, pause on battery off.
    QVERIFY(power.policy()->inhibitSleep());
    QVERIFY(!power.policy()->pauseOnBattery());
    emit engine.snapshotReady(snapshotWith(TorrentState::Downloading));
    QVERIFY(inhibitor->isInhibited());
    QVERIFY(inhibitor->calls.last().reason.contains(QLatin1Char('1'))); // the app's wording, with the count
    emit engine.snapshotReady(nullptr); // ignored
    QVERIFY(inhibitor->isInhibited());

    settings.setInhibitSleep(false); // applied at once, as Preferences saves it
    QVERIFY(!power.policy()->inhibitSleep());
    QVERIFY(!inhibitor->isInhibited());

    battery->set(true, true);
    QVERIFY(power.policy()->pausedForBattery().isEmpty());
    settings.setPauseOnBattery(true);
    QVERIFY(power.policy()->pauseOnBattery());
    QCOMPARE(power.policy()->pausedForBattery().size(), 1);
    settings.setPauseOnBattery(false);
    QVERIFY(power.policy()->pausedForBattery().isEmpty());

    settings.setInhibitSleep(true);
    QVERIFY(inhibitor->isInhibited());
    emit engine.snapshotReady(snapshotWith(TorrentState::Seeding));
    QVERIFY(!inhibitor->isInhibited());
}

QTEST_GUILESS_MAIN(tst_PowerManagement)
#include "tst_powermanagement.moc"
