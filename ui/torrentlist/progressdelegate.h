// Paints a torrent's progress as a bar with its percentage.
#pragma once

#include <QStyledItemDelegate>

namespace swarmscope::ui {

// Reads the fraction (0..1) from the model's SortRole; anything else, or a magnet without
// metadata, is drawn as an empty bar rather than divided into.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ProgressDelegate(int sortRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_sortRole;
};

} // namespace swarmscope::ui
