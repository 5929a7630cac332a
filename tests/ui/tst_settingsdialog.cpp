#include "settings/settingsdialog.h"
#include "settings/settingsvalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include <functional>

using namespace swarmscope;
using namespace swarmscope::ui;
using namespace std::chrono_literals;

using Edit = std::function<void(SettingsDialog &)>;
Q_DECLARE_METATYPE(Edit)

class tst_SettingsDialog : public QObject {
    Q_OBJECT

private slots:
    void interfaceChoices();
    void powerChoices();
    void queueChoices();
    void showsTheCurrentSettings();
    void unchangedDialogKeepsEverything();
    void editsComeBack();
    void validation_data();
    void validation();
    void problemIsVisibleAndMarksItsPage();
    void dhtFieldsFollowTheSwitch();
    void embeddedTracker();
    void nodeSyntax_data();
    void nodeSyntax();
};

namespace {

template <typename W> W *field(const SettingsDialog &dialog, const char *name)
{
    W *widget = dialog.findChild<W *>(QString::fromUtf8(name));
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

QSpinBox *spin(const SettingsDialog &dialog, const char *name)
{
    return field<QSpinBox>(dialog, name);
}

bool okEnabled(const SettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

session::SessionSettings sample()
{
    session::SessionSettings s;
    s.stateDir = QStringLiteral("/state"); // not edited here: must survive
    s.maxHalfOpen = 5;
    s.listenPort = 40000;
    s.listenAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    s.maxDownloadRate = 1000; // under one KiB: shows as 1 KiB/s, never as "unlimited"
    s.maxUploadRate = 64 * 1024;
    s.maxConnections = 300;
    s.maxConnectionsPerTorrent = 50;
    s.dhtEnabled = true;
    s.dhtPort = 40001;
    s.dhtBootstrap = {QStringLiteral("127.0.0.1:6881"), QStringLiteral("[::1]:6881")};
    s.choker.regularSlots = 6;
    s.choker.rechokeInterval = 12s;
    s.choker.optimisticInterval = 36s;
    s.announceToTrackers = false;
    s.defaultSavePath = QStringLiteral("/srv/torrents");
    return s;
}

} // namespace

void tst_SettingsDialog::showsTheCurrentSettings()
{
    SettingsDialog dialog(sample());
    QCOMPARE(spin(dialog, "listenPort")->value(), 40000);
    QCOMPARE(field<QLineEdit>(dialog, "listenAddress")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(spin(dialog, "maxConnections")->value(), 300);
    QCOMPARE(spin(dialog, "maxConnectionsPerTorrent")->value(), 50);
    QCOMPARE(spin(dialog, "downloadLimit")->value(), 1);
    QCOMPARE(spin(dialog, "uploadLimit")->value(), 64);
    QVERIFY(field<QCheckBox>(dialog, "dhtEnabled")->isChecked());
    QCOMPARE(spin(dialog, "dhtPort")->value(), 40001);
    QCOMPARE(field<QPlainTextEdit>(dialog, "dhtBootstrap")->toPlainText(),
             QStringLiteral("127.0.0.1:6881\n[::1]:6881"));
    QCOMPARE(spin(dialog, "regularSlots")->value(), 6);
    QCOMPARE(spin(dialog, "rechokeInterval")->value(), 12);
    QCOMPARE(spin(dialog, "optimisticInterval")->value(), 36);
    QVERIFY(!field<QCheckBox>(dialog, "announce")->isChecked());
    QCOMPARE(field<QLineEdit>(dialog, "defaultSavePath")->text(), QStringLiteral("/srv/torrents"));
    QVERIFY(okEnabled(dialog));
    QVERIFY(dialog.problems().isEmpty());
    // 0 reads as "unlimited", not as a limit of nothing.
    session::SessionSettings unlimited = sample();
    unlimited.maxUploadRate = 0;
    SettingsDialog other(unlimited);
    QCOMPARE(spin(other, "uploadLimit")->text(), spin(other, "uploadLimit")->specialValueText());
}

void tst_SettingsDialog::unchangedDialogKeepsEverything()
{
    const session::SessionSettings in = sample();
    SettingsDialog dialog(in);
    const session::SessionSettings out = dialog.settings();
    QCOMPARE(out.stateDir, in.stateDir);
    QCOMPARE(out.maxHalfOpen, in.maxHalfOpen);
    QCOMPARE(out.listenPort, in.listenPort);
    QCOMPARE(out.listenAddress, in.listenAddress);
    QCOMPARE(out.maxDownloadRate, qint64(1000)); // exact, though the box shows 1 KiB/s
    QCOMPARE(out.maxUploadRate, in.maxUploadRate);
    QCOMPARE(out.maxConnections, in.maxConnections);
    QCOMPARE(out.maxConnectionsPerTorrent, in.maxConnectionsPerTorrent);
    QCOMPARE(out.dhtEnabled, in.dhtEnabled);
    QCOMPARE(out.dhtPort, in.dhtPort);
    QCOMPARE(out.dhtBootstrap, in.dhtBootstrap);
    QVERIFY(out.choker == in.choker);
    QCOMPARE(out.announceToTrackers, in.announceToTrackers);
    QCOMPARE(out.defaultSavePath, in.defaultSavePath);
}

void tst_SettingsDialog::editsComeBack()
{
    SettingsDialog dialog(sample());
    spin(dialog, "listenPort")->setValue(0);
    field<QLineEdit>(dialog, "listenAddress")->setText(QStringLiteral("any"));
    spin(dialog, "maxConnections")->setValue(1000);
    spin(dialog, "maxConnectionsPerTorrent")->setValue(100);
    spin(dialog, "downloadLimit")->setValue(2048);
    spin(dialog, "uploadLimit")->setValue(0);
    field<QCheckBox>(dialog, "dhtEnabled")->setChecked(false);
    field<QPlainTextEdit>(dialog, "dhtBootstrap")->setPlainText(QStringLiteral("\n  a.example:1 \n\nb.example:2\n"));
    spin(dialog, "regularSlots")->setValue(20);
    spin(dialog, "rechokeInterval")->setValue(5);
    spin(dialog, "optimisticInterval")->setValue(5);
    field<QCheckBox>(dialog, "announce")->setChecked(true);
    field<QLineEdit>(dialog, "defaultSavePath")->setText(QStringLiteral("/home/me//Downloads/"));
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.problems().join(QLatin1Char('\n'))));

    const session::SessionSettings out = dialog.settings();
    QCOMPARE(out.listenPort, quint16(0));
    QCOMPARE(out.listenAddress, QHostAddress(QHostAddress::Any));
    QCOMPARE(out.maxConnections, 1000);
    QCOMPARE(out.maxConnectionsPerTorrent, 100);
    QCOMPARE(out.maxDownloadRate, qint64(2048) * 1024);
    QCOMPARE(out.maxUploadRate, qint64(0));
    QVERIFY(!out.dhtEnabled);
    QCOMPARE(out.dhtBootstrap, (QStringList{QStringLiteral("a.example:1"), QStringLiteral("b.example:2")}));
    QCOMPARE(out.choker.regularSlots, 20);
    QVERIFY(out.choker.rechokeInterval == 5s);
    QVERIFY(out.choker.optimisticInterval == 5s);
    QCOMPARE(out.choker.newPeerWeight, session::SessionSettings{}.choker.newPeerWeight);
    QVERIFY(out.announceToTrackers);
    QCOMPARE(out.defaultSavePath, QStringLiteral("/home/me/Downloads"));
    // The choker's slots stop at 20.
    spin(dialog, "regularSlots")->setValue(50);
    QCOMPARE(dialog.settings().choker.regularSlots, 20);
}

void tst_SettingsDialog::validation_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<int>("page");      // where the problem is, -1: none
    QTest::addColumn<QString>("quoted"); // a word the reason must contain

