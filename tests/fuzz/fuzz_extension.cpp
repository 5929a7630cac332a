// Fuzz target: the three extension protocol decoders (BEP 10 handshake, BEP 9 ut_metadata,
// BEP 11 ut_pex) get every input as a payload. They must never crash; what they accept must
// respect the limits, re-encode canonically and decode back to the same value without
// warnings; what they reject must come with an error naming the extension. Accepted values are
// also fed to the pure logic behind them (registry, assembler, PEX state).
#include "fuzz_check.h"
#include "wire/extension/extensionhandshake.h"
#include "wire/extension/metadataassembler.h"
#include "wire/extension/pexstate.h"

#include <cstdint>
#include <set>

using namespace swarmscope;
using namespace swarmscope::wire::ext;

namespace {

void checkHandshake(const QByteArray &payload)
{
    QString error;
    QStringList warnings;
    const auto h = decodeExtensionHandshake(payload, &error, &warnings);
    if (!h) {
        FUZZ_CHECK(error.startsWith(QLatin1String("extension handshake: ")));
        return;
    }
    using L = HandshakeLimits;
    FUZZ_CHECK(h->messages.size() <= std::size_t(L::maxExtensions));
    for (const auto &entry : h->messages)
        FUZZ_CHECK(!entry.first.isEmpty() && entry.first.size() <= L::maxNameLength);
    FUZZ_CHECK(h->client.size() <= L::maxClientLength);
    FUZZ_CHECK(!h->listenPort || *h->listenPort >= 1);
    FUZZ_CHECK(!h->requestQueue || (*h->requestQueue >= L::minRequestQueue && *h->requestQueue <= L::maxRequestQueue));
    FUZZ_CHECK(!h->metadataSize || (*h->metadataSize >= 1 && *h->metadataSize <= L::maxMetadataSize));
    FUZZ_CHECK(h->ipv4.isNull() || h->ipv4.protocol() == QAbstractSocket::IPv4Protocol);
    FUZZ_CHECK(h->ipv6.isNull() || h->ipv6.protocol() == QAbstractSocket::IPv6Protocol);

    const QByteArray encoded = encodeExtensionHandshake(*h);
    QStringList again;
    const auto back = decodeExtensionHandshake(encoded, &error, &again);
    FUZZ_CHECK(back && *back == *h);
    FUZZ_CHECK(again.isEmpty());
    FUZZ_CHECK(encodeExtensionHandshake(*back) == encoded);

    ExtensionRegistry registry;
    registry.applyPeerHandshake(*h);
    for (const auto &[name, id] : h->messages)
        FUZZ_CHECK(registry.peerId(name) == id);
}

void checkMetadata(const QByteArray &payload)
{
    QString error;
    const auto m = decodeMetadataMessage(payload, &error);
    if (!m) {
        FUZZ_CHECK(error.startsWith(QLatin1String("ut_metadata: ")));
        return;
    }
    if (m->type != MetadataMessage::Type::Unknown)
        FUZZ_CHECK(m->piece >= 0 && m->piece < kMaxMetadataPieces);
    if (m->type == MetadataMessage::Type::Data) {
        FUZZ_CHECK(m->piece < metadataPieceCount(m->totalSize));
        FUZZ_CHECK(m->data.size() == metadataPieceLength(m->totalSize, m->piece));
    } else {
        FUZZ_CHECK(m->data.isEmpty());
    }
    const auto back = decodeMetadataMessage(encodeMetadataMessage(*m), &error);
    FUZZ_CHECK(back && *back == *m);

    if (m->type == MetadataMessage::Type::Data) {
        // A peer advertising this size, asked for everything, answering with this message.
        MetadataAssembler a(metainfo::InfoHash::ofInfo(payload), {.maxRequestsPerPeer = 4});
        FUZZ_CHECK(a.addPeer(1, m->totalSize));
        const QList<int> asked = a.takeRequests(1, TimePoint{});
        FUZZ_CHECK(asked.size() == qMin(4, metadataPieceCount(m->totalSize)));
        const auto r = a.onData(1, *m, TimePoint{});
        const bool wasAsked = asked.contains(m->piece);
        FUZZ_CHECK(r.status != MetadataAssembler::DataResult::Status::PeerDropped);
        FUZZ_CHECK(wasAsked == (r.status != MetadataAssembler::DataResult::Status::Ignored));
        FUZZ_CHECK(a.piecesReceived() <= a.pieceCount());
        FUZZ_CHECK(r.status != MetadataAssembler::DataResult::Status::Complete); // not our hash
    }
}

void checkPex(const QByteArray &payload)
{
    QString error;
    const auto m = decodePexMessage(payload, &error);
    if (!m) {
        FUZZ_CHECK(error.startsWith(QLatin1String("ut_pex: ")));
        return;
    }
    FUZZ_CHECK(m->added.size() + m->dropped.size() <= kMaxPexEntries);
    const auto back = decodePexMessage(encodePexMessage(*m), &error);
    FUZZ_CHECK(back && *back == *m);

    const Endpoint remote{QHostAddress(QStringLiteral("10.0.0.1")), 6881};
    PexState state(remote);
    const auto r = state.receive(*m, TimePoint{});
    FUZZ_CHECK(r.added.size() + r.ignored + r.dropped.size() == m->added.size() + m->dropped.size());
    std::set<QByteArray> seen;
    for (const PexPeer &p : r.added) {
        FUZZ_CHECK(p.endpoint.port != 0 && !(p.endpoint == remote) && !p.endpoint.address.isLoopback());
        FUZZ_CHECK(seen.insert(endpointKey(p.endpoint)).second);
    }
    // Telling another peer about these never breaks BEP 11's limits.
    PexState out(remote);
    if (const auto msg = out.makeMessage(r.added, TimePoint{})) {
        FUZZ_CHECK(msg->added.size() <= kPexRecommended && msg->dropped.isEmpty());
        FUZZ_CHECK(decodePexMessage(encodePexMessage(*msg)).has_value());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkHandshake(payload);
    checkMetadata(payload);
    checkPex(payload);
    return 0;
}
