// KRPC messages of the mainline DHT (BEP 5): queries, responses and errors as value types, a
// strict decoder for datagrams from anyone, and an encoder that writes canonical bencode.
//
// Covered: ping, find_node, get_peers, announce_peer (with implied_port), the top-level "t", "y",
// "v", "ro" (BEP 43 read-only) and "ip" (BEP 42 external address) keys, "want" and "nodes6"
// (BEP 32). Other methods decode as Method::Unknown so the node can answer 204.
//
// The decoder rejects, with a message saying why: datagrams over 1500 bytes, anything that is
// not one bencoded dictionary, nesting deeper than the format needs, a missing or oversized
// transaction id, a "y" other than q/r/e, ids that are not exactly 20 bytes, compact node lists
// whose size is not a multiple of 26 (38), more than MaxNodes nodes or MaxValues peers, values
// that are neither 6 nor 18 bytes, empty or oversized tokens, ports outside 1..65535, and known
// keys of the wrong type. Unknown keys are ignored (forward compatibility).
#pragma once

#include "dht/endpoint.h"
#include "dht/nodeid.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace swarmscope::dht {

struct KrpcLimits {
    static constexpr qsizetype MaxPacketSize = 1500; // one Ethernet-sized UDP payload
    static constexpr qsizetype MaxTransactionIdSize = 16;
    static constexpr qsizetype MaxTokenSize = 64;
    static constexpr qsizetype MaxVersionSize = 16;
    static constexpr qsizetype MaxMethodNameSize = 32;
    static constexpr qsizetype MaxErrorMessageSize = 512;
    static constexpr int MaxNodes = 16;   // K is 8; some nodes send a few more
    static constexpr int MaxValues = 100; // peers in one get_peers reply
    static constexpr int MaxWant = 8;     // strings in a "want" list
};

enum class Method { Ping, FindNode, GetPeers, AnnouncePeer, Unknown };

QByteArray methodName(Method method); // "ping", "find_node", ...; empty for Unknown

// BEP 5 error codes.
enum ErrorCode : int {
    GenericError = 201,
    ServerError = 202,
    ProtocolError = 203, // malformed packet, invalid arguments or bad token
    MethodUnknown = 204,
};

// BEP 32 "want": which node lists the querier would like back.
enum WantFlag : quint8 { WantNone = 0, WantNodes4 = 1, WantNodes6 = 2 };

struct KrpcQuery {
    Method method = Method::Ping;
    QByteArray unknownMethod; // the method name when method == Unknown
    NodeId id;                // querying node
    NodeId target;            // find_node "target"; get_peers and announce_peer "info_hash"
    quint16 port = 0;         // announce_peer
    bool impliedPort = false; // announce_peer: use the UDP source port instead of `port`
    QByteArray token;         // announce_peer
    quint8 want = WantNone;   // find_node and get_peers (BEP 32)
    friend bool operator==(const KrpcQuery &, const KrpcQuery &) = default;
};

struct KrpcResponse {
    NodeId id; // responding node
    std::vector<NodeInfo> nodes;  // "nodes": IPv4 compact node info
    std::vector<NodeInfo> nodes6; // "nodes6": IPv6 compact node info
    std::vector<Endpoint> values; // "values": compact peers (6 or 18 bytes each)
    QByteArray token;             // get_peers write token
    friend bool operator==(const KrpcResponse &, const KrpcResponse &) = default;
};

struct KrpcError {
    int code = GenericError;
    QByteArray message;
    friend bool operator==(const KrpcError &, const KrpcError &) = default;
};

struct KrpcMessage {
    QByteArray transactionId;
    QByteArray version;               // "v": client and version, optional
    bool readOnly = false;            // "ro": 1 (BEP 43), sent by nodes that answer no queries
    std::optional<Endpoint> yourAddress; // "ip" (BEP 42): the receiver's address as the sender sees it
    std::variant<KrpcQuery, KrpcResponse, KrpcError> body;

    bool isQuery() const { return std::holds_alternative<KrpcQuery>(body); }
    bool isResponse() const { return std::holds_alternative<KrpcResponse>(body); }
    bool isError() const { return std::holds_alternative<KrpcError>(body); }
    const KrpcQuery &query() const { return std::get<KrpcQuery>(body); }
    const KrpcResponse &response() const { return std::get<KrpcResponse>(body); }
    const KrpcError &error() const { return std::get<KrpcError>(body); }

    friend bool operator==(const KrpcMessage &, const KrpcMessage &) = default;
};

struct KrpcDecodeError {
    QString message;
    // What could be read before the problem, so a malformed query can still be answered with
    // a 203 error echoing its transaction id.
    QByteArray transactionId;
    bool isQuery = false;
};

std::optional<KrpcMessage> decodeKrpc(const QByteArray &datagram, KrpcDecodeError *error = nullptr);

// Canonical bencode (sorted keys). Empty node and value lists, an empty token, an empty version
// and a false read-only flag are left out. The caller keeps messages within the limits above.
QByteArray encodeKrpc(const KrpcMessage &message);

// Helpers that build the common messages.
KrpcMessage makeQuery(QByteArray transactionId, KrpcQuery query);
KrpcMessage makeResponse(QByteArray transactionId, KrpcResponse response);
KrpcMessage makeError(QByteArray transactionId, int code, QByteArray message);

} // namespace swarmscope::dht
