// The Trackers tab: the torrent's trackers with their state, and "Add tracker…" / "Remove" as
// buttons and a context menu. It only asks: the host passes the requests on to the engine.
#pragma once

#include "session/snapshot.h"

#include <QWidget>

class QAction;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace swarmscope::ui {

class TrackersModel;

class TrackersTab : public QWidget {
    Q_OBJECT

public:
    explicit TrackersTab(QWidget *parent = nullptr);

    // The torrent's trackers; `now` is the snapshot's time. Empty (and add disabled) without detail.
    void setTorrent(const session::TorrentSnapshot &torrent, const QDateTime &now);
    void clear();

    TrackersModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

    // The announce URLs in `text` (one per line or separated by spaces; http, https and udp),
    // skipping ones already listed and repeats. Invalid lines are left out.
    QStringList parseTrackerUrls(const QString &text) const;
    // Emits addRequested for each URL in `text`; returns how many.
    int requestAdd(const QString &text);
    // Emits removeRequested for each selected tracker; returns how many.
    int requestRemoveSelected();
    QMenu *createContextMenu();

signals:
    void addRequested(const QString &url);
    void removeRequested(const QString &url);

private:
    void askForTrackers();
    QStringList selectedUrls() const;
    void updateButtons();

    TrackersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_hasTorrent = false;
};

} // namespace swarmscope::ui
