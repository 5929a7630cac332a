// The torrent list: one row per torrent, fed with TorrentRow values.
#pragma once

#include "torrentlist/torrentrow.h"

#include <QAbstractTableModel>
#include <QList>

#include <array>

namespace swarmscope::ui {

class TorrentListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SizeColumn,
        ProgressColumn,
        StateColumn,
        DownColumn,
        UpColumn,
        SeedsColumn,
        PeersColumn,
        EtaColumn,
        RatioColumn,
        AddedColumn,
        QueueColumn, // last in the model so saved header states keep their columns; shown first
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value behind each column
        InfoHashRole,                // QString, lower-case hex
    };

    explicit TorrentListModel(QObject *parent = nullptr);

    // Replaces the list with `rows`, matched to existing rows by info-hash: rows that left are
    // removed, new ones appended, and each run of changed rows gets one dataChanged for the
    // columns that changed, so views keep selection and scroll position and repaint little.
    void setRows(const QList<TorrentRow> &rows);
    const QList<TorrentRow> &rows() const { return m_rows; }
    const TorrentRow &rowAt(int row) const { return m_rows.at(row); }

    int countFor(StatusFilter filter) const;
    qint64 totalDownloadRate() const;
    qint64 totalUploadRate() const;

    static QString stateText(TorrentState state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // After every setRows, once the counts per filter and the totals may have moved.
    void summaryChanged();

private:
    QVariant displayData(const TorrentRow &row, int column) const;
    QVariant sortData(const TorrentRow &row, int column) const;
    static QVariant alignment(int column);
    void updateCounts();

    QList<TorrentRow> m_rows;
    std::array<int, kStatusFilterCount> m_counts{};
};

} // namespace swarmscope::ui
