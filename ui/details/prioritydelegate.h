// Edits a file priority in place: a combo box of Skip / Normal / High that commits as soon as a
// choice is made, so the model can send the new list to the engine at once.
#pragma once

#include <QStyledItemDelegate>

namespace swarmscope::ui {

class PriorityDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit PriorityDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
};

} // namespace swarmscope::ui
