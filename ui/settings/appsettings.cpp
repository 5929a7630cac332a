#include "settings/appsettings.h"

#include "settings/settingsvalidation.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <chrono>
#include <limits>

namespace swarmscope::ui {

namespace {

// Keys, grouped as the settings dialog's pages are.
namespace key {
const QString listenPort = QStringLiteral("Connection/listenPort");
const QString listenAddress = QStringLiteral("Connection/listenAddress");
const QString maxConnections = QStringLiteral("Connection/maxConnections");
const QString maxConnectionsPerTorrent = QStringLiteral("Connection/maxConnectionsPerTorrent");
const QString maxDownloadRate = QStringLiteral("Speed/maxDownloadRate"); // bytes/s
const QString maxUploadRate = QStringLiteral("Speed/maxUploadRate");
const QString dhtEnabled = QStringLiteral("Dht/enabled");
const QString dhtPort = QStringLiteral("Dht/port");
const QString dhtBootstrap = QStringLiteral("Dht/bootstrap");
const QString regularSlots = QStringLiteral("Choker/regularSlots");
const QString rechokeSeconds = QStringLiteral("Choker/rechokeIntervalSeconds");
const QString optimisticSeconds = QStringLiteral("Choker/optimisticIntervalSeconds");
const QString announce = QStringLiteral("Trackers/announceToTrackers");
const QString embeddedTracker = QStringLiteral("Trackers/embeddedTracker");
const QString embeddedTrackerPort = QStringLiteral("Trackers/embeddedTrackerPort");
const QString defaultSavePath = QStringLiteral("Downloads/defaultSavePath");
const QString queueing = QStringLiteral("Queue/enabled");
const QString maxActiveDownloads = QStringLiteral("Queue/maxActiveDownloads");
const QString maxActiveSeeds = QStringLiteral("Queue/maxActiveSeeds");
const QString maxActiveTorrents = QStringLiteral("Queue/maxActiveTorrents");
const QString ignoreSlow = QStringLiteral("Queue/ignoreSlowTorrents");
const QString slowDownloadRate = QStringLiteral("Queue/slowDownloadRate"); // bytes/s
const QString slowUploadRate = QStringLiteral("Queue/slowUploadRate");
const QString slowSeconds = QStringLiteral("Queue/slowTorrentSeconds");
const QString lastSaveFolder = QStringLiteral("Downloads/lastSaveFolder");
const QString language = QStringLiteral("Interface/language");
const QString closeToTray = QStringLiteral("Interface/closeToTray");
const QString inhibitSleep = QStringLiteral("Power/inhibitSleep");
const QString pauseOnBattery = QStringLiteral("Power/pauseOnBattery");
} // namespace key

// The ranges the settings dialog offers; a stored value outside them reads as the default.
constexpr qint64 kMaxConnections = 10000;
constexpr qint64 kMaxSlots = 20;
constexpr qint64 kMaxIntervalSeconds = 3600;
constexpr qint64 kMaxActive = 1000; // torrents; -1 is unlimited
constexpr qint64 kMaxSlowRate = 1024 * 1024 * 1024;

qint64 readInteger(const QSettings &s, const QString &key, qint64 fallback, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = s.value(key).toLongLong(&ok);
    return ok && value >= min && value <= max ? value : fallback;
}

// QVariant::toBool() calls any unknown text true; a hand-edited "yes please" must not.
bool readBool(const QSettings &s, const QString &key, bool fallback)
{
    const QVariant value = s.value(key);
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    return fallback;
}

std::chrono::seconds wholeSeconds(Duration d)
{
    return std::chrono::duration_cast<std::chrono::seconds>(d);
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QStringLiteral("Swarmscope"), QStringLiteral("Swarmscope")))
{
}

AppSettings::AppSettings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::systemDownloadFolder()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty()) // no XDG user dirs and no home: still somewhere writable-ish
        folder = QDir::homePath();
    return folder;
}

