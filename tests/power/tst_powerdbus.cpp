// The D-Bus backends against fake logind, PowerManagement and UPower services on a private bus:
// the test runs itself under dbus-run-session and points the "system" and session connections
// both at that bus. And with no bus at all: nothing held, nothing known, no crash.
#include "fakedbusservices.h"

#include "power/batterymonitorfactory.h"
#include "power/dbussleepinhibitor.h"
#include "power/upowerbatterymonitor.h"

#include <QSignalSpy>
#include <QTest>

#include <cstdlib>
#include <vector>

using namespace swarmscope;
using testutil::FakeLogind;
using testutil::FakePowerManagement;
using testutil::FakeUPower;
using testutil::writersClosed;
using ui::DBusSleepInhibitor;
using ui::UPowerBatteryMonitor;
using Backend = DBusSleepInhibitor::Backend;

namespace {
const QString kLogind = QStringLiteral("org.freedesktop.login1");
const QString kPm = QStringLiteral("org.freedesktop.PowerManagement");
const QString kUPower = QStringLiteral("org.freedesktop.UPower");
const char *const kPrivateBusVariable = "SWARMSCOPE_TEST_PRIVATE_BUS";
} // namespace

class tst_PowerDBus : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void logindHoldsTheDescriptorUntilRelease();
    void newReasonReplacesTheInhibition();
    void releasedBeforeTheAnswer();
    void fallsBackToPowerManagement();
    void logindRefusesPowerManagementServes();
    void noServiceQuietlyNotInhibited();
    void upowerFollowsOnBattery();
    void upowerMissingIsUnknown();
    void noBusAtAll();

private:
    QDBusConnection bus() const { return QDBusConnection::sessionBus(); }
    // The fakes talk over a connection of their own, so every call really crosses the bus.
    void serve(const QString &service, const QString &path, QObject *object, QDBusConnection::RegisterOptions options)
    {
        QVERIFY(m_fakes.registerObject(path, object, options));
        QVERIFY(m_fakes.registerService(service));
    }
    void unserve(const QString &service, const QString &path)
    {
        m_fakes.unregisterService(service);
        m_fakes.unregisterObject(path);
    }

    QDBusConnection m_fakes{QString()};
    FakeLogind *m_logind = nullptr;
    FakePowerManagement *m_pm = nullptr;
};

void tst_PowerDBus::init()
{
    const bool noBusCase = QByteArray(QTest::currentTestFunction()) == "noBusAtAll";
    if (!noBusCase && (qgetenv(kPrivateBusVariable) != "1" || !bus().isConnected()))
        QSKIP("no private session bus: dbus-run-session (Debian package dbus-daemon) missing or not used");
    if (noBusCase)
        return;
    m_fakes = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fakes"));
    QVERIFY(m_fakes.isConnected());
    m_logind = new FakeLogind;
    m_pm = new FakePowerManagement;
}

void tst_PowerDBus::cleanup()
{
    if (m_fakes.isConnected()) {
        for (const QString &service : {kLogind, kPm, kUPower})
            m_fakes.unregisterService(service);
        for (const char *path : {"/org/freedesktop/login1", "/org/freedesktop/PowerManagement/Inhibit",
                                 "/org/freedesktop/UPower"})
            m_fakes.unregisterObject(QString::fromLatin1(path));
    }
    delete m_logind;
    delete m_pm;
    m_logind = nullptr;
    m_pm = nullptr;
}

void tst_PowerDBus::logindHoldsTheDescriptorUntilRelease()
{
    serve(kLogind, QStringLiteral("/org/freedesktop/login1"), m_logind, QDBusConnection::ExportAllSlots);
    serve(kPm, QStringLiteral("/org/freedesktop/PowerManagement/Inhibit"), m_pm, QDBusConnection::ExportAllSlots);
    DBusSleepInhibitor inhibitor(bus(), bus());
    QSignalSpy changed(&inhibitor, &DBusSleepInhibitor::inhibitedChanged);
    inhibitor.setInhibited(true, QStringLiteral("Downloading 2 torrents"));
    QVERIFY(inhibitor.isPending());
    QTRY_VERIFY(inhibitor.isInhibited());
    QCOMPARE(inhibitor.backend(), Backend::Login1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_logind->calls.size(), 1);
    const FakeLogind::Call call = m_logind->calls.first();
    QCOMPARE(call.what, QStringLiteral("sleep:idle"));
    QCOMPARE(call.who, QStringLiteral("Swarmscope"));
    QCOMPARE(call.why, QStringLiteral("Downloading 2 torrents"));
    QCOMPARE(call.mode, QStringLiteral("block"));
    QVERIFY(m_pm->reasons.isEmpty()); // logind first

    // Held by the inhibitor, not by a reply still lying around: still open a while later.
    QTest::qWait(100);
    QVERIFY(!writersClosed(call.readEnd));
    inhibitor.setInhibited(true, QStringLiteral("Downloading 2 torrents")); // the same: nothing new
    QTest::qWait(50);
    QCOMPARE(m_logind->calls.size(), 1);

    inhibitor.setInhibited(false, QString());
    QVERIFY(!inhibitor.isInhibited());
    QCOMPARE(changed.size(), 2);
    QTRY_VERIFY(writersClosed(call.readEnd)); // logind sees the descriptor closed: released
}

