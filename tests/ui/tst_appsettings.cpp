#include "settings/appsettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::ui;
using namespace std::chrono_literals;

class tst_AppSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaults();
    void roundTrip();
    void onlyUserFieldsAreStored();
    void listenAddressRoundTrip_data();
    void listenAddressRoundTrip();
    void badStoredValuesReadAsDefaults_data();
    void badStoredValuesReadAsDefaults();
    void badBootstrapNodesAreDropped();
    void embeddedTracker();
    void uiValues();
    void powerOptions();
    void badPowerValuesReadAsDefaults();
    void userSettingsUseTheAppsName();

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QTemporaryDir m_dir;
};

namespace {

// The fields AppSettings stores, compared one by one so a failure names the field.
void compareUserFields(const session::SessionSettings &a, const session::SessionSettings &b)
{
    QCOMPARE(a.listenPort, b.listenPort);
    QCOMPARE(a.listenAddress, b.listenAddress);
    QCOMPARE(a.maxDownloadRate, b.maxDownloadRate);
    QCOMPARE(a.maxUploadRate, b.maxUploadRate);
    QCOMPARE(a.maxConnections, b.maxConnections);
    QCOMPARE(a.maxConnectionsPerTorrent, b.maxConnectionsPerTorrent);
    QCOMPARE(a.dhtEnabled, b.dhtEnabled);
    QCOMPARE(a.dhtPort, b.dhtPort);
    QCOMPARE(a.dhtBootstrap, b.dhtBootstrap);
    QCOMPARE(a.defaultSavePath, b.defaultSavePath);
    QCOMPARE(a.choker.regularSlots, b.choker.regularSlots);
    QVERIFY(a.choker.rechokeInterval == b.choker.rechokeInterval);
    QVERIFY(a.choker.optimisticInterval == b.choker.optimisticInterval);
    QCOMPARE(a.announceToTrackers, b.announceToTrackers);
    QCOMPARE(a.embeddedTracker, b.embeddedTracker);
    QCOMPARE(a.embeddedTrackerPort, b.embeddedTrackerPort);
    QCOMPARE(a.queueingEnabled, b.queueingEnabled);
    QCOMPARE(a.maxActiveDownloads, b.maxActiveDownloads);
    QCOMPARE(a.maxActiveSeeds, b.maxActiveSeeds);
    QCOMPARE(a.maxActiveTorrents, b.maxActiveTorrents);
    QCOMPARE(a.ignoreSlowTorrents, b.ignoreSlowTorrents);
    QCOMPARE(a.slowDownloadRate, b.slowDownloadRate);
    QCOMPARE(a.slowUploadRate, b.slowUploadRate);
    QVERIFY(a.slowTorrentTime == b.slowTorrentTime);
}

session::SessionSettings custom()
{
    session::SessionSettings s;
    s.listenPort = 51413;
    s.listenAddress = QHostAddress(QStringLiteral("192.168.1.20"));
    s.maxDownloadRate = 5 * 1024 * 1024 + 7; // not a whole KiB: stored exactly
    s.maxUploadRate = 300 * 1024;
    s.maxConnections = 500;
    s.maxConnectionsPerTorrent = 120;
    s.dhtEnabled = false;
    s.dhtPort = 7000;
    s.dhtBootstrap = {QStringLiteral("127.0.0.1:6881"), QStringLiteral("[::1]:6882"),
                      QStringLiteral("router.example.org:6881")};
    s.defaultSavePath = QStringLiteral("/data/torrents");
    s.choker.regularSlots = 7;
    s.choker.rechokeInterval = 15s;
    s.choker.optimisticInterval = 45s;
    s.announceToTrackers = false;
    s.embeddedTracker = true;
    s.embeddedTrackerPort = 7070;
    s.queueingEnabled = true;
    s.maxActiveDownloads = 2;
    s.maxActiveSeeds = -1; // unlimited
    s.maxActiveTorrents = 8;
    s.ignoreSlowTorrents = true;
    s.slowDownloadRate = 5000;
    s.slowUploadRate = 1000;
    s.slowTorrentTime = 90s;
    return s;
}

} // namespace

void tst_AppSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never the user's real settings
    QVERIFY(m_dir.isValid());
}

void tst_AppSettings::init()
{
    QFile::remove(iniPath());
}

