#include "details/detailspanel.h"

#include "details/filestab.h"
#include "details/generaltab.h"
#include "details/trackerstab.h"
#include "peers/peersmodel.h"
#include "peers/peersview.h"
#include "rates/ratesview.h"
#include "swarm/swarmpanel.h"

namespace swarmscope::ui {

DetailsPanel::DetailsPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_general(new GeneralTab(this))
    , m_trackers(new TrackersTab(this))
    , m_peers(new PeersView(this))
    , m_files(new FilesTab(this))
    , m_swarm(new SwarmPanel(this))
    , m_rates(new RatesView(&m_history, this))
{
    setDocumentMode(true);
    addTab(m_general, tr("&General"));
    addTab(m_trackers, tr("&Trackers"));
    addTab(m_peers, tr("&Peers"));
    addTab(m_files, tr("&Files"));
    addTab(m_swarm, tr("&Swarm"));
    addTab(m_rates, tr("&Rates"));
    setTabToolTip(General, tr("The torrent's essentials and its pieces"));
    setTabToolTip(Trackers, tr("The trackers this torrent announces to"));
    setTabToolTip(Peers, tr("Every connected neighbour, its state and its pieces"));
    setTabToolTip(Files, tr("The torrent's files, their progress and priority"));
    setTabToolTip(Swarm, tr("Which neighbour has which piece, and who sends to whom"));
    setTabToolTip(Rates, tr("Download and upload over time, in total, for this torrent and its top neighbours"));

    connect(m_files, &FilesTab::prioritiesChanged, this, [this](const QByteArray &priorities) {
        if (m_shown)
            emit filePrioritiesChanged(*m_shown, priorities);
    });
    connect(m_files, &FilesTab::openRequested, this, &DetailsPanel::openFileRequested);
    connect(m_trackers, &TrackersTab::addRequested, this, [this](const QString &url) {
        if (m_shown)
            emit trackerAddRequested(*m_shown, url);
    });
    connect(m_trackers, &TrackersTab::removeRequested, this, [this](const QString &url) {
        if (m_shown)
            emit trackerRemoveRequested(*m_shown, url);
    });
    connect(this, &QTabWidget::currentChanged, this, &DetailsPanel::feedVisibleTab);
    clearTorrent();
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::showSnapshot(const session::SessionSnapshotPtr &snapshot,
                                const std::optional<metainfo::InfoHash> &selected)
{
    m_snapshot = snapshot;
    m_torrent = nullptr;
    if (!snapshot) {
        clearTorrent();
        return;
    }
    m_history.record(*snapshot);
    if (selected)
        for (const session::TorrentSnapshot &t : snapshot->torrents)
            if (t.infoHash == *selected) {
                m_torrent = &t;
                break;
            }
    if (m_torrent)
        showTorrent(*m_torrent, snapshot->takenAt);
    else
        clearTorrent();
    feedVisibleTab();
}

void DetailsPanel::showTorrent(const session::TorrentSnapshot &torrent, const QDateTime &now)
{
    if (m_shown != torrent.infoHash) {
        // Another torrent: rows of the last one must not be diffed into this one's.
        clearTorrent();
        m_shown = torrent.infoHash;
    }
    m_general->setTorrent(torrent);
    m_trackers->setTorrent(torrent, now);
    m_files->setTorrent(torrent);
    if (torrent.detail)
        m_peers->model()->setPeers(torrent.detail->peers);
    else
        m_peers->model()->clear();
}

void DetailsPanel::clearTorrent()
{
    m_shown.reset();
    m_general->clear();
    m_trackers->clear();
    m_peers->model()->clear();
    m_files->clear();
    m_swarm->clear();
}

void DetailsPanel::feedVisibleTab()
{
    // The matrix and graph redraw whole pictures and the rates walk an hour of samples: done
    // only for the tab in view, and again when another comes into view.
    switch (currentIndex()) {
    case Swarm:
        if (m_torrent)
            m_swarm->setTorrent(*m_torrent);
        else
            m_swarm->clear();
        break;
    case Rates:
        m_rates->refresh(m_torrent);
        break;
    default:
        break;
    }
}

} // namespace swarmscope::ui
