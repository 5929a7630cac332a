#include "app/addcontroller.h"

#include "dialogs/adddialog.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "session/engine.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace swarmscope::ui {

namespace {
constexpr qint64 kMaxDownloadedTorrent = 20LL * 1024 * 1024; // as metainfo's own parse limit
}

AddController::AddController(session::Engine *engine, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_engine(engine), m_dialogParent(dialogParent)
{
}

AddController::~AddController() = default;

QList<AddTorrentDialog *> AddController::openDialogs() const
{
    return m_dialogParent ? m_dialogParent->findChildren<AddTorrentDialog *>() : QList<AddTorrentDialog *>();
}

int AddController::openItems(const QStringList &items)
{
    int opened = 0;
    for (const QString &item : items)
        opened += openItem(item) ? 1 : 0;
    return opened;
}

bool AddController::openItem(const QString &item)
{
    const QString text = item.trimmed();
    if (metainfo::isMagnetUri(text))
        return openMagnetLink(text);
    const QUrl url(text);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http" || scheme == u"https") {
        downloadTorrent(url);
        return true;
    }
    const QString path = url.isLocalFile() ? url.toLocalFile() : text;
    return openTorrentFile(QFileInfo(path).absoluteFilePath());
}

bool AddController::alreadyAdded(const metainfo::InfoHash &hash, const QString &name)
{
    if (!m_known.contains(hash) && !m_magnets.contains(hash) && !m_pendingTorrents.contains(hash))
        return false;
    emit failed(name, tr("This torrent is already in the list."));
    return true;
}

bool AddController::openTorrentFile(const QString &path)
{
    metainfo::ParseError error;
    const std::optional<metainfo::TorrentInfo> info = metainfo::loadTorrentFile(path, &error);
    if (!info) {
        emit failed(QFileInfo(path).fileName(), error.toString());
        return false;
    }
    if (alreadyAdded(info->infoHash, info->name))
        return false;
    showTorrentDialog(*info);
    return true;
}

void AddController::showTorrentDialog(const metainfo::TorrentInfo &info)
{
    auto *dialog = new AddTorrentDialog(info, m_defaultSavePath, m_dialogParent);
    dialog->setFolderCheck(m_folderCheck);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_pendingTorrents.insert(info.infoHash);
    connect(dialog, &QDialog::finished, this, [this, dialog, info](int result) {
        m_pendingTorrents.remove(info.infoHash);
        if (result != QDialog::Accepted)
            return;
        const AddChoice choice = dialog->choice();
        session::AddTorrentParams params;
        params.info = info;
        params.savePath = choice.savePath;
        params.filePriorities = choice.filePriorities;
        params.paused = choice.paused;
        params.sequential = choice.sequential;
        m_engine->addTorrent(params);
        m_defaultSavePath = choice.savePath;
        emit savePathChosen(choice.savePath);
    });
    dialog->open(); // window-modal to nothing: several can be open, nothing blocks
    emit dialogShown(dialog);
}

bool AddController::openMagnetLink(const QString &uri)
{
    QString error;
    const std::optional<metainfo::MagnetLink> magnet = metainfo::parseMagnet(uri.trimmed(), &error);
    if (!magnet) {
        emit failed(tr("the magnet link"), error);
        return false;
    }
    const QString name = magnet->displayName.isEmpty() ? magnet->infoHash.toHex() : magnet->displayName;
    if (alreadyAdded(magnet->infoHash, name))
        return false;
    // Fetch at once: the file list can then be chosen in the dialog. The torrent waits until
    // the user says where and whether to start.
    session::AddMagnetParams params;
    params.magnet = *magnet;
    params.savePath = m_defaultSavePath;
    params.pauseAfterMetadata = true;
    m_engine->addMagnet(params);

    auto *dialog = new AddTorrentDialog(*magnet, m_defaultSavePath, m_dialogParent);
    dialog->setFolderCheck(m_folderCheck);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const metainfo::InfoHash hash = magnet->infoHash;
    m_magnets.insert(hash, dialog);
    emit watchedChanged();
    connect(dialog, &QDialog::finished, this, [this, dialog, hash](int result) {
        m_magnets.remove(hash);
        emit watchedChanged();
        if (result != QDialog::Accepted) {
            m_engine->removeTorrent(hash, false); // nothing was written: it waited, paused
            return;
        }
        const AddChoice choice = dialog->choice();
        m_engine->setSavePath(hash, choice.savePath);
        if (dialog->hasMetadata()) {
            if (!choice.filePriorities.isEmpty())
                m_engine->setFilePriorities(hash, choice.filePriorities);
            m_engine->setSequential(hash, choice.sequential);
            if (!choice.paused)
                m_engine->resumeTorrent(hash);
        } else {
            m_engine->setSequential(hash, choice.sequential); // kept for the torrent to come
            m_engine->setPauseAfterMetadata(hash, choice.paused);
        }
        m_defaultSavePath = choice.savePath;
        emit savePathChosen(choice.savePath);
    });
    dialog->open();
    emit dialogShown(dialog);
    return true;
}

void AddController::downloadTorrent(const QUrl &url)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxDownloadedTorrent)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        const QString what = url.toDisplayString();
        if (reply->error() != QNetworkReply::NoError) {
            emit failed(what, reply->errorString());
            return;
        }
        metainfo::ParseError error;
        const auto info = metainfo::parseTorrent(reply->readAll(), &error);
        if (!info) {
            emit failed(what, error.toString());
            return;
        }
        if (!alreadyAdded(info->infoHash, info->name))
            showTorrentDialog(*info);
    });
}

void AddController::onSnapshot(const session::SessionSnapshotPtr &snapshot)
{
    m_known.clear();
    for (const session::TorrentSnapshot &t : snapshot->torrents) {
        m_known.insert(t.infoHash);
        const auto it = m_magnets.constFind(t.infoHash);
        if (it == m_magnets.constEnd() || !*it)
            continue;
        AddTorrentDialog *dialog = *it;
        if (!t.hasMetadata) {
            dialog->setFetchStatus(t.peersConnected + t.seedsConnected, t.metadataPiecesReceived, t.metadataPieces);
        } else if (!dialog->hasMetadata() && t.detail && !t.detail->files.isEmpty()) {
            dialog->setMetadata(t.name, t.detail->files);
        }
    }
}

} // namespace swarmscope::ui
