#include "mainwindow.h"

#include "app/addcontroller.h"
#include "app/ratelimitsdialog.h"
#include "app/statusbarpanel.h"
#include "app/torrentactions.h"
#include "details/detailspanel.h"
#include "details/generaltab.h"
#include "format/units.h"
#include "session/engine.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "torrentlist/progressdelegate.h"
#include "torrentlist/snapshotrows.h"
#include "torrentlist/statusfilterlist.h"
#include "torrentlist/torrentfilterproxy.h"
#include "torrentlist/torrentlistmodel.h"
#include "torrentlist/torrentlistview.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QDesktopServices>
#include <QUrl>

namespace swarmscope::ui {

namespace {

constexpr QSize kDefaultSize(1100, 640);

// A theme icon where the desktop provides one (Linux icon themes), the style's own otherwise.
QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    return QIcon::fromTheme(name, widget->style()->standardIcon(fallback, nullptr, widget));
}

bool isTorrentFileUrl(const QUrl &url)
{
    return url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".torrent"), Qt::CaseInsensitive);
}

// What a drop carries that we can open: local .torrent files and magnet links, in order.
QStringList openableItems(const QMimeData *mime)
{
    QStringList items;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            if (isTorrentFileUrl(url))
                items << url.toLocalFile();
            else if (url.scheme().compare(QLatin1String("magnet"), Qt::CaseInsensitive) == 0)
                items << url.toString(QUrl::FullyEncoded);
            else if (url.scheme() == u"http" || url.scheme() == u"https")
                items << url.toString(QUrl::FullyEncoded);
        }
    }
    if (items.isEmpty() && mime->hasText()) {
        // Browsers and editors drop magnet links as text, sometimes several, one per line.
        const QStringList lines = mime->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QString trimmed = line.trimmed();
            if (metainfo::isMagnetUri(trimmed))
                items << trimmed;
        }
    }
    return items;
}

} // namespace

