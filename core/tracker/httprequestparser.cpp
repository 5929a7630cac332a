#include "tracker/httprequestparser.h"

namespace swarmscope::tracker {

namespace {

// RFC 9110 token characters, for methods and header names.
bool isTokenChar(char c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Visible ASCII only: no spaces, controls or bytes >= 0x80 in a request target.
bool isTargetChar(char c)
{
    return c > 0x20 && c < 0x7f;
}

// Where the head ends (index just past the blank line), or -1. Bare LF endings are accepted.
qsizetype headEnd(const QByteArray &b, qsizetype &terminatorLength)
{
    const qsizetype crlf = b.indexOf("\r\n\r\n");
    const qsizetype lf = b.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        terminatorLength = 4;
        return crlf;
    }
    terminatorLength = 2;
    return lf;
}

} // namespace

HttpRequestParser::Status HttpRequestParser::fail(int status, QString text)
{
    m_status = Status::Error;
    m_errorStatus = status;
    m_errorText = std::move(text);
    return m_status;
}

HttpRequestParser::Status HttpRequestParser::feed(const QByteArray &data)
{
    if (m_status != Status::NeedMore)
        return m_status;
    m_buffer += data;
    // RFC 9112: a server should ignore empty lines before the request line.
    while (m_buffer.startsWith("\r\n") || m_buffer.startsWith('\n'))
        m_buffer.remove(0, m_buffer.startsWith('\n') ? 1 : 2);
    qsizetype terminator = 0;
    const qsizetype end = headEnd(m_buffer, terminator);
    if (end < 0 || end > m_limits.maxHeadBytes) {
        if (m_buffer.size() <= m_limits.maxHeadBytes)
            return m_status;
        const qsizetype firstLine = m_buffer.indexOf('\n');
        if (firstLine < 0 || firstLine > m_limits.maxHeadBytes)
            return fail(414, QStringLiteral("request line longer than %1 bytes").arg(m_limits.maxHeadBytes));
        return fail(431, QStringLiteral("request head longer than %1 bytes").arg(m_limits.maxHeadBytes));
    }
    const QByteArray head = m_buffer.left(end);
    m_buffer.clear();
    return parseHead(head);
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
        return false;
    for (const char c : parts[1]) {
        if (!isTargetChar(c))
            return false;
    }
    m_head.method = parts[0];
    m_head.target = parts[1];
    m_head.version = parts[2];
    QByteArray target = parts[1];
    // Absolute form (sent through proxies): drop "scheme://authority".
    if (const qsizetype scheme = target.indexOf("://"); scheme > 0 && !target.startsWith('/')) {
        const qsizetype pathStart = target.indexOf('/', scheme + 3);
        target = pathStart < 0 ? QByteArray("/") : target.mid(pathStart);
    }
    if (!target.startsWith('/'))
        return false;
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target.truncate(hash);
    const qsizetype q = target.indexOf('?');
    m_head.path = q < 0 ? target : target.left(q);
    m_head.query = q < 0 ? QByteArray() : target.mid(q + 1);
    return true;
}

HttpRequestParser::Status HttpRequestParser::parseHead(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    if (!parseRequestLine(lines.first()))
        return fail(400, QStringLiteral("malformed request line"));
    if (m_head.version != "HTTP/1.1" && m_head.version != "HTTP/1.0") {
        if (m_head.version.startsWith("HTTP/"))
            return fail(505, QStringLiteral("HTTP version not supported"));
        return fail(400, QStringLiteral("malformed request line"));
    }
    if (lines.size() - 1 > m_limits.maxHeaders)
        return fail(431, QStringLiteral("more than %1 headers").arg(m_limits.maxHeaders));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &l = lines[i];
        const qsizetype colon = l.indexOf(':');
        // Obsolete line folding (leading whitespace) and nameless lines are rejected (RFC 9112).
        if (colon <= 0 || !isToken(l.left(colon)))
            return fail(400, QStringLiteral("malformed header line %1").arg(i));
        const QByteArray value = l.mid(colon + 1).trimmed();
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return fail(400, QStringLiteral("control character in header line %1").arg(i));
        }
        m_head.headers.append({l.left(colon).toLower(), value});
    }
    m_status = Status::Complete;
    return m_status;
}

} // namespace swarmscope::tracker
