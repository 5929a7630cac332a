// "Add torrent": where to save, which files, how to start; for a .torrent file at once, for a
// magnet link while its metadata is still being fetched (the caller feeds the progress in and
// the file list once it is there; the user may confirm before that, taking every file).
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

#include <functional>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTreeView;

namespace swarmscope::metainfo {
struct MagnetLink;
struct TorrentInfo;
} // namespace swarmscope::metainfo

namespace swarmscope::ui {

class FileTreeModel;

struct AddChoice {
    QString savePath;
    QByteArray filePriorities; // one byte per file of the torrent: 0 skip, 1 normal; empty = all
    bool paused = false;
    bool sequential = false;
};

class AddTorrentDialog : public QDialog {
    Q_OBJECT

public:
    AddTorrentDialog(const metainfo::TorrentInfo &info, const QString &defaultSavePath,
                     QWidget *parent = nullptr);
    AddTorrentDialog(const metainfo::MagnetLink &magnet, const QString &defaultSavePath,
                     QWidget *parent = nullptr);
    ~AddTorrentDialog() override;

    // What the user chose; the save path is what the caller should offer next time.
    AddChoice choice() const;

    metainfo::InfoHash infoHash() const { return m_infoHash; }
    bool hasMetadata() const { return m_hasMetadata; }
    const FileTreeModel *fileModel() const { return m_fileModel; }
    // True while the wanted files need more than the free space at the save folder.
    bool spaceWarningShown() const;
    // Asked of the chosen folder as it changes: a sentence (the volume holding it is not
    // mounted) blocks Add and is shown; empty lets it through.
    using FolderCheck = std::function<QString(const QString &folder)>;
    void setFolderCheck(FolderCheck check);

public slots:
    // A magnet's metadata fetch: connected peers, and metadata pieces (16 KiB) received out of
    // all (0 while no peer has told the size). Ignored once the metadata is in.
    void setFetchStatus(int peers, int piecesReceived, int pieces);
    // The magnet's metadata arrived: fills the file tree. `files` are the torrent's files in
    // order (as the engine's snapshot lists them), so choice() gives one byte for each.
    void setMetadata(const QString &name, const QList<session::FileSnapshot> &files);

private:
    void build(const QString &defaultSavePath, const QString &comment);
    QWidget *buildHeader(const QString &comment);
    QWidget *buildFiles();
    void browseForFolder();
    void updateSpace();
    void updateAcceptable();
    QString cleanSavePath() const;

    metainfo::InfoHash m_infoHash;
    QString m_name;
    bool m_hasMetadata = false;
    bool m_isMagnet = false;
    std::optional<qint64> m_magnetLength; // the link's xl, if it had one
    bool m_spaceShort = false;

    FileTreeModel *m_fileModel = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_fetchLabel = nullptr;
    QProgressBar *m_fetchProgress = nullptr;
    QLineEdit *m_savePath = nullptr;
    QStackedWidget *m_fileStack = nullptr; // a note while a magnet has no file list, then the tree
    QTreeView *m_tree = nullptr;
    QCheckBox *m_paused = nullptr;
    QCheckBox *m_sequential = nullptr;
    QLabel *m_spaceLabel = nullptr;
    QWidget *m_spaceWarning = nullptr; // icon and text
    QLabel *m_spaceWarningText = nullptr;
    QLabel *m_blockedReason = nullptr;
    FolderCheck m_folderCheck;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace swarmscope::ui
