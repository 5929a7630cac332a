#include "bencode/writer.h"

namespace swarmscope::bencode {

namespace {

void writeString(const QByteArray &s, QByteArray &out)
{
    out += QByteArray::number(s.size());
    out += ':';
    out += s;
}

} // namespace

void encodeTo(const Value &value, QByteArray &out)
{
    switch (value.type()) {
    case Value::Type::IntegerType:
        out += 'i';
        out += QByteArray::number(static_cast<qlonglong>(value.integer()));
        out += 'e';
        break;
    case Value::Type::StringType:
        writeString(value.string(), out);
        break;
    case Value::Type::ListType:
        out += 'l';
        for (const Value &v : value.list())
            encodeTo(v, out);
        out += 'e';
        break;
    case Value::Type::DictType:
        out += 'd';
        for (const auto &[key, v] : value.dict()) {
            writeString(key, out);
            encodeTo(v, out);
        }
        out += 'e';
        break;
    }
}

QByteArray encode(const Value &value)
{
    QByteArray out;
    encodeTo(value, out);
    return out;
}

} // namespace swarmscope::bencode
