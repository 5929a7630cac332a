// Percent-encoding of raw bytes for tracker URLs, and the matching query-string parser that the
// embedded tracker uses on requests. Tracker parameters such as info_hash are binary, so both
// sides work on bytes, never on text.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace swarmscope::tracker {

// Every byte outside RFC 3986's unreserved set [A-Za-z0-9-._~] becomes %XX (upper-case hex).
QByteArray percentEncode(const QByteArray &bytes);

// Decodes %XX sequences (either case). '+' stays a literal '+': BitTorrent clients escape every
// binary byte, and treating '+' as a space would corrupt hashes sent by sloppy encoders.
// Returns nullopt on a truncated or non-hex escape.
std::optional<QByteArray> percentDecode(const QByteArray &encoded);

using QueryItems = QList<QPair<QByteArray, QByteArray>>; // decoded key/value pairs, in order

struct QueryLimits {
    int maxItems = 256; // a scrape can carry many info_hash values
};

// Parses "a=1&b=%20x&flag" (no leading '?'). Empty segments are skipped; a key without '='
// gets an empty value. Returns nullopt with `error` set on a bad escape or too many items.
std::optional<QueryItems> parseQuery(const QByteArray &query, QString *error = nullptr,
                                     const QueryLimits &limits = {});

// The first value for `key`, or nullopt.
std::optional<QByteArray> queryValue(const QueryItems &items, const QByteArray &key);

} // namespace swarmscope::tracker
