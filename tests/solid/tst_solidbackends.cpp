// The KDE Solid backends against Solid's fake hardware (SOLID_FAKEHW), on a private session bus
// (ctest runs this under dbus-run-session): volumes unmounted, remounted, unplugged and plugged
// back through the fake manager's and devices' D-Bus objects, with the storage policy watching;
// batteries of the machine and of a mouse. Built only where KF6 Solid is (the Debian 13 job).
#include "power/solidbatterymonitor.h"
#include "storage/solidstoragemonitor.h"
#include "storage/storagepolicy.h"

#include "policycommands.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using state::TorrentState;
using storage::TorrentStorage;
using testutil::Command;
using testutil::hashOf;

namespace {
const QString kPrefix = QStringLiteral("/org/kde/solid/fakehw");
const QString kUsb = kPrefix + QStringLiteral("/volume_usb");
const QString kCard = kPrefix + QStringLiteral("/volume_card");
const QString kLaptopBattery = kPrefix + QStringLiteral("/battery_laptop");

QString volumeXml(const QString &udi, const QString &device, const QString &mountPoint, const QString &label)
{
    return QStringLiteral(R"(  <device udi="%1">
    <property key="name">%4</property>
    <property key="interfaces">Block,StorageVolume,StorageAccess</property>
    <property key="parent">/org/kde/solid/fakehw/computer</property>
    <property key="device">%2</property>
    <property key="usage">filesystem</property>
    <property key="fsType">ext4</property>
    <property key="label">%4</property>
    <property key="isMounted">true</property>
    <property key="mountPoint">%3</property>
  </device>
)")
        .arg(udi, device, mountPoint, label);
}

QString batteryXml(const QString &udi, const QString &type, bool powerSupply)
{
    return QStringLiteral(R"(  <device udi="%1">
    <property key="name">%2 battery</property>
    <property key="interfaces">Battery</property>
    <property key="parent">/org/kde/solid/fakehw/computer</property>
    <property key="isPresent">true</property>
    <property key="batteryType">%2</property>
    <property key="isRechargeable">true</property>
    <property key="isPowerSupply">%3</property>
    <property key="chargeState">discharging</property>
    <property key="currentLevel">40</property>
    <property key="lastFullLevel">100</property>
  </device>
)")
        .arg(udi, type, powerSupply ? QStringLiteral("true") : QStringLiteral("false"));
}

QObject *fakeObject(const QString &path)
{
    return QDBusConnection::sessionBus().objectRegisteredAt(path);
}

// What the fake manager and devices export as slots over the session bus.
bool callManager(const char *slot, const QString &udi)
{
    QObject *manager = fakeObject(kPrefix);
    return manager && QMetaObject::invokeMethod(manager, slot, Qt::DirectConnection, Q_ARG(QString, udi));
}

bool setMounted(const QString &udi, bool mounted)
{
    QObject *device = fakeObject(udi);
    bool ok = false;
    return device
        && QMetaObject::invokeMethod(device, "setProperty", Qt::DirectConnection, Q_RETURN_ARG(bool, ok),
                                     Q_ARG(QString, QStringLiteral("isMounted")), Q_ARG(QVariant, QVariant(mounted)))
        && ok;
}

// Lets Solid's queued signals arrive; the QCOMPARE after it says what did (QTRY_* macros warn
// under -Wconversion with Qt >= 6.8).
template <typename F> void eventually(F &&condition)
{
    [[maybe_unused]] const bool met = QTest::qWaitFor(std::forward<F>(condition), 5000);
}

} // namespace

class TestSolidBackends : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void volumesAndMountRoots();
    void unmountAndRemount();
    void unplugAndPlugBack();
    void policyStopsAndResumesOnlyThatVolume();
    void batteryOfTheMachineOnly();

private:
    QTemporaryDir m_dir;
    QString m_usb;  // where the fake USB volume is mounted (a real folder)
    QString m_card;
};

