// swarmscope-cli info <file.torrent|magnet> [--json]
#include "cli/command.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace swarmscope::cli {

using metainfo::MagnetLink;
using metainfo::TorrentInfo;

namespace {

QString humanSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 2, QLocale::DataSizeIecFormat);
}

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray tiersToJson(const QList<QStringList> &tiers)
{
    QJsonArray out;
    for (const QStringList &tier : tiers)
        out.append(toJson(tier));
    return out;
}

QJsonObject torrentJson(const TorrentInfo &t)
{
    QJsonObject o;
    o[QLatin1String("source")] = QStringLiteral("torrent");
    o[QLatin1String("name")] = t.name;
    o[QLatin1String("infoHash")] = t.infoHash.toHex();
    o[QLatin1String("totalSize")] = double(t.totalSize);
    o[QLatin1String("pieceLength")] = double(t.pieceLength);
    o[QLatin1String("pieceCount")] = t.pieceCount();
    o[QLatin1String("private")] = t.isPrivate;
    o[QLatin1String("multiFile")] = t.multiFile;
    o[QLatin1String("trackers")] = toJson(t.trackers());
    o[QLatin1String("trackerTiers")] = tiersToJson(t.trackerTiers);
    o[QLatin1String("webSeeds")] = toJson(t.webSeeds);
    o[QLatin1String("comment")] = t.comment;
    o[QLatin1String("createdBy")] = t.createdBy;
    o[QLatin1String("creationDate")] =
        t.creationDate ? QJsonValue(t.creationDate->toString(Qt::ISODate)) : QJsonValue();
    QJsonArray files;
    for (const metainfo::FileEntry &f : t.files) {
        QJsonObject fo;
        fo[QLatin1String("path")] = f.path;
        fo[QLatin1String("size")] = double(f.size);
        fo[QLatin1String("offset")] = double(f.offset);
        if (f.padFile)
            fo[QLatin1String("padFile")] = true;
        files.append(fo);
    }
    o[QLatin1String("files")] = files;
    o[QLatin1String("magnet")] = metainfo::magnetFor(t).toString();
    o[QLatin1String("warnings")] = toJson(t.warnings);
    return o;
}

QJsonObject magnetJson(const MagnetLink &m)
{
    QJsonObject o;
    o[QLatin1String("source")] = QStringLiteral("magnet");
    o[QLatin1String("name")] = m.displayName;
    o[QLatin1String("infoHash")] = m.infoHash.toHex();
    o[QLatin1String("totalSize")] = m.exactLength ? QJsonValue(double(*m.exactLength)) : QJsonValue();
    // Piece layout and files are unknown until the metadata is fetched from peers.
    o[QLatin1String("pieceLength")] = QJsonValue();
    o[QLatin1String("pieceCount")] = QJsonValue();
    o[QLatin1String("trackers")] = toJson(m.trackers);
    o[QLatin1String("webSeeds")] = toJson(m.webSeeds);
    o[QLatin1String("peers")] = toJson(m.peers);
    o[QLatin1String("files")] = QJsonArray();
    o[QLatin1String("magnet")] = m.toString();
    return o;
}

void printTorrent(const TorrentInfo &t, QTextStream &out)
{
    out << "Name:         " << t.name << '\n'
        << "Info-hash:    " << t.infoHash.toHex() << '\n'
        << "Total size:   " << humanSize(t.totalSize) << " (" << t.totalSize << " bytes)\n"
        << "Pieces:       " << t.pieceCount() << " x " << humanSize(t.pieceLength) << '\n'
        << "Private:      " << (t.isPrivate ? "yes" : "no") << '\n';
    if (t.creationDate)
        out << "Created on:   " << t.creationDate->toString(Qt::ISODate) << '\n';
    if (!t.createdBy.isEmpty())
        out << "Created by:   " << t.createdBy << '\n';
    if (!t.comment.isEmpty())
        out << "Comment:      " << t.comment << '\n';
    out << "Trackers:";
    if (t.trackerTiers.isEmpty())
        out << "     none\n";
    else
        out << '\n';
    for (qsizetype i = 0; i < t.trackerTiers.size(); ++i)
        for (const QString &url : t.trackerTiers[i])
            out << "  tier " << (i + 1) << ": " << url << '\n';
    if (!t.webSeeds.isEmpty()) {
        out << "Web seeds:\n";
        for (const QString &url : t.webSeeds)
            out << "  " << url << '\n';
    }
    out << "Files (" << t.files.size() << "):\n";
    for (const metainfo::FileEntry &f : t.files)
        out << "  " << f.path << "  (" << humanSize(f.size) << (f.padFile ? ", padding" : "") << ")\n";
    for (const QString &w : t.warnings)
        out << "Note: " << w << '\n';
}

void printMagnet(const MagnetLink &m, QTextStream &out)
{
    out << "Name:         " << (m.displayName.isEmpty() ? QStringLiteral("(unknown)") : m.displayName) << '\n'
        << "Info-hash:    " << m.infoHash.toHex() << '\n'
        << "Total size:   "
        << (m.exactLength ? humanSize(*m.exactLength) + QStringLiteral(" (%1 bytes)").arg(*m.exactLength)
                          : QStringLiteral("unknown until the metadata is fetched"))
        << '\n'
        << "Pieces:       unknown until the metadata is fetched\n";
    out << "Trackers:" << (m.trackers.isEmpty() ? "     none\n" : "\n");
    for (const QString &url : m.trackers)
        out << "  " << url << '\n';
    if (!m.webSeeds.isEmpty()) {
        out << "Web seeds:\n";
        for (const QString &url : m.webSeeds)
            out << "  " << url << '\n';
    }
    if (!m.peers.isEmpty()) {
        out << "Peers:\n";
        for (const QString &p : m.peers)
            out << "  " << p << '\n';
    }
    out << "Files:        unknown until the metadata is fetched\n";
}

} // namespace

int runInfo(const QStringList &args, Io io)
{
    bool json = false;
    QStringList positional;
    for (const QString &a : args) {
        if (a == u"--json") {
            json = true;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            io.err << "swarmscope-cli info: unknown option '" << a << "'\n";
            return ExitBadInput;
        } else {
            positional << a;
        }
    }
    if (positional.size() != 1) {
        io.err << "swarmscope-cli info: expected one .torrent file or magnet link "
                  "(usage: swarmscope-cli info <file.torrent|magnet> [--json])\n";
        return ExitBadInput;
    }
    const QString input = positional.first();

    QJsonObject object;
    if (metainfo::isMagnetUri(input)) {
        QString error;
        auto magnet = metainfo::parseMagnet(input, &error);
        if (!magnet) {
            io.err << "swarmscope-cli info: invalid magnet link: " << error << '\n';
            return ExitBadInput;
        }
        if (!json) {
            printMagnet(*magnet, io.out);
            return ExitOk;
        }
        object = magnetJson(*magnet);
    } else {
        metainfo::ParseError error;
        auto torrent = metainfo::loadTorrentFile(input, &error);
        if (!torrent) {
            io.err << "swarmscope-cli info: " << input << ": " << error.toString() << '\n';
            return ExitBadInput;
        }
        if (!json) {
            printTorrent(*torrent, io.out);
            return ExitOk;
        }
        object = torrentJson(*torrent);
    }
    io.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace swarmscope::cli