session::SessionSettings AppSettings::sessionSettings() const
{
    const QSettings &s = *m_settings;
    session::SessionSettings out;
    const session::SessionSettings defaults;

    out.listenPort = quint16(readInteger(s, key::listenPort, defaults.listenPort, 0, 65535));
    if (s.contains(key::listenAddress)) {
        if (const auto address = settingsvalidation::parseListenAddress(s.value(key::listenAddress).toString()))
            out.listenAddress = *address;
    }
    out.maxConnections = int(readInteger(s, key::maxConnections, defaults.maxConnections, 1, kMaxConnections));
    out.maxConnectionsPerTorrent = int(readInteger(s, key::maxConnectionsPerTorrent,
                                                   defaults.maxConnectionsPerTorrent, 1, kMaxConnections));
    out.maxDownloadRate = readInteger(s, key::maxDownloadRate, defaults.maxDownloadRate, 0,
                                      std::numeric_limits<qint64>::max());
    out.maxUploadRate = readInteger(s, key::maxUploadRate, defaults.maxUploadRate, 0,
                                    std::numeric_limits<qint64>::max());

    out.dhtEnabled = readBool(s, key::dhtEnabled, defaults.dhtEnabled);
    out.dhtPort = quint16(readInteger(s, key::dhtPort, defaults.dhtPort, 0, 65535));
    if (s.contains(key::dhtBootstrap)) {
        // Keeps the valid nodes of a list someone edited by hand, rather than none of them.
        out.dhtBootstrap.clear();
        for (const QString &node : s.value(key::dhtBootstrap).toStringList()) {
            if (settingsvalidation::isValidNode(node))
                out.dhtBootstrap << node.trimmed();
        }
    }

    out.choker.regularSlots =
        int(readInteger(s, key::regularSlots, defaults.choker.regularSlots, 1, kMaxSlots));
    out.choker.rechokeInterval = std::chrono::seconds(
        readInteger(s, key::rechokeSeconds, wholeSeconds(defaults.choker.rechokeInterval).count(), 1,
                    kMaxIntervalSeconds));
    out.choker.optimisticInterval = std::chrono::seconds(
        readInteger(s, key::optimisticSeconds, wholeSeconds(defaults.choker.optimisticInterval).count(), 1,
                    kMaxIntervalSeconds));

    out.queueingEnabled = readBool(s, key::queueing, defaults.queueingEnabled);
    out.maxActiveDownloads = int(readInteger(s, key::maxActiveDownloads, defaults.maxActiveDownloads, -1, kMaxActive));
    out.maxActiveSeeds = int(readInteger(s, key::maxActiveSeeds, defaults.maxActiveSeeds, -1, kMaxActive));
    out.maxActiveTorrents = int(readInteger(s, key::maxActiveTorrents, defaults.maxActiveTorrents, -1, kMaxActive));
    out.ignoreSlowTorrents = readBool(s, key::ignoreSlow, defaults.ignoreSlowTorrents);
    out.slowDownloadRate = readInteger(s, key::slowDownloadRate, defaults.slowDownloadRate, 0, kMaxSlowRate);
    out.slowUploadRate = readInteger(s, key::slowUploadRate, defaults.slowUploadRate, 0, kMaxSlowRate);
    out.slowTorrentTime = std::chrono::seconds(
        readInteger(s, key::slowSeconds, defaults.slowTorrentTime.count(), 1, kMaxIntervalSeconds));

    out.announceToTrackers = readBool(s, key::announce, defaults.announceToTrackers);
    out.embeddedTracker = embeddedTracker();
    out.embeddedTrackerPort = embeddedTrackerPort();

    const QString savePath = s.value(key::defaultSavePath).toString();
    out.defaultSavePath = savePath.isEmpty() ? systemDownloadFolder() : savePath;
    return out;
}