// The count in the reason changes: a second inhibition is taken, then the first released.
void tst_PowerDBus::newReasonReplacesTheInhibition()
{
    serve(kLogind, QStringLiteral("/org/freedesktop/login1"), m_logind, QDBusConnection::ExportAllSlots);
    DBusSleepInhibitor inhibitor(bus(), bus());
    QSignalSpy changed(&inhibitor, &DBusSleepInhibitor::inhibitedChanged);
    inhibitor.setInhibited(true, QStringLiteral("one"));
    QTRY_VERIFY(inhibitor.isInhibited());
    inhibitor.setInhibited(true, QStringLiteral("two"));
    QTRY_COMPARE(inhibitor.heldReason(), QStringLiteral("two"));
    QVERIFY(inhibitor.isInhibited());
    QCOMPARE(changed.size(), 1); // never off in between
    QCOMPARE(m_logind->calls.size(), 2);
    QTRY_VERIFY(writersClosed(m_logind->calls.at(0).readEnd));
    QTest::qWait(50);
    QVERIFY(!writersClosed(m_logind->calls.at(1).readEnd));
    inhibitor.setInhibited(false, QString());
    QTRY_VERIFY(writersClosed(m_logind->calls.at(1).readEnd));
}

// Released while the request is on its way: the answer's descriptor is closed, not kept.
void tst_PowerDBus::releasedBeforeTheAnswer()
{
    serve(kLogind, QStringLiteral("/org/freedesktop/login1"), m_logind, QDBusConnection::ExportAllSlots);
    DBusSleepInhibitor inhibitor(bus(), bus());
    inhibitor.setInhibited(true, QStringLiteral("brief"));
    inhibitor.setInhibited(false, QString());
    QTRY_VERIFY(!inhibitor.isPending());
    QVERIFY(!inhibitor.isInhibited());
    QCOMPARE(m_logind->calls.size(), 1);
    QTRY_VERIFY(writersClosed(m_logind->calls.at(0).readEnd));
}

void tst_PowerDBus::fallsBackToPowerManagement()
{
    serve(kPm, QStringLiteral("/org/freedesktop/PowerManagement/Inhibit"), m_pm, QDBusConnection::ExportAllSlots);
    DBusSleepInhibitor inhibitor(bus(), bus()); // no logind on this bus
    inhibitor.setInhibited(true, QStringLiteral("Downloading 1 torrent"));
    QTRY_VERIFY(inhibitor.isInhibited());
    QCOMPARE(inhibitor.backend(), Backend::PowerManagement);
    QCOMPARE(m_pm->reasons, QStringList{QStringLiteral("Swarmscope: Downloading 1 torrent")});
    QCOMPARE(m_pm->active.size(), 1);
    const uint cookie = *m_pm->active.cbegin();
    inhibitor.setInhibited(false, QString());
    QVERIFY(!inhibitor.isInhibited());
    QTRY_COMPARE(m_pm->released, QList<uint>{cookie});
    QVERIFY(m_pm->active.isEmpty());
}

void tst_PowerDBus::logindRefusesPowerManagementServes()
{
    m_logind->refuse = true;
    serve(kLogind, QStringLiteral("/org/freedesktop/login1"), m_logind, QDBusConnection::ExportAllSlots);
    serve(kPm, QStringLiteral("/org/freedesktop/PowerManagement/Inhibit"), m_pm, QDBusConnection::ExportAllSlots);
    {
        DBusSleepInhibitor inhibitor(bus(), bus());
        inhibitor.setInhibited(true, QStringLiteral("x"));
        QTRY_VERIFY(inhibitor.isInhibited());
        QCOMPARE(m_logind->calls.size(), 1);
        QCOMPARE(inhibitor.backend(), Backend::PowerManagement);
        QCOMPARE(m_pm->active.size(), 1);
    } // destroyed while holding: released
    QTRY_VERIFY(m_pm->active.isEmpty());
}

