// Everything that brings a torrent in: .torrent files (paths, file URLs, http(s) URLs),
// magnet links; each through the add dialog. A magnet is fetched while its dialog is open
// (its torrent waits, paused, until the user confirms), so the file list can appear in the
// dialog; cancelling removes it again.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <QPointer>
#include <QSet>

class QNetworkAccessManager;
class QWidget;

namespace swarmscope::metainfo {
struct MagnetLink;
struct TorrentInfo;
}
namespace swarmscope::session {
class Engine;
}

namespace swarmscope::ui {

class AddTorrentDialog;

class AddController : public QObject {
    Q_OBJECT
public:
    AddController(session::Engine *engine, QWidget *dialogParent, QObject *parent = nullptr);
    ~AddController() override;

    // Where the dialog proposes to save; updated to each folder the user confirms.
    QString defaultSavePath() const { return m_defaultSavePath; }
    void setDefaultSavePath(const QString &path) { m_defaultSavePath = path; }
    // Given to every add dialog: refuses folders on a volume that is not mounted.
    void setFolderCheck(std::function<QString(const QString &)> check) { m_folderCheck = std::move(check); }

    // A .torrent path, a file:// URL, an http(s):// URL of a .torrent, or a magnet link.
    // False (and failed() emitted) when it is not something we can open.
    bool openItem(const QString &item);
    int openItems(const QStringList &items);
    bool openTorrentFile(const QString &path);
    bool openMagnetLink(const QString &uri);

    void onSnapshot(const session::SessionSnapshotPtr &snapshot);
    // Magnets whose dialogs are open: the engine must send their detail (the file list).
    QList<metainfo::InfoHash> watched() const { return m_magnets.keys(); }
    QList<AddTorrentDialog *> openDialogs() const;

signals:
    void dialogShown(swarmscope::ui::AddTorrentDialog *dialog);
    void watchedChanged();
    void failed(const QString &what, const QString &message);
    void savePathChosen(const QString &path);

private:
    void showTorrentDialog(const metainfo::TorrentInfo &info);
    void downloadTorrent(const QUrl &url);
    bool alreadyAdded(const metainfo::InfoHash &hash, const QString &name);

    session::Engine *m_engine;
    QPointer<QWidget> m_dialogParent;
    QString m_defaultSavePath;
    std::function<QString(const QString &)> m_folderCheck;
    QNetworkAccessManager *m_network = nullptr;
    QHash<metainfo::InfoHash, QPointer<AddTorrentDialog>> m_magnets; // dialogs waiting for metadata
    QSet<metainfo::InfoHash> m_known;                                // in the engine's latest snapshot
    QSet<metainfo::InfoHash> m_pendingTorrents;                      // dialogs of .torrent files
};

} // namespace swarmscope::ui
