// Whole pieces recently read for seeding, least recently used dropped first, capped in bytes.
// Peers ask for a piece's blocks one after another: reading the piece once with one large read
// per file and serving the following requests from memory saves a disk round trip per block.
#pragma once

#include "storage/diskiotypes.h"

#include <QByteArray>
#include <QHash>

#include <list>

namespace swarmscope::storage {

class PieceCache {
public:
    explicit PieceCache(qint64 capacityBytes);

    // The cached piece, or a null QByteArray. A hit becomes the most recently used.
    QByteArray find(StorageId id, int piece);
    // Pieces bigger than the whole capacity are not kept.
    void insert(StorageId id, int piece, const QByteArray &data);
    void erase(StorageId id, int piece);
    void eraseStorage(StorageId id);

    qint64 capacity() const { return m_capacity; }
    qint64 sizeBytes() const { return m_bytes; }
    int count() const { return int(m_lru.size()); }

private:
    struct Entry {
        quint64 key = 0;
        QByteArray data;
    };
    using List = std::list<Entry>;
    static quint64 keyOf(StorageId id, int piece);
    void eraseAt(List::iterator it);

    qint64 m_capacity;
    qint64 m_bytes = 0;
    List m_lru; // front = most recently used
    QHash<quint64, List::iterator> m_index;
};

} // namespace swarmscope::storage
