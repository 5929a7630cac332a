#include "swarm/swarmcolors.h"

#include "swarm/piecebins.h"

namespace swarmscope::ui {

bool SwarmColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

SwarmColors SwarmColors::forPalette(const QPalette &palette)
{
    // Hues are fixed so that a legend learnt once stays true; only lightness follows the theme.
    const bool dark = isDark(palette);
    SwarmColors c;
    c.background = piecebins::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), dark ? 0.08 : 0.06);
    c.frame = piecebins::mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.35);
    c.text = palette.color(QPalette::Text);
    c.have = dark ? QColor(105, 125, 240) : QColor(30, 80, 190);
        c.theyHave = dark ? QColor(95, 185, 105) : QColor(60, 150, 75);
    c.bothHave = dark ? QColor(95, 110, 135) : QColor(150, 165, 190);
    c.weRequest = dark ? QColor(70, 215, 240) : QColor(0, 175, 230);
    c.downloading = c.weRequest; // a piece we download is a piece we request from someone
    c.theyRequest = dark ? QColor(250, 165, 60) : QColor(235, 125, 20);
    c.rare = dark ? QColor(170, 90, 210) : QColor(150, 60, 190);
    c.unavailable = dark ? QColor(215, 70, 70) : QColor(200, 40, 40);
    c.download = c.downloading;
    c.upload = c.theyRequest;
    c.seed = dark ? QColor(230, 200, 80) : QColor(200, 160, 20);
    c.slot = dark ? QColor(120, 170, 255) : QColor(40, 90, 210);
    c.optimistic = dark ? QColor(255, 120, 200) : QColor(210, 40, 150);
    return c;
}

} // namespace swarmscope::ui
