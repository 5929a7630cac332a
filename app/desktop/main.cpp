// swarmscope: the desktop application.
#include "app/singleinstance.h"
#include "app/torrentactions.h"
#include "app/trayicon.h"
#include "demo/demoswarm.h"
#include "dht/dhtservice.h"
#include "mainwindow.h"
#include "session/engine.h"
#include "settings/appsettings.h"
#include "state/statestore.h"
#include "power/powermanagement.h"
#include "storage/storagemonitor.h"
#include "storage/storagepolicy.h"
#include "translationloader.h"
#include "util/shutdownsignals.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QAction>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace swarmscope;

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Swarmscope"));
    QCoreApplication::setApplicationName(QStringLiteral("Swarmscope"));
    QCoreApplication::setApplicationVersion(versionString());
}

// The user's language from the settings, else the system's; Qt's own catalogue comes along for
// the standard dialogs. Before any widget or option text is made: they translate when built.
void installTranslations(QCoreApplication &app)
{
    const ui::AppSettings settings;
    const QString chosen = settings.language();
    const QLocale locale = i18n::interfaceLocale(chosen);
    if (!chosen.isEmpty())
        QLocale::setDefault(locale); // numbers and dates follow the chosen language too
    i18n::installTranslations(app, locale);
}

struct Options {
    QCommandLineOption noDht{QStringLiteral("no-dht"), QCoreApplication::translate("main", "Turn the DHT off.")};
    QCommandLineOption dhtBootstrap{
        QStringLiteral("dht-bootstrap"),
        QCoreApplication::translate("main", "Bootstrap the DHT from this node instead of the well-known routers "
                                            "(repeatable)."),
        QStringLiteral("host:port")};
    QCommandLineOption dhtPort{QStringLiteral("dht-port"),
                               QCoreApplication::translate("main", "The DHT's UDP port."), QStringLiteral("port")};
    QCommandLineOption port{QStringLiteral("port"),
                            QCoreApplication::translate("main", "The TCP port to listen on (0: any free port)."),
                            QStringLiteral("port")};
    QCommandLineOption stateDir{QStringLiteral("state-dir"),
                                QCoreApplication::translate("main", "The folder of the torrent state database."),
                                QStringLiteral("dir")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("main", "Start a demo swarm on 127.0.0.1 (a tracker, a "
                                                                "seeder and leechers) and join it.")};
};

void configure(QCommandLineParser &parser, const Options &o)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A BitTorrent client that shows the swarm at work."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({o.noDht, o.dhtBootstrap, o.dhtPort, o.port, o.stateDir, o.demo});
    parser.addPositionalArgument(
        QStringLiteral("torrents"),
        QCoreApplication::translate("main", ".torrent files, URLs or magnet links to add."),
        QStringLiteral("[file.torrent|magnet-link...]"));
}

// --help and --version must work without a display (over ssh, in scripts, in packaging
// checks), so they are answered before any GUI is created.
bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

std::optional<quint16> portValue(const QString &text)
{
    bool ok = false;
    const uint v = text.toUInt(&ok);
    if (!ok || v > 65535)
        return std::nullopt;
    return quint16(v);
}

// The user's settings with what the command line overrides for this run only (applied again
// to whatever Preferences later sets, so --demo or --no-dht hold for the whole run).
std::optional<session::SessionSettings> withOverrides(session::SessionSettings s, const QCommandLineParser &parser,
                                                      const Options &o, QString *error)
{
    if (parser.isSet(o.noDht))
        s.dhtEnabled = false;
    if (parser.isSet(o.dhtBootstrap)) {
        s.dhtBootstrap.clear();
        for (const QString &node : parser.values(o.dhtBootstrap)) {
            QString host;
            quint16 port = 0;
            if (!dht::parseHostPort(node, &host, &port)) {
                *error = QCoreApplication::translate("main", "--dht-bootstrap wants HOST:PORT, not '%1'").arg(node);
                return std::nullopt;
            }
            s.dhtBootstrap << node;
        }
    }
    for (const auto &[option, target] : {std::pair{&o.dhtPort, &s.dhtPort}, std::pair{&o.port, &s.listenPort}}) {
        if (!parser.isSet(*option))
            continue;
        const auto port = portValue(parser.value(*option));
        if (!port) {
            *error = QCoreApplication::translate("main", "--%1 wants a port number, not '%2'")
                         .arg(option->names().constFirst(), parser.value(*option));
            return std::nullopt;
        }
        *target = *port;
    }
    if (parser.isSet(o.stateDir))
        s.stateDir = parser.value(o.stateDir);
    if (parser.isSet(o.demo)) {
        // Our own leecher joins the demo swarm on loopback; nothing leaves the machine.
        s.listenAddress = QHostAddress(QHostAddress::LocalHost);
        s.listenPort = 0;
        s.dhtEnabled = false;
        if (!parser.isSet(o.stateDir))
            s.stateDir = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                             .filePath(QStringLiteral("demo/state"));
    }
    return s;
}

