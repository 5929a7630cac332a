// Paints a neighbour's pieces into a table cell, the way PiecesBar paints them in a widget.
#pragma once

#include "swarm/piecesbarimage.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace swarmscope::ui {

// Reads a Bitfield from `piecesRole` and a stable row identity (QString) from `keyRole`; keeps
// one cached strip per identity, re-rendered only when that row's pieces or width change.
class PiecesBarDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    PiecesBarDelegate(int piecesRole, int keyRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Strip renders so far (for tests).
    int renderCount() const;

private:
    int m_piecesRole;
    int m_keyRole;
    // Painting is const by contract; the cache is not part of the delegate's visible state.
    mutable QHash<QString, BitfieldBarImage> m_cache;
    mutable int m_evictedRenders = 0;
};

} // namespace swarmscope::ui
