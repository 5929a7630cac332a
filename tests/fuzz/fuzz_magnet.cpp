// Fuzz target: the magnet parser must never crash, and what it accepts must round-trip through
// the canonical form.
#include "fuzz_check.h"
#include "metainfo/magnetlink.h"

#include <cstdint>

using namespace swarmscope::metainfo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QString error;
    auto m = parseMagnet(input, &error);
    if (!m) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(m->infoHash.isValid());
    MagnetLimits roomy; // the canonical form escapes more, so it may be longer than the input
    roomy.maxLength = 16 * MagnetLimits{}.maxLength;
    auto again = parseMagnet(m->toString(), &error, roomy);
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->infoHash == m->infoHash);
    FUZZ_CHECK(again->displayName == m->displayName);
    FUZZ_CHECK(again->trackers == m->trackers);
    FUZZ_CHECK(again->webSeeds == m->webSeeds);
    FUZZ_CHECK(again->peers == m->peers);
    FUZZ_CHECK(again->exactLength == m->exactLength);
    return 0;
}
