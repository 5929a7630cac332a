#include "swarm/rarityindex.h"

#include <utility>

namespace swarmscope::swarm {

RarityIndex::RarityIndex(int pieceCount, int levels)
    : m_buckets(levels), m_pos(pieceCount, -1), m_count(pieceCount, 0), m_level(pieceCount, -1),
      m_levelSize(levels, 0)
{
}

void RarityIndex::insert(int piece, int level, int count, std::mt19937 &rng)
{
    auto &byCount = m_buckets[level];
    if (count >= int(byCount.size()))
        byCount.resize(count + 1);
    std::vector<int> &bucket = byCount[count];
    bucket.push_back(piece);
    const int last = int(bucket.size()) - 1;
    const int slot = std::uniform_int_distribution<int>(0, last)(rng);
    std::swap(bucket[slot], bucket[last]);
    m_pos[bucket[last]] = last;
    m_pos[bucket[slot]] = slot;
    m_count[piece] = count;
    m_level[piece] = level;
    ++m_levelSize[level];
}

void RarityIndex::erase(int piece)
{
    const int pos = m_pos[piece];
    if (pos < 0)
        return;
    std::vector<int> &bucket = m_buckets[m_level[piece]][m_count[piece]];
    const int moved = bucket.back();
    bucket[pos] = moved;
    m_pos[moved] = pos;
    bucket.pop_back();
    m_pos[piece] = -1;
    --m_levelSize[m_level[piece]];
    m_level[piece] = -1;
}

void RarityIndex::setCount(int piece, int count, std::mt19937 &rng)
{
    if (m_pos[piece] < 0 || m_count[piece] == count)
        return;
    const int level = m_level[piece];
    erase(piece);
    insert(piece, level, count, rng);
}

} // namespace swarmscope::swarm
