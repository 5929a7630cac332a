#include "peers/peerflagslegend.h"

#include "peers/peertext.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>

namespace swarmscope::ui {

PeerFlagsLegend::PeerFlagsLegend(QWidget *parent)
    : QWidget(parent)
{
    // Letters in the table's fixed font, meanings in the normal one, in columns of four rows.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(1);
    const QList<peertext::FlagInfo> legend = peertext::flagLegend();
    constexpr int rowsPerColumn = 4;
    for (int i = 0; i < legend.size(); ++i) {
        auto *letter = new QLabel(QString(legend[i].letter), this);
        letter->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        letter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *meaning = new QLabel(legend[i].meaning, this);
        meaning->setForegroundRole(QPalette::PlaceholderText);
        const int row = i % rowsPerColumn;
        const int col = (i / rowsPerColumn) * 2;
        grid->addWidget(letter, row, col);
        grid->addWidget(meaning, row, col + 1);
    }
    grid->setColumnStretch(grid->columnCount(), 1);
    setToolTip(peertext::legendText());
}

} // namespace swarmscope::ui
