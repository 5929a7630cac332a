// Incremental parser for the head of an HTTP/1.0 or 1.1 request, as the embedded tracker
// receives it from strangers. Pure code with hard limits: the request line and headers
// together may not exceed maxHeadBytes, and the header count is capped. A body, if any,
// is never read (tracker requests are GETs).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace swarmscope::tracker {

struct HttpRequestHead {
    QByteArray method;  // "GET"
    QByteArray target;  // as sent: "/announce?info_hash=..." or "http://host/announce?..."
    QByteArray version; // "HTTP/1.0" or "HTTP/1.1"
    QByteArray path;    // target's path, still percent-encoded
    QByteArray query;   // after '?', still percent-encoded; empty when none
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
};

struct HttpRequestLimits {
    qsizetype maxHeadBytes = 8 * 1024;
    int maxHeaders = 64;
};

class HttpRequestParser {
public:
    enum class Status { NeedMore, Complete, Error };

    explicit HttpRequestParser(const HttpRequestLimits &limits = {}) : m_limits(limits) {}

    // Feeds more bytes. After Complete or Error, further input is ignored.
    Status feed(const QByteArray &data);
    Status status() const { return m_status; }
    // How many more bytes feed() can take before the head is too large; read no more than this.
    qsizetype room() const { return m_limits.maxHeadBytes + 4 - m_buffer.size(); }

    const HttpRequestHead &head() const { return m_head; }
    int errorStatus() const { return m_errorStatus; } // 400, 414, 431, 505 on Error
    const QString &errorText() const { return m_errorText; }

private:
    Status fail(int status, QString text);
    Status parseHead(const QByteArray &head);
    bool parseRequestLine(const QByteArray &line);

    HttpRequestLimits m_limits;
    QByteArray m_buffer;
    Status m_status = Status::NeedMore;
    HttpRequestHead m_head;
    int m_errorStatus = 0;
    QString m_errorText;
};

} // namespace swarmscope::tracker
