#include "swarm/swarmpanel.h"

#include "peers/peersmodel.h"
#include "peers/peersview.h"
#include "swarm/swarmgraph.h"
#include "swarm/swarmmatrix.h"

namespace swarmscope::ui {

SwarmPanel::SwarmPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_peers(new PeersView(this))
    , m_matrix(new SwarmMatrix(this))
    , m_graph(new SwarmGraph(this))
{
    addTab(m_peers, tr("Peers"));
    addTab(m_matrix, tr("Pieces"));
    addTab(m_graph, tr("Swarm"));
    setTabToolTip(0, tr("Every connected neighbour, its state and its pieces"));
    setTabToolTip(1, tr("Which neighbour has which piece, and what is being exchanged with whom"));
    setTabToolTip(2, tr("Who sends to whom, how fast, and who holds our upload slots"));
}

void SwarmPanel::setTorrent(const session::TorrentSnapshot &torrent)
{
    const auto &detail = torrent.detail;
    if (!detail) {
        clear();
        return;
    }
    m_peers->model()->setPeers(detail->peers);
    m_matrix->setDetail(detail);
    m_graph->setDetail(detail);
}

void SwarmPanel::clear()
{
    m_peers->model()->clear();
    m_matrix->setDetail(nullptr);
    m_graph->setDetail(nullptr);
}

} // namespace swarmscope::ui
