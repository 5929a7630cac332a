// The Swarm tab for one watched torrent: the neighbour piece matrix beside the swarm graph, both
// fed from the same engine snapshot. (The peers table has its own tab in the details panel, and
// TorrentPiecesBar, the torrent's own bar, sits in its General tab.)
#pragma once

#include "session/snapshot.h"

#include <QWidget>

class QSplitter;

namespace swarmscope::ui {

class SwarmGraph;
class SwarmMatrix;

class SwarmPanel : public QWidget {
    Q_OBJECT

public:
    explicit SwarmPanel(QWidget *parent = nullptr);

    // Shows `torrent`; without detail (not watched, or no metadata yet) the views empty out.
    void setTorrent(const session::TorrentSnapshot &torrent);
    void clear();

    SwarmMatrix *matrix() const { return m_matrix; }
    SwarmGraph *graph() const { return m_graph; }
    QSplitter *splitter() const { return m_splitter; }

private:
    QSplitter *m_splitter;
    SwarmMatrix *m_matrix;
    SwarmGraph *m_graph;
};

} // namespace swarmscope::ui
