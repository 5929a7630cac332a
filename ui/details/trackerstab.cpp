#include "details/trackerstab.h"

#include "details/trackersmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace swarmscope::ui {

TrackersTab::TrackersTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new TrackersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("&Add tracker…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TrackersModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TrackersModel::TierColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    const QFontMetrics fm = m_view->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        m_view->setColumnWidth(column, std::max(m_view->columnWidth(column), fm.horizontalAdvance(sample) + 24));
    };
    for (int c = TrackersModel::TierColumn; c < TrackersModel::MessageColumn; ++c)
        m_view->resizeColumnToContents(c); // the headers
    fit(TrackersModel::UrlColumn, QStringLiteral("udp://tracker.example.org:6969/announce"));
    fit(TrackersModel::StatusColumn, TrackersModel::statusText(QStringLiteral("not contacted")));
    fit(TrackersModel::LastAnnounceColumn,
        QLocale().toString(QDateTime(QDate(2000, 12, 30), QTime(23, 59)), QLocale::ShortFormat));
    fit(TrackersModel::NextAnnounceColumn, tr("In %1").arg(QStringLiteral("59m 59s")));

    m_add->setToolTip(tr("Add announce URLs to this torrent"));
    m_remove->setToolTip(tr("Remove the selected trackers from this torrent"));
    connect(m_add, &QPushButton::clicked, this, &TrackersTab::askForTrackers);
    connect(m_remove, &QPushButton::clicked, this, &TrackersTab::requestRemoveSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrackersTab::updateButtons);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->setContentsMargins(4, 0, 4, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void TrackersTab::setTorrent(const session::TorrentSnapshot &torrent, const QDateTime &now)
{
    m_hasTorrent = true;
    m_model->setTrackers(torrent.detail ? torrent.detail->trackers : QList<session::TrackerSnapshot>{}, now);
    updateButtons();
}

void TrackersTab::clear()
{
    m_hasTorrent = false;
    m_model->clear();
    updateButtons();
}

void TrackersTab::updateButtons()
{
    m_add->setEnabled(m_hasTorrent);
    m_remove->setEnabled(m_hasTorrent && !selectedUrls().isEmpty());
}

QStringList TrackersTab::selectedUrls() const
{
    QStringList urls;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        urls.append(index.data(TrackersModel::UrlRole).toString());
    return urls;
}

QStringList TrackersTab::parseTrackerUrls(const QString &text) const
{
    QSet<QString> known;
    for (const session::TrackerSnapshot &t : m_model->trackers())
        known.insert(t.url);
    QStringList urls;
    static const QRegularExpression separators(QStringLiteral("\\s+"));
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts)) {
        const QUrl url(word, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        const bool supported = scheme == QLatin1String("http") || scheme == QLatin1String("https")
            || scheme == QLatin1String("udp");
        if (!url.isValid() || !supported || url.host().isEmpty())
            continue;
        if (known.contains(word) || urls.contains(word))
            continue;
        urls.append(word);
    }
    return urls;
}

int TrackersTab::requestAdd(const QString &text)
{
    const QStringList urls = parseTrackerUrls(text);
    for (const QString &url : urls)
        emit addRequested(url);
    return static_cast<int>(urls.size());
}

int TrackersTab::requestRemoveSelected()
{
    const QStringList urls = selectedUrls();
    for (const QString &url : urls)
        emit removeRequested(url);
    return static_cast<int>(urls.size());
}

void TrackersTab::askForTrackers()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Add trackers"), tr("Announce URLs, one per line (http, https or udp):"), QString(), &ok);
    if (ok)
        requestAdd(text);
}

QMenu *TrackersTab::createContextMenu()
{
    auto *menu = new QMenu(this);
    const QStringList urls = selectedUrls();
    QAction *add = menu->addAction(tr("&Add tracker…"), this, &TrackersTab::askForTrackers);
    add->setEnabled(m_hasTorrent);
    QAction *remove = menu->addAction(tr("&Remove"), this, &TrackersTab::requestRemoveSelected);
    remove->setEnabled(m_hasTorrent && !urls.isEmpty());
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("&Copy URL"), this, [urls] {
        QApplication::clipboard()->setText(urls.join(QLatin1Char('\n')));
    });
    copy->setEnabled(!urls.isEmpty());
    return menu;
}

} // namespace swarmscope::ui
