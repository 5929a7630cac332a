// The Qt-only storage backend (Linux): reads /proc/self/mountinfo, and re-reads it when the
// kernel flags a change of the mount table (POLLPRI on the open file, which a QSocketNotifier of
// type Exception sees), then reports mount points that appeared or went away.
#pragma once

#include "storage/storagemonitor.h"

#include <QList>
#include <QSet>
#include <QStringList>

class QSocketNotifier;

namespace swarmscope::storage {

// One line of mountinfo (proc(5)); paths with their octal escapes (\040 ...) decoded.
struct MountEntry {
    int mountId = 0;
    int parentId = 0;
    QString root;       // the directory of the filesystem mounted here ("/" unless a bind mount)
    QString mountPoint; // where it is mounted
    QString fsType;
    QString source;
};

struct MountInfoParse {
    QList<MountEntry> mounts;
    int malformedLines = 0; // skipped
    bool truncated = false; // a limit was hit: what follows it was not read
};

// Limits keep a hostile or runaway table from costing more than a bounded amount of memory.
constexpr qsizetype kMountInfoMaxBytes = 4 * 1024 * 1024;
constexpr qsizetype kMountInfoMaxLineBytes = 16 * 1024;
constexpr int kMountInfoMaxEntries = 20000;

MountInfoParse parseMountInfo(const QByteArray &text);
// \ooo octal escapes as the kernel writes them for space, tab, newline and backslash.
QString decodeMountInfoPath(const QByteArray &field);

class MountInfoMonitor : public StorageMonitor {
    Q_OBJECT
public:
    // `file` is /proc/self/mountinfo normally; a test gives a fixture and calls rescan() itself.
    explicit MountInfoMonitor(QObject *parent = nullptr);
    explicit MountInfoMonitor(const QString &file, QObject *parent = nullptr);
    ~MountInfoMonitor() override;

    QString mountRootOf(const QString &path) const override;
    bool isAvailable(const QString &mountRoot) const override;
    QString backendName() const override { return QStringLiteral("mountinfo"); }
    QStringList mountPoints() const { return m_points.values(); }
    // Whether the kernel's change notification is on (false for a fixture, or when it failed).
    bool isWatching() const { return m_notifier != nullptr; }

public slots:
    // Reads the table again and emits availabilityChanged for each mount point that came or went.
    void rescan();

private:
    QByteArray readTable();

    QString m_file;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QSet<QString> m_points;
};

} // namespace swarmscope::storage
