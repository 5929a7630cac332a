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

void TorrentFilterProxy::setSearchText(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool TorrentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || (m_filter == StatusFilter::All && m_words.isEmpty()))
        return true;
    const auto *model = qobject_cast<const TorrentListModel *>(sourceModel());
    if (!model || sourceRow >= model->rowCount() || !matchesFilter(model->rowAt(sourceRow), m_filter))
        return false;
    const QString &name = model->rowAt(sourceRow).name;
    for (const QString &word : m_words)
        if (!name.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace swarmscope::ui
