#include "dialogs/adddialog.h"

#include "dialogs/filetreemodel.h"
#include "format/units.h"
#include "metainfo/magnetlink.h"
#include "metainfo/torrentinfo.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStorageInfo>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace swarmscope::ui {

namespace {

// Trees this small are shown fully expanded; larger ones show their first level only.
constexpr int kExpandAllBelowFiles = 200;

// Names and comments come from untrusted files: plain text only, never rich text.
QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// The free space where `path` will be created: the nearest folder on the way that exists.
std::optional<qint64> freeSpaceAt(const QString &path)
{
    QFileInfo info(path);
    QString existing = info.absoluteFilePath();
    for (int guard = 0; guard < 256 && !QFileInfo::exists(existing); ++guard) {
        const QString up = QFileInfo(existing).absolutePath();
        if (up == existing)
            break;
        existing = up;
    }
    const QStorageInfo storage(existing);
    if (!storage.isValid() || !storage.isReady())
        return std::nullopt;
    return storage.bytesAvailable();
}

} // namespace

AddTorrentDialog::AddTorrentDialog(const metainfo::TorrentInfo &info, const QString &defaultSavePath,
                                   QWidget *parent)
    : QDialog(parent)
    , m_infoHash(info.infoHash)
    , m_name(info.name)
    , m_hasMetadata(true)
{
    setWindowTitle(tr("Add Torrent"));
    m_fileModel = new FileTreeModel(this);
    m_fileModel->setCheckable(true);
    m_fileModel->setFiles(info.files);
    build(defaultSavePath, info.comment);
}

AddTorrentDialog::AddTorrentDialog(const metainfo::MagnetLink &magnet, const QString &defaultSavePath,
                                   QWidget *parent)
    : QDialog(parent)
    , m_infoHash(magnet.infoHash)
    , m_name(magnet.displayName)
    , m_isMagnet(true)
    , m_magnetLength(magnet.exactLength)
{
    setWindowTitle(tr("Add Magnet Link"));
    m_fileModel = new FileTreeModel(this);
    m_fileModel->setCheckable(true);
    build(defaultSavePath, {});
}

AddTorrentDialog::~AddTorrentDialog() = default;

