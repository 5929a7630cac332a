// The files of a torrent as a tree: the flat FileEntry list folded into folders, each folder
// showing the total size of everything below it. Optionally with check boxes, for choosing what
// to download: files on or off, folders tri-state from what is below them.
#pragma once

#include "metainfo/torrentinfo.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>

namespace swarmscope::ui {

class FileTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // name (folders before files) or size in bytes
        PathRole,                    // the full relative path, as in FileEntry::path
        IsFolderRole,
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    // Rebuilds the tree. BEP 47 pad files are left out: they are never written to disk, so
    // neither they nor their bytes belong in what the user sees as the torrent's content.
    // `priorities` (one byte per entry of `files`, as the engine takes them) gives the initial
    // check states: 0 unchecked, anything else checked. Empty or of another length: all checked.
    void setFiles(const QList<metainfo::FileEntry> &files, const QByteArray &priorities = {});

    // Check boxes in the name column; off by default (a read-only listing).
    void setCheckable(bool checkable);
    bool isCheckable() const { return m_checkable; }
    // Checks or unchecks a file, or everything below a folder. Returns false for an invalid index.
    bool setChecked(const QModelIndex &index, bool checked);
    void setAllChecked(bool checked);
    // One byte per entry given to setFiles, in that order: 0 skip, 1 normal. Pad files and
    // entries without a usable path are 1; the engine never downloads a piece for them alone.
    QByteArray filePriorities() const;
    int checkedFileCount() const;
    qint64 checkedSize() const; // bytes of the checked files

    int fileCount() const { return m_fileCount; }
    int folderCount() const { return m_folderCount; }
    qint64 totalSize() const; // bytes of the files shown (pad files excluded)

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Folders always come before files; within each group by name (natural, case-insensitive)
    // or by size.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // Any check state changed (by the user, setChecked, setAllChecked), not on setFiles.
    void checkedChanged();

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    void sortChildren(Node *node, int column, Qt::SortOrder order);
    QModelIndex indexOf(const Node *node, int column) const;
    // Sets every file below `node` (or `node` itself) and fixes the counts up to the root.
    void applyCheck(Node *node, bool checked);

    std::unique_ptr<Node> m_root;
    int m_fileCount = 0;
    int m_folderCount = 0;
    int m_entryCount = 0; // entries given to setFiles, pad files included
    bool m_checkable = false;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace swarmscope::ui
