// Preferences: what the engine lets the user set, grouped in pages. Edits a copy of the
// session settings; the caller applies settings() on accept (the engine applies what it can
// without a restart). Input that the engine could not use blocks OK, with the reason shown.
#pragma once

#include "session/sessionsettings.h"

#include <QDialog>
#include <QIcon>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace swarmscope::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    enum Page { ConnectionPage, SpeedPage, DhtPage, ChokerPage, TrackersPage, DownloadsPage, QueuePage, InterfacePage, PageCount };

    explicit SettingsDialog(const session::SessionSettings &current, QWidget *parent = nullptr);

    // `current` with the dialog's values in the fields the dialog edits.
    session::SessionSettings settings() const;

    // The embedded tracker (also in settings(); the constructor reads it from `current`).
    void setEmbeddedTracker(bool enabled, quint16 port);
    bool embeddedTrackerEnabled() const;
    quint16 embeddedTrackerPort() const;

    // The app's own choices (AppSettings): the language (a locale name such as "de_DE"; empty:
    // the system's) and whether closing the window keeps the app in the tray.
    void setInterface(const QString &language, bool closeToTray);
    QString language() const;
    bool closeToTray() const;

    // Power (AppSettings, on the Downloads page): keep the computer awake while torrents
    // download, and pause torrents while on battery.
    void setPower(bool inhibitSleep, bool pauseOnBattery);
    bool inhibitSleep() const;
    bool pauseOnBattery() const;

    // What blocks OK now, one line each (empty: the input is usable).
    QStringList problems() const { return m_problems; }
    void showPage(Page page);

private:
    struct Problem {
        Page page;
        QString text;
    };

    QWidget *buildConnectionPage();
    QWidget *buildSpeedPage();
    QWidget *buildDhtPage();
    QWidget *buildChokerPage();
    QWidget *buildTrackersPage();
    QWidget *buildDownloadsPage();
    QWidget *buildQueuePage();
    void updateQueueWidgets(); // enabled as the queue's switches say
    QWidget *buildInterfacePage();
    void load(const session::SessionSettings &s);
    QList<Problem> validate() const;
    void revalidate();
    void browseForFolder();

    session::SessionSettings m_current;
    QListWidget *m_pageList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_problemIcon = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QStringList m_problems;
    QIcon m_noProblemIcon; // transparent, of the warning's size

    QSpinBox *m_listenPort = nullptr;
    QLineEdit *m_listenAddress = nullptr;
    QSpinBox *m_maxConnections = nullptr;
    QSpinBox *m_maxPerTorrent = nullptr;
    QSpinBox *m_downloadLimit = nullptr; // KiB/s, 0 = unlimited
    QSpinBox *m_uploadLimit = nullptr;
    QCheckBox *m_dhtEnabled = nullptr;
    QSpinBox *m_dhtPort = nullptr;
    QPlainTextEdit *m_dhtBootstrap = nullptr;
    QSpinBox *m_regularSlots = nullptr;
    QSpinBox *m_rechokeSeconds = nullptr;
    QSpinBox *m_optimisticSeconds = nullptr;
    QCheckBox *m_announce = nullptr;
    QCheckBox *m_trackerEnabled = nullptr;
    QSpinBox *m_trackerPort = nullptr;
    QLineEdit *m_savePath = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_closeToTray = nullptr;
    QCheckBox *m_queueing = nullptr;
    QSpinBox *m_maxActiveDownloads = nullptr; // -1: unlimited
    QSpinBox *m_maxActiveSeeds = nullptr;
    QSpinBox *m_maxActiveTorrents = nullptr;
    QCheckBox *m_ignoreSlow = nullptr;
    QSpinBox *m_slowDownload = nullptr; // KiB/s
    QSpinBox *m_slowUpload = nullptr;
    QSpinBox *m_slowSeconds = nullptr;
    QCheckBox *m_inhibitSleep = nullptr;
    QCheckBox *m_pauseOnBattery = nullptr;
};

} // namespace swarmscope::ui
