// The selected torrent's files as a tree: folders add up the size, progress and priorities of
// everything below them. Built once per torrent and then updated in place from snapshots, so a
// selection, an expanded folder or an open priority editor survives four updates a second.
#pragma once

#include "session/snapshot.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QList>

#include <array>
#include <memory>
#include <vector>

namespace swarmscope::ui {

class TorrentFilesModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ProgressColumn, RemainingColumn, PriorityColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: name, bytes, fraction, priority
        PathRole,                    // relative path, as in FileSnapshot::path (a folder's prefix)
        IsFolderRole,
        FileIndexRole,               // index in the snapshot's file list; -1 for a folder
        PriorityRole,                // Priority; Mixed for a folder whose files differ
        IsCompleteRole,              // every byte below is verified
    };
    // The engine's priority bytes, plus Mixed for folders.
    enum Priority { Mixed = -1, Skip = 0, Normal = 1, High = 2 };

    explicit TorrentFilesModel(QObject *parent = nullptr);
    ~TorrentFilesModel() override;

    // Shows `files`. The same paths and sizes as before update the rows in place (one dataChanged
    // per run of changed siblings); a different list (another torrent) rebuilds the tree.
    void setFiles(const QList<session::FileSnapshot> &files);
    void clear();

    // Files in the snapshot's list, BEP 47 pad files included (they get no row).
    int fileCount() const { return static_cast<int>(m_done.size()); }
    // One byte per file, in the snapshot's order, as Engine::setFilePriorities takes them;
    // includes edits the engine has not confirmed yet.
    QByteArray priorities() const { return m_priorities; }
    // The row of a relative path (file or folder), or invalid.
    QModelIndex indexOfPath(const QString &path, int column = NameColumn) const;
    static QString priorityText(int priority);

    // Sets every file at or below `indexes` to `priority` (Skip, Normal or High) and emits
    // prioritiesChanged once with the whole list if anything changed. Returns whether it did.
    bool setPriority(const QModelIndexList &indexes, int priority);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The user changed priorities: the whole new list, one byte per file (0 skip, 1 normal, 2 high).
    void prioritiesChanged(const QByteArray &priorities);

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column) const;
    void rebuild(const QList<session::FileSnapshot> &files, const QByteArray &priorities);
    void apply(const QList<qint64> &done, const QByteArray &priorities);
    void collectFiles(const Node *node, QList<int> &out) const;

    std::unique_ptr<Node> m_root;
    std::vector<Node *> m_leaves;   // file index -> its node
    std::vector<Node *> m_folders;  // children before parents, for adding up
    QList<QString> m_paths;         // the structure the tree was built from
    QList<qint64> m_sizes;
    QList<qint64> m_done;
    QByteArray m_priorities;
    // Edits sent to the engine and not yet seen in a snapshot: shown meanwhile, so that the
    // next snapshot (taken before the engine applied them) does not flick the old value back.
    QByteArray m_pending;
    int m_pendingSnapshots = 0;
};

} // namespace swarmscope::ui
