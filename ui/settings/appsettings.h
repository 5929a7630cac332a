// The app's persistent settings: what the user chose for the engine, and a few UI choices.
//
// Stored with QSettings under organization and application "Swarmscope" (or in an INI file, for
// tests and portable installs). Only the SessionSettings fields the user controls are stored;
// everything else keeps the engine's defaults. Values that are missing or out of range (a hand-
// edited file, an older version) read as the defaults, never as something the engine would
// refuse. A QObject so that parts which follow a setting live (power) hear of its changes.
#pragma once

#include "session/sessionsettings.h"

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace swarmscope::ui {

class AppSettings : public QObject {
    Q_OBJECT
public:
    // The user's settings: QSettings("Swarmscope", "Swarmscope"), native format.
    explicit AppSettings(QObject *parent = nullptr);
    // An INI file of one's own (tests, a portable profile).
    explicit AppSettings(const QString &iniFile, QObject *parent = nullptr);
    ~AppSettings() override;
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    // SessionSettings' defaults overlaid with what was saved; the default save folder falls
    // back to the system's download folder.
    session::SessionSettings sessionSettings() const;
    // Saves the user-controlled fields of `settings`; the others are not stored.
    void setSessionSettings(const session::SessionSettings &settings);

    // The tracker the app can run for its own torrents; the same as sessionSettings()'s
    // embeddedTracker fields, for callers that want only these.
    bool embeddedTracker() const;
    quint16 embeddedTrackerPort() const;
    void setEmbeddedTracker(bool enabled, quint16 port);

    // The folder the add dialog offers: the last one chosen, else the default save folder.
    QString lastSaveFolder() const;
    void setLastSaveFolder(const QString &folder);

    // A locale name such as "de_DE"; empty: the system's language.
    QString language() const;
    void setLanguage(const QString &language);

    // Closing the main window hides it to the system tray (when there is one); default off.
    bool closeToTray() const;
    void setCloseToTray(bool enabled);

    // Power: keep the machine awake while torrents download (default on); pause the running
    // torrents while on battery and resume them on mains power (default off). Setting either
    // emits powerSettingsChanged() when it changes, so the app applies it at once.
    bool inhibitSleep() const;
    void setInhibitSleep(bool enabled);
    bool pauseOnBattery() const;
    void setPauseOnBattery(bool enabled);

    void sync(); // writes pending changes now (they are written on destruction anyway)

    // The same store, for what the widgets keep themselves (window geometry, header states):
    // everything lands in one file, the INI file too when one was given.
    QSettings &store() { return *m_settings; }

    static QString systemDownloadFolder();

signals:
    void powerSettingsChanged();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace swarmscope::ui
