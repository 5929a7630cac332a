// The peers tab: a sortable table of one torrent's neighbours, their pieces painted in a cell,
// and a key to the flag letters that can be shown or hidden.
#pragma once

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace swarmscope::ui {

class PeerFlagsLegend;
class PeersModel;
class PiecesBarDelegate;

class PeersView : public QWidget {
    Q_OBJECT

public:
    explicit PeersView(QWidget *parent = nullptr);

    PeersModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    PiecesBarDelegate *piecesDelegate() const { return m_delegate; }
    void setLegendVisible(bool visible);

private:
    PeersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    PiecesBarDelegate *m_delegate;
    QToolButton *m_legendButton;
    PeerFlagsLegend *m_legend;
};

} // namespace swarmscope::ui
