#include "tracker/embeddedtracker.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace swarmscope::tracker {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

} // namespace

EmbeddedTracker::EmbeddedTracker(const EmbeddedTrackerSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_service(settings.service),
      m_server(new QTcpServer(this)), m_expiry(new QTimer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &EmbeddedTracker::onNewConnection);
    // Swarms also expire lazily on each request; the timer frees memory of abandoned torrents.
    m_expiry->setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(
        std::max<Duration>(settings.service.interval, std::chrono::seconds(1))));
    connect(m_expiry, &QTimer::timeout, this, &EmbeddedTracker::expireSwarms);
}

EmbeddedTracker::~EmbeddedTracker()
{
    close();
}

bool EmbeddedTracker::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return false;
    m_expiry->start();
    return true;
}

void EmbeddedTracker::close()
{
    m_server->close();
    m_expiry->stop();
    const auto sockets = m_connections.keys();
    for (QTcpSocket *s : sockets)
        drop(s);
}

bool EmbeddedTracker::isListening() const
{
    return m_server->isListening();
}

quint16 EmbeddedTracker::port() const
{
    return m_server->serverPort();
}

QString EmbeddedTracker::errorString() const
{
    return m_server->errorString();
}

void EmbeddedTracker::expireSwarms()
{
    m_service.expire(Clock::now());
}

void EmbeddedTracker::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (connectionCount() >= m_settings.maxConnections) {
            socket->abort(); // over the cap: refuse at once rather than queue strangers
            socket->deleteLater();
            continue;
        }
        // Bound Qt's own buffer too: we never need more than the head.
        socket->setReadBufferSize(m_settings.http.maxHeadBytes + 4);
        Connection c;
        c.parser = HttpRequestParser(m_settings.http);
        c.timeout = new QTimer(socket);
        c.timeout->setSingleShot(true);
        connect(c.timeout, &QTimer::timeout, this, [this, socket] {
            const auto it = m_connections.find(socket);
            if (it == m_connections.end())
                return;
            if (it->answered) {
                drop(socket); // the client does not read what we wrote: give up
                return;
            }
            // Tell the client why, then allow one more period for the answer to drain.
            it->timeout->start();
            respond(socket, 408, "request timeout\n", {});
        });
        c.timeout->start(m_settings.requestTimeout);
        m_connections.insert(socket, std::move(c));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void EmbeddedTracker::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered) {
        if (socket)
            socket->readAll(); // ignore anything after the request (a body, a second request)
        return;
    }
    HttpRequestParser &parser = it->parser;
    while (parser.status() == HttpRequestParser::Status::NeedMore && socket->bytesAvailable() > 0)
        parser.feed(socket->read(std::max<qsizetype>(parser.room(), 1)));
    if (parser.status() == HttpRequestParser::Status::Error) {
        respond(socket, parser.errorStatus(), parser.errorText().toUtf8() + '\n', {});
    } else if (parser.status() == HttpRequestParser::Status::Complete) {
        const HttpRequestHead head = parser.head();
        handle(socket, head);
    }
}

void EmbeddedTracker::handle(QTcpSocket *socket, const HttpRequestHead &head)
{
    if (head.method != "GET") {
        respond(socket, 405, "only GET is supported\n", head.path);
        return;
    }
    const bool isAnnounce = head.path == "/announce";
    if (!isAnnounce && head.path != "/scrape") {
        respond(socket, 404, "not found\n", head.path);
        return;
    }
    QString error;
    const auto query = parseQuery(head.query, &error);
    if (!query) {
        respond(socket, 400, error.toUtf8() + '\n', head.path);
        return;
    }
    const TimePoint now = Clock::now();
    const QByteArray body = isAnnounce ? m_service.announce(*query, socket->peerAddress(), now)
                                       : m_service.scrape(*query, now);
    respond(socket, 200, body, head.path);
}

void EmbeddedTracker::respond(QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &path)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered)
        return;
    it->answered = true;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: text/plain\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    if (status == 405)
        out += "Allow: GET\r\n";
    out += "Connection: close\r\n\r\n";
    out += body;
    socket->write(out);
    // Flushes what was written, then closes; `disconnected` then drops the connection.
    socket->disconnectFromHost();
    emit requestServed(status, path);
}

void EmbeddedTracker::drop(QTcpSocket *socket)
{
    if (!m_connections.remove(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace swarmscope::tracker
