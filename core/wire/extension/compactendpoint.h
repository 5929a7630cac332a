// Peer endpoints in the compact form of BEP 23 / BEP 7 (address then port, network byte order:
// 6 bytes for IPv4, 18 for IPv6), as ut_pex (BEP 11) carries them.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace swarmscope::wire::ext {

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;

    bool isIPv4() const { return address.protocol() == QAbstractSocket::IPv4Protocol; }
    QString toString() const;

    friend bool operator==(const Endpoint &a, const Endpoint &b)
    {
        return a.port == b.port && a.address == b.address;
    }
};

constexpr qsizetype kCompactV4Size = 6;
constexpr qsizetype kCompactV6Size = 18;

// 6 or 18 bytes; an IPv4-mapped IPv6 address is written in the 6-byte form. Empty for a null
// address (nothing else can be written).
QByteArray compactEndpoint(const Endpoint &endpoint);

// A byte string of concatenated entries of `entrySize` (6 or 18) bytes. IPv4-mapped IPv6
// addresses in 18-byte entries come back as IPv4, so one address has one form. nullopt, with
// *error set, when the length is not a multiple of the entry size.
std::optional<QList<Endpoint>> parseCompactEndpoints(const QByteArray &bytes, qsizetype entrySize,
                                                     QString *error = nullptr);

// A total order on endpoints with a stable text form (the compact bytes, IPv4 before IPv6),
// for maps whose iteration order must not depend on a hash seed.
QByteArray endpointKey(const Endpoint &endpoint);

} // namespace swarmscope::wire::ext
