#include "swarm/piecebins.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace swarmscope::ui::piecebins {

Range piecesForColumn(int x, int width, int pieceCount)
{
    if (width <= 0 || pieceCount <= 0 || x < 0 || x >= width)
        return {};
    // 64-bit products: 20,000 pieces x 8,000 pixels would overflow int.
    const auto n = static_cast<qint64>(pieceCount);
    const auto w = static_cast<qint64>(width);
    const int first = static_cast<int>(x * n / w);
    const int end = std::max(first + 1, static_cast<int>((x + 1) * n / w));
    return {first, end};
}

Range columnsForPiece(int piece, int width, int pieceCount)
{
    if (width <= 0 || pieceCount <= 0 || piece < 0 || piece >= pieceCount)
        return {};
    const auto n = static_cast<qint64>(pieceCount);
    const auto w = static_cast<qint64>(width);
    const auto p = static_cast<qint64>(piece);
    if (n >= w) {
        // The last column x whose first piece floor(x*n/w) is <= p.
        const int x = static_cast<int>(((p + 1) * w - 1) / n);
        return {x, x + 1};
    }
    // Columns whose floor(x*n/w) equals p: x in [ceil(p*w/n), ceil((p+1)*w/n)).
    return {static_cast<int>((p * w + n - 1) / n), static_cast<int>(((p + 1) * w + n - 1) / n)};
}

Range piecesForColumns(Range columns, int width, int pieceCount)
{
    const int first = std::max(columns.first, 0);
    const int last = std::min(columns.end, width) - 1;
    if (last < first)
        return {};
    const Range a = piecesForColumn(first, width, pieceCount);
    const Range b = piecesForColumn(last, width, pieceCount);
    if (a.isEmpty())
        return {};
    return {a.first, std::max(a.end, b.end)};
}

int countSet(const Bitfield &bits, int first, int end)
{
    first = std::max(first, 0);
    end = std::min(end, bits.size());
    if (end <= first)
        return 0;
    // Whole bytes by popcount, the partial bytes at either end through masks: this runs for
    // every cell of the swarm matrix, so no bit-by-bit loops. Piece 0 is the high bit.
    const auto *bytes = reinterpret_cast<const unsigned char *>(bits.toWire().constData());
    const int firstByte = first / 8;
    const int lastByte = (end - 1) / 8;
    const auto headMask = static_cast<unsigned char>(0xffu >> (first % 8));
    const auto tailMask = static_cast<unsigned char>(0xffu << (7 - (end - 1) % 8));
    if (firstByte == lastByte)
        return std::popcount(static_cast<unsigned char>(bytes[firstByte] & headMask & tailMask));
    int n = std::popcount(static_cast<unsigned char>(bytes[firstByte] & headMask))
        + std::popcount(static_cast<unsigned char>(bytes[lastByte] & tailMask));
    for (int i = firstByte + 1; i < lastByte; ++i)
        n += std::popcount(bytes[i]);
    return n;
}

QList<int> columnCounts(const QList<int> &pieces, int width, int pieceCount)
{
    QList<int> counts(std::max(width, 0), 0);
    for (int p : pieces) {
        const Range cols = columnsForPiece(p, width, pieceCount);
        for (int x = cols.first; x < cols.end; ++x)
            ++counts[x];
    }
    return counts;
}

double meanOf(const QList<quint16> &availability, Range range)
{
    const int first = std::max(range.first, 0);
    const int end = std::min(range.end, static_cast<int>(availability.size()));
    if (end <= first)
        return 0.0;
    qint64 sum = 0;
    for (int i = first; i < end; ++i)
        sum += availability[i];
    return static_cast<double>(sum) / (end - first);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const auto channel = [t](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()),
                  channel(a.alpha(), b.alpha()));
}

QImage renderBitfield(const Bitfield &bits, int width, const QColor &empty, const QColor &full)
{
    QImage image(std::max(width, 1), 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(empty);
    const int pieceCount = bits.size();
    auto *line = reinterpret_cast<QRgb *>(image.scanLine(0));
    for (int x = 0; x < width; ++x) {
        const Range r = piecesForColumn(x, width, pieceCount);
        if (r.isEmpty())
            break;
        const int have = countSet(bits, r.first, r.end);
        line[x] = qPremultiply(mix(empty, full, static_cast<double>(have) / r.count()).rgba());
    }
    return image;
}

Spread availabilitySpread(const QList<quint16> &availability)
{
    Spread s{std::numeric_limits<int>::max(), 0};
    for (quint16 a : availability) {
        if (a == 0)
            continue;
        s.fewest = std::min<int>(s.fewest, a);
        s.most = std::max<int>(s.most, a);
    }
    if (s.most == 0)
        return {};
    return s;
}

double rarity(double meanAvailability, Spread spread)
{
    if (meanAvailability < 1.0)
        return 1.0;
    if (spread.most <= spread.fewest)
        return 1.0 / meanAvailability;
    return std::clamp((spread.most - meanAvailability) / (spread.most - spread.fewest), 0.0, 1.0);
}

} // namespace swarmscope::ui::piecebins
