// The selected torrent's trackers, one row per announce URL, updated by diff from snapshots.
#pragma once

#include "session/snapshot.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace swarmscope::ui {

class TrackersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        UrlColumn,
        TierColumn,
        StatusColumn,
        SeedsColumn,
        PeersColumn,
        DownloadedColumn,
        LastAnnounceColumn,
        NextAnnounceColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value behind each column
        UrlRole,                     // the announce URL of the row
    };

    explicit TrackersModel(QObject *parent = nullptr);

    // Replaces the trackers, matched to rows by URL (the first of duplicates wins): rows that went
    // are removed, newcomers appended, changed rows get one dataChanged per run. `now` is the
    // snapshot's time, for the countdown to the next announce.
    void setTrackers(const QList<session::TrackerSnapshot> &trackers, const QDateTime &now);
    void clear();

    const QList<session::TrackerSnapshot> &trackers() const { return m_trackers; }
    int rowOf(const QString &url) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The engine's status words ("working", "updating", "error", "not contacted") in the user's
    // language; anything else is shown as sent.
    static QString statusText(const QString &status);

private:
    QVariant displayData(const session::TrackerSnapshot &t, int column) const;
    QString nextAnnounceText(const session::TrackerSnapshot &t) const;
    std::pair<int, int> changedColumns(const session::TrackerSnapshot &a, const session::TrackerSnapshot &b,
                                       bool clockMoved) const;

    QList<session::TrackerSnapshot> m_trackers;
    QDateTime m_now;
};

} // namespace swarmscope::ui
