#include "swarm/piecesbar.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace swarmscope::ui {

using piecebins::Range;

namespace barpaint {

int physicalWidth(int logicalWidth, qreal devicePixelRatio)
{
    return std::max(1, static_cast<int>(std::lround(logicalWidth * devicePixelRatio)));
}

Range piecesAtLogicalX(int x, int logicalWidth, qreal devicePixelRatio, int pieceCount)
{
    if (x < 0 || x >= logicalWidth)
        return {};
    const int physical = physicalWidth(logicalWidth, devicePixelRatio);
    const int first = static_cast<int>(std::floor(x * devicePixelRatio));
    const int end = std::max(first + 1, static_cast<int>(std::floor((x + 1) * devicePixelRatio)));
    return piecebins::piecesForColumns({first, end}, physical, pieceCount);
}

QRectF pieceMark(int piece, const QRect &area, qreal devicePixelRatio, int pieceCount, double minWidth)
{
    const int width = physicalWidth(area.width(), devicePixelRatio);
    const Range cols = piecebins::columnsForPiece(piece, width, pieceCount);
    if (cols.isEmpty())
        return {};
    double x0 = area.left() + cols.first / devicePixelRatio;
    double x1 = area.left() + cols.end / devicePixelRatio;
    if (x1 - x0 < minWidth) {
        const double right = area.left() + static_cast<double>(area.width());
        x0 = std::clamp((x0 + x1 - minWidth) / 2, static_cast<double>(area.left()), std::max<double>(area.left(), right - minWidth));
        x1 = std::min(right, x0 + minWidth);
    }
    return QRectF(x0, area.top(), x1 - x0, area.height());
}

QString rangeText(Range range)
{
    const QLocale locale;
    if (range.count() == 1)
        return QCoreApplication::translate("swarmscope::ui::PiecesBar", "Piece %1").arg(locale.toString(range.first));
    return QCoreApplication::translate("swarmscope::ui::PiecesBar", "Pieces %1–%2 (%3)")
        .arg(locale.toString(range.first), locale.toString(range.end - 1), locale.toString(range.count()));
}

} // namespace barpaint

namespace {

// The bar area inside the widget, leaving a one-pixel frame.
QRect barRect(const QWidget *w) { return w->rect().adjusted(1, 1, -1, -1); }

void drawFrame(QPainter &p, const QWidget *w, const SwarmColors &colors)
{
    p.setPen(colors.frame);
    p.setBrush(Qt::NoBrush);
    p.drawRect(w->rect().adjusted(0, 0, -1, -1));
}

} // namespace

PiecesBar::PiecesBar(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PiecesBar::setPieces(const Bitfield &pieces)
{
    if (pieces == m_pieces)
        return;
    m_pieces = pieces;
    update();
}

QSize PiecesBar::sizeHint() const { return {240, fontMetrics().height()}; }
QSize PiecesBar::minimumSizeHint() const { return {24, 6}; }

void PiecesBar::paintEvent(QPaintEvent *)
{
    const SwarmColors colors = SwarmColors::forPalette(palette());
    QPainter p(this);
    const QRect r = barRect(this);
    const QImage &img = m_image.image(m_pieces, barpaint::physicalWidth(r.width(), devicePixelRatioF()),
                                      colors.background, colors.theyHave);
    p.drawImage(r, img);
    drawFrame(p, this, colors);
}

QString PiecesBar::toolTipAt(int x) const
{
    const int count = m_pieces.size();
    const QLocale locale;
    if (count == 0)
        return tr("No piece information yet (the torrent's metadata is still being fetched).");
    QString text = tr("%1 of %2 pieces").arg(locale.toString(m_pieces.count()), locale.toString(count));
    const QRect r = barRect(this);
    const Range range = barpaint::piecesAtLogicalX(x - r.left(), r.width(), devicePixelRatioF(), count);
    if (!range.isEmpty())
        text += QLatin1Char('\n')
            + tr("%1: %2 present").arg(barpaint::rangeText(range),
                                       locale.toString(piecebins::countSet(m_pieces, range.first, range.end)));
    text += QLatin1Char('\n') + tr("Darker: more of the pieces in that column are present.");
    return text;
}

bool PiecesBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), toolTipAt(help->pos().x()), this);
        return true;
    }
    return QWidget::event(event);
}

