#include "swarm/swarmmatrix.h"
#include "swarm/tooltipevent.h"

#include "peers/peertext.h"
#include "swarm/piecesbar.h"
#include "swarm/piecesbarimage.h"

#include <QEvent>
#include <QHash>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QSet>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmscope::ui {

using piecebins::Range;
using session::PeerSnapshot;

namespace {

constexpr int kMargin = 4;
constexpr int kRarityHeight = 6;
constexpr int kGap = 3;
constexpr double kMinMark = 3.0; // logical pixels

// The colour of `n` pieces of which `common` both have and `theirs` only the neighbour has,
// over the column's tint; integer maths because this runs for every cell of the matrix.
QRgb cellColour(QRgb base, QRgb both, QRgb only, int n, int common, int theirs)
{
    const int rest = n - common - theirs;
    const auto ch = [&](int b, int x, int y) { return (b * rest + x * common + y * theirs + n / 2) / n; };
    return qRgb(ch(qRed(base), qRed(both), qRed(only)), ch(qGreen(base), qGreen(both), qGreen(only)),
                ch(qBlue(base), qBlue(both), qBlue(only)));
}

} // namespace

SwarmMatrix::SwarmMatrix(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SwarmMatrix::setDetail(std::shared_ptr<const session::TorrentDetail> detail)
{
    m_detail = std::move(detail);
    QHash<QString, int> byKey;
    QStringList incomingOrder;
    if (m_detail) {
        for (int i = 0; i < m_detail->peers.size(); ++i) {
            const QString key = peertext::peerKey(m_detail->peers[i]);
            if (!byKey.contains(key)) {
                byKey.insert(key, i);
                incomingOrder << key;
            }
        }
    }
    QStringList order;
    for (const QString &key : std::as_const(m_order))
        if (byKey.contains(key))
            order << key;
    const QSet<QString> kept(order.begin(), order.end());
    for (const QString &key : std::as_const(incomingOrder))
        if (!kept.contains(key))
            order << key;
    m_order = order;
    m_peerIndex.clear();
    for (const QString &key : std::as_const(m_order))
        m_peerIndex << byKey.value(key);
    m_dirty = true;
    update();
}

int SwarmMatrix::pieceCount() const
{
    if (!m_detail)
        return 0;
    return m_detail->have.size() ? m_detail->have.size() : static_cast<int>(m_detail->availability.size());
}

const PeerSnapshot *SwarmMatrix::peerAtRow(int row) const
{
    if (!m_detail || row < 0 || row >= m_peerIndex.size())
        return nullptr;
    return &m_detail->peers[m_peerIndex[row]];
}

SwarmMatrix::Layout SwarmMatrix::layout() const
{
    Layout l;
    const QFontMetrics fm = fontMetrics();
    const QRect inner = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    l.gutter = fm.horizontalAdvance(QStringLiteral("255.255.255.255")) + 8;
    const int left = inner.left() + l.gutter;
    const int width = std::max(0, inner.right() - left + 1);
    const int ownHeight = fm.height();
    l.own = QRect(left, inner.top(), width, ownHeight);
    l.rarity = QRect(left, l.own.bottom() + 1, width, std::max(kRarityHeight, fm.height() * 2 / 3));
    const int legendHeight = fm.height() + 4;
    l.legend = QRect(inner.left(), inner.bottom() - legendHeight + 1, inner.width(), legendHeight);
    const int gridTop = l.rarity.bottom() + 1 + kGap;
    const int available = std::max(0, l.legend.top() - kGap - gridTop);
    const int rows = neighbourCount();
    // Rows are at most a text line tall; whole pixels while they are at least 2 px, so that
    // rows stay crisp, fractional below that (each neighbour still gets its image row).
    double rowHeight = rows ? std::min<double>(fm.height(), static_cast<double>(available) / rows) : 0.0;
    if (rowHeight >= 2.0)
        rowHeight = std::floor(rowHeight);
    l.rowHeight = rowHeight;
    l.grid = QRect(left, gridTop, width, static_cast<int>(std::ceil(rowHeight * rows)));
    // The legend follows the grid closely when rows leave room, rather than at the far bottom.
    if (l.grid.bottom() + kGap + 2 * legendHeight < l.legend.top())
        l.legend.moveTop(l.grid.bottom() + 2 * kGap + 2);
    return l;
}

QRect SwarmMatrix::ownRect() const { return layout().own; }
QRect SwarmMatrix::rarityRect() const { return layout().rarity; }
QRect SwarmMatrix::gridRect() const { return layout().grid; }
double SwarmMatrix::rowHeight() const { return layout().rowHeight; }

int SwarmMatrix::physicalGridWidth() const
{
    return barpaint::physicalWidth(layout().grid.width(), devicePixelRatioF());
}

int SwarmMatrix::rowAt(int y) const
{
    const Layout l = layout();
    if (y >= l.own.top() && y <= l.own.bottom())
        return OwnRow;
    if (y >= l.rarity.top() && y <= l.rarity.bottom())
        return RarityRow;
    if (l.rowHeight <= 0 || y < l.grid.top() || y > l.grid.bottom())
        return NoRow;
    const int row = static_cast<int>(std::floor((y - l.grid.top()) / l.rowHeight));
    return row < neighbourCount() ? row : NoRow;
}

Range SwarmMatrix::piecesAtX(int x) const
{
    const QRect grid = layout().grid;
    return barpaint::piecesAtLogicalX(x - grid.left(), grid.width(), devicePixelRatioF(), pieceCount());
}

void SwarmMatrix::render(int width, const SwarmColors &colors)
{
    const int rows = neighbourCount();
    m_image = QImage(width, rows + 2, QImage::Format_RGB32);
    m_image.fill(colors.background);
    ++m_renders;
    m_dirty = false;
    const int count = pieceCount();
    if (!m_detail || count == 0)
        return;

    TorrentPieces own{m_detail->have, m_detail->downloadingPieces, m_detail->availability};
    const QList<int> downloading = piecebins::columnCounts(own.downloading, width, count);
    const piecebins::Spread spread = piecebins::availabilitySpread(own.availability);
    QList<Range> ranges(width);
    QList<QColor> base(width); // the rarity-tinted background of each column
    QList<QRgb> baseRgb(width);
    auto *ownLine = reinterpret_cast<QRgb *>(m_image.scanLine(0));
    auto *rarityLine = reinterpret_cast<QRgb *>(m_image.scanLine(1));
    for (int x = 0; x < width; ++x) {
        ranges[x] = piecebins::piecesForColumn(x, width, count);
        ownLine[x] = TorrentBarImage::ownColumn(own, ranges[x], downloading[x], colors).rgb();
        rarityLine[x] = TorrentBarImage::availabilityColumn(own, ranges[x], spread, colors).rgb();
        const double rarity = own.availability.isEmpty()
            ? 0.0 : piecebins::rarity(piecebins::meanOf(own.availability, ranges[x]), spread);
        base[x] = piecebins::mix(colors.background, colors.rare, 0.35 * rarity); // a tint, under the data
        baseRgb[x] = base[x].rgb();
    }

    const bool haveUsable = m_detail->have.size() == count;
    const QRgb bothHave = colors.bothHave.rgb();
    const QRgb theyHave = colors.theyHave.rgb();
    QByteArray common; // scratch: pieces both the neighbour and we have
    for (int row = 0; row < rows; ++row) {
        const PeerSnapshot &peer = m_detail->peers[m_peerIndex[row]];
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(row + 2));
        if (peer.pieces.size() != count) { // no bitfield yet: only the column tint
            for (int x = 0; x < width; ++x)
                line[x] = base[x].rgb();
            continue;
        }
        // AND the two bitfields once, so that each column costs two popcounts.
        common = peer.pieces.toWire();
        char *dst = common.data();
        const char *ours = m_detail->have.toWire().constData();
        for (qsizetype i = 0; haveUsable && i < common.size(); ++i)
            dst[i] = static_cast<char>(dst[i] & ours[i]);
        if (!haveUsable)
            common.fill('\0');
        const Bitfield both = Bitfield::fromWire(common, count).value_or(Bitfield(count));
        // Plain pointers in the hot loop: QList's non-const operator[] checks for detaching.
        const Range *columnRanges = ranges.constData();
        const QRgb *columnBase = baseRgb.constData();
        for (int x = 0; x < width; ++x) {
            const Range &r = columnRanges[x];
            if (r.isEmpty())
                break;
            const int has = piecebins::countSet(peer.pieces, r.first, r.end);
            const int shared = piecebins::countSet(both, r.first, r.end);
            line[x] = cellColour(columnBase[x], bothHave, theyHave, r.count(), shared, has - shared);
        }
    }
}

