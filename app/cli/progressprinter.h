// Download progress on stderr: a live bar on a terminal, a plain line every few seconds
// otherwise (logs, pipes, CI).
#pragma once

#include "session/snapshot.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace swarmscope::cli {

class ProgressPrinter {
public:
    explicit ProgressPrinter(QTextStream &err);
    void update(const session::TorrentSnapshot &t);
    void finish(const session::TorrentSnapshot &t);

private:
    QString line(const session::TorrentSnapshot &t) const;
    QTextStream &m_err;
    bool m_terminal;
    QElapsedTimer m_sinceLine;
    QElapsedTimer m_total;
    bool m_printedAny = false;
};

QString formatRate(double bytesPerSecond);

} // namespace swarmscope::cli