void AddTorrentDialog::build(const QString &defaultSavePath, const QString &comment)
{
    m_savePath = new QLineEdit(QDir::toNativeSeparators(defaultSavePath), this);
    m_savePath->setObjectName(QStringLiteral("savePath"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browse"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(new QLabel(tr("Save in:"), this));
    saveRow->addWidget(m_savePath, 1);
    saveRow->addWidget(browse);

    m_paused = new QCheckBox(tr("Start paused"), this);
    m_paused->setObjectName(QStringLiteral("startPaused"));
    m_sequential = new QCheckBox(tr("Download in sequential order"), this);
    m_sequential->setObjectName(QStringLiteral("sequential"));
    m_sequential->setToolTip(tr("Pieces in file order instead of rarest first: lets you play a video "
                                "while it downloads, but shares less with the swarm."));
    auto *options = new QHBoxLayout;
    options->addWidget(m_paused);
    options->addWidget(m_sequential);
    options->addStretch(1);

    m_spaceLabel = new QLabel(this);
    m_spaceLabel->setObjectName(QStringLiteral("space"));
    m_spaceLabel->setWordWrap(true);
    m_spaceWarning = new QWidget(this);
    m_spaceWarning->setObjectName(QStringLiteral("spaceWarning"));
    auto *warningIcon = new QLabel(m_spaceWarning);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_spaceWarningText = new QLabel(m_spaceWarning);
    m_spaceWarningText->setWordWrap(true);
    QFont bold = m_spaceWarningText->font();
    bold.setBold(true);
    m_spaceWarningText->setFont(bold);
    auto *warningRow = new QHBoxLayout(m_spaceWarning);
    warningRow->setContentsMargins(0, 0, 0, 0);
    warningRow->addWidget(warningIcon);
    warningRow->addWidget(m_spaceWarningText, 1);

    m_blockedReason = new QLabel(this);
    m_blockedReason->setObjectName(QStringLiteral("blockedReason"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_blockedReason, 1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader(comment));
    layout->addLayout(saveRow);
    layout->addWidget(buildFiles(), 1);
    layout->addLayout(options);
    layout->addWidget(m_spaceLabel);
    layout->addWidget(m_spaceWarning);
    layout->addLayout(bottom);

    connect(browse, &QPushButton::clicked, this, &AddTorrentDialog::browseForFolder);
    connect(m_savePath, &QLineEdit::textChanged, this, [this] {
        updateSpace();
        updateAcceptable();
    });
    connect(m_fileModel, &FileTreeModel::checkedChanged, this, [this] {
        updateSpace();
        updateAcceptable();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateSpace();
    updateAcceptable();
    resize(sizeHint().expandedTo(QSize(640, 560)));
}

QWidget *AddTorrentDialog::buildHeader(const QString &comment)
{
    auto *header = new QWidget(this);
    auto *form = new QFormLayout(header);
    form->setContentsMargins(0, 0, 0, 0);
    m_nameLabel = plainLabel(m_name.isEmpty() ? tr("(name not known yet)") : m_name, header);
    m_nameLabel->setObjectName(QStringLiteral("name"));
    QFont bold = m_nameLabel->font();
    bold.setBold(true);
    m_nameLabel->setFont(bold);
    form->addRow(tr("Name:"), m_nameLabel);

    auto *hash = plainLabel(m_infoHash.toHex(), header);
    hash->setObjectName(QStringLiteral("infoHash"));
    hash->setWordWrap(false);
    hash->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("Info-hash:"), hash);

    if (!comment.isEmpty()) {
        auto *commentLabel = plainLabel(comment, header);
        commentLabel->setObjectName(QStringLiteral("comment"));
        form->addRow(tr("Comment:"), commentLabel);
    }

    if (m_isMagnet) {
        m_fetchLabel = new QLabel(header);
        m_fetchLabel->setObjectName(QStringLiteral("fetchStatus"));
        m_fetchProgress = new QProgressBar(header);
        m_fetchProgress->setObjectName(QStringLiteral("fetchProgress"));
        m_fetchProgress->setTextVisible(false);
        m_fetchProgress->setMaximumHeight(m_fetchLabel->fontMetrics().height() / 2 + 2);
        auto *status = new QVBoxLayout;
        status->setSpacing(2);
        status->addWidget(m_fetchLabel);
        status->addWidget(m_fetchProgress);
        form->addRow(tr("Metadata:"), status);
        setFetchStatus(0, 0, 0);
    }
    return header;
}

QWidget *AddTorrentDialog::buildFiles()
{
    m_fileStack = new QStackedWidget(this);

    auto *waiting = new QLabel(tr("The list of files appears when the metadata has arrived from peers.\n"
                                  "You can add the torrent now: then every file is downloaded."),
                               m_fileStack);
    waiting->setObjectName(QStringLiteral("waitingForFiles"));
    waiting->setAlignment(Qt::AlignCenter);
    waiting->setWordWrap(true);
    waiting->setFrameShape(QFrame::StyledPanel);
    waiting->setForegroundRole(QPalette::PlaceholderText);

    auto *filesPage = new QWidget(m_fileStack);
    m_tree = new QTreeView(filesPage);
    m_tree->setObjectName(QStringLiteral("files"));
    m_tree->setModel(m_fileModel);
    m_tree->setUniformRowHeights(true); // large torrents: row heights need no per-row measuring
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(FileTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(FileTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    auto *all = new QPushButton(tr("Select All"), filesPage);
    all->setObjectName(QStringLiteral("selectAll"));
    auto *none = new QPushButton(tr("Select None"), filesPage);
    none->setObjectName(QStringLiteral("selectNone"));
    connect(all, &QPushButton::clicked, m_fileModel, [this] { m_fileModel->setAllChecked(true); });
    connect(none, &QPushButton::clicked, m_fileModel, [this] { m_fileModel->setAllChecked(false); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch(1);
    auto *filesLayout = new QVBoxLayout(filesPage);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->addWidget(m_tree, 1);
    filesLayout->addLayout(buttons);

    m_fileStack->addWidget(waiting);
    m_fileStack->addWidget(filesPage);
    m_fileStack->setCurrentIndex(m_hasMetadata ? 1 : 0);
    if (m_hasMetadata) {
        if (m_fileModel->fileCount() < kExpandAllBelowFiles)
            m_tree->expandAll();
        else
            m_tree->expandToDepth(0);
    }
    return m_fileStack;
}

void AddTorrentDialog::setFetchStatus(int peers, int piecesReceived, int pieces)
{
    if (!m_fetchLabel || m_hasMetadata)
        return;
    const QLocale locale;
    if (pieces > 0) {
        m_fetchLabel->setText(tr("Fetching metadata: %n peer(s), %1/%2 pieces", nullptr, peers)
                                  .arg(locale.toString(piecesReceived), locale.toString(pieces)));
        m_fetchProgress->setRange(0, pieces);
        m_fetchProgress->setValue(std::clamp(piecesReceived, 0, pieces));
    } else {
        m_fetchLabel->setText(peers > 0 ? tr("Fetching metadata: %n peer(s), waiting for its size", nullptr, peers)
                                        : tr("Fetching metadata: looking for peers…"));
        m_fetchProgress->setRange(0, 0); // busy: nothing to measure yet
    }
}

void AddTorrentDialog::setMetadata(const QString &name, const QList<session::FileSnapshot> &files)
{
    QList<metainfo::FileEntry> entries;
    QByteArray priorities;
    entries.reserve(files.size());
    priorities.reserve(files.size());
    for (const session::FileSnapshot &file : files) {
        metainfo::FileEntry entry;
        entry.path = file.path;
        entry.size = file.size;
        entry.padFile = file.padFile; // BEP 47 filler: never offered as a file to choose
        entries << entry;
        priorities.append(char(file.priority));
    }
    m_hasMetadata = true;
    if (!name.isEmpty()) {
        m_name = name;
        m_nameLabel->setText(name);
    }
    m_fileModel->setFiles(entries, priorities);
    if (m_fileModel->fileCount() < kExpandAllBelowFiles)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(0);
    m_fileStack->setCurrentIndex(1);
    if (m_fetchLabel) {
        m_fetchLabel->setText(tr("Received."));
        m_fetchProgress->hide();
    }
    updateSpace();
    updateAcceptable();
}

QString AddTorrentDialog::cleanSavePath() const
{
    const QString text = m_savePath->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

AddChoice AddTorrentDialog::choice() const
{
    AddChoice out;
    out.savePath = cleanSavePath();
    if (m_hasMetadata) {
        const QByteArray priorities = m_fileModel->filePriorities();
        // Everything wanted is the engine's default; saying so explicitly would only pin it.
        if (priorities.contains('\0'))
            out.filePriorities = priorities;
    }
    out.paused = m_paused->isChecked();
    out.sequential = m_sequential->isChecked();
    return out;
}

bool AddTorrentDialog::spaceWarningShown() const
{
    return m_spaceShort;
}

void AddTorrentDialog::updateSpace()
{
    const QLocale locale;
    std::optional<qint64> needed;
    QString neededText;
    if (m_hasMetadata) {
        needed = m_fileModel->checkedSize();
        neededText = tr("%1 of %2 (%3 of %4 files)")
                         .arg(units::formatSize(*needed, locale), units::formatSize(m_fileModel->totalSize(), locale),
                              locale.toString(m_fileModel->checkedFileCount()),
                              locale.toString(m_fileModel->fileCount()));
    } else if (m_magnetLength) {
        needed = *m_magnetLength;
        neededText = tr("%1 (the size the link gives)").arg(units::formatSize(*needed, locale));
    } else {
        neededText = tr("not known until the metadata arrives");
    }

    const QString path = cleanSavePath();
    // Plain values rather than optionals: GCC 12 at -O2 misreads the optional's state here.
    const std::optional<qint64> freeAt = path.isEmpty() ? std::nullopt : freeSpaceAt(path);
    const bool freeKnown = freeAt.has_value();
    const qint64 free = freeAt.value_or(0);
    const QString freeText = freeKnown ? units::formatSize(free, locale) : tr("unknown");
    m_spaceLabel->setText(tr("Space needed: %1. Free at the folder: %2.").arg(neededText, freeText));

    // Data already there (a resumed download) would need less, so this warns but never blocks.
    m_spaceShort = needed && freeKnown && *needed > free;
    if (m_spaceShort) {
        m_spaceWarningText->setText(tr("Not enough free space: %1 more is needed at this folder.")
                                        .arg(units::formatSize(*needed - free, locale)));
    }
    m_spaceWarning->setVisible(m_spaceShort);
}

void AddTorrentDialog::updateAcceptable()
{
    QString reason;
    if (cleanSavePath().isEmpty())
        reason = tr("Choose a folder to save in.");
    else if (const QString missing = m_folderCheck ? m_folderCheck(cleanSavePath()) : QString(); !missing.isEmpty())
        reason = missing;
    else if (m_hasMetadata && m_fileModel->checkedFileCount() == 0)
        reason = tr("Choose at least one file.");
    m_blockedReason->setText(reason);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

void AddTorrentDialog::setFolderCheck(FolderCheck check)
{
    m_folderCheck = std::move(check);
    updateAcceptable();
}

void AddTorrentDialog::browseForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save Folder"), cleanSavePath());
    if (!folder.isEmpty())
        m_savePath->setText(QDir::toNativeSeparators(folder));
}

} // namespace swarmscope::ui
