#include "torrentlist/torrentlistview.h"

#include <QHeaderView>
#include <QMenu>
#include <QPainter>

namespace swarmscope::ui {

TorrentListView::TorrentListView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(QStringLiteral("torrentListView"));
    setRootIsDecorated(false);
    setUniformRowHeights(true); // lets the view skip measuring every row of a long list
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideMiddle); // names differ at both ends more often than in the middle
    header()->setSectionsMovable(true);
    header()->setStretchLastSection(false);
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header(), &QHeaderView::customContextMenuRequested, this, &TorrentListView::showHeaderMenu);
    setAccessibleName(tr("Torrents"));
}

void TorrentListView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void TorrentListView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model()) {
        disconnect(old, &QAbstractItemModel::rowsInserted, viewport(), nullptr);
        disconnect(old, &QAbstractItemModel::rowsRemoved, viewport(), nullptr);
        disconnect(old, &QAbstractItemModel::modelReset, viewport(), nullptr);
        disconnect(old, &QAbstractItemModel::layoutChanged, viewport(), nullptr);
    }
    QTreeView::setModel(model);
    if (model) {
        // The placeholder appears and disappears with the first and last row.
        const auto repaint = [this] { viewport()->update(); };
        connect(model, &QAbstractItemModel::rowsInserted, viewport(), repaint);
        connect(model, &QAbstractItemModel::rowsRemoved, viewport(), repaint);
        connect(model, &QAbstractItemModel::modelReset, viewport(), repaint);
        connect(model, &QAbstractItemModel::layoutChanged, viewport(), repaint);
    }
}

void TorrentListView::showHeaderMenu(const QPoint &position)
{
    if (!model())
        return;
    // One checkable entry per column; the last visible column cannot be hidden.
    QMenu menu(this);
    const int columns = model()->columnCount();
    int visible = 0;
    for (int column = 0; column < columns; ++column)
        visible += header()->isSectionHidden(column) ? 0 : 1;
    for (int column = 0; column < columns; ++column) {
        QAction *action = menu.addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header()->isSectionHidden(column));
        action->setEnabled(header()->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            header()->setSectionHidden(column, !on);
            if (on && header()->sectionSize(column) < header()->minimumSectionSize() * 2)
                header()->resizeSection(column, header()->defaultSectionSize());
        });
    }
    menu.exec(header()->viewport()->mapToGlobal(position));
}

void TorrentListView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (m_placeholder.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0))
        return;
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::Text);
    color.setAlphaF(0.55f); // muted, yet readable on light and dark themes
    painter.setPen(color);
    const int margin = fontMetrics().height() * 2;
    const QRect area = viewport()->rect().adjusted(margin, margin, -margin, -margin);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

} // namespace swarmscope::ui
