// A battery and a sleep inhibitor for tests: the battery is switched by hand, the inhibitor
// records every call it gets.
#pragma once

#include "power/batterymonitor.h"
#include "power/sleepinhibitor.h"

#include <QList>
#include <QString>

namespace swarmscope::testutil {

class FakeBatteryMonitor : public power::BatteryMonitor {
    Q_OBJECT
public:
    using BatteryMonitor::BatteryMonitor;
    bool isKnown() const override { return m_known; }
    bool onBattery() const override { return m_onBattery; }

    // Like a backend: emits on a change only (of the value, or of whether it is known; a
    // fake can claim "unknown yet on battery", which the policy must not believe).
    void set(bool known, bool onBattery)
    {
        if (m_known != known || m_onBattery != onBattery) {
            m_known = known;
            m_onBattery = onBattery;
            emit onBatteryChanged(onBattery);
        }
    }
    // A backend that repeats itself (a property re-read): the policy must not act twice.
    void repeat() { emit onBatteryChanged(m_onBattery); }

private:
    bool m_known = true;
    bool m_onBattery = false;
};

class FakeSleepInhibitor : public power::SleepInhibitor {
    Q_OBJECT
public:
    struct Call {
        bool on;
        QString reason;
    };
    using SleepInhibitor::SleepInhibitor;
    void setInhibited(bool on, const QString &reason) override
    {
        calls.append({on, reason});
        if (m_on != on) {
            m_on = on;
            emit inhibitedChanged(on);
        }
    }
    bool isInhibited() const override { return m_on; }

    QList<Call> calls;

private:
    bool m_on = false;
};

} // namespace swarmscope::testutil