void SwarmMatrix::paintEvent(QPaintEvent *)
{
    const SwarmColors colors = SwarmColors::forPalette(palette());
    const Layout l = layout();
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const int width = barpaint::physicalWidth(l.grid.width(), devicePixelRatioF());
    if (m_dirty || m_image.width() != width || m_image.height() != neighbourCount() + 2)
        render(width, colors);

    p.drawImage(l.own, m_image, QRect(0, 0, width, 1));
    p.drawImage(l.rarity, m_image, QRect(0, 1, width, 1));
    if (neighbourCount() > 0 && l.grid.height() > 0) {
        const QRectF target(l.grid.left(), l.grid.top(), l.grid.width(), l.rowHeight * neighbourCount());
        p.drawImage(target, m_image, QRectF(0, 2, width, neighbourCount()));
        // Thin separators once rows are tall enough to spare a pixel: rows read as rows.
        if (l.rowHeight >= 6) {
            p.setPen(palette().color(QPalette::Window));
            for (int r = 1; r < neighbourCount(); ++r) {
                const int y = l.grid.top() + static_cast<int>(r * l.rowHeight) - 1;
                p.drawLine(l.grid.left(), y, l.grid.right(), y);
            }
        }
    }
    paintMarks(p, l, colors);
    p.setPen(colors.frame);
    p.setBrush(Qt::NoBrush);
    p.drawRect(l.own.united(l.rarity).adjusted(-1, -1, 0, 0));
    if (l.grid.height() > 0)
        p.drawRect(l.grid.adjusted(-1, -1, 0, 0));
    paintLabels(p, l, colors);
    paintLegend(p, l.legend, colors);
}

