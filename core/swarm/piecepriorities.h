// Piece priorities, and the mapping from the user's file priorities to them.
#pragma once

#include "metainfo/torrentinfo.h"

#include <QList>

#include <cstdint>

namespace swarmscope::swarm {

enum class PiecePriority : std::uint8_t { Skip = 0, Normal = 1, High = 2 };

// A piece is wanted when it overlaps a wanted file, and its priority is the highest among the
// files it touches: a piece shared by a skipped and a wanted file must still be downloaded, or
// the wanted file could never be completed. Pad files (BEP 47) and empty files touch no piece;
// a piece made only of pad bytes is therefore Skip. Files without an entry in `filePriorities`
// count as Normal. The result has info.pieceCount() entries.
QList<PiecePriority> piecePrioritiesFromFiles(const metainfo::TorrentInfo &info,
                                              const QList<PiecePriority> &filePriorities);

} // namespace swarmscope::swarm
