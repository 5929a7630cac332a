// The power policy through a fake battery and a fake inhibitor: when it keeps the machine
// awake, which torrents it pauses on battery and which it resumes on mains power.
#include "fakepower.h"

#include "power/powerpolicy.h"
#include "session/snapshot.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace swarmscope;
using power::PowerPolicy;
using power::TorrentActivity;
using state::TorrentState;
using testutil::FakeBatteryMonitor;
using testutil::FakeSleepInhibitor;

Q_DECLARE_METATYPE(swarmscope::state::TorrentState)

namespace {

metainfo::InfoHash hashOf(char c)
{
    return metainfo::InfoHash::fromBytes(QByteArray(metainfo::InfoHash::Size, c));
}

// Torrents named by one letter: {{'a', Downloading}, ...}.
QList<TorrentActivity> torrents(std::initializer_list<std::pair<char, TorrentState>> list)
{
    QList<TorrentActivity> out;
    for (const auto &[c, state] : list)
        out.append({hashOf(c), state});
    return out;
}

// What the policy did to the engine, in order: "+a" resume, "-a" pause.
struct Engine {
    QStringList commands;
    PowerPolicy::TorrentCommand pause()
    {
        return [this](const metainfo::InfoHash &h) { commands << QStringLiteral("-") + letter(h); };
    }
    PowerPolicy::TorrentCommand resume()
    {
        return [this](const metainfo::InfoHash &h) { commands << QStringLiteral("+") + letter(h); };
    }
    // One event's commands come out of a hash: their order is not part of the policy.
    QStringList take()
    {
        QStringList out = commands;
        commands.clear();
        std::sort(out.begin(), out.end());
        return out;
    }
    static QString letter(const metainfo::InfoHash &h) { return QString(QLatin1Char(h.bytes().at(0))); }
};

QStringList list(const char *words)
{
    return QString::fromLatin1(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class tst_PowerPolicy : public QObject {
    Q_OBJECT

private slots:
    void keepsAwake_data();
    void keepsAwake();
    void inhibitsWhileDownloading();
    void reasonCountsTheDownloads();
    void inhibitOptionAtRuntime();
    void snapshotsFeedThePolicy();
    void pausesRunningTorrentsOnBattery();
    void resumesOnlyWhatItPausedAndIsStillPaused();
    void userResumedThenPausedAgainIsLeftAlone();
    void mainsBackBeforeThePauseWasSeen();
    void torrentsAddedOnBatteryAreLeftAlone();
    void optionOffOnBatteryResumes();
    void optionOnWhileOnBatteryPauses();
    void unknownBatteryDoesNothing();
    void batteryLostResumes();
    void startedOnBatteryPausesAtFirstSnapshot();
    void repeatedBatteryEventsActOnce();
    void pausingForBatteryReleasesTheInhibition();
    void withoutBackendsNothingHappens();
};

void tst_PowerPolicy::keepsAwake_data()
{
    QTest::addColumn<TorrentState>("state");
    QTest::addColumn<bool>("awake");
    QTest::newRow("downloading") << TorrentState::Downloading << true;
    QTest::newRow("checking") << TorrentState::Checking << true;
    QTest::newRow("seeding") << TorrentState::Seeding << false;
    QTest::newRow("paused") << TorrentState::Paused << false;
    QTest::newRow("queued") << TorrentState::Queued << false;
    QTest::newRow("error") << TorrentState::Error << false;
    QTest::newRow("storage unavailable") << TorrentState::StorageUnavailable << false;
}

void tst_PowerPolicy::keepsAwake()
{
    QFETCH(TorrentState, state);
    QFETCH(bool, awake);
    QCOMPARE(PowerPolicy::keepsAwake(state), awake);

    FakeSleepInhibitor inhibitor;
    PowerPolicy policy(&inhibitor, nullptr, {}, {});
    policy.setInhibitSleep(true);
    policy.update(torrents({{'a', state}, {'b', TorrentState::Seeding}}));
    QCOMPARE(inhibitor.isInhibited(), awake);
    QCOMPARE(policy.downloadingCount(), awake ? 1 : 0);
}

// Held from the first download until the last one stops, asked once, not at every snapshot.
void tst_PowerPolicy::inhibitsWhileDownloading()
{
    FakeSleepInhibitor inhibitor;
    PowerPolicy policy(&inhibitor, nullptr, {}, {});
    policy.setInhibitSleep(true);
    QVERIFY(inhibitor.calls.isEmpty()); // nothing downloads yet

    policy.update(torrents({{'a', TorrentState::Seeding}, {'b', TorrentState::Paused}}));
    QVERIFY(inhibitor.calls.isEmpty());
    policy.update(torrents({{'a', TorrentState::Seeding}, {'b', TorrentState::Downloading}}));
    QVERIFY(inhibitor.isInhibited());
    QCOMPARE(inhibitor.calls.size(), 1);
    for (int i = 0; i < 5; ++i)
        policy.update(torrents({{'a', TorrentState::Seeding}, {'b', TorrentState::Downloading}}));
    QCOMPARE(inhibitor.calls.size(), 1);

    policy.update(torrents({{'a', TorrentState::Seeding}, {'b', TorrentState::Seeding}})); // finished
    QVERIFY(!inhibitor.isInhibited());
    QCOMPARE(inhibitor.calls.size(), 2);
    QVERIFY(!inhibitor.calls.last().on);
    policy.update(torrents({{'a', TorrentState::Seeding}}));
    QCOMPARE(inhibitor.calls.size(), 2); // released once

    policy.update(torrents({{'c', TorrentState::Downloading}}));
    QVERIFY(inhibitor.isInhibited());
    policy.update(QList<TorrentActivity>{}); // removed
    QVERIFY(!inhibitor.isInhibited());
}

void tst_PowerPolicy::reasonCountsTheDownloads()
{
    FakeSleepInhibitor inhibitor;
    PowerPolicy policy(&inhibitor, nullptr, {}, {});
    policy.setInhibitSleep(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QCOMPARE(inhibitor.calls.last().reason, PowerPolicy::inhibitReason(1));
    QVERIFY(inhibitor.calls.last().reason.contains(QLatin1Char('1')));
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Checking},
                            {'c', TorrentState::Downloading}}));
    QCOMPARE(inhibitor.calls.size(), 2);
    QVERIFY(inhibitor.calls.last().on);
    QVERIFY(inhibitor.calls.last().reason.contains(QLatin1Char('3')));
    QVERIFY(PowerPolicy::inhibitReason(1) != PowerPolicy::inhibitReason(3));

