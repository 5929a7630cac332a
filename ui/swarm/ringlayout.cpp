#include "swarm/ringlayout.h"

#include <QSet>

#include <cmath>
#include <limits>
#include <numbers>

namespace swarmscope::ui {

namespace {

// `value` with its lowest `bits` bits in reverse order.
int reverseBits(int value, int bits)
{
    int out = 0;
    for (int i = 0; i < bits; ++i)
        out |= ((value >> i) & 1) << (bits - 1 - i);
    return out;
}

int log2Of(int powerOfTwo)
{
    int bits = 0;
    while ((1 << bits) < powerOfTwo)
        ++bits;
    return bits;
}

} // namespace

void RingLayout::update(const QStringList &keys)
{
    const QSet<QString> wanted(keys.begin(), keys.end());
    for (auto it = m_slot.begin(); it != m_slot.end();) {
        if (wanted.contains(it.key()))
            ++it;
        else
            it = m_slot.erase(it);
    }
    shrinkIfPossible();
    for (const QString &key : keys) {
        if (m_slot.contains(key))
            continue;
        if (m_slot.size() >= m_capacity)
            grow();
        m_slot.insert(key, firstFreeSlot());
    }
}

double RingLayout::angleOf(const QString &key) const
{
    const int slot = slotOf(key);
    if (slot < 0)
        return std::numeric_limits<double>::quiet_NaN();
    return 2.0 * std::numbers::pi * slot / m_capacity;
}

void RingLayout::grow()
{
    m_capacity *= 2;
    for (int &slot : m_slot)
        slot *= 2;
}

void RingLayout::shrinkIfPossible()
{
    while (m_capacity > kMinCapacity && m_slot.size() * 4 <= m_capacity) {
        for (int slot : std::as_const(m_slot))
            if (slot % 2 != 0)
                return;
        m_capacity /= 2;
        for (int &slot : m_slot)
            slot /= 2;
    }
}

int RingLayout::firstFreeSlot() const
{
    QList<bool> used(m_capacity, false);
    for (int slot : m_slot)
        used[slot] = true;
    const int bits = log2Of(m_capacity);
    for (int i = 0; i < m_capacity; ++i) {
        const int slot = reverseBits(i, bits);
        if (!used[slot])
            return slot;
    }
    return 0; // unreachable: callers grow first
}

} // namespace swarmscope::ui
