// A swarmscope-cli verb: parses its own arguments and runs.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace swarmscope::cli {

// Exit statuses shared by every verb.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,  // the operation failed (I/O error, network, ...)
    ExitBadInput = 2, // bad arguments or malformed input (torrent, magnet, ...)
};

struct Io {
    QTextStream &out;
    QTextStream &err;
};

// `args` are the verb's own arguments (without the program name and the verb).
int runInfo(const QStringList &args, Io io);
int runCreate(const QStringList &args, Io io);
int runDownload(const QStringList &args, Io io);
int runSeed(const QStringList &args, Io io);
int runList(const QStringList &args, Io io);
int runTracker(const QStringList &args, Io io);

} // namespace swarmscope::cli
