#include "swarm/piecesbardelegate.h"

#include "swarm/piecesbar.h"

#include <QApplication>
#include <QPainter>

namespace swarmscope::ui {

namespace {
// Far more rows than a peers table ever holds; past this, departed peers' strips are dropped.
constexpr int kMaxCachedRows = 2048;
} // namespace

PiecesBarDelegate::PiecesBarDelegate(int piecesRole, int keyRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_piecesRole(piecesRole)
    , m_keyRole(keyRole)
{
}

void PiecesBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QVariant value = index.data(m_piecesRole);
    if (!value.canConvert<Bitfield>())
        return;
    const Bitfield bits = value.value<Bitfield>();
    const QRect bar = option.rect.adjusted(2, 3, -2, -3);
    if (bar.width() <= 0 || bar.height() <= 0)
        return;

    const SwarmColors colors = SwarmColors::forPalette(option.palette);
    if (m_cache.size() > kMaxCachedRows) {
        for (const BitfieldBarImage &entry : std::as_const(m_cache))
            m_evictedRenders += entry.renderCount();
        m_cache.clear();
    }
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    BitfieldBarImage &cached = m_cache[index.data(m_keyRole).toString()];
    const QImage &img = cached.image(bits, barpaint::physicalWidth(bar.width(), dpr), colors.background,
                                     colors.theyHave);
    painter->save();
    painter->drawImage(bar, img);
    painter->setPen(colors.frame);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    painter->restore();
}

QSize PiecesBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {160, option.fontMetrics.height() + 6};
}

int PiecesBarDelegate::renderCount() const
{
    int n = m_evictedRenders;
    for (const BitfieldBarImage &entry : std::as_const(m_cache))
        n += entry.renderCount();
    return n;
}

} // namespace swarmscope::ui
