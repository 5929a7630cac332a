// The torrent list view: a sortable tree view that, while empty, says how to add torrents.
#pragma once

#include <QTreeView>

namespace swarmscope::ui {

class TorrentListView : public QTreeView {
    Q_OBJECT

public:
    explicit TorrentListView(QWidget *parent = nullptr);

    // Shown centred in the viewport while the model has no rows.
    QString placeholderText() const { return m_placeholder; }
    void setPlaceholderText(const QString &text);

    void setModel(QAbstractItemModel *model) override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void showHeaderMenu(const QPoint &position);

    QString m_placeholder;
};

} // namespace swarmscope::ui
