// The KDE Solid storage backend (built where KF6 Solid is found): volumes as Solid's
// StorageAccess devices (UDisks2 on Linux), mounted or not, plugged or unplugged, and the
// warning Solid gives before an unmount (teardownRequested), which the mountinfo backend cannot.
#pragma once

#include "storage/storagemonitor.h"

#include <QHash>

namespace swarmscope::storage {

class SolidStorageMonitor : public StorageMonitor {
    Q_OBJECT
public:
    explicit SolidStorageMonitor(QObject *parent = nullptr);

    QString mountRootOf(const QString &path) const override;
    bool isAvailable(const QString &mountRoot) const override;
    QString backendName() const override { return QStringLiteral("Solid"); }

    // How many volumes Solid reported (0 without UDisks or a bus: then this backend is blind).
    int volumeCount() const { return int(m_volumes.size()); }

private:
    struct Volume {
        QString mountRoot; // where it was last seen mounted (kept while unmounted)
        bool accessible = false;
    };

    void watch(const QString &udi);
    void forget(const QString &udi);
    void onAccessibilityChanged(bool accessible, const QString &udi);
    void onTeardownRequested(const QString &udi);
    // Whether another volume with the same mount root is mounted (two devices may share one
    // mount point over time; only the mounted one counts).
    bool anyMountedAt(const QString &mountRoot) const;

    QHash<QString, Volume> m_volumes; // by Solid's device udi; unplugged ones stay, unmounted
};

} // namespace swarmscope::storage
