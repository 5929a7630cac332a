// `swarmscope-cli create`: makes a .torrent from a file or a folder.
#include "cli/args.h"
#include "cli/command.h"

#include "bencode/reader.h"
#include "metainfo/infohash.h"
#include "metainfo/torrentcreator.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <optional>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace swarmscope::cli {

namespace {

using metainfo::CreateError;
using metainfo::CreateOptions;

const char *const kUsage =
    "Usage: swarmscope-cli create <path> -o <out.torrent> [options]\n"
    "\n"
    "Makes a torrent from a file or a folder (every file below it, links skipped).\n"
    "\n"
    "  -o, --output FILE     where to write the .torrent (required)\n"
    "  --tracker URL         a tracker; repeat for more tiers, \"a,b\" puts a and b in one tier\n"
    "  --piece-size SIZE     bytes, or with K or M (256K, 4M); a power of two from 16K to 512M;\n"
    "                        default: about 1000-2000 pieces\n"
    "  --private             private torrent (peers only from the trackers)\n"
    "  --web-seed URL        a web seed (BEP 19); may be repeated\n"
    "  --comment TEXT        a comment\n"
    "  --name NAME           the torrent's name (default: the file or folder name)\n"
    "  --no-date             leave out the creation date (reproducible output)\n"
    "  -f, --force           overwrite FILE if it exists\n"
    "  -h, --help            this text\n";

struct CreateArgs {
    CreateOptions options;
    QString output;
    bool force = false;
    bool help = false;
};

// "262144", "256K", "256KiB", "4M", "4MiB" (K and M are binary, either case).
std::optional<qint64> parsePieceSize(const QString &text)
{
    QString digits = text.trimmed();
    qint64 multiplier = 1;
    const auto stripSuffix = [&digits](QLatin1String suffix) {
        if (!digits.endsWith(suffix, Qt::CaseInsensitive))
            return false;
        digits.chop(suffix.size());
        return true;
    };
    if (stripSuffix(QLatin1String("KiB")) || stripSuffix(QLatin1String("K")))
        multiplier = 1024;
    else if (stripSuffix(QLatin1String("MiB")) || stripSuffix(QLatin1String("M")))
        multiplier = 1024 * 1024;
    if (digits.isEmpty() || !std::all_of(digits.cbegin(), digits.cend(),
                                         [](QChar c) { return c.isDigit() && c.unicode() < 128; }))
        return std::nullopt;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    // Anything past the largest valid size is refused anyway; the bound keeps the product sane.
    if (!ok || value > metainfo::kMaxPieceSize)
        return std::nullopt;
    return value * multiplier;
}

// One --tracker value: "a,b" is one tier holding a and b, as mktorrent reads it.
QStringList parseTier(const QString &value)
{
    QStringList tier;
    for (const QString &part : value.split(u',')) {
        if (!part.trimmed().isEmpty())
            tier.append(part.trimmed());
    }
    return tier;
}

// Options and the path may come in any order (the shared Args parser); values are checked here.
// Returns an error message, empty on success.
QString parseArgs(const QStringList &args, CreateArgs &out)
{
    Args a({QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("-f"), QStringLiteral("--force"),
            QStringLiteral("--private"), QStringLiteral("--no-date")},
           {QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--tracker"), QStringLiteral("--web-seed"),
            QStringLiteral("--piece-size"), QStringLiteral("--comment"), QStringLiteral("--name")});
    if (const QString error = a.parse(args); !error.isEmpty())
        return error;
    const auto missing = [](const char *name) { return QStringLiteral("option %1 needs a value").arg(QLatin1String(name)); };
    out.help = a.has(QStringLiteral("-h")) || a.has(QStringLiteral("--help"));
    out.force = a.has(QStringLiteral("-f")) || a.has(QStringLiteral("--force"));
    out.options.isPrivate = a.has(QStringLiteral("--private"));
    out.options.includeCreationDate = !a.has(QStringLiteral("--no-date"));
    for (const char *name : {"-o", "--output"}) {
        for (const QString &value : a.values(QLatin1String(name))) {
            if (value.isEmpty())
                return missing(name);
            out.output = value;
        }
    }
    for (const QString &value : a.values(QStringLiteral("--tracker"))) {
        const QStringList tier = parseTier(value);
        if (tier.isEmpty())
            return QStringLiteral("empty tracker URL");
        out.options.trackerTiers.append(tier);
    }
    for (const QString &value : a.values(QStringLiteral("--web-seed"))) {
        if (value.trimmed().isEmpty())
            return QStringLiteral("empty web seed URL");
        out.options.webSeeds.append(value.trimmed());
    }
    for (const QString &value : a.values(QStringLiteral("--piece-size"))) {
        const std::optional<qint64> size = parsePieceSize(value);
        if (!size || !metainfo::isValidPieceSize(*size))
            return QStringLiteral("bad piece size '%1': give a power of two from 16K to 512M").arg(value);
        out.options.pieceSize = *size;
    }
    for (const QString &value : a.values(QStringLiteral("--comment")))
        out.options.comment = value;
    for (const QString &value : a.values(QStringLiteral("--name"))) {
        if (value.isEmpty())
            return missing("--name");
        out.options.name = value;
    }
    if (out.help)
        return {};
    const QStringList &positional = a.positional();
    if (positional.isEmpty())
        return QStringLiteral("no file or folder given");
    if (positional.size() > 1)
        return QStringLiteral("one file or folder at a time (got '%1' and '%2')").arg(positional.at(0), positional.at(1));
    if (out.output.isEmpty())
        return QStringLiteral("no output file given (-o out.torrent)");
    out.options.sourcePath = positional.first();
    return {};
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(fileno(stderr)) != 0;
#endif
}

// Redraws one status line on a terminal, only when the whole percentage changes.
class ProgressLine {
public:
    explicit ProgressLine(QTextStream &err) : m_err(err) {}

