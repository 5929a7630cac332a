#include "util/bitfield.h"

#include <bit>

namespace swarmscope {

namespace {
qsizetype bytesFor(int size) { return (qsizetype(size) + 7) / 8; }
unsigned char maskFor(int index) { return static_cast<unsigned char>(0x80u >> (index % 8)); }
} // namespace

Bitfield::Bitfield(int size, bool value) : m_bytes(bytesFor(size < 0 ? 0 : size), '\0'), m_size(size < 0 ? 0 : size)
{
    if (value)
        fill(true);
}

std::optional<Bitfield> Bitfield::fromWire(const QByteArray &bytes, int size)
{
    if (size < 0 || bytes.size() != bytesFor(size))
        return std::nullopt;
    if (size % 8 != 0) {
        const auto last = static_cast<unsigned char>(bytes.back());
        const unsigned spareMask = 0xffu >> (size % 8);
        if (last & spareMask)
            return std::nullopt;
    }
    Bitfield b;
    b.m_bytes = bytes;
    b.m_size = size;
    b.recount();
    return b;
}

bool Bitfield::test(int index) const
{
    if (index < 0 || index >= m_size)
        return false;
    return static_cast<unsigned char>(m_bytes[index / 8]) & maskFor(index);
}

void Bitfield::set(int index, bool value)
{
    if (index < 0 || index >= m_size)
        return;
    auto byte = static_cast<unsigned char>(m_bytes[index / 8]);
    const bool was = byte & maskFor(index);
    if (was == value)
        return;
    byte = value ? (byte | maskFor(index)) : (byte & ~maskFor(index));
    m_bytes[index / 8] = static_cast<char>(byte);
    m_count += value ? 1 : -1;
}

void Bitfield::fill(bool value)
{
    m_bytes.fill(value ? '\xff' : '\0');
    if (value && m_size % 8 != 0)
        m_bytes.back() = static_cast<char>(0xffu << (8 - m_size % 8));
    m_count = value ? m_size : 0;
}

bool Bitfield::hasAnyMissingFrom(const Bitfield &other) const
{
    if (other.m_size != m_size)
        return false;
    for (qsizetype i = 0; i < m_bytes.size(); ++i)
        if (static_cast<unsigned char>(other.m_bytes[i]) & ~static_cast<unsigned char>(m_bytes[i]))
            return true;
    return false;
}

void Bitfield::recount()
{
    m_count = 0;
    for (char c : m_bytes)
        m_count += std::popcount(static_cast<unsigned char>(c));
}

} // namespace swarmscope
