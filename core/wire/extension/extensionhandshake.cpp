#include "wire/extension/extensionhandshake.h"

#include "bencode/reader.h"
#include "bencode/writer.h"

#include <algorithm>

namespace swarmscope::wire::ext {

namespace {

using bencode::Dict;
using bencode::Integer;
using bencode::Value;
using L = HandshakeLimits;

// A client name is shown in the peer list: drop control, format (bidi, zero-width) and
// separator characters, cap the length without splitting a surrogate pair, trim. Applying it
// twice changes nothing, so decode(encode(decoded)) gives the same name.
QString sanitizedClient(const QByteArray &utf8)
{
    const QString raw = QString::fromUtf8(utf8);
    QString out;
    out.reserve(qMin<qsizetype>(raw.size(), L::maxClientLength));
    for (qsizetype i = 0; i < raw.size() && out.size() < L::maxClientLength; ++i) {
        const QChar c = raw.at(i);
        if (c.isHighSurrogate() && i + 1 < raw.size() && raw.at(i + 1).isLowSurrogate()) {
            if (out.size() + 2 > L::maxClientLength)
                break;
            out.append(c);
            out.append(raw.at(++i));
            continue;
        }
        if (c.isSurrogate())
            continue;
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            continue;
        default:
            out.append(c);
        }
    }
    return out.trimmed();
}

QString keyName(const QByteArray &key) { return QString::fromLatin1(key); }

QByteArray addressBytes(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const char b[4] = {static_cast<char>(v4 >> 24), static_cast<char>(v4 >> 16),
                           static_cast<char>(v4 >> 8), static_cast<char>(v4)};
        return QByteArray(b, 4);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    }
    return {};
}

QHostAddress addressFromBytes(const QByteArray &b)
{
    if (b.size() == 4) {
        const auto *u = reinterpret_cast<const uchar *>(b.constData());
        return QHostAddress((quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | u[3]);
    }
    Q_IPV6ADDR v6;
    std::copy(b.constBegin(), b.constBegin() + 16, reinterpret_cast<char *>(v6.c));
    return QHostAddress(v6);
}

class Warnings {
public:
    explicit Warnings(QStringList *out) : m_out(out) {}
    void add(const QString &w)
    {
        if (m_out)
            m_out->append(w);
    }
    void wrongType(const QByteArray &key, const char *expected)
    {
        add(QStringLiteral("\"%1\" is not %2; ignored").arg(keyName(key), QLatin1String(expected)));
    }

private:
    QStringList *m_out;
};

// Reads an address key that must hold `sizes` raw bytes (4, 16, or either).
QHostAddress readAddress(const Value &dict, const QByteArray &key, bool allow4, bool allow16, Warnings &w)
{
    const Value *v = dict.find(key);
    if (!v)
        return {};
    if (!v->isString()) {
        w.wrongType(key, "a byte string");
        return {};
    }
    const qsizetype n = v->string().size();
    if ((n == 4 && allow4) || (n == 16 && allow16))
        return addressFromBytes(v->string());
    w.add(QStringLiteral("\"%1\" has %2 bytes, not an address; ignored").arg(keyName(key)).arg(n));
    return {};
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = QStringLiteral("extension handshake: %1").arg(message);
    return false;
}

bool readMessages(const Value &m, ExtensionHandshake &out, QString *error)
{
    if (!m.isDict())
        return fail(error, QStringLiteral("\"m\" is not a dictionary"));
    if (m.dict().size() > std::size_t(L::maxExtensions))
        return fail(error, QStringLiteral("\"m\" lists %1 extensions, more than %2")
                               .arg(m.dict().size())
                               .arg(L::maxExtensions));
    for (const auto &[name, id] : m.dict()) {
        if (name.isEmpty())
            return fail(error, QStringLiteral("\"m\" has an empty extension name"));
        if (name.size() > L::maxNameLength)
            return fail(error, QStringLiteral("\"m\" has an extension name of %1 bytes, more than %2")
                                   .arg(name.size())
                                   .arg(L::maxNameLength));
        if (!id.isInteger())
            return fail(error, QStringLiteral("extension \"%1\" has no integer id")
                                   .arg(QString::fromUtf8(name)));
        if (id.integer() < 0 || id.integer() > 255)
            return fail(error, QStringLiteral("extension \"%1\" has id %2, outside 0..255")
                                   .arg(QString::fromUtf8(name))
                                   .arg(id.integer()));
        out.messages[name] = static_cast<quint8>(id.integer());
    }
    return true;
}

} // namespace

