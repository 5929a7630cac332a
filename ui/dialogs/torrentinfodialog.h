// "Torrent details": what a .torrent file or a magnet link says, before anything is downloaded.
#pragma once

#include "metainfo/infohash.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QStringList>

#include <optional>

class QPushButton;
class QTabWidget;

namespace swarmscope::metainfo {
struct MagnetLink;
struct TorrentInfo;
} // namespace swarmscope::metainfo

namespace swarmscope::ui {

class FileTreeModel;

class TorrentInfoDialog : public QDialog {
    Q_OBJECT

public:
    explicit TorrentInfoDialog(const metainfo::TorrentInfo &info, QWidget *parent = nullptr);
    // A magnet link knows its hash, maybe a name, size and trackers; the rest needs metadata.
    explicit TorrentInfoDialog(const metainfo::MagnetLink &magnet, QWidget *parent = nullptr);
    ~TorrentInfoDialog() override;

    QString torrentName() const { return m_details.name; }
    metainfo::InfoHash infoHash() const { return m_details.infoHash; }
    QString magnetUri() const { return m_details.magnetUri; }
    bool hasMetadata() const { return m_details.hasMetadata; }
    const FileTreeModel *fileModel() const { return m_fileModel; }

private:
    // What both sources have in common, so one set of widgets serves both.
    struct Details {
        bool hasMetadata = false;
        QString name;
        metainfo::InfoHash infoHash;
        std::optional<qint64> totalSize;
        int pieceCount = 0;
        qint64 pieceLength = 0;
        bool isPrivate = false;
        QString comment;
        QString createdBy;
        std::optional<QDateTime> creationDate;
        QList<QStringList> trackerTiers;
        QStringList webSeeds;
        QStringList warnings;
        QString magnetUri;
    };

    void build();
    QWidget *buildGeneralTab();
    QWidget *buildTrackersTab();
    QWidget *buildFilesTab();
    void copyToClipboard(const QString &text, QPushButton *button);

    Details m_details;
    FileTreeModel *m_fileModel = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace swarmscope::ui