    // The app's own wording: taken at once by the held inhibition, then used for each count.
    policy.setReasonText([](int n) { return QStringLiteral("busy with %1").arg(n); });
    QCOMPARE(inhibitor.calls.size(), 3);
    QCOMPARE(inhibitor.calls.last().reason, QStringLiteral("busy with 3"));
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QCOMPARE(inhibitor.calls.last().reason, QStringLiteral("busy with 1"));
    QVERIFY(inhibitor.isInhibited());
}

void tst_PowerPolicy::inhibitOptionAtRuntime()
{
    FakeSleepInhibitor inhibitor;
    PowerPolicy policy(&inhibitor, nullptr, {}, {});
    QVERIFY(!policy.inhibitSleep()); // off until the app applies its settings
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QVERIFY(inhibitor.calls.isEmpty());
    policy.setInhibitSleep(true); // at once, not at the next snapshot
    QVERIFY(inhibitor.isInhibited());
    policy.setInhibitSleep(false);
    QVERIFY(!inhibitor.isInhibited());
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QVERIFY(!inhibitor.isInhibited());
    QCOMPARE(inhibitor.calls.size(), 2);
}

void tst_PowerPolicy::snapshotsFeedThePolicy()
{
    FakeSleepInhibitor inhibitor;
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(&inhibitor, &battery, engine.pause(), engine.resume());
    policy.setInhibitSleep(true);
    policy.setPauseOnBattery(true);
    session::SessionSnapshot snapshot;
    session::TorrentSnapshot magnet; // fetching its metadata: downloading too
    magnet.infoHash = hashOf('m');
    magnet.state = TorrentState::Downloading;
    magnet.hasMetadata = false;
    session::TorrentSnapshot seed;
    seed.infoHash = hashOf('s');
    seed.state = TorrentState::Seeding;
    snapshot.torrents = {magnet, seed};
    policy.update(snapshot);
    QVERIFY(inhibitor.isInhibited());
    QCOMPARE(policy.downloadingCount(), 1);
    battery.set(true, true);
    QCOMPARE(engine.take(), list("-m -s"));
}

