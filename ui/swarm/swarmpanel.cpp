#include "swarm/swarmpanel.h"

#include "swarm/swarmgraph.h"
#include "swarm/swarmmatrix.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace swarmscope::ui {

SwarmPanel::SwarmPanel(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_matrix(new SwarmMatrix(m_splitter))
    , m_graph(new SwarmGraph(m_splitter))
{
    m_splitter->addWidget(m_matrix);
    m_splitter->addWidget(m_graph);
    // The matrix wants width (one column per piece), the graph is roughly square.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

void SwarmPanel::setTorrent(const session::TorrentSnapshot &torrent)
{
    if (!torrent.detail) {
        clear();
        return;
    }
    m_matrix->setDetail(torrent.detail);
    m_graph->setDetail(torrent.detail);
}

void SwarmPanel::clear()
{
    m_matrix->setDetail(nullptr);
    m_graph->setDetail(nullptr);
}

} // namespace swarmscope::ui
