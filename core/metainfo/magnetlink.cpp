#include "metainfo/magnetlink.h"

#include "metainfo/torrentinfo.h"

#include <QHostAddress>
#include <QStringDecoder>
#include <QUrl>

namespace swarmscope::metainfo {

namespace {

constexpr QLatin1String kPrefix("magnet:?");

// A value as it may appear in an error message: one line, bounded length, so a hostile link
// cannot smuggle newlines or megabytes into a log or a dialog.
QString shown(QStringView value)
{
    constexpr qsizetype kMax = 80;
    QString out;
    out.reserve(qMin(value.size(), kMax) + 5);
    out += QLatin1Char('"');
    for (qsizetype i = 0; i < value.size() && i < kMax; ++i)
        out += value[i].isPrint() ? value[i] : QChar(u'?');
    if (value.size() > kMax)
        out += QLatin1String("...");
    out += QLatin1Char('"');
    return out;
}

int hexValue(QChar qc)
{
    const char16_t c = qc.unicode();
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

enum class DecodeStatus { Ok, BadEscape, BadUtf8 };

// Percent-decodes one key or value into UTF-8 bytes, then into text. Characters that were not
// escaped (a pasted link may hold raw non-ASCII) are taken as they are. On BadEscape, `bad`
// holds the offending escape as written.
DecodeStatus percentDecode(QStringView raw, bool plusIsSpace, QString *out, QString *bad)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    qsizetype runStart = 0; // start of the current run of literal characters
    auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            bytes += raw.sliced(runStart, end - runStart).toUtf8();
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'%') {
            flushRun(i);
            const int hi = i + 1 < raw.size() ? hexValue(raw[i + 1]) : -1;
            const int lo = i + 2 < raw.size() ? hexValue(raw[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                *bad = raw.sliced(i, qMin<qsizetype>(3, raw.size() - i)).toString();
                return DecodeStatus::BadEscape;
            }
            bytes += static_cast<char>(hi * 16 + lo);
            i += 2;
            runStart = i + 1;
        } else if (c == u'+' && plusIsSpace) {
            flushRun(i);
            bytes += ' ';
            runStart = i + 1;
        }
    }
    flushRun(raw.size());

    // Stateless and keeping a leading BOM: the text must be exactly what the bytes say, so
    // that encoding it again gives the same bytes.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    *out = decoder(bytes);
    return decoder.hasError() ? DecodeStatus::BadUtf8 : DecodeStatus::Ok;
}

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// "tr.2" -> "tr", for the keys BEP 9 lets a link number; anything else is returned as is.
QString baseKey(const QString &key)
{
    const qsizetype dot = key.lastIndexOf(u'.');
    if (dot <= 0 || !isAsciiDigits(QStringView(key).sliced(dot + 1)))
        return key;
    const QString base = key.left(dot);
    static const QStringList numbered = {
        QStringLiteral("xt"), QStringLiteral("dn"), QStringLiteral("tr"), QStringLiteral("ws"),
        QStringLiteral("xl"), QStringLiteral("x.pe"),
    };
    return numbered.contains(base) ? base : key;
}

// A URL we can use: http(s), plus udp and wss for trackers, and a host. Kept deliberately simple; the
// tracker and web seed code checks the rest when it connects.
bool isUsableUrl(const QString &text, bool allowUdp)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme(); // QUrl lower-cases the scheme
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || (allowUdp && (scheme == QLatin1String("udp") || scheme == QLatin1String("wss")));
}

// Dotted-quad IPv4 with no leading zeros, so that "010.0.0.1" cannot mean two things.
bool isDottedQuad(QStringView host)
{
    const auto parts = host.split(u'.');
    if (parts.size() != 4)
        return false;
    for (QStringView part : parts) {
        if (!isAsciiDigits(part) || part.size() > 3 || (part.size() > 1 && part[0] == u'0'))
            return false;
        if (part.toInt() > 255)
            return false;
    }
    return true;
}

// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
bool isHostName(QStringView host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    for (QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        for (QChar c : label) {
            const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9') || c == u'-';
            if (!ok)
                return false;
        }
    }
    return true;
}

