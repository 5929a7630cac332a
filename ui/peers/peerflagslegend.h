// A small always-readable key to the flag letters of the peers table, so nobody has to
// remember what "K" or "?" means.
#pragma once

#include <QWidget>

namespace swarmscope::ui {

class PeerFlagsLegend : public QWidget {
    Q_OBJECT

public:
    explicit PeerFlagsLegend(QWidget *parent = nullptr);
};

} // namespace swarmscope::ui