// On battery: everything running pauses (downloading, seeding, checking, queued, which would
// otherwise start in the freed slots); the user's paused ones and broken ones are not touched.
void tst_PowerPolicy::pausesRunningTorrentsOnBattery()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    QSignalSpy paused(&policy, &PowerPolicy::batteryPaused);
    QSignalSpy resumed(&policy, &PowerPolicy::batteryResumed);
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Seeding},
                            {'c', TorrentState::Paused}, {'d', TorrentState::Error},
                            {'e', TorrentState::Queued}, {'f', TorrentState::Checking},
                            {'g', TorrentState::StorageUnavailable}}));
    QVERIFY(engine.take().isEmpty()); // on mains
    battery.set(true, true);
    QVERIFY(policy.onBattery());
    QCOMPARE(engine.take(), list("-a -b -e -f"));
    QCOMPARE(paused.size(), 1);
    QCOMPARE(paused.at(0).at(0).value<QList<metainfo::InfoHash>>().size(), 4);
    QCOMPARE(policy.pausedForBattery().size(), 4);

    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Paused},
                            {'c', TorrentState::Paused}, {'d', TorrentState::Error},
                            {'e', TorrentState::Paused}, {'f', TorrentState::Paused},
                            {'g', TorrentState::StorageUnavailable}}));
    QVERIFY(engine.take().isEmpty());
    battery.set(true, false);
    QCOMPARE(engine.take(), list("+a +b +e +f")); // never c, the user's own pause
    QCOMPARE(resumed.size(), 1);
    QVERIFY(policy.pausedForBattery().isEmpty());
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Seeding},
                            {'c', TorrentState::Paused}, {'d', TorrentState::Error},
                            {'e', TorrentState::Queued}, {'f', TorrentState::Downloading},
                            {'g', TorrentState::StorageUnavailable}}));
    battery.set(true, true); // the next time, the same again
    QCOMPARE(engine.take(), list("-a -b -e -f"));
}

// Back on mains: a torrent the user resumed meanwhile, or removed, is left alone.
void tst_PowerPolicy::resumesOnlyWhatItPausedAndIsStillPaused()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Downloading},
                            {'c', TorrentState::Seeding}, {'u', TorrentState::Paused}}));
    battery.set(true, true);
    QCOMPARE(engine.take(), list("-a -b -c"));
    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Paused},
                            {'c', TorrentState::Paused}, {'u', TorrentState::Paused}}));
    // The user resumes b and removes c.
    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Downloading},
                            {'u', TorrentState::Paused}}));
    QCOMPARE(policy.pausedForBattery(), QList<metainfo::InfoHash>{hashOf('a')});
    battery.set(true, false);
    QCOMPARE(engine.take(), list("+a"));
}

void tst_PowerPolicy::userResumedThenPausedAgainIsLeftAlone()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Downloading}}));
    battery.set(true, true);
    engine.take();
    // The engine has not handled the pause yet: still downloading is not the user's resume.
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Downloading}}));
    QCOMPARE(policy.pausedForBattery().size(), 2);
    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Paused}}));
    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Downloading}})); // user resumes b
    policy.update(torrents({{'a', TorrentState::Paused}, {'b', TorrentState::Paused}}));      // and pauses it
    battery.set(true, false);
    QCOMPARE(engine.take(), list("+a")); // b's pause is the user's now
}

// Mains back before any snapshot showed the pause: resumed anyway (the engine handles the
// commands in order), or those torrents would stay paused for good.
void tst_PowerPolicy::mainsBackBeforeThePauseWasSeen()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Seeding}}));
    battery.set(true, true);
    battery.set(true, false);
    QCOMPARE(engine.commands.size(), 4);
    QCOMPARE(engine.commands.mid(0, 2).join(QString()).count(QLatin1Char('-')), 2); // pauses first
    QCOMPARE(engine.take(), list("+a +b -a -b"));
}

void tst_PowerPolicy::torrentsAddedOnBatteryAreLeftAlone()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    battery.set(true, true);
    QCOMPARE(engine.take(), list("-a"));
    policy.update(torrents({{'a', TorrentState::Paused}, {'n', TorrentState::Downloading}})); // added now
    QVERIFY(engine.take().isEmpty());
    battery.set(true, false);
    QCOMPARE(engine.take(), list("+a"));
}

void tst_PowerPolicy::optionOffOnBatteryResumes()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}, {'u', TorrentState::Paused}}));
    battery.set(true, true);
    QCOMPARE(engine.take(), list("-a"));
    policy.update(torrents({{'a', TorrentState::Paused}, {'u', TorrentState::Paused}}));
    policy.setPauseOnBattery(false);
    QCOMPARE(engine.take(), list("+a"));
    policy.update(torrents({{'a', TorrentState::Downloading}, {'u', TorrentState::Paused}}));
    battery.set(true, false);
    battery.set(true, true); // the option is off: battery changes do nothing now
    QVERIFY(engine.take().isEmpty());
}