    bool update(qint64 done, qint64 total)
    {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (percent != m_lastPercent) {
            m_lastPercent = percent;
            m_err << "\rhashing " << QLocale::c().formattedDataSize(total) << ": " << percent
                  << "%" << Qt::flush;
            m_shown = true;
        }
        return true;
    }

    void finish()
    {
        if (m_shown)
            m_err << '\n' << Qt::flush;
        m_shown = false;
    }

private:
    QTextStream &m_err;
    int m_lastPercent = -1;
    bool m_shown = false;
};

// The info-hash of a torrent we just encoded: SHA-1 over the info dictionary's exact bytes.
QString infoHashHex(const QByteArray &torrent)
{
    const std::optional<bencode::Value> root = bencode::decode(torrent);
    const bencode::Value *info = root ? root->findDict("info") : nullptr;
    if (!info || !info->source().isValid())
        return {};
    return metainfo::InfoHash::ofInfo(torrent.mid(info->source().begin, info->source().size()))
        .toHex();
}

int fail(Io io, int code, const QString &problem)
{
    io.err << "swarmscope-cli create: " << problem << '\n' << Qt::flush;
    return code;
}

} // namespace

int runCreate(const QStringList &args, Io io)
{
    CreateArgs parsed;
    if (const QString problem = parseArgs(args, parsed); !problem.isEmpty()) {
        io.err << "swarmscope-cli create: " << problem << " (try 'swarmscope-cli create --help')\n"
               << Qt::flush;
        return ExitBadInput;
    }
    if (parsed.help) {
        io.out << kUsage << Qt::flush;
        return ExitOk;
    }

    // Checked before hashing so a mistake does not cost a long wait.
    const QFileInfo output(parsed.output);
    if (output.isDir())
        return fail(io, ExitBadInput,
                    QStringLiteral("%1 is a folder").arg(QDir::toNativeSeparators(parsed.output)));
    if ((output.exists() || output.isSymbolicLink()) && !parsed.force)
        return fail(io, ExitBadInput,
                    QStringLiteral("%1 exists (use --force to overwrite it)")
                        .arg(QDir::toNativeSeparators(parsed.output)));

    ProgressLine progress(io.err);
    if (stderrIsTerminal())
        parsed.options.progress = [&progress](qint64 done, qint64 total) {
            return progress.update(done, total);
        };

    CreateError error;
    const std::optional<QByteArray> torrent = metainfo::createTorrent(parsed.options, error);
    progress.finish();
    if (!torrent)
        return fail(io, error.kind == CreateError::Kind::BadInput ? ExitBadInput : ExitFailure,
                    error.message);

    // QSaveFile: a failed write never leaves a truncated .torrent behind.
    QSaveFile file(parsed.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(*torrent) != torrent->size() ||
        !file.commit())
        return fail(io, ExitFailure,
                    QStringLiteral("cannot write %1: %2")
                        .arg(QDir::toNativeSeparators(parsed.output), file.errorString()));

    io.out << "info-hash: " << infoHashHex(*torrent) << '\n'
           << "torrent: " << QDir::toNativeSeparators(parsed.output) << '\n'
           << Qt::flush;
    return ExitOk;
}

} // namespace swarmscope::cli
