#include "storage/mountinfomonitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>

#include <fcntl.h>
#include <unistd.h>

namespace swarmscope::storage {

namespace {
const QString kProcMountInfo = QStringLiteral("/proc/self/mountinfo");

bool isOctal(char c)
{
    return c >= '0' && c <= '7';
}
} // namespace

QString decodeMountInfoPath(const QByteArray &field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '\\' && i + 3 < field.size() && isOctal(field[i + 1]) && isOctal(field[i + 2])
            && isOctal(field[i + 3])) {
            const int value = (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0');
            if (value <= 0xff) {
                out += char(value);
                i += 3;
                continue;
            }
        }
        out += c;
    }
    // Paths are bytes to the kernel; the local 8-bit codec is what QFile uses for them too.
    return QFile::decodeName(out);
}

MountInfoParse parseMountInfo(const QByteArray &text)
{
    MountInfoParse result;
    QByteArray data = text;
    if (data.size() > kMountInfoMaxBytes) {
        data.truncate(kMountInfoMaxBytes);
        const qsizetype lastNewline = data.lastIndexOf('\n');
        data.truncate(lastNewline < 0 ? 0 : lastNewline + 1); // never half a line
        result.truncated = true;
    }
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        const QByteArray line = data.mid(pos, end - pos);
        pos = end + 1;
        if (line.trimmed().isEmpty())
            continue;
        if (result.mounts.size() >= kMountInfoMaxEntries) {
            result.truncated = true;
            break;
        }
        if (line.size() > kMountInfoMaxLineBytes) {
            ++result.malformedLines;
            continue;
        }
        // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
        const QList<QByteArray> f = line.split(' ');
        const qsizetype dash = f.indexOf(QByteArray("-"), 6);
        bool idOk = false;
        bool parentOk = false;
        MountEntry e;
        if (f.size() >= 6) {
            e.mountId = f[0].toInt(&idOk);
            e.parentId = f[1].toInt(&parentOk);
        }
        if (!idOk || !parentOk || dash < 0 || dash + 2 >= f.size() || !f[2].contains(':')
            || !f[3].startsWith('/') || !f[4].startsWith('/')) {
            ++result.malformedLines;
            continue;
        }
        e.root = decodeMountInfoPath(f[3]);
        e.mountPoint = QDir::cleanPath(decodeMountInfoPath(f[4]));
        e.fsType = QString::fromUtf8(f[dash + 1]);
        e.source = decodeMountInfoPath(f[dash + 2]);
        result.mounts << e;
    }
    return result;
}

MountInfoMonitor::MountInfoMonitor(QObject *parent) : MountInfoMonitor(kProcMountInfo, parent) {}

MountInfoMonitor::MountInfoMonitor(const QString &file, QObject *parent) : StorageMonitor(parent), m_file(file)
{
    if (m_file == kProcMountInfo) {
        m_fd = ::open(QFile::encodeName(m_file).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd >= 0) {
            m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Exception, this);
            connect(m_notifier, &QSocketNotifier::activated, this, &MountInfoMonitor::rescan);
        }
    }
    for (const MountEntry &e : parseMountInfo(readTable()).mounts)
        m_points.insert(e.mountPoint);
}

MountInfoMonitor::~MountInfoMonitor()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray MountInfoMonitor::readTable()
{
    QByteArray out;
    if (m_fd >= 0) {
        // The same open file the notifier watches: reading it from the start gives the new table.
        if (::lseek(m_fd, 0, SEEK_SET) != 0)
            return out;
        char buffer[16384];
        while (out.size() <= kMountInfoMaxBytes) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            out.append(buffer, qsizetype(n));
        }
        return out;
    }
    QFile f(m_file);
    if (f.open(QIODevice::ReadOnly))
        out = f.read(kMountInfoMaxBytes + 1);
    return out;
}

void MountInfoMonitor::rescan()
{
    const MountInfoParse parsed = parseMountInfo(readTable());
    if (parsed.mounts.isEmpty())
        return; // unreadable: keep what we knew rather than report every volume gone
    QSet<QString> now;
    for (const MountEntry &e : parsed.mounts)
        now.insert(e.mountPoint);
    const QSet<QString> gone = m_points - now;
    const QSet<QString> came = now - m_points;
    m_points = now;
    for (const QString &m : gone)
        emit availabilityChanged(m, false);
    for (const QString &m : came)
        emit availabilityChanged(m, true);
}

QString MountInfoMonitor::mountRootOf(const QString &path) const
{
    return longestMountPrefix(m_points.values(), resolvedPath(path));
}

bool MountInfoMonitor::isAvailable(const QString &mountRoot) const
{
    return m_points.contains(QDir::cleanPath(mountRoot));
}

} // namespace swarmscope::storage
