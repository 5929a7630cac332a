// The side list of status filters (All, Downloading, ...), each with its count.
#pragma once

#include "torrentlist/torrentrow.h"

#include <QListWidget>

namespace swarmscope::ui {

class TorrentListModel;

class StatusFilterList : public QListWidget {
    Q_OBJECT

public:
    explicit StatusFilterList(QWidget *parent = nullptr);

    // Follows the model's counts from now on.
    void setSourceModel(const TorrentListModel *model);

    StatusFilter currentFilter() const;
    void setCurrentFilter(StatusFilter filter);
    QSize sizeHint() const override;

    static QString filterName(StatusFilter filter);

signals:
    void filterChanged(swarmscope::ui::StatusFilter filter);

private:
    void refreshCounts();

    const TorrentListModel *m_model = nullptr;
};

} // namespace swarmscope::ui
