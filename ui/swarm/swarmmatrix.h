// The neighbour piece matrix: one row per connected neighbour, one column per piece (binned
// when pieces outnumber pixels), with our own pieces and the pieces' rarity as header rows.
//
// It shows at a glance what each neighbour can give us, which pieces we are fetching from whom
// and who is fetching from us; columns are tinted by rarity so that rarest-first can be seen at
// work. The whole grid is rendered into one image per snapshot (one pixel row per neighbour,
// one pixel column per physical screen column) and scaled on paint.
#pragma once

#include "session/snapshot.h"
#include "swarm/piecebins.h"
#include "swarm/swarmcolors.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace swarmscope::ui {

class SwarmMatrix : public QWidget {
    Q_OBJECT

public:
    // Special rows returned by rowAt().
    static constexpr int OwnRow = -1;    // our pieces
    static constexpr int RarityRow = -2; // copies among neighbours
    static constexpr int NoRow = -3;

    explicit SwarmMatrix(QWidget *parent = nullptr);

    // The watched torrent's detail; null clears the matrix. Neighbours keep their row across
    // snapshots (newcomers are appended), so a row does not jump while one watches it.
    void setDetail(std::shared_ptr<const session::TorrentDetail> detail);
    int pieceCount() const;
    int neighbourCount() const { return static_cast<int>(m_order.size()); }
    QString peerKeyAtRow(int row) const { return m_order.value(row); }

    // Geometry, in logical pixels.
    QRect ownRect() const;
    QRect rarityRect() const;
    QRect gridRect() const;
    double rowHeight() const;
    int rowAt(int y) const;
    piecebins::Range piecesAtX(int x) const; // empty outside the grid's columns
    QString toolTipAt(QPoint pos) const;

    int renderCount() const { return m_renders; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout {
        QRect own, rarity, grid, legend;
        int gutter = 0;
        double rowHeight = 0;
    };
    Layout layout() const;
    int physicalGridWidth() const;
    const session::PeerSnapshot *peerAtRow(int row) const;
    void render(int width, const SwarmColors &colors);
    void paintMarks(QPainter &p, const Layout &l, const SwarmColors &colors) const;
    void paintLabels(QPainter &p, const Layout &l, const SwarmColors &colors) const;
    void paintLegend(QPainter &p, const QRect &area, const SwarmColors &colors) const;
    QString peerCellText(const session::PeerSnapshot &peer, piecebins::Range range) const;
    QString ownCellText(piecebins::Range range) const;
    QString rarityCellText(piecebins::Range range) const;

    std::shared_ptr<const session::TorrentDetail> m_detail;
    QStringList m_order;       // neighbour keys, in row order
    QList<int> m_peerIndex;    // row -> index in m_detail->peers
    QImage m_image;            // rows: own, rarity, then one per neighbour
    bool m_dirty = true;
    int m_renders = 0;
};

} // namespace swarmscope::ui
