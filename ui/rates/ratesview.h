// The Rates tab: the session's and the selected torrent's download and upload over time, and
// beneath them what the torrent's busiest neighbours contributed, over a chosen span.
#pragma once

#include "rates/ratehistory.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;

namespace swarmscope::ui {

class RateGraph;

class RatesView : public QWidget {
    Q_OBJECT

public:
    static constexpr int TopPeers = 5;

    // `history` is read on every refresh and must outlive the view.
    explicit RatesView(const RateHistory *history, QWidget *parent = nullptr);

    // Redraws from the history: session totals always; the torrent's own rates and its top
    // neighbours when `torrent` is given (null: nothing selected).
    void refresh(const session::TorrentSnapshot *torrent);

    // Seconds shown, one of the span box's choices (clamped to the history's capacity).
    int span() const;
    void setSpan(int seconds);
    RateHistory::Direction peerDirection() const;
    void setPeerDirection(RateHistory::Direction direction);

    RateGraph *totalsGraph() const { return m_totals; }
    RateGraph *peersGraph() const { return m_peers; }

private:
    void redraw();

    const RateHistory *m_history;
    QComboBox *m_spanBox;
    QComboBox *m_directionBox;
    RateGraph *m_totals;
    RateGraph *m_peers;
    std::optional<metainfo::InfoHash> m_torrent;
    QHash<QString, QString> m_clients; // peer key -> client name, for neighbours that left too
};

} // namespace swarmscope::ui
