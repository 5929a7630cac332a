// swarmscope-cli list --state-dir DIR [--json]: what a state database holds. Reads only, so it
// works while another process runs with the same state, and after that process was killed.
#include "cli/args.h"
#include "cli/command.h"
#include "metainfo/torrentinfo.h"
#include "state/statestore.h"
#include "util/bitfield.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace swarmscope::cli {

int runList(const QStringList &args, Io io)
{
    Args a({QStringLiteral("--json")}, {QStringLiteral("--state-dir")});
    auto bad = [&](const QString &message) {
        io.err << "swarmscope-cli list: " << message << '\n';
        return ExitBadInput;
    };
    if (const QString error = a.parse(args); !error.isEmpty())
        return bad(error);
    if (!a.positional().isEmpty())
        return bad(QStringLiteral("unexpected argument '%1'").arg(a.positional().first()));
    const QString dir = a.has(QStringLiteral("--state-dir")) ? a.value(QStringLiteral("--state-dir"))
                                                               : state::StateStore::defaultStateDir();
    state::StateStore store;
    if (!store.open(dir, false)) {
        io.err << "swarmscope-cli list: " << store.lastError() << '\n';
        return ExitFailure;
    }
    const QList<state::TorrentRecord> records = store.loadTorrents();

    QJsonArray array;
    for (const state::TorrentRecord &r : records) {
        const int total = r.pieceCount;
        const int have = Bitfield::fromWire(r.havePieces, total).value_or(Bitfield(total)).count();
        qint64 totalSize = -1;
        if (auto info = metainfo::parseTorrent(r.torrentFile))
            totalSize = info->totalSize;
        QJsonObject o;
        o[QLatin1String("infoHash")] = r.infoHash.toHex();
        o[QLatin1String("name")] = r.name;
        o[QLatin1String("state")] = state::toString(r.state);
        o[QLatin1String("piecesHave")] = have;
        o[QLatin1String("piecesTotal")] = total;
        o[QLatin1String("progress")] = total > 0 ? double(have) / total : 0.0;
        o[QLatin1String("savePath")] = r.savePath;
        o[QLatin1String("totalSize")] = double(totalSize);
        o[QLatin1String("uploaded")] = double(r.uploaded);
        o[QLatin1String("downloaded")] = double(r.downloaded);
        o[QLatin1String("error")] = r.error;
        o[QLatin1String("addedAt")] = r.addedAt.toString(Qt::ISODate);
        o[QLatin1String("completedAt")] = r.completedAt.isValid() ? QJsonValue(r.completedAt.toString(Qt::ISODate))
                                                                  : QJsonValue();
        array.append(o);
    }
    if (a.has(QStringLiteral("--json"))) {
        io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (records.isEmpty()) {
        io.out << "No torrents in " << store.databasePath() << '\n';
        return ExitOk;
    }
    for (const QJsonValue &v : std::as_const(array)) {
        const QJsonObject o = v.toObject();
        io.out << o[QLatin1String("infoHash")].toString() << "  " << qSetFieldWidth(11) << Qt::left
               << o[QLatin1String("state")].toString() << qSetFieldWidth(0) << ' '
               << QString::number(o[QLatin1String("progress")].toDouble() * 100.0, 'f', 1) << "%  "
               << o[QLatin1String("name")].toString() << '\n';
    }
    return ExitOk;
}

} // namespace swarmscope::cli