// x.pe: "host:port", "a.b.c.d:port" or "[ipv6]:port" -> the normalized form, or nothing.
std::optional<QString> normalizedPeer(QStringView text)
{
    QString host;
    QStringView portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text[close + 1] != u':')
            return std::nullopt;
        const QString inner = text.sliced(1, close - 1).toString();
        // A scope id ("%eth0") names an interface on the sender's machine: useless to us.
        if (inner.contains(u'%'))
            return std::nullopt;
        QHostAddress address;
        if (!address.setAddress(inner) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
        portText = text.sliced(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0)
            return std::nullopt;
        const QStringView hostText = text.first(colon);
        // A numeric last label means an IPv4 address was meant (no top-level domain is numeric).
        const QStringView lastLabel = hostText.sliced(hostText.lastIndexOf(u'.') + 1);
        const bool valid = isAsciiDigits(lastLabel) ? isDottedQuad(hostText) : isHostName(hostText);
        if (!valid)
            return std::nullopt;
        host = hostText.toString().toLower();
        portText = text.sliced(colon + 1);
    }
    if (!isAsciiDigits(portText) || portText.size() > 5)
        return std::nullopt;
    const int port = portText.toInt();
    if (port < 1 || port > 65535)
        return std::nullopt;
    return host + QLatin1Char(':') + QString::number(port);
}

// Collects one link's parameters; each add* handles one key and reports the first problem.
class MagnetBuilder {
public:
    explicit MagnetBuilder(const MagnetLimits &limits) : m_limits(limits) {}

    bool add(const QString &key, const QString &rawValue);
    std::optional<MagnetLink> finish();
    const QString &error() const { return m_error; }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }
    bool addInfoHash(const QString &key, const QString &value);
    bool addTracker(const QString &value);
    bool addWebSeed(const QString &value);
    bool addPeer(const QString &key, const QString &value);
    bool addExactLength(const QString &key, const QString &value);

    const MagnetLimits &m_limits;
    MagnetLink m_link;
    bool m_sawV2 = false;
    QString m_error;
};

bool MagnetBuilder::add(const QString &key, const QString &rawValue)
{
    const QString base = baseKey(key);
    static const QStringList known = {
        QStringLiteral("xt"), QStringLiteral("dn"), QStringLiteral("tr"), QStringLiteral("ws"),
        QStringLiteral("xl"), QStringLiteral("x.pe"),
    };
    if (!known.contains(base))
        return true; // unknown parameters (so, kt, as, ...) are ignored, values unchecked

    const bool isName = base == QLatin1String("dn");
    QString value;
    QString badEscape;
    switch (percentDecode(rawValue, isName, &value, &badEscape)) {
    case DecodeStatus::BadEscape:
        return fail(QStringLiteral("bad percent escape in %1: %2").arg(key, shown(badEscape)));
    case DecodeStatus::BadUtf8:
        return fail(QStringLiteral("invalid UTF-8 in %1").arg(key));
    case DecodeStatus::Ok:
        break;
    }

    if (base == QLatin1String("xt"))
        return addInfoHash(key, value);
    if (isName) {
        if (m_link.displayName.isEmpty()) // the first name given wins
            m_link.displayName = value;
        return true;
    }
    if (base == QLatin1String("tr"))
        return addTracker(value);
    if (base == QLatin1String("ws"))
        return addWebSeed(value);
    if (base == QLatin1String("x.pe"))
        return addPeer(key, value);
    return addExactLength(key, value);
}

bool MagnetBuilder::addInfoHash(const QString &key, const QString &value)
{
    if (value.startsWith(QLatin1String("urn:btmh:"), Qt::CaseInsensitive)) {
        m_sawV2 = true; // a hybrid link also carries a btih, which is what we use
        return true;
    }
    if (!value.startsWith(QLatin1String("urn:btih:"), Qt::CaseInsensitive))
        return true; // other URNs (sha1, ed2k, ...) belong to other networks

    const QStringView hash = QStringView(value).sliced(9);
    std::optional<InfoHash> parsed;
    if (hash.size() == 2 * InfoHash::Size)
        parsed = InfoHash::fromHex(hash);
    else if (hash.size() == 32)
        parsed = InfoHash::fromBase32(hash);
    if (!parsed) {
        return fail(QStringLiteral("bad info-hash in %1 (expected 40 hex or 32 base32 characters): %2")
                        .arg(key, shown(hash)));
    }
    if (m_link.infoHash.isValid() && !(m_link.infoHash == *parsed)) {
        return fail(QStringLiteral("conflicting info-hashes in xt: %1 and %2")
                        .arg(m_link.infoHash.toHex(), parsed->toHex()));
    }
    m_link.infoHash = *parsed;
    return true;
}

bool MagnetBuilder::addTracker(const QString &value)
{
    if (!isUsableUrl(value, true) || m_link.trackers.contains(value))
        return true;
    if (m_link.trackers.size() >= m_limits.maxTrackers)
        return fail(QStringLiteral("too many trackers (more than %1)").arg(m_limits.maxTrackers));
    m_link.trackers.append(value);
    return true;
}