void SwarmMatrix::paintMarks(QPainter &p, const Layout &l, const SwarmColors &colors) const
{
    // Requests are single pieces: at a fraction of a pixel per piece they would vanish in the
    // image, so each is drawn over it as a mark at least kMinMark pixels wide.
    const int count = pieceCount();
    if (!m_detail || count == 0)
        return;
    const qreal dpr = devicePixelRatioF();
    const auto mark = [&](int piece, double top, double height, const QColor &colour) {
        const QRectF r = barpaint::pieceMark(piece, l.grid, dpr, count, kMinMark);
        if (!r.isEmpty())
            p.fillRect(QRectF(r.left(), top, r.width(), height), colour);
    };
    for (int piece : m_detail->downloadingPieces)
        mark(piece, l.own.top(), l.own.height(), colors.downloading);
    const double height = std::max(1.0, l.rowHeight - (l.rowHeight >= 6 ? 1 : 0));
    for (int row = 0; row < neighbourCount(); ++row) {
        const PeerSnapshot &peer = *peerAtRow(row);
        const double top = l.grid.top() + row * l.rowHeight;
        for (int piece : peer.piecesItRequests)
            mark(piece, top, height, colors.theyRequest);
        for (int piece : peer.piecesWeRequest)
            mark(piece, top, height, colors.weRequest);
    }
}

void SwarmMatrix::paintLabels(QPainter &p, const Layout &l, const SwarmColors &colors) const
{
    const QFontMetrics fm = fontMetrics();
    const int right = l.own.left() - 6;
    const int gutterLeft = right - l.gutter + 6;
    p.setPen(colors.text);
    const auto label = [&](int top, int height, const QString &text) {
        const QRect r(gutterLeft, top, right - gutterLeft, height);
        p.drawText(r, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideMiddle, r.width()));
    };
    label(l.own.top(), l.own.height(), tr("We have"));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    p.drawText(QRect(gutterLeft, l.rarity.top() - 2, right - gutterLeft, l.rarity.height() + 4),
               Qt::AlignRight | Qt::AlignVCenter, tr("Rarity"));
    p.setFont(font());
    if (!m_detail || pieceCount() == 0) {
        p.drawText(l.grid.isEmpty() ? rect() : l.grid, Qt::AlignCenter,
                   m_detail ? tr("No piece information yet") : tr("No torrent selected"));
        return;
    }
    if (neighbourCount() == 0) {
        p.drawText(rect().adjusted(0, l.rarity.bottom(), 0, -l.legend.height()), Qt::AlignCenter,
                   tr("No connected neighbours"));
        return;
    }
    // Label every row when rows are a text line tall, else every k-th row with its number.
    const int every = std::max(1, static_cast<int>(std::ceil(fm.height() / std::max(l.rowHeight, 0.01))));
    const QSet<QString> shared = every == 1 ? peertext::sharedHosts(m_order) : QSet<QString>();
    for (int row = 0; row < neighbourCount(); row += every) {
        const int top = l.grid.top() + static_cast<int>(row * l.rowHeight);
        const int height = std::max(fm.height(), static_cast<int>(l.rowHeight));
        if (top + height > l.legend.top())
            break;
        const QString key = m_order[row];
        label(top, height, every == 1 ? peertext::peerLabel(key, shared) : QStringLiteral("#%1").arg(row + 1));
    }
}

