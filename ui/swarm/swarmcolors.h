// The colours of every swarm picture, derived from the widget's palette so that the pictures
// stay readable on light and dark themes, and named once so that legends match the drawing.
#pragma once

#include <QColor>
#include <QPalette>

namespace swarmscope::ui {

struct SwarmColors {
    QColor background;   // empty cell / piece nobody has
    QColor frame;        // borders and separators
    QColor text;
    QColor have;         // we have the piece (our own bar and header row)
    QColor downloading;  // we are downloading the piece (same as weRequest)
    QColor theyHave;     // the neighbour has it and we do not: interesting to us
    QColor bothHave;     // the neighbour has it and so do we
    QColor weRequest;    // we are requesting it from this neighbour
    QColor theyRequest;  // the neighbour is downloading it from us
    QColor rare;         // tint for rare pieces (few copies)
    QColor unavailable;  // no connected neighbour has it
    QColor download;     // download direction (graph edges)
    QColor upload;       // upload direction (graph edges)
    QColor seed;         // seeds in the graph
    QColor slot;         // regular unchoke slot ring
    QColor optimistic;   // optimistic unchoke marker

    static bool isDark(const QPalette &palette);
    static SwarmColors forPalette(const QPalette &palette);
};

} // namespace swarmscope::ui
