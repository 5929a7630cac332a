#include "tracker/udptrackercodec.h"

#include <QHostAddress>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <cctype>

namespace swarmscope::tracker {

namespace {

void putU16(QByteArray &out, quint16 v)
{
    out.append(static_cast<char>(v >> 8));
    out.append(static_cast<char>(v & 0xff));
}

void putU32(QByteArray &out, quint32 v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((v >> shift) & 0xff));
}

void putU64(QByteArray &out, quint64 v)
{
    putU32(out, static_cast<quint32>(v >> 32));
    putU32(out, static_cast<quint32>(v & 0xffffffffU));
}

quint32 getU32(const QByteArray &in, qsizetype at)
{
    quint32 v = 0;
    for (qsizetype i = 0; i < 4; ++i)
        v = (v << 8) | static_cast<quint8>(in[at + i]);
    return v;
}

quint64 getU64(const QByteArray &in, qsizetype at)
{
    return (quint64(getU32(in, at)) << 32) | getU32(in, at + 4);
}

quint16 getU16(const QByteArray &in, qsizetype at)
{
    return static_cast<quint16>((static_cast<quint8>(in[at]) << 8) | static_cast<quint8>(in[at + 1]));
}

quint64 nonNegative(qint64 v)
{
    return v < 0 ? 0 : static_cast<quint64>(v);
}

QString actionName(quint32 action)
{
    switch (action) {
    case quint32(UdpAction::Connect): return QStringLiteral("connect");
    case quint32(UdpAction::Announce): return QStringLiteral("announce");
    case quint32(UdpAction::Scrape): return QStringLiteral("scrape");
    case quint32(UdpAction::Error): return QStringLiteral("error");
    default: return QStringLiteral("unknown action %1").arg(action);
    }
}

// Header checks shared by every decoder: length, action, transaction id.
bool checkHeader(const QByteArray &datagram, UdpAction expected, quint32 transactionId, QString *error)
{
    auto fail = [error](QString text) {
        if (error)
            *error = std::move(text);
        return false;
    };
    const auto header = parseUdpReplyHeader(datagram);
    if (!header)
        return fail(QStringLiteral("reply of %1 bytes is shorter than its header").arg(datagram.size()));
    if (header->action != quint32(expected))
        return fail(QStringLiteral("expected a %1 reply, got %2")
                        .arg(actionName(quint32(expected)), actionName(header->action)));
    if (header->transactionId != transactionId)
        return fail(QStringLiteral("transaction id %1 does not match %2")
                        .arg(header->transactionId)
                        .arg(transactionId));
    return true;
}

bool unusable(const QHostAddress &a)
{
    return a.isNull() || a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6)
           || a == QHostAddress(QHostAddress::Broadcast) || a.isMulticast();
}

} // namespace

std::optional<UdpTrackerUrl> parseUdpTrackerUrl(const QString &text, QString *error)
{
    auto fail = [error](QString message) -> std::optional<UdpTrackerUrl> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    const QUrl url(text.trimmed(), QUrl::TolerantMode);
    if (!url.isValid())
        return fail(QStringLiteral("invalid tracker URL"));
    if (url.scheme() != QLatin1String("udp"))
        return fail(QStringLiteral("not a udp:// URL"));
    if (url.host().isEmpty())
        return fail(QStringLiteral("tracker URL has no host"));
    const int port = url.port(-1);
    if (port < 1 || port > 65535)
        return fail(QStringLiteral("UDP tracker URL needs a port"));
    UdpTrackerUrl out;
    out.host = url.host();
    out.port = static_cast<quint16>(port);
    // BEP 41 forwards the URL's own spelling, so a passkey reaches the tracker byte for byte.
    QByteArray request = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        request += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    if (request == "/")
        request.clear(); // "udp://host:port/" says nothing more than "udp://host:port"
    if (request.size() > udp::MaxRequestString)
        return fail(QStringLiteral("tracker URL path of %1 bytes is too long").arg(request.size()));
    out.requestString = request;
    return out;
}

