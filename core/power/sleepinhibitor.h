// Keeping the machine awake while there is work to finish, whatever does it: login1 or the
// freedesktop PowerManagement service over D-Bus (ui/power). The power policy uses only this,
// so it is tested with a fake.
#pragma once

#include <QObject>
#include <QString>

namespace swarmscope::power {

class SleepInhibitor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Asks the system not to sleep (on) or stops asking (off). `reason` is what the desktop
    // shows the user; calling again with another reason while on replaces it. May act
    // asynchronously: isInhibited() follows once the system answered.
    virtual void setInhibited(bool on, const QString &reason) = 0;
    // Whether an inhibition is held now (false when none could be taken: no bus, no service).
    virtual bool isInhibited() const = 0;

signals:
    void inhibitedChanged(bool inhibited);
};

} // namespace swarmscope::power
