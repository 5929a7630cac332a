#include "storage/filecache.h"

#include <algorithm>

namespace swarmscope::storage {

FileCache::FileCache(int maxOpen) : m_maxOpen(std::max(1, maxOpen)) {}

FileCache::~FileCache() = default;

quint64 FileCache::keyOf(StorageId id, int fileIndex)
{
    return (quint64(quint32(id)) << 32) | quint32(fileIndex);
}

QFile *FileCache::acquire(StorageId id, int fileIndex, const QString &path, bool writable,
                          QString *error)
{
    const quint64 key = keyOf(id, fileIndex);
    if (const auto found = m_index.constFind(key); found != m_index.constEnd()) {
        const List::iterator it = *found;
        if (writable && !it->writable) {
            erase(it); // reopened read-write below
        } else {
            m_lru.splice(m_lru.begin(), m_lru, it);
            return it->file.get();
        }
    }

    auto file = std::make_unique<QFile>(path);
    // Unbuffered: a write has reached the OS when write() returns, and large piece reads are
    // not copied through QFile's own buffer.
    const QIODevice::OpenMode mode =
        (writable ? QIODevice::ReadWrite : QIODevice::ReadOnly) | QIODevice::Unbuffered;
    if (!file->open(mode)) {
        if (error)
            *error = file->errorString();
        return nullptr;
    }
    while (int(m_lru.size()) >= m_maxOpen)
        erase(std::prev(m_lru.end()));
    m_lru.push_front(Entry{key, writable, std::move(file)});
    m_index.insert(key, m_lru.begin());
    return m_lru.front().file.get();
}

void FileCache::erase(List::iterator it)
{
    m_index.remove(it->key);
    m_lru.erase(it); // QFile's destructor closes the handle
}

bool FileCache::contains(StorageId id, int fileIndex, bool writable) const
{
    const auto found = m_index.constFind(keyOf(id, fileIndex));
    return found != m_index.constEnd() && (!writable || (*found)->writable);
}

void FileCache::close(StorageId id, int fileIndex)
{
    if (const auto found = m_index.constFind(keyOf(id, fileIndex)); found != m_index.constEnd())
        erase(*found);
}

void FileCache::closeStorage(StorageId id)
{
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        if (quint32(it->key >> 32) == quint32(id)) {
            m_index.remove(it->key);
            it = m_lru.erase(it);
        } else {
            ++it;
        }
    }
}

void FileCache::closeAll()
{
    m_index.clear();
    m_lru.clear();
}

} // namespace swarmscope::storage
