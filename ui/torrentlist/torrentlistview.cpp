#include "torrentlist/torrentlistview.h"

#include <QApplication>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace swarmscope::ui {

namespace {

// Paints plain one-line cells as the style does, but keeps each text shaped, as a QStaticText,
// across repaints. Sorted by a rate, the list re-sorts at every refresh and repaints its whole
// page; most cells show the same text as before, only in another row, and Qt's own item drawing
// shapes every cell's text three times per paint (size, elision, drawing), which was more than
// half of a refresh (tests/bench/bench_ui.cpp). Anything but a plain left-to-right text cell
// goes to QStyledItemDelegate unchanged.
class CachedTextDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        if (!plain(opt)) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QString text = opt.text;
        opt.text.clear(); // the style paints background, selection and focus; we paint the text
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        // Where QCommonStyle puts a cell's text: the item's text rectangle less a margin.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                                   .adjusted(margin, 0, -margin, 0);
        const QStaticText &shaped = this->shaped(text, opt, textRect.width());
        const QSizeF size = shaped.size();
        const QRect box = QStyle::alignedRect(opt.direction, opt.displayAlignment & Qt::AlignVertical_Mask,
                                              QSize(textRect.width(), qRound(size.height())), textRect);
        qreal x = box.left();
        const Qt::Alignment horizontal = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
        if (horizontal & Qt::AlignRight)
            x += box.width() - size.width();
        else if (horizontal & Qt::AlignHCenter)
            x += (box.width() - size.width()) / 2;

        QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
            group = QPalette::Inactive;
        painter->save();
        painter->setClipRect(opt.rect);
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                   : QPalette::Text));
        painter->drawStaticText(QPointF(x, box.top()), shaped);
        painter->restore();
    }

private:
    // One line of text with no icon, check box or wrapping, left to right: what the list shows.
    static bool plain(const QStyleOptionViewItem &opt)
    {
        constexpr auto extras = QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasCheckIndicator
                                | QStyleOptionViewItem::HasDecoration;
        return !(opt.features & extras) && opt.features & QStyleOptionViewItem::HasDisplay && !opt.text.isEmpty()
               && opt.direction == Qt::LeftToRight && !(opt.state & QStyle::State_Editing)
               && !opt.text.contains(u'\n') && !opt.text.contains(QChar::LineSeparator);
    }

    // `text` shaped in the cell's font, elided as the view elides when it is wider than `width`.
    const QStaticText &shaped(const QString &text, const QStyleOptionViewItem &opt, int width) const
    {
        if (opt.font != m_font) {
            m_cache.clear();
            m_font = opt.font;
        }
        const Key key{text, width, opt.textElideMode};
        auto it = m_cache.constFind(key);
        if (it != m_cache.cend())
            return it.value();
        // Bounded: rates change every refresh, so old texts are dropped wholesale now and then.
        if (m_cache.size() >= kMaxCached)
            m_cache.clear();
        QString shown = text;
        if (opt.textElideMode != Qt::ElideNone && QFontMetricsF(opt.font).horizontalAdvance(text) > width)
            shown = QFontMetricsF(opt.font).elidedText(text, opt.textElideMode, width);
        QStaticText staticText(shown);
        staticText.setTextFormat(Qt::PlainText); // a name with "<b>" in it is not markup
        staticText.prepare(QTransform(), opt.font);
        return m_cache.insert(key, staticText).value();
    }

    struct Key {
        QString text;
        int width;
        Qt::TextElideMode elide;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0) { return qHashMulti(seed, k.text, k.width, k.elide); }
    };
    static constexpr qsizetype kMaxCached = 8192;
    mutable QHash<Key, QStaticText> m_cache;
    mutable QFont m_font;
};

} // namespace

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
    setItemDelegate(new CachedTextDelegate(this));
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
