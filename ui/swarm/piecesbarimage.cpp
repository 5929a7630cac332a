#include "swarm/piecesbarimage.h"

#include <algorithm>

namespace swarmscope::ui {

using piecebins::Range;

const QImage &BitfieldBarImage::image(const Bitfield &bits, int width, const QColor &empty, const QColor &full)
{
    width = std::max(width, 1);
    if (m_image.isNull() || width != m_width || empty.rgba() != m_empty || full.rgba() != m_full
        || !(bits == m_bits)) {
        m_bits = bits; // implicitly shared bytes: a cheap copy
        m_width = width;
        m_empty = empty.rgba();
        m_full = full.rgba();
        m_image = piecebins::renderBitfield(bits, width, empty, full);
        ++m_renders;
    }
    return m_image;
}

QColor TorrentBarImage::ownColumn(const TorrentPieces &pieces, Range range, int downloadingInRange,
                                  const SwarmColors &colors)
{
    if (range.isEmpty())
        return colors.background;
    const double n = range.count();
    const double have = piecebins::countSet(pieces.have, range.first, range.end) / n;
    QColor c = piecebins::mix(colors.background, colors.have, have);
    if (downloadingInRange > 0) {
        // One piece in flight among hundreds per column must still show: at least half strength.
        const double share = std::max(std::min(downloadingInRange / n, 1.0), 0.5);
        c = piecebins::mix(c, colors.downloading, share);
    }
    return c;
}

QColor TorrentBarImage::availabilityColumn(const TorrentPieces &pieces, Range range, piecebins::Spread spread,
                                            const SwarmColors &colors)
{
    if (range.isEmpty() || pieces.availability.isEmpty())
        return colors.background;
    int missingEverywhere = 0;
    const int end = std::min(range.end, static_cast<int>(pieces.availability.size()));
    for (int p = range.first; p < end; ++p)
        if (pieces.availability[p] == 0 && !pieces.have.test(p))
            ++missingEverywhere;
    if (missingEverywhere > 0) // a piece nobody we know can give us: the loudest thing on the bar
        return piecebins::mix(colors.background, colors.unavailable,
                              std::max(0.5, static_cast<double>(missingEverywhere) / range.count()));
    return piecebins::mix(colors.background, colors.rare,
                          piecebins::rarity(piecebins::meanOf(pieces.availability, range), spread));
}

const QImage &TorrentBarImage::image(const TorrentPieces &pieces, int width, const SwarmColors &colors)
{
    width = std::max(width, 1);
    const std::array<QRgb, 5> key = {colors.background.rgba(), colors.have.rgba(), colors.downloading.rgba(),
                                     colors.rare.rgba(), colors.unavailable.rgba()};
    if (!m_image.isNull() && width == m_width && key == m_key && pieces == m_pieces)
        return m_image;
    m_pieces = pieces;
    m_width = width;
    m_key = key;
    m_image = QImage(width, 2, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(colors.background);
    const int count = pieces.pieceCount();
    const QList<int> downloading = piecebins::columnCounts(pieces.downloading, width, count);
    const piecebins::Spread spread = piecebins::availabilitySpread(pieces.availability);
    auto *own = reinterpret_cast<QRgb *>(m_image.scanLine(0));
    auto *avail = reinterpret_cast<QRgb *>(m_image.scanLine(1));
    for (int x = 0; x < width; ++x) {
        const Range r = piecebins::piecesForColumn(x, width, count);
        if (r.isEmpty())
            break;
        own[x] = qPremultiply(ownColumn(pieces, r, downloading[x], colors).rgba());
        avail[x] = qPremultiply(availabilityColumn(pieces, r, spread, colors).rgba());
    }
    ++m_renders;
    return m_image;
}

} // namespace swarmscope::ui
