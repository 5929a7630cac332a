#include "mainwindow.h"

#include "dialogs/torrentinfodialog.h"
#include "format/units.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"
#include "torrentlist/progressdelegate.h"
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
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUrl>

namespace swarmscope::ui {

namespace {

constexpr QSize kDefaultSize(1100, 640);

QSettings settings()
{
    return QSettings(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope"));
}

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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Swarmscope"));
    setAcceptDrops(true);

    createActions();
    createMenus();
    createToolBar();
    createCentralArea();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    connect(m_model, &TorrentListModel::summaryChanged, this, &MainWindow::updateStatusBar);
    updateStatusBar();

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
    m_openAction->setToolTip(tr("Open a .torrent file and show its details"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseTorrentFiles);

    m_magnetAction = new QAction(themeIcon(QStringLiteral("insert-link"), QStyle::SP_DriveNetIcon, this),
                                 tr("Add &Magnet Link…"), this);
    m_magnetAction->setObjectName(QStringLiteral("actionAddMagnet"));
    m_magnetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_magnetAction->setIconText(tr("Add Magnet"));
    m_magnetAction->setToolTip(tr("Paste a magnet link and show what it says"));
    connect(m_magnetAction, &QAction::triggered, this, &MainWindow::askForMagnetLink);

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
    file->addSeparator();
    file->addAction(m_quitAction);

    // The toolbar's toggle is added in createToolBar, once the toolbar exists.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_statusBarAction);

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

    m_view = new TorrentListView(this);
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(TorrentListModel::ProgressColumn,
                                     new ProgressDelegate(TorrentListModel::SortRole, m_view));
    m_view->setPlaceholderText(tr("Drop .torrent files or magnet links here, or use File ▸ Open"));
    m_view->sortByColumn(TorrentListModel::AddedColumn, Qt::DescendingOrder);
    setDefaultColumnWidths();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_filters);
    m_splitter->addWidget(m_view);
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
    fit(TorrentListModel::StateColumn, TorrentListModel::stateText(TorrentState::Downloading));
    fit(TorrentListModel::DownColumn, units::formatRate(999 * 1024 * 1024 / 10, locale));
    fit(TorrentListModel::UpColumn, units::formatRate(999 * 1024 * 1024 / 10, locale));
    fit(TorrentListModel::SeedsColumn, QStringLiteral("99 (999)"));
    fit(TorrentListModel::PeersColumn, QStringLiteral("99 (999)"));
    fit(TorrentListModel::EtaColumn, units::formatDuration(23 * 3600 + 59 * 60, locale));
    fit(TorrentListModel::RatioColumn, units::formatRatio(99.99, locale));
    fit(TorrentListModel::AddedColumn,
        locale.toString(QDateTime(QDate(2000, 12, 28), QTime(23, 59)), QLocale::ShortFormat));
    int used = 0;
    for (int column = TorrentListModel::SizeColumn; column < TorrentListModel::AddedColumn; ++column)
        used += m_view->header()->sectionSize(column);
    const int available = kDefaultSize.width() - m_filters->sizeHint().width() - 2 * padding;
    m_view->header()->resizeSection(TorrentListModel::NameColumn, std::max(available - used, 12 * padding));
    // When it was added matters less day to day; the header's context menu brings it back.
    m_view->header()->setSectionHidden(TorrentListModel::AddedColumn, true);
}

void MainWindow::updateStatusBar()
{
    const int count = m_model->rowCount();
    if (count == 0) {
        m_statusLabel->setText(tr("No torrents"));
        return;
    }
    const QLocale locale;
    m_statusLabel->setText(tr("Torrents: %1 — ↓ %2 — ↑ %3")
                               .arg(locale.toString(count), units::formatRate(m_model->totalDownloadRate(), locale),
                                    units::formatRate(m_model->totalUploadRate(), locale)));
}

void MainWindow::readSettings()
{
    QSettings s = settings();
    s.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray()))
        resize(kDefaultSize);
    restoreState(s.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("splitter")).toByteArray());
    m_statusBarAction->setChecked(s.value(QStringLiteral("statusBarVisible"), true).toBool());
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
    QSettings s = settings();
    s.beginGroup(QStringLiteral("MainWindow"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("state"), saveState());
    s.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("statusBarVisible"), m_statusBarAction->isChecked());
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

int MainWindow::openArguments(const QStringList &arguments)
{
    int opened = 0;
    for (const QString &argument : arguments) {
        if (metainfo::isMagnetUri(argument)) {
            opened += openMagnetLink(argument) ? 1 : 0;
            continue;
        }
        const QUrl url(argument);
        const QString path = url.isLocalFile() ? url.toLocalFile() : argument;
        opened += openTorrentFile(QFileInfo(path).absoluteFilePath()) ? 1 : 0;
    }
    return opened;
}

bool MainWindow::openTorrentFile(const QString &path)
{
    metainfo::ParseError error;
    const std::optional<metainfo::TorrentInfo> info = metainfo::loadTorrentFile(path, &error);
    if (!info) {
        showError(QFileInfo(path).fileName(), error.toString());
        return false;
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    showDetails(new TorrentInfoDialog(*info, this));
    return true;
}

bool MainWindow::openMagnetLink(const QString &uri)
{
    QString error;
    const std::optional<metainfo::MagnetLink> magnet = metainfo::parseMagnet(uri.trimmed(), &error);
    if (!magnet) {
        showError(tr("the magnet link"), error);
        return false;
    }
    showDetails(new TorrentInfoDialog(*magnet, this));
    return true;
}

void MainWindow::chooseTorrentFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Torrent"), m_lastFolder, tr("Torrent files (*.torrent);;All files (*)"));
    for (const QString &path : paths)
        openTorrentFile(path);
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
        openMagnetLink(uri);
}

void MainWindow::showDetails(TorrentInfoDialog *dialog)
{
    // Non-modal so several torrents can be compared side by side, and nothing blocks.
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit detailsShown(dialog);
}

void MainWindow::showError(const QString &what, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Torrent"), QString(),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("openErrorBox"));
    box->setTextFormat(Qt::PlainText); // names and messages can carry markup from the file
    box->setText(tr("Could not open %1.").arg(what));
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