void SwarmMatrix::paintLegend(QPainter &p, const QRect &area, const SwarmColors &colors) const
{
    const QFontMetrics fm = fontMetrics();
    const QList<std::pair<QColor, QString>> items{
        {colors.theyHave, tr("It has, we lack")},
        {colors.bothHave, tr("Both have")},
        {colors.weRequest, tr("We request it (from this peer)")},
        {colors.theyRequest, tr("It requests it from us")},
        {colors.have, tr("We have")},
        {colors.rare, tr("Rare among neighbours")},
        {colors.unavailable, tr("No neighbour has it")},
    };
    int x = area.left();
    const int box = fm.height() - 4;
    for (const auto &[colour, text] : items) {
        const int w = box + 4 + fm.horizontalAdvance(text) + 12;
        if (x + w > area.right())
            break;
        const QRect swatch(x, area.top() + (area.height() - box) / 2, box, box);
        p.fillRect(swatch, colour);
        p.setPen(colors.frame);
        p.drawRect(swatch.adjusted(0, 0, -1, -1));
        p.setPen(colors.text);
        p.drawText(QRect(x + box + 4, area.top(), w, area.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += w;
    }
}

QString SwarmMatrix::peerCellText(const PeerSnapshot &peer, Range range) const
{
    const QLocale locale;
    const auto inRange = [&range](const QList<int> &pieces) {
        return static_cast<int>(std::count_if(pieces.begin(), pieces.end(),
                                              [&range](int p) { return p >= range.first && p < range.end; }));
    };
    int common = 0;
    for (int p = range.first; p < range.end; ++p)
        common += peer.pieces.test(p) && m_detail->have.test(p) ? 1 : 0;
    QStringList lines;
    lines << tr("%1 (%2)").arg(peertext::peerKey(peer), peer.client.isEmpty() ? tr("unknown client") : peer.client);
    lines << barpaint::rangeText(range);
    lines << tr("It has %1 of them; we have %2 of those too")
                 .arg(locale.toString(piecebins::countSet(peer.pieces, range.first, range.end)), locale.toString(common));
    lines << tr("We request %1 of them from it; it downloads %2 of them from us")
                 .arg(locale.toString(inRange(peer.piecesWeRequest)), locale.toString(inRange(peer.piecesItRequests)));
    lines << rarityCellText(range);
    return lines.join(QLatin1Char('\n'));
}

QString SwarmMatrix::ownCellText(Range range) const
{
    const QLocale locale;
    int downloading = 0;
    for (int p : m_detail->downloadingPieces)
        downloading += p >= range.first && p < range.end ? 1 : 0;
    return tr("Our pieces\n%1\nWe have %2 of them; %3 downloading")
        .arg(barpaint::rangeText(range), locale.toString(piecebins::countSet(m_detail->have, range.first, range.end)),
             locale.toString(downloading));
}

QString SwarmMatrix::rarityCellText(Range range) const
{
    const QLocale locale;
    const QList<quint16> &a = m_detail->availability;
    const int end = std::min(range.end, static_cast<int>(a.size()));
    if (end <= range.first)
        return tr("Copies among neighbours: unknown");
    const auto [lo, hi] = std::minmax_element(a.begin() + range.first, a.begin() + end);
    return tr("Copies among neighbours: %1 to %2 (mean %3)")
        .arg(locale.toString(*lo), locale.toString(*hi), locale.toString(piecebins::meanOf(a, range), 'f', 1));
}

QString SwarmMatrix::toolTipAt(QPoint pos) const
{
    if (!m_detail || pieceCount() == 0)
        return {};
    const Range range = piecesAtX(pos.x());
    if (range.isEmpty())
        return {};
    const int row = rowAt(pos.y());
    if (row == OwnRow)
        return ownCellText(range);
    if (row == RarityRow)
        return tr("Rarity\n%1\n%2").arg(barpaint::rangeText(range), rarityCellText(range));
    if (const PeerSnapshot *peer = peerAtRow(row))
        return peerCellText(*peer, range);
    return {};
}

QSize SwarmMatrix::sizeHint() const { return {640, 360}; }
QSize SwarmMatrix::minimumSizeHint() const { return {200, 6 * fontMetrics().height()}; }

void SwarmMatrix::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        m_dirty = true;
    QWidget::changeEvent(event);
}

bool SwarmMatrix::event(QEvent *event)
{
    if (answerToolTip(this, event, [this](const QPoint &pos) { return toolTipAt(pos); }))
        return true;
    return QWidget::event(event);
}

} // namespace swarmscope::ui
