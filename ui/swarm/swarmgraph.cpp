#include "swarm/swarmgraph.h"
#include "swarm/tooltipevent.h"

#include "format/units.h"
#include "peers/peertext.h"
#include "swarm/piecebins.h"

#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace swarmscope::ui {

using session::PeerSnapshot;

namespace {

constexpr int kMargin = 8;
constexpr int kAnimationMs = 450;
constexpr int kMaxLabelledNodes = 48;
// Legend spacing: room for a line mark, for a small icon, and between entries.
constexpr double kLegendLineMark = 26;
constexpr double kLegendIconMark = 16;
constexpr double kLegendGap = 12;

double lerp(double a, double b, double t) { return a + (b - a) * t; }

QPainterPath starPath(QPointF c, double outer)
{
    QPainterPath path;
    const double inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const double angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const double r = i % 2 ? inner : outer;
        const QPointF pt(c.x() + r * std::cos(angle), c.y() + r * std::sin(angle));
        if (i == 0)
            path.moveTo(pt);
        else
            path.lineTo(pt);
    }
    path.closeSubpath();
    return path;
}

// A pen for one direction of an edge: solid when that direction is unchoked, dashed when choked.
// The fade (idle, appearing, leaving) is blended into an opaque colour over `base`, the widget's
// background, rather than drawn with alpha: Qt's raster engine fills long translucent
// antialiased strokes an order of magnitude slower than opaque ones (bench_ui: 200 neighbours
// took 45 ms per frame with alpha, a few ms without).
QPen edgePen(const QColor &colour, const QColor &base, double width, bool choked, double presence)
{
    const bool idle = width <= 0.0;
    const QColor shade = piecebins::mix(base, colour, presence * (idle ? 0.45 : 0.9)).toRgb();
    QPen pen(QColor(shade.red(), shade.green(), shade.blue()), std::max(width, 1.0), Qt::SolidLine, Qt::FlatCap);
    if (choked) {
        // Dash lengths are in pen widths: keep dashes about 6 px long whatever the width.
        const double w = pen.widthF();
        pen.setDashPattern({std::max(1.5, 6.0 / w), std::max(1.5, 4.0 / w)});
    }
    return pen;
}

} // namespace

SwarmGraph::Visual SwarmGraph::Visual::lerp(const Visual &a, const Visual &b, double t)
{
    return {ui::lerp(a.down, b.down, t),         ui::lerp(a.up, b.up, t),
            ui::lerp(a.progress, b.progress, t), ui::lerp(a.presence, b.presence, t),
            ui::lerp(a.slot, b.slot, t),         ui::lerp(a.optimistic, b.optimistic, t)};
}

SwarmGraph::SwarmGraph(QWidget *parent)
    : QWidget(parent)
    , m_animation(new QVariantAnimation(this))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(kAnimationMs);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &v) { onAnimationStep(v.toDouble()); });
    connect(m_animation, &QVariantAnimation::finished, this, &SwarmGraph::onAnimationFinished);
}

double SwarmGraph::edgeWidth(double bytesPerSecond)
{
    if (!(bytesPerSecond > 0.0))
        return 0.0;
    return std::min(10.0, 1.0 + std::log10(1.0 + bytesPerSecond / 1024.0) * 1.6);
}

SwarmGraph::Visual SwarmGraph::targetFor(const PeerSnapshot &peer)
{
    Visual v;
    v.down = edgeWidth(peer.downloadRate);
    v.up = edgeWidth(peer.uploadRate);
    v.progress = peer.seed ? 1.0 : peer.progress();
    v.presence = 1.0;
    v.slot = peer.regularSlot ? 1.0 : 0.0;
    v.optimistic = peer.optimistic ? 1.0 : 0.0;
    return v;
}

