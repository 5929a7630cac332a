#include "storage/storagefiles.h"

#include "metainfo/pathsanitizer.h"

#include <QDir>
#include <QFileInfo>

#include <cstring>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

namespace swarmscope::storage {

namespace {

std::filesystem::path toFsPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

} // namespace

StorageFiles::StorageFiles(StorageId id, StorageSpec spec, FileCache *files)
    : m_id(id), m_spec(std::move(spec)), m_files(files)
{
    m_inside.reserve(m_spec.layout.fileCount());
    for (int i = 0; i < m_spec.layout.fileCount(); ++i)
        m_inside.append(metainfo::isInsideFolder(m_spec.savePath, m_spec.layout.file(i).path));
}

QByteArray StorageFiles::pieceHash(int piece) const
{
    return m_spec.pieceHashes.mid(qsizetype(piece) * 20, 20);
}

QString StorageFiles::filePath(int fileIndex) const
{
    return QDir(m_spec.savePath).filePath(m_spec.layout.file(fileIndex).path);
}

QString StorageFiles::displayPath(int fileIndex) const
{
    return QDir::toNativeSeparators(filePath(fileIndex));
}

bool StorageFiles::isSkipped(int fileIndex) const
{
    return fileIndex >= 0 && fileIndex < m_spec.filePriority.size() && m_spec.filePriority[fileIndex] == 0;
}

bool StorageFiles::pieceTouchesSkipped(int piece) const
{
    for (const FileSlice &s : m_spec.layout.pieceSlices(piece))
        if (isSkipped(s.fileIndex) && !m_spec.layout.file(s.fileIndex).padFile)
            return true;
    return false;
}

bool StorageFiles::saveFolderExists() const
{
    return QFileInfo(m_spec.savePath).isDir();
}

IoStatus StorageFiles::openForRead(int fileIndex, QFile **file)
{
    if (!m_inside[fileIndex])
        return IoStatus::invalid(QStringLiteral("Refusing to read '%1': it lies outside the save folder")
                                     .arg(displayPath(fileIndex)));
    const QString path = filePath(fileIndex);
    QString reason;
    *file = m_files->acquire(m_id, fileIndex, path, false, &reason);
    if (*file)
        return IoStatus::ok();
    if (!QFileInfo::exists(path))
        return IoStatus::missing(QStringLiteral("'%1' does not exist").arg(displayPath(fileIndex)));
    return IoStatus::fault(QStringLiteral("Cannot open '%1' for reading: %2").arg(displayPath(fileIndex), reason));
}

IoStatus StorageFiles::makeParentFolder(int fileIndex)
{
    // Only below the save folder, which must exist already: on an unmounted disk the mount
    // point is an empty folder on another disk, and filling it would hide the real problem.
    if (!saveFolderExists())
        return IoStatus::fault(QStringLiteral("Save folder '%1' does not exist (is its disk mounted?)")
                                   .arg(QDir::toNativeSeparators(m_spec.savePath)));
    const QString parent = QFileInfo(filePath(fileIndex)).absolutePath();
    std::error_code ec;
    std::filesystem::create_directories(toFsPath(parent), ec);
    if (ec)
        return IoStatus::fault(QStringLiteral("Cannot create folder '%1': %2")
                                   .arg(QDir::toNativeSeparators(parent), QString::fromLocal8Bit(ec.message())));
    return IoStatus::ok();
}

IoStatus StorageFiles::openForWrite(int fileIndex, QFile **file)
{
    if (!m_inside[fileIndex])
        return IoStatus::fault(QStringLiteral("Refusing to write '%1': it lies outside the save folder")
                                   .arg(displayPath(fileIndex)));
    const QString path = filePath(fileIndex);
    QString reason;
    if (m_files->contains(m_id, fileIndex, true)) { // the common case: no extra system calls
        *file = m_files->acquire(m_id, fileIndex, path, true, &reason);
        return IoStatus::ok();
    }
    *file = nullptr;
    if (!QFileInfo::exists(path)) {
        // Checked on every open, not only the first: the disk may have gone away meanwhile.
        if (const IoStatus st = makeParentFolder(fileIndex); !st.isOk())
            return st;
    }
    *file = m_files->acquire(m_id, fileIndex, path, true, &reason);
    if (!*file)
        return IoStatus::fault(QStringLiteral("Cannot open '%1' for writing: %2").arg(displayPath(fileIndex), reason));
    // Full size at once, sparse where the file system allows: later writes cannot run out of
    // room in the middle of a file's metadata, and a short file is recognisable as incomplete.
    const qint64 wanted = m_spec.layout.file(fileIndex).size;
    if ((*file)->size() < wanted && !(*file)->resize(wanted)) {
        const QString err = (*file)->errorString();
        m_files->close(m_id, fileIndex);
        *file = nullptr;
        return IoStatus::fault(QStringLiteral("Cannot set the size of '%1': %2").arg(displayPath(fileIndex), err));
    }
    return IoStatus::ok();
}

IoStatus StorageFiles::read(qint64 offset, qint64 length, char *out)
{
    const QList<FileSlice> slices = m_spec.layout.slices(offset, length);
    if (slices.isEmpty())
        return IoStatus::invalid(QStringLiteral("Read outside the torrent (%1 bytes at %2)").arg(length).arg(offset));
    for (const FileSlice &s : slices) {
        char *dst = out + s.bufferOffset;
        if (m_spec.layout.file(s.fileIndex).padFile) {
            std::memset(dst, 0, size_t(s.length));
            continue;
        }
        QFile *file = nullptr;
        if (const IoStatus st = openForRead(s.fileIndex, &file); !st.isOk())
            return st;
        if (!file->seek(s.fileOffset))
            return IoStatus::fault(QStringLiteral("Cannot read '%1': %2").arg(displayPath(s.fileIndex), file->errorString()));
        qint64 done = 0;
        while (done < s.length) {
            const qint64 n = file->read(dst + done, s.length - done);
            if (n > 0) {
                done += n;
                continue;
            }
            if (s.fileOffset + done >= file->size())
                return IoStatus::missing(QStringLiteral("'%1' is shorter than expected").arg(displayPath(s.fileIndex)));
            return IoStatus::fault(QStringLiteral("Cannot read '%1': %2").arg(displayPath(s.fileIndex), file->errorString()));
        }
    }
    return IoStatus::ok();
}

IoStatus StorageFiles::write(qint64 offset, QByteArrayView data)
{
    const QList<FileSlice> slices = m_spec.layout.slices(offset, data.size());
    if (slices.isEmpty())
        return IoStatus::invalid(QStringLiteral("Write outside the torrent (%1 bytes at %2)").arg(data.size()).arg(offset));
    for (const FileSlice &s : slices) {
        if (m_spec.layout.file(s.fileIndex).padFile || isSkipped(s.fileIndex))
            continue;
        QFile *file = nullptr;
        if (const IoStatus st = openForWrite(s.fileIndex, &file); !st.isOk())
            return st;
        m_dirty.insert(s.fileIndex);
        const qint64 n = file->seek(s.fileOffset) ? file->write(data.data() + s.bufferOffset, s.length) : -1;
        if (n != s.length)
            return IoStatus::fault(QStringLiteral("Cannot write to '%1': %2").arg(displayPath(s.fileIndex), file->errorString()));
    }
    return IoStatus::ok();
}

IoStatus StorageFiles::sync()
{
    const QList<int> dirty = m_dirty.values();
    for (int fileIndex : dirty) {
        QFile *file = nullptr;
        if (const IoStatus st = openForWrite(fileIndex, &file); !st.isOk())
            return st;
#ifdef Q_OS_UNIX
        // fsync works on any descriptor of the file, so files whose handle was closed (evicted
        // from the cache) since they were written are covered by reopening them.
        if (::fsync(file->handle()) != 0)
            return IoStatus::fault(QStringLiteral("Cannot flush '%1' to disk: %2").arg(displayPath(fileIndex), qt_error_string(errno)));
#endif
        // Elsewhere: writes were handed to the OS when they returned (unbuffered QFile); Qt 6.4
        // offers no portable fsync, so durability is left to the OS there.
        m_dirty.remove(fileIndex);
    }
    return IoStatus::ok();
}

void StorageFiles::closeFiles()
{
    m_files->closeStorage(m_id);
}

} // namespace swarmscope::storage