MainWindow::MainWindow(session::Engine *engine, AppSettings *appSettings, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_settings(appSettings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Swarmscope"));
    setAcceptDrops(true);

    m_adder = new AddController(m_engine, this, this);
    m_adder->setDefaultSavePath(m_settings->lastSaveFolder());
    connect(m_adder, &AddController::failed, this, &MainWindow::showError);
    connect(m_adder, &AddController::watchedChanged, this, &MainWindow::updateWatched);
    connect(m_adder, &AddController::savePathChosen, this, [this](const QString &path) {
        m_settings->setLastSaveFolder(path);
    });
    m_actions = new TorrentActions(m_engine, this);

    createActions();
    createMenus();
    createToolBar();
    createCentralArea();

    m_statusPanel = new StatusBarPanel(this);
    const session::SessionSettings current = m_settings->sessionSettings();
    m_statusPanel->setLimits(current.maxDownloadRate, current.maxUploadRate);
    m_statusPanel->setSavePath(current.defaultSavePath);
    statusBar()->addPermanentWidget(m_statusPanel);
    connect(m_statusPanel, &StatusBarPanel::limitsRequested, this, &MainWindow::showLimitsDialog);

    connect(m_engine, &session::Engine::snapshotReady, this, &MainWindow::showSnapshot);
    connect(m_engine, &session::Engine::addFailed, this, [this](const QString &error) {
        showError(tr("the torrent"), error);
    });
    connect(m_engine, &session::Engine::torrentError, this,
            [this](const metainfo::InfoHash &, const QString &error) { statusBar()->showMessage(error, 10'000); });
    connect(m_engine, &session::Engine::torrentCompleted, this, [this](const metainfo::InfoHash &hash) {
        if (!m_snapshot)
            return;
        for (const session::TorrentSnapshot &t : m_snapshot->torrents)
            if (t.infoHash == hash)
                statusBar()->showMessage(tr("%1 is complete").arg(t.name), 10'000);
    });
    readSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(themeIcon(QStringLiteral("document-open"), QStyle::SP_DialogOpenButton, this),
                               tr("&Open Torrent…"), this);
    m_openAction->setObjectName(QStringLiteral("actionOpen"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setIconText(tr("Open")); // the toolbar has no room for "Torrent…"
    m_openAction->setToolTip(tr("Add a torrent from a .torrent file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseTorrentFiles);

    m_magnetAction = new QAction(themeIcon(QStringLiteral("insert-link"), QStyle::SP_DriveNetIcon, this),
                                 tr("Add &Magnet Link…"), this);
    m_magnetAction->setObjectName(QStringLiteral("actionAddMagnet"));
    m_magnetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_magnetAction->setIconText(tr("Add Magnet"));
    m_magnetAction->setToolTip(tr("Add a torrent from a magnet link"));
    connect(m_magnetAction, &QAction::triggered, this, &MainWindow::askForMagnetLink);

    m_pasteAction = new QAction(themeIcon(QStringLiteral("edit-paste"), QStyle::SP_DialogOpenButton, this),
                                tr("Add from &Clipboard"), this);
    m_pasteAction->setObjectName(QStringLiteral("actionPaste"));
    m_pasteAction->setShortcut(QKeySequence::Paste);
    m_pasteAction->setToolTip(tr("Add the magnet link, URL or .torrent path on the clipboard"));
    connect(m_pasteAction, &QAction::triggered, this, &MainWindow::pasteFromClipboard);

    m_settingsAction = new QAction(themeIcon(QStringLiteral("configure"), QStyle::SP_FileDialogDetailedView, this),
                                   tr("&Preferences…"), this);
    m_settingsAction->setObjectName(QStringLiteral("actionPreferences"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettingsDialog);

    m_quitAction = new QAction(themeIcon(QStringLiteral("application-exit"), QStyle::SP_DialogCloseButton, this),
                               tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    // QKeySequence::Quit is empty on some platforms (Windows); Ctrl+Q is what users expect.
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_statusBarAction = new QAction(tr("&Status Bar"), this);
    m_statusBarAction->setObjectName(QStringLiteral("actionShowStatusBar"));
    m_statusBarAction->setCheckable(true);
    m_statusBarAction->setChecked(true);
    connect(m_statusBarAction, &QAction::toggled, this, [this](bool on) { statusBar()->setVisible(on); });

    m_detailsAction = new QAction(tr("&Details Panel"), this);
    m_detailsAction->setObjectName(QStringLiteral("actionShowDetails"));
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);

    m_aboutAction = new QAction(tr("&About Swarmscope"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQtAction = new QAction(tr("About &Qt"), this);
    m_aboutQtAction->setObjectName(QStringLiteral("actionAboutQt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_magnetAction);
    file->addAction(m_pasteAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_settingsAction);

    QMenu *torrent = menuBar()->addMenu(tr("&Torrent"));
    m_actions->fillMenu(torrent);
    torrent->addSeparator();
    torrent->addAction(m_actions->pauseAll());
    torrent->addAction(m_actions->resumeAll());

    // The toolbar's toggle is added in createToolBar, once the toolbar exists.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_statusBarAction);
    view->addAction(m_detailsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar")); // saveState() needs the name
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_magnetAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->resume());
    m_toolBar->addAction(m_actions->pause());
    m_toolBar->addAction(m_actions->remove());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->moveUp());
    m_toolBar->addAction(m_actions->moveDown());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_settingsAction);
    // Text only where it helps; the queue arrows and the rest speak through icons and tooltips.
    for (QAction *a : {m_actions->moveUp(), m_actions->moveDown(), m_settingsAction, m_actions->remove()})
        a->setIconText(a->text().remove(u'&').remove(QStringLiteral("…")));

    QAction *toggle = m_toolBar->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionShowToolBar"));
    toggle->setText(tr("&Toolbar"));
    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    view->insertAction(m_statusBarAction, toggle);
}

void MainWindow::createCentralArea()
{
    m_model = new TorrentListModel(this);
    m_proxy = new TorrentFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    m_filters = new StatusFilterList(this);
    m_filters->setSourceModel(m_model);
    connect(m_filters, &StatusFilterList::filterChanged, m_proxy, &TorrentFilterProxy::setStatusFilter);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search torrents by name"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &TorrentFilterProxy::setSearchText);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] { m_search->setFocus(Qt::ShortcutFocusReason); });
    addAction(find);

    m_view = new TorrentListView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(TorrentListModel::ProgressColumn,
                                     new ProgressDelegate(TorrentListModel::SortRole, m_view));
    m_view->setPlaceholderText(tr("Drop .torrent files or magnet links here, or use File ▸ Open"));
    m_view->sortByColumn(TorrentListModel::AddedColumn, Qt::DescendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::selectionChanged);
    setDefaultColumnWidths();

    auto *listArea = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_view);

    m_details = new DetailsPanel(this);
    connect(m_details, &DetailsPanel::filePrioritiesChanged, m_engine, &session::Engine::setFilePriorities);
    connect(m_details, &DetailsPanel::trackerAddRequested, m_engine, &session::Engine::addTracker);
    connect(m_details, &DetailsPanel::trackerRemoveRequested, m_engine, &session::Engine::removeTracker);
    connect(m_details, &DetailsPanel::openFileRequested, this,
            [](const QString &path) { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(m_detailsAction, &QAction::toggled, m_details, &QWidget::setVisible);

    m_listSplitter = new QSplitter(Qt::Vertical, this);
    m_listSplitter->setObjectName(QStringLiteral("listSplitter"));
    m_listSplitter->addWidget(listArea);
    m_listSplitter->addWidget(m_details);
    m_listSplitter->setStretchFactor(0, 1);
    m_listSplitter->setStretchFactor(1, 1);
    m_listSplitter->setCollapsible(0, false);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_filters);
    m_splitter->addWidget(m_listSplitter);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({m_filters->sizeHint().width(), 1000});
    setCentralWidget(m_splitter);
}

void MainWindow::setDefaultColumnWidths()
{
    // Each column fits a wide but typical value in the user's locale; the Name column gets
    // what is left of a window of the default size. The user's own widths come from the settings.
    const QLocale locale;
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = 2 * metrics.averageCharWidth();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        const int width = std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title));
        m_view->header()->resizeSection(column, width + padding);
    };
    fit(TorrentListModel::SizeColumn, units::formatSize(999LL * 1024 * 1024 * 1024 / 10, locale));
    fit(TorrentListModel::ProgressColumn, units::formatPercent(0.999, locale) + QStringLiteral("MM"));
    QString widestState; // in English "Storage unavailable"; whichever it is in this language
    for (int state = 0; state < kTorrentStateCount; ++state) {
        const QString text = TorrentListModel::stateText(static_cast<TorrentState>(state));
        if (metrics.horizontalAdvance(text) > metrics.horizontalAdvance(widestState))
            widestState = text;
    }
    fit(TorrentListModel::StateColumn, widestState);
    fit(TorrentListModel::DownColumn, units::formatRate(999 * 1024 * 1024 / 10, locale));
    fit(TorrentListModel::UpColumn, units::formatRate(999 * 1024 * 1024 / 10, locale));
    fit(TorrentListModel::SeedsColumn, QStringLiteral("99 (999)"));
    fit(TorrentListModel::PeersColumn, QStringLiteral("99 (999)"));
    fit(TorrentListModel::EtaColumn, units::formatDuration(23 * 3600 + 59 * 60, locale));
    fit(TorrentListModel::RatioColumn, units::formatRatio(99.99, locale));
    fit(TorrentListModel::AddedColumn,
        locale.toString(QDateTime(QDate(2000, 12, 28), QTime(23, 59)), QLocale::ShortFormat));
    fit(TorrentListModel::QueueColumn, locale.toString(999));
    // The queue's order first, as in qBittorrent.
    m_view->header()->moveSection(m_view->header()->visualIndex(TorrentListModel::QueueColumn), 0);
    int used = 0;
    for (int column = TorrentListModel::SizeColumn; column < TorrentListModel::AddedColumn; ++column)
        used += m_view->header()->sectionSize(column);
    used += m_view->header()->sectionSize(TorrentListModel::QueueColumn);
    const int available = kDefaultSize.width() - m_filters->sizeHint().width() - 2 * padding;
    m_view->header()->resizeSection(TorrentListModel::NameColumn, std::max(available - used, 12 * padding));
    // When it was added matters less day to day; the header's context menu brings it back.
    m_view->header()->setSectionHidden(TorrentListModel::AddedColumn, true);
}

std::optional<metainfo::InfoHash> MainWindow::currentTorrent() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isSelected(current))
        return std::nullopt;
    return metainfo::InfoHash::fromHex(current.data(TorrentListModel::InfoHashRole).toString());
}

void MainWindow::selectionChanged()
{
    QList<metainfo::InfoHash> selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        if (auto hash = metainfo::InfoHash::fromHex(index.data(TorrentListModel::InfoHashRole).toString()))
            selected << *hash;
    m_actions->setSelection(selected);
    updateWatched();
    if (m_snapshot)
        m_details->showSnapshot(m_snapshot, currentTorrent());
}

void MainWindow::updateWatched()
{
    // The engine sends peers, pieces and files only for these: the details panel's torrent and
    // the magnets whose add dialogs wait for their file lists.
    QList<metainfo::InfoHash> watched = m_adder->watched();
    if (const auto current = currentTorrent())
        watched << *current;
    if (watched == m_watched)
        return;
    m_watched = watched;
    m_engine->setWatched(watched);
}

void MainWindow::showSnapshot(const session::SessionSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    m_snapshot = snapshot;
    m_model->setRows(rowsFromSnapshot(*snapshot));
    // Something to look at from the start: the first torrent, until the user picks one.
    if (!m_view->selectionModel()->hasSelection() && !m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    m_actions->setSnapshot(snapshot);
    m_adder->onSnapshot(snapshot);
    m_statusPanel->setSnapshot(*snapshot);
    m_details->showSnapshot(snapshot, currentTorrent());
}

void MainWindow::readSettings()
{
    QSettings &s = m_settings->store();
    s.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray()))
        resize(kDefaultSize);
    restoreState(s.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("splitter")).toByteArray());
    m_listSplitter->restoreState(s.value(QStringLiteral("listSplitter")).toByteArray());
    m_statusBarAction->setChecked(s.value(QStringLiteral("statusBarVisible"), true).toBool());
    m_detailsAction->setChecked(s.value(QStringLiteral("detailsVisible"), true).toBool());
    m_details->setCurrentIndex(s.value(QStringLiteral("detailsTab"), 0).toInt());
    m_lastFolder = s.value(QStringLiteral("lastFolder"),
                           QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).toString();
    s.endGroup();

    s.beginGroup(QStringLiteral("TorrentList"));
    m_view->header()->restoreState(s.value(QStringLiteral("header")).toByteArray());
    const int filter = s.value(QStringLiteral("statusFilter"), 0).toInt();
    if (filter >= 0 && filter < kStatusFilterCount)
        m_filters->setCurrentFilter(static_cast<StatusFilter>(filter));
    s.endGroup();
}

void MainWindow::writeSettings() const
{
    QSettings &s = m_settings->store();
    s.beginGroup(QStringLiteral("MainWindow"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("state"), saveState());
    s.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("listSplitter"), m_listSplitter->saveState());
    s.setValue(QStringLiteral("statusBarVisible"), m_statusBarAction->isChecked());
    s.setValue(QStringLiteral("detailsVisible"), m_detailsAction->isChecked());
    s.setValue(QStringLiteral("detailsTab"), m_details->currentIndex());
    s.setValue(QStringLiteral("lastFolder"), m_lastFolder);
    s.endGroup();
    s.beginGroup(QStringLiteral("TorrentList"));
    s.setValue(QStringLiteral("header"), m_view->header()->saveState());
    s.setValue(QStringLiteral("statusFilter"), static_cast<int>(m_filters->currentFilter()));
    s.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!openableItems(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList items = openableItems(event->mimeData());
    if (items.isEmpty())
        return;
    event->acceptProposedAction();
    openArguments(items);
}

void MainWindow::setFolderCheck(const std::function<QString(const QString &)> &check)
{
    m_adder->setFolderCheck(check);
}

void MainWindow::setStorageCheck(const std::function<QString(const metainfo::InfoHash &)> &check)
{
    m_actions->setStorageCheck(check);
    m_details->generalTab()->setStorageCheck(check);
}

int MainWindow::openArguments(const QStringList &arguments)
{
    return m_adder->openItems(arguments);
}

void MainWindow::pasteFromClipboard()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QStringList items = mime ? openableItems(mime) : QStringList();
    if (items.isEmpty() && mime && mime->hasText()) {
        // A plain URL or path, one per line.
        for (const QString &line : mime->text().split(u'\n', Qt::SkipEmptyParts))
            items << line.trimmed();
    }
    if (items.isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no magnet link, URL or .torrent file"), 5000);
        return;
    }
    openArguments(items);
}

void MainWindow::chooseTorrentFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Torrent"), m_lastFolder, tr("Torrent files (*.torrent);;All files (*)"));
    if (!paths.isEmpty())
        m_lastFolder = QFileInfo(paths.first()).absolutePath();
    for (const QString &path : paths)
        m_adder->openTorrentFile(path);
}

void MainWindow::askForMagnetLink()
{
    // Most people copy the link first: offer it so pressing Enter is all that is left.
    const QString clipboard = QGuiApplication::clipboard()->text().trimmed();
    bool ok = false;
    const QString uri = QInputDialog::getText(this, tr("Add Magnet Link"), tr("Magnet link:"),
                                              QLineEdit::Normal,
                                              metainfo::isMagnetUri(clipboard) ? clipboard : QString(), &ok);
    if (ok && !uri.trimmed().isEmpty())
        m_adder->openMagnetLink(uri);
}

void MainWindow::showSettingsDialog()
{
    SettingsDialog dialog(m_settings->sessionSettings(), this);
    dialog.setInterface(m_settings->language(), m_settings->closeToTray());
    dialog.setPower(m_settings->inhibitSleep(), m_settings->pauseOnBattery());
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.language() != m_settings->language()) {
        m_settings->setLanguage(dialog.language());
        statusBar()->showMessage(tr("The new language takes effect when Swarmscope starts again."), 10'000);
    }
    m_settings->setCloseToTray(dialog.closeToTray());
    m_settings->setInhibitSleep(dialog.inhibitSleep());
    m_settings->setPauseOnBattery(dialog.pauseOnBattery());
    const session::SessionSettings chosen = dialog.settings(); // the embedded tracker included
    m_settings->setSessionSettings(chosen);
    m_settings->sync();
    m_engine->applySettings(m_runOverrides ? m_runOverrides(chosen) : chosen);
    m_statusPanel->setLimits(chosen.maxDownloadRate, chosen.maxUploadRate);
    m_statusPanel->setSavePath(chosen.defaultSavePath);
}

void MainWindow::showLimitsDialog()
{
    session::SessionSettings current = m_settings->sessionSettings();
    RateLimitsDialog dialog(current.maxDownloadRate, current.maxUploadRate, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    current.maxDownloadRate = dialog.downloadLimit();
    current.maxUploadRate = dialog.uploadLimit();
    m_settings->setSessionSettings(current);
    m_settings->sync();
    m_engine->setRateLimits(current.maxDownloadRate, current.maxUploadRate);
    m_statusPanel->setLimits(current.maxDownloadRate, current.maxUploadRate);
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    m_actions->fillMenu(&menu);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void MainWindow::showError(const QString &what, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Add Torrent"), QString(),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("openErrorBox"));
    box->setTextFormat(Qt::PlainText); // names and messages can carry markup from the file
    box->setText(tr("Could not add %1.").arg(what));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit openFailed(what, message);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Swarmscope"),
                       tr("<h3>Swarmscope %1</h3>"
                          "<p>A BitTorrent client that shows the swarm at work.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(versionString().toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

} // namespace swarmscope::ui
