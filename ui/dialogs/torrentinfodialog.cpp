#include "dialogs/torrentinfodialog.h"

#include "dialogs/filetreemodel.h"
#include "format/units.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <numeric>

namespace swarmscope::ui {

namespace {

// Everything shown comes from an untrusted file: always plain text, never rich text, so a
// name like "<img src=...>" is shown, not interpreted.
QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text.isEmpty() ? QStringLiteral("—") : text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

// A read-only line edit that looks like a label: selectable, scrolls instead of growing the
// dialog for long names and hashes.
QLineEdit *selectableLine(const QString &text, QWidget *parent)
{
    auto *line = new QLineEdit(text, parent);
    line->setReadOnly(true);
    line->setFrame(false);
    QPalette palette = line->palette();
    palette.setColor(QPalette::Base, Qt::transparent); // blends with any tab or dialog colour
    line->setPalette(palette);
    line->setCursorPosition(0);
    return line;
}

} // namespace

TorrentInfoDialog::TorrentInfoDialog(const metainfo::TorrentInfo &info, QWidget *parent)
    : QDialog(parent)
{
    m_details.hasMetadata = true;
    m_details.name = info.name;
    m_details.infoHash = info.infoHash;
    m_details.totalSize = info.totalSize;
    m_details.pieceCount = info.pieceCount();
    m_details.pieceLength = info.pieceLength;
    m_details.isPrivate = info.isPrivate;
    m_details.comment = info.comment;
    m_details.createdBy = info.createdBy;
    m_details.creationDate = info.creationDate;
    m_details.trackerTiers = info.trackerTiers;
    m_details.webSeeds = info.webSeeds;
    m_details.warnings = info.warnings;
    m_details.magnetUri = metainfo::magnetFor(info).toString();
    m_fileModel = new FileTreeModel(this);
    m_fileModel->setFiles(info.files);
    build();
}

TorrentInfoDialog::TorrentInfoDialog(const metainfo::MagnetLink &magnet, QWidget *parent)
    : QDialog(parent)
{
    m_details.name = magnet.displayName;
    m_details.infoHash = magnet.infoHash;
    m_details.totalSize = magnet.exactLength;
    if (!magnet.trackers.isEmpty())
        m_details.trackerTiers = {magnet.trackers}; // a magnet's tr list has no tiers: one tier
    m_details.webSeeds = magnet.webSeeds;
    m_details.magnetUri = magnet.toString();
    build();
}

TorrentInfoDialog::~TorrentInfoDialog() = default;

void TorrentInfoDialog::build()
{
    setObjectName(QStringLiteral("torrentInfoDialog"));
    setWindowTitle(tr("Torrent details"));

    const QString shownName = m_details.name.isEmpty() ? tr("(name not known yet)") : m_details.name;
    auto *nameLine = selectableLine(shownName, this);
    nameLine->setObjectName(QStringLiteral("nameField"));
    QFont bigger = nameLine->font();
    bigger.setBold(true);
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    nameLine->setFont(bigger);
    nameLine->setToolTip(shownName);
    nameLine->setAccessibleName(tr("Name"));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneralTab(), tr("General"));
    const int trackerCount = static_cast<int>(std::accumulate(
        m_details.trackerTiers.cbegin(), m_details.trackerTiers.cend(), qsizetype(0),
        [](qsizetype n, const QStringList &tier) { return n + tier.size(); }));
    m_tabs->addTab(buildTrackersTab(), tr("Trackers (%1)").arg(QLocale().toString(trackerCount)));
    m_tabs->addTab(buildFilesTab(),
                   m_fileModel ? tr("Files (%1)").arg(QLocale().toString(m_fileModel->fileCount()))
                               : tr("Files"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copyMagnet = buttons->addButton(tr("Copy &Magnet Link"), QDialogButtonBox::ActionRole);
    copyMagnet->setObjectName(QStringLiteral("copyMagnetButton"));
    copyMagnet->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    copyMagnet->setAutoDefault(false);
    connect(copyMagnet, &QPushButton::clicked, this,
            [this, copyMagnet] { copyToClipboard(m_details.magnetUri, copyMagnet); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(nameLine);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(QSize(680, 520).expandedTo(sizeHint()));
}

QWidget *TorrentInfoDialog::buildGeneralTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    const QLocale locale;

    if (!m_details.hasMetadata) {
        auto *notice = new QLabel(tr("Metadata not yet fetched: the file list, piece size and "
                                     "the rest arrive from peers once the torrent is started."),
                                  page);
        notice->setObjectName(QStringLiteral("metadataNotice"));
        notice->setWordWrap(true);
        QFont italic = notice->font();
        italic.setItalic(true);
        notice->setFont(italic);
        form->addRow(notice);
    }

    form->addRow(tr("Total size:"), valueLabel(m_details.totalSize
                                                   ? units::formatSizeWithBytes(*m_details.totalSize, locale)
                                                   : tr("Unknown"),
                                               page));
    if (m_details.hasMetadata) {
        form->addRow(tr("Pieces:"),
                     valueLabel(tr("%1 × %2", "piece count × piece length")
                                    .arg(locale.toString(m_details.pieceCount),
                                         units::formatSize(m_details.pieceLength, locale)),
                                page));
    }

    // The hash is what people paste into trackers and chats: monospace, selectable, one click.
    auto *hashRow = new QHBoxLayout;
    auto *hashLine = selectableLine(m_details.infoHash.toHex(), page);
    hashLine->setObjectName(QStringLiteral("infoHashField"));
    hashLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    hashLine->setFixedWidth(hashLine->fontMetrics().horizontalAdvance(hashLine->text())
                            + 2 * hashLine->fontMetrics().averageCharWidth());
    hashLine->setAccessibleName(tr("Info-hash"));
    auto *copyHash = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), page);
    copyHash->setObjectName(QStringLiteral("copyInfoHashButton"));
    copyHash->setToolTip(tr("Copy the info-hash to the clipboard"));
    connect(copyHash, &QPushButton::clicked, this,
            [this, copyHash] { copyToClipboard(m_details.infoHash.toHex(), copyHash); });
    copyHash->setAutoDefault(false); // Enter closes the dialog, it does not copy
    hashRow->addWidget(hashLine);
    hashRow->addWidget(copyHash);
    hashRow->addStretch(1);
    form->addRow(tr("Info-hash:"), hashRow);

    if (m_details.hasMetadata) {
        form->addRow(tr("Private:"),
                     valueLabel(m_details.isPrivate
                                    ? tr("Yes: peers only from its trackers (no DHT, PEX or LSD)")
                                    : tr("No"),
                                page));
        form->addRow(tr("Comment:"), valueLabel(m_details.comment, page));
        form->addRow(tr("Created by:"), valueLabel(m_details.createdBy, page));
        form->addRow(tr("Creation date:"),
                     valueLabel(m_details.creationDate
                                    ? locale.toString(m_details.creationDate->toLocalTime(), QLocale::LongFormat)
                                    : QString(),
                                page));
    }
    if (!m_details.warnings.isEmpty()) {
        auto *notes = valueLabel(m_details.warnings.join(QLatin1Char('\n')), page);
        notes->setObjectName(QStringLiteral("warningsLabel"));
        form->addRow(tr("Notes:"), notes);
    }
    return page;
}

QWidget *TorrentInfoDialog::buildTrackersTab()
{
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("trackerTree"));
    tree->setHeaderHidden(true);
    tree->setColumnCount(1);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    const QLocale locale;
    for (qsizetype t = 0; t < m_details.trackerTiers.size(); ++t) {
        auto *tier = new QTreeWidgetItem(tree, {tr("Tier %1").arg(locale.toString(t + 1))});
        tier->setFlags(Qt::ItemIsEnabled);
        for (const QString &url : m_details.trackerTiers[t])
            new QTreeWidgetItem(tier, {url});
    }
    if (!m_details.webSeeds.isEmpty()) {
        auto *seeds = new QTreeWidgetItem(tree, {tr("Web seeds")});
        seeds->setFlags(Qt::ItemIsEnabled);
        for (const QString &url : m_details.webSeeds)
            new QTreeWidgetItem(seeds, {url});
    }
    tree->expandAll();
    if (tree->topLevelItemCount() == 0) {
        auto *none = valueLabel(tr("No trackers and no web seeds: peers can only be found through "
                                   "DHT, peer exchange and local discovery."),
                                this);
        none->setAlignment(Qt::AlignCenter);
        delete tree;
        return none;
    }

