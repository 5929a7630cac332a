// The details of the selected torrent, in tabs: General, Trackers, Peers, Files, Swarm, Rates.
//
// Fed with every engine snapshot (four a second). Each tab's model updates by diff, so that
// selections, scroll positions and open editors survive; the pictures that cost most to redraw
// (Swarm, Rates) are fed only while their tab is showing. The rate history records every
// snapshot whether or not a torrent is selected. The panel never touches the engine: user
// requests leave as signals for the host to pass on.
#pragma once

#include "metainfo/infohash.h"
#include "rates/ratehistory.h"
#include "session/snapshot.h"

#include <QTabWidget>

#include <optional>

namespace swarmscope::ui {

class FilesTab;
class GeneralTab;
class PeersView;
class RatesView;
class SwarmPanel;
class TrackersTab;

class DetailsPanel : public QTabWidget {
    Q_OBJECT

public:
    enum TabIndex { General, Trackers, Peers, Files, Swarm, Rates };

    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    // Records the snapshot's rates and shows `selected` (when it is in the snapshot; otherwise
    // the tabs empty out). A null snapshot clears the tabs and records nothing.
    void showSnapshot(const session::SessionSnapshotPtr &snapshot, const std::optional<metainfo::InfoHash> &selected);

    // The torrent the tabs show, if any.
    std::optional<metainfo::InfoHash> shownTorrent() const { return m_shown; }

    GeneralTab *generalTab() const { return m_general; }
    TrackersTab *trackersTab() const { return m_trackers; }
    PeersView *peersView() const { return m_peers; }
    FilesTab *filesTab() const { return m_files; }
    SwarmPanel *swarmPanel() const { return m_swarm; }
    RatesView *ratesView() const { return m_rates; }
    const RateHistory &rateHistory() const { return m_history; }

signals:
    void filePrioritiesChanged(const swarmscope::metainfo::InfoHash &infoHash, const QByteArray &priorities);
    void trackerAddRequested(const swarmscope::metainfo::InfoHash &infoHash, const QString &url);
    void trackerRemoveRequested(const swarmscope::metainfo::InfoHash &infoHash, const QString &url);
    void openFileRequested(const QString &absolutePath);

private:
    void showTorrent(const session::TorrentSnapshot &torrent, const QDateTime &now);
    void clearTorrent();
    void feedVisibleTab();

    RateHistory m_history; // before m_rates, which reads it
    GeneralTab *m_general;
    TrackersTab *m_trackers;
    PeersView *m_peers;
    FilesTab *m_files;
    SwarmPanel *m_swarm;
    RatesView *m_rates;

    std::optional<metainfo::InfoHash> m_shown;
    session::SessionSnapshotPtr m_snapshot;        // the last one, for a tab that comes into view
    const session::TorrentSnapshot *m_torrent = nullptr; // m_shown's entry in m_snapshot
};

} // namespace swarmscope::ui
