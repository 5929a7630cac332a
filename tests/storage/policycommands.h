// What a StoragePolicy asked the engine to do, recorded for tests: torrents named by one letter
// (their info-hash is that byte, repeated), each command "available" or "unavailable".
#pragma once

#include "metainfo/infohash.h"

#include <QList>
#include <QTest>

#include <algorithm>

namespace swarmscope::testutil {

inline metainfo::InfoHash hashOf(char c)
{
    return metainfo::InfoHash::fromBytes(QByteArray(metainfo::InfoHash::Size, c));
}

struct Command {
    char torrent;
    bool available;
    friend bool operator==(const Command &, const Command &) = default;
    friend bool operator<(const Command &a, const Command &b) { return a.torrent < b.torrent; }
};

// The policy's callback, appending to `commands`.
inline auto recordInto(QList<Command> &commands)
{
    return [&commands](const metainfo::InfoHash &hash, bool available) {
        commands << Command{hash.bytes().at(0), available};
    };
}

// The policy keeps torrents in a hash: the order of one event's commands is not part of it.
inline QList<Command> sorted(QList<Command> commands)
{
    std::sort(commands.begin(), commands.end());
    return commands;
}

} // namespace swarmscope::testutil

namespace QTest {
template <> inline char *toString(const swarmscope::testutil::Command &c)
{
    return qstrdup(QByteArray(1, c.torrent).append(c.available ? " available" : " unavailable").constData());
}
} // namespace QTest