void AppSettings::setSessionSettings(const session::SessionSettings &in)
{
    QSettings &s = *m_settings;
    s.setValue(key::listenPort, in.listenPort);
    s.setValue(key::listenAddress, settingsvalidation::listenAddressText(in.listenAddress));
    s.setValue(key::maxConnections, in.maxConnections);
    s.setValue(key::maxConnectionsPerTorrent, in.maxConnectionsPerTorrent);
    s.setValue(key::maxDownloadRate, in.maxDownloadRate);
    s.setValue(key::maxUploadRate, in.maxUploadRate);
    s.setValue(key::dhtEnabled, in.dhtEnabled);
    s.setValue(key::dhtPort, in.dhtPort);
    s.setValue(key::dhtBootstrap, in.dhtBootstrap);
    s.setValue(key::regularSlots, in.choker.regularSlots);
    s.setValue(key::rechokeSeconds, qint64(wholeSeconds(in.choker.rechokeInterval).count()));
    s.setValue(key::optimisticSeconds, qint64(wholeSeconds(in.choker.optimisticInterval).count()));
    s.setValue(key::queueing, in.queueingEnabled);
    s.setValue(key::maxActiveDownloads, in.maxActiveDownloads);
    s.setValue(key::maxActiveSeeds, in.maxActiveSeeds);
    s.setValue(key::maxActiveTorrents, in.maxActiveTorrents);
    s.setValue(key::ignoreSlow, in.ignoreSlowTorrents);
    s.setValue(key::slowDownloadRate, in.slowDownloadRate);
    s.setValue(key::slowUploadRate, in.slowUploadRate);
    s.setValue(key::slowSeconds, qint64(in.slowTorrentTime.count()));
    s.setValue(key::announce, in.announceToTrackers);
    setEmbeddedTracker(in.embeddedTracker, in.embeddedTrackerPort);
    s.setValue(key::defaultSavePath, in.defaultSavePath);
}

bool AppSettings::embeddedTracker() const
{
    return readBool(*m_settings, key::embeddedTracker, session::SessionSettings{}.embeddedTracker);
}

quint16 AppSettings::embeddedTrackerPort() const
{
    return quint16(readInteger(*m_settings, key::embeddedTrackerPort,
                               session::SessionSettings{}.embeddedTrackerPort, 0, 65535)); // 0: any free port
}

void AppSettings::setEmbeddedTracker(bool enabled, quint16 port)
{
    m_settings->setValue(key::embeddedTracker, enabled);
    m_settings->setValue(key::embeddedTrackerPort, port);
}

QString AppSettings::lastSaveFolder() const
{
    const QString folder = m_settings->value(key::lastSaveFolder).toString();
    return folder.isEmpty() ? sessionSettings().defaultSavePath : folder;
}

void AppSettings::setLastSaveFolder(const QString &folder)
{
    m_settings->setValue(key::lastSaveFolder, folder);
}

QString AppSettings::language() const
{
    return m_settings->value(key::language).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(key::language, language);
}

bool AppSettings::closeToTray() const
{
    return readBool(*m_settings, key::closeToTray, false);
}

void AppSettings::setCloseToTray(bool enabled)
{
    m_settings->setValue(key::closeToTray, enabled);
}

bool AppSettings::inhibitSleep() const
{
    return readBool(*m_settings, key::inhibitSleep, true);
}

void AppSettings::setInhibitSleep(bool enabled)
{
    if (enabled == inhibitSleep())
        return;
    m_settings->setValue(key::inhibitSleep, enabled);
    emit powerSettingsChanged();
}

bool AppSettings::pauseOnBattery() const
{
    return readBool(*m_settings, key::pauseOnBattery, false);
}

void AppSettings::setPauseOnBattery(bool enabled)
{
    if (enabled == pauseOnBattery())
        return;
    m_settings->setValue(key::pauseOnBattery, enabled);
    emit powerSettingsChanged();
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace swarmscope::ui