void tst_PowerPolicy::optionOnWhileOnBatteryPauses()
{
    FakeBatteryMonitor battery;
    battery.set(true, true);
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.update(torrents({{'a', TorrentState::Downloading}, {'b', TorrentState::Seeding}}));
    QVERIFY(engine.take().isEmpty()); // off by default
    policy.setPauseOnBattery(true);
    QCOMPARE(engine.take(), list("-a -b"));
    policy.setPauseOnBattery(true); // again: nothing more
    QVERIFY(engine.take().isEmpty());
}

// A monitor that cannot tell (no UPower, no battery) never pauses, whatever it says.
void tst_PowerPolicy::unknownBatteryDoesNothing()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    battery.set(false, true);
    QVERIFY(!policy.onBattery());
    QVERIFY(engine.take().isEmpty());
    battery.set(true, true); // now it knows
    QCOMPARE(engine.take(), list("-a"));
}

// The monitor loses its source while we hold torrents paused: unknown counts as mains.
void tst_PowerPolicy::batteryLostResumes()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    battery.set(true, true);
    policy.update(torrents({{'a', TorrentState::Paused}}));
    engine.take();
    battery.set(false, false);
    QCOMPARE(engine.take(), list("+a"));
}

void tst_PowerPolicy::startedOnBatteryPausesAtFirstSnapshot()
{
    FakeBatteryMonitor battery;
    battery.set(true, true);
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    QVERIFY(engine.take().isEmpty()); // no torrents known yet
    policy.update(torrents({{'a', TorrentState::Downloading}, {'u', TorrentState::Paused}}));
    QCOMPARE(engine.take(), list("-a"));
    policy.update(torrents({{'a', TorrentState::Paused}, {'u', TorrentState::Paused},
                            {'n', TorrentState::Downloading}}));
    QVERIFY(engine.take().isEmpty()); // only at the first one
}

void tst_PowerPolicy::repeatedBatteryEventsActOnce()
{
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(nullptr, &battery, engine.pause(), engine.resume());
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    battery.set(true, true);
    QCOMPARE(engine.take(), list("-a"));
    policy.update(torrents({{'a', TorrentState::Paused}}));
    policy.update(torrents({{'a', TorrentState::Downloading}})); // the user resumes it on battery
    battery.repeat();
    QVERIFY(engine.take().isEmpty()); // not paused again by a repeated event
    battery.set(true, false);
    battery.repeat();
    QVERIFY(engine.take().isEmpty());
}

void tst_PowerPolicy::pausingForBatteryReleasesTheInhibition()
{
    FakeSleepInhibitor inhibitor;
    FakeBatteryMonitor battery;
    Engine engine;
    PowerPolicy policy(&inhibitor, &battery, engine.pause(), engine.resume());
    policy.setInhibitSleep(true);
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QVERIFY(inhibitor.isInhibited());
    battery.set(true, true);
    policy.update(torrents({{'a', TorrentState::Paused}}));
    QVERIFY(!inhibitor.isInhibited());
    battery.set(true, false);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QVERIFY(inhibitor.isInhibited());
}

void tst_PowerPolicy::withoutBackendsNothingHappens()
{
    Engine engine;
    PowerPolicy policy(nullptr, nullptr, engine.pause(), engine.resume());
    policy.setInhibitSleep(true);
    policy.setPauseOnBattery(true);
    policy.update(torrents({{'a', TorrentState::Downloading}}));
    QVERIFY(!policy.onBattery());
    QVERIFY(engine.take().isEmpty());

    // A backend deleted under the policy (app shutdown order) is not used afterwards.
    auto *battery = new FakeBatteryMonitor;
    auto *inhibitor = new FakeSleepInhibitor;
    PowerPolicy second(inhibitor, battery, engine.pause(), engine.resume());
    second.setInhibitSleep(true);
    delete inhibitor;
    delete battery;
    second.setPauseOnBattery(true);
    second.update(torrents({{'a', TorrentState::Downloading}}));
    second.update(QList<TorrentActivity>{});
    QVERIFY(engine.take().isEmpty());
}

QTEST_GUILESS_MAIN(tst_PowerPolicy)
#include "tst_powerpolicy.moc"
