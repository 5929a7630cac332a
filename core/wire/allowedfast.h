// BEP 6 "allowed fast" sets: the pieces a peer may download from us even while choked, chosen
// by the canonical algorithm from its IPv4 address (the /24, so one host cannot collect sets by
// opening connections from many addresses) and the info-hash. Both sides can compute it.
#pragma once

#include "metainfo/infohash.h"

#include <QHostAddress>
#include <QList>

namespace swarmscope::wire {

// Up to `k` distinct piece indices in the order BEP 6 generates them; empty for IPv6 peers (the
// BEP defines it for IPv4 only) and for torrents with no pieces. Fewer than `k` when the torrent
// has fewer pieces.
QList<int> allowedFastSet(const QHostAddress &peer, const metainfo::InfoHash &infoHash, int pieceCount, int k);

} // namespace swarmscope::wire
