#include "details/filestab.h"

#include "details/filesmodel.h"
#include "details/prioritydelegate.h"
#include "torrentlist/progressdelegate.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace swarmscope::ui {

namespace {

// Folders before files whichever way a column is sorted, names in natural order
// ("Part 2" before "Part 10"), as file managers show them.
class FilesSortProxy : public QSortFilterProxyModel {
public:
    explicit FilesSortProxy(QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        m_collator.setNumericMode(true);
        m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const bool leftFolder = left.data(TorrentFilesModel::IsFolderRole).toBool();
        const bool rightFolder = right.data(TorrentFilesModel::IsFolderRole).toBool();
        if (leftFolder != rightFolder)
            return (sortOrder() == Qt::AscendingOrder) == leftFolder;
        const QVariant a = left.data(TorrentFilesModel::SortRole);
        const QVariant b = right.data(TorrentFilesModel::SortRole);
        if (left.column() != TorrentFilesModel::NameColumn) {
            const auto order = QVariant::compare(a, b);
            if (order != QPartialOrdering::Equivalent)
                return order == QPartialOrdering::Less;
        }
        const QString leftName = left.siblingAtColumn(0).data().toString();
        const QString rightName = right.siblingAtColumn(0).data().toString();
        return m_collator.compare(leftName, rightName) < 0;
    }

private:
    QCollator m_collator;
};

} // namespace

FilesTab::FilesTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new TorrentFilesModel(this))
    , m_proxy(new FilesSortProxy(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TorrentFilesModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(TorrentFilesModel::ProgressColumn,
                                     new ProgressDelegate(TorrentFilesModel::SortRole, m_view));
    m_view->setItemDelegateForColumn(TorrentFilesModel::PriorityColumn, new PriorityDelegate(m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TorrentFilesModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        m_view->setColumnWidth(column, fm.horizontalAdvance(sample) + 24);
    };
    fit(TorrentFilesModel::SizeColumn, QStringLiteral("1023.9 MiB"));
    fit(TorrentFilesModel::ProgressColumn, QStringLiteral("100.0% 100.0%"));
    fit(TorrentFilesModel::RemainingColumn, QStringLiteral("1023.9 MiB"));
    fit(TorrentFilesModel::PriorityColumn, TorrentFilesModel::priorityText(TorrentFilesModel::Normal)
                                               + QStringLiteral("MMMM"));

    connect(m_model, &TorrentFilesModel::prioritiesChanged, this, &FilesTab::prioritiesChanged);
    // A new tree (another torrent): show its top folder open, as the user will want to.
    connect(m_proxy, &QAbstractItemModel::modelReset, m_view, [this] { m_view->expandToDepth(0); });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != TorrentFilesModel::PriorityColumn) // that one opens the editor
            openRow(index);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void FilesTab::setTorrent(const session::TorrentSnapshot &torrent)
{
    if (m_hash != torrent.infoHash) {
        // Another torrent: never diff its files against the last one's, even if they look alike.
        m_model->clear();
        m_hash = torrent.infoHash;
    }
    m_savePath = torrent.savePath;
    m_model->setFiles(torrent.detail ? torrent.detail->files : QList<session::FileSnapshot>{});
}

void FilesTab::clear()
{
    m_model->clear();
    m_hash.reset();
    m_savePath.clear();
}

QString FilesTab::absolutePath(const QModelIndex &sourceIndex) const
{
    const QString relative = sourceIndex.data(TorrentFilesModel::PathRole).toString();
    if (relative.isEmpty() || m_savePath.isEmpty())
        return {};
    return QDir::cleanPath(QDir(m_savePath).filePath(relative));
}

bool FilesTab::canOpen(const QModelIndex &sourceIndex)
{
    if (!sourceIndex.isValid())
        return false;
    if (sourceIndex.data(TorrentFilesModel::IsFolderRole).toBool())
        return sourceIndex.siblingAtColumn(TorrentFilesModel::ProgressColumn).data(TorrentFilesModel::SortRole).toDouble() > 0;
    return sourceIndex.data(TorrentFilesModel::IsCompleteRole).toBool();
}

bool FilesTab::openRow(const QModelIndex &viewIndex)
{
    const QModelIndex source = m_proxy->mapToSource(viewIndex);
    const QString path = absolutePath(source);
    if (!canOpen(source) || path.isEmpty())
        return false;
    emit openRequested(path);
    return true;
}

QModelIndexList FilesTab::selectedSourceRows() const
{
    QModelIndexList rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows(TorrentFilesModel::NameColumn))
        rows.append(m_proxy->mapToSource(index));
    return rows;
}

void FilesTab::setSelectedPriority(int priority)
{
    m_model->setPriority(selectedSourceRows(), priority);
}

QMenu *FilesTab::createContextMenu()
{
    auto *menu = new QMenu(this);
    const QModelIndexList rows = selectedSourceRows();
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex()).siblingAtColumn(TorrentFilesModel::NameColumn);

    QAction *open = menu->addAction(tr("&Open"), this, [this] { openRow(m_view->currentIndex()); });
    open->setEnabled(rows.size() == 1 && canOpen(current));
    open->setToolTip(tr("Open the file once all of it has been downloaded and verified"));
    QAction *folder = menu->addAction(tr("Open containing &folder"), this, [this, current] {
        const QString path = absolutePath(current);
        if (!path.isEmpty())
            emit openRequested(QFileInfo(path).absolutePath());
    });
    folder->setEnabled(rows.size() == 1 && !absolutePath(current).isEmpty());
    menu->addSeparator();
    QMenu *priority = menu->addMenu(tr("&Priority"));
    const int shared = rows.size() == 1 ? current.data(TorrentFilesModel::PriorityRole).toInt() : TorrentFilesModel::Mixed;
    const QList<std::pair<int, QString>> choices{
        {TorrentFilesModel::Skip, tr("&Skip (do not download)")},
        {TorrentFilesModel::Normal, tr("&Normal")},
        {TorrentFilesModel::High, tr("&High")},
    };
    for (const auto &[value, text] : choices) {
        QAction *action = priority->addAction(text, this, [this, value = value] { setSelectedPriority(value); });
        action->setCheckable(true);
        action->setChecked(shared == value);
        action->setData(value);
    }
    priority->setEnabled(!rows.isEmpty());
    return menu;
}

} // namespace swarmscope::ui
