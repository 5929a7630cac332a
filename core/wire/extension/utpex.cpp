#include "wire/extension/utpex.h"

#include "bencode/reader.h"
#include "bencode/writer.h"

#include <algorithm>

namespace swarmscope::wire::ext {

using bencode::Dict;
using bencode::Value;

QByteArray encodePexMessage(const PexMessage &message)
{
    QByteArray added4, flags4, added6, flags6, dropped4, dropped6;
    for (const PexPeer &p : message.added) {
        const QByteArray c = compactEndpoint(p.endpoint);
        if (c.size() == kCompactV4Size) {
            added4 += c;
            flags4 += static_cast<char>(p.flags);
        } else if (c.size() == kCompactV6Size) {
            added6 += c;
            flags6 += static_cast<char>(p.flags);
        }
    }
    for (const Endpoint &e : message.dropped) {
        const QByteArray c = compactEndpoint(e);
        (c.size() == kCompactV4Size ? dropped4 : dropped6) += c;
    }
    Dict d;
    d["added"] = Value(added4);
    d["added.f"] = Value(flags4);
    d["dropped"] = Value(dropped4);
    if (!added6.isEmpty()) {
        d["added6"] = Value(added6);
        d["added6.f"] = Value(flags6);
    }
    if (!dropped6.isEmpty())
        d["dropped6"] = Value(dropped6);
    return bencode::encode(Value(std::move(d)));
}

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = QStringLiteral("ut_pex: %1").arg(message);
    return false;
}

// The byte string under `key`, empty when absent; false when present with another type.
bool readString(const Value &root, const char *key, QByteArray &out, QString *error)
{
    const Value *v = root.find(key);
    if (!v)
        return true;
    if (!v->isString())
        return fail(error, QStringLiteral("\"%1\" is not a byte string").arg(QLatin1String(key)));
    out = v->string();
    return true;
}

bool readList(const Value &root, const char *key, qsizetype entrySize, QList<Endpoint> &out, QString *error)
{
    QByteArray bytes;
    if (!readString(root, key, bytes, error))
        return false;
    QString why;
    auto parsed = parseCompactEndpoints(bytes, entrySize, &why);
    if (!parsed)
        return fail(error, QStringLiteral("\"%1\": %2").arg(QLatin1String(key), why));
    out = std::move(*parsed);
    return true;
}

bool readAdded(const Value &root, const char *key, const char *flagsKey, qsizetype entrySize,
               QList<PexPeer> &out, QString *error)
{
    QList<Endpoint> endpoints;
    QByteArray flags;
    if (!readList(root, key, entrySize, endpoints, error) || !readString(root, flagsKey, flags, error))
        return false;
    const bool hasFlags = root.find(flagsKey) != nullptr;
    if (hasFlags && flags.size() != endpoints.size())
        return fail(error, QStringLiteral("\"%1\" has %2 flags for %3 peers")
                               .arg(QLatin1String(flagsKey))
                               .arg(flags.size())
                               .arg(endpoints.size()));
    for (qsizetype i = 0; i < endpoints.size(); ++i)
        out.append({endpoints[i], hasFlags ? static_cast<quint8>(flags[i]) : quint8(0)});
    return true;
}

} // namespace

std::optional<PexMessage> decodePexMessage(const QByteArray &payload, QString *error)
{
    bencode::Limits limits;
    limits.maxInputSize = 1024 * 1024;
    limits.maxItems = 1024;
    limits.maxDepth = 8;
    bencode::DecodeError decodeError;
    const std::optional<Value> root = bencode::decode(payload, &decodeError, limits);
    if (!root) {
        fail(error, QStringLiteral("not bencode: %1").arg(decodeError.toString()));
        return std::nullopt;
    }
    if (!root->isDict()) {
        fail(error, QStringLiteral("not a dictionary"));
        return std::nullopt;
    }
    // Count before parsing, so a huge list is refused without building it.
    qsizetype entries = 0;
    for (const auto &[key, size] : {std::pair{"added", kCompactV4Size}, std::pair{"dropped", kCompactV4Size},
                                    std::pair{"added6", kCompactV6Size}, std::pair{"dropped6", kCompactV6Size}}) {
        if (const QByteArray *s = root->findString(key))
            entries += s->size() / size;
    }
    if (entries > kMaxPexEntries) {
        fail(error, QStringLiteral("%1 peers in one message, more than %2").arg(entries).arg(kMaxPexEntries));
        return std::nullopt;
    }
    PexMessage m;
    QList<Endpoint> dropped6;
    if (!readAdded(*root, "added", "added.f", kCompactV4Size, m.added, error)
        || !readAdded(*root, "added6", "added6.f", kCompactV6Size, m.added, error)
        || !readList(*root, "dropped", kCompactV4Size, m.dropped, error)
        || !readList(*root, "dropped6", kCompactV6Size, dropped6, error))
        return std::nullopt;
    m.dropped += dropped6;
    // IPv4-mapped entries of the IPv6 lists came back as IPv4: list every IPv4 entry first, as
    // the encoder writes them, so decoding what we encode gives the same order.
    std::stable_partition(m.added.begin(), m.added.end(), [](const PexPeer &p) { return p.endpoint.isIPv4(); });
    std::stable_partition(m.dropped.begin(), m.dropped.end(), [](const Endpoint &e) { return e.isIPv4(); });
    return m;
}

} // namespace swarmscope::wire::ext
