#include "tracker/announcerequest.h"

#include <algorithm>
#include <limits>

namespace swarmscope::tracker {

QByteArray eventName(AnnounceEvent event)
{
    switch (event) {
    case AnnounceEvent::Started:
        return QByteArrayLiteral("started");
    case AnnounceEvent::Completed:
        return QByteArrayLiteral("completed");
    case AnnounceEvent::Stopped:
        return QByteArrayLiteral("stopped");
    case AnnounceEvent::None:
        break;
    }
    return {};
}

std::optional<AnnounceEvent> eventFromName(const QByteArray &name)
{
    if (name.isEmpty() || name == "empty")
        return AnnounceEvent::None;
    if (name == "started")
        return AnnounceEvent::Started;
    if (name == "completed")
        return AnnounceEvent::Completed;
    if (name == "stopped")
        return AnnounceEvent::Stopped;
    return std::nullopt;
}

std::optional<qint64> parseDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (n > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        n = n * 10 + digit;
    }
    return n;
}

QByteArray appendQuery(const QString &url, const QByteArray &query)
{
    QByteArray out = url.toUtf8();
    const qsizetype hash = out.indexOf('#');
    if (hash >= 0)
        out.truncate(hash);
    if (!out.contains('?'))
        out.append('?');
    else if (!out.endsWith('?') && !out.endsWith('&'))
        out.append('&');
    out.append(query);
    return out;
}

QByteArray buildAnnounceUrl(const QString &announceUrl, const AnnounceRequest &r)
{
    QByteArray q;
    q += "info_hash=" + percentEncode(r.infoHash.bytes());
    q += "&peer_id=" + percentEncode(r.peerId);
    q += "&port=" + QByteArray::number(r.port);
    q += "&uploaded=" + QByteArray::number(std::max<qint64>(r.uploaded, 0));
    q += "&downloaded=" + QByteArray::number(std::max<qint64>(r.downloaded, 0));
    q += "&left=" + QByteArray::number(std::max<qint64>(r.left, 0));
    q += r.compact ? "&compact=1" : "&compact=0";
    if (r.noPeerId)
        q += "&no_peer_id=1";
    if (r.numWant >= 0)
        q += "&numwant=" + QByteArray::number(r.numWant);
    if (!r.key.isEmpty())
        q += "&key=" + percentEncode(r.key);
    if (r.event != AnnounceEvent::None)
        q += "&event=" + eventName(r.event);
    if (!r.ip.isEmpty())
        q += "&ip=" + percentEncode(r.ip);
    if (!r.trackerId.isEmpty())
        q += "&trackerid=" + percentEncode(r.trackerId);
    return appendQuery(announceUrl, q);
}

std::optional<AnnounceRequest> parseAnnounceQuery(const QueryItems &items, QString *error)
{
    auto fail = [error](QString message) -> std::optional<AnnounceRequest> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    AnnounceRequest r;
    const auto hash = queryValue(items, "info_hash");
    if (!hash)
        return fail(QStringLiteral("missing info_hash"));
    if (hash->size() != metainfo::InfoHash::Size)
        return fail(QStringLiteral("info_hash is %1 bytes, expected 20").arg(hash->size()));
    r.infoHash = metainfo::InfoHash::fromBytes(*hash);

    const auto peerId = queryValue(items, "peer_id");
    if (!peerId)
        return fail(QStringLiteral("missing peer_id"));
    if (peerId->size() != 20)
        return fail(QStringLiteral("peer_id is %1 bytes, expected 20").arg(peerId->size()));
    r.peerId = *peerId;

    const auto port = queryValue(items, "port");
    if (!port)
        return fail(QStringLiteral("missing port"));
    const auto portNumber = parseDecimal(*port);
    if (!portNumber || *portNumber < 1 || *portNumber > 65535)
        return fail(QStringLiteral("invalid port"));
    r.port = static_cast<quint16>(*portNumber);

    // Byte counters are optional (some clients leave them out) but must be numbers when present.
    struct Counter {
        const char *name;
        qint64 *target;
        qint64 absent;
    };
    const Counter counters[] = {{"uploaded", &r.uploaded, 0},
                                {"downloaded", &r.downloaded, 0},
                                {"left", &r.left, -1}};
    for (const Counter &c : counters) {
        const auto text = queryValue(items, c.name);
        if (!text) {
            *c.target = c.absent;
            continue;
        }
        const auto n = parseDecimal(*text);
        if (!n)
            return fail(QStringLiteral("invalid %1").arg(QLatin1String(c.name)));
        *c.target = *n;
    }

    const auto event = eventFromName(queryValue(items, "event").value_or(QByteArray()));
    if (!event)
        return fail(QStringLiteral("unknown event"));
    r.event = *event;

    r.compact = queryValue(items, "compact").value_or("1") != "0";
    r.noPeerId = queryValue(items, "no_peer_id").value_or("0") == "1";
    // numwant=-1 and garbage both mean "tracker's choice"; only a plain number is honoured.
    if (const auto numWant = queryValue(items, "numwant")) {
        const auto n = parseDecimal(*numWant);
        r.numWant = n ? static_cast<int>(std::min<qint64>(*n, 1 << 20)) : -1;
    }
    r.key = queryValue(items, "key").value_or(QByteArray());
    r.ip = queryValue(items, "ip").value_or(QByteArray());
    r.trackerId = queryValue(items, "trackerid").value_or(QByteArray());
    return r;
}

} // namespace swarmscope::tracker
