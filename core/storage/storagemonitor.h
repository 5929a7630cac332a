// Storage events, whatever the platform reports them with: which mounted volume holds a path,
// whether it is there, and when that changes. Backends: MountInfoMonitor (Qt only, Linux's
// /proc/self/mountinfo) and, where KF6 Solid is built, a Solid one. StoragePolicy uses only this.
#pragma once

#include <QObject>
#include <QString>

namespace swarmscope::storage {

class StorageMonitor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The mount point of the volume holding `path` (the longest mounted prefix of it, taken
    // after resolving symbolic links). A path on no known volume gives the root "/".
    virtual QString mountRootOf(const QString &path) const = 0;
    // Whether the volume mounted at `mountRoot` is mounted now.
    virtual bool isAvailable(const QString &mountRoot) const = 0;

signals:
    void availabilityChanged(const QString &mountRoot, bool available);
    // Something asked for this volume to be unmounted: a warning, not a guarantee (only some
    // platforms say so beforehand; the unmount may still fail or never come).
    void teardownRequested(const QString &mountRoot);
};

} // namespace swarmscope::storage
