// Creates v1 .torrent files from a file or a folder.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QList>

#include <functional>
#include <optional>

namespace swarmscope::metainfo {

struct CreateOptions {
    QString sourcePath;              // a regular file or a folder
    qint64 pieceSize = 0;            // bytes; 0 picks one from the total size
    QList<QStringList> trackerTiers; // each inner list is one BEP 12 tier
    QStringList webSeeds;            // BEP 19 url-list
    bool isPrivate = false;
    QString comment;
    QString createdBy;               // empty: "Swarmscope <version>"
    bool includeCreationDate = true;
    QString name;                    // empty: the file or folder name
    // Called as pieces are hashed; return false to cancel.
    std::function<bool(qint64 bytesDone, qint64 bytesTotal)> progress;
};

// Piece sizes accepted by createTorrent: a power of two in [kMinPieceSize, kMaxPieceSize].
constexpr qint64 kMinPieceSize = 16 * 1024;
constexpr qint64 kMaxPieceSize = 512LL * 1024 * 1024;
bool isValidPieceSize(qint64 pieceSize);

// Why creation failed, so a caller can tell the user's mistake from a failing disk.
struct CreateError {
    enum class Kind {
        BadInput,  // missing or empty source, bad piece size or name, total size 0
        Io,        // a file could not be read or changed while it was hashed
        Cancelled, // the progress callback returned false
    };
    Kind kind = Kind::BadInput;
    QString message;
};

// The piece size chosen when none is given: a power of two from 16 KiB to 16 MiB aiming at
// roughly 1000 to 2000 pieces, as mktorrent, libtorrent and qBittorrent do.
// The rule: the smallest power of two that gives at most 2000 pieces (hence more than 1000),
// clamped to [16 KiB, 16 MiB]; so under 31.25 MiB -> 16 KiB and over 31.25 GiB -> 16 MiB.
qint64 autoPieceSize(qint64 totalSize);

// Returns the bencoded .torrent, or nullopt with `error` set (empty folder, unreadable file,
// bad piece size, file changed while hashing, cancelled).
std::optional<QByteArray> createTorrent(const CreateOptions &options, QString *error = nullptr);
// The same, also reporting what kind of failure it was.
std::optional<QByteArray> createTorrent(const CreateOptions &options, CreateError &error);

} // namespace swarmscope::metainfo
