#include "dht/krpc.h"

#include "bencode/reader.h"
#include "bencode/writer.h"

namespace swarmscope::dht {

using bencode::Dict;
using bencode::List;
using bencode::Value;

namespace {

struct Fail {
    QString message;
};

QString lit(const char *key)
{
    return QString::fromLatin1(key);
}

// Optional keys: absent is fine, present with the wrong type is not.
const Value *optionalOfType(const Value &dict, const char *key, Value::Type type)
{
    const Value *v = dict.find(QByteArray(key));
    if (v && v->type() != type)
        throw Fail{QStringLiteral("\"%1\" has the wrong type").arg(lit(key))};
    return v;
}

const Value &requiredOfType(const Value &dict, const char *key, Value::Type type)
{
    const Value *v = optionalOfType(dict, key, type);
    if (!v)
        throw Fail{QStringLiteral("missing \"%1\"").arg(lit(key))};
    return *v;
}

NodeId requireId(const Value &args, const char *key)
{
    const QByteArray &s = requiredOfType(args, key, Value::Type::StringType).string();
    auto id = NodeId::fromBytes(s);
    if (!id)
        throw Fail{QStringLiteral("\"%1\" is %2 bytes, not 20").arg(lit(key)).arg(s.size())};
    return *id;
}

QByteArray optionalString(const Value &dict, const char *key, qsizetype maxSize, bool allowEmpty)
{
    const Value *v = optionalOfType(dict, key, Value::Type::StringType);
    if (!v)
        return {};
    const QByteArray &s = v->string();
    if (s.size() > maxSize)
        throw Fail{QStringLiteral("\"%1\" is longer than %2 bytes").arg(lit(key)).arg(maxSize)};
    if (s.isEmpty() && !allowEmpty)
        throw Fail{QStringLiteral("\"%1\" is empty").arg(lit(key))};
    return s;
}

bool optionalFlag(const Value &dict, const char *key)
{
    const Value *v = optionalOfType(dict, key, Value::Type::IntegerType);
    if (!v)
        return false;
    if (v->integer() != 0 && v->integer() != 1)
        throw Fail{QStringLiteral("\"%1\" must be 0 or 1").arg(lit(key))};
    return v->integer() == 1;
}

std::vector<NodeInfo> optionalNodes(const Value &dict, const char *key, Family family)
{
    const Value *v = optionalOfType(dict, key, Value::Type::StringType);
    if (!v)
        return {};
    auto nodes = decodeCompactNodes(v->string(), family);
    if (!nodes) {
        throw Fail{QStringLiteral("\"%1\" is %2 bytes, not a multiple of %3")
                       .arg(lit(key))
                       .arg(v->string().size())
                       .arg(family == Family::IPv4 ? CompactNodeSizeV4 : CompactNodeSizeV6)};
    }
    if (nodes->size() > size_t(KrpcLimits::MaxNodes))
        throw Fail{QStringLiteral("\"%1\" holds more than %2 nodes").arg(lit(key)).arg(KrpcLimits::MaxNodes)};
    return std::move(*nodes);
}

std::vector<Endpoint> optionalValues(const Value &dict)
{
    const Value *v = optionalOfType(dict, "values", Value::Type::ListType);
    if (!v)
        return {};
    if (v->list().size() > size_t(KrpcLimits::MaxValues))
        throw Fail{QStringLiteral("\"values\" holds more than %1 peers").arg(KrpcLimits::MaxValues)};
    std::vector<Endpoint> peers;
    peers.reserve(v->list().size());
    for (const Value &item : v->list()) {
        if (!item.isString())
            throw Fail{QStringLiteral("\"values\" holds a non-string")};
        auto peer = decodeCompactPeer(item.string());
        if (!peer)
            throw Fail{QStringLiteral("a peer in \"values\" is %1 bytes, not 6 or 18").arg(item.string().size())};
        peers.push_back(*peer);
    }
    return peers;
}

quint8 optionalWant(const Value &args)
{
    const Value *v = optionalOfType(args, "want", Value::Type::ListType);
    if (!v)
        return WantNone;
    if (v->list().size() > size_t(KrpcLimits::MaxWant))
        throw Fail{QStringLiteral("\"want\" holds more than %1 entries").arg(KrpcLimits::MaxWant)};
    quint8 want = WantNone;
    for (const Value &item : v->list()) {
        if (!item.isString())
            throw Fail{QStringLiteral("\"want\" holds a non-string")};
        // Other strings are allowed and ignored (BEP 32).
        if (item.string() == "n4")
            want |= WantNodes4;
        else if (item.string() == "n6")
            want |= WantNodes6;
    }
    return want;
}

Method methodFromName(const QByteArray &name)
{
    for (Method m : {Method::Ping, Method::FindNode, Method::GetPeers, Method::AnnouncePeer}) {
        if (name == methodName(m))
            return m;
    }
    return Method::Unknown;
}

KrpcQuery readQuery(const Value &root)
{
    const QByteArray &name = requiredOfType(root, "q", Value::Type::StringType).string();
    if (name.isEmpty() || name.size() > KrpcLimits::MaxMethodNameSize)
        throw Fail{QStringLiteral("method name of %1 bytes").arg(name.size())};
    const Value &args = requiredOfType(root, "a", Value::Type::DictType);
    KrpcQuery q;
    q.method = methodFromName(name);
    q.id = requireId(args, "id");
    switch (q.method) {
    case Method::Ping:
        break;
    case Method::FindNode:
        q.target = requireId(args, "target");
        q.want = optionalWant(args);
        break;
    case Method::GetPeers:
        q.target = requireId(args, "info_hash");
        q.want = optionalWant(args);
        break;
    case Method::AnnouncePeer: {
        q.target = requireId(args, "info_hash");
        q.impliedPort = optionalFlag(args, "implied_port");
        const bencode::Integer port = requiredOfType(args, "port", Value::Type::IntegerType).integer();
        // With implied_port the port argument is ignored, but it must still be a port number.
        if (port < (q.impliedPort ? 0 : 1) || port > 65535)
            throw Fail{QStringLiteral("port %1 out of range").arg(port)};
        q.port = static_cast<quint16>(port);
        q.token = optionalString(args, "token", KrpcLimits::MaxTokenSize, false);
        if (q.token.isEmpty())
            throw Fail{QStringLiteral("missing \"token\"")};
        break;
    }
    case Method::Unknown:
        q.unknownMethod = name;
        break;
    }
    return q;
}

KrpcResponse readResponse(const Value &root)
{
    const Value &r = requiredOfType(root, "r", Value::Type::DictType);
    KrpcResponse resp;
    resp.id = requireId(r, "id");
    resp.nodes = optionalNodes(r, "nodes", Family::IPv4);
    resp.nodes6 = optionalNodes(r, "nodes6", Family::IPv6);
    resp.values = optionalValues(r);
    resp.token = optionalString(r, "token", KrpcLimits::MaxTokenSize, false);
    return resp;
}

KrpcError readError(const Value &root)
{
    const List &e = requiredOfType(root, "e", Value::Type::ListType).list();
    if (e.size() != 2 || !e[0].isInteger() || !e[1].isString())
        throw Fail{QStringLiteral("\"e\" is not [code, message]")};
    if (e[0].integer() < 0 || e[0].integer() > 65535)
        throw Fail{QStringLiteral("error code %1 out of range").arg(e[0].integer())};
    if (e[1].string().size() > KrpcLimits::MaxErrorMessageSize)
        throw Fail{QStringLiteral("error message longer than %1 bytes").arg(KrpcLimits::MaxErrorMessageSize)};
    return KrpcError{static_cast<int>(e[0].integer()), e[1].string()};
}

} // namespace

QByteArray methodName(Method method)
{
    switch (method) {
    case Method::Ping:
        return QByteArrayLiteral("ping");
    case Method::FindNode:
        return QByteArrayLiteral("find_node");
    case Method::GetPeers:
        return QByteArrayLiteral("get_peers");
    case Method::AnnouncePeer:
        return QByteArrayLiteral("announce_peer");
    case Method::Unknown:
        break;
    }
    return {};
}

std::optional<KrpcMessage> decodeKrpc(const QByteArray &datagram, KrpcDecodeError *error)
{
    KrpcDecodeError local;
    KrpcDecodeError &err = error ? *error : local;
    err = {};
    if (datagram.size() > KrpcLimits::MaxPacketSize) {
        err.message = QStringLiteral("datagram of %1 bytes is over the %2-byte limit")
                          .arg(datagram.size())
                          .arg(KrpcLimits::MaxPacketSize);
        return std::nullopt;
    }
    bencode::Limits limits;
    limits.maxInputSize = KrpcLimits::MaxPacketSize;
    limits.maxDepth = 3; // message -> arguments -> want list
    limits.maxItems = 512;
    bencode::DecodeError bencodeError;
    const auto root = bencode::decode(datagram, &bencodeError, limits);
    if (!root) {
        err.message = QStringLiteral("not bencode: %1").arg(bencodeError.toString());
        return std::nullopt;
    }
    try {
        if (!root->isDict())
            throw Fail{QStringLiteral("not a dictionary")};
        KrpcMessage msg;
        msg.transactionId = optionalString(*root, "t", KrpcLimits::MaxTransactionIdSize, false);
        if (msg.transactionId.isEmpty())
            throw Fail{QStringLiteral("missing \"t\"")};
        err.transactionId = msg.transactionId;
        const QByteArray &y = requiredOfType(*root, "y", Value::Type::StringType).string();
        if (y != "q" && y != "r" && y != "e")
            throw Fail{QStringLiteral("\"y\" is not q, r or e")};
        err.isQuery = y == "q";
        msg.version = optionalString(*root, "v", KrpcLimits::MaxVersionSize, true);
        msg.readOnly = optionalFlag(*root, "ro");
        if (const Value *ip = optionalOfType(*root, "ip", Value::Type::StringType)) {
            msg.yourAddress = decodeCompactPeer(ip->string());
            if (!msg.yourAddress)
                throw Fail{QStringLiteral("\"ip\" is %1 bytes, not 6 or 18").arg(ip->string().size())};
        }
        if (y == "q")
            msg.body = readQuery(*root);
        else if (y == "r")
            msg.body = readResponse(*root);
        else
            msg.body = readError(*root);
        return msg;
    } catch (const Fail &f) {
        err.message = f.message;
        return std::nullopt;
    }
}

namespace {

void encodeQuery(const KrpcQuery &q, Dict &root)
{
    root.emplace("q", q.method == Method::Unknown ? q.unknownMethod : methodName(q.method));
    Dict args;
    args.emplace("id", q.id.toBytes());
    switch (q.method) {
    case Method::FindNode:
        args.emplace("target", q.target.toBytes());
        break;
    case Method::GetPeers:
        args.emplace("info_hash", q.target.toBytes());
        break;
    case Method::AnnouncePeer:
        args.emplace("info_hash", q.target.toBytes());
        args.emplace("port", Value(q.port));
        args.emplace("token", q.token);
        if (q.impliedPort)
            args.emplace("implied_port", Value(1));
        break;
    case Method::Ping:
    case Method::Unknown:
        break;
    }
    if ((q.method == Method::FindNode || q.method == Method::GetPeers) && q.want != WantNone) {
        List want;
        if (q.want & WantNodes4)
            want.emplace_back(QByteArrayLiteral("n4"));
        if (q.want & WantNodes6)
            want.emplace_back(QByteArrayLiteral("n6"));
        args.emplace("want", std::move(want));
    }
    root.emplace("a", std::move(args));
}

void encodeResponse(const KrpcResponse &resp, Dict &root)
{
    Dict r;
    r.emplace("id", resp.id.toBytes());
    if (!resp.nodes.empty())
        r.emplace("nodes", encodeCompactNodes(resp.nodes, Family::IPv4));
    if (!resp.nodes6.empty())
        r.emplace("nodes6", encodeCompactNodes(resp.nodes6, Family::IPv6));
    if (!resp.values.empty()) {
        List values;
        for (const Endpoint &peer : resp.values)
            values.emplace_back(encodeCompactPeer(peer));
        r.emplace("values", std::move(values));
    }
    if (!resp.token.isEmpty())
        r.emplace("token", resp.token);
    root.emplace("r", std::move(r));
}

} // namespace

QByteArray encodeKrpc(const KrpcMessage &message)
{
    Dict root;
    root.emplace("t", message.transactionId);
    if (!message.version.isEmpty())
        root.emplace("v", message.version);
    if (message.readOnly)
        root.emplace("ro", Value(1));
    if (message.yourAddress)
        root.emplace("ip", encodeCompactPeer(*message.yourAddress));
    if (message.isQuery()) {
        root.emplace("y", QByteArrayLiteral("q"));
        encodeQuery(message.query(), root);
    } else if (message.isResponse()) {
        root.emplace("y", QByteArrayLiteral("r"));
        encodeResponse(message.response(), root);
    } else {
        root.emplace("y", QByteArrayLiteral("e"));
        root.emplace("e", List{Value(message.error().code), Value(message.error().message)});
    }
    return bencode::encode(Value(std::move(root)));
}

KrpcMessage makeQuery(QByteArray transactionId, KrpcQuery query)
{
    KrpcMessage m;
    m.transactionId = std::move(transactionId);
    m.body = std::move(query);
    return m;
}

KrpcMessage makeResponse(QByteArray transactionId, KrpcResponse response)
{
    KrpcMessage m;
    m.transactionId = std::move(transactionId);
    m.body = std::move(response);
    return m;
}

KrpcMessage makeError(QByteArray transactionId, int code, QByteArray message)
{
    KrpcMessage m;
    m.transactionId = std::move(transactionId);
    m.body = KrpcError{code, std::move(message)};
    return m;
}

} // namespace swarmscope::dht
