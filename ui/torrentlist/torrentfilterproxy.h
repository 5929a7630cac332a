// Sorts the torrent list by raw values and narrows it to one status filter.
#pragma once

#include "torrentlist/torrentrow.h"

#include <QSortFilterProxyModel>

namespace swarmscope::ui {

class TorrentFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit TorrentFilterProxy(QObject *parent = nullptr);

    StatusFilter statusFilter() const { return m_filter; }
    void setStatusFilter(StatusFilter filter);
    // Rows whose name contains every word of `text` (case-insensitive); empty: all.
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_filter = StatusFilter::All;
    QStringList m_words;
};

} // namespace swarmscope::ui
