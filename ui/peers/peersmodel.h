// The connected neighbours of one torrent, one row per peer, fed with engine snapshots.
#pragma once

#include "session/snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace swarmscope::ui {

class PeersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AddressColumn,
        ClientColumn,
        FlagsColumn,
        ProgressColumn,
        DownRateColumn,
        UpRateColumn,
        DownloadedColumn,
        UploadedColumn,
        AmChokingColumn,
        AmInterestedColumn,
        PeerChokingColumn,
        PeerInterestedColumn,
        OptimisticColumn,
        SnubbedColumn,
        DirectionColumn,
        SourceColumn,
        PiecesColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value behind each column
        KeyRole,                     // QString "address:port", stable across snapshots
        PiecesRole,                  // Bitfield of the peer's pieces (the Pieces column's painting)
    };

    explicit PeersModel(QObject *parent = nullptr);

    // Replaces the peers with `peers`, matched to existing rows by address:port: rows that left
    // are removed (one removal per contiguous span), newcomers appended at once, and each run of
    // changed rows gets one dataChanged over the columns that changed. Never resets the model.
    void setPeers(const QList<session::PeerSnapshot> &peers);
    // Empties the table (the watched torrent changed or lost its detail).
    void clear();

    const QList<session::PeerSnapshot> &peers() const { return m_peers; }
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Which columns differ between two snapshots of the same peer, as [first, last]; first > last
    // when nothing shown changed.
    static std::pair<int, int> changedColumns(const session::PeerSnapshot &a, const session::PeerSnapshot &b);

private:
    QVariant displayData(const session::PeerSnapshot &peer, int column) const;
    QVariant sortData(const session::PeerSnapshot &peer, int column) const;
    QVariant toolTipData(const session::PeerSnapshot &peer, int column) const;
    void rebuildIndex();

    QList<session::PeerSnapshot> m_peers;
    QList<QString> m_keys;        // peerKey of each row
    QHash<QString, int> m_rowOf;  // key -> row
};

} // namespace swarmscope::ui
