#include "storage/solidstoragemonitor.h"

#include <Solid/Device>
#include <Solid/DeviceNotifier>
#include <Solid/StorageAccess>

#include <QDir>

namespace swarmscope::storage {

namespace {
QString cleanRoot(const QString &filePath)
{
    return filePath.isEmpty() ? QString() : resolvedPath(filePath);
}
} // namespace

SolidStorageMonitor::SolidStorageMonitor(QObject *parent) : StorageMonitor(parent)
{
    const QList<Solid::Device> devices = Solid::Device::listFromType(Solid::DeviceInterface::StorageAccess);
    for (const Solid::Device &device : devices)
        watch(device.udi());
    Solid::DeviceNotifier *notifier = Solid::DeviceNotifier::instance();
    connect(notifier, &Solid::DeviceNotifier::deviceAdded, this, [this](const QString &udi) {
        const Solid::Device device(udi);
        if (!device.is<Solid::StorageAccess>())
            return;
        watch(udi);
        const Volume v = m_volumes.value(udi);
        if (v.accessible && !v.mountRoot.isEmpty())
            emit availabilityChanged(v.mountRoot, true);
    });
    connect(notifier, &Solid::DeviceNotifier::deviceRemoved, this, &SolidStorageMonitor::forget);
}

void SolidStorageMonitor::watch(const QString &udi)
{
    Solid::Device device(udi);
    auto *access = device.as<Solid::StorageAccess>();
    if (!access)
        return;
    Volume v = m_volumes.value(udi);
    v.accessible = access->isAccessible();
    if (v.accessible)
        v.mountRoot = cleanRoot(access->filePath());
    m_volumes.insert(udi, v);
    // The interface object lives as long as Solid's shared device data; a device that is
    // re-added later gets a new one, connected again here.
    connect(access, &Solid::StorageAccess::accessibilityChanged, this, &SolidStorageMonitor::onAccessibilityChanged,
            Qt::UniqueConnection);
    connect(access, &Solid::StorageAccess::teardownRequested, this, &SolidStorageMonitor::onTeardownRequested,
            Qt::UniqueConnection);
}

void SolidStorageMonitor::forget(const QString &udi)
{
    const auto it = m_volumes.find(udi);
    if (it == m_volumes.end())
        return;
    // Kept, unmounted, so its mount root stays known as missing until it comes back.
    const bool wasMounted = it->accessible;
    it->accessible = false;
    // Unplugged without an unmount first (a yanked USB stick): the mount is gone all the same.
    if (wasMounted && !it->mountRoot.isEmpty() && !anyMountedAt(it->mountRoot))
        emit availabilityChanged(it->mountRoot, false);
}

void SolidStorageMonitor::onAccessibilityChanged(bool accessible, const QString &udi)
{
    const auto it = m_volumes.find(udi);
    if (it == m_volumes.end())
        return;
    Volume &v = *it;
    const QString before = v.mountRoot;
    v.accessible = accessible;
    if (accessible) {
        // Mounted again, maybe elsewhere (/media/user/LABEL1 when LABEL was taken).
        const Solid::Device device(udi);
        if (const auto *access = device.as<Solid::StorageAccess>()) {
            const QString now = cleanRoot(access->filePath());
            if (!now.isEmpty())
                v.mountRoot = now;
        }
        if (!v.mountRoot.isEmpty())
            emit availabilityChanged(v.mountRoot, true);
    } else if (!before.isEmpty() && !anyMountedAt(before)) {
        emit availabilityChanged(before, false);
    }
}

void SolidStorageMonitor::onTeardownRequested(const QString &udi)
{
    const Volume v = m_volumes.value(udi);
    if (v.accessible && !v.mountRoot.isEmpty())
        emit teardownRequested(v.mountRoot);
}

bool SolidStorageMonitor::anyMountedAt(const QString &mountRoot) const
{
    for (const Volume &v : m_volumes)
        if (v.accessible && v.mountRoot == mountRoot)
            return true;
    return false;
}

QString SolidStorageMonitor::mountRootOf(const QString &path) const
{
    QStringList roots;
    for (const Volume &v : m_volumes)
        if (v.accessible && !v.mountRoot.isEmpty())
            roots << v.mountRoot;
    return longestMountPrefix(roots, resolvedPath(path));
}

bool SolidStorageMonitor::isAvailable(const QString &mountRoot) const
{
    const QString root = QDir::cleanPath(mountRoot);
    bool known = false;
    for (const Volume &v : m_volumes) {
        if (v.mountRoot != root)
            continue;
        if (v.accessible)
            return true;
        known = true;
    }
    // "/" and anything Solid does not list (a tmpfs, a bind mount) are taken as there: only a
    // volume Solid saw mounted can be missing.
    return !known;
}

} // namespace swarmscope::storage