void tst_AppSettings::defaults()
{
    AppSettings settings(iniPath());
    session::SessionSettings expected;
    expected.defaultSavePath = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const session::SessionSettings got = settings.sessionSettings();
    compareUserFields(got, expected);
    QVERIFY(!got.defaultSavePath.isEmpty());
    QCOMPARE(settings.embeddedTracker(), expected.embeddedTracker);
    QCOMPARE(settings.embeddedTrackerPort(), expected.embeddedTrackerPort);
    QCOMPARE(settings.lastSaveFolder(), got.defaultSavePath);
    QVERIFY(settings.language().isEmpty());
}

void tst_AppSettings::roundTrip()
{
    const session::SessionSettings in = custom();
    {
        AppSettings settings(iniPath());
        settings.setSessionSettings(in);
        settings.setEmbeddedTracker(true, 7070); // for engines without the fields
    }
    AppSettings reread(iniPath());
    compareUserFields(reread.sessionSettings(), in);
    QCOMPARE(reread.embeddedTracker(), true);
    QCOMPARE(reread.embeddedTrackerPort(), quint16(7070));

    // Writing back what was read changes nothing.
    reread.setSessionSettings(reread.sessionSettings());
    compareUserFields(AppSettings(iniPath()).sessionSettings(), in);
}

void tst_AppSettings::onlyUserFieldsAreStored()
{
    session::SessionSettings in = custom();
    in.stateDir = QStringLiteral("/somewhere/else");
    in.persistState = false;
    in.maxHalfOpen = 3;
    in.snapshotIntervalMs = 5;
    in.choker.newPeerWeight = 9;
    {
        AppSettings settings(iniPath());
        settings.setSessionSettings(in);
    }
    const session::SessionSettings out = AppSettings(iniPath()).sessionSettings();
    const session::SessionSettings defaults;
    QCOMPARE(out.stateDir, defaults.stateDir);
    QCOMPARE(out.persistState, defaults.persistState);
    QCOMPARE(out.maxHalfOpen, defaults.maxHalfOpen);
    QCOMPARE(out.snapshotIntervalMs, defaults.snapshotIntervalMs);
    QCOMPARE(out.choker.newPeerWeight, defaults.choker.newPeerWeight);
    QCOMPARE(out.choker.regularSlots, 7);
}

void tst_AppSettings::listenAddressRoundTrip_data()
{
    QTest::addColumn<QHostAddress>("address");
    QTest::newRow("any (IPv4 and IPv6)") << QHostAddress(QHostAddress::Any);
    QTest::newRow("any IPv4") << QHostAddress(QHostAddress::AnyIPv4);
    QTest::newRow("any IPv6") << QHostAddress(QHostAddress::AnyIPv6);
    QTest::newRow("loopback") << QHostAddress(QHostAddress::LocalHost);
    QTest::newRow("IPv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6);
    QTest::newRow("LAN") << QHostAddress(QStringLiteral("10.1.2.3"));
}

void tst_AppSettings::listenAddressRoundTrip()
{
    QFETCH(QHostAddress, address);
    session::SessionSettings in;
    in.listenAddress = address;
    AppSettings(iniPath()).setSessionSettings(in);
    const QHostAddress out = AppSettings(iniPath()).sessionSettings().listenAddress;
    QCOMPARE(out, address);
    QCOMPARE(out.protocol(), address.protocol()); // "any" must not come back as IPv6 only
}

void tst_AppSettings::badStoredValuesReadAsDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("port too large") << QStringLiteral("Connection/listenPort") << QVariant(70000);
    QTest::newRow("port not a number") << QStringLiteral("Connection/listenPort") << QVariant(QStringLiteral("http"));
    QTest::newRow("address not an address") << QStringLiteral("Connection/listenAddress")
                                            << QVariant(QStringLiteral("my.host.name"));
    QTest::newRow("no connections") << QStringLiteral("Connection/maxConnections") << QVariant(0);
    QTest::newRow("negative rate") << QStringLiteral("Speed/maxDownloadRate") << QVariant(-5);
    QTest::newRow("zero slots") << QStringLiteral("Choker/regularSlots") << QVariant(0);
    QTest::newRow("too many slots") << QStringLiteral("Choker/regularSlots") << QVariant(21);
    QTest::newRow("zero rechoke interval") << QStringLiteral("Choker/rechokeIntervalSeconds") << QVariant(0);
    // QVariant would call any text true; the default here is false.
    QTest::newRow("unreadable switch") << QStringLiteral("Trackers/embeddedTracker")
                                       << QVariant(QStringLiteral("sometimes"));
    QTest::newRow("tracker port too large") << QStringLiteral("Trackers/embeddedTrackerPort") << QVariant(65536);
}

