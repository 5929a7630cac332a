// Storage events, whatever the platform reports them with: which mounted volume holds a path,
// whether it is there, and when that changes. Backends: MountInfoMonitor (Qt only, Linux's
// /proc/self/mountinfo) and, where KF6 Solid is built, SolidStorageMonitor. StoragePolicy uses
// only this.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

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
    // Which backend this is, for logs and the about box ("Solid", "mountinfo").
    virtual QString backendName() const = 0;

signals:
    void availabilityChanged(const QString &mountRoot, bool available);
    // Something asked for this volume to be unmounted: a warning, not a guarantee (only some
    // platforms say so beforehand; the unmount may still fail or never come).
    void teardownRequested(const QString &mountRoot);
};

// `path` absolute and clean, symbolic links resolved through its deepest existing part (mount
// tables list resolved paths); what does not exist yet beneath it is appended as written.
QString resolvedPath(const QString &path);
// The longest of `mountPoints` that contains `path` (both absolute, clean); "/" when none does.
QString longestMountPrefix(const QStringList &mountPoints, const QString &path);

// The best backend here: Solid where it is built and sees the machine's volumes (it also warns
// before an unmount), else /proc/self/mountinfo.
std::unique_ptr<StorageMonitor> createStorageMonitor(QObject *parent = nullptr);

} // namespace swarmscope::storage