quint32 udpAnnounceKey(const QByteArray &key)
{
    if (!key.isEmpty() && key.size() <= 8) {
        bool ok = false;
        const uint v = key.toUInt(&ok, 16);
        const bool allHex = std::all_of(key.begin(), key.end(),
                                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
        if (ok && allHex)
            return v;
    }
    quint32 h = 2166136261U; // FNV-1a: stable across runs and Qt versions, unlike qHash
    for (const char c : key) {
        h ^= static_cast<quint8>(c);
        h *= 16777619U;
    }
    return h;
}

QByteArray encodeUdpConnectRequest(quint32 transactionId)
{
    QByteArray out;
    out.reserve(16);
    putU64(out, udp::ProtocolId);
    putU32(out, quint32(UdpAction::Connect));
    putU32(out, transactionId);
    return out;
}

QByteArray encodeUdpAnnounceRequest(quint64 connectionId, quint32 transactionId, const AnnounceRequest &r,
                                    const QByteArray &requestString)
{
    if (!r.infoHash.isValid() || r.peerId.size() != 20 || requestString.size() > udp::MaxRequestString)
        return {};
    quint32 event = 0; // BEP 15 numbers: none 0, completed 1, started 2, stopped 3
    switch (r.event) {
    case AnnounceEvent::None: event = 0; break;
    case AnnounceEvent::Completed: event = 1; break;
    case AnnounceEvent::Started: event = 2; break;
    case AnnounceEvent::Stopped: event = 3; break;
    }
    quint32 ip = 0;
    if (!r.ip.isEmpty()) {
        const QHostAddress address(QString::fromLatin1(r.ip));
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            ip = address.toIPv4Address();
    }
    QByteArray out;
    out.reserve(udp::AnnounceRequestSize + requestString.size() + 2 * (requestString.size() / udp::UrlDataChunk + 1));
    putU64(out, connectionId);
    putU32(out, quint32(UdpAction::Announce));
    putU32(out, transactionId);
    out += r.infoHash.bytes();
    out += r.peerId;
    putU64(out, nonNegative(r.downloaded));
    putU64(out, nonNegative(r.left));
    putU64(out, nonNegative(r.uploaded));
    putU32(out, event);
    putU32(out, ip);
    putU32(out, udpAnnounceKey(r.key));
    putU32(out, r.numWant < 0 ? 0xffffffffU : static_cast<quint32>(r.numWant));
    putU16(out, r.port);
    for (qsizetype pos = 0; pos < requestString.size(); pos += udp::UrlDataChunk) {
        const QByteArray chunk = requestString.mid(pos, udp::UrlDataChunk);
        out.append(char(2)); // URLData
        out.append(static_cast<char>(chunk.size()));
        out += chunk;
    }
    return out;
}

QByteArray encodeUdpScrapeRequest(quint64 connectionId, quint32 transactionId,
                                  const QList<metainfo::InfoHash> &hashes)
{
    if (hashes.isEmpty() || hashes.size() > udp::MaxScrapeHashes)
        return {};
    QByteArray out;
    out.reserve(16 + 20 * hashes.size());
    putU64(out, connectionId);
    putU32(out, quint32(UdpAction::Scrape));
    putU32(out, transactionId);
    for (const auto &h : hashes) {
        if (!h.isValid())
            return {};
        out += h.bytes();
    }
    return out;
}

std::optional<UdpReplyHeader> parseUdpReplyHeader(const QByteArray &datagram)
{
    if (datagram.size() < 8)
        return std::nullopt;
    return UdpReplyHeader{getU32(datagram, 0), getU32(datagram, 4)};
}

std::optional<quint64> parseUdpConnectResponse(const QByteArray &datagram, quint32 transactionId, QString *error)
{
    if (!checkHeader(datagram, UdpAction::Connect, transactionId, error))
        return std::nullopt;
    if (datagram.size() != 16) {
        if (error)
            *error = QStringLiteral("connect reply of %1 bytes, expected 16").arg(datagram.size());
        return std::nullopt;
    }
    return getU64(datagram, 8);
}

std::optional<AnnounceResponse> parseUdpAnnounceResponse(const QByteArray &datagram, quint32 transactionId,
                                                         bool ipv6Peers, QString *error, const UdpLimits &limits)
{
    if (!checkHeader(datagram, UdpAction::Announce, transactionId, error))
        return std::nullopt;
    const qsizetype peerSize = ipv6Peers ? 18 : 6;
    if (datagram.size() < 20 || (datagram.size() - 20) % peerSize != 0) {
        if (error)
            *error = QStringLiteral("announce reply of %1 bytes is not 20 plus a multiple of %2")
                         .arg(datagram.size())
                         .arg(peerSize);
        return std::nullopt;
    }
    AnnounceResponse r;
    r.interval = getU32(datagram, 8);
    r.incomplete = getU32(datagram, 12);
    r.complete = getU32(datagram, 16);
    QSet<QByteArray> seen;
    for (qsizetype at = 20; at < datagram.size(); at += peerSize) {
        const QByteArray endpoint = datagram.mid(at, peerSize);
        QHostAddress address;
        if (ipv6Peers) {
            Q_IPV6ADDR v6;
            std::copy_n(endpoint.constData(), 16, reinterpret_cast<char *>(v6.c));
            address = QHostAddress(v6);
            // An IPv4-mapped IPv6 address is an IPv4 peer; one spelling lets duplicates match.
            bool isV4 = false;
            const quint32 v4 = address.toIPv4Address(&isV4);
            if (isV4)
                address = QHostAddress(v4);
        } else {
            address = QHostAddress(getU32(endpoint, 0));
        }
        const quint16 port = getU16(endpoint, peerSize - 2);
        if (port == 0 || unusable(address) || r.peers.size() >= limits.maxPeers) {
            ++r.droppedPeers;
            continue;
        }
        const QByteArray key = compactEndpoint(address, port);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        r.peers.append({address, port, {}});
    }
    return r;
}

std::optional<ScrapeResponse> parseUdpScrapeResponse(const QByteArray &datagram, quint32 transactionId,
                                                     const QList<metainfo::InfoHash> &hashes, QString *error)
{
    if (!checkHeader(datagram, UdpAction::Scrape, transactionId, error))
        return std::nullopt;
    if (datagram.size() != 8 + 12 * hashes.size()) {
        if (error)
            *error = QStringLiteral("scrape reply of %1 bytes for %2 hashes, expected %3")
                         .arg(datagram.size())
                         .arg(hashes.size())
                         .arg(8 + 12 * hashes.size());
        return std::nullopt;
    }
    ScrapeResponse r;
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        const qsizetype at = 8 + 12 * i;
        ScrapeStats stats;
        stats.complete = getU32(datagram, at);
        stats.downloaded = getU32(datagram, at + 4);
        stats.incomplete = getU32(datagram, at + 8);
        r.files.insert(hashes[i], stats);
    }
    return r;
}

std::optional<QString> parseUdpErrorResponse(const QByteArray &datagram, quint32 transactionId, QString *error,
                                             const UdpLimits &limits)
{
    if (!checkHeader(datagram, UdpAction::Error, transactionId, error))
        return std::nullopt;
    QString message = QString::fromUtf8(datagram.mid(8, qMax(0, limits.maxErrorLength)));
    for (QChar &c : message) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    message = message.trimmed();
    if (message.isEmpty())
        message = QStringLiteral("tracker error without a message");
    return message;
}

} // namespace swarmscope::tracker
