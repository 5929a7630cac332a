#include "wire/allowedfast.h"

#include "crypto/sha1.h"

#include <QtEndian>

namespace swarmscope::wire {

QList<int> allowedFastSet(const QHostAddress &peer, const metainfo::InfoHash &infoHash, int pieceCount, int k)
{
    QList<int> out;
    bool isV4 = false;
    const quint32 ip = peer.toIPv4Address(&isV4); // IPv4-mapped IPv6 counts as IPv4
    if (!isV4 || pieceCount <= 0 || k <= 0)
        return out;
    k = std::min(k, pieceCount);
    QByteArray x(4, Qt::Uninitialized);
    qToBigEndian(ip & 0xFFFFFF00u, x.data());
    x += infoHash.bytes();
    while (out.size() < k) {
        x = crypto::Sha1::hash(x);
        for (int i = 0; i < 5 && out.size() < k; ++i) {
            const quint32 y = qFromBigEndian<quint32>(x.constData() + 4 * i);
            const int index = int(y % quint32(pieceCount));
            if (!out.contains(index))
                out << index;
        }
    }
    return out;
}

} // namespace swarmscope::wire
