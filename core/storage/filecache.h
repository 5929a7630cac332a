// A capped set of open file handles, least recently used closed first. One per worker thread:
// a QFile is only ever used by the thread that opened it, so seek+read/write on it is safe.
#pragma once

#include "storage/diskiotypes.h"

#include <QFile>
#include <QHash>

#include <list>
#include <memory>

namespace swarmscope::storage {

class FileCache {
public:
    explicit FileCache(int maxOpen = 64);
    ~FileCache();
    FileCache(const FileCache &) = delete;
    FileCache &operator=(const FileCache &) = delete;

    // The open handle for (id, fileIndex), opening `path` when needed. A writable request
    // replaces a read-only handle; opening for writing creates the file when it is missing
    // (the caller has made its folder and checked it is allowed to). Returns nullptr with the
    // OS reason in `error` when the file cannot be opened.
    QFile *acquire(StorageId id, int fileIndex, const QString &path, bool writable, QString *error);

    // True when a handle is open (and writable, when asked), without touching the LRU order.
    bool contains(StorageId id, int fileIndex, bool writable) const;
    void close(StorageId id, int fileIndex);
    void closeStorage(StorageId id);
    void closeAll();

    int openCount() const { return int(m_lru.size()); }
    int maxOpen() const { return m_maxOpen; }

private:
    struct Entry {
        quint64 key = 0;
        bool writable = false;
        std::unique_ptr<QFile> file;
    };
    using List = std::list<Entry>;
    static quint64 keyOf(StorageId id, int fileIndex);
    void erase(List::iterator it);

    int m_maxOpen;
    List m_lru; // front = most recently used
    QHash<quint64, List::iterator> m_index;
};

} // namespace swarmscope::storage
