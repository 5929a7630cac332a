#include "metainfo/torrentcreator.h"

#include "bencode/value.h"
#include "bencode/writer.h"
#include "crypto/sha1.h"
#include "version.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

namespace swarmscope::metainfo {

namespace {

// Read size while hashing: large enough that per-call overhead vanishes, small enough that a
// 512 MiB piece never needs a piece-sized buffer (the hasher streams across reads).
constexpr qint64 kReadChunk = 4 * 1024 * 1024;
constexpr qint64 kAutoMaxPieceSize = 16 * 1024 * 1024;
constexpr qint64 kAutoTargetPieces = 2000;

struct SourceFile {
    QString absolutePath;
    QList<QByteArray> components; // path below the source folder, UTF-8; empty for a single file
    qint64 size = 0;
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

class Failure {
public:
    explicit Failure(CreateError &error) : m_error(error) {}
    std::nullopt_t operator()(CreateError::Kind kind, const QString &message) const
    {
        m_error.kind = kind;
        m_error.message = message;
        return std::nullopt;
    }

private:
    CreateError &m_error;
};

// Where a listing does hand over an undecodable name (invalid bytes turned into U+FFFD), the
// name no longer leads back to the file and cannot be stored faithfully, so it is refused.
bool nameRoundTrips(const QFileInfo &entry)
{
    if (!entry.fileName().contains(QChar::ReplacementCharacter))
        return true;
    QFileInfo fresh(entry.absoluteFilePath()); // not the listing's cached native path
    return fresh.exists() || fresh.isSymbolicLink();
}

#ifdef Q_OS_UNIX
// Qt 6 on Unix silently leaves out directory entries whose names are not valid UTF-8. A torrent
// quietly missing files would be worse than a refusal, so look at the raw names with readdir.
std::optional<QByteArray> firstUndecodableName(const QString &dir)
{
    DIR *d = ::opendir(QFile::encodeName(dir).constData());
    if (!d)
        return std::nullopt; // QDir reports unreadable folders
    std::optional<QByteArray> bad;
    while (const dirent *e = ::readdir(d)) {
        if (e->d_type != DT_REG && e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
            continue; // links and special files are skipped anyway
        const QByteArray name(e->d_name);
        if (QString::fromUtf8(name).toUtf8() != name) { // invalid bytes became U+FFFD
            bad = name;
            break;
        }
    }
    ::closedir(d);
    return bad;
}
#endif

// Walks `dir` recursively, collecting regular files. Symbolic links (to files or folders),
// Windows junctions and special files (FIFOs, sockets, devices) are skipped: following links
// could leave the folder or loop, and special files have no stable content.
bool collectFolder(const QString &dir, const QList<QByteArray> &prefix, QList<SourceFile> &files,
                   const Failure &fail)
{
    QDir d(dir);
    if (!d.isReadable()) {
        fail(CreateError::Kind::Io, QStringLiteral("cannot read folder %1").arg(native(dir)));
        return false;
    }
#ifdef Q_OS_UNIX
    if (const std::optional<QByteArray> bad = firstUndecodableName(dir)) {
        fail(CreateError::Kind::BadInput,
             QStringLiteral("file name is not valid UTF-8: %1")
                 .arg(native(dir + u'/' + QString::fromUtf8(*bad))));
        return false;
    }
#endif
    const QFileInfoList entries = d.entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
    for (const QFileInfo &entry : entries) {
        if (entry.isSymbolicLink() || entry.isJunction())
            continue;
        if (!nameRoundTrips(entry)) {
            fail(CreateError::Kind::BadInput,
                 QStringLiteral("file name is not valid UTF-8: %1").arg(native(entry.filePath())));
            return false;
        }
        QList<QByteArray> components = prefix;
        components.append(entry.fileName().toUtf8());
        if (entry.isDir()) {
            if (!collectFolder(entry.absoluteFilePath(), components, files, fail))
                return false;
        } else if (entry.isFile()) {
            files.append({entry.absoluteFilePath(), components, entry.size()});
        }
    }
    return true;
}

// Torrent order: by path components compared byte-wise, so "a/z" sorts before "a.b" and the
// same folder gives the same torrent on every file system and locale.
void sortByComponents(QList<SourceFile> &files)
{
    std::sort(files.begin(), files.end(), [](const SourceFile &a, const SourceFile &b) {
        return std::lexicographical_compare(a.components.begin(), a.components.end(),
                                            b.components.begin(), b.components.end());
    });
}

// Feeds bytes into SHA-1 and cuts a digest at every piece boundary, whatever file they came from.
class PieceHasher {
public:
    PieceHasher(qint64 pieceSize, qint64 total,
                const std::function<bool(qint64, qint64)> &progress)
        : m_pieceSize(pieceSize), m_total(total), m_progress(progress)
    {
        m_hashes.reserve(static_cast<qsizetype>((total + pieceSize - 1) / pieceSize) *
                         crypto::Sha1::DigestSize);
    }

    // Returns false when the progress callback asked to stop.
    bool add(const char *data, qint64 size)
    {
        while (size > 0) {
            const qint64 take = std::min(size, m_pieceSize - m_inPiece);
            m_sha1.add(data, static_cast<qsizetype>(take));
            data += take;
            size -= take;
            m_inPiece += take;
            m_done += take;
            if (m_inPiece == m_pieceSize || m_done == m_total) {
                if (!finishPiece())
                    return false;
            }
        }
        return true;
    }

    bool complete() const { return m_done == m_total && m_inPiece == 0; }
    const QByteArray &hashes() const { return m_hashes; }

private:
    bool finishPiece()
    {
        m_hashes += m_sha1.result();
        m_inPiece = 0;
        return !m_progress || m_progress(m_done, m_total);
    }

    crypto::Sha1 m_sha1;
    qint64 m_pieceSize;
    qint64 m_total;
    const std::function<bool(qint64, qint64)> &m_progress;
    qint64 m_inPiece = 0;
    qint64 m_done = 0;
    QByteArray m_hashes;
};

// Reads every file once, in order, through one reusable buffer.
std::optional<QByteArray> hashPieces(const QList<SourceFile> &files, qint64 pieceSize,
                                     qint64 total, const CreateOptions &options,
                                     const Failure &fail)
{
    PieceHasher hasher(pieceSize, total, options.progress);
    QByteArray buffer(static_cast<qsizetype>(kReadChunk), Qt::Uninitialized);
    for (const SourceFile &f : files) {
        if (f.size == 0)
            continue;
        QFile file(f.absolutePath);
        // Unbuffered: we read big chunks, QIODevice's own buffer would only add a copy.
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return fail(CreateError::Kind::Io, QStringLiteral("cannot read %1: %2")
                                                   .arg(native(f.absolutePath), file.errorString()));
        qint64 left = f.size;
        while (left > 0) {
            const qint64 got = file.read(buffer.data(), std::min(left, kReadChunk));
            if (got < 0)
                return fail(CreateError::Kind::Io,
                            QStringLiteral("cannot read %1: %2")
                                .arg(native(f.absolutePath), file.errorString()));
            if (got == 0)
                return fail(CreateError::Kind::Io,
                            QStringLiteral("%1 shrank while it was being hashed")
                                .arg(native(f.absolutePath)));
            left -= got;
            if (!hasher.add(buffer.constData(), got))
                return fail(CreateError::Kind::Cancelled, QStringLiteral("cancelled"));
        }
        char extra = 0;
        if (file.read(&extra, 1) > 0)
            return fail(CreateError::Kind::Io, QStringLiteral("%1 grew while it was being hashed")
                                                   .arg(native(f.absolutePath)));
    }
    Q_ASSERT(hasher.complete());
    return hasher.hashes();
}

bencode::Value utf8(const QString &s)
{
    return bencode::Value(s.toUtf8());
}

// Trackers without blanks: empty URLs and the tiers they leave empty are dropped.
QList<QStringList> cleanTiers(const QList<QStringList> &tiers)
{
    QList<QStringList> out;
    for (const QStringList &tier : tiers) {
        QStringList kept;
        for (const QString &url : tier) {
            const QString t = url.trimmed();
            if (!t.isEmpty() && !kept.contains(t))
                kept.append(t);
        }
        if (!kept.isEmpty())
            out.append(kept);
    }
    return out;
}

void addTrackers(bencode::Dict &torrent, const QList<QStringList> &tiers)
{
    if (tiers.isEmpty())
        return;
    torrent["announce"] = utf8(tiers.first().first());
    qsizetype count = 0;
    for (const QStringList &tier : tiers)
        count += tier.size();
    // BEP 12: announce-list only carries information when there is more than one tracker.
    if (count <= 1)
        return;
    bencode::List list;
    for (const QStringList &tier : tiers) {
        bencode::List urls;
        for (const QString &url : tier)
            urls.push_back(utf8(url));
        list.emplace_back(std::move(urls));
    }
    torrent.emplace("announce-list", std::move(list));
}

void addWebSeeds(bencode::Dict &torrent, const QStringList &seeds)
{
    QStringList kept;
    for (const QString &s : seeds) {
        if (!s.trimmed().isEmpty())
            kept.append(s.trimmed());
    }
    if (kept.size() == 1) {
        torrent["url-list"] = utf8(kept.first());
    } else if (kept.size() > 1) {
        bencode::List list;
        for (const QString &s : kept)
            list.push_back(utf8(s));
        torrent.emplace("url-list", std::move(list));
    }
}

bencode::Value buildInfo(const QList<SourceFile> &files, bool multiFile, const QString &name,
                         qint64 pieceSize, const QByteArray &pieces, bool isPrivate)
{
    bencode::Dict info;
    if (multiFile) {
        bencode::List list;
        for (const SourceFile &f : files) {
            bencode::List path;
            for (const QByteArray &c : f.components)
                path.emplace_back(c);
            bencode::Dict entry;
            entry["length"] = bencode::Value(bencode::Integer{f.size});
            entry.emplace("path", std::move(path));
            list.emplace_back(std::move(entry));
        }
        info.emplace("files", std::move(list));
    } else {
        info["length"] = bencode::Value(bencode::Integer{files.first().size});
    }
    info["name"] = utf8(name);
    info["piece length"] = bencode::Value(bencode::Integer{pieceSize});
    info["pieces"] = bencode::Value(pieces);
    if (isPrivate)
        info["private"] = bencode::Value(1);
    return bencode::Value(std::move(info));
}

// A torrent's name is one path component; an empty, "." or ".." name or one holding a '/'
// would make clients put the data somewhere unexpected.
bool isUsableName(const QString &name)
{
    return !name.isEmpty() && name != u"." && name != u".." && !name.contains(u'/') &&
           !name.contains(QChar::ReplacementCharacter);
}

} // namespace

bool isValidPieceSize(qint64 pieceSize)
{
    return pieceSize >= kMinPieceSize && pieceSize <= kMaxPieceSize &&
           (pieceSize & (pieceSize - 1)) == 0;
}

qint64 autoPieceSize(qint64 totalSize)
{
    // Smallest power of two giving at most kAutoTargetPieces pieces: halving it would give
    // more than 2000, so the count lands in (1000, 2000] unless clamped at either end.
    qint64 size = kMinPieceSize;
    while (size < kAutoMaxPieceSize && totalSize > size * kAutoTargetPieces)
        size *= 2;
    return size;
}

std::optional<QByteArray> createTorrent(const CreateOptions &options, CreateError &error)
{
    const Failure fail(error);
    if (options.sourcePath.isEmpty())
        return fail(CreateError::Kind::BadInput, QStringLiteral("no source path given"));
    if (options.pieceSize != 0 && !isValidPieceSize(options.pieceSize))
        return fail(CreateError::Kind::BadInput,
                    QStringLiteral("piece size %1 is not a power of two from 16 KiB to 512 MiB")
                        .arg(options.pieceSize));

    // cleanPath drops a trailing '/', so "folder/" is named "folder" like "folder".
    const QFileInfo source(QDir::cleanPath(QDir(options.sourcePath).absolutePath()));
    QList<SourceFile> files;
    bool multiFile = false;
    if (source.isDir()) {
        multiFile = true;
        if (!collectFolder(source.absoluteFilePath(), {}, files, fail))
            return std::nullopt;
        if (files.isEmpty())
            return fail(CreateError::Kind::BadInput,
                        QStringLiteral("%1 holds no files").arg(native(options.sourcePath)));
        sortByComponents(files);
    } else if (source.isFile()) {
        files.append({source.absoluteFilePath(), {}, source.size()});
    } else if (source.exists()) {
        return fail(CreateError::Kind::BadInput,
                    QStringLiteral("%1 is neither a regular file nor a folder")
                        .arg(native(options.sourcePath)));
    } else {
        return fail(CreateError::Kind::BadInput,
                    QStringLiteral("%1 does not exist").arg(native(options.sourcePath)));
    }

    const QString name = options.name.isEmpty() ? source.fileName() : options.name;
    if (!isUsableName(name))
        return fail(CreateError::Kind::BadInput,
                    QStringLiteral("'%1' cannot be used as the torrent's name").arg(name));

    qint64 total = 0;
    for (const SourceFile &f : files)
        total += f.size;
    if (total == 0)
        return fail(CreateError::Kind::BadInput,
                    QStringLiteral("%1 holds no data (total size 0)").arg(native(options.sourcePath)));

    const qint64 pieceSize = options.pieceSize != 0 ? options.pieceSize : autoPieceSize(total);
    const std::optional<QByteArray> pieces = hashPieces(files, pieceSize, total, options, fail);
    if (!pieces)
        return std::nullopt;

    bencode::Dict torrent;
    addTrackers(torrent, cleanTiers(options.trackerTiers));
    addWebSeeds(torrent, options.webSeeds);
    if (!options.comment.isEmpty())
        torrent["comment"] = utf8(options.comment);
    torrent["created by"] =
        utf8(options.createdBy.isEmpty() ? swarmscope::clientName() : options.createdBy);
    if (options.includeCreationDate)
        torrent["creation date"] =
            bencode::Value(bencode::Integer{QDateTime::currentSecsSinceEpoch()});
    torrent["info"] = buildInfo(files, multiFile, name, pieceSize, *pieces, options.isPrivate);
    return bencode::encode(bencode::Value(std::move(torrent)));
}

std::optional<QByteArray> createTorrent(const CreateOptions &options, QString *error)
{
    CreateError e;
    std::optional<QByteArray> result = createTorrent(options, e);
    if (!result && error)
        *error = e.message;
    return result;
}

} // namespace swarmscope::metainfo