QByteArray encodeExtensionHandshake(const ExtensionHandshake &h)
{
    Dict d;
    Dict m;
    for (const auto &[name, id] : h.messages)
        m[name] = Value(int(id));
    d["m"] = Value(std::move(m));
    if (!h.client.isEmpty())
        d["v"] = Value(h.client.toUtf8());
    if (h.listenPort)
        d["p"] = Value(int(*h.listenPort));
    if (h.requestQueue)
        d["reqq"] = Value(*h.requestQueue);
    if (!h.yourIp.isNull())
        d["yourip"] = Value(addressBytes(h.yourIp));
    if (!h.ipv4.isNull())
        d["ipv4"] = Value(addressBytes(h.ipv4));
    if (!h.ipv6.isNull())
        d["ipv6"] = Value(addressBytes(h.ipv6));
    if (h.metadataSize)
        d["metadata_size"] = Value(*h.metadataSize);
    if (h.uploadOnly)
        d["upload_only"] = Value(*h.uploadOnly ? 1 : 0);
    return bencode::encode(Value(std::move(d)));
}

std::optional<ExtensionHandshake> decodeExtensionHandshake(const QByteArray &payload, QString *error,
                                                           QStringList *warnings)
{
    bencode::Limits limits;
    limits.maxInputSize = 1024 * 1024;
    limits.maxItems = L::maxItems;
    limits.maxDepth = L::maxDepth;
    bencode::DecodeError decodeError;
    const std::optional<Value> root = bencode::decode(payload, &decodeError, limits);
    if (!root) {
        fail(error, QStringLiteral("not bencode: %1").arg(decodeError.toString()));
        return std::nullopt;
    }
    if (!root->isDict()) {
        fail(error, QStringLiteral("not a dictionary"));
        return std::nullopt;
    }

    ExtensionHandshake out;
    // A re-sent handshake may leave `m` out: then nothing changes (BEP 10).
    if (const Value *m = root->find("m"); m && !readMessages(*m, out, error))
        return std::nullopt;

    Warnings w(warnings);
    if (const Value *v = root->find("v")) {
        if (v->isString())
            out.client = sanitizedClient(v->string());
        else
            w.wrongType("v", "a string");
    }
    if (const Value *p = root->find("p")) {
        if (!p->isInteger())
            w.wrongType("p", "an integer");
        else if (p->integer() < 1 || p->integer() > 65535)
            w.add(QStringLiteral("\"p\" %1 is not a port; ignored").arg(p->integer()));
        else
            out.listenPort = static_cast<quint16>(p->integer());
    }
    if (const Value *q = root->find("reqq")) {
        if (!q->isInteger()) {
            w.wrongType("reqq", "an integer");
        } else {
            const Integer clamped = std::clamp<Integer>(q->integer(), L::minRequestQueue, L::maxRequestQueue);
            if (clamped != q->integer())
                w.add(QStringLiteral("\"reqq\" %1 clamped to %2").arg(q->integer()).arg(clamped));
            out.requestQueue = static_cast<int>(clamped);
        }
    }
    out.yourIp = readAddress(*root, "yourip", true, true, w);
    out.ipv4 = readAddress(*root, "ipv4", true, false, w);
    out.ipv6 = readAddress(*root, "ipv6", false, true, w);
    if (const Value *s = root->find("metadata_size")) {
        if (!s->isInteger())
            w.wrongType("metadata_size", "an integer");
        else if (s->integer() < 1 || s->integer() > L::maxMetadataSize)
            w.add(QStringLiteral("\"metadata_size\" %1 is outside 1..%2; ignored")
                      .arg(s->integer())
                      .arg(L::maxMetadataSize));
        else
            out.metadataSize = s->integer();
    }
    if (const Value *u = root->find("upload_only")) {
        if (u->isInteger())
            out.uploadOnly = u->integer() != 0;
        else
            w.wrongType("upload_only", "an integer");
    }
    return out;
}

// ---- ExtensionRegistry ----

ExtensionRegistry::ExtensionRegistry(const std::map<QByteArray, quint8> &ours)
{
    for (const auto &[name, id] : ours) {
        if (id == 0 || name.isEmpty() || m_oursById.count(id))
            continue; // 0 is the handshake; a shared id could not be told apart
        m_ours[name] = id;
        m_oursById[id] = name;
    }
}

std::map<QByteArray, quint8> ExtensionRegistry::defaultOurs(bool withPex)
{
    std::map<QByteArray, quint8> m{{kUtMetadata, 1}};
    if (withPex)
        m[kUtPex] = 2;
    return m;
}

ExtensionHandshake ExtensionRegistry::ourHandshake() const
{
    ExtensionHandshake h;
    h.messages = m_ours;
    return h;
}

quint8 ExtensionRegistry::ourId(const QByteArray &name) const
{
    const auto it = m_ours.find(name);
    return it == m_ours.end() ? 0 : it->second;
}

QByteArray ExtensionRegistry::incomingName(quint8 id) const
{
    const auto it = m_oursById.find(id);
    return it == m_oursById.end() ? QByteArray() : it->second;
}

void ExtensionRegistry::applyPeerHandshake(const ExtensionHandshake &handshake)
{
    for (const auto &[name, id] : handshake.messages) {
        if (id == 0)
            m_peer.erase(name);
        else
            m_peer[name] = id;
    }
}

quint8 ExtensionRegistry::peerId(const QByteArray &name) const
{
    const auto it = m_peer.find(name);
    return it == m_peer.end() ? 0 : it->second;
}

} // namespace swarmscope::wire::ext
