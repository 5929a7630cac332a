// Axes for rate graphs: a rate axis with round steps in the units the labels use (IEC, as
// units::formatRate), and a time axis of round intervals back from now.
#pragma once

#include <QList>
#include <QString>

namespace swarmscope::ui::rateaxis {

struct RateAxis {
    double top = 0;  // bytes/s at the top of the plot, a whole number of steps
    double step = 0; // bytes/s between grid lines
    int steps() const { return step > 0 ? static_cast<int>(top / step + 0.5) : 0; }
};

// The smallest axis with at most `maxSteps` steps of 1, 2 or 5 times a power of ten of one IEC
// unit (B/s, KiB/s, MiB/s, ...) that holds `maxValue`. Idle (or negative, or NaN) gives a
// 0..1 KiB/s axis, so an empty graph still has readable labels.
RateAxis niceRateAxis(double maxValue, int maxSteps = 4);

// Seconds between time ticks for a span of `spanSeconds`: a round interval (5 s ... 1 h) that
// gives at most `maxTicks` intervals.
int timeTickInterval(int spanSeconds, int maxTicks = 6);

// A tick `secondsAgo` before now: "now", "−30 s", "−5 min", "−1 h 30 min".
QString timeTickLabel(int secondsAgo);

// The largest finite value of every list, or 0.
double maxOf(const QList<QList<double>> &series);

} // namespace swarmscope::ui::rateaxis
