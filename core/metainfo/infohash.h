// A v1 info-hash: the SHA-1 of the exact bytes of a torrent's info dictionary.
#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <optional>

namespace swarmscope::metainfo {

class InfoHash {
public:
    static constexpr int Size = 20;

    InfoHash() = default;
    // `bytes` must hold exactly 20 bytes, otherwise the hash stays invalid.
    static InfoHash fromBytes(const QByteArray &bytes);
    // 40 hexadecimal digits, either case.
    static std::optional<InfoHash> fromHex(QStringView hex);
    // 32 characters of RFC 4648 base32 (A-Z, 2-7), either case, as old magnet links use.
    static std::optional<InfoHash> fromBase32(QStringView base32);
    // SHA-1 of the given info dictionary bytes.
    static InfoHash ofInfo(const QByteArray &infoBytes);

    bool isValid() const { return m_bytes.size() == Size; }
    const QByteArray &bytes() const { return m_bytes; }
    QString toHex() const; // lower case
    QString toBase32() const;

    friend bool operator==(const InfoHash &a, const InfoHash &b) { return a.m_bytes == b.m_bytes; }
    friend bool operator<(const InfoHash &a, const InfoHash &b) { return a.m_bytes < b.m_bytes; }
    friend size_t qHash(const InfoHash &h, size_t seed = 0) { return qHash(h.m_bytes, seed); }

private:
    QByteArray m_bytes;
};

} // namespace swarmscope::metainfo
