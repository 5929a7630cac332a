// A fixed-size set of piece indices, stored the way BEP 3's bitfield message sends it:
// piece 0 is the high bit of the first byte; spare bits at the end are zero.
#pragma once

#include <QByteArray>

#include <optional>

namespace swarmscope {

class Bitfield {
public:
    Bitfield() = default;
    explicit Bitfield(int size, bool value = false);

    // Parses a wire bitfield for `size` pieces: exactly ceil(size/8) bytes, spare bits zero.
    static std::optional<Bitfield> fromWire(const QByteArray &bytes, int size);
    const QByteArray &toWire() const { return m_bytes; }

    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    bool test(int index) const;
    void set(int index, bool value = true);
    void reset(int index) { set(index, false); }
    void fill(bool value);

    int count() const { return m_count; }
    bool all() const { return m_count == m_size; }
    bool none() const { return m_count == 0; }

    // True when `other` (same size) has a piece this one lacks.
    bool hasAnyMissingFrom(const Bitfield &other) const;

    friend bool operator==(const Bitfield &a, const Bitfield &b)
    {
        return a.m_size == b.m_size && a.m_bytes == b.m_bytes;
    }

private:
    void recount();
    QByteArray m_bytes;
    int m_size = 0;
    int m_count = 0;
};

} // namespace swarmscope
