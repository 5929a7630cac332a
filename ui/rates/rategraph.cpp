#include "rates/rategraph.h"

#include "format/units.h"
#include "swarm/tooltipevent.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace swarmscope::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kSwatch = 18; // legend line sample, logical pixels

QColor softText(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlphaF(0.7f);
    return c;
}

} // namespace

RateGraph::RateGraph(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
}

void RateGraph::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void RateGraph::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void RateGraph::setCurves(const QList<RateCurve> &curves, int spanSeconds)
{
    m_curves = curves;
    m_span = std::max(2, spanSeconds);
    QList<QList<double>> shown;
    for (const RateCurve &c : m_curves)
        shown.append(c.values.mid(std::max<qsizetype>(0, c.values.size() - m_span)));
    m_axis = rateaxis::niceRateAxis(rateaxis::maxOf(shown));
    update();
}

QString RateGraph::legendText(const RateCurve &curve) const
{
    const double now = curve.values.isEmpty() ? 0.0 : curve.values.last();
    return tr("%1: %2").arg(curve.label, units::formatRate(static_cast<qint64>(std::llround(now))));
}

QList<RateGraph::LegendItem> RateGraph::legendLayout(int width) const
{
    // Left to right, wrapping: legends of five neighbours do not fit one line of a narrow pane.
    QList<LegendItem> items;
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height() + 2;
    int x = kMargin;
    int y = kMargin + (m_title.isEmpty() ? 0 : line);
    for (int i = 0; i < m_curves.size(); ++i) {
        const int w = kSwatch + 4 + fm.horizontalAdvance(legendText(m_curves[i])) + 14;
        if (x > kMargin && x + w > width - kMargin) {
            x = kMargin;
            y += line;
        }
        items.append({QRect(x, y, w, line), i});
        x += w;
    }
    return items;
}

int RateGraph::headerHeight() const
{
    const int line = fontMetrics().height() + 2;
    int bottom = kMargin + (m_title.isEmpty() ? 0 : line);
    const QList<LegendItem> items = legendLayout(width());
    if (!items.isEmpty())
        bottom = items.last().rect.bottom() + 1;
    return bottom + 4;
}

int RateGraph::labelWidth() const
{
    const QFontMetrics fm = fontMetrics();
    int w = 0;
    for (int i = 0; i <= m_axis.steps(); ++i)
        w = std::max(w, fm.horizontalAdvance(units::formatRate(static_cast<qint64>(std::llround(i * m_axis.step)))));
    return w + 2 * kMargin;
}

QRect RateGraph::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const int left = labelWidth();
    const int top = headerHeight() + fm.height() / 2; // room for the top label, centred on its line
    const int right = width() - kMargin - fm.horizontalAdvance(QStringLiteral("00")) / 2;
    const int bottom = height() - fm.height() - kMargin;
    return QRect(QPoint(left, top), QPoint(std::max(left + 1, right), std::max(top + 1, bottom)));
}

double RateGraph::xFor(double secondsAgo) const
{
    const QRect r = plotRect();
    const double t = 1.0 - std::clamp(secondsAgo, 0.0, double(m_span - 1)) / double(m_span - 1);
    return r.left() + t * r.width();
}

double RateGraph::yFor(double bytesPerSecond) const
{
    const QRect r = plotRect();
    const double t = m_axis.top > 0 ? std::clamp(bytesPerSecond / m_axis.top, 0.0, 1.0) : 0.0;
    return r.top() + r.height() * (1.0 - t);
}

int RateGraph::secondsAgoAt(int x) const
{
    const QRect r = plotRect();
    if (x < r.left() || x > r.right() + 1)
        return -1;
    const double t = double(r.right() + 1 - x) / r.width();
    return std::clamp(static_cast<int>(std::lround(t * (m_span - 1))), 0, m_span - 1);
}

double RateGraph::valueAt(int curve, int secondsAgo) const
{
    if (curve < 0 || curve >= m_curves.size() || secondsAgo < 0 || secondsAgo >= m_span)
        return 0.0;
    const QList<double> &v = m_curves[curve].values;
    const qsizetype index = v.size() - 1 - secondsAgo;
    return index >= 0 ? v[index] : 0.0;
}

QString RateGraph::toolTipAt(QPoint pos) const
{
    const QRect r = plotRect();
    const int ago = secondsAgoAt(pos.x());
    if (ago < 0 || pos.y() < r.top() || pos.y() > r.bottom() + 1)
        return {};
    QStringList lines{rateaxis::timeTickLabel(ago)};
    for (int i = 0; i < m_curves.size(); ++i)
        lines << tr("%1: %2").arg(m_curves[i].label,
                                  units::formatRate(static_cast<qint64>(std::llround(valueAt(i, ago)))));
    if (m_curves.isEmpty() && !m_placeholder.isEmpty())
        lines << m_placeholder;
    return lines.join(QLatin1Char('\n'));
}

