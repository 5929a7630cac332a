#include "details/filesmodel.h"

#include "format/units.h"
#include "models/changedspans.h"

#include <QApplication>
#include <QHash>
#include <QStyle>

#include <algorithm>

namespace swarmscope::ui {

namespace {

constexpr qsizetype kMaxFolderDepth = 64;
// Snapshots to wait for the engine to confirm a priority edit before showing what it reports.
constexpr int kPendingSnapshots = 12;

int priorityIndex(int priority) { return std::clamp(priority, 0, 2); }

} // namespace

struct TorrentFilesModel::Node {
    QString name;
    QString path;
    bool folder = false;
    Node *parent = nullptr;
    int row = 0;
    int fileIndex = -1;
    qint64 size = 0;
    qint64 done = 0;
    std::array<int, 3> counts{}; // files below (or this file) at Skip, Normal, High
    std::vector<std::unique_ptr<Node>> children;
    QHash<QString, Node *> subfolders; // lookup while building

    int files() const { return counts[0] + counts[1] + counts[2]; }
    int priority() const
    {
        for (int p = 0; p < 3; ++p)
            if (counts[static_cast<size_t>(p)] == files())
                return p;
        return Mixed;
    }
    double fraction() const { return size > 0 ? double(done) / double(size) : 1.0; } // empty file: done
    bool complete() const { return done >= size; }
};

TorrentFilesModel::TorrentFilesModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->folder = true;
}

TorrentFilesModel::~TorrentFilesModel() = default;

QString TorrentFilesModel::priorityText(int priority)
{
    switch (priority) {
    case Skip: return tr("Skip");
    case Normal: return tr("Normal");
    case High: return tr("High");
    default: return tr("Mixed");
    }
}

void TorrentFilesModel::setFiles(const QList<session::FileSnapshot> &files)
{
    QByteArray priorities(files.size(), 0);
    QList<qint64> done(files.size(), 0);
    bool sameStructure = files.size() == m_paths.size();
    for (qsizetype i = 0; i < files.size(); ++i) {
        priorities[i] = static_cast<char>(files[i].priority);
        done[i] = std::clamp<qint64>(files[i].done, 0, std::max<qint64>(0, files[i].size));
        sameStructure = sameStructure && files[i].path == m_paths[i] && files[i].size == m_sizes[i]
            && files[i].padFile == (m_leaves[static_cast<size_t>(i)] == nullptr);
    }
    if (!m_pending.isEmpty()) {
        if (priorities == m_pending || --m_pendingSnapshots <= 0 || m_pending.size() != priorities.size())
            m_pending.clear(); // confirmed, or the engine did not take it: show what it says
        else
            priorities = m_pending;
    }
    if (sameStructure)
        apply(done, priorities);
    else
        rebuild(files, priorities);
}

void TorrentFilesModel::clear()
{
    if (m_paths.isEmpty() && m_root->children.empty())
        return;
    rebuild({}, {});
    m_pending.clear();
}

void TorrentFilesModel::rebuild(const QList<session::FileSnapshot> &files, const QByteArray &priorities)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->folder = true;
    m_leaves.assign(static_cast<size_t>(files.size()), nullptr);
    m_folders.clear();
    m_paths.clear();
    m_sizes.clear();
    m_done = QList<qint64>(files.size(), 0);
    m_priorities = QByteArray(files.size(), 0);
    std::vector<Node *> created; // folders in creation order (parents before children)
    for (qsizetype i = 0; i < files.size(); ++i) {
        const session::FileSnapshot &f = files[i];
        m_paths.append(f.path);
        m_sizes.append(f.size);
        // BEP 47 padding is never written to disk: no row for it, but it keeps its place (and
        // its byte) in the priority list the engine takes.
        if (f.padFile)
            continue;
        QStringList parts = f.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            parts << f.path;
        // A hostile torrent may nest folders thousands deep: keep the rest of the path as the leaf.
        if (parts.size() > kMaxFolderDepth + 1) {
            const QString rest = parts.mid(kMaxFolderDepth).join(QLatin1Char('/'));
            parts.resize(kMaxFolderDepth);
            parts.append(rest);
        }
        Node *folder = m_root.get();
        for (qsizetype k = 0; k + 1 < parts.size(); ++k) {
            Node *next = folder->subfolders.value(parts[k]);
            if (!next) {
                auto node = std::make_unique<Node>();
                node->name = parts[k];
                node->path = folder == m_root.get() ? parts[k] : folder->path + QLatin1Char('/') + parts[k];
                node->folder = true;
                node->parent = folder;
                node->row = static_cast<int>(folder->children.size());
                next = node.get();
                folder->children.push_back(std::move(node));
                folder->subfolders.insert(parts[k], next);
                created.push_back(next);
            }
            folder = next;
        }
        auto leaf = std::make_unique<Node>();
        leaf->name = parts.last();
        leaf->path = f.path;
        leaf->parent = folder;
        leaf->row = static_cast<int>(folder->children.size());
        leaf->fileIndex = static_cast<int>(i);
        leaf->size = std::max<qint64>(0, f.size);
        m_leaves[static_cast<size_t>(i)] = leaf.get();
        folder->children.push_back(std::move(leaf));
    }
    m_folders.assign(created.rbegin(), created.rend());
    for (Node *folder : m_folders)
        folder->subfolders.clear();
    // Values without signals: the reset tells the views everything.
    const bool blocked = blockSignals(true);
    QList<qint64> done(files.size(), 0);
    for (qsizetype i = 0; i < files.size(); ++i)
        done[i] = std::clamp<qint64>(files[i].done, 0, std::max<qint64>(0, files[i].size));
    apply(done, priorities);
    blockSignals(blocked);
    endResetModel();
}

