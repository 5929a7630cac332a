// The demo swarm's payload: a few files of deterministic pseudo-random bytes and the private
// .torrent made of them. Created once in the demo's work folder and reused on later runs after
// every piece has been verified against the cached torrent, so a damaged or half-written
// payload (a crash during the first run) is regenerated instead of served.
//
// Plain functions meant for a worker thread: they block on disk I/O and hashing and poll a
// cancel flag between chunks.
#pragma once

#include "metainfo/torrentinfo.h"

#include <QList>
#include <QString>

#include <atomic>
#include <optional>

namespace swarmscope::demo {

struct PayloadSpec {
    QString folder;          // gets the torrent's root folder and the cached demo.torrent
    qint64 totalSize = 0;    // bytes of the data files (a short README comes on top)
    qint64 pieceSize = 0;    // a valid piece size (power of two, >= 16 KiB)
};

struct PayloadFile {
    QString path; // relative to PayloadSpec::folder, starting with the root folder's name
    qint64 size = 0;
};

// The root folder's name inside PayloadSpec::folder (also the torrent's name).
QString payloadRootName();

// The files for `totalSize`: a README and four data files whose sizes are not multiples of the
// piece size, so pieces span files as in real torrents.
QList<PayloadFile> payloadLayout(qint64 totalSize);

// The README's bytes (deterministic: part of the torrent).
QByteArray payloadReadme();

// `size` bytes from a fixed generator seeded with `seed`: the same file on every machine.
bool writeDeterministicFile(const QString &path, qint64 size, quint64 seed, const std::atomic<bool> &cancel);

// Every piece of `info` read from `folder` hashes right (false on a missing or short file).
bool verifyPayload(const metainfo::TorrentInfo &info, const QString &folder, const std::atomic<bool> &cancel);

struct PreparedPayload {
    metainfo::TorrentInfo info; // private (BEP 27), no trackers: the caller adds the announce URL
    bool generated = false;     // false: an earlier run's files were verified and reused
};

// Reuses a verified payload in spec.folder or writes a new one and its torrent.
std::optional<PreparedPayload> preparePayload(const PayloadSpec &spec, const std::atomic<bool> &cancel,
                                              QString *error);

} // namespace swarmscope::demo
