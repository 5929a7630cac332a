// Magnet links (BEP 9 URI form): magnet:?xt=urn:btih:<hash>&dn=...&tr=...&x.pe=...&xl=...&ws=...
#pragma once

#include "metainfo/infohash.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::metainfo {

struct TorrentInfo;

struct MagnetLink {
    InfoHash infoHash;
    QString displayName;          // dn
    QStringList trackers;         // every tr, in order, duplicates removed
    QStringList webSeeds;         // ws
    QStringList peers;            // x.pe, as "host:port" (IPv6 as "[addr]:port")
    std::optional<qint64> exactLength; // xl

    // The canonical URI: xt with lower-case hex, then dn, xl, tr, ws, x.pe, percent-encoded.
    // Parsing the result gives back an equal MagnetLink, for any link that parseMagnet produced.
    // The canonical form can be longer than the input (every reserved character is escaped).
    QString toString() const;

    friend bool operator==(const MagnetLink &, const MagnetLink &) = default;
};

struct MagnetLimits {
    qsizetype maxLength = 64 * 1024; // characters in the whole URI
    int maxTrackers = 200;
    int maxPeers = 200;
    int maxWebSeeds = 200;
};

// Parses a magnet URI. Accepts 40-hex and 32-base32 btih hashes, percent-decoding everywhere,
// '+' as a space in dn, and ignores parameters it does not know. A link without a v1 btih
// (for example btmh only), a repeated btih that disagrees, bad percent escapes, a malformed
// x.pe or xl all give an error naming the problem.
// A tr that is not an http, https or udp URL with a host, or a ws that is not an http or https
// URL with a host, is skipped without an error: one odd tracker should not cost the whole link.
// Parameters may be numbered (xt.1, tr.2, ...) as BEP 9 allows; all numbers describe one torrent.
std::optional<MagnetLink> parseMagnet(const QString &uri, QString *error = nullptr,
                                      const MagnetLimits &limits = {});

// True when the text looks like a magnet link (case-insensitive "magnet:?" prefix).
// Both this and parseMagnet ignore surrounding whitespace, as pasted links often carry some.
bool isMagnetUri(QStringView text);

// The magnet link for a torrent: info-hash, name, total size, every tracker and web seed.
MagnetLink magnetFor(const TorrentInfo &info);

} // namespace swarmscope::metainfo
