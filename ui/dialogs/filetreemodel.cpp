#include "dialogs/filetreemodel.h"

#include "format/units.h"

#include <QApplication>
#include <QCollator>
#include <QHash>
#include <QStyle>

#include <algorithm>
#include <vector>

namespace swarmscope::ui {

namespace {

constexpr qsizetype kMaxFolderDepth = 64;

// Natural order: runs of digits compare by value ("Track 2" before "Track 10"), the text between
// them through the collator. Done by hand because QCollator's numeric mode does nothing in the
// C locale or without ICU, which is where many of our users and all our tests run.
int naturalCompare(QStringView a, QStringView b, const QCollator &collator)
{
    qsizetype i = 0;
    qsizetype j = 0;
    const auto runEnd = [](QStringView s, qsizetype from, bool digits) {
        while (from < s.size() && s[from].isDigit() == digits)
            ++from;
        return from;
    };
    while (i < a.size() && j < b.size()) {
        const bool digitsA = a[i].isDigit();
        const bool digitsB = b[j].isDigit();
        const qsizetype endA = runEnd(a, i, digitsA);
        const qsizetype endB = runEnd(b, j, digitsB);
        QStringView chunkA = a.sliced(i, endA - i);
        QStringView chunkB = b.sliced(j, endB - j);
        int c = 0;
        if (digitsA && digitsB) {
            // By value without converting (runs can be longer than any integer type):
            // drop leading zeros, then the longer run is larger, else compare digit by digit.
            while (chunkA.size() > 1 && chunkA.front() == u'0')
                chunkA = chunkA.sliced(1);
            while (chunkB.size() > 1 && chunkB.front() == u'0')
                chunkB = chunkB.sliced(1);
            c = chunkA.size() != chunkB.size() ? (chunkA.size() < chunkB.size() ? -1 : 1)
                                               : chunkA.compare(chunkB);
        } else {
            c = collator.compare(chunkA, chunkB);
        }
        if (c != 0)
            return c;
        i = endA;
        j = endB;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1; // a proper prefix sorts first
    return 0;
}

} // namespace

struct FileTreeModel::Node {
    QString name;
    QString path;
    qint64 size = 0; // a folder's is the sum of everything below it
    bool folder = false;
    bool renamed = false;
    bool executable = false;
    bool hidden = false;
    int fileIndex = -1; // a file's position in the list given to setFiles
    // Files below (a file counts itself), how many of them are checked, and their bytes: a
    // folder's check state and the checked total then cost nothing to read.
    int files = 0;
    int checkedFiles = 0;
    qint64 checkedSize = 0;
    Node *parent = nullptr;
    int row = 0; // position among the parent's children, kept current by sorting
    std::vector<std::unique_ptr<Node>> children;
    QHash<QString, Node *> subfolders; // lookup while building; a file may share a folder's name

    Node *addChild(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

FileTreeModel::FileTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->folder = true;
}

FileTreeModel::~FileTreeModel() = default;

void FileTreeModel::setFiles(const QList<metainfo::FileEntry> &files, const QByteArray &priorities)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->folder = true;
    m_fileCount = 0;
    m_folderCount = 0;
    m_entryCount = static_cast<int>(files.size());
    const bool usePriorities = priorities.size() == files.size();

    for (qsizetype entryIndex = 0; entryIndex < files.size(); ++entryIndex) {
        const metainfo::FileEntry &entry = files[entryIndex];
        if (entry.padFile)
            continue;
        QStringList parts = entry.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        // A hostile torrent can nest thousands of folders; no file system could hold that, and
        // a tree that deep would cost stack when torn down. Keep the rest of the path as the leaf.
        if (parts.size() > kMaxFolderDepth + 1) {
            const QString rest = parts.mid(kMaxFolderDepth).join(QLatin1Char('/'));
            parts.resize(kMaxFolderDepth);
            parts.append(rest);
        }
        Node *folder = m_root.get();
        QString prefix;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            prefix += (prefix.isEmpty() ? QString() : QStringLiteral("/")) + parts[i];
            Node *next = folder->subfolders.value(parts[i]);
            if (!next) {
                auto created = std::make_unique<Node>();
                created->name = parts[i];
                created->path = prefix;
                created->folder = true;
                next = folder->addChild(std::move(created));
                folder->subfolders.insert(parts[i], next);
                ++m_folderCount;
            }
            folder = next;
        }
        auto file = std::make_unique<Node>();
        file->name = parts.last();
        file->path = entry.path;
        file->size = entry.size;
        file->renamed = entry.renamed;
        file->executable = entry.executable;
        file->hidden = entry.hidden;
        file->fileIndex = static_cast<int>(entryIndex);
        file->files = 1;
        const bool checked = !usePriorities || priorities[entryIndex] != 0;
        file->checkedFiles = checked ? 1 : 0;
        file->checkedSize = checked ? entry.size : 0;
        folder->addChild(std::move(file));
        ++m_fileCount;
        for (Node *up = folder; up; up = up->parent) {
            up->size += entry.size;
            up->files += 1;
            up->checkedFiles += checked ? 1 : 0;
            up->checkedSize += checked ? entry.size : 0;
        }
    }
    sortChildren(m_root.get(), m_sortColumn, m_sortOrder);
    endResetModel();
}

qint64 FileTreeModel::totalSize() const
{
    return m_root->size;
}

void FileTreeModel::setCheckable(bool checkable)
{
    if (checkable == m_checkable)
        return;
    // Flags and roles change for every row: views must ask again.
    beginResetModel();
    m_checkable = checkable;
    endResetModel();
}

int FileTreeModel::checkedFileCount() const
{
    return m_root->checkedFiles;
}

qint64 FileTreeModel::checkedSize() const
{
    return m_root->checkedSize;
}

QByteArray FileTreeModel::filePriorities() const
{
    QByteArray out(m_entryCount, '\x01');
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        for (const auto &child : node->children) {
            if (child->folder)
                pending.push_back(child.get());
            else if (child->fileIndex >= 0 && child->fileIndex < m_entryCount)
                out[child->fileIndex] = child->checkedFiles > 0 ? '\x01' : '\x00';
        }
    }
    return out;
}

