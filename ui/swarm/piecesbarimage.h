// Cached pictures of piece sets, re-rendered only when their inputs change, so that a view
// repainting at 60 Hz over unchanged snapshots costs one drawImage per bar.
#pragma once

#include "swarm/piecebins.h"
#include "swarm/swarmcolors.h"
#include "util/bitfield.h"

#include <QImage>
#include <QList>

#include <array>

namespace swarmscope::ui {

// One bitfield as a width x 1 strip: each column's shade is the fraction of its pieces present.
class BitfieldBarImage {
public:
    const QImage &image(const Bitfield &bits, int width, const QColor &empty, const QColor &full);
    int renderCount() const { return m_renders; }

private:
    Bitfield m_bits;
    int m_width = -1;
    QRgb m_empty = 0;
    QRgb m_full = 0;
    QImage m_image;
    int m_renders = 0;
};

// What a torrent's own bar shows: our pieces, the pieces being downloaded, and how many
// connected neighbours have each piece.
struct TorrentPieces {
    Bitfield have;
    QList<int> downloading;
    QList<quint16> availability;
    int pieceCount() const { return have.size() ? have.size() : static_cast<int>(availability.size()); }
    friend bool operator==(const TorrentPieces &, const TorrentPieces &) = default;
};

// TorrentPieces as a width x 2 image: row 0 our pieces (have blended with downloading), row 1
// rarity relative to the swarm (piecebins::rarity, in the "rare" colour; pieces nobody has in
// "unavailable").
class TorrentBarImage {
public:
    const QImage &image(const TorrentPieces &pieces, int width, const SwarmColors &colors);
    int renderCount() const { return m_renders; }

    static QColor ownColumn(const TorrentPieces &pieces, piecebins::Range range, int downloadingInRange,
                            const SwarmColors &colors);
    static QColor availabilityColumn(const TorrentPieces &pieces, piecebins::Range range,
                                     piecebins::Spread spread, const SwarmColors &colors);

private:
    TorrentPieces m_pieces;
    int m_width = -1;
    std::array<QRgb, 5> m_key{};
    QImage m_image;
    int m_renders = 0;
};

} // namespace swarmscope::ui
