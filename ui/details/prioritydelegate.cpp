#include "details/prioritydelegate.h"

#include "details/filesmodel.h"

#include <QComboBox>

namespace swarmscope::ui {

PriorityDelegate::PriorityDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *PriorityDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (int p : {TorrentFilesModel::Skip, TorrentFilesModel::Normal, TorrentFilesModel::High})
        combo->addItem(TorrentFilesModel::priorityText(p), p);
    combo->setToolTip(tr("Skip leaves the file out; High fetches its pieces before the others"));
    // A choice is the whole edit: commit and close without waiting for focus to move.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<PriorityDelegate *>(this);
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

void PriorityDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    // A folder of mixed priorities starts on no choice, so that any choice is a change.
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
}

void PriorityDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    if (combo->currentIndex() >= 0)
        model->setData(index, combo->currentData(), Qt::EditRole);
}

void PriorityDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace swarmscope::ui
