// swarmscope-cli tracker --port N: hosts the embedded HTTP tracker until SIGINT/SIGTERM.
#include "cli/args.h"
#include "cli/command.h"
#include "tracker/embeddedtracker.h"
#include "util/shutdownsignals.h"

#include <QCoreApplication>

namespace swarmscope::cli {

int runTracker(const QStringList &args, Io io)
{
    Args a({QStringLiteral("--quiet")}, {QStringLiteral("--port"), QStringLiteral("--bind"), QStringLiteral("--interval")});
    auto bad = [&](const QString &message) {
        io.err << "swarmscope-cli tracker: " << message << '\n';
        return ExitBadInput;
    };
    if (const QString error = a.parse(args); !error.isEmpty())
        return bad(error);
    if (!a.positional().isEmpty())
        return bad(QStringLiteral("unexpected argument '%1'").arg(a.positional().first()));
    QString error;
    quint16 port = 6969;
    if (a.has(QStringLiteral("--port"))) {
        auto p = a.port(QStringLiteral("--port"), &error);
        if (!p)
            return bad(error);
        port = *p;
    }
    QHostAddress bind = QHostAddress::AnyIPv4;
    if (a.has(QStringLiteral("--bind"))) {
        bind = QHostAddress(a.value(QStringLiteral("--bind")));
        if (bind.isNull())
            return bad(QStringLiteral("--bind wants an IP address"));
    }
    tracker::EmbeddedTrackerSettings settings;
    if (a.has(QStringLiteral("--interval"))) {
        bool ok = false;
        const int seconds = a.value(QStringLiteral("--interval")).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86400)
            return bad(QStringLiteral("--interval wants seconds from 1 to 86400"));
        settings.service.interval = std::chrono::seconds(seconds);
    }
    tracker::EmbeddedTracker server(settings);
    if (!server.listen(bind, port)) {
        io.err << "swarmscope-cli tracker: " << server.errorString() << '\n';
        return ExitFailure;
    }
    io.out << "tracker: http://" << (bind == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1") : bind.toString())
           << ':' << server.port() << "/announce\n";
    io.out.flush();
    util::ShutdownSignals stopper;
    QObject::connect(&stopper, &util::ShutdownSignals::requested, [] { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

} // namespace swarmscope::cli