void tst_AppSettings::badStoredValuesReadAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    const AppSettings clean(iniPath());
    const session::SessionSettings expected = clean.sessionSettings();
    const quint16 expectedTrackerPort = clean.embeddedTrackerPort();
    const bool expectedTracker = clean.embeddedTracker();
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(key, value);
    }
    AppSettings settings(iniPath());
    compareUserFields(settings.sessionSettings(), expected);
    QCOMPARE(settings.embeddedTrackerPort(), expectedTrackerPort);
    QCOMPARE(settings.embeddedTracker(), expectedTracker);
}

void tst_AppSettings::badBootstrapNodesAreDropped()
{
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("Dht/bootstrap"),
                     QStringList{QStringLiteral("good.example:6881"), QStringLiteral("no port"),
                                 QStringLiteral(" 127.0.0.1:1 "), QStringLiteral("host:99999")});
    }
    QCOMPARE(AppSettings(iniPath()).sessionSettings().dhtBootstrap,
             (QStringList{QStringLiteral("good.example:6881"), QStringLiteral("127.0.0.1:1")}));
}

void tst_AppSettings::embeddedTracker()
{
    {
        AppSettings settings(iniPath());
        settings.setEmbeddedTracker(true, 8000);
    }
    AppSettings settings(iniPath());
    QCOMPARE(settings.embeddedTracker(), true);
    QCOMPARE(settings.embeddedTrackerPort(), quint16(8000));
    const session::SessionSettings s = settings.sessionSettings();
    QCOMPARE(s.embeddedTracker, true);
    QCOMPARE(s.embeddedTrackerPort, quint16(8000));
}

void tst_AppSettings::uiValues()
{
    {
        AppSettings settings(iniPath());
        session::SessionSettings s;
        s.defaultSavePath = QStringLiteral("/downloads/default");
        settings.setSessionSettings(s);
        QCOMPARE(settings.lastSaveFolder(), QStringLiteral("/downloads/default")); // until one is chosen
        settings.setLastSaveFolder(QStringLiteral("/media/films"));
        settings.setLanguage(QStringLiteral("de_DE"));
    }
    AppSettings settings(iniPath());
    QCOMPARE(settings.lastSaveFolder(), QStringLiteral("/media/films"));
    QCOMPARE(settings.language(), QStringLiteral("de_DE"));
    settings.setLanguage({});
    QVERIFY(settings.language().isEmpty()); // the system's language again
}

// Keep awake defaults on, pause on battery off; each change is announced once, so the app's
// power management applies it at once; and both are saved.
void tst_AppSettings::powerOptions()
{
    {
        AppSettings settings(iniPath());
        QVERIFY(settings.inhibitSleep());
        QVERIFY(!settings.pauseOnBattery());
        QSignalSpy changed(&settings, &AppSettings::powerSettingsChanged);
        settings.setInhibitSleep(true); // already so: no news
        settings.setPauseOnBattery(false);
        QCOMPARE(changed.size(), 0);
        settings.setInhibitSleep(false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!settings.inhibitSleep());
        settings.setPauseOnBattery(true);
        QCOMPARE(changed.size(), 2);
        QVERIFY(settings.pauseOnBattery());
    }
    QSettings direct(iniPath(), QSettings::IniFormat);
    QCOMPARE(direct.value(QStringLiteral("Power/inhibitSleep")).toString(), QStringLiteral("false"));
    QCOMPARE(direct.value(QStringLiteral("Power/pauseOnBattery")).toString(), QStringLiteral("true"));
    AppSettings settings(iniPath());
    QVERIFY(!settings.inhibitSleep());
    QVERIFY(settings.pauseOnBattery());
}

void tst_AppSettings::badPowerValuesReadAsDefaults()
{
    {
        QSettings direct(iniPath(), QSettings::IniFormat);
        direct.setValue(QStringLiteral("Power/inhibitSleep"), QStringLiteral("sometimes"));
        direct.setValue(QStringLiteral("Power/pauseOnBattery"), QStringLiteral("yes please"));
    }
    AppSettings settings(iniPath());
    QVERIFY(settings.inhibitSleep());
    QVERIFY(!settings.pauseOnBattery());
}

void tst_AppSettings::userSettingsUseTheAppsName()
{
    QSettings direct(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope"));
    const QString key = QStringLiteral("Choker/regularSlots");
    direct.remove(key);
    {
        AppSettings settings;
        session::SessionSettings s;
        s.choker.regularSlots = 11;
        settings.setSessionSettings(s);
        settings.sync();
    }
    direct.sync();
    QCOMPARE(direct.value(key).toInt(), 11);
    direct.clear();
}

QTEST_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"
