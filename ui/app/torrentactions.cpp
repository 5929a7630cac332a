#include "app/torrentactions.h"

#include "metainfo/magnetlink.h"
#include "session/engine.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QWidget>

namespace swarmscope::ui {

using state::TorrentState;

TorrentActions::TorrentActions(session::Engine *engine, QWidget *parentWidget)
    : QObject(parentWidget), m_engine(engine), m_parentWidget(parentWidget)
{
    m_resume = make(QStringLiteral("actionResume"), tr("&Resume"), QStringLiteral("media-playback-start"),
                    QStyle::SP_MediaPlay);
    m_pause = make(QStringLiteral("actionPause"), tr("&Pause"), QStringLiteral("media-playback-pause"),
                   QStyle::SP_MediaPause);
    m_remove = make(QStringLiteral("actionRemove"), tr("Re&move…"), QStringLiteral("list-remove"),
                    QStyle::SP_TrashIcon);
    m_remove->setShortcut(QKeySequence::Delete);
    m_recheck = make(QStringLiteral("actionRecheck"), tr("Force Re&check"), QStringLiteral("view-refresh"),
                     QStyle::SP_BrowserReload);
    m_openFolder = make(QStringLiteral("actionOpenFolder"), tr("Open Containing &Folder"),
                        QStringLiteral("folder-open"), QStyle::SP_DirOpenIcon);
    m_openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_copyMagnet = make(QStringLiteral("actionCopyMagnet"), tr("Copy Ma&gnet Link"), QStringLiteral("edit-copy"),
                        QStyle::SP_FileLinkIcon);
    m_copyMagnet->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_moveUp = make(QStringLiteral("actionMoveUp"), tr("Move &Up in Queue"), QStringLiteral("go-up"),
                    QStyle::SP_ArrowUp);
    m_moveUp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveDown = make(QStringLiteral("actionMoveDown"), tr("Move &Down in Queue"), QStringLiteral("go-down"),
                      QStyle::SP_ArrowDown);
    m_moveDown->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_pauseAll = make(QStringLiteral("actionPauseAll"), tr("Pause &All"), QStringLiteral("media-playback-pause"),
                      QStyle::SP_MediaPause);
    m_resumeAll = make(QStringLiteral("actionResumeAll"), tr("Resume A&ll"), QStringLiteral("media-playback-start"),
                       QStyle::SP_MediaPlay);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    connect(m_pause, &QAction::triggered, this, [this] {
        for (const auto &h : std::as_const(m_selection))
            m_engine->pauseTorrent(h);
    });
    connect(m_resume, &QAction::triggered, this, [this] { resumeChecked(m_selection); });
    connect(m_recheck, &QAction::triggered, this, [this] {
        for (const auto &h : std::as_const(m_selection))
            m_engine->recheckTorrent(h);
    });
    connect(m_moveUp, &QAction::triggered, this, [this] {
        for (const auto &h : std::as_const(m_selection))
            m_engine->moveInQueue(h, -1);
    });
    connect(m_moveDown, &QAction::triggered, this, [this] {
        // Bottom first, so a block of selected torrents moves together.
        for (auto it = m_selection.crbegin(); it != m_selection.crend(); ++it)
            m_engine->moveInQueue(*it, 1);
    });
    connect(m_pauseAll, &QAction::triggered, this, [this] {
        if (m_snapshot)
            for (const auto &t : m_snapshot->torrents)
                m_engine->pauseTorrent(t.infoHash);
    });
    connect(m_resumeAll, &QAction::triggered, this, [this] {
        if (!m_snapshot)
            return;
        QList<metainfo::InfoHash> all;
        all.reserve(m_snapshot->torrents.size());
        for (const auto &t : m_snapshot->torrents)
            all << t.infoHash;
        resumeChecked(all);
    });
    connect(m_remove, &QAction::triggered, this, &TorrentActions::removeSelected);
    connect(m_openFolder, &QAction::triggered, this, &TorrentActions::openFolderOfSelected);
    connect(m_copyMagnet, &QAction::triggered, this, &TorrentActions::copyMagnetOfSelected);
    updateEnabled();
}

QAction *TorrentActions::make(const QString &objectName, const QString &text, const QString &icon, int fallback)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    const QWidget *w = m_parentWidget;
    action->setIcon(QIcon::fromTheme(icon, w->style()->standardIcon(static_cast<QStyle::StandardPixmap>(fallback),
                                                                     nullptr, w)));
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

void TorrentActions::setSelection(const QList<metainfo::InfoHash> &selection)
{
    m_selection = selection;
    updateEnabled();
}

void TorrentActions::setSnapshot(const session::SessionSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    updateEnabled();
}

const session::TorrentSnapshot *TorrentActions::find(const metainfo::InfoHash &hash) const
{
    if (!m_snapshot)
        return nullptr;
    for (const session::TorrentSnapshot &t : m_snapshot->torrents)
        if (t.infoHash == hash)
            return &t;
    return nullptr;
}

void TorrentActions::updateEnabled()
{
    bool anyPaused = false;
    bool anyRunning = false;
    bool anyWithMetadata = false;
    for (const auto &h : std::as_const(m_selection)) {
        const session::TorrentSnapshot *t = find(h);
        if (!t)
            continue;
        const bool paused = t->state == TorrentState::Paused || t->state == TorrentState::Error
                            || t->state == TorrentState::StorageUnavailable;
        anyPaused |= paused;
        anyRunning |= !paused;
        anyWithMetadata |= t->hasMetadata;
    }
    const bool some = !m_selection.isEmpty();
    m_pause->setEnabled(anyRunning);
    m_resume->setEnabled(anyPaused);
    m_remove->setEnabled(some);
    m_recheck->setEnabled(anyWithMetadata);
    m_openFolder->setEnabled(some);
    m_copyMagnet->setEnabled(some);
    m_moveUp->setEnabled(some);
    m_moveDown->setEnabled(some);
    const bool anyTorrent = m_snapshot && !m_snapshot->torrents.isEmpty();
    m_pauseAll->setEnabled(anyTorrent);
    m_resumeAll->setEnabled(anyTorrent);
}

void TorrentActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_resume);
    menu->addAction(m_pause);
    menu->addSeparator();
    menu->addAction(m_remove);
    menu->addAction(m_recheck);
    menu->addSeparator();
    menu->addAction(m_moveUp);
    menu->addAction(m_moveDown);
    menu->addSeparator();
    menu->addAction(m_openFolder);
    menu->addAction(m_copyMagnet);
}