QSize RateGraph::sizeHint() const { return {480, 220}; }
QSize RateGraph::minimumSizeHint() const { return {200, 8 * fontMetrics().height()}; }

void RateGraph::paintGrid(QPainter &p, const QRect &plot) const
{
    const QPalette &pal = palette();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15f);
    const QFontMetrics fm = fontMetrics();
    p.setPen(QPen(grid, 0));
    for (int i = 0; i <= m_axis.steps(); ++i) {
        const double value = i * m_axis.step;
        const double y = yFor(value);
        p.setPen(QPen(grid, 0));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right() + 1, y));
        p.setPen(softText(pal));
        const QRectF label(0, y - fm.height() / 2.0, plot.left() - kMargin, fm.height());
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, units::formatRate(static_cast<qint64>(std::llround(value))));
    }
    const int interval = rateaxis::timeTickInterval(m_span - 1);
    for (int ago = 0; ago < m_span; ago += interval) {
        const double x = xFor(ago);
        p.setPen(QPen(grid, 0));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 1));
        p.setPen(softText(pal));
        const QString text = rateaxis::timeTickLabel(ago);
        const int w = fm.horizontalAdvance(text);
        const double left = std::clamp(x - w / 2.0, 0.0, double(width() - w));
        p.drawText(QRectF(left, plot.bottom() + 3, w, fm.height()), Qt::AlignCenter, text);
    }
}

void RateGraph::paintCurve(QPainter &p, const QRect &plot, const RateCurve &curve) const
{
    const qsizetype count = std::min<qsizetype>(curve.values.size(), m_span);
    if (count < 1)
        return;
    const qsizetype offset = curve.values.size() - count;
    // One point per pixel column at most: an hour is 3,600 samples and a pane some hundred
    // pixels wide, so each column shows the mean of its seconds rather than a thicket.
    const int columns = std::max(1, plot.width());
    const double perColumn = double(m_span) / columns;
    QPolygonF line;
    line.reserve(std::min<qsizetype>(count, columns + 1));
    if (perColumn <= 1.0) {
        for (qsizetype i = 0; i < count; ++i) {
            const int ago = static_cast<int>(count - 1 - i);
            line << QPointF(xFor(ago), yFor(curve.values[offset + i]));
        }
    } else {
        qsizetype i = 0;
        while (i < count) {
            const int ago = static_cast<int>(count - 1 - i);
            const qsizetype n = std::max<qsizetype>(1, std::min<qsizetype>(count - i, static_cast<qsizetype>(perColumn)));
            double sum = 0;
            for (qsizetype k = 0; k < n; ++k)
                sum += curve.values[offset + i + k];
            line << QPointF(xFor(ago - static_cast<double>(n - 1) / 2.0), yFor(sum / static_cast<double>(n)));
            i += n;
        }
    }
    if (curve.filled && line.size() > 1) {
        QPolygonF area = line;
        area << QPointF(line.last().x(), plot.bottom() + 1) << QPointF(line.first().x(), plot.bottom() + 1);
        QColor fill = curve.color;
        fill.setAlphaF(0.18f);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawPolygon(area);
        p.setBrush(Qt::NoBrush);
    }
    QPen pen(curve.color, curve.filled ? 1.5 : 2.0, curve.style);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    p.setPen(pen);
    if (line.size() == 1)
        p.drawPoint(line.first());
    else
        p.drawPolyline(line);
}

void RateGraph::paintLegend(QPainter &p) const
{
    const QFontMetrics fm = fontMetrics();
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                   m_title);
        p.setFont(font());
    }
    for (const LegendItem &item : legendLayout(width())) {
        const RateCurve &c = m_curves[item.curve];
        const double y = item.rect.center().y() + 0.5;
        QPen pen(c.color, 2.0, c.style);
        p.setPen(pen);
        p.drawLine(QPointF(item.rect.left(), y), QPointF(item.rect.left() + kSwatch, y));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(item.rect.adjusted(kSwatch + 4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, legendText(c));
    }
}

void RateGraph::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect plot = plotRect();
    p.fillRect(plot, palette().color(QPalette::Base));
    paintGrid(p, plot);
    p.save();
    p.setClipRect(plot.adjusted(0, -2, 1, 1));
    // Filled totals first, so the lines of single torrents and neighbours stay on top.
    for (const RateCurve &c : m_curves)
        if (c.filled)
            paintCurve(p, plot, c);
    for (const RateCurve &c : m_curves)
        if (!c.filled)
            paintCurve(p, plot, c);
    p.restore();
    QColor frame = palette().color(QPalette::Text);
    frame.setAlphaF(0.35f);
    p.setPen(QPen(frame, 0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(plot).adjusted(0.5, 0.5, 0.5, 0.5));
    if (m_curves.isEmpty() && !m_placeholder.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    }
    paintLegend(p);
}

bool RateGraph::event(QEvent *event)
{
    if (answerToolTip(this, event, [this](QPoint pos) { return toolTipAt(pos); }))
        return true;
    return QWidget::event(event);
}

} // namespace swarmscope::ui
