#include "wire/extension/compactendpoint.h"

#include <QtEndian>

namespace swarmscope::wire::ext {

QString Endpoint::toString() const
{
    if (isIPv4())
        return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
}

namespace {

// IPv4-mapped IPv6 (::ffff:a.b.c.d) as plain IPv4; everything else unchanged.
QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const quint32 v4 = address.toIPv4Address(&ok);
        if (ok)
            return QHostAddress(v4);
    }
    return address;
}

void appendPort(QByteArray &out, quint16 port)
{
    out.append(static_cast<char>(port >> 8));
    out.append(static_cast<char>(port & 0xff));
}

} // namespace

QByteArray compactEndpoint(const Endpoint &endpoint)
{
    const QHostAddress address = normalized(endpoint.address);
    QByteArray out;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        out.resize(4);
        qToBigEndian(address.toIPv4Address(), out.data());
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        out = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    } else {
        return {};
    }
    appendPort(out, endpoint.port);
    return out;
}

std::optional<QList<Endpoint>> parseCompactEndpoints(const QByteArray &bytes, qsizetype entrySize,
                                                     QString *error)
{
    Q_ASSERT(entrySize == kCompactV4Size || entrySize == kCompactV6Size);
    if (bytes.size() % entrySize != 0) {
        if (error)
            *error = QStringLiteral("%1 bytes is not a whole number of %2-byte endpoints")
                         .arg(bytes.size())
                         .arg(entrySize);
        return std::nullopt;
    }
    QList<Endpoint> out;
    out.reserve(bytes.size() / entrySize);
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    for (qsizetype i = 0; i < bytes.size(); i += entrySize, p += entrySize) {
        Endpoint e;
        if (entrySize == kCompactV4Size) {
            e.address = QHostAddress(qFromBigEndian<quint32>(p));
        } else {
            Q_IPV6ADDR v6;
            std::copy(p, p + 16, v6.c);
            e.address = normalized(QHostAddress(v6));
        }
        e.port = qFromBigEndian<quint16>(p + entrySize - 2);
        out.append(e);
    }
    return out;
}

QByteArray endpointKey(const Endpoint &endpoint)
{
    const QByteArray compact = compactEndpoint(endpoint);
    // The length byte first puts every IPv4 endpoint before every IPv6 one.
    return static_cast<char>(compact.size()) + compact;
}

} // namespace swarmscope::wire::ext
