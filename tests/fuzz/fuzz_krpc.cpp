// Fuzz target: the KRPC decoder must never crash; whatever it accepts must encode to canonical
// bytes that decode to the same message; and a pure DHT node fed the datagram must only ever
// answer with well-formed datagrams within the UDP size limit.
#include "dht/krpc.h"
#include "dht/node.h"
#include "fuzz_check.h"

#include <cstdint>

using namespace swarmscope;
using namespace swarmscope::dht;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    KrpcDecodeError error;
    const auto message = decodeKrpc(input, &error);
    if (!message) {
        FUZZ_CHECK(!error.message.isEmpty());
        FUZZ_CHECK(error.transactionId.size() <= KrpcLimits::MaxTransactionIdSize);
    } else {
        const QByteArray encoded = encodeKrpc(*message);
        const auto again = decodeKrpc(encoded);
        FUZZ_CHECK(again && *again == *message);
        FUZZ_CHECK(encodeKrpc(*again) == encoded);
    }

    // The node's query handling on the same bytes, from an address that has a table entry.
    const TimePoint now = TimePoint{} + std::chrono::hours(1);
    Node node(*NodeId::fromBytes(QByteArray(20, '\x55')), NodeSettings{}, 1, now);
    const Endpoint from{QHostAddress(QStringLiteral("192.0.2.1")), 6881};
    node.table().heardFrom(NodeInfo{*NodeId::fromBytes(QByteArray(20, '\x66')), {QHostAddress(QStringLiteral("192.0.2.2")), 1}},
                           RoutingTable::Contact::Response, now);
    node.receive(input, from, now);
    for (const Datagram &d : node.takeOutgoing()) {
        FUZZ_CHECK(d.payload.size() <= KrpcLimits::MaxPacketSize);
        const auto reply = decodeKrpc(d.payload);
        FUZZ_CHECK(reply.has_value());
        if (message && message->isQuery())
            FUZZ_CHECK(reply->transactionId == message->transactionId || reply->isQuery());
    }
    return 0;
}
