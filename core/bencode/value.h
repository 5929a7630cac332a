// A bencoded value (BEP 3): integer, byte string, list or dictionary.
#pragma once

#include <QByteArray>

#include <concepts>
#include <cstdint>
#include <map>
#include <variant>
#include <vector>

namespace swarmscope::bencode {

class Value;

using Integer = std::int64_t;
using List = std::vector<Value>;
// Keys are raw byte strings; std::map keeps them in the byte order bencode wants.
using Dict = std::map<QByteArray, Value>;

// Where a parsed value sits in the input it came from: [begin, end) byte offsets.
// A value built in code has no source (begin == end == -1).
struct SourceSpan {
    qsizetype begin = -1;
    qsizetype end = -1;
    bool isValid() const { return begin >= 0 && end >= begin; }
    qsizetype size() const { return isValid() ? end - begin : 0; }
};

class Value {
public:
    enum class Type { IntegerType, StringType, ListType, DictType };

    Value() : m_data(Integer{0}) {}
    template <std::integral T>
        requires(!std::same_as<T, bool> && !std::same_as<T, char>)
    Value(T i) : m_data(static_cast<Integer>(i)) {} // NOLINT(google-explicit-constructor)
    Value(QByteArray s) : m_data(std::move(s)) {}      // NOLINT(google-explicit-constructor)
    Value(const char *s) : m_data(QByteArray(s)) {}    // NOLINT(google-explicit-constructor)
    Value(List l) : m_data(std::move(l)) {}            // NOLINT(google-explicit-constructor)
    Value(Dict d) : m_data(std::move(d)) {}            // NOLINT(google-explicit-constructor)

    Type type() const { return static_cast<Type>(m_data.index()); }
    bool isInteger() const { return type() == Type::IntegerType; }
    bool isString() const { return type() == Type::StringType; }
    bool isList() const { return type() == Type::ListType; }
    bool isDict() const { return type() == Type::DictType; }

    // Accessors assume the type was checked; use the find helpers for untrusted data.
    Integer integer() const { return std::get<Integer>(m_data); }
    const QByteArray &string() const { return std::get<QByteArray>(m_data); }
    const List &list() const { return std::get<List>(m_data); }
    List &list() { return std::get<List>(m_data); }
    const Dict &dict() const { return std::get<Dict>(m_data); }
    Dict &dict() { return std::get<Dict>(m_data); }

    // Dictionary lookup; nullptr when this is not a dictionary or the key is absent.
    const Value *find(const QByteArray &key) const;
    // Typed lookups: nullptr when absent or of another type.
    const QByteArray *findString(const QByteArray &key) const;
    const Integer *findInteger(const QByteArray &key) const;
    const List *findList(const QByteArray &key) const;
    const Value *findDict(const QByteArray &key) const;

    // Where this value came from, when it was parsed.
    const SourceSpan &source() const { return m_source; }
    void setSource(SourceSpan s) { m_source = s; }

    friend bool operator==(const Value &a, const Value &b) { return a.m_data == b.m_data; }

private:
    std::variant<Integer, QByteArray, List, Dict> m_data;
    SourceSpan m_source;
};

} // namespace swarmscope::bencode
