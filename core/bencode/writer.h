// Canonical bencode writer: dictionary keys in byte order, integers without padding.
#pragma once

#include "bencode/value.h"

namespace swarmscope::bencode {

QByteArray encode(const Value &value);
void encodeTo(const Value &value, QByteArray &out);

} // namespace swarmscope::bencode
