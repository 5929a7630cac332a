#include "tracker/urlencoding.h"

namespace swarmscope::tracker {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '.' || c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray percentEncode(const QByteArray &bytes)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c)) {
            out.append(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[b >> 4]);
            out.append(hex[b & 0x0f]);
        }
    }
    return out;
}

std::optional<QByteArray> percentDecode(const QByteArray &encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c != '%') {
            out.append(c);
            continue;
        }
        if (i + 2 >= encoded.size())
            return std::nullopt;
        const int hi = hexValue(encoded[i + 1]);
        const int lo = hexValue(encoded[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out.append(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return out;
}

std::optional<QueryItems> parseQuery(const QByteArray &query, QString *error, const QueryLimits &limits)
{
    auto fail = [error](QString message) -> std::optional<QueryItems> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    QueryItems items;
    qsizetype pos = 0;
    while (pos <= query.size()) {
        qsizetype end = query.indexOf('&', pos);
        if (end < 0)
            end = query.size();
        const QByteArray segment = query.mid(pos, end - pos);
        pos = end + 1;
        if (segment.isEmpty())
            continue;
        if (items.size() >= limits.maxItems)
            return fail(QStringLiteral("more than %1 query parameters").arg(limits.maxItems));
        const qsizetype eq = segment.indexOf('=');
        const auto key = percentDecode(eq < 0 ? segment : segment.left(eq));
        const auto value = percentDecode(eq < 0 ? QByteArray() : segment.mid(eq + 1));
        if (!key || !value)
            return fail(QStringLiteral("bad percent-escape in query parameter %1").arg(items.size() + 1));
        items.append({*key, *value});
    }
    return items;
}

std::optional<QByteArray> queryValue(const QueryItems &items, const QByteArray &key)
{
    for (const auto &item : items) {
        if (item.first == key)
            return item.second;
    }
    return std::nullopt;
}

} // namespace swarmscope::tracker