// Brings the window forward without undoing the user's maximised or full-screen state.
void bringToFront(QWidget &window)
{
    window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window.show();
    window.raise();
    window.activateWindow();
}

void addDemoTorrent(session::Engine &engine, const demo::DemoSwarm &swarm)
{
    session::AddTorrentParams params;
    params.info = swarm.torrent();
    params.savePath = swarm.ourSavePath();
    params.peers = swarm.peers();
    engine.addTorrent(params);
}

} // namespace

int main(int argc, char **argv)
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        installTranslations(app);
        QCommandLineParser parser;
        Options options;
        configure(parser, options);
        parser.process(app); // prints and exits for --help and --version
        return 0;
    }

    QApplication app(argc, argv);
    // Caught from the start (kept until the quit below connects): SIGTERM at logout, Ctrl+C, or
    // SIGHUP from a closed terminal quits as the tray's Quit does, never leaving the lock behind.
    util::ShutdownSignals shutdownSignals(util::ShutdownSignals::Catch::AlsoHangup);
    setApplicationIdentity();
    installTranslations(app);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Swarmscope"));
    // Lets Wayland compositors and docks match windows to org.swarmscope.Swarmscope.desktop.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.swarmscope.Swarmscope"));

    QCommandLineParser parser;
    Options options;
    configure(parser, options);
    parser.process(app); // QApplication has already taken its own options (-platform, ...)

    ui::AppSettings appSettings;
    QString error;
    const auto settings = withOverrides(appSettings.sessionSettings(), parser, options, &error);
    if (!settings) {
        std::fprintf(stderr, "swarmscope: %s\n", qPrintable(error));
        return 2;
    }

    // One instance per user and state folder: a later launch hands its arguments over and
    // leaves before touching the state database.
    const QString stateDir = settings->stateDir.isEmpty() ? state::StateStore::defaultStateDir() : settings->stateDir;
    ui::SingleInstance instance(stateDir);
    const ui::SingleInstance::Role role = instance.start(&error);
    if (role == ui::SingleInstance::Role::Secondary) {
        const QStringList arguments =
            ui::SingleInstance::absoluteArguments(parser.positionalArguments(), QDir::currentPath());
        if (instance.sendArguments(arguments, ui::SingleInstance::kConnectionTimeoutMs, &error))
            return 0;
        std::fprintf(stderr, "swarmscope: %s\n", qPrintable(error));
        return 1;
    }
    if (!error.isEmpty()) // Unavailable, or a primary that cannot listen: run anyway
        std::fprintf(stderr, "swarmscope: %s\n", qPrintable(error));

    session::Engine engine(*settings);
    if (!engine.start(&error)) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Swarmscope"),
                              QCoreApplication::translate("main", "The engine could not start: %1").arg(error));
        return 1;
    }

    std::unique_ptr<demo::DemoSwarm> demoSwarm;
    if (parser.isSet(options.demo)) {
        const QString work = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                 .filePath(QStringLiteral("demo/swarm"));
        demoSwarm = std::make_unique<demo::DemoSwarm>(work, 6);
        QObject::connect(demoSwarm.get(), &demo::DemoSwarm::ready, &engine,
                         [&engine, &demoSwarm] { addDemoTorrent(engine, *demoSwarm); });
        QObject::connect(demoSwarm.get(), &demo::DemoSwarm::failed, &engine, [](const QString &why) {
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "Swarmscope"),
                                 QCoreApplication::translate("main", "The demo swarm stopped: %1").arg(why));
        });
        if (!demoSwarm->start(&error)) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Swarmscope"),
                                  QCoreApplication::translate("main", "The demo swarm could not start: %1").arg(error));
            return 1;
        }
    }

    ui::MainWindow window(&engine, &appSettings);
    window.setRunOverrides([&parser, &options](const session::SessionSettings &chosen) {
        QString ignored; // the overrides were checked once already, at start
        return withOverrides(chosen, parser, options, &ignored).value_or(chosen);
    });
    window.show();
    // After show(), so add dialogs open above the main window.
    window.openArguments(parser.positionalArguments());

    // Tests watch what a primary received: SWARMSCOPE_TEST_ECHO_ARGS=1 prints it to stderr.
    const bool echoArguments = qEnvironmentVariableIntValue("SWARMSCOPE_TEST_ECHO_ARGS") == 1;
    QObject::connect(&instance, &ui::SingleInstance::argumentsReceived, &window,
                     [&window, echoArguments](const QStringList &arguments) {
                         if (echoArguments) {
                             for (const QString &argument : arguments)
                                 std::fprintf(stderr, "received: %s\n", qPrintable(argument));
                             std::fflush(stderr);
                         }
                         bringToFront(window);
                         window.openArguments(arguments);
                     });
    instance.startDelivering(); // what came while we were starting, then the rest as it comes

    ui::TrayIcon tray(&appSettings);
    tray.attachWindow(&window);
    QObject::connect(&engine, &session::Engine::snapshotReady, &tray, &ui::TrayIcon::setSnapshot);
    QObject::connect(&engine, &session::Engine::torrentCompleted, &tray, &ui::TrayIcon::torrentCompleted);
    QObject::connect(&engine, &session::Engine::torrentError, &tray, &ui::TrayIcon::torrentFailed);
    QObject::connect(&tray, &ui::TrayIcon::showRequested, &window, [&window] { bringToFront(window); });
    QObject::connect(&tray, &ui::TrayIcon::pauseAllRequested, window.torrentActions()->pauseAll(),
                     &QAction::trigger);
    QObject::connect(&tray, &ui::TrayIcon::resumeAllRequested, window.torrentActions()->resumeAll(),
                     &QAction::trigger);
    const auto quitCleanly = [&window] {
        window.close(); // not spontaneous: really closes, and the window saves its layout
        QCoreApplication::quit(); // then the engine shuts down below, after exec()
    };
    QObject::connect(&tray, &ui::TrayIcon::quitRequested, &window, quitCleanly);
    // Once: a second signal must not end the event loop that waits for the engine's shutdown.
    QObject::connect(&shutdownSignals, &util::ShutdownSignals::requested, &window, quitCleanly,
                     Qt::SingleShotConnection);

    // Storage follows the machine: torrents stop when their volume goes and resume when it is back.
    // KDE Solid where it is built and sees the volumes, else the kernel's mount table.
    const std::unique_ptr<storage::StorageMonitor> storageMonitor = storage::createStorageMonitor();
    storage::StoragePolicy storagePolicy(storageMonitor.get(),
                                         [&engine](const metainfo::InfoHash &hash, bool available) {
                                             engine.setStorageAvailable(hash, available);
                                         });
    QObject::connect(&engine, &session::Engine::snapshotReady, &storagePolicy,
                     [&storagePolicy](const session::SessionSnapshotPtr &s) { if (s) storagePolicy.update(*s); });
    // Before a resume: a torrent whose volume is missing is not started; the user is told why.
    window.setStorageCheck([&storagePolicy](const metainfo::InfoHash &h) { return storagePolicy.missingStorage(h); });
    window.setFolderCheck([&storagePolicy](const QString &folder) { return storagePolicy.missingVolumeFor(folder); });

    // Stay awake while downloading, pause on battery (both in Preferences; nothing without D-Bus).
    ui::PowerManagement power(&engine, &appSettings);

    const int code = app.exec();
    engine.shutdownAndWait(); // first, so the demo tracker still hears our `stopped`
    if (demoSwarm)
        demoSwarm->stop();
    return code;
}
