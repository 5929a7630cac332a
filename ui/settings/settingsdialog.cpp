#include "settings/settingsdialog.h"

#include "settings/settingsvalidation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <chrono>
#include <climits>

namespace swarmscope::ui {

namespace {

constexpr int kMaxConnections = 10000;
constexpr int kMaxSlots = 20;
constexpr int kMaxIntervalSeconds = 3600;
constexpr qint64 kKiB = 1024;
constexpr int kMaxActive = 1000;      // torrents; -1 is unlimited
constexpr int kMaxSlowKiB = 1024 * 1024; // KiB/s

QSpinBox *spinBox(const QString &name, int min, int max, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setGroupSeparatorShown(true); // locale-correct digit grouping for large limits
    return box;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText); // muted in light and dark palettes
    return label;
}

// Numbers keep their natural width; only text fields (addresses, folders, node lists) grow.
QFormLayout *newForm(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return form;
}

int toKiB(qint64 bytesPerSecond)
{
    // Rounded up, so a small limit set elsewhere never shows as "unlimited".
    const qint64 kib = (bytesPerSecond + kKiB - 1) / kKiB;
    return int(std::min<qint64>(kib, INT_MAX));
}

} // namespace

SettingsDialog::SettingsDialog(const session::SessionSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
{
    setWindowTitle(tr("Settings"));

    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(QStringLiteral("pageList"));
    m_pages = new QStackedWidget(this);
    const QList<std::pair<QString, QWidget *>> pages{
        {tr("Connection"), buildConnectionPage()}, {tr("Speed"), buildSpeedPage()},
        {tr("DHT"), buildDhtPage()},               {tr("Choker"), buildChokerPage()},
        {tr("Trackers"), buildTrackersPage()},     {tr("Downloads"), buildDownloadsPage()},
        {tr("Queue"), buildQueuePage()},           {tr("Interface"), buildInterfacePage()},
    };
    for (const auto &[title, page] : pages) {
        m_pageList->addItem(title);
        m_pages->addWidget(page);
    }
    // Every row has an icon slot (blank until its page has a problem), so rows keep one height.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_pageList->setIconSize(QSize(iconSize, iconSize));
    m_pageList->setSpacing(2);
    QPixmap blank(m_pageList->iconSize() * devicePixelRatio());
    blank.setDevicePixelRatio(devicePixelRatio());
    blank.fill(Qt::transparent);
    m_noProblemIcon = QIcon(blank);
    for (int i = 0; i < m_pageList->count(); ++i)
        m_pageList->item(i)->setIcon(m_noProblemIcon);
    m_pageList->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_pageList->setFixedWidth(m_pageList->sizeHintForColumn(0) + 2 * m_pageList->frameWidth() +
                              iconSize + 24);
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_problemIcon = new QLabel(this);
    m_problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_problemIcon->setAlignment(Qt::AlignTop);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problems"));
    m_problemLabel->setTextFormat(Qt::PlainText); // user text is quoted in it
    m_problemLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *body = new QHBoxLayout;
    body->addWidget(m_pageList);
    body->addWidget(m_pages, 1);
    auto *problems = new QHBoxLayout;
    problems->addWidget(m_problemIcon);
    problems->addWidget(m_problemLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addLayout(problems);
    layout->addWidget(m_buttons);

    load(current);
    m_pageList->setCurrentRow(0);
    revalidate();
}

QWidget *SettingsDialog::buildConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_listenPort = spinBox(QStringLiteral("listenPort"), 0, 65535, page);
    m_listenPort->setSpecialValueText(tr("Any free port"));
    m_listenPort->setGroupSeparatorShown(false); // a port is a name, not a quantity
    m_listenAddress = new QLineEdit(page);
    m_listenAddress->setObjectName(QStringLiteral("listenAddress"));
    m_listenAddress->setPlaceholderText(tr("any"));
    m_listenAddress->setToolTip(tr("An IP address of this computer, or “any” for every interface."));
    m_maxConnections = spinBox(QStringLiteral("maxConnections"), 1, kMaxConnections, page);
    m_maxPerTorrent = spinBox(QStringLiteral("maxConnectionsPerTorrent"), 1, kMaxConnections, page);
    form->addRow(tr("Listen port (TCP):"), m_listenPort);
    form->addRow(tr("Listen address:"), m_listenAddress);
    form->addRow(tr("Connections in total:"), m_maxConnections);
    form->addRow(tr("Connections per torrent:"), m_maxPerTorrent);
    form->addRow(note(tr("Peers connect to the listen port; a port forwarded in your router lets "
                         "peers behind other routers reach you."),
                      page));
    connect(m_listenPort, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_listenAddress, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(m_maxConnections, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_maxPerTorrent, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildSpeedPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_downloadLimit = spinBox(QStringLiteral("downloadLimit"), 0, INT_MAX, page);
    m_uploadLimit = spinBox(QStringLiteral("uploadLimit"), 0, INT_MAX, page);
    for (QSpinBox *box : {m_downloadLimit, m_uploadLimit}) {
        box->setSpecialValueText(tr("Unlimited"));
        box->setSuffix(tr(" KiB/s"));
    }
    form->addRow(tr("Download limit:"), m_downloadLimit);
    form->addRow(tr("Upload limit:"), m_uploadLimit);
    form->addRow(note(tr("For all torrents together; 0 means unlimited."), page));
    return page;
}

QWidget *SettingsDialog::buildDhtPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_dhtEnabled = new QCheckBox(tr("Find peers through the DHT"), page);
    m_dhtEnabled->setObjectName(QStringLiteral("dhtEnabled"));
    m_dhtPort = spinBox(QStringLiteral("dhtPort"), 0, 65535, page);
    m_dhtPort->setSpecialValueText(tr("Same as the listen port"));
    m_dhtPort->setGroupSeparatorShown(false);
    m_dhtBootstrap = new QPlainTextEdit(page);
    m_dhtBootstrap->setObjectName(QStringLiteral("dhtBootstrap"));
    m_dhtBootstrap->setPlaceholderText(tr("Empty: the well-known routers.\nOne node per line, as host:port"));
    m_dhtBootstrap->setTabChangesFocus(true);
    form->addRow(m_dhtEnabled);
    form->addRow(tr("DHT port (UDP):"), m_dhtPort);
    form->addRow(tr("Bootstrap nodes:"), m_dhtBootstrap);
    form->addRow(note(tr("The DHT finds peers without a tracker. Private torrents never use it."), page));
    connect(m_dhtEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_dhtPort->setEnabled(on);
        m_dhtBootstrap->setEnabled(on);
        revalidate();
    });
    connect(m_dhtBootstrap, &QPlainTextEdit::textChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildChokerPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_regularSlots = spinBox(QStringLiteral("regularSlots"), 1, kMaxSlots, page);
    m_rechokeSeconds = spinBox(QStringLiteral("rechokeInterval"), 1, kMaxIntervalSeconds, page);
    m_optimisticSeconds = spinBox(QStringLiteral("optimisticInterval"), 1, kMaxIntervalSeconds, page);
    m_rechokeSeconds->setSuffix(tr(" s"));
    m_optimisticSeconds->setSuffix(tr(" s"));
    form->addRow(tr("Regular unchoke slots:"), m_regularSlots);
    form->addRow(tr("Re-rank peers every:"), m_rechokeSeconds);
    form->addRow(tr("Rotate the optimistic unchoke every:"), m_optimisticSeconds);
    form->addRow(note(tr("Each torrent uploads to the peers that send it data fastest (the regular "
                         "slots, re-ranked at every interval) and to one random peer (the optimistic "
                         "slot), so new peers get a chance to show what they can send. BitTorrent's "
                         "design uses 4 slots, 10 s and 30 s."),
                      page));
    connect(m_rechokeSeconds, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    connect(m_optimisticSeconds, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildTrackersPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_announce = new QCheckBox(tr("Announce to the torrents' trackers"), page);
    m_announce->setObjectName(QStringLiteral("announce"));
    m_trackerEnabled = new QCheckBox(tr("Run a tracker for my own torrents"), page);
    m_trackerEnabled->setObjectName(QStringLiteral("embeddedTracker"));
    m_trackerPort = spinBox(QStringLiteral("embeddedTrackerPort"), 0, 65535, page);
    m_trackerPort->setSpecialValueText(tr("Any free port"));
    m_trackerPort->setGroupSeparatorShown(false);
    form->addRow(m_announce);
    form->addRow(m_trackerEnabled);
    form->addRow(tr("Tracker port (TCP):"), m_trackerPort);
    form->addRow(note(tr("The built-in tracker lets peers find torrents you create and share "
                         "without a public tracker."),
                      page));
    connect(m_trackerEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_trackerPort->setEnabled(on);
        revalidate();
    });
    connect(m_trackerPort, &QSpinBox::valueChanged, this, &SettingsDialog::revalidate);
    return page;
}

QWidget *SettingsDialog::buildDownloadsPage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_savePath = new QLineEdit(page);
    m_savePath->setObjectName(QStringLiteral("defaultSavePath"));
    auto *browse = new QPushButton(tr("Browse…"), page);
    browse->setObjectName(QStringLiteral("browseSavePath"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_savePath, 1);
    row->addWidget(browse);
    form->addRow(tr("Default save folder:"), row);
    form->addRow(note(tr("New torrents are saved here unless you choose another folder when adding them."),
                      page));
    connect(m_savePath, &QLineEdit::textChanged, this, &SettingsDialog::revalidate);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseForFolder);

    auto *power = new QGroupBox(tr("Power"), page);
    power->setObjectName(QStringLiteral("powerGroup"));
    m_inhibitSleep = new QCheckBox(tr("Keep the computer awake while torrents download"), power);
    m_inhibitSleep->setObjectName(QStringLiteral("inhibitSleep"));
    m_pauseOnBattery = new QCheckBox(tr("Pause torrents while the computer runs on battery"), power);
    m_pauseOnBattery->setObjectName(QStringLiteral("pauseOnBattery"));
    setPower(true, false); // AppSettings' defaults, until the caller sets the saved values
    auto *powerLayout = new QVBoxLayout(power);
    powerLayout->addWidget(m_inhibitSleep);
    powerLayout->addWidget(m_pauseOnBattery);
    powerLayout->addWidget(note(tr("Torrents paused for the battery resume on mains power; those you "
                                   "paused yourself stay paused. Both need the desktop's power "
                                   "services, and do nothing without them."),
                                power));
    form->addRow(power);
    return page;
}

QWidget *SettingsDialog::buildQueuePage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_queueing = new QCheckBox(tr("Queue torrents: only the first ones in the list run at once"), page);
    m_queueing->setObjectName(QStringLiteral("queueing"));
    form->addRow(m_queueing);
    auto activeBox = [page](const QString &name) {
        QSpinBox *box = spinBox(name, -1, int(kMaxActive), page);
        box->setSpecialValueText(tr("Unlimited")); // shown at -1, the minimum
        return box;
    };
    m_maxActiveDownloads = activeBox(QStringLiteral("maxActiveDownloads"));
    m_maxActiveSeeds = activeBox(QStringLiteral("maxActiveSeeds"));
    m_maxActiveTorrents = activeBox(QStringLiteral("maxActiveTorrents"));
    form->addRow(tr("Active downloads at most:"), m_maxActiveDownloads);
    form->addRow(tr("Active seeds at most:"), m_maxActiveSeeds);
    form->addRow(tr("Active torrents at most:"), m_maxActiveTorrents);
    form->addRow(note(tr("The others wait as Queued and start, top of the list first, as slots free up. "
                         "Move Up and Move Down in the Torrent menu change the order. A magnet link "
                         "fetching its metadata counts as a download."),
                      page));
    m_ignoreSlow = new QCheckBox(tr("Do not count slow torrents against these limits"), page);
    m_ignoreSlow->setObjectName(QStringLiteral("ignoreSlowTorrents"));
    form->addRow(m_ignoreSlow);
    m_slowDownload = spinBox(QStringLiteral("slowDownloadRate"), 0, int(kMaxSlowKiB), page);
    m_slowDownload->setSuffix(tr(" KiB/s"));
    m_slowUpload = spinBox(QStringLiteral("slowUploadRate"), 0, int(kMaxSlowKiB), page);
    m_slowUpload->setSuffix(tr(" KiB/s"));
    m_slowSeconds = spinBox(QStringLiteral("slowTorrentSeconds"), 1, kMaxIntervalSeconds, page);
    m_slowSeconds->setSuffix(tr(" s"));
    form->addRow(tr("Slow below, downloading:"), m_slowDownload);
    form->addRow(tr("Slow below, uploading:"), m_slowUpload);
    form->addRow(tr("For at least:"), m_slowSeconds);
    connect(m_queueing, &QCheckBox::toggled, this, &SettingsDialog::updateQueueWidgets);
    connect(m_ignoreSlow, &QCheckBox::toggled, this, &SettingsDialog::updateQueueWidgets);
    return page;
}

void SettingsDialog::updateQueueWidgets()
{
    const bool on = m_queueing->isChecked();
    for (QSpinBox *box : {m_maxActiveDownloads, m_maxActiveSeeds, m_maxActiveTorrents})
        box->setEnabled(on);
    m_ignoreSlow->setEnabled(on);
    for (QSpinBox *box : {m_slowDownload, m_slowUpload, m_slowSeconds})
        box->setEnabled(on && m_ignoreSlow->isChecked());
}

QWidget *SettingsDialog::buildInterfacePage()
{
    auto *page = new QWidget(this);
    auto *form = newForm(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    // Each language in its own name, so anyone can find theirs whatever the current one is.
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de_DE"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr_FR"));
    form->addRow(tr("Language:"), m_language);
    form->addRow(note(tr("A new language takes effect when Swarmscope starts again."), page));
    m_closeToTray = new QCheckBox(tr("Closing the window keeps Swarmscope running in the system tray"), page);
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    form->addRow(m_closeToTray);
    return page;
}