void SwarmGraph::setDetail(std::shared_ptr<const session::TorrentDetail> detail)
{
    m_detail = std::move(detail);
    const double t = m_animation->state() == QAbstractAnimation::Running ? m_animation->currentValue().toDouble() : 1.0;
    m_animation->stop();

    QHash<QString, int> existing;
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node &n = m_nodes[i];
        n.now = Visual::lerp(n.from, n.to, t);
        n.from = n.now;
        existing.insert(n.key, i);
    }
    QHash<QString, bool> seen;
    if (m_detail) {
        for (const PeerSnapshot &peer : m_detail->peers) {
            const QString key = peertext::peerKey(peer);
            if (seen.contains(key))
                continue;
            seen.insert(key, true);
            const auto it = existing.constFind(key);
            if (it != existing.constEnd()) {
                Node &n = m_nodes[*it];
                n.peer = peer;
                n.to = targetFor(peer);
                n.leaving = false;
            } else {
                Node n;
                n.key = key;
                n.peer = peer;
                n.to = targetFor(peer);
                n.from = n.to;
                n.from.presence = 0.0; // fades and grows in
                n.from.down = n.from.up = 0.0;
                n.now = n.from;
                m_nodes.append(n);
            }
        }
    }
    for (Node &n : m_nodes) {
        if (!seen.contains(n.key)) {
            n.leaving = true;
            n.to = n.from;
            n.to.presence = 0.0;
            n.to.down = n.to.up = 0.0;
        }
    }
    // Fading nodes keep their place until they are gone, so no newcomer lands on top of them.
    QStringList all;
    for (const Node &n : std::as_const(m_nodes))
        all << n.key;
    m_ring.update(all);

    if (m_animate && isVisible()) {
        m_animation->start();
    } else {
        onAnimationStep(1.0);
        onAnimationFinished();
    }
}

void SwarmGraph::onAnimationStep(double t)
{
    for (Node &n : m_nodes)
        n.now = Visual::lerp(n.from, n.to, t);
    update();
}

void SwarmGraph::onAnimationFinished()
{
    for (Node &n : m_nodes)
        n.from = n.now = n.to;
    dropLeavingNodes();
    update();
}

void SwarmGraph::dropLeavingNodes()
{
    const auto gone = std::remove_if(m_nodes.begin(), m_nodes.end(), [](const Node &n) { return n.leaving; });
    if (gone == m_nodes.end())
        return;
    m_nodes.erase(gone, m_nodes.end());
    QStringList all;
    for (const Node &n : std::as_const(m_nodes))
        all << n.key;
    m_ring.update(all);
}

bool SwarmGraph::isAnimating() const { return m_animation->state() == QAbstractAnimation::Running; }

QStringList SwarmGraph::keys() const
{
    QStringList out;
    for (const Node &n : m_nodes)
        if (!n.leaving)
            out << n.key;
    return out;
}

SwarmGraph::Geometry SwarmGraph::geometry() const
{
    Geometry g;
    const QFontMetrics fm = fontMetrics();
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    // The legend wraps under the ring, as many lines as the width needs (narrow panes, large
    // fonts and longer languages), and the ring gets what is left above it.
    const double lineHeight = fm.height() + 4;
    g.entries = layoutLegend(std::max(0.0, area.width()), lineHeight);
    double legendHeight = lineHeight;
    for (const LegendEntry &e : std::as_const(g.entries))
        legendHeight = std::max(legendHeight, e.rect.bottom());
    g.legend = QRectF(area.left(), area.bottom() - legendHeight, area.width(), legendHeight);
    for (LegendEntry &e : g.entries)
        e.rect.translate(g.legend.topLeft());
    const QRectF ring = area.adjusted(0, 0, 0, -legendHeight - 4);
    g.centre = ring.center();
    // Room for labels outside the ring: an address to the sides, a text line above and below.
    const bool labels = m_ring.size() <= kMaxLabelledNodes;
    const double side = labels ? fm.horizontalAdvance(QStringLiteral("255.255.255.255")) + 12.0 : 0.0;
    const double vertical = labels ? fm.height() + 4.0 : 0.0;
    const double node0 = 14.0;
    g.rx = std::max(10.0, ring.width() / 2 - side - node0);
    g.ry = std::max(10.0, ring.height() / 2 - vertical - node0);
    // Node size follows the spacing of slots on the (shorter) ring.
    const double spacing = 2 * std::numbers::pi * std::min(g.rx, g.ry) / m_ring.capacity();
    g.node = std::clamp(spacing * 0.38, 3.0, node0);
    return g;
}

// Room a legend mark takes before its text: line samples are longer than the small icons.
static double legendMarkWidth(SwarmGraph::LegendMark mark)
{
    using M = SwarmGraph::LegendMark;
    return mark == M::DownLine || mark == M::UpLine || mark == M::ChokedLine ? kLegendLineMark : kLegendIconMark;
}