    const auto text = [](const char *name, const char *value) {
        return Edit([=](SettingsDialog &d) { field<QLineEdit>(d, name)->setText(QString::fromUtf8(value)); });
    };
    const auto nodes = [](const char *value) {
        return Edit([=](SettingsDialog &d) {
            field<QPlainTextEdit>(d, "dhtBootstrap")->setPlainText(QString::fromUtf8(value));
        });
    };
    const auto spins = [](std::initializer_list<std::pair<const char *, int>> values) {
        const QList<std::pair<const char *, int>> list(values);
        return Edit([=](SettingsDialog &d) {
            for (const auto &[name, value] : list)
                spin(d, name)->setValue(value);
        });
    };
    const int connection = SettingsDialog::ConnectionPage;
    const int dht = SettingsDialog::DhtPage;

    QTest::newRow("as loaded") << Edit([](SettingsDialog &) {}) << -1 << QString();
    QTest::newRow("address: IPv6") << text("listenAddress", "::1") << -1 << QString();
    QTest::newRow("address: empty means any") << text("listenAddress", "") << -1 << QString();
    QTest::newRow("address: bad octet") << text("listenAddress", "300.1.1.1") << connection
                                        << QStringLiteral("300.1.1.1");
    QTest::newRow("address: host name") << text("listenAddress", "localhost") << connection
                                        << QStringLiteral("localhost");
    QTest::newRow("per torrent above total")
        << spins({{"maxConnections", 40}, {"maxConnectionsPerTorrent", 41}}) << connection << QStringLiteral("41");
    QTest::newRow("per torrent equal to total")
        << spins({{"maxConnections", 40}, {"maxConnectionsPerTorrent", 40}}) << -1 << QString();
    QTest::newRow("nodes: valid mix") << nodes("router.example.org:6881\n[2001:db8::1]:1\n10.0.0.1:65535\n") << -1
                                      << QString();
    QTest::newRow("nodes: no port") << nodes("ok.example:1\nrouter.example.org") << dht << QStringLiteral("2");
    QTest::newRow("nodes: port zero") << nodes("router.example.org:0") << dht << QStringLiteral("router.example.org:0");
    QTest::newRow("nodes: port too big") << nodes("a.example:65536") << dht << QStringLiteral("a.example:65536");
    QTest::newRow("nodes: bare IPv6") << nodes("::1:6881") << dht << QStringLiteral("::1:6881");
    QTest::newRow("nodes: unclosed bracket") << nodes("[::1:6881") << dht << QStringLiteral("[::1:6881");
    QTest::newRow("nodes: bad host") << nodes("bad_host!:6881") << dht << QStringLiteral("bad_host!");
    QTest::newRow("nodes: bad but DHT off") << Edit([](SettingsDialog &d) {
        field<QPlainTextEdit>(d, "dhtBootstrap")->setPlainText(QStringLiteral("nonsense"));
        field<QCheckBox>(d, "dhtEnabled")->setChecked(false);
    }) << -1 << QString();
    QTest::newRow("optimistic faster than rechoke")
        << spins({{"rechokeInterval", 20}, {"optimisticInterval", 10}}) << int(SettingsDialog::ChokerPage)
        << QStringLiteral("20");
    QTest::newRow("tracker on the listen port") << Edit([](SettingsDialog &d) {
        field<QCheckBox>(d, "embeddedTracker")->setChecked(true);
        spin(d, "embeddedTrackerPort")->setValue(40000);
    }) << int(SettingsDialog::TrackersPage) << QStringLiteral("40000");
    QTest::newRow("tracker off on the listen port") << Edit([](SettingsDialog &d) {
        field<QCheckBox>(d, "embeddedTracker")->setChecked(false);
        spin(d, "embeddedTrackerPort")->setValue(40000);
    }) << -1 << QString();
    QTest::newRow("tracker port while listening on any port") << Edit([](SettingsDialog &d) {
        field<QCheckBox>(d, "embeddedTracker")->setChecked(true);
        spin(d, "embeddedTrackerPort")->setValue(7000);
        spin(d, "listenPort")->setValue(0);
    }) << -1 << QString();
    QTest::newRow("folder: empty") << text("defaultSavePath", "  ") << int(SettingsDialog::DownloadsPage)
                                   << QString();
    QTest::newRow("folder: relative") << text("defaultSavePath", "Downloads/bt") << int(SettingsDialog::DownloadsPage)
                                      << QStringLiteral("Downloads/bt");
}

