#include "tracker/scrape.h"

#include "bencode/reader.h"
#include "tracker/announcerequest.h"

namespace swarmscope::tracker {

std::optional<QString> scrapeUrlFor(const QString &announceUrl)
{
    const qsizetype schemeEnd = announceUrl.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return std::nullopt;
    qsizetype pathEnd = announceUrl.size();
    for (const QChar c : {QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = announceUrl.indexOf(c, schemeEnd + 3);
        if (i >= 0)
            pathEnd = std::min(pathEnd, i);
    }
    const qsizetype pathStart = announceUrl.indexOf(QLatin1Char('/'), schemeEnd + 3);
    if (pathStart < 0 || pathStart >= pathEnd)
        return std::nullopt; // no path at all, so no "announce" component
    const qsizetype lastSlash = announceUrl.lastIndexOf(QLatin1Char('/'), pathEnd - 1);
    const QLatin1String announce("announce");
    if (QStringView(announceUrl).mid(lastSlash + 1, pathEnd - lastSlash - 1).startsWith(announce) == false)
        return std::nullopt;
    QString out = announceUrl;
    out.replace(lastSlash + 1, announce.size(), QStringLiteral("scrape"));
    return out;
}

QByteArray buildScrapeUrl(const QString &scrapeUrl, const QList<metainfo::InfoHash> &hashes)
{
    QByteArray q;
    for (const auto &h : hashes) {
        if (!q.isEmpty())
            q.append('&');
        q += "info_hash=" + percentEncode(h.bytes());
    }
    return appendQuery(scrapeUrl, q);
}

std::optional<ScrapeResponse> parseScrapeResponse(const QByteArray &body, QString *error,
                                                  const ScrapeLimits &limits)
{
    auto fail = [error](QString text) -> std::optional<ScrapeResponse> {
        if (error)
            *error = std::move(text);
        return std::nullopt;
    };
    if (body.size() > limits.maxSize)
        return fail(QStringLiteral("response of %1 bytes is larger than the limit of %2")
                        .arg(body.size())
                        .arg(limits.maxSize));
    bencode::Limits bl;
    bl.maxInputSize = limits.maxSize;
    bl.maxDepth = 8;
    bencode::DecodeError decodeError;
    const auto root = bencode::decode(body.trimmed(), &decodeError, bl);
    if (!root)
        return fail(QStringLiteral("not bencoded: %1").arg(decodeError.toString()));
    if (!root->isDict())
        return fail(QStringLiteral("response is not a dictionary"));

    ScrapeResponse r;
    if (const bencode::Value *reason = root->find("failure reason")) {
        if (!reason->isString() || reason->string().isEmpty())
            return fail(QStringLiteral("'failure reason' is not a non-empty string"));
        r.failureReason = QString::fromUtf8(reason->string()).left(2048);
        return r;
    }
    if (const bencode::Value *flags = root->findDict("flags")) {
        if (const bencode::Integer *mri = flags->findInteger("min_request_interval"); mri && *mri >= 0)
            r.minRequestInterval = *mri;
    }
    const bencode::Value *files = root->find("files");
    if (!files)
        return r; // a tracker with nothing to say about these torrents
    if (!files->isDict())
        return fail(QStringLiteral("'files' is not a dictionary"));
    for (const auto &[key, entry] : files->dict()) {
        if (r.files.size() >= limits.maxFiles)
            break;
        if (key.size() != metainfo::InfoHash::Size || !entry.isDict())
            continue;
        ScrapeStats stats;
        struct Field {
            const char *name;
            std::optional<qint64> *target;
        };
        for (const Field &f : {Field{"complete", &stats.complete}, Field{"downloaded", &stats.downloaded},
                               Field{"incomplete", &stats.incomplete}}) {
            const bencode::Value *v = entry.find(f.name);
            if (!v)
                continue;
            if (!v->isInteger() || v->integer() < 0)
                return fail(QStringLiteral("'%1' of a file is not a non-negative integer").arg(QLatin1String(f.name)));
            *f.target = v->integer();
        }
        r.files.insert(metainfo::InfoHash::fromBytes(key), stats);
    }
    return r;
}

std::optional<QList<metainfo::InfoHash>> parseScrapeQuery(const QueryItems &items, QString *error)
{
    QList<metainfo::InfoHash> hashes;
    for (const auto &[key, value] : items) {
        if (key != "info_hash")
            continue;
        if (value.size() != metainfo::InfoHash::Size) {
            if (error)
                *error = QStringLiteral("info_hash is %1 bytes, expected 20").arg(value.size());
            return std::nullopt;
        }
        const auto h = metainfo::InfoHash::fromBytes(value);
        if (!hashes.contains(h))
            hashes.append(h);
    }
    return hashes;
}

} // namespace swarmscope::tracker
