// Scrape (the BEP 48 convention): URL derivation from the announce URL, the request URL,
// the response parser for the client and the query parser for the embedded tracker. Pure code.
#pragma once

#include "metainfo/infohash.h"
#include "tracker/urlencoding.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace swarmscope::tracker {

// ".../announce[suffix][?query]" -> ".../scrape[suffix][?query]" when the last path component
// starts with "announce"; nullopt otherwise (the tracker does not support scrape).
std::optional<QString> scrapeUrlFor(const QString &announceUrl);

// The scrape URL with one info_hash parameter per hash, percent-encoded byte by byte.
QByteArray buildScrapeUrl(const QString &scrapeUrl, const QList<metainfo::InfoHash> &hashes);

struct ScrapeStats {
    std::optional<qint64> complete;   // seeders
    std::optional<qint64> downloaded; // completed downloads ever
    std::optional<qint64> incomplete; // leechers
    friend bool operator==(const ScrapeStats &, const ScrapeStats &) = default;
};

struct ScrapeResponse {
    QString failureReason;
    QHash<metainfo::InfoHash, ScrapeStats> files; // keyed by the raw 20-byte hash
    std::optional<qint64> minRequestInterval;     // flags/min_request_interval, seconds
};

struct ScrapeLimits {
    qsizetype maxSize = 1024 * 1024; // bytes of body
    int maxFiles = 10'000;           // entries kept
};

// Parses a scrape response. Keys of "files" that are not 20 bytes, and entries that are not
// dictionaries, are skipped; counts that are present but negative or not integers are errors.
std::optional<ScrapeResponse> parseScrapeResponse(const QByteArray &body, QString *error = nullptr,
                                                  const ScrapeLimits &limits = {});

// The embedded tracker's side: every info_hash parameter, each of which must be 20 bytes.
// An empty list means a full scrape was asked for.
std::optional<QList<metainfo::InfoHash>> parseScrapeQuery(const QueryItems &items, QString *error = nullptr);

} // namespace swarmscope::tracker
