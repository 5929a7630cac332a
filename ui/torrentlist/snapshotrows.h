// The torrent list's rows from an engine snapshot: the only place where the engine's states
// become the list's (a magnet without metadata, a complete torrent that is paused ...).
#pragma once

#include "session/snapshot.h"
#include "torrentlist/torrentrow.h"

#include <QList>

namespace swarmscope::ui {

TorrentRow rowFromSnapshot(const session::TorrentSnapshot &torrent);
QList<TorrentRow> rowsFromSnapshot(const session::SessionSnapshot &snapshot);

} // namespace swarmscope::ui
