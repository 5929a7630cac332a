// The HTTP announce request (BEP 3, BEP 23 compact, BEP 7 ip): built into a URL by the client,
// parsed back from a query string by the embedded tracker. Pure code.
#pragma once

#include "metainfo/infohash.h"
#include "tracker/urlencoding.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace swarmscope::tracker {

enum class AnnounceEvent { None, Started, Completed, Stopped };

// "started", "completed", "stopped"; empty for None (the parameter is then left out).
QByteArray eventName(AnnounceEvent event);
// Accepts the three names, and "" or "empty" (BEP 3's word for no event) as None.
std::optional<AnnounceEvent> eventFromName(const QByteArray &name);

struct AnnounceRequest {
    metainfo::InfoHash infoHash;
    QByteArray peerId;         // 20 bytes
    quint16 port = 0;          // our listen port
    qint64 uploaded = 0;       // bytes since the `started` event
    qint64 downloaded = 0;
    qint64 left = 0;           // bytes still missing; -1 when a parsed request did not say
    AnnounceEvent event = AnnounceEvent::None;
    bool compact = true;       // compact=1 (BEP 23); compact=0 asks for the dictionary form
    bool noPeerId = false;     // no_peer_id=1: the dictionary form may omit peer ids
    int numWant = -1;          // peers wanted; negative leaves it to the tracker
    QByteArray key;            // random per-session token proving identity across IP changes
    QByteArray ip;             // optional announced address (textual); empty = none
    QByteArray trackerId;      // "tracker id" the tracker gave us earlier; empty = none

    friend bool operator==(const AnnounceRequest &, const AnnounceRequest &) = default;
};

// `announceUrl` plus the request's parameters, percent-encoded byte by byte, appended with '?'
// or '&' depending on whether the URL already has a query. A fragment is dropped (it would
// otherwise swallow the parameters). Order: info_hash, peer_id, port, uploaded, downloaded,
// left, compact, [no_peer_id], [numwant], [key], [event], [ip], [trackerid].
QByteArray buildAnnounceUrl(const QString &announceUrl, const AnnounceRequest &request);

// The embedded tracker's side: validates a decoded announce query. info_hash and peer_id must be
// 20 bytes and port in 1..65535; numbers must be plain non-negative decimals.
std::optional<AnnounceRequest> parseAnnounceQuery(const QueryItems &items, QString *error = nullptr);

// Appends the query parameters to `url` (the part before '#'), with '?' or '&' as needed.
QByteArray appendQuery(const QString &url, const QByteArray &query);

// A strict non-negative decimal (no sign, no spaces, fits in 63 bits).
std::optional<qint64> parseDecimal(const QByteArray &text);

} // namespace swarmscope::tracker