void tst_SettingsDialog::validation()
{
    QFETCH(Edit, edit);
    QFETCH(int, page);
    QFETCH(QString, quoted);
    SettingsDialog dialog(sample());
    edit(dialog);
    const QStringList problems = dialog.problems();
    if (page < 0) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(okEnabled(dialog));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(problems.first().contains(quoted), qPrintable(problems.first()));
    // The page with the problem carries the warning icon; the others a blank one.
    auto *pages = field<QListWidget>(dialog, "pageList");
    const qint64 warningKey = pages->item(page)->icon().cacheKey();
    for (int i = 0; i < pages->count(); ++i) {
        QVERIFY(!pages->item(i)->icon().isNull());
        QCOMPARE(pages->item(i)->icon().cacheKey() == warningKey, i == page);
    }
}

void tst_SettingsDialog::problemIsVisibleAndMarksItsPage()
{
    SettingsDialog dialog(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *label = field<QLabel>(dialog, "problems");
    QVERIFY(!label->isVisible());

    // The problem is on a page that is not shown: the reason is still in view.
    dialog.showPage(SettingsDialog::ConnectionPage);
    spin(dialog, "optimisticInterval")->setValue(3);
    QVERIFY(label->isVisible());
    QVERIFY(!label->text().isEmpty());
    QCOMPARE(label->text(), dialog.problems().join(QLatin1Char('\n')));
    QVERIFY(!okEnabled(dialog));

    // Two problems at once, both listed.
    field<QLineEdit>(dialog, "defaultSavePath")->clear();
    QCOMPARE(dialog.problems().size(), 2);
    QCOMPARE(label->text().count(QLatin1Char('\n')), 1);

    spin(dialog, "optimisticInterval")->setValue(30);
    field<QLineEdit>(dialog, "defaultSavePath")->setText(QStringLiteral("/tmp"));
    QVERIFY(!label->isVisible());
    QVERIFY(okEnabled(dialog));
}

void tst_SettingsDialog::dhtFieldsFollowTheSwitch()
{
    SettingsDialog dialog(sample());
    auto *enabled = field<QCheckBox>(dialog, "dhtEnabled");
    QVERIFY(spin(dialog, "dhtPort")->isEnabled());
    enabled->setChecked(false);
    QVERIFY(!spin(dialog, "dhtPort")->isEnabled());
    QVERIFY(!field<QPlainTextEdit>(dialog, "dhtBootstrap")->isEnabled());
    // An invalid list hidden behind the switch keeps what was there before.
    field<QPlainTextEdit>(dialog, "dhtBootstrap")->setPlainText(QStringLiteral("garbage"));
    QVERIFY(okEnabled(dialog));
    QCOMPARE(dialog.settings().dhtBootstrap, sample().dhtBootstrap);
    enabled->setChecked(true);
    QVERIFY(!okEnabled(dialog));
}

void tst_SettingsDialog::embeddedTracker()
{
    session::SessionSettings in = sample();
    in.embeddedTracker = true;
    in.embeddedTrackerPort = 9000;
    SettingsDialog dialog(in);
    QVERIFY(dialog.embeddedTrackerEnabled());
    QCOMPARE(dialog.embeddedTrackerPort(), quint16(9000));
    dialog.setEmbeddedTracker(true, 8123);
    QVERIFY(field<QCheckBox>(dialog, "embeddedTracker")->isChecked());
    QCOMPARE(spin(dialog, "embeddedTrackerPort")->value(), 8123);
    QVERIFY(spin(dialog, "embeddedTrackerPort")->isEnabled());
    dialog.setEmbeddedTracker(false, 8123);
    QVERIFY(!spin(dialog, "embeddedTrackerPort")->isEnabled());
    QVERIFY(!dialog.embeddedTrackerEnabled());
    field<QCheckBox>(dialog, "embeddedTracker")->setChecked(true);
    spin(dialog, "embeddedTrackerPort")->setValue(8200);
    QVERIFY(dialog.embeddedTrackerEnabled());
    QCOMPARE(dialog.embeddedTrackerPort(), quint16(8200));
    const session::SessionSettings out = dialog.settings();
    QVERIFY(out.embeddedTracker);
    QCOMPARE(out.embeddedTrackerPort, quint16(8200));
    // Any free port: never in conflict with the listen port.
    spin(dialog, "embeddedTrackerPort")->setValue(0);
    QCOMPARE(spin(dialog, "embeddedTrackerPort")->text(), spin(dialog, "embeddedTrackerPort")->specialValueText());
    QCOMPARE(dialog.settings().embeddedTrackerPort, quint16(0));
    QVERIFY(okEnabled(dialog));
}

void tst_SettingsDialog::nodeSyntax_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << QStringLiteral("router.bittorrent.com:6881") << true;
    QTest::newRow("single label") << QStringLiteral("localhost:6881") << true;
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1:1") << true;
    QTest::newRow("IPv6 in brackets") << QStringLiteral("[fe80::1]:6881") << true;
    QTest::newRow("spaces around") << QStringLiteral("  a.b:2  ") << true;
    QTest::newRow("no port") << QStringLiteral("a.b") << false;
    QTest::newRow("empty port") << QStringLiteral("a.b:") << false;
    QTest::newRow("no host") << QStringLiteral(":6881") << false;
    QTest::newRow("port 0") << QStringLiteral("a.b:0") << false;
    QTest::newRow("port 65536") << QStringLiteral("a.b:65536") << false;
    QTest::newRow("signed port") << QStringLiteral("a.b:+1") << false;
    QTest::newRow("IPv6 bare") << QStringLiteral("fe80::1:6881") << false;
    QTest::newRow("IPv4 in brackets") << QStringLiteral("[1.2.3.4]:1") << false;
    QTest::newRow("space in name") << QStringLiteral("a b:1") << false;
    QTest::newRow("label starts with dash") << QStringLiteral("-a.b:1") << false;
    QTest::newRow("empty label") << QStringLiteral("a..b:1") << false;
    QTest::newRow("non-ASCII name") << QStringLiteral("bücher.example:1") << false;
}

