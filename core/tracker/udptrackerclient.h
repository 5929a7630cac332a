// UDP tracker client (BEP 15, BEP 41) for the engine thread, shaped like HttpTrackerClient:
// announce()/scrape() return an id for cancel(), and results arrive through callbacks, always
// asynchronously, never after cancel() or the client's destruction.
//
// One QUdpSocket, bound where the caller says, serves every UDP tracker; each tracker endpoint
// (resolved address and port) has its own UdpTrackerConnection, so jobs to one tracker share its
// connection id. Host names are resolved with QHostInfo without blocking. Datagrams go only to
// a tracker's resolved address, never to an unspecified, broadcast or multicast one, and only
// datagrams from that address and port reach its state. One QTimer drives every retransmission.
#pragma once

#include "tracker/httptrackerclient.h"
#include "tracker/udptrackerconnection.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <map>
#include <memory>
#include <random>

class QHostInfo;
class QTimer;
class QUdpSocket;

namespace swarmscope::tracker {

class UdpTrackerClient : public QObject {
    Q_OBJECT
public:
    using AnnounceCallback = HttpTrackerClient::AnnounceCallback;
    using ScrapeCallback = HttpTrackerClient::ScrapeCallback;

    // `seed` feeds the transaction ids; 0 takes one from the system's generator.
    explicit UdpTrackerClient(QObject *parent = nullptr, quint32 seed = 0);
    ~UdpTrackerClient() override;

    // Binds the shared socket (once). QHostAddress::Any reaches IPv4 and IPv6 trackers; a
    // specific address reaches trackers of its own family only. Requests made before a
    // successful bind fail.
    bool bind(const QHostAddress &address, quint16 port = 0, QString *error = nullptr);
    bool isBound() const;
    QHostAddress localAddress() const;
    quint16 localPort() const;

    void setSettings(const UdpTrackerSettings &settings);
    const UdpTrackerSettings &settings() const { return m_settings; }

    // `announceUrl` is udp://host:port[/path?query]; its path and query go along as BEP 41 URL
    // data. Do not delete the client from inside a callback (use deleteLater).
    quint64 announce(const QString &announceUrl, const AnnounceRequest &request, AnnounceCallback done);
    // Takes the tracker's announce URL (UDP trackers scrape on the same endpoint); 1 to 74 hashes.
    // BEP 41 options belong to announces, so the URL's path is not sent.
    quint64 scrape(const QString &announceUrl, const QList<metainfo::InfoHash> &hashes, ScrapeCallback done);
    void cancel(quint64 id);

    int pendingCount() const { return int(m_pending.size()); }
    // Tracker endpoints with state kept (jobs, or a connection id still fresh).
    int endpointCount() const { return int(m_endpoints.size()); }
    // Datagrams from addresses that are not a tracker we talk to.
    int strayDatagrams() const { return m_stray; }

private:
    struct Pending {
        bool isScrape = false;
        AnnounceCallback onAnnounce;
        ScrapeCallback onScrape;
        AnnounceRequest request;
        QByteArray requestString;
        QList<metainfo::InfoHash> hashes;
        int lookupId = -1;   // host lookup in progress
        QByteArray endpoint; // key of the endpoint once resolved
        quint16 port = 0;
    };
    struct Endpoint {
        QHostAddress address;
        quint16 port = 0;
        std::unique_ptr<UdpTrackerConnection> state;
    };

    quint64 add(const QString &url, Pending pending);
    void onResolved(quint64 id, const QHostInfo &info);
    void submit(quint64 id, const QHostAddress &address);
    void failLater(quint64 id, const QString &error);
    void onReadyRead();
    void onTimer();
    void flush();
    void deliverReady();
    static QByteArray endpointKey(const QHostAddress &address, quint16 port);
    QString unreachableReason(const QHostAddress &address) const;

    QUdpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    std::mt19937 m_rng;
    UdpTrackerSettings m_settings;
    std::map<QByteArray, Endpoint> m_endpoints; // move-only values: not a QHash
    QHash<quint64, Pending> m_pending;
    QList<UdpJobResult> m_ready; // finished, waiting for the queued delivery
    bool m_deliveryQueued = false;
    quint64 m_nextId = 1;
    int m_stray = 0;
};

} // namespace swarmscope::tracker
