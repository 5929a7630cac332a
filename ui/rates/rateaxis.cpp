#include "rates/rateaxis.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <cmath>

namespace swarmscope::ui::rateaxis {

RateAxis niceRateAxis(double maxValue, int maxSteps)
{
    maxSteps = std::max(1, maxSteps);
    if (!std::isfinite(maxValue) || maxValue < 1024.0)
        return {1024.0, 256.0}; // idle or a trickle: quarters of 1 KiB/s
    // Steps are round in the unit the labels use ("512 KiB/s", not "524,288 B/s"): the largest
    // power of 1024 not above the value, up to PiB as formatRate goes.
    double unit = 1;
    for (int i = 0; i < 5 && maxValue >= unit * 1024; ++i)
        unit *= 1024;
    for (;;) {
        const double scaled = maxValue / unit;
        const double rough = scaled / maxSteps;
        const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
        double step = 10 * magnitude;
        for (double m : {1.0, 2.0, 5.0}) {
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        }
        const double top = std::ceil(scaled / step - 1e-9) * step;
        // 1,000 KiB/s rounds up to 1,500 KiB/s, whose label reads "1.46 MiB/s": count in the
        // next unit instead, where the top is a round 1 MiB/s.
        if (top >= 1024 && unit < std::pow(1024.0, 5)) {
            unit *= 1024;
            continue;
        }
        return {top * unit, step * unit};
    }
}

int timeTickInterval(int spanSeconds, int maxTicks)
{
    static constexpr std::array<int, 13> intervals{5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200};
    maxTicks = std::max(1, maxTicks);
    for (int interval : intervals)
        if (spanSeconds <= interval * maxTicks)
            return interval;
    return intervals.back() * ((spanSeconds / intervals.back() + maxTicks - 1) / maxTicks);
}

QString timeTickLabel(int secondsAgo)
{
    const QLocale locale;
    const auto tr = [](const char *text) { return QCoreApplication::translate("swarmscope::ui::RateGraph", text); };
    if (secondsAgo <= 0)
        return tr("now");
    if (secondsAgo < 60)
        return tr("−%1 s").arg(locale.toString(secondsAgo));
    const int minutes = secondsAgo / 60;
    if (minutes < 60 || secondsAgo % 60 != 0)
        return secondsAgo % 60 == 0 ? tr("−%1 min").arg(locale.toString(minutes))
                                    : tr("−%1 min %2 s").arg(locale.toString(minutes), locale.toString(secondsAgo % 60));
    if (minutes % 60 == 0)
        return tr("−%1 h").arg(locale.toString(minutes / 60));
    return tr("−%1 h %2 min").arg(locale.toString(minutes / 60), locale.toString(minutes % 60));
}

double maxOf(const QList<QList<double>> &series)
{
    double top = 0;
    for (const QList<double> &values : series)
        for (double v : values)
            if (std::isfinite(v))
                top = std::max(top, v);
    return top;
}

} // namespace swarmscope::ui::rateaxis
