// Parser for the bencoded announce response (BEP 3, BEP 23 compact peers, BEP 7 peers6,
// BEP 24 external ip). Pure code for hostile input: the size is capped before decoding, the
// number of peers taken is capped, and peers with port 0 or an unusable address are dropped.
#pragma once

#include "tracker/trackerpeer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace swarmscope::tracker {

struct ResponseLimits {
    qsizetype maxSize = 1024 * 1024; // bytes of body
    int maxPeers = 500;              // peers kept over all forms; the rest are ignored
};

struct AnnounceResponse {
    QString failureReason;              // non-empty: the tracker refused; other fields may be absent
    QString warningMessage;
    std::optional<qint64> interval;     // seconds, as sent (callers clamp)
    std::optional<qint64> minInterval;  // seconds
    QByteArray trackerId;               // to send back as `trackerid`
    std::optional<qint64> complete;     // seeders
    std::optional<qint64> incomplete;   // leechers
    std::optional<qint64> downloaded;   // completed downloads, when the tracker says
    QList<TrackerPeer> peers;           // IPv4 and IPv6 together, duplicates removed
    int droppedPeers = 0;               // entries skipped: port 0, bad address, over the cap
    QHostAddress externalIp;            // BEP 24, null when absent

    bool failed() const { return !failureReason.isEmpty(); }
};

// Parses a response body. Returns nullopt with `error` set when the body is not a bencoded
// dictionary, is too large, or a known key has the wrong type or a malformed value (a compact
// string whose length is not a multiple of 6 or 18, a negative interval).
std::optional<AnnounceResponse> parseAnnounceResponse(const QByteArray &body, QString *error = nullptr,
                                                      const ResponseLimits &limits = {});

} // namespace swarmscope::tracker
