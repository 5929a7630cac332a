// The Files tab: the torrent's files as a sortable tree with size, progress and priority. Tick
// boxes, a priority editor and a context menu change priorities; double-click or "Open" asks the
// host to open a finished file.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QModelIndexList>
#include <QWidget>

#include <optional>

class QMenu;
class QSortFilterProxyModel;
class QTreeView;

namespace swarmscope::ui {

class TorrentFilesModel;

class FilesTab : public QWidget {
    Q_OBJECT

public:
    explicit FilesTab(QWidget *parent = nullptr);

    // Shows the torrent's files (from its detail; none for a magnet without metadata).
    void setTorrent(const session::TorrentSnapshot &torrent);
    void clear();

    TorrentFilesModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }

    // Where the file or folder of a model (source) index lives on disk.
    QString absolutePath(const QModelIndex &sourceIndex) const;
    // Whether the row can be opened: a file with every byte verified, or a folder with some.
    static bool canOpen(const QModelIndex &sourceIndex);
    // Asks to open the row of the view (proxy) index; false (and no signal) when it cannot be.
    bool openRow(const QModelIndex &viewIndex);
    // Sets the priority of the selected rows (Skip, Normal or High).
    void setSelectedPriority(int priority);
    // The context menu for the current selection (owned by the caller).
    QMenu *createContextMenu();

signals:
    void prioritiesChanged(const QByteArray &priorities);
    void openRequested(const QString &absolutePath);

private:
    QModelIndexList selectedSourceRows() const;

    TorrentFilesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    std::optional<metainfo::InfoHash> m_hash;
    QString m_savePath;
};

} // namespace swarmscope::ui
