// Stable places on a circle for a changing set of neighbours.
//
// The circle has a power-of-two number of slots; each key keeps its slot while it stays.
// When more keys arrive than slots exist the slot count doubles and slot i becomes 2i, which is
// the same angle, so nobody moves; it halves back (i -> i/2, again the same angle) once few
// keys remain and all of them sit on even slots. Newcomers take the free slot that comes first
// in bit-reversed order (0, 1/2, 1/4, 3/4, ...), which spreads them around the circle.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace swarmscope::ui {

class RingLayout {
public:
    static constexpr int kMinCapacity = 8;

    // Makes `keys` the set on the circle (order only decides which newcomer is placed first).
    void update(const QStringList &keys);

    bool contains(const QString &key) const { return m_slot.contains(key); }
    int slotOf(const QString &key) const { return m_slot.value(key, -1); }
    int capacity() const { return m_capacity; }
    int size() const { return static_cast<int>(m_slot.size()); }

    // Angle in radians, 0 at the top, clockwise on screen; NaN for an unknown key.
    double angleOf(const QString &key) const;

private:
    void grow();
    void shrinkIfPossible();
    int firstFreeSlot() const;

    QHash<QString, int> m_slot;
    int m_capacity = kMinCapacity;
};

} // namespace swarmscope::ui
