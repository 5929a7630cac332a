// swarmscope: the desktop application.
#include "mainwindow.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>

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

void configure(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A BitTorrent client that shows the swarm at work."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("torrents"),
        QCoreApplication::translate("main", ".torrent files or magnet links to open."),
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

} // namespace

int main(int argc, char **argv)
{
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QCommandLineParser parser;
        configure(parser);
        parser.process(app); // prints and exits for --help and --version
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Swarmscope"));
    // Lets Wayland compositors and docks match windows to org.swarmscope.Swarmscope.desktop.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.swarmscope.Swarmscope"));

    QCommandLineParser parser;
    configure(parser);
    parser.process(app); // QApplication has already taken its own options (-platform, ...)

    ui::MainWindow window;
    window.show();
    // After show(), so details dialogs open above the main window.
    window.openArguments(parser.positionalArguments());
    return app.exec();
}
