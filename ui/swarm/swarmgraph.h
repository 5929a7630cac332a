// The swarm as a picture: us in the centre, each connected neighbour on a ring around us.
//
// Each neighbour is joined to us by two lines, one per direction (green towards us, orange
// towards it), as wide as the log of the rate, solid when that direction is unchoked and dashed
// when choked. Holders of our four regular unchoke slots wear a ring, the optimistic unchoke a
// star; seeds are squares, others pies of their progress. Changes between snapshots are
// animated, and every node explains its numbers in a tooltip.
#pragma once

#include "session/snapshot.h"
#include "swarm/ringlayout.h"
#include "swarm/swarmcolors.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <memory>

class QVariantAnimation;

namespace swarmscope::ui {

class SwarmGraph : public QWidget {
    Q_OBJECT

public:
    explicit SwarmGraph(QWidget *parent = nullptr);

    // The watched torrent's detail; null clears the picture.
    void setDetail(std::shared_ptr<const session::TorrentDetail> detail);
    // Off: updates jump to the new state (tests, or users who prefer no motion).
    void setAnimationEnabled(bool enabled) { m_animate = enabled; }
    bool isAnimating() const;

    // Geometry at the current size, in logical pixels.
    QPointF centre() const;
    QPointF nodePosition(const QString &key) const; // (NaN, NaN) for an unknown key
    double nodeRadius() const;
    double centreRadius() const;
    QString nodeAt(QPointF pos) const; // key of the neighbour drawn there, or empty
    bool isCentreAt(QPointF pos) const;
    QString toolTipAt(QPointF pos) const;
    QStringList keys() const; // neighbours shown (not counting ones fading out)

    // One legend entry: its mark, the text shown (elided only when the entry alone is wider than
    // the widget) and the box both take. Entries wrap onto as many lines as the width needs.
    enum class LegendMark { DownLine, UpLine, ChokedLine, SlotRing, OptimisticStar, SeedSquare, SnubbedRing };
    struct LegendEntry {
        LegendMark mark = LegendMark::DownLine;
        QString text;
        QRectF rect;
    };
    QList<LegendEntry> legendEntries() const;

    // Edge width in pixels for a rate in bytes/s: 0 for idle, then 1 + log10(1 + KiB/s) * 1.6.
    static double edgeWidth(double bytesPerSecond);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    // Everything about a node that moves smoothly between snapshots.
    struct Visual {
        double down = 0;       // edge width towards us
        double up = 0;         // edge width towards it
        double progress = 0;   // 0..1
        double presence = 0;   // 0 appearing/leaving, 1 present
        double slot = 0;       // regular unchoke ring
        double optimistic = 0; // optimistic star
        static Visual lerp(const Visual &a, const Visual &b, double t);
    };
    struct Node {
        QString key;
        session::PeerSnapshot peer;
        Visual from, to, now;
        bool leaving = false;
    };
    struct Geometry {
        QPointF centre;
        double rx = 0, ry = 0; // ring radii (an ellipse uses wide widgets fully)
        double node = 0;       // node radius
        QRectF legend;                // every line of the legend
        QList<LegendEntry> entries;   // laid out inside `legend`
    };

    static Visual targetFor(const session::PeerSnapshot &peer);
    Geometry geometry() const;
    QList<LegendEntry> layoutLegend(double width, double lineHeight) const;
    QPointF positionOn(const Geometry &g, const QString &key) const;
    void onAnimationStep(double t);
    void onAnimationFinished();
    void dropLeavingNodes();
    void paintEdges(QPainter &p, const Geometry &g, const SwarmColors &colors) const;
    void paintNode(QPainter &p, const Geometry &g, const Node &n, const SwarmColors &colors) const;
    void paintCentre(QPainter &p, const Geometry &g, const SwarmColors &colors) const;
    void paintLegend(QPainter &p, const Geometry &g, const SwarmColors &colors) const;
    void paintLegendMark(QPainter &p, LegendMark mark, QPointF at, const SwarmColors &colors) const;
    QString nodeToolTip(const session::PeerSnapshot &peer) const;
    QString centreToolTip() const;

    std::shared_ptr<const session::TorrentDetail> m_detail;
    QList<Node> m_nodes;
    RingLayout m_ring;
    mutable QSet<QString> m_sharedHosts; // addresses several neighbours share: labelled with ports
    QVariantAnimation *m_animation;
    bool m_animate = true;
};

} // namespace swarmscope::ui