void TorrentFilesModel::apply(const QList<qint64> &done, const QByteArray &priorities)
{
    // Changed columns per node, as [first, last].
    QHash<const Node *, std::pair<int, int>> changed;
    const auto mark = [&changed](const Node *node, int first, int last) {
        auto it = changed.find(node);
        if (it == changed.end())
            changed.insert(node, {first, last});
        else
            *it = {std::min(it->first, first), std::max(it->second, last)};
    };
    for (size_t i = 0; i < m_leaves.size(); ++i) {
        Node *leaf = m_leaves[i];
        if (!leaf)
            continue; // a pad file
        const qsizetype k = static_cast<qsizetype>(i);
        if (leaf->done != done[k]) {
            leaf->done = done[k];
            mark(leaf, ProgressColumn, RemainingColumn);
        }
        std::array<int, 3> counts{};
        counts[static_cast<size_t>(priorityIndex(priorities.at(k)))] = 1;
        if (leaf->counts != counts) {
            leaf->counts = counts;
            mark(leaf, NameColumn, PriorityColumn); // the check box follows the priority
        }
    }
    for (Node *folder : m_folders) { // children first: each folder adds up finished children
        qint64 size = 0;
        qint64 sumDone = 0;
        std::array<int, 3> counts{};
        for (const auto &child : folder->children) {
            size += child->size;
            sumDone += child->done;
            for (size_t p = 0; p < 3; ++p)
                counts[p] += child->counts[p];
        }
        folder->size = size;
        if (folder->done != sumDone) {
            folder->done = sumDone;
            mark(folder, ProgressColumn, RemainingColumn);
        }
        if (folder->counts != counts) {
            folder->counts = counts;
            mark(folder, NameColumn, PriorityColumn);
        }
    }
    m_done = done;
    m_priorities = priorities;
    if (changed.isEmpty())
        return;

    // One dataChanged per run of consecutive changed siblings.
    QHash<const Node *, QList<std::tuple<int, int, int>>> byParent;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        byParent[it.key()->parent].append({it.key()->row, it.value().first, it.value().second});
    for (auto it = byParent.begin(); it != byParent.end(); ++it) {
        const Node *parentNode = it.key();
        const QModelIndex parentIndex = parentNode == m_root.get() ? QModelIndex() : indexFor(parentNode, 0);
        std::sort(it->begin(), it->end());
        ChangedSpans spans(ColumnCount, [&](int firstRow, int lastRow, int firstColumn, int lastColumn) {
            emit dataChanged(index(firstRow, firstColumn, parentIndex), index(lastRow, lastColumn, parentIndex));
        });
        int previous = -2;
        for (const auto &[row, first, last] : *it) {
            if (previous >= 0 && row != previous + 1)
                spans.row(previous + 1, ColumnCount, -1); // a gap ends the run
            spans.row(row, first, last);
            previous = row;
        }
        spans.finish(previous);
    }
}

bool TorrentFilesModel::setPriority(const QModelIndexList &indexes, int priority)
{
    if (priority < Skip || priority > High)
        return false;
    QList<int> files;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.model() == this)
            collectFiles(nodeFor(index), files);
    QByteArray next = m_priorities;
    for (int f : files)
        next[f] = static_cast<char>(priority);
    if (next == m_priorities)
        return false;
    apply(m_done, next);
    m_pending = next;
    m_pendingSnapshots = kPendingSnapshots;
    emit prioritiesChanged(next);
    return true;
}

