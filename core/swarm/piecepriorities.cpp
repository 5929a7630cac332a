#include "swarm/piecepriorities.h"

#include <algorithm>

namespace swarmscope::swarm {

QList<PiecePriority> piecePrioritiesFromFiles(const metainfo::TorrentInfo &info,
                                              const QList<PiecePriority> &filePriorities)
{
    const int pieceCount = info.pieceCount();
    QList<PiecePriority> result(pieceCount, PiecePriority::Skip);
    if (info.pieceLength <= 0)
        return result;
    // Each file writes the max over its own piece range, so the work is files + pieces, not
    // files x pieces, even for torrents with a million small files.
    for (qsizetype i = 0; i < info.files.size(); ++i) {
        const metainfo::FileEntry &file = info.files[i];
        if (file.padFile || file.size <= 0)
            continue;
        const PiecePriority prio = i < filePriorities.size() ? filePriorities[i] : PiecePriority::Normal;
        if (prio == PiecePriority::Skip)
            continue;
        const qint64 first = file.offset / info.pieceLength;
        const qint64 last = (file.offset + file.size - 1) / info.pieceLength;
        for (qint64 p = std::max<qint64>(first, 0); p <= last && p < pieceCount; ++p) {
            auto &slot = result[static_cast<qsizetype>(p)];
            slot = std::max(slot, prio);
        }
    }
    return result;
}

} // namespace swarmscope::swarm