void SettingsDialog::setInterface(const QString &language, bool closeToTray)
{
    int index = m_language->findData(language);
    if (index < 0 && !language.isEmpty()) // "de_AT" and the like: the nearest we ship
        index = m_language->findData(language.left(2) == u"en" ? QStringLiteral("en") : language.left(2) + u'_'
                                                                                            + language.left(2).toUpper());
    m_language->setCurrentIndex(std::max(index, 0));
    m_closeToTray->setChecked(closeToTray);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

bool SettingsDialog::closeToTray() const
{
    return m_closeToTray->isChecked();
}

void SettingsDialog::setPower(bool inhibitSleep, bool pauseOnBattery)
{
    m_inhibitSleep->setChecked(inhibitSleep);
    m_pauseOnBattery->setChecked(pauseOnBattery);
}

bool SettingsDialog::inhibitSleep() const
{
    return m_inhibitSleep->isChecked();
}

bool SettingsDialog::pauseOnBattery() const
{
    return m_pauseOnBattery->isChecked();
}

void SettingsDialog::load(const session::SessionSettings &s)
{
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    m_listenPort->setValue(s.listenPort);
    m_listenAddress->setText(settingsvalidation::listenAddressText(s.listenAddress));
    m_maxConnections->setValue(std::clamp(s.maxConnections, 1, kMaxConnections));
    m_maxPerTorrent->setValue(std::clamp(s.maxConnectionsPerTorrent, 1, kMaxConnections));
    m_downloadLimit->setValue(toKiB(s.maxDownloadRate));
    m_uploadLimit->setValue(toKiB(s.maxUploadRate));
    m_dhtEnabled->setChecked(s.dhtEnabled);
    m_dhtPort->setValue(s.dhtPort);
    m_dhtBootstrap->setPlainText(s.dhtBootstrap.join(QLatin1Char('\n')));
    m_dhtPort->setEnabled(s.dhtEnabled);
    m_dhtBootstrap->setEnabled(s.dhtEnabled);
    m_regularSlots->setValue(std::clamp(s.choker.regularSlots, 1, kMaxSlots));
    m_rechokeSeconds->setValue(int(duration_cast<seconds>(s.choker.rechokeInterval).count()));
    m_optimisticSeconds->setValue(int(duration_cast<seconds>(s.choker.optimisticInterval).count()));
    m_announce->setChecked(s.announceToTrackers);
    setEmbeddedTracker(s.embeddedTracker, s.embeddedTrackerPort);
    m_savePath->setText(QDir::toNativeSeparators(s.defaultSavePath));
    m_queueing->setChecked(s.queueingEnabled);
    m_maxActiveDownloads->setValue(std::clamp(s.maxActiveDownloads, -1, int(kMaxActive)));
    m_maxActiveSeeds->setValue(std::clamp(s.maxActiveSeeds, -1, int(kMaxActive)));
    m_maxActiveTorrents->setValue(std::clamp(s.maxActiveTorrents, -1, int(kMaxActive)));
    m_ignoreSlow->setChecked(s.ignoreSlowTorrents);
    m_slowDownload->setValue(toKiB(s.slowDownloadRate));
    m_slowUpload->setValue(toKiB(s.slowUploadRate));
    m_slowSeconds->setValue(int(std::clamp<qint64>(s.slowTorrentTime.count(), 1, kMaxIntervalSeconds)));
    updateQueueWidgets();
}

void SettingsDialog::setEmbeddedTracker(bool enabled, quint16 port)
{
    m_trackerEnabled->setChecked(enabled);
    m_trackerPort->setValue(port);
    m_trackerPort->setEnabled(enabled);
    revalidate();
}

bool SettingsDialog::embeddedTrackerEnabled() const
{
    return m_trackerEnabled->isChecked();
}

quint16 SettingsDialog::embeddedTrackerPort() const
{
    return quint16(m_trackerPort->value());
}

session::SessionSettings SettingsDialog::settings() const
{
    session::SessionSettings out = m_current;
    out.listenPort = quint16(m_listenPort->value());
    if (const auto address = settingsvalidation::parseListenAddress(m_listenAddress->text()))
        out.listenAddress = *address;
    out.maxConnections = m_maxConnections->value();
    out.maxConnectionsPerTorrent = m_maxPerTorrent->value();
    // An unchanged box keeps the exact byte rate, which KiB may have rounded.
    if (m_downloadLimit->value() != toKiB(m_current.maxDownloadRate))
        out.maxDownloadRate = m_downloadLimit->value() * kKiB;
    if (m_uploadLimit->value() != toKiB(m_current.maxUploadRate))
        out.maxUploadRate = m_uploadLimit->value() * kKiB;
    out.dhtEnabled = m_dhtEnabled->isChecked();
    out.dhtPort = quint16(m_dhtPort->value());
    if (const auto nodes = settingsvalidation::parseNodeList(m_dhtBootstrap->toPlainText()))
        out.dhtBootstrap = *nodes;
    out.choker.regularSlots = m_regularSlots->value();
    out.choker.rechokeInterval = std::chrono::seconds(m_rechokeSeconds->value());
    out.choker.optimisticInterval = std::chrono::seconds(m_optimisticSeconds->value());
    out.announceToTrackers = m_announce->isChecked();
    out.embeddedTracker = embeddedTrackerEnabled();
    out.embeddedTrackerPort = embeddedTrackerPort();
    out.queueingEnabled = m_queueing->isChecked();
    out.maxActiveDownloads = m_maxActiveDownloads->value();
    out.maxActiveSeeds = m_maxActiveSeeds->value();
    out.maxActiveTorrents = m_maxActiveTorrents->value();
    out.ignoreSlowTorrents = m_ignoreSlow->isChecked();
    if (m_slowDownload->value() != toKiB(m_current.slowDownloadRate))
        out.slowDownloadRate = m_slowDownload->value() * kKiB;
    if (m_slowUpload->value() != toKiB(m_current.slowUploadRate))
        out.slowUploadRate = m_slowUpload->value() * kKiB;
    out.slowTorrentTime = std::chrono::seconds(m_slowSeconds->value());
    const QString savePath = m_savePath->text().trimmed();
    if (!savePath.isEmpty())
        out.defaultSavePath = QDir::cleanPath(QDir::fromNativeSeparators(savePath));
    return out;
}

QList<SettingsDialog::Problem> SettingsDialog::validate() const
{
    QList<Problem> out;
    if (!settingsvalidation::parseListenAddress(m_listenAddress->text())) {
        out.append({ConnectionPage, tr("Listen address: “%1” is not an IP address of this computer.")
                                        .arg(m_listenAddress->text().trimmed())});
    }
    if (m_maxPerTorrent->value() > m_maxConnections->value()) {
        out.append({ConnectionPage, tr("Connections per torrent (%L1) cannot exceed connections in total (%L2).")
                                        .arg(m_maxPerTorrent->value())
                                        .arg(m_maxConnections->value())});
    }
    // Hidden behind a switched-off DHT, a bad list would block OK for no visible reason.
    if (m_dhtEnabled->isChecked()) {
        QString error;
        if (!settingsvalidation::parseNodeList(m_dhtBootstrap->toPlainText(), &error))
            out.append({DhtPage, tr("DHT bootstrap nodes: %1").arg(error)});
    }
    if (m_optimisticSeconds->value() < m_rechokeSeconds->value()) {
        out.append({ChokerPage, tr("The optimistic unchoke cannot rotate more often than the peers are "
                                   "re-ranked (%1 s).")
                                    .arg(m_rechokeSeconds->value())});
    }
    if (m_trackerEnabled->isChecked() && m_listenPort->value() != 0 &&
        m_trackerPort->value() == m_listenPort->value()) { // two "any free port"s never collide
        out.append({TrackersPage, tr("The tracker cannot use port %1: peers connect to it.")
                                      .arg(m_trackerPort->value())});
    }
    const QString savePath = m_savePath->text().trimmed();
    if (savePath.isEmpty())
        out.append({DownloadsPage, tr("Choose a default save folder.")});
    else if (QDir::isRelativePath(QDir::fromNativeSeparators(savePath)))
        out.append({DownloadsPage, tr("The default save folder must be a full path, not “%1”.").arg(savePath)});
    return out;
}

void SettingsDialog::revalidate()
{
    // Called while the constructor fills the pages: wait until every widget exists.
    if (!m_buttons || !m_savePath)
        return;
    const QList<Problem> found = validate();
    m_problems.clear();
    QList<bool> pageHasProblem(PageCount, false);
    for (const Problem &p : found) {
        m_problems << p.text;
        pageHasProblem[p.page] = true;
    }
    // The page list marks where to look, since the problem may be on a page not shown.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_pageList->count() && i < PageCount; ++i)
        m_pageList->item(i)->setIcon(pageHasProblem[i] ? warning : m_noProblemIcon);
    m_problemLabel->setText(m_problems.join(QLatin1Char('\n')));
    m_problemLabel->setVisible(!m_problems.isEmpty());
    m_problemIcon->setVisible(!m_problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty());
}

void SettingsDialog::showPage(Page page)
{
    m_pageList->setCurrentRow(page);
}

void SettingsDialog::browseForFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Default Save Folder"), m_savePath->text());
    if (!folder.isEmpty())
        m_savePath->setText(QDir::toNativeSeparators(folder));
}

} // namespace swarmscope::ui
