#include "storage/piececache.h"

namespace swarmscope::storage {

PieceCache::PieceCache(qint64 capacityBytes) : m_capacity(capacityBytes < 0 ? 0 : capacityBytes) {}

quint64 PieceCache::keyOf(StorageId id, int piece)
{
    return (quint64(quint32(id)) << 32) | quint32(piece);
}

QByteArray PieceCache::find(StorageId id, int piece)
{
    const auto found = m_index.constFind(keyOf(id, piece));
    if (found == m_index.constEnd())
        return {};
    m_lru.splice(m_lru.begin(), m_lru, *found);
    return m_lru.front().data;
}

void PieceCache::insert(StorageId id, int piece, const QByteArray &data)
{
    erase(id, piece);
    if (data.isEmpty() || data.size() > m_capacity)
        return;
    while (m_bytes + data.size() > m_capacity && !m_lru.empty())
        eraseAt(std::prev(m_lru.end()));
    const quint64 key = keyOf(id, piece);
    m_lru.push_front(Entry{key, data});
    m_index.insert(key, m_lru.begin());
    m_bytes += data.size();
}

void PieceCache::eraseAt(List::iterator it)
{
    m_bytes -= it->data.size();
    m_index.remove(it->key);
    m_lru.erase(it);
}

void PieceCache::erase(StorageId id, int piece)
{
    if (const auto found = m_index.constFind(keyOf(id, piece)); found != m_index.constEnd())
        eraseAt(*found);
}

void PieceCache::eraseStorage(StorageId id)
{
    for (auto it = m_lru.begin(); it != m_lru.end();) {
        const auto next = std::next(it);
        if (quint32(it->key >> 32) == quint32(id))
            eraseAt(it);
        it = next;
    }
}

} // namespace swarmscope::storage