    // Ctrl+C and the context menu copy the selected addresses.
    auto *copy = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, tree, [tree] {
        QStringList urls;
        for (const QTreeWidgetItem *item : tree->selectedItems())
            urls << item->text(0);
        if (!urls.isEmpty())
            QGuiApplication::clipboard()->setText(urls.join(QLatin1Char('\n')));
    });
    tree->addAction(copy);
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    return tree;
}

QWidget *TorrentInfoDialog::buildFilesTab()
{
    if (!m_fileModel) {
        auto *notice = valueLabel(tr("Metadata not yet fetched: the list of files is not known yet."), this);
        notice->setAlignment(Qt::AlignCenter);
        return notice;
    }
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    const QLocale locale;
    // "Files: 6, folders: 3" reads right in English without plural translations loaded.
    const QString summary = tr("Files: %1 · Folders: %2 · Size: %3")
                                .arg(locale.toString(m_fileModel->fileCount()),
                                     locale.toString(m_fileModel->folderCount()),
                                     units::formatSize(m_fileModel->totalSize(), locale));
    auto *summaryLabel = valueLabel(summary, page);
    summaryLabel->setObjectName(QStringLiteral("fileSummaryLabel"));

    auto *view = new QTreeView(page);
    view->setObjectName(QStringLiteral("fileTreeView"));
    view->setModel(m_fileModel);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideMiddle);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    view->header()->setSectionResizeMode(FileTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    view->setSortingEnabled(true);
    view->sortByColumn(FileTreeModel::NameColumn, Qt::AscendingOrder);
    // Open the top folder: for a multi-file torrent it is the torrent itself.
    if (m_fileModel->rowCount() == 1)
        view->expand(m_fileModel->index(0, 0));

    layout->addWidget(summaryLabel);
    layout->addWidget(view, 1);
    return page;
}

void TorrentInfoDialog::copyToClipboard(const QString &text, QPushButton *button)
{
    QGuiApplication::clipboard()->setText(text);
    // Brief feedback on the button itself: a status bar may be hidden or far away.
    if (!button->property("originalText").isValid())
        button->setProperty("originalText", button->text());
    button->setText(tr("Copied"));
    QTimer::singleShot(1500, button, [button] {
        button->setText(button->property("originalText").toString());
    });
}

} // namespace swarmscope::ui
