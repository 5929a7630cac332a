// The swarm tabs for one watched torrent: the peers table, the piece matrix and the swarm
// graph, all fed from the same engine snapshot. (TorrentPiecesBar, the torrent's own bar, is
// left for the host to place, e.g. in a general tab.)
#pragma once

#include "session/snapshot.h"

#include <QTabWidget>

namespace swarmscope::ui {

class PeersView;
class SwarmGraph;
class SwarmMatrix;

class SwarmPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit SwarmPanel(QWidget *parent = nullptr);

    // Shows `torrent`; without detail (not watched, or no metadata yet) the views empty out.
    void setTorrent(const session::TorrentSnapshot &torrent);
    void clear();

    PeersView *peersView() const { return m_peers; }
    SwarmMatrix *matrix() const { return m_matrix; }
    SwarmGraph *graph() const { return m_graph; }

private:
    PeersView *m_peers;
    SwarmMatrix *m_matrix;
    SwarmGraph *m_graph;
};

} // namespace swarmscope::ui
