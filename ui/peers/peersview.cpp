#include "peers/peersview.h"

#include "peers/peerflagslegend.h"
#include "peers/peersmodel.h"
#include "swarm/piecesbardelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace swarmscope::ui {

PeersView::PeersView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PeersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_delegate(new PiecesBarDelegate(PeersModel::PiecesRole, PeersModel::KeyRole, this))
    , m_legendButton(new QToolButton(this))
    , m_legend(new PeerFlagsLegend(this))
{
    // Sorting goes through the raw values, so "9 KiB/s" sorts below "10 KiB/s".
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PeersModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(PeersModel::PiecesColumn, m_delegate);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PeersModel::DownRateColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setTextElideMode(Qt::ElideMiddle); // keep the port of a long IPv6 address visible
    m_table->horizontalHeader()->setHighlightSections(false);
    const QFontMetrics fm = m_table->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        m_table->setColumnWidth(column, fm.horizontalAdvance(sample) + 16);
    };
    fit(PeersModel::AddressColumn, QStringLiteral("255.255.255.255:65535"));
    fit(PeersModel::ClientColumn, QStringLiteral("Transmission 4.0.5"));
    fit(PeersModel::FlagsColumn, QStringLiteral("D U O S I X"));
    fit(PeersModel::ProgressColumn, QStringLiteral("100.0%"));
    fit(PeersModel::DownRateColumn, QStringLiteral("999.9 MiB/s"));
    fit(PeersModel::UpRateColumn, QStringLiteral("999.9 MiB/s"));
    for (int c = PeersModel::AmChokingColumn; c <= PeersModel::SourceColumn; ++c)
        m_table->resizeColumnToContents(c);
    m_table->setColumnWidth(PeersModel::PiecesColumn, 200);
    // The pieces bar is worth more than the totals: show it right after Progress, where it
    // is on screen without scrolling. The model keeps its column order.
    m_table->horizontalHeader()->moveSection(PeersModel::PiecesColumn, PeersModel::ProgressColumn + 1);

    m_legendButton->setText(tr("Flag legend"));
    m_legendButton->setToolTip(tr("Show or hide what each flag letter means"));
    m_legendButton->setCheckable(true);
    m_legendButton->setAutoRaise(true);
    connect(m_legendButton, &QToolButton::toggled, m_legend, &QWidget::setVisible);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_legendButton, 0, Qt::AlignTop);
    bottom->addWidget(m_legend, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    setLegendVisible(false);
}

void PeersView::setLegendVisible(bool visible)
{
    m_legendButton->setChecked(visible);
    m_legend->setVisible(visible);
}

} // namespace swarmscope::ui
