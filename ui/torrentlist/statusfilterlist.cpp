#include "torrentlist/statusfilterlist.h"

#include "torrentlist/torrentlistmodel.h"

#include <QLocale>
#include <QStyle>

namespace swarmscope::ui {

namespace {

constexpr int FilterRole = Qt::UserRole + 1;

QStyle::StandardPixmap iconFor(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All: return QStyle::SP_DirIcon;
    case StatusFilter::Downloading: return QStyle::SP_ArrowDown;
    case StatusFilter::Seeding: return QStyle::SP_ArrowUp;
    case StatusFilter::Completed: return QStyle::SP_DialogApplyButton;
    case StatusFilter::Paused: return QStyle::SP_MediaPause;
    case StatusFilter::Error: return QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_DirIcon;
}

} // namespace

StatusFilterList::StatusFilterList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("statusFilterList"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setTextElideMode(Qt::ElideRight);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    setIconSize(QSize(icon, icon));
    setAccessibleName(tr("Status filter"));
    for (int f = 0; f < kStatusFilterCount; ++f) {
        const auto filter = static_cast<StatusFilter>(f);
        auto *item = new QListWidgetItem(style()->standardIcon(iconFor(filter)), QString(), this);
        item->setData(FilterRole, f);
        if (filter == StatusFilter::Error) // it gathers two states: say so
            item->setToolTip(tr("Torrents stopped by an error, or waiting for the volume holding their files"));
    }
    setCurrentRow(0);
    refreshCounts();
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit filterChanged(static_cast<StatusFilter>(item(row)->data(FilterRole).toInt()));
    });
}

void StatusFilterList::setSourceModel(const TorrentListModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &TorrentListModel::summaryChanged, this, &StatusFilterList::refreshCounts);
    refreshCounts();
}

StatusFilter StatusFilterList::currentFilter() const
{
    const QListWidgetItem *current = currentItem();
    return current ? static_cast<StatusFilter>(current->data(FilterRole).toInt()) : StatusFilter::All;
}

void StatusFilterList::setCurrentFilter(StatusFilter filter)
{
    setCurrentRow(static_cast<int>(filter));
}

QSize StatusFilterList::sizeHint() const
{
    // Wide enough for the longest label plus room for counts to grow, no wider: the torrent
    // list needs the space.
    const int width = sizeHintForColumn(0) + fontMetrics().horizontalAdvance(QStringLiteral("0000"));
    const int frame = 2 * frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return {width + frame, QListWidget::sizeHint().height()};
}

QString StatusFilterList::filterName(StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All: return tr("All");
    case StatusFilter::Downloading: return tr("Downloading");
    case StatusFilter::Seeding: return tr("Seeding");
    case StatusFilter::Completed: return tr("Completed");
    case StatusFilter::Paused: return tr("Paused");
    case StatusFilter::Error: return tr("Error");
    }
    return {};
}

void StatusFilterList::refreshCounts()
{
    const QLocale locale;
    for (int row = 0; row < count(); ++row) {
        const auto filter = static_cast<StatusFilter>(item(row)->data(FilterRole).toInt());
        const int n = m_model ? m_model->countFor(filter) : 0;
        item(row)->setText(tr("%1 (%2)", "filter name (count)").arg(filterName(filter), locale.toString(n)));
    }
}

} // namespace swarmscope::ui
