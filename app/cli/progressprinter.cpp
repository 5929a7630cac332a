#include "cli/progressprinter.h"

#include <QLocale>

#include <unistd.h>

namespace swarmscope::cli {

namespace {

QString stateName(state::TorrentState s)
{
    return state::toString(s);
}

QString formatEta(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString formatRate(double bytesPerSecond)
{
    return QLocale::c().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeIecFormat) + QStringLiteral("/s");
}

ProgressPrinter::ProgressPrinter(QTextStream &err) : m_err(err), m_terminal(::isatty(STDERR_FILENO) == 1)
{
    m_total.start();
}

QString ProgressPrinter::line(const session::TorrentSnapshot &t) const
{
    if (!t.hasMetadata)
        return QStringLiteral("%1 fetching metadata %2/%3 pieces from %4 peers")
            .arg(stateName(t.state))
            .arg(t.metadataPiecesReceived)
            .arg(t.metadataPieces)
            .arg(t.peersConnected);
    return QStringLiteral("%1 %2% %3/%4 pieces  down %5  up %6  peers %7+%8 seeds  eta %9")
        .arg(stateName(t.state))
        .arg(t.progress * 100.0, 0, 'f', 1)
        .arg(t.piecesHave)
        .arg(t.pieceCount)
        .arg(formatRate(t.downloadRate), formatRate(t.uploadRate))
        .arg(t.peersConnected)
        .arg(t.seedsConnected)
        .arg(formatEta(t.etaSeconds));
}

void ProgressPrinter::update(const session::TorrentSnapshot &t)
{
    if (m_terminal) {
        const int width = 24;
        const int filled = int(t.progress * width);
        m_err << '\r' << '[' << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('.')) << "] "
              << line(t) << "   ";
        m_err.flush();
        m_printedAny = true;
        return;
    }
    if (m_printedAny && m_sinceLine.isValid() && m_sinceLine.elapsed() < 2000)
        return;
    m_sinceLine.restart();
    m_printedAny = true;
    m_err << line(t) << '\n';
    m_err.flush();
}

void ProgressPrinter::finish(const session::TorrentSnapshot &t)
{
    if (m_terminal && m_printedAny)
        m_err << '\n';
    const double seconds = std::max(0.001, double(m_total.elapsed()) / 1000.0);
    m_err << "complete: " << t.name << " (" << QLocale::c().formattedDataSize(t.totalSize, 2, QLocale::DataSizeIecFormat)
          << ", " << t.pieceCount << " pieces verified) in " << QString::number(seconds, 'f', 1) << " s\n";
    m_err.flush();
}

} // namespace swarmscope::cli
