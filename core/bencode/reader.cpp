#include "bencode/reader.h"

#include <limits>

namespace swarmscope::bencode {

QString DecodeError::toString() const
{
    return QStringLiteral("%1 (at byte %2)").arg(message).arg(offset);
}

namespace {

class Reader {
public:
    Reader(const QByteArray &input, const Limits &limits, DecodeInfo &info)
        : m_data(input.constData()), m_size(input.size()), m_input(input), m_limits(limits),
          m_info(info)
    {
    }

    std::optional<Value> readValue(qsizetype &pos, int depth)
    {
        if (pos >= m_size)
            return fail(pos, QStringLiteral("unexpected end of input, a value was expected"));
        if (++m_info.items > m_limits.maxItems)
            return fail(pos, QStringLiteral("too many values (limit %1)").arg(m_limits.maxItems));
        const qsizetype begin = pos;
        const char c = m_data[pos];
        std::optional<Value> v;
        if (c == 'i') {
            v = readInteger(pos);
        } else if (c >= '0' && c <= '9') {
            auto s = readString(pos);
            if (s)
                v = Value(std::move(*s));
        } else if (c == 'l' || c == 'd') {
            if (depth >= m_limits.maxDepth)
                return fail(pos, QStringLiteral("nesting deeper than %1 levels").arg(m_limits.maxDepth));
            v = c == 'l' ? readList(pos, depth + 1) : readDict(pos, depth + 1);
        } else {
            return fail(pos, QStringLiteral("unexpected byte 0x%1, a value was expected")
                                 .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0')));
        }
        if (v)
            v->setSource({begin, pos});
        return v;
    }

    DecodeError error;

private:
    std::nullopt_t fail(qsizetype pos, QString message)
    {
        error = {pos, std::move(message)};
        return std::nullopt;
    }

    // Reads the digits of a non-negative decimal number ending at `terminator`.
    std::optional<Integer> readDigits(qsizetype &pos, char terminator, const char *what)
    {
        const qsizetype start = pos;
        Integer n = 0;
        while (pos < m_size && m_data[pos] >= '0' && m_data[pos] <= '9') {
            const int digit = m_data[pos] - '0';
            if (n > (std::numeric_limits<Integer>::max() - digit) / 10)
                return fail(start, QStringLiteral("%1 does not fit in 64 bits")
                                       .arg(QLatin1String(what)));
            n = n * 10 + digit;
            ++pos;
        }
        if (pos == start)
            return fail(pos, QStringLiteral("%1 has no digits").arg(QLatin1String(what)));
        if (pos - start > 1 && m_data[start] == '0')
            return fail(start, QStringLiteral("%1 has a leading zero").arg(QLatin1String(what)));
        if (pos >= m_size)
            return fail(pos, QStringLiteral("unexpected end of input in %1").arg(QLatin1String(what)));
        if (m_data[pos] != terminator)
            return fail(pos, QStringLiteral("%1 is followed by 0x%2 instead of '%3'")
                                 .arg(QLatin1String(what))
                                 .arg(static_cast<unsigned char>(m_data[pos]), 2, 16, QLatin1Char('0'))
                                 .arg(QLatin1Char(terminator)));
        ++pos;
        return n;
    }

    std::optional<Value> readInteger(qsizetype &pos)
    {
        const qsizetype start = pos;
        ++pos; // 'i'
        bool negative = false;
        if (pos < m_size && m_data[pos] == '-') {
            negative = true;
            ++pos;
        }
        const qsizetype digitsAt = pos;
        auto n = readDigits(pos, 'e', "integer");
        if (!n)
            return std::nullopt;
        if (negative && *n == 0)
            return fail(digitsAt - 1, QStringLiteral("integer is negative zero"));
        (void)start;
        return Value(negative ? -*n : *n);
    }

    std::optional<QByteArray> readString(qsizetype &pos)
    {
        const qsizetype start = pos;
        auto len = readDigits(pos, ':', "string length");
        if (!len)
            return std::nullopt;
        if (*len > m_size - pos)
            return fail(start, QStringLiteral("string of %1 bytes runs past the end of input "
                                              "(%2 bytes left)")
                                   .arg(*len)
                                   .arg(m_size - pos));
        QByteArray s = m_input.mid(pos, static_cast<qsizetype>(*len));
        pos += static_cast<qsizetype>(*len);
        return s;
    }

    std::optional<Value> readList(qsizetype &pos, int depth)
    {
        ++pos; // 'l'
        List list;
        while (true) {
            if (pos >= m_size)
                return fail(pos, QStringLiteral("unterminated list"));
            if (m_data[pos] == 'e') {
                ++pos;
                return Value(std::move(list));
            }
            auto v = readValue(pos, depth);
            if (!v)
                return std::nullopt;
            list.push_back(std::move(*v));
        }
    }

    std::optional<Value> readDict(qsizetype &pos, int depth)
    {
        ++pos; // 'd'
        Dict dict;
        const QByteArray *previous = nullptr;
        while (true) {
            if (pos >= m_size)
                return fail(pos, QStringLiteral("unterminated dictionary"));
            const char c = m_data[pos];
            if (c == 'e') {
                ++pos;
                return Value(std::move(dict));
            }
            if (c < '0' || c > '9')
                return fail(pos, QStringLiteral("dictionary key is not a string"));
            if (++m_info.items > m_limits.maxItems)
                return fail(pos, QStringLiteral("too many values (limit %1)").arg(m_limits.maxItems));
            const qsizetype keyAt = pos;
            auto key = readString(pos);
            if (!key)
                return std::nullopt;
            if (previous && !(*previous < *key)) {
                if (*previous == *key || dict.count(*key))
                    return fail(keyAt, QStringLiteral("duplicate dictionary key \"%1\"")
                                           .arg(QString::fromUtf8(key->left(64))));
                m_info.unsortedKeys = true;
            }
            if (pos >= m_size)
                return fail(pos, QStringLiteral("dictionary key \"%1\" has no value")
                                     .arg(QString::fromUtf8(key->left(64))));
            auto v = readValue(pos, depth);
            if (!v)
                return std::nullopt;
            auto [it, inserted] = dict.emplace(std::move(*key), std::move(*v));
            if (!inserted) // only reachable when keys were unsorted
                return fail(keyAt, QStringLiteral("duplicate dictionary key \"%1\"")
                                       .arg(QString::fromUtf8(it->first.left(64))));
            previous = &it->first;
        }
    }

    const char *m_data;
    qsizetype m_size;
    const QByteArray &m_input;
    const Limits &m_limits;
    DecodeInfo &m_info;
};

} // namespace

std::optional<Value> decodePrefix(const QByteArray &input, qsizetype &offset, DecodeError *error,
                                  const Limits &limits, DecodeInfo *info)
{
    DecodeInfo localInfo;
    DecodeInfo &inf = info ? *info : localInfo;
    inf = {};
    if (input.size() > limits.maxInputSize) {
        if (error)
            *error = {0, QStringLiteral("input of %1 bytes is larger than the limit of %2 bytes")
                             .arg(input.size())
                             .arg(limits.maxInputSize)};
        return std::nullopt;
    }
    Reader reader(input, limits, inf);
    qsizetype pos = offset;
    auto v = reader.readValue(pos, 0);
    if (!v) {
        if (error)
            *error = reader.error;
        return std::nullopt;
    }
    offset = pos;
    return v;
}

std::optional<Value> decode(const QByteArray &input, DecodeError *error, const Limits &limits,
                            DecodeInfo *info)
{
    qsizetype offset = 0;
    auto v = decodePrefix(input, offset, error, limits, info);
    if (v && offset != input.size()) {
        if (error)
            *error = {offset, QStringLiteral("%1 unexpected bytes after the value")
                                  .arg(input.size() - offset)};
        return std::nullopt;
    }
    return v;
}

} // namespace swarmscope::bencode