// Neither service: not inhibited, and not asked again and again for the same downloads; asked
// anew for the next ones (a service may have started since).
void tst_PowerDBus::noServiceQuietlyNotInhibited()
{
    DBusSleepInhibitor inhibitor(bus(), bus());
    QSignalSpy changed(&inhibitor, &DBusSleepInhibitor::inhibitedChanged);
    inhibitor.setInhibited(true, QStringLiteral("x"));
    QTRY_VERIFY(!inhibitor.isPending());
    QVERIFY(!inhibitor.isInhibited());
    QVERIFY(changed.isEmpty());
    serve(kPm, QStringLiteral("/org/freedesktop/PowerManagement/Inhibit"), m_pm, QDBusConnection::ExportAllSlots);
    inhibitor.setInhibited(true, QStringLiteral("x"));
    QTest::qWait(100);
    QVERIFY(m_pm->reasons.isEmpty());
    inhibitor.setInhibited(false, QString());
    inhibitor.setInhibited(true, QStringLiteral("x"));
    QTRY_VERIFY(inhibitor.isInhibited());
    QCOMPARE(m_pm->reasons.size(), 1);
}

void tst_PowerDBus::upowerFollowsOnBattery()
{
    FakeUPower upower(m_fakes);
    serve(kUPower, QStringLiteral("/org/freedesktop/UPower"), &upower, QDBusConnection::ExportAllProperties);
    UPowerBatteryMonitor monitor(bus());
    QSignalSpy changed(&monitor, &UPowerBatteryMonitor::onBatteryChanged);
    QVERIFY(!monitor.isKnown()); // asynchronous: not read yet
    QTRY_VERIFY(monitor.isKnown());
    QVERIFY(!monitor.onBattery());
    QVERIFY(changed.isEmpty());

    upower.setOnBattery(true);
    QTRY_VERIFY(monitor.onBattery());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), true);
    upower.setOnBattery(false);
    QTRY_VERIFY(!monitor.onBattery());
    QCOMPARE(changed.size(), 2);

    // UPower stops: unknown (never on battery); comes back on battery: read again.
    upower.setOnBattery(true);
    QTRY_VERIFY(monitor.onBattery());
    unserve(kUPower, QStringLiteral("/org/freedesktop/UPower"));
    QTRY_VERIFY(!monitor.isKnown());
    QVERIFY(!monitor.onBattery());
    upower.setOnBattery(true, false);
    serve(kUPower, QStringLiteral("/org/freedesktop/UPower"), &upower, QDBusConnection::ExportAllProperties);
    QTRY_VERIFY(monitor.isKnown());
    QVERIFY(monitor.onBattery());
}

void tst_PowerDBus::upowerMissingIsUnknown()
{
    UPowerBatteryMonitor monitor(bus());
    QTRY_VERIFY(!monitor.isPending());
    QVERIFY(!monitor.isKnown());
    QVERIFY(!monitor.onBattery());
}

// DBUS_SESSION_BUS_ADDRESS and DBUS_SYSTEM_BUS_ADDRESS pointing nowhere (the ctest case
// tst_powerdbus_nobus); in the private-bus run, a connection to an address nobody serves.
void tst_PowerDBus::noBusAtAll()
{
    QDBusConnection session = QDBusConnection::sessionBus();
    QDBusConnection system = QDBusConnection::systemBus();
    if (session.isConnected() || system.isConnected()) {
        session = QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/swarmscope-bus"),
                                                QStringLiteral("nowhere"));
        system = session;
    }
    QVERIFY(!session.isConnected());
    DBusSleepInhibitor inhibitor(system, session);
    inhibitor.setInhibited(true, QStringLiteral("x"));
    QTRY_VERIFY(!inhibitor.isPending());
    QVERIFY(!inhibitor.isInhibited());
    inhibitor.setInhibited(false, QString());
    UPowerBatteryMonitor monitor(system);
    QTest::qWait(50);
    QVERIFY(!monitor.isPending());
    QVERIFY(!monitor.isKnown());
    QVERIFY(!monitor.onBattery());
    const auto made = ui::createBatteryMonitor();
    QVERIFY(made);
    if (!QDBusConnection::systemBus().isConnected()) {
        if (auto *upower = qobject_cast<UPowerBatteryMonitor *>(made.get()))
            QTRY_VERIFY(!upower->isPending());
        QVERIFY(!made->isKnown());
    }
}

// The fake services must never meet the user's own session bus: the test starts a bus of its
// own with dbus-run-session and runs itself again inside it.
int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet(kPrivateBusVariable)) {
        qputenv(kPrivateBusVariable, "1");
        char runner[] = "dbus-run-session";
        char separator[] = "--";
        std::vector<char *> args{runner, separator};
        for (int i = 0; i < argc; ++i)
            args.push_back(argv[i]);
        args.push_back(nullptr);
        ::execvp(runner, args.data());
        qputenv(kPrivateBusVariable, "0"); // not installed: the bus cases skip
    }
    QCoreApplication app(argc, argv);
    tst_PowerDBus test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_powerdbus.moc"
