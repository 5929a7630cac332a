// Fuzz target: the .torrent parser must never crash; whatever it accepts must be consistent
// (pieces cover the data, every path stays inside the save folder) and survive re-encoding with
// the same info-hash.
#include "fuzz_check.h"
#include "metainfo/pathsanitizer.h"
#include "metainfo/torrentinfo.h"

#include <cstdint>

using namespace swarmscope::metainfo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    ParseError error;
    auto t = parseTorrent(input, &error);
    if (!t) {
        FUZZ_CHECK(!error.message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(t->infoHash.isValid());
    FUZZ_CHECK(t->totalSize > 0 && t->pieceLength > 0);
    FUZZ_CHECK(qint64(t->pieceCount() - 1) * t->pieceLength < t->totalSize);
    FUZZ_CHECK(qint64(t->pieceCount()) * t->pieceLength >= t->totalSize);
    FUZZ_CHECK(!t->name.isEmpty());
    qint64 offset = 0;
    for (const FileEntry &f : t->files) {
        FUZZ_CHECK(isInsideFolder(QStringLiteral("/save"), f.path));
        FUZZ_CHECK(!f.path.contains(QLatin1String("//")));
        FUZZ_CHECK(f.offset == offset);
        offset += f.size;
    }
    FUZZ_CHECK(offset == t->totalSize);
    auto again = parseTorrent(encodeTorrentFile(*t));
    FUZZ_CHECK(again && again->infoHash == t->infoHash);
    return 0;
}
