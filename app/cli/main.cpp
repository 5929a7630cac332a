// swarmscope-cli: the headless front end for servers, scripts, tests and benchmarks.
#include "cli/command.h"
#include "version.h"

#include <QCoreApplication>

#include <cstdio>

using namespace swarmscope;

namespace {

void printUsage(QTextStream &s)
{
    s << "Usage: swarmscope-cli <verb> [options]\n"
         "\n"
         "Verbs:\n"
         "  info <file.torrent|magnet> [--json]   show a torrent's name, info-hash, size, pieces,\n"
         "                                        trackers and files\n"
         "  create <path> -o <out.torrent> [--tracker URL]... [--piece-size BYTES] [--private]\n"
         "         [--web-seed URL]... [--comment TEXT] [--name NAME] [--no-date]\n"
         "                                        make a torrent from a file or a folder\n"
         "  download <file.torrent> --save DIR [--state-dir DIR] [--port N] [--peer HOST:PORT]...\n"
         "           [--seed | --exit-when-done] [--max-down KiB/s] [--max-up KiB/s]\n"
         "                                        download (and verify) a torrent\n"
         "  seed <file.torrent> --save DIR ...    verify existing data and seed it\n"
         "  list [--state-dir DIR] [--json]       the torrents in a state database\n"
         "  tracker [--port N] [--bind ADDR]      host an HTTP tracker (default port 6969)\n"
         "  help                                  this text\n"
         "  version                               the program's version\n"
         "\n"
         "Exit status: 0 success, 1 failure, 2 bad arguments or malformed input.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swarmscope-cli"));
    QCoreApplication::setApplicationVersion(versionString());

    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::Io io{out, err};

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err);
        return cli::ExitBadInput;
    }
    const QString verb = args.takeFirst();
    if (verb == u"info")
        return cli::runInfo(args, io);
    if (verb == u"create")
        return cli::runCreate(args, io);
    if (verb == u"download")
        return cli::runDownload(args, io);
    if (verb == u"seed")
        return cli::runSeed(args, io);
    if (verb == u"list")
        return cli::runList(args, io);
    if (verb == u"tracker")
        return cli::runTracker(args, io);
    if (verb == u"help" || verb == u"--help" || verb == u"-h") {
        printUsage(out);
        return cli::ExitOk;
    }
    if (verb == u"version" || verb == u"--version") {
        out << clientName() << '\n';
        return cli::ExitOk;
    }
    err << "swarmscope-cli: unknown verb '" << verb << "' (try 'swarmscope-cli help')\n";
    return cli::ExitBadInput;
}