void TestSolidBackends::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session (ctest does)");
    QVERIFY(m_dir.isValid());
    const QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("media/usb/Downloads")) && root.mkpath(QStringLiteral("media/card")));
    m_usb = QDir(root.filePath(QStringLiteral("media/usb"))).canonicalPath();
    m_card = QDir(root.filePath(QStringLiteral("media/card"))).canonicalPath();

    QString xml = QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<machine>
  <device udi="/org/kde/solid/fakehw/computer">
    <property key="name">Computer</property>
    <property key="interfaces"></property>
  </device>
)");
    xml += volumeXml(kUsb, QStringLiteral("/dev/sdb1"), m_usb, QStringLiteral("USB"));
    xml += volumeXml(kCard, QStringLiteral("/dev/mmcblk0p1"), m_card, QStringLiteral("CARD"));
    xml += batteryXml(kLaptopBattery, QStringLiteral("primary"), true);
    xml += batteryXml(kPrefix + QStringLiteral("/battery_mouse"), QStringLiteral("mouse"), false);
    xml += QStringLiteral("</machine>\n");
    QFile file(root.filePath(QStringLiteral("machine.xml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(xml.toUtf8());
    file.close();
    // Read when Solid first builds its device manager, which nothing has done yet.
    qputenv("SOLID_FAKEHW", QFile::encodeName(file.fileName()));
}

void TestSolidBackends::volumesAndMountRoots()
{
    storage::SolidStorageMonitor monitor;
    QCOMPARE(monitor.volumeCount(), 2);
    QCOMPARE(monitor.mountRootOf(m_usb + QStringLiteral("/Downloads/film")), m_usb);
    QCOMPARE(monitor.mountRootOf(m_usb + QStringLiteral("/not/yet/made")), m_usb);
    QCOMPARE(monitor.mountRootOf(m_card), m_card);
    QCOMPARE(monitor.mountRootOf(m_dir.path() + QStringLiteral("/media/usb2")), QStringLiteral("/"));
    QVERIFY(monitor.isAvailable(m_usb));
    QVERIFY(monitor.isAvailable(QStringLiteral("/")));
    // With volumes in sight, the factory picks Solid over /proc/self/mountinfo.
    QCOMPARE(storage::createStorageMonitor()->backendName(), QStringLiteral("Solid"));
}

void TestSolidBackends::unmountAndRemount()
{
    storage::SolidStorageMonitor monitor;
    QSignalSpy changed(&monitor, &storage::StorageMonitor::availabilityChanged);
    QVERIFY(setMounted(kUsb, false));
    eventually([&] { return changed.size() == 1; });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), m_usb);
    QCOMPARE(changed.at(0).at(1).toBool(), false);
    QVERIFY(!monitor.isAvailable(m_usb));
    QVERIFY(monitor.isAvailable(m_card));
    // Unmounted, its paths fall to the volume beneath: nothing mounted there any more.
    QCOMPARE(monitor.mountRootOf(m_usb + QStringLiteral("/Downloads")), QStringLiteral("/"));

    QVERIFY(setMounted(kUsb, true));
    eventually([&] { return changed.size() == 2; });
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), m_usb);
    QCOMPARE(changed.at(1).at(1).toBool(), true);
    QVERIFY(monitor.isAvailable(m_usb));
}

void TestSolidBackends::unplugAndPlugBack()
{
    storage::SolidStorageMonitor monitor;
    QSignalSpy changed(&monitor, &storage::StorageMonitor::availabilityChanged);
    QVERIFY(callManager("unplug", kCard)); // yanked while mounted
    eventually([&] { return changed.size() == 1; });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), m_card);
    QCOMPARE(changed.at(0).at(1).toBool(), false);
    QVERIFY(!monitor.isAvailable(m_card));

    QVERIFY(callManager("plug", kCard));
    eventually([&] { return changed.size() == 2; });
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), m_card);
    QCOMPARE(changed.at(1).at(1).toBool(), true);
    QVERIFY(monitor.isAvailable(m_card));
}

void TestSolidBackends::policyStopsAndResumesOnlyThatVolume()
{
    storage::SolidStorageMonitor monitor;
    QList<Command> commands;
    storage::StoragePolicy policy(&monitor, testutil::recordInto(commands));
    const QString onUsb = m_usb + QStringLiteral("/Downloads");
    QList<TorrentStorage> torrents{{hashOf('u'), onUsb, TorrentState::Downloading},
                                   {hashOf('c'), m_card, TorrentState::Seeding},
                                   {hashOf('h'), m_dir.path(), TorrentState::Downloading},
                                   {hashOf('p'), onUsb, TorrentState::Paused}};
    policy.update(torrents);
    QCOMPARE(commands, QList<Command>{});
    QCOMPARE(policy.mountRootFor(hashOf('u')), m_usb);

    QVERIFY(setMounted(kUsb, false));
    eventually([&] { return commands == (QList<Command>{{'u', false}}); });
    QCOMPARE(commands, (QList<Command>{{'u', false}})); // not the paused one, nor the others
    QVERIFY(!policy.missingStorage(hashOf('u')).isEmpty());
    QVERIFY(policy.missingStorage(hashOf('c')).isEmpty());
    torrents[0].state = TorrentState::StorageUnavailable; // what the engine does with the command
    policy.update(torrents);
    QCOMPARE(commands.size(), 1);

    commands.clear();
    QVERIFY(setMounted(kUsb, true));
    eventually([&] { return commands == (QList<Command>{{'u', true}}); });
    QCOMPARE(commands, (QList<Command>{{'u', true}}));
    torrents[0].state = TorrentState::Downloading;
    policy.update(torrents);

    // The card pulled out while seeding: only its torrent stops; back in, only it resumes.
    commands.clear();
    QVERIFY(callManager("unplug", kCard));
    eventually([&] { return commands == (QList<Command>{{'c', false}}); });
    QCOMPARE(commands, (QList<Command>{{'c', false}}));
    torrents[1].state = TorrentState::StorageUnavailable;
    policy.update(torrents);
    QVERIFY(callManager("plug", kCard));
    eventually([&] { return commands == (QList<Command>{{'c', false}, {'c', true}}); });
    QCOMPARE(commands, (QList<Command>{{'c', false}, {'c', true}}));
}

void TestSolidBackends::batteryOfTheMachineOnly()
{
    power::SolidBatteryMonitor battery;
    QVERIFY(battery.isKnown());
    QVERIFY(battery.onBattery());
    QSignalSpy changed(&battery, &power::BatteryMonitor::onBatteryChanged);
    // The mouse's battery stays, discharging: it does not power the machine.
    QVERIFY(callManager("unplug", kLaptopBattery));
    eventually([&] { return changed.size() == 1; });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    QVERIFY(!battery.onBattery());
    QVERIFY(!battery.isKnown());

    QVERIFY(callManager("plug", kLaptopBattery));
    eventually([&] { return changed.size() == 2; });
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).toBool(), true);
    QVERIFY(battery.onBattery());
}

QTEST_GUILESS_MAIN(TestSolidBackends)
#include "tst_solidbackends.moc"
