#include "tracker/trackerpeer.h"

namespace swarmscope::tracker {

QByteArray compactEndpoint(const QHostAddress &address, quint16 port)
{
    QByteArray out;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        out.resize(4);
        for (int i = 0; i < 4; ++i)
            out[i] = static_cast<char>((v4 >> (24 - 8 * i)) & 0xff);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        out = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    } else {
        return {};
    }
    out.append(static_cast<char>(port >> 8));
    out.append(static_cast<char>(port & 0xff));
    return out;
}

} // namespace swarmscope::tracker