QList<SwarmGraph::LegendEntry> SwarmGraph::layoutLegend(double width, double lineHeight) const
{
    const QFontMetrics fm = fontMetrics();
    const QList<std::pair<LegendMark, QString>> items = {
        {LegendMark::DownLine, tr("to us")},
        {LegendMark::UpLine, tr("from us")},
        {LegendMark::ChokedLine, tr("dashed: choked")},
        {LegendMark::SlotRing, tr("upload slot")},
        {LegendMark::OptimisticStar, tr("optimistic")},
        {LegendMark::SeedSquare, tr("seed")},
        {LegendMark::SnubbedRing, tr("snubbed")},
    };
    QList<LegendEntry> out;
    double x = 0;
    double y = 0;
    for (const auto &[mark, text] : items) {
        const double markWidth = legendMarkWidth(mark);
        LegendEntry e;
        e.mark = mark;
        e.text = text;
        double textWidth = fm.horizontalAdvance(text) + 2;
        if (markWidth + textWidth > width) {
            // Alone wider than the widget: shorten the text rather than let it be cut at the edge.
            e.text = fm.elidedText(text, Qt::ElideRight, static_cast<int>(std::max(0.0, width - markWidth - 2)));
            textWidth = fm.horizontalAdvance(e.text) + 2;
        }
        const double entryWidth = std::min(width, markWidth + textWidth);
        // An entry moves to the next line whole, never split between its mark and its text.
        if (x > 0 && x + entryWidth > width) {
            x = 0;
            y += lineHeight;
        }
        e.rect = QRectF(x, y, entryWidth, lineHeight);
        out << e;
        x += entryWidth + kLegendGap;
    }
    return out;
}

QPointF SwarmGraph::positionOn(const Geometry &g, const QString &key) const
{
    const double angle = m_ring.angleOf(key);
    if (std::isnan(angle))
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    // Clockwise from the top.
    return {g.centre.x() + g.rx * std::sin(angle), g.centre.y() - g.ry * std::cos(angle)};
}

QPointF SwarmGraph::centre() const { return geometry().centre; }
QPointF SwarmGraph::nodePosition(const QString &key) const { return positionOn(geometry(), key); }
double SwarmGraph::nodeRadius() const { return geometry().node; }

double SwarmGraph::centreRadius() const
{
    const Geometry g = geometry();
    return std::clamp(std::min(g.rx, g.ry) * 0.12, 10.0, 28.0);
}

QString SwarmGraph::nodeAt(QPointF pos) const
{
    const Geometry g = geometry();
    QString best;
    double bestDistance = g.node + 3.0; // a little slack around small nodes
    for (const Node &n : m_nodes) {
        if (n.leaving)
            continue;
        const QPointF d = positionOn(g, n.key) - pos;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = n.key;
        }
    }
    return best;
}

bool SwarmGraph::isCentreAt(QPointF pos) const
{
    const QPointF d = centre() - pos;
    return std::hypot(d.x(), d.y()) <= centreRadius();
}

void SwarmGraph::paintEvent(QPaintEvent *)
{
    const SwarmColors colors = SwarmColors::forPalette(palette());
    const Geometry g = geometry();
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    if (!m_detail) {
        p.setPen(colors.text);
        p.drawText(rect(), Qt::AlignCenter, tr("No torrent selected"));
        return;
    }
    paintEdges(p, g, colors);
    QStringList keys;
    for (const Node &n : m_nodes)
        keys << n.key;
    m_sharedHosts = peertext::sharedHosts(keys);
    for (const Node &n : m_nodes)
        paintNode(p, g, n, colors);
    paintCentre(p, g, colors);
    paintLegend(p, g, colors);
}

void SwarmGraph::paintEdges(QPainter &p, const Geometry &g, const SwarmColors &colors) const
{
    const double centreR = centreRadius();
    const QColor base = palette().color(QPalette::Base); // what paintEvent filled the widget with
    // Antialiasing the edges doubles their cost, which grows with the device pixels: at a HiDPI
    // scale with many neighbours (bench_ui: 200 at scale 2, 21 ms a frame with it, 11 without)
    // it is dropped, where physical pixels are small enough that the steps hardly show.
    p.save();
    p.setRenderHint(QPainter::Antialiasing, devicePixelRatioF() < 1.5 || m_nodes.size() <= kMaxLabelledNodes);
    for (const Node &n : m_nodes) {
        const QPointF pos = positionOn(g, n.key);
        const QPointF v = pos - g.centre;
        const double length = std::hypot(v.x(), v.y());
        if (length < centreR + g.node + 2)
            continue;
        const QPointF dir = v / length;
        const QPointF normal(-dir.y(), dir.x());
        // Two lines side by side, one per direction, parted by half their widths.
        const double offset = (std::max(n.now.down, 1.0) + std::max(n.now.up, 1.0)) / 4.0 + 1.0;
        const QPointF inner = g.centre + dir * centreR;
        const QPointF outer = pos - dir * g.node;
        p.setPen(edgePen(colors.download, base, n.now.down, n.peer.peerChoking, n.now.presence));
        p.drawLine(outer + normal * offset, inner + normal * offset);
        p.setPen(edgePen(colors.upload, base, n.now.up, n.peer.amChoking, n.now.presence));
        p.drawLine(inner - normal * offset, outer - normal * offset);
    }
    p.restore();
}

