#include "metainfo/infohash.h"

#include "crypto/sha1.h"

namespace swarmscope::metainfo {

namespace {
constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

InfoHash InfoHash::fromBytes(const QByteArray &bytes)
{
    InfoHash h;
    if (bytes.size() == Size)
        h.m_bytes = bytes;
    return h;
}

std::optional<InfoHash> InfoHash::fromHex(QStringView hex)
{
    if (hex.size() != 2 * Size)
        return std::nullopt;
    QByteArray bytes(Size, Qt::Uninitialized);
    for (int i = 0; i < Size; ++i) {
        int value = 0;
        for (int j = 0; j < 2; ++j) {
            const char16_t c = hex[2 * i + j].unicode();
            int nibble;
            if (c >= u'0' && c <= u'9')
                nibble = c - u'0';
            else if (c >= u'a' && c <= u'f')
                nibble = c - u'a' + 10;
            else if (c >= u'A' && c <= u'F')
                nibble = c - u'A' + 10;
            else
                return std::nullopt;
            value = value * 16 + nibble;
        }
        bytes[i] = static_cast<char>(value);
    }
    return fromBytes(bytes);
}

std::optional<InfoHash> InfoHash::fromBase32(QStringView base32)
{
    if (base32.size() != 32)
        return std::nullopt;
    QByteArray bytes;
    bytes.reserve(Size);
    quint32 buffer = 0;
    int bits = 0;
    for (QChar qc : base32) {
        const char16_t c = qc.toUpper().unicode();
        int value;
        if (c >= u'A' && c <= u'Z')
            value = c - u'A';
        else if (c >= u'2' && c <= u'7')
            value = c - u'2' + 26;
        else
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return fromBytes(bytes);
}

InfoHash InfoHash::ofInfo(const QByteArray &infoBytes)
{
    return fromBytes(crypto::Sha1::hash(infoBytes));
}

QString InfoHash::toHex() const
{
    return QString::fromLatin1(m_bytes.toHex());
}

QString InfoHash::toBase32() const
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (char ch : m_bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(ch);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out += QLatin1Char(kBase32Alphabet[(buffer >> bits) & 31]);
        }
    }
    if (bits > 0)
        out += QLatin1Char(kBase32Alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

} // namespace swarmscope::metainfo
