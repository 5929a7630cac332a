#include "storage/storagemonitor.h"

#include "storage/mountinfomonitor.h"
#ifdef SWARMSCOPE_HAVE_SOLID
#include "storage/solidstoragemonitor.h"
#endif

#include <QDir>
#include <QFileInfo>

namespace swarmscope::storage {

QString resolvedPath(const QString &path)
{
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QString rest;
    while (!existing.isEmpty() && !QFileInfo::exists(existing) && existing != QLatin1String("/")) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        rest.prepend(existing.mid(slash));
        existing = slash > 0 ? existing.left(slash) : QStringLiteral("/");
    }
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    return QDir::cleanPath((canonical.isEmpty() ? existing : canonical) + rest);
}

QString longestMountPrefix(const QStringList &mountPoints, const QString &path)
{
    QString best = QStringLiteral("/");
    for (const QString &m : mountPoints) {
        if (m.size() <= best.size())
            continue;
        // A prefix at a path component boundary: /media/usb holds /media/usb/x, not /media/usb2.
        if (path == m || (path.startsWith(m) && path.at(m.size()) == QLatin1Char('/')))
            best = m;
    }
    return best;
}

std::unique_ptr<StorageMonitor> createStorageMonitor(QObject *parent)
{
#ifdef SWARMSCOPE_HAVE_SOLID
    // Without UDisks (no system bus, a container) Solid lists no volume at all: it would then
    // see nothing go away, so the kernel's table is the better witness.
    auto solid = std::make_unique<SolidStorageMonitor>(parent);
    if (solid->volumeCount() > 0)
        return solid;
#endif
    return std::make_unique<MountInfoMonitor>(parent);
}

} // namespace swarmscope::storage