void SwarmGraph::paintNode(QPainter &p, const Geometry &g, const Node &n, const SwarmColors &colors) const
{
    const QPointF pos = positionOn(g, n.key);
    const double r = g.node * (0.4 + 0.6 * n.now.presence);
    p.save();
    p.setOpacity(std::clamp(n.now.presence, 0.0, 1.0));
    // Upload slot ring first, under the node.
    if (n.now.slot > 0.01) {
        QColor ring = colors.slot;
        ring.setAlphaF(static_cast<float>(n.now.slot));
        p.setPen(QPen(ring, std::max(1.5, r * 0.28)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(pos, r + 3.5, r + 3.5);
    }
    const QPen outline(n.peer.snubbed ? colors.unavailable : colors.frame, n.peer.snubbed ? 1.6 : 1.0,
                       n.peer.snubbed ? Qt::DotLine : Qt::SolidLine);
    if (n.peer.seed) {
        // Seeds are squares: they have everything and only give.
        p.setPen(outline);
        p.setBrush(colors.seed);
        p.drawRoundedRect(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r), r * 0.25, r * 0.25);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(colors.background);
        p.drawEllipse(pos, r, r);
        p.setBrush(colors.theyHave);
        const QRectF box(pos.x() - r, pos.y() - r, 2 * r, 2 * r);
        p.drawPie(box, 90 * 16, -static_cast<int>(std::lround(n.now.progress * 360 * 16)));
        p.setPen(outline);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(pos, r, r);
    }
    if (n.now.optimistic > 0.01) {
        QColor star = colors.optimistic;
        star.setAlphaF(static_cast<float>(n.now.optimistic));
        const QPointF at = pos + QPointF(r * 0.9, -r * 0.9);
        p.setPen(QPen(colors.background, 1.0));
        p.setBrush(star);
        p.drawPath(starPath(at, std::max(4.5, r * 0.75)));
    }
    if (m_ring.size() <= kMaxLabelledNodes && g.node >= 6) {
        // The address outside the ring, on the side away from the centre.
        const QPointF out = pos - g.centre;
        const QFontMetrics fm = fontMetrics();
        const QString text = peertext::peerLabel(n.key, m_sharedHosts);
        const double w = fm.horizontalAdvance(text) + 2;
        const double h = fm.height();
        QRectF box(0, 0, w, h);
        const double gap = r + 5;
        if (std::abs(out.x()) < g.rx * 0.25) // top or bottom: centred above or below
            box.moveCenter(pos + QPointF(0, out.y() < 0 ? -(gap + h / 2) : gap + h / 2));
        else if (out.x() > 0)
            box.moveTopLeft(pos + QPointF(gap, -h / 2));
        else
            box.moveTopRight(pos + QPointF(-gap, -h / 2));
        p.setPen(colors.text);
        p.drawText(box, Qt::AlignCenter, text);
    }
    p.restore();
}

void SwarmGraph::paintCentre(QPainter &p, const Geometry &g, const SwarmColors &colors) const
{
    const double r = centreRadius();
    const Bitfield &have = m_detail->have;
    const double progress = have.size() ? static_cast<double>(have.count()) / have.size() : 0.0;
    p.setPen(Qt::NoPen);
    p.setBrush(colors.background);
    p.drawEllipse(g.centre, r, r);
    p.setBrush(colors.have);
    p.drawPie(QRectF(g.centre.x() - r, g.centre.y() - r, 2 * r, 2 * r), 90 * 16,
              -static_cast<int>(std::lround(progress * 360 * 16)));
    p.setPen(QPen(colors.text, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(g.centre, r, r);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QRectF label(g.centre.x() - r * 2, g.centre.y() + r + 2, r * 4, fontMetrics().height() + 2);
    p.drawText(label, Qt::AlignHCenter | Qt::AlignTop, tr("Us"));
    p.setFont(font());
}

QList<SwarmGraph::LegendEntry> SwarmGraph::legendEntries() const { return geometry().entries; }

void SwarmGraph::paintLegend(QPainter &p, const Geometry &g, const SwarmColors &colors) const
{
    for (const LegendEntry &e : g.entries) {
        const double mid = e.rect.center().y();
        paintLegendMark(p, e.mark, QPointF(e.rect.left(), mid), colors);
        const QRectF textBox = e.rect.adjusted(legendMarkWidth(e.mark), 0, 0, 0);
        p.setPen(colors.text);
        p.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
}

// The mark of one legend entry, drawn from `at` (left end, vertical middle) like its kind in the graph.
void SwarmGraph::paintLegendMark(QPainter &p, LegendMark mark, QPointF at, const SwarmColors &colors) const
{
    const double x = at.x();
    const double mid = at.y();
    const auto line = [&](const QColor &c, bool dashed) {
        p.setPen(edgePen(c, palette().color(QPalette::Base), 2.5, dashed, 1.0));
        p.drawLine(QPointF(x, mid), QPointF(x + 22, mid));
    };
    switch (mark) {
    case LegendMark::DownLine:
        line(colors.download, false);
        break;
    case LegendMark::UpLine:
        line(colors.upload, false);
        break;
    case LegendMark::ChokedLine:
        line(colors.frame, true);
        break;
    case LegendMark::SlotRing:
        p.setPen(QPen(colors.slot, 2.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(x + 6, mid), 5.5, 5.5);
        break;
    case LegendMark::OptimisticStar:
        p.setPen(Qt::NoPen);
        p.setBrush(colors.optimistic);
        p.drawPath(starPath(QPointF(x + 6, mid), 6));
        break;
    case LegendMark::SeedSquare:
        p.setPen(colors.frame);
        p.setBrush(colors.seed);
        p.drawRect(QRectF(x + 1, mid - 5, 10, 10));
        break;
    case LegendMark::SnubbedRing:
        p.setPen(QPen(colors.unavailable, 1.6, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(x + 6, mid), 5, 5);
        break;
    }
}

QString SwarmGraph::nodeToolTip(const PeerSnapshot &peer) const
{
    const QLocale locale;
    QStringList lines;
    lines << tr("%1 (%2)").arg(peertext::peerKey(peer), peer.client.isEmpty() ? tr("unknown client") : peer.client);
    lines << (peer.seed ? tr("Seed: has every piece")
                        : tr("Has %1 of the torrent").arg(units::formatPercent(peer.progress(), locale)));
    lines << tr("Receiving %1 from it, sending %2 to it")
                 .arg(units::formatRate(std::llround(peer.downloadRate), locale),
                      units::formatRate(std::llround(peer.uploadRate), locale));
    lines << tr("Received %1, sent %2 since connecting")
                 .arg(units::formatSize(peer.downloaded, locale), units::formatSize(peer.uploaded, locale));
    lines << peertext::chokeStateLines(peer);
    if (peer.optimistic)
        lines << tr("Holds our optimistic unchoke slot");
    else if (peer.regularSlot)
        lines << tr("Holds one of our regular unchoke slots");
    if (peer.snubbed)
        lines << tr("Snubbed: it unchoked us but has sent nothing for a while");
    lines << tr("%1 connection, found via %2")
                 .arg(peertext::directionName(peer.incoming), peertext::sourceName(peer.source));
    return lines.join(QLatin1Char('\n'));
}

QString SwarmGraph::centreToolTip() const
{
    const QLocale locale;
    double down = 0;
    double up = 0;
    int unchokedUs = 0;
    int weUnchoke = 0;
    for (const PeerSnapshot &peer : m_detail->peers) {
        down += peer.downloadRate;
        up += peer.uploadRate;
        unchokedUs += peer.peerChoking ? 0 : 1;
        weUnchoke += peer.amChoking ? 0 : 1;
    }
    QStringList lines;
    lines << tr("Us: %n neighbour(s) connected", nullptr, static_cast<int>(m_detail->peers.size()));
    lines << tr("We have %1 of %2 pieces")
                 .arg(locale.toString(m_detail->have.count()), locale.toString(m_detail->have.size()));
    lines << tr("Receiving %1, sending %2")
                 .arg(units::formatRate(std::llround(down), locale), units::formatRate(std::llround(up), locale));
    lines << tr("%1 neighbours unchoke us; we unchoke %2")
                 .arg(locale.toString(unchokedUs), locale.toString(weUnchoke));
    return lines.join(QLatin1Char('\n'));
}

QString SwarmGraph::toolTipAt(QPointF pos) const
{
    if (!m_detail)
        return {};
    if (isCentreAt(pos))
        return centreToolTip();
    const QString key = nodeAt(pos);
    for (const Node &n : m_nodes)
        if (n.key == key && !n.leaving)
            return nodeToolTip(n.peer);
    return {};
}

QSize SwarmGraph::sizeHint() const { return {640, 480}; }
QSize SwarmGraph::minimumSizeHint() const { return {240, 200}; }

bool SwarmGraph::event(QEvent *event)
{
    if (answerToolTip(this, event, [this](const QPoint &pos) { return toolTipAt(pos); }))
        return true;
    return QWidget::event(event);
}

} // namespace swarmscope::ui
