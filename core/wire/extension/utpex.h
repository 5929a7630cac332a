// BEP 11 ut_pex messages: peers the sender connected to (`added`, `added6`, one flags byte each
// in `added.f` / `added6.f`) and peers it dropped (`dropped`, `dropped6`), in compact form.
//
// The decoder rejects malformed lists (lengths not a multiple of 6 or 18, a flags string whose
// length does not match its list, wrong types) and messages with more than kMaxPexEntries
// entries in all, which no honest client sends (BEP 11 asks for at most 50 added and 50
// dropped). Missing keys are empty lists; a missing flags string means flags 0.
#pragma once

#include "wire/extension/compactendpoint.h"

#include <QList>
#include <QString>

#include <optional>

namespace swarmscope::wire::ext {

enum PexFlag : quint8 {
    PexPrefersEncryption = 0x01,
    PexSeed = 0x02, // upload only
    PexSupportsUtp = 0x04,
    PexSupportsHolepunch = 0x08,
    PexReachable = 0x10, // we connected out to it, so it accepts incoming connections
};

constexpr int kMaxPexEntries = 200;  // above this a message is abuse
constexpr int kPexRecommended = 50;  // BEP 11: at most 50 added and 50 dropped per message

struct PexPeer {
    Endpoint endpoint;
    quint8 flags = 0;
    friend bool operator==(const PexPeer &, const PexPeer &) = default;
};

struct PexMessage {
    QList<PexPeer> added;     // IPv4 and IPv6 together; the encoder splits them
    QList<Endpoint> dropped;

    bool isEmpty() const { return added.isEmpty() && dropped.isEmpty(); }
    friend bool operator==(const PexMessage &, const PexMessage &) = default;
};

// Canonical bencode. `added`, `added.f` and `dropped` are always written (clients expect
// them); the IPv6 keys only when they have entries. Peers with a null address are skipped.
QByteArray encodePexMessage(const PexMessage &message);

std::optional<PexMessage> decodePexMessage(const QByteArray &payload, QString *error = nullptr);

} // namespace swarmscope::wire::ext
