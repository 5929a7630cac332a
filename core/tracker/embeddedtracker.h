// A small HTTP tracker inside the app (QTcpServer on the engine thread): GET /announce and
// GET /scrape, answered by a TrackerService. Every connection is untrusted: the request head
// is capped (414/431 beyond it), a slow client is cut off after requestTimeout, the number of
// simultaneous connections is capped, and each connection serves one request and closes.
#pragma once

#include "tracker/httprequestparser.h"
#include "tracker/trackerservice.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <chrono>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace swarmscope::tracker {

struct EmbeddedTrackerSettings {
    TrackerServiceSettings service;
    HttpRequestLimits http;
    std::chrono::milliseconds requestTimeout{10'000}; // from accept to the response's last byte
    int maxConnections = 256;
};

class EmbeddedTracker : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedTracker(const EmbeddedTrackerSettings &settings = {}, QObject *parent = nullptr);
    ~EmbeddedTracker() override;

    // Starts listening; port 0 picks a free one. False with errorString() on failure.
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;

    TrackerService &service() { return m_service; }
    int connectionCount() const { return int(m_connections.size()); }

signals:
    // One per answered request, for logs and tests: the status and the path asked for.
    void requestServed(int httpStatus, const QByteArray &path);

private:
    struct Connection {
        HttpRequestParser parser;
        QTimer *timeout = nullptr;
        bool answered = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &path);
    void handle(QTcpSocket *socket, const HttpRequestHead &head);
    void drop(QTcpSocket *socket);
    void expireSwarms();

    EmbeddedTrackerSettings m_settings;
    TrackerService m_service;
    QTcpServer *m_server = nullptr;
    QTimer *m_expiry = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace swarmscope::tracker
