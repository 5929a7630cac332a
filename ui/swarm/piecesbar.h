// Thin bars that draw piece sets: PiecesBar for one bitfield (a neighbour's pieces), and
// TorrentPiecesBar for our own pieces with downloads in flight and the swarm's availability.
#pragma once

#include "swarm/piecesbarimage.h"

#include <QWidget>

namespace swarmscope::ui {

class PiecesBar : public QWidget {
    Q_OBJECT

public:
    explicit PiecesBar(QWidget *parent = nullptr);

    // Repaints only when the pieces differ from the last ones.
    void setPieces(const Bitfield &pieces);
    const Bitfield &pieces() const { return m_pieces; }

    // The text shown when hovering column x (logical pixels), with the legend.
    QString toolTipAt(int x) const;
    // Renders so far (for tests: unchanged data must not re-render).
    int renderCount() const { return m_image.renderCount(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    Bitfield m_pieces;
    BitfieldBarImage m_image;
};

class TorrentPiecesBar : public QWidget {
    Q_OBJECT

public:
    explicit TorrentPiecesBar(QWidget *parent = nullptr);

    void setPieces(const TorrentPieces &pieces);
    const TorrentPieces &pieces() const { return m_pieces; }

    QString toolTipAt(int x) const;
    int renderCount() const { return m_image.renderCount(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    TorrentPieces m_pieces;
    TorrentBarImage m_image;
};

namespace barpaint {
// Physical pixel columns a bar of `logicalWidth` has on a device with this pixel ratio.
int physicalWidth(int logicalWidth, qreal devicePixelRatio);
// The pieces under logical column x of a bar `logicalWidth` wide (physical binning).
piecebins::Range piecesAtLogicalX(int x, int logicalWidth, qreal devicePixelRatio, int pieceCount);
// Where to mark one piece in `area` (logical) whose pixels bin `pieceCount` pieces: over its
// columns, but at least `minWidth` wide so that a single piece in thousands stays visible.
// Empty for a piece outside the torrent or zero pieces.
QRectF pieceMark(int piece, const QRect &area, qreal devicePixelRatio, int pieceCount, double minWidth);
// "Pieces 12–15" / "Piece 12" (1-based would confuse: pieces are numbered from 0 on the wire).
QString rangeText(piecebins::Range range);
} // namespace barpaint

} // namespace swarmscope::ui
