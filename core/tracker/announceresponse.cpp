#include "tracker/announceresponse.h"

#include "bencode/reader.h"

#include <QSet>

namespace swarmscope::tracker {

namespace {

constexpr qsizetype maxMessageChars = 2048; // failure/warning text shown in the UI

QString message(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).left(maxMessageChars);
}

quint16 readPort(const char *p)
{
    return static_cast<quint16>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
}

quint32 readIPv4(const char *p)
{
    return (quint32{readPort(p)} << 16) | readPort(p + 2);
}

// Addresses no peer can be reached at.
bool unusable(const QHostAddress &a)
{
    return a.isNull() || a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6)
           || a == QHostAddress(QHostAddress::Broadcast) || a.isMulticast();
}

// Collects peers from every form, enforcing the cap and dropping duplicates.
class PeerCollector {
public:
    PeerCollector(AnnounceResponse &r, int maxPeers) : m_r(r), m_max(maxPeers) {}

    void add(QHostAddress address, quint16 port, QByteArray peerId = {})
    {
        // An IPv4-mapped IPv6 address is an IPv4 peer; keep one spelling so duplicates match.
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
            address = QHostAddress(v4);
        if (port == 0 || unusable(address) || m_r.peers.size() >= m_max) {
            ++m_r.droppedPeers;
            return;
        }
        const QByteArray key = compactEndpoint(address, port);
        if (m_seen.contains(key))
            return;
        m_seen.insert(key);
        if (peerId.size() != 20)
            peerId.clear();
        m_r.peers.append({address, port, peerId});
    }

private:
    AnnounceResponse &m_r;
    int m_max;
    QSet<QByteArray> m_seen;
};

} // namespace

std::optional<AnnounceResponse> parseAnnounceResponse(const QByteArray &body, QString *error,
                                                      const ResponseLimits &limits)
{
    auto fail = [error](QString text) -> std::optional<AnnounceResponse> {
        if (error)
            *error = std::move(text);
        return std::nullopt;
    };
    if (body.size() > limits.maxSize)
        return fail(QStringLiteral("response of %1 bytes is larger than the limit of %2")
                        .arg(body.size())
                        .arg(limits.maxSize));
    if (body.isEmpty())
        return fail(QStringLiteral("empty response"));

    bencode::Limits bl;
    bl.maxInputSize = limits.maxSize;
    bl.maxDepth = 8;  // peers list of dicts is the deepest legitimate nesting (3)
    bl.maxItems = 4 * limits.maxPeers + 100'000;
    bencode::DecodeError decodeError;
    qsizetype offset = 0;
    const auto root = bencode::decodePrefix(body, offset, &decodeError, bl);
    if (!root)
        return fail(QStringLiteral("not bencoded: %1").arg(decodeError.toString()));
    // Some trackers (PHP scripts) end the body with a newline: tolerate whitespace only.
    for (qsizetype i = offset; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
            return fail(QStringLiteral("unexpected data after the response at byte %1").arg(i));
    }
    if (!root->isDict())
        return fail(QStringLiteral("response is not a dictionary"));

    AnnounceResponse r;
    // Typed field readers: a known key with the wrong type is an error, absence is not.
    QString typeError;
    auto string = [&](const char *key) -> std::optional<QByteArray> {
        const bencode::Value *v = root->find(key);
        if (!v)
            return std::nullopt;
        if (!v->isString()) {
            typeError = QStringLiteral("'%1' is not a string").arg(QLatin1String(key));
            return std::nullopt;
        }
        return v->string();
    };
    auto count = [&](const char *key) -> std::optional<qint64> {
        const bencode::Value *v = root->find(key);
        if (!v)
            return std::nullopt;
        if (!v->isInteger() || v->integer() < 0) {
            typeError = QStringLiteral("'%1' is not a non-negative integer").arg(QLatin1String(key));
            return std::nullopt;
        }
        return v->integer();
    };

    if (const auto reason = string("failure reason"))
        r.failureReason = message(*reason);
    if (typeError.isEmpty() && r.failureReason.isEmpty() && root->find("failure reason"))
        typeError = QStringLiteral("'failure reason' is empty");
    if (const auto warning = string("warning message"))
        r.warningMessage = message(*warning);
    r.interval = count("interval");
    r.minInterval = count("min interval");
    if (const auto id = string("tracker id"))
        r.trackerId = id->left(256);
    r.complete = count("complete");
    r.incomplete = count("incomplete");
    r.downloaded = count("downloaded");
    if (const auto ext = string("external ip")) {
        if (ext->size() == 4 || ext->size() == 16) {
            r.externalIp = ext->size() == 4 ? QHostAddress(readIPv4(ext->constData()))
                                            : QHostAddress(reinterpret_cast<const quint8 *>(ext->constData()));
        }
    }
    if (!typeError.isEmpty())
        return fail(typeError);
    if (r.failed())
        return r; // a refusal needs no peers

    PeerCollector peers(r, limits.maxPeers);
    if (const bencode::Value *v = root->find("peers")) {
        if (v->isString()) {
            const QByteArray &s = v->string();
            if (s.size() % 6 != 0)
                return fail(QStringLiteral("compact 'peers' is %1 bytes, not a multiple of 6").arg(s.size()));
            for (qsizetype i = 0; i < s.size(); i += 6) {
                const char *p = s.constData() + i;
                peers.add(QHostAddress(readIPv4(p)), readPort(p + 4));
            }
        } else if (v->isList()) {
            for (const bencode::Value &entry : v->list()) {
                const QByteArray *ip = entry.findString("ip");
                const bencode::Integer *port = entry.findInteger("port");
                const QByteArray *peerId = entry.findString("peer id");
                // A malformed entry is one bad peer, not a bad response.
                QHostAddress address;
                if (!ip || !port || *port < 0 || *port > 65535 || ip->size() > 64
                    || !address.setAddress(QString::fromLatin1(*ip))) {
                    ++r.droppedPeers;
                    continue;
                }
                peers.add(address, static_cast<quint16>(*port), peerId ? *peerId : QByteArray());
            }
        } else {
            return fail(QStringLiteral("'peers' is neither a string nor a list"));
        }
    }
    if (const bencode::Value *v = root->find("peers6")) {
        if (!v->isString())
            return fail(QStringLiteral("'peers6' is not a string"));
        const QByteArray &s = v->string();
        if (s.size() % 18 != 0)
            return fail(QStringLiteral("compact 'peers6' is %1 bytes, not a multiple of 18").arg(s.size()));
        for (qsizetype i = 0; i < s.size(); i += 18) {
            const char *p = s.constData() + i;
            peers.add(QHostAddress(reinterpret_cast<const quint8 *>(p)), readPort(p + 16));
        }
    }
    return r;
}

} // namespace swarmscope::tracker
