// Fuzz target: the bencode reader must never crash, and whatever it accepts must re-encode to
// the very same bytes when its keys were sorted (the reader accepts only canonical forms).
#include "bencode/reader.h"
#include "bencode/writer.h"
#include "fuzz_check.h"

#include <cstdint>

using namespace swarmscope::bencode;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Limits limits;
    limits.maxItems = 100'000;
    DecodeError error;
    DecodeInfo info;
    auto value = decode(input, &error, limits, &info);
    if (!value) {
        FUZZ_CHECK(!error.message.isEmpty());
        FUZZ_CHECK(error.offset >= 0 && error.offset <= input.size());
        return 0;
    }
    FUZZ_CHECK(value->source().begin == 0 && value->source().end == input.size());
    const QByteArray encoded = encode(*value);
    if (!info.unsortedKeys)
        FUZZ_CHECK(encoded == input);
    auto again = decode(encoded, nullptr, limits);
    FUZZ_CHECK(again && *again == *value);
    return 0;
}
