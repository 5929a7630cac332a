// Synthetic engine snapshots for the swarm view tests.
#pragma once

#include "session/snapshot.h"

#include <QHostAddress>

#include <initializer_list>
#include <memory>

namespace swarmtest {

using swarmscope::Bitfield;
using swarmscope::session::PeerSnapshot;
using swarmscope::session::TorrentDetail;

inline Bitfield bits(int size, std::initializer_list<int> set)
{
    Bitfield b(size);
    for (int i : set)
        b.set(i);
    return b;
}

// Every `step`-th piece from `offset`.
inline Bitfield stride(int size, int step, int offset = 0)
{
    Bitfield b(size);
    for (int i = offset; i < size; i += step)
        b.set(i);
    return b;
}

inline PeerSnapshot peer(int id, int pieceCount = 0)
{
    PeerSnapshot p;
    p.address = QHostAddress(QStringLiteral("10.0.%1.%2").arg(id / 250).arg(id % 250 + 1));
    p.port = static_cast<quint16>(6881 + id % 7);
    p.client = QStringLiteral("Client %1").arg(id);
    p.pieces = Bitfield(pieceCount);
    return p;
}

inline QString keyOf(int id) { return QStringLiteral("10.0.%1.%2:%3").arg(id / 250).arg(id % 250 + 1).arg(6881 + id % 7); }

inline std::shared_ptr<TorrentDetail> detail(int pieceCount, QList<PeerSnapshot> peers)
{
    auto d = std::make_shared<TorrentDetail>();
    d->have = Bitfield(pieceCount);
    d->availability = QList<quint16>(pieceCount, 0);
    for (const PeerSnapshot &p : peers)
        for (int i = 0; i < pieceCount; ++i)
            d->availability[i] = static_cast<quint16>(d->availability[i] + (p.pieces.test(i) ? 1 : 0));
    d->peers = std::move(peers);
    d->pieceLength = 256 * 1024;
    return d;
}

} // namespace swarmtest
