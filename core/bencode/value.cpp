#include "bencode/value.h"

namespace swarmscope::bencode {

const Value *Value::find(const QByteArray &key) const
{
    if (!isDict())
        return nullptr;
    const Dict &d = dict();
    auto it = d.find(key);
    return it == d.end() ? nullptr : &it->second;
}

const QByteArray *Value::findString(const QByteArray &key) const
{
    const Value *v = find(key);
    return v && v->isString() ? &v->string() : nullptr;
}

const Integer *Value::findInteger(const QByteArray &key) const
{
    const Value *v = find(key);
    return v && v->isInteger() ? &std::get<Integer>(v->m_data) : nullptr;
}

const List *Value::findList(const QByteArray &key) const
{
    const Value *v = find(key);
    return v && v->isList() ? &v->list() : nullptr;
}

const Value *Value::findDict(const QByteArray &key) const
{
    const Value *v = find(key);
    return v && v->isDict() ? v : nullptr;
}

} // namespace swarmscope::bencode
