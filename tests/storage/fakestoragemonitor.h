// A StorageMonitor for tests: volumes are added, removed and warned about by hand.
#pragma once

#include "storage/mountinfomonitor.h"
#include "storage/storagemonitor.h"

#include <QDir>
#include <QSet>
#include <QStringList>

namespace swarmscope::testutil {

class FakeStorageMonitor : public storage::StorageMonitor {
    Q_OBJECT
public:
    explicit FakeStorageMonitor(QObject *parent = nullptr) : StorageMonitor(parent) { m_mounted.insert(QStringLiteral("/")); }

    // Paths are taken as written (no links to resolve in a fake tree).
    QString mountRootOf(const QString &path) const override
    {
        return storage::longestMountPrefix(m_mounted.values(), QDir::cleanPath(path));
    }
    bool isAvailable(const QString &mountRoot) const override { return m_mounted.contains(mountRoot); }
    QString backendName() const override { return QStringLiteral("fake"); }

    void plug(const QString &mountPoint)
    {
        if (!m_mounted.contains(mountPoint)) {
            m_mounted.insert(mountPoint);
            emit availabilityChanged(mountPoint, true);
        }
    }
    void unplug(const QString &mountPoint)
    {
        if (m_mounted.remove(mountPoint))
            emit availabilityChanged(mountPoint, false);
    }
    void warnTeardown(const QString &mountPoint) { emit teardownRequested(mountPoint); }

private:
    QSet<QString> m_mounted;
};

} // namespace swarmscope::testutil