bool FileTreeModel::setChecked(const QModelIndex &index, bool checked)
{
    if (!index.isValid() || index.model() != this)
        return false;
    applyCheck(nodeFor(index), checked);
    return true;
}

void FileTreeModel::setAllChecked(bool checked)
{
    applyCheck(m_root.get(), checked);
}

QModelIndex FileTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

void FileTreeModel::applyCheck(Node *node, bool checked)
{
    const int filesDelta = (checked ? node->files : 0) - node->checkedFiles;
    const qint64 sizeDelta = (checked ? node->size : 0) - node->checkedSize;
    if (filesDelta == 0 && sizeDelta == 0)
        return;
    // Every node below ends fully on or off, so its counts follow from its totals; one
    // dataChanged per folder's row span keeps a large tree's views cheap to update.
    const QList<int> roles{Qt::CheckStateRole};
    std::vector<Node *> pending{node};
    while (!pending.empty()) {
        Node *current = pending.back();
        pending.pop_back();
        current->checkedFiles = checked ? current->files : 0;
        current->checkedSize = checked ? current->size : 0;
        if (current->children.empty())
            continue;
        for (const auto &child : current->children)
            pending.push_back(child.get());
        const QModelIndex parentIndex = indexOf(current, 0);
        emit dataChanged(index(0, NameColumn, parentIndex),
                         index(static_cast<int>(current->children.size()) - 1, NameColumn, parentIndex),
                         roles);
    }
    for (Node *up = node->parent; up; up = up->parent) {
        up->checkedFiles += filesDelta;
        up->checkedSize += sizeDelta;
    }
    // The node itself and every folder above it, whose tri-state may have changed.
    for (Node *up = node; up && up != m_root.get(); up = up->parent) {
        const QModelIndex changed = indexOf(up, NameColumn);
        emit dataChanged(changed, changed, roles);
    }
    emit checkedChanged();
}

FileTreeModel::Node *FileTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeFor(parent);
    return createIndex(row, column, node->children[static_cast<size_t>(row)].get());
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *up = nodeFor(child)->parent;
    if (!up || up == m_root.get())
        return {};
    return createIndex(up->row, 0, up);
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? node->name : units::formatSize(node->size);
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == NameColumn)
            return QApplication::style()->standardIcon(node->folder ? QStyle::SP_DirIcon
                                                                    : QStyle::SP_FileIcon);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{node->path, units::formatSizeWithBytes(node->size)};
        if (node->renamed)
            lines << tr("Renamed: the torrent asked for a name that is not safe on disk.");
        if (node->executable)
            lines << tr("Marked executable by the torrent.");
        if (node->hidden)
            lines << tr("Marked hidden by the torrent.");
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        return column == SizeColumn ? QVariant(node->size) : QVariant(node->name);
    case PathRole:
        return node->path;
    case IsFolderRole:
        return node->folder;
    case Qt::CheckStateRole:
        if (!m_checkable || column != NameColumn)
            return {};
        if (node->checkedFiles == 0)
            return Qt::Unchecked;
        return node->checkedFiles == node->files ? Qt::Checked : Qt::PartiallyChecked;
    default:
        return {};
    }
}

Qt::ItemFlags FileTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractItemModel::flags(index);
    // Not user-tristate: a click on a partly checked folder checks all of it, as file pickers do.
    if (m_checkable && index.isValid() && index.column() == NameColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool FileTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_checkable || role != Qt::CheckStateRole || !index.isValid() || index.column() != NameColumn)
        return false;
    return setChecked(index, value.toInt() != Qt::Unchecked);
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case SizeColumn: return tr("Size");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section == SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void FileTreeModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<Node *> nodes;
    nodes.reserve(before.size());
    for (const QModelIndex &index : before)
        nodes.append(nodeFor(index));
    sortChildren(m_root.get(), column, order);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(createIndex(nodes[i]->row, before[i].column(), nodes[i]));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void FileTreeModel::sortChildren(Node *node, int column, Qt::SortOrder order)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const auto nameLess = [&collator](const Node *a, const Node *b) {
        const int c = naturalCompare(a->name, b->name, collator);
        return c != 0 ? c < 0 : a->name < b->name; // names equal but for case: still a fixed order
    };
    const auto keyLess = [&](const Node *a, const Node *b) {
        if (column == SizeColumn && a->size != b->size)
            return a->size < b->size;
        return nameLess(a, b);
    };
    const auto less = [&](const std::unique_ptr<Node> &a, const std::unique_ptr<Node> &b) {
        if (a->folder != b->folder)
            return a->folder; // folders first in either order, as file managers do
        return order == Qt::AscendingOrder ? keyLess(a.get(), b.get()) : keyLess(b.get(), a.get());
    };
    // Iterative, like the builder's depth cap, so a deep tree cannot exhaust the stack.
    std::vector<Node *> pending{node};
    while (!pending.empty()) {
        Node *current = pending.back();
        pending.pop_back();
        std::stable_sort(current->children.begin(), current->children.end(), less);
        for (size_t i = 0; i < current->children.size(); ++i) {
            current->children[i]->row = static_cast<int>(i);
            if (current->children[i]->folder)
                pending.push_back(current->children[i].get());
        }
    }
}

} // namespace swarmscope::ui
