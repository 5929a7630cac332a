// The files of a torrent as a tree: the flat FileEntry list folded into folders, each folder
// showing the total size of everything below it.
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
    void setFiles(const QList<metainfo::FileEntry> &files);

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

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    void sortChildren(Node *node, int column, Qt::SortOrder order);

    std::unique_ptr<Node> m_root;
    int m_fileCount = 0;
    int m_folderCount = 0;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace swarmscope::ui
