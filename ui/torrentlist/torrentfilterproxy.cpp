#include "torrentlist/torrentfilterproxy.h"

#include "torrentlist/torrentlistmodel.h"

namespace swarmscope::ui {

TorrentFilterProxy::TorrentFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TorrentListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true); // rows move as rates change, like every client does
}

void TorrentFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool TorrentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter == StatusFilter::All || sourceParent.isValid())
        return true;
    const auto *model = qobject_cast<const TorrentListModel *>(sourceModel());
    return model && sourceRow < model->rowCount() && matchesFilter(model->rowAt(sourceRow), m_filter);
}

} // namespace swarmscope::ui
