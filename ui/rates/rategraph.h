// A line graph of transfer rates over the last minutes, painted with QPainter: round rate steps
// on the left (rateaxis), time back from "now" underneath, a legend with each curve's current
// rate on top, and a tooltip with every curve's value under the cursor.
#pragma once

#include "rates/rateaxis.h"

#include <QColor>
#include <QList>
#include <QWidget>

namespace swarmscope::ui {

struct RateCurve {
    QString label;
    QColor color;
    QList<double> values; // bytes/s, one per second, oldest first; the last one is now
    Qt::PenStyle style = Qt::SolidLine;
    bool filled = false; // shade the area beneath (for totals, under the per-item lines)
};

class RateGraph : public QWidget {
    Q_OBJECT

public:
    explicit RateGraph(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Shown in the plot when there are no curves (e.g. "Select a torrent").
    void setPlaceholder(const QString &text);

    // Draws `curves` over the last `spanSeconds` seconds. Curves with fewer values end at now;
    // values older than the span are ignored. The rate axis is fitted to the values shown.
    void setCurves(const QList<RateCurve> &curves, int spanSeconds);
    const QList<RateCurve> &curves() const { return m_curves; }
    int span() const { return m_span; }
    rateaxis::RateAxis axis() const { return m_axis; }

    // Geometry at the current size, in logical pixels.
    QRect plotRect() const;
    // How many seconds before now column x shows; -1 outside the plot.
    int secondsAgoAt(int x) const;
    // The x of a sample `secondsAgo` before now, and the y of a rate (clamped to the plot).
    double xFor(double secondsAgo) const;
    double yFor(double bytesPerSecond) const;
    // The value of `curve` `secondsAgo` before now, 0 where it has none.
    double valueAt(int curve, int secondsAgo) const;
    QString toolTipAt(QPoint pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct LegendItem {
        QRect rect;
        int curve;
    };
    QList<LegendItem> legendLayout(int width) const;
    int headerHeight() const;
    int labelWidth() const;
    void paintGrid(QPainter &p, const QRect &plot) const;
    void paintCurve(QPainter &p, const QRect &plot, const RateCurve &curve) const;
    void paintLegend(QPainter &p) const;
    QString legendText(const RateCurve &curve) const;

    QString m_title;
    QString m_placeholder;
    QList<RateCurve> m_curves;
    int m_span = 60;
    rateaxis::RateAxis m_axis = rateaxis::niceRateAxis(0);
};

} // namespace swarmscope::ui