void TorrentFilesModel::collectFiles(const Node *node, QList<int> &out) const
{
    std::vector<const Node *> pending{node};
    while (!pending.empty()) {
        const Node *current = pending.back();
        pending.pop_back();
        if (current->fileIndex >= 0)
            out.append(current->fileIndex);
        for (const auto &child : current->children)
            pending.push_back(child.get());
    }
}

TorrentFilesModel::Node *TorrentFilesModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TorrentFilesModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

QModelIndex TorrentFilesModel::indexOfPath(const QString &path, int column) const
{
    const Node *node = m_root.get();
    QString prefix;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        prefix = prefix.isEmpty() ? part : prefix + QLatin1Char('/') + part;
        const Node *next = nullptr;
        for (const auto &child : node->children)
            if (child->name == part && (!next || child->path == prefix))
                next = child.get();
        if (!next)
            return {};
        node = next;
        if (node->path == path)
            break;
    }
    return node->path == path ? indexFor(node, column) : QModelIndex();
}

QModelIndex TorrentFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children[static_cast<size_t>(row)].get());
}

QModelIndex TorrentFilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent, 0);
}

int TorrentFilesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int TorrentFilesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TorrentFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return node->name;
        case SizeColumn: return units::formatSize(node->size);
        case ProgressColumn: return units::formatPercent(node->fraction());
        case RemainingColumn: return units::formatSize(node->size - node->done);
        case PriorityColumn: return priorityText(node->priority());
        default: return {};
        }
    case Qt::EditRole:
        return column == PriorityColumn ? QVariant(node->priority()) : QVariant();
    case Qt::CheckStateRole:
        if (column != NameColumn)
            return {};
        if (node->counts[Skip] == 0)
            return Qt::Checked;
        return node->counts[Skip] == node->files() ? Qt::Unchecked : Qt::PartiallyChecked;
    case Qt::DecorationRole:
        if (column == NameColumn)
            return QApplication::style()->standardIcon(node->folder ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == RemainingColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{node->path, tr("%1 of %2 verified")
                                          .arg(units::formatSizeWithBytes(node->done), units::formatSize(node->size))};
        if (column == NameColumn)
            lines << tr("Untick to skip, tick to download.");
        if (column == PriorityColumn)
            lines << tr("Double-click or right-click to change: Skip leaves the file out, High fetches its pieces first.");
        else if (!node->folder && node->complete())
            lines << tr("Complete: double-click to open.");
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        switch (column) {
        case NameColumn: return node->name;
        case SizeColumn: return node->size;
        case ProgressColumn: return node->fraction();
        case RemainingColumn: return node->size - node->done;
        case PriorityColumn: return node->priority();
        default: return {};
        }
    case PathRole: return node->path;
    case IsFolderRole: return node->folder;
    case FileIndexRole: return node->fileIndex;
    case PriorityRole: return node->priority();
    case IsCompleteRole: return node->complete();
    default: return {};
    }
}

bool TorrentFilesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    if (index.column() == PriorityColumn && role == Qt::EditRole) {
        bool ok = false;
        const int priority = value.toInt(&ok);
        if (!ok)
            return false;
        setPriority({index}, priority);
        return true;
    }
    if (index.column() == NameColumn && role == Qt::CheckStateRole) {
        // Ticking a folder downloads its skipped files at normal priority and keeps high ones high.
        const bool download = value.value<Qt::CheckState>() != Qt::Unchecked;
        QList<int> files;
        collectFiles(nodeFor(index), files);
        QByteArray next = m_priorities;
        for (int f : files)
            if (!download || next[f] == Skip)
                next[f] = static_cast<char>(download ? Normal : Skip);
        if (next != m_priorities) {
            apply(m_done, next);
            m_pending = next;
            m_pendingSnapshots = kPendingSnapshots;
            emit prioritiesChanged(next);
        }
        return true;
    }
    return false;
}

Qt::ItemFlags TorrentFilesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == PriorityColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TorrentFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case SizeColumn: return tr("Size");
        case ProgressColumn: return tr("Progress");
        case RemainingColumn: return tr("Remaining");
        case PriorityColumn: return tr("Priority");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (section == SizeColumn || section == RemainingColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace swarmscope::ui
