// Mapping pieces to pixel columns, shared by every piece picture (bars, cells, the matrix).
//
// With more pieces than columns, each column is a bin of consecutive pieces and the bins
// partition the pieces exactly; with fewer pieces, each piece is stretched over whole columns.
// Zero pieces (a magnet without metadata) or zero columns give empty ranges, never a division.
#pragma once

#include "util/bitfield.h"

#include <QColor>
#include <QImage>
#include <QList>

namespace swarmscope::ui::piecebins {

// A half-open range [first, end).
struct Range {
    int first = 0;
    int end = 0;
    int count() const { return end > first ? end - first : 0; }
    bool isEmpty() const { return end <= first; }
    friend bool operator==(const Range &, const Range &) = default;
};

// The pieces drawn in column `x` of `width` columns; empty when x is outside or there are no pieces.
Range piecesForColumn(int x, int width, int pieceCount);

// The columns that draw piece `piece`: exactly one when pieces >= width, a run otherwise.
Range columnsForPiece(int piece, int width, int pieceCount);

// The pieces drawn by columns [columns.first, columns.end), the union of their ranges.
Range piecesForColumns(Range columns, int width, int pieceCount);

// How many of pieces [first, end) are set; the range is clipped to the bitfield.
int countSet(const Bitfield &bits, int first, int end);

// Per column, how many pieces of `pieces` (indexes, any order) fall in it.
QList<int> columnCounts(const QList<int> &pieces, int width, int pieceCount);

// Mean of availability[first..end) (clipped), or 0 for an empty range.
double meanOf(const QList<quint16> &availability, Range range);

// Linear blend, rounded per channel: t = 0 gives a, 1 gives b; t is clamped to [0, 1].
QColor mix(const QColor &a, const QColor &b, double t);

// A width x 1 image: each column blends `empty` towards `full` by the fraction of its pieces set.
QImage renderBitfield(const Bitfield &bits, int width, const QColor &empty, const QColor &full);

// The fewest and most copies of any piece among the connected neighbours, ignoring pieces
// nobody has (those get their own colour).
struct Spread {
    int fewest = 0;
    int most = 0;
};
Spread availabilitySpread(const QList<quint16> &availability);

// How strongly to mark rarity for a (mean) availability, relative to the swarm: 1.0 for the
// rarest pieces, 0.0 for the commonest, so that the pieces rarest-first goes for stand out
// whatever the swarm's size. When every piece has as many copies, 1/copies (one copy is rare).
// Below one copy (nobody has it) it is 1.0; callers draw that in the "unavailable" colour.
double rarity(double meanAvailability, Spread spread);

} // namespace swarmscope::ui::piecebins