TorrentPiecesBar::TorrentPiecesBar(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TorrentPiecesBar::setPieces(const TorrentPieces &pieces)
{
    if (pieces == m_pieces)
        return;
    m_pieces = pieces;
    update();
}

QSize TorrentPiecesBar::sizeHint() const { return {240, fontMetrics().height() + 6}; }
QSize TorrentPiecesBar::minimumSizeHint() const { return {24, 9}; }

void TorrentPiecesBar::paintEvent(QPaintEvent *)
{
    const SwarmColors colors = SwarmColors::forPalette(palette());
    QPainter p(this);
    const QRect r = barRect(this);
    const QImage &img = m_image.image(m_pieces, barpaint::physicalWidth(r.width(), devicePixelRatioF()), colors);
    // Our pieces on top (two thirds), rarity beneath: the eye reads "what we have" first.
    const int ownHeight = std::max(1, r.height() * 2 / 3);
    const QRect ownRect(r.left(), r.top(), r.width(), ownHeight);
    const QRect availRect(r.left(), r.top() + ownHeight, r.width(), r.height() - ownHeight);
    p.drawImage(ownRect, img, QRect(0, 0, img.width(), 1));
    p.drawImage(availRect, img, QRect(0, 1, img.width(), 1));
    for (int piece : m_pieces.downloading)
        p.fillRect(barpaint::pieceMark(piece, ownRect, devicePixelRatioF(), m_pieces.pieceCount(), 3.0),
                   colors.downloading);
    if (m_pieces.pieceCount() == 0 && r.height() >= fontMetrics().height()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, tr("No piece information yet"));
    }
    drawFrame(p, this, colors);
}

QString TorrentPiecesBar::toolTipAt(int x) const
{
    const int count = m_pieces.pieceCount();
    const QLocale locale;
    if (count == 0)
        return tr("No piece information yet (the torrent's metadata is still being fetched).");
    QStringList lines;
    lines << tr("We have %1 of %2 pieces, %3 downloading")
                 .arg(locale.toString(m_pieces.have.count()), locale.toString(count),
                      locale.toString(m_pieces.downloading.size()));
    const QRect r = barRect(this);
    const Range range = barpaint::piecesAtLogicalX(x - r.left(), r.width(), devicePixelRatioF(), count);
    if (!range.isEmpty()) {
        int downloading = 0;
        for (int piece : m_pieces.downloading)
            downloading += piece >= range.first && piece < range.end ? 1 : 0;
        lines << tr("%1: we have %2, downloading %3")
                     .arg(barpaint::rangeText(range),
                          locale.toString(piecebins::countSet(m_pieces.have, range.first, range.end)),
                          locale.toString(downloading));
        if (!m_pieces.availability.isEmpty()) {
            int lo = std::numeric_limits<int>::max();
            int hi = 0;
            for (int p = range.first; p < std::min(range.end, static_cast<int>(m_pieces.availability.size())); ++p) {
                lo = std::min<int>(lo, m_pieces.availability[p]);
                hi = std::max<int>(hi, m_pieces.availability[p]);
            }
            if (lo > hi)
                lo = hi = 0;
            lines << tr("Copies among connected peers: %1 to %2 (mean %3)")
                         .arg(locale.toString(lo), locale.toString(hi),
                              locale.toString(piecebins::meanOf(m_pieces.availability, range), 'f', 1));
        }
    }
    lines << tr("Top: our pieces (blue) and those being downloaded (light blue).")
          << tr("Bottom: rarity among connected peers; the rarest are the strongest purple, "
                "red means no connected peer has it.");
    return lines.join(QLatin1Char('\n'));
}

bool TorrentPiecesBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), toolTipAt(help->pos().x()), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace swarmscope::ui
