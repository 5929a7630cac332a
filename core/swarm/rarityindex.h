// The order in which the piece picker considers new pieces: by priority level (highest first),
// then by availability (rarest first), ties in random order.
//
// Pieces sit in buckets keyed by (level, count). A bucket is a vector kept in uniformly random
// order: an insert appends and swaps with a random slot (one step of an inside-out Fisher-Yates
// shuffle), an erase swaps with the last. So an availability change moves one piece in O(1),
// and walking the buckets in order yields rarest-first with random tie-breaking without ever
// sorting.
#pragma once

#include <random>
#include <vector>

namespace swarmscope::swarm {

class RarityIndex {
public:
    RarityIndex() = default;
    RarityIndex(int pieceCount, int levels);

    bool contains(int piece) const { return m_pos[piece] >= 0; }
    int levelOf(int piece) const { return m_level[piece]; }
    int countOf(int piece) const { return m_count[piece]; }
    int levelSize(int level) const { return m_levelSize[level]; }

    // `piece` must not be contained; 0 <= level < levels, count >= 0.
    void insert(int piece, int level, int count, std::mt19937 &rng);
    void erase(int piece);
    // Moves a contained piece to another count at the same level.
    void setCount(int piece, int count, std::mt19937 &rng);

    // Calls f(piece) in picking order until it returns true; returns whether it did. `f` must
    // not change the index.
    template <typename F>
    bool visit(F &&f) const
    {
        for (int level = int(m_buckets.size()) - 1; level >= 0; --level)
            if (visitLevel(level, f))
                return true;
        return false;
    }

    template <typename F>
    bool visitLevel(int level, F &&f) const
    {
        if (m_levelSize[level] == 0)
            return false;
        for (const std::vector<int> &bucket : m_buckets[level])
            for (int piece : bucket)
                if (f(piece))
                    return true;
        return false;
    }

private:
    std::vector<std::vector<std::vector<int>>> m_buckets; // [level][count] -> pieces
    std::vector<int> m_pos;   // index in its bucket, -1 when not contained
    std::vector<int> m_count; // bucket count it was filed under
    std::vector<int> m_level;
    std::vector<int> m_levelSize;
};

} // namespace swarmscope::swarm