bool MagnetBuilder::addWebSeed(const QString &value)
{
    if (!isUsableUrl(value, false) || m_link.webSeeds.contains(value))
        return true;
    if (m_link.webSeeds.size() >= m_limits.maxWebSeeds)
        return fail(QStringLiteral("too many web seeds (more than %1)").arg(m_limits.maxWebSeeds));
    m_link.webSeeds.append(value);
    return true;
}

bool MagnetBuilder::addPeer(const QString &key, const QString &value)
{
    const std::optional<QString> peer = normalizedPeer(value);
    if (!peer) {
        return fail(QStringLiteral("bad peer address in %1 (expected host:port, a.b.c.d:port or "
                                   "[ipv6]:port, port 1-65535): %2")
                        .arg(key, shown(value)));
    }
    if (m_link.peers.contains(*peer))
        return true;
    if (m_link.peers.size() >= m_limits.maxPeers)
        return fail(QStringLiteral("too many peers in x.pe (more than %1)").arg(m_limits.maxPeers));
    m_link.peers.append(*peer);
    return true;
}

bool MagnetBuilder::addExactLength(const QString &key, const QString &value)
{
    if (!isAsciiDigits(value)) {
        return fail(QStringLiteral("bad length in %1 (expected a non-negative decimal integer): %2")
                        .arg(key, shown(value)));
    }
    bool ok = false;
    const qint64 length = value.toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("length in %1 is too large: %2").arg(key, shown(value)));
    if (!m_link.exactLength) // the first length given wins; later ones are only checked
        m_link.exactLength = length;
    return true;
}

std::optional<MagnetLink> MagnetBuilder::finish()
{
    if (!m_link.infoHash.isValid()) {
        if (m_sawV2) {
            fail(QStringLiteral("v2-only magnet links are not supported "
                                "(no xt=urn:btih:..., only xt=urn:btmh:...)"));
        } else {
            fail(QStringLiteral("no info-hash (xt=urn:btih:...)"));
        }
        return std::nullopt;
    }
    return m_link;
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString MagnetLink::toString() const
{
    QString out = QString(kPrefix) + QLatin1String("xt=urn:btih:") + infoHash.toHex();
    if (!displayName.isEmpty())
        out += QLatin1String("&dn=") + encoded(displayName);
    if (exactLength)
        out += QLatin1String("&xl=") + QString::number(*exactLength);
    for (const QString &tracker : trackers)
        out += QLatin1String("&tr=") + encoded(tracker);
    for (const QString &seed : webSeeds)
        out += QLatin1String("&ws=") + encoded(seed);
    for (const QString &peer : peers)
        out += QLatin1String("&x.pe=") + encoded(peer);
    return out;
}

std::optional<MagnetLink> parseMagnet(const QString &uri, QString *error, const MagnetLimits &limits)
{
    auto failed = [error](const QString &message) -> std::optional<MagnetLink> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (uri.size() > limits.maxLength) {
        return failed(QStringLiteral("magnet link too long (%1 characters, limit %2)")
                          .arg(uri.size())
                          .arg(limits.maxLength));
    }
    const QStringView text = QStringView(uri).trimmed();
    if (!text.startsWith(kPrefix, Qt::CaseInsensitive))
        return failed(QStringLiteral("not a magnet link (expected \"magnet:?\" at the start)"));

    MagnetBuilder builder(limits);
    for (QStringView param : text.sliced(kPrefix.size()).split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = param.indexOf(u'=');
        const QStringView rawKey = eq < 0 ? param : param.first(eq);
        const QStringView rawValue = eq < 0 ? QStringView() : param.sliced(eq + 1);
        QString key;
        QString badEscape;
        switch (percentDecode(rawKey, false, &key, &badEscape)) {
        case DecodeStatus::BadEscape:
            return failed(QStringLiteral("bad percent escape in a parameter name: %1").arg(shown(badEscape)));
        case DecodeStatus::BadUtf8:
            return failed(QStringLiteral("invalid UTF-8 in a parameter name"));
        case DecodeStatus::Ok:
            break;
        }
        if (!builder.add(key.toLower(), rawValue.toString()))
            return failed(builder.error());
    }
    std::optional<MagnetLink> link = builder.finish();
    if (!link)
        return failed(builder.error());
    return link;
}

bool isMagnetUri(QStringView text)
{
    return text.trimmed().startsWith(kPrefix, Qt::CaseInsensitive);
}

MagnetLink magnetFor(const TorrentInfo &info)
{
    MagnetLink link;
    link.infoHash = info.infoHash;
    link.displayName = info.name;
    link.exactLength = info.totalSize;
    link.trackers = info.trackers();
    for (const QString &seed : info.webSeeds) {
        if (!link.webSeeds.contains(seed))
            link.webSeeds.append(seed);
    }
    return link;
}

} // namespace swarmscope::metainfo
