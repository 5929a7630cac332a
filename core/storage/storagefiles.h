// One torrent's files on disk, as seen by one worker thread: positioned reads and writes of
// ranges of the torrent's byte stream, files created lazily (sparse, at full size) inside the
// save folder, and fsync of what was written. Not thread-safe: each worker has its own copy.
#pragma once

#include "storage/diskiotypes.h"
#include "storage/filecache.h"

#include <QByteArrayView>
#include <QSet>

namespace swarmscope::storage {

class StorageFiles {
public:
    StorageFiles(StorageId id, StorageSpec spec, FileCache *files);

    StorageId id() const { return m_id; }
    const FileLayout &layout() const { return m_spec.layout; }
    QByteArray pieceHash(int piece) const;
    QString savePath() const { return m_spec.savePath; }
    QString filePath(int fileIndex) const; // absolute, '/' separators

    void setFilePriorities(const QList<quint8> &priorities) { m_spec.filePriority = priorities; }
    bool isSkipped(int fileIndex) const;
    // Skipped files are never written: a piece sharing bytes with one cannot be read back.
    bool pieceTouchesSkipped(int piece) const;
    bool saveFolderExists() const;

    // Reads [offset, offset + length) of the torrent into `out`. Pad files read as zeros.
    // Missing: a file does not exist or is shorter than the layout says.
    IoStatus read(qint64 offset, qint64 length, char *out);
    // Writes `data` at `offset` of the torrent, creating files on first use. Slices that fall in
    // pad files or skipped files are left out.
    IoStatus write(qint64 offset, QByteArrayView data);
    // Makes every file written since the last sync durable (fsync).
    IoStatus sync();
    // Closes this storage's handles (after the user fixed an error, or on removal).
    void closeFiles();

private:
    IoStatus openForRead(int fileIndex, QFile **file);
    IoStatus openForWrite(int fileIndex, QFile **file);
    IoStatus makeParentFolder(int fileIndex);
    QString displayPath(int fileIndex) const;

    StorageId m_id;
    StorageSpec m_spec;
    FileCache *m_files;
    QList<bool> m_inside; // per file: its path stays inside the save folder
    QSet<int> m_dirty;    // written since the last sync
};

} // namespace swarmscope::storage