QString TorrentActions::magnetLink(const metainfo::InfoHash &hash) const
{
    const session::TorrentSnapshot *t = find(hash);
    metainfo::MagnetLink link;
    link.infoHash = hash;
    if (t) {
        link.displayName = t->name;
        if (t->hasMetadata && t->totalSize > 0)
            link.exactLength = t->totalSize;
        if (t->detail)
            for (const session::TrackerSnapshot &tracker : t->detail->trackers)
                if (!link.trackers.contains(tracker.url))
                    link.trackers << tracker.url;
    }
    return link.toString();
}

void TorrentActions::copyMagnetOfSelected()
{
    QStringList links;
    for (const auto &h : std::as_const(m_selection))
        links << magnetLink(h);
    QGuiApplication::clipboard()->setText(links.join(u'\n'));
}

void TorrentActions::openFolderOfSelected()
{
    for (const auto &h : std::as_const(m_selection)) {
        const session::TorrentSnapshot *t = find(h);
        if (!t || t->savePath.isEmpty())
            continue;
        // A multi-file torrent's own folder when it exists, else the folder it is saved in.
        const QDir own(QDir(t->savePath).filePath(t->name));
        QDesktopServices::openUrl(QUrl::fromLocalFile(own.exists() ? own.path() : t->savePath));
    }
}

QString TorrentActions::nameOf(const metainfo::InfoHash &hash) const
{
    const session::TorrentSnapshot *t = find(hash);
    return t && !t->name.isEmpty() ? t->name : hash.toHex();
}

void TorrentActions::resumeChecked(const QList<metainfo::InfoHash> &hashes)
{
    QStringList names;
    QStringList reasons;
    for (const auto &h : hashes) {
        const QString missing = m_storageCheck ? m_storageCheck(h) : QString();
        if (missing.isEmpty()) {
            m_engine->resumeTorrent(h);
            continue;
        }
        // Started, it would only stop again (or write into an empty mount point): ask for the volume.
        names << nameOf(h);
        reasons << missing;
    }
    if (!names.isEmpty())
        tellNotResumed(names, reasons);
}

void TorrentActions::tellNotResumed(const QStringList &names, const QStringList &reasons)
{
    const QString title = tr("Storage Unavailable");
    QString text;
    QString informative;
    QString detailed;
    if (names.size() == 1) {
        text = tr("“%1” was not resumed.").arg(names.constFirst());
        informative = reasons.constFirst() + u'\n' + tr("Mount the volume, then resume it again.");
    } else {
        text = tr("%n torrents were not resumed: their storage is missing.", nullptr, int(names.size()));
        // The names in the box (a few), every name with its reason in the details.
        constexpr qsizetype kShown = 8;
        QStringList shown = names.mid(0, kShown);
        if (names.size() > kShown)
            shown << tr("and %n more", nullptr, int(names.size() - kShown));
        informative = shown.join(u'\n');
        QStringList lines;
        for (qsizetype i = 0; i < names.size(); ++i)
            lines << tr("%1: %2", "torrent name: why it was not resumed").arg(names.at(i), reasons.at(i));
        detailed = lines.join(u'\n');
    }
    if (m_testNotices) {
        m_testNotices(title, QStringList{text, informative, detailed}.join(u'\n').trimmed());
        return;
    }
    // Window-modal but not blocking: snapshots keep coming while it is open.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_parentWidget);
    box->setObjectName(QStringLiteral("storageUnavailableBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(informative);
    if (!detailed.isEmpty())
        box->setDetailedText(detailed);
    box->open();
}

void TorrentActions::removeSelected()
{
    if (m_selection.isEmpty())
        return;
    RemoveAnswer answer = RemoveAnswer::Cancel;
    if (m_testAnswer) {
        answer = *m_testAnswer;
    } else {
        QMessageBox box(QMessageBox::Question, tr("Remove Torrents"),
                        m_selection.size() == 1 ? tr("Remove the selected torrent from the list?")
                                                : tr("Remove the %n selected torrents from the list?", nullptr,
                                                     int(m_selection.size())),
                        QMessageBox::Cancel, m_parentWidget);
        QPushButton *removeButton = box.addButton(tr("Remove"), QMessageBox::AcceptRole);
        auto *deleteData = new QCheckBox(tr("Also delete the downloaded files"), &box);
        box.setCheckBox(deleteData);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == removeButton)
            answer = deleteData->isChecked() ? RemoveAnswer::DeleteData : RemoveAnswer::KeepData;
    }
    if (answer == RemoveAnswer::Cancel)
        return;
    for (const auto &h : std::as_const(m_selection))
        m_engine->removeTorrent(h, answer == RemoveAnswer::DeleteData);
}

} // namespace swarmscope::ui
