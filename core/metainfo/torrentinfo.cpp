#include "metainfo/torrentinfo.h"

#include "bencode/writer.h"
#include "metainfo/pathsanitizer.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrl>
#include <QTimeZone>

namespace swarmscope::metainfo {

using bencode::Integer;
using bencode::SourceSpan;
using bencode::Value;

namespace {

// Longest a single file may be: far beyond any disk, small enough that sums cannot overflow.
constexpr qint64 kMaxFileSize = qint64(1) << 50;
constexpr qint64 kMaxTotalSize = qint64(1) << 55;

std::nullopt_t fail(ParseError *error, QString message, qsizetype offset = -1)
{
    if (error)
        *error = {std::move(message), offset};
    return std::nullopt;
}

// Prefers the "<key>.utf-8" variant some old clients wrote next to a legacy-encoded key.
const Value *findPreferUtf8(const Value &dict, const char *key)
{
    const QByteArray k(key);
    if (const Value *v = dict.find(k + ".utf-8"); v && (v->isString() || v->isList()))
        return v;
    return dict.find(k);
}

QString textOf(const Value &dict, const char *key)
{
    const Value *v = findPreferUtf8(dict, key);
    return v && v->isString() ? QString::fromUtf8(v->string()).trimmed() : QString();
}

bool isTrackerUrl(const QString &s)
{
    const QUrl url(s, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == u"http" || scheme == u"https" || scheme == u"udp" || scheme == u"wss";
}

// BEP 12: announce-list replaces announce when present and not empty.
void readTrackers(const Value &root, TorrentInfo &info, const ParseLimits &limits)
{
    QSet<QString> seen;
    int skipped = 0;
    auto add = [&](const QByteArray &raw, QStringList &tier) {
        const QString url = QString::fromUtf8(raw).trimmed();
        if (url.isEmpty() || seen.contains(url))
            return;
        if (!isTrackerUrl(url) || seen.size() >= limits.maxTrackers) {
            ++skipped;
            return;
        }
        seen.insert(url);
        tier << url;
    };
    if (const bencode::List *tiers = root.findList("announce-list")) {
        for (const Value &tierValue : *tiers) {
            if (!tierValue.isList())
                continue;
            QStringList tier;
            for (const Value &urlValue : tierValue.list())
                if (urlValue.isString())
                    add(urlValue.string(), tier);
            if (!tier.isEmpty())
                info.trackerTiers << tier;
        }
    }
    if (info.trackerTiers.isEmpty()) {
        if (const QByteArray *announce = root.findString("announce")) {
            QStringList tier;
            add(*announce, tier);
            if (!tier.isEmpty())
                info.trackerTiers << tier;
        }
    }
    if (skipped > 0)
        info.warnings << QStringLiteral("%1 tracker URL(s) skipped (not http, https, udp or wss, "
                                        "malformed, or over the limit of %2)")
                             .arg(skipped)
                             .arg(limits.maxTrackers);
}

void readWebSeeds(const Value &root, TorrentInfo &info)
{
    const Value *v = root.find("url-list");
    if (!v)
        return;
    QList<QByteArray> raw;
    if (v->isString())
        raw << v->string();
    else if (v->isList())
        for (const Value &item : v->list())
            if (item.isString())
                raw << item.string();
    for (const QByteArray &r : raw) {
        const QString url = QString::fromUtf8(r).trimmed();
        const QUrl parsed(url, QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (parsed.isValid() && (scheme == u"http" || scheme == u"https") && !info.webSeeds.contains(url))
            info.webSeeds << url;
    }
}

// Makes `path` unique among the files and folders already placed, by adding " (n)" before the
// extension of the component that collides. Sanitizing can map different names to one.
class PathAllocator {
public:
    QString place(const QString &path, bool *renamed)
    {
        QStringList parts = path.split(QLatin1Char('/'));
        QString prefix;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const bool isLast = i == parts.size() - 1;
            QString candidate = join(prefix, parts[i]);
            // A folder may not have a file's name; a file may take neither a file's nor a folder's.
            auto taken = [&](const QString &p) {
                return m_files.contains(p) || (isLast && m_dirs.contains(p));
            };
            if (taken(candidate)) {
                for (int n = 1;; ++n) {
                    const QString alt = withSuffix(parts[i], n);
                    if (!taken(join(prefix, alt))) {
                        parts[i] = alt;
                        break;
                    }
                }
                candidate = join(prefix, parts[i]);
                *renamed = true;
            }
            if (isLast)
                m_files.insert(candidate);
            else
                m_dirs.insert(candidate);
            prefix = candidate;
        }
        return prefix;
    }

private:
    static QString join(const QString &prefix, const QString &part)
    {
        return prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
    }
    static QString withSuffix(const QString &name, int n)
    {
        const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        return dot > 0 ? name.left(dot) + suffix + name.mid(dot) : name + suffix;
    }
    QSet<QString> m_files;
    QSet<QString> m_dirs;
};

std::optional<QList<QByteArray>> pathComponents(const Value &fileDict)
{
    const Value *pathValue = findPreferUtf8(fileDict, "path");
    if (!pathValue || !pathValue->isList() || pathValue->list().empty())
        return std::nullopt;
    QList<QByteArray> components;
    for (const Value &c : pathValue->list()) {
        if (!c.isString())
            return std::nullopt;
        components << c.string();
    }
    return components;
}

bool readFiles(const Value &infoDict, TorrentInfo &info, ParseError *error, const ParseLimits &limits)
{
    const Value *lengthValue = infoDict.find("length");
    const bencode::List *fileList = infoDict.findList("files");
    if (lengthValue && fileList)
        return fail(error, QStringLiteral("info has both 'length' and 'files'")), false;
    if (lengthValue) {
        if (!lengthValue->isInteger() || lengthValue->integer() < 0 || lengthValue->integer() > kMaxFileSize)
            return fail(error, QStringLiteral("'length' is not a valid file size")), false;
        FileEntry file;
        file.path = info.name;
        file.size = lengthValue->integer();
        info.files << file;
        info.totalSize = file.size;
        return true;
    }
    if (!fileList)
        return fail(error, QStringLiteral("info has neither 'length' nor 'files'")), false;
    if (fileList->empty())
        return fail(error, QStringLiteral("'files' is empty")), false;
    if (static_cast<qsizetype>(fileList->size()) > limits.maxFiles)
        return fail(error, QStringLiteral("%1 files is more than the limit of %2")
                               .arg(fileList->size())
                               .arg(limits.maxFiles)),
               false;
    info.multiFile = true;
    PathAllocator paths;
    int renamedCount = 0;
    qint64 offset = 0;
    for (qsizetype i = 0; i < static_cast<qsizetype>(fileList->size()); ++i) {
        const Value &fileDict = (*fileList)[static_cast<size_t>(i)];
        const Integer *length = fileDict.findInteger("length");
        if (!fileDict.isDict() || !length)
            return fail(error, QStringLiteral("file #%1 has no 'length'").arg(i + 1)), false;
        if (*length < 0 || *length > kMaxFileSize)
            return fail(error, QStringLiteral("file #%1 has an invalid length %2").arg(i + 1).arg(*length)), false;
        auto components = pathComponents(fileDict);
        if (!components)
            return fail(error, QStringLiteral("file #%1 has no valid 'path' list").arg(i + 1)), false;
        bool renamed = false;
        const QString relative = sanitizePath(*components, &renamed);
        if (relative.isEmpty())
            return fail(error, QStringLiteral("file #%1 has a path with no usable name").arg(i + 1)), false;
        FileEntry file;
        file.path = paths.place(info.name + QLatin1Char('/') + relative, &renamed);
        file.size = *length;
        file.offset = offset;
        file.renamed = renamed;
        if (const QByteArray *attr = fileDict.findString("attr")) {
            file.padFile = attr->contains('p');
            file.executable = attr->contains('x');
            file.hidden = attr->contains('h');
        }
        renamedCount += renamed ? 1 : 0;
        offset += *length;
        if (offset > kMaxTotalSize)
            return fail(error, QStringLiteral("total size is too large")), false;
        info.files << file;
    }
    info.totalSize = offset;
    if (renamedCount > 0)
        info.warnings << QStringLiteral("%1 file path(s) were changed to be safe on disk").arg(renamedCount);
    return true;
}

std::optional<TorrentInfo> parseInfo(const Value &infoDict, const QByteArray &infoBytes,
                                     ParseError *error, const ParseLimits &limits)
{
    if (!infoDict.isDict())
        return fail(error, QStringLiteral("'info' is not a dictionary"));
    TorrentInfo info;
    info.infoBytes = infoBytes;
    info.infoHash = InfoHash::ofInfo(infoBytes);

    const QByteArray *pieces = infoDict.findString("pieces");
    const Integer *metaVersion = infoDict.findInteger("meta version");
    if (!pieces) {
        if (metaVersion && *metaVersion == 2)
            return fail(error, QStringLiteral("BitTorrent v2-only torrents are not supported yet "
                                              "(no v1 'pieces')"));
        return fail(error, QStringLiteral("info has no 'pieces'"));
    }
    if (metaVersion && *metaVersion == 2)
        info.warnings << QStringLiteral("hybrid v1+v2 torrent: using its v1 part");
    if (pieces->size() % 20 != 0)
        return fail(error, QStringLiteral("'pieces' is %1 bytes, not a multiple of 20").arg(pieces->size()));

    const Integer *pieceLength = infoDict.findInteger("piece length");
    if (!pieceLength)
        return fail(error, QStringLiteral("info has no 'piece length'"));
    if (*pieceLength <= 0 || *pieceLength > limits.maxPieceLength)
        return fail(error, QStringLiteral("'piece length' %1 is out of range (1 to %2 bytes)")
                               .arg(*pieceLength)
                               .arg(limits.maxPieceLength));

    const Value *nameValue = findPreferUtf8(infoDict, "name");
    if (!nameValue || !nameValue->isString())
        return fail(error, QStringLiteral("info has no 'name'"));
    bool nameChanged = false;
    info.name = sanitizeComponent(nameValue->string(), &nameChanged);
    if (info.name.isEmpty()) {
        info.name = info.infoHash.toHex();
        info.warnings << QStringLiteral("the torrent's name is empty or unusable; using its info-hash");
    } else if (nameChanged) {
        info.warnings << QStringLiteral("the torrent's name was changed to be safe on disk");
    }

    info.pieceLength = *pieceLength;
    info.pieceHashes = *pieces;
    if (!readFiles(infoDict, info, error, limits))
        return std::nullopt;
    if (info.totalSize == 0)
        return fail(error, QStringLiteral("the torrent holds no data (total size 0)"));

    const qint64 needed = (info.totalSize + info.pieceLength - 1) / info.pieceLength;
    if (needed != info.pieceCount())
        return fail(error, QStringLiteral("'pieces' has %1 hashes but %2 bytes in pieces of %3 bytes need %4")
                               .arg(info.pieceCount())
                               .arg(info.totalSize)
                               .arg(info.pieceLength)
                               .arg(needed));

    if (const Integer *priv = infoDict.findInteger("private"))
        info.isPrivate = *priv == 1;
    return info;
}

} // namespace

QString ParseError::toString() const
{
    return offset >= 0 ? QStringLiteral("%1 (at byte %2)").arg(message).arg(offset) : message;
}

qint64 TorrentInfo::pieceSize(int piece) const
{
    if (piece < 0 || piece >= pieceCount())
        return 0;
    if (piece < pieceCount() - 1)
        return pieceLength;
    return totalSize - pieceLength * (pieceCount() - 1);
}

QStringList TorrentInfo::trackers() const
{
    QStringList all;
    for (const QStringList &tier : trackerTiers)
        for (const QString &url : tier)
            if (!all.contains(url))
                all << url;
    return all;
}

std::optional<TorrentInfo> parseInfoDictionary(const QByteArray &infoBytes, ParseError *error,
                                               const ParseLimits &limits)
{
    bencode::Limits bl;
    bl.maxInputSize = limits.maxTorrentSize;
    bencode::DecodeError de;
    auto value = bencode::decode(infoBytes, &de, bl);
    if (!value)
        return fail(error, QStringLiteral("not valid bencode: ") + de.message, de.offset);
    return parseInfo(*value, infoBytes, error, limits);
}

std::optional<TorrentInfo> parseTorrent(const QByteArray &data, ParseError *error, const ParseLimits &limits)
{
    if (data.isEmpty())
        return fail(error, QStringLiteral("the file is empty"));
    bencode::Limits bl;
    bl.maxInputSize = limits.maxTorrentSize;
    bencode::DecodeError de;
    bencode::DecodeInfo di;
    auto root = bencode::decode(data, &de, bl, &di);
    if (!root)
        return fail(error, QStringLiteral("not valid bencode: ") + de.message, de.offset);
    if (!root->isDict())
        return fail(error, QStringLiteral("not a torrent: the top level is not a dictionary"));
    const Value *infoValue = root->find("info");
    if (!infoValue)
        return fail(error, QStringLiteral("not a torrent: no 'info' dictionary"));
    const SourceSpan span = infoValue->source();
    auto info = parseInfo(*infoValue, data.mid(span.begin, span.size()), error, limits);
    if (!info)
        return std::nullopt;
    if (di.unsortedKeys)
        info->warnings << QStringLiteral("some dictionary keys are not in sorted order");

    readTrackers(*root, *info, limits);
    readWebSeeds(*root, *info);
    if (const Integer *date = root->findInteger("creation date"); date && *date > 0 && *date < (Integer(1) << 40))
        info->creationDate = QDateTime::fromSecsSinceEpoch(*date, QTimeZone::utc());
    info->comment = textOf(*root, "comment");
    info->createdBy = textOf(*root, "created by");
    return info;
}

std::optional<TorrentInfo> loadTorrentFile(const QString &path, ParseError *error, const ParseLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot open the file: %1").arg(file.errorString()));
    if (file.size() > limits.maxTorrentSize)
        return fail(error, QStringLiteral("the file is %1 bytes, larger than the limit of %2 bytes for a .torrent")
                               .arg(file.size())
                               .arg(limits.maxTorrentSize));
    const QByteArray data = file.read(limits.maxTorrentSize + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(error, QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    return parseTorrent(data, error, limits);
}

QByteArray encodeTorrentFile(const TorrentInfo &info)
{
    bencode::Dict root;
    const QStringList all = info.trackers();
    if (!all.isEmpty())
        root["announce"] = Value(all.first().toUtf8());
    if (all.size() > 1) {
        bencode::List tiers;
        for (const QStringList &tier : info.trackerTiers) {
            bencode::List urls;
            for (const QString &url : tier)
                urls.emplace_back(url.toUtf8());
            tiers.emplace_back(std::move(urls));
        }
        root["announce-list"] = Value(std::move(tiers));
    }
    if (!info.comment.isEmpty())
        root["comment"] = Value(info.comment.toUtf8());
    if (!info.createdBy.isEmpty())
        root["created by"] = Value(info.createdBy.toUtf8());
    if (info.creationDate)
        root["creation date"] = Value(Integer(info.creationDate->toSecsSinceEpoch()));
    if (!info.webSeeds.isEmpty()) {
        bencode::List seeds;
        for (const QString &url : info.webSeeds)
            seeds.emplace_back(url.toUtf8());
        root["url-list"] = Value(std::move(seeds));
    }
    root["info"] = Value(); // placeholder: the original bytes are written in its place

    QByteArray out("d");
    for (const auto &[key, value] : root) {
        out += QByteArray::number(key.size()) + ':' + key;
        if (key == "info")
            out += info.infoBytes;
        else
            bencode::encodeTo(value, out);
    }
    out += 'e';
    return out;
}

} // namespace swarmscope::metainfo