void tst_SettingsDialog::nodeSyntax()
{
    QFETCH(QString, node);
    QFETCH(bool, valid);
    QString error;
    QCOMPARE(settingsvalidation::isValidNode(node, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

// The language (a shipped catalogue, the nearest one for a regional variant, or the system's)
// and close-to-tray round-trip through the Interface page.
void tst_SettingsDialog::interfaceChoices()
{
    SettingsDialog dialog(sample());
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    auto *tray = dialog.findChild<QCheckBox *>(QStringLiteral("closeToTray"));
    QVERIFY(language && tray);
    dialog.setInterface(QStringLiteral("fr_FR"), true);
    QCOMPARE(dialog.language(), QStringLiteral("fr_FR"));
    QVERIFY(dialog.closeToTray());
    dialog.setInterface(QStringLiteral("de_AT"), false);
    QCOMPARE(dialog.language(), QStringLiteral("de_DE"));
    QVERIFY(!dialog.closeToTray());
    dialog.setInterface(QString(), false);
    QCOMPARE(dialog.language(), QString());
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    QCOMPARE(dialog.language(), QStringLiteral("en"));
    tray->setChecked(true);
    QVERIFY(dialog.closeToTray());
    QVERIFY(dialog.problems().isEmpty());
}

// The two power options, in a "Power" group on the Downloads page; until the caller sets the
// saved values they show AppSettings' defaults (keep awake on, pause on battery off).
void tst_SettingsDialog::powerChoices()
{
    SettingsDialog dialog(sample());
    auto *awake = field<QCheckBox>(dialog, "inhibitSleep");
    auto *battery = field<QCheckBox>(dialog, "pauseOnBattery");
    QVERIFY(dialog.inhibitSleep());
    QVERIFY(!dialog.pauseOnBattery());
    auto *group = field<QGroupBox>(dialog, "powerGroup");
    QVERIFY(group->isAncestorOf(awake) && group->isAncestorOf(battery));
    dialog.showPage(SettingsDialog::DownloadsPage);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(awake->isVisible() && battery->isVisible()); // on the page shown
    QVERIFY(field<QLineEdit>(dialog, "defaultSavePath")->isVisible());

    dialog.setPower(false, true);
    QVERIFY(!awake->isChecked());
    QVERIFY(battery->isChecked());
    QVERIFY(!dialog.inhibitSleep());
    QVERIFY(dialog.pauseOnBattery());
    QTest::mouseClick(awake, Qt::LeftButton, {}, awake->rect().center() - QPoint(awake->width() / 2 - 8, 0));
    QTest::mouseClick(battery, Qt::LeftButton, {}, battery->rect().center() - QPoint(battery->width() / 2 - 8, 0));
    QVERIFY(dialog.inhibitSleep());
    QVERIFY(!dialog.pauseOnBattery());
    QVERIFY(dialog.problems().isEmpty());
    const session::SessionSettings out = dialog.settings(); // not session settings: untouched
    QCOMPARE(out.defaultSavePath, sample().defaultSavePath);
}

// The queue page: its limits follow the switch, "Unlimited" is -1, and slow-torrent rates in KiB/s.
void tst_SettingsDialog::queueChoices()
{
    session::SessionSettings in = sample();
    in.queueingEnabled = false;
    in.maxActiveDownloads = 4;
    in.maxActiveSeeds = -1;
    SettingsDialog dialog(in);
    auto *queueing = field<QCheckBox>(dialog, "queueing");
    QVERIFY(!queueing->isChecked());
    QCOMPARE(spin(dialog, "maxActiveDownloads")->value(), 4);
    QCOMPARE(spin(dialog, "maxActiveSeeds")->text(), tr("Unlimited"));
    QVERIFY(!spin(dialog, "maxActiveDownloads")->isEnabled());
    QVERIFY(!spin(dialog, "slowDownloadRate")->isEnabled());
    queueing->setChecked(true);
    QVERIFY(spin(dialog, "maxActiveDownloads")->isEnabled());
    QVERIFY(!spin(dialog, "slowDownloadRate")->isEnabled()); // still behind "ignore slow"
    field<QCheckBox>(dialog, "ignoreSlowTorrents")->setChecked(true);
    QVERIFY(spin(dialog, "slowDownloadRate")->isEnabled());
    spin(dialog, "maxActiveDownloads")->setValue(1);
    spin(dialog, "maxActiveTorrents")->setValue(-1);
    spin(dialog, "slowDownloadRate")->setValue(10);
    spin(dialog, "slowTorrentSeconds")->setValue(120);
    QVERIFY(dialog.problems().isEmpty());
    const session::SessionSettings out = dialog.settings();
    QVERIFY(out.queueingEnabled);
    QCOMPARE(out.maxActiveDownloads, 1);
    QCOMPARE(out.maxActiveSeeds, -1);
    QCOMPARE(out.maxActiveTorrents, -1);
    QVERIFY(out.ignoreSlowTorrents);
    QCOMPARE(out.slowDownloadRate, qint64(10 * 1024));
    QCOMPARE(out.slowUploadRate, in.slowUploadRate); // untouched: the exact bytes kept
    QVERIFY(out.slowTorrentTime == 120s);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
