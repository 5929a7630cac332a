// HTTP(S) tracker client: runs announces and scrapes with QNetworkAccessManager on the engine
// thread. Requests time out, redirects may only lead to http/https, and the body is capped
// while it is read (a hostile tracker cannot make us buffer more than maxResponseSize, even
// through gzip). Results arrive through callbacks, always asynchronously, never after cancel()
// or the client's destruction.
#pragma once

#include "tracker/announcerequest.h"
#include "tracker/announceresponse.h"
#include "tracker/scrape.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace swarmscope::tracker {

struct AnnounceResult {
    std::optional<AnnounceResponse> response; // set on success (may carry a failure reason)
    QString error;                            // set otherwise: network, HTTP or parse error
};

struct ScrapeResult {
    std::optional<ScrapeResponse> response;
    QString error;
};

struct HttpTrackerSettings {
    std::chrono::milliseconds timeout{30'000}; // without progress, the whole request fails
    qsizetype maxResponseSize = 1024 * 1024;
    int maxRedirects = 5;
    int maxPeers = 500;
    QByteArray userAgent;                      // empty: "Swarmscope/<version>"
};

class HttpTrackerClient : public QObject {
    Q_OBJECT
public:
    using AnnounceCallback = std::function<void(const AnnounceResult &)>;
    using ScrapeCallback = std::function<void(const ScrapeResult &)>;

    // `network` may be shared with other users; when null the client makes its own.
    explicit HttpTrackerClient(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~HttpTrackerClient() override;

    void setSettings(const HttpTrackerSettings &settings) { m_settings = settings; }
    const HttpTrackerSettings &settings() const { return m_settings; }

    // Returns an id for cancel(). Do not delete the client from inside a callback (deleteLater).
    quint64 announce(const QString &announceUrl, const AnnounceRequest &request, AnnounceCallback done);
    quint64 scrape(const QString &scrapeUrl, const QList<metainfo::InfoHash> &hashes, ScrapeCallback done);
    void cancel(quint64 id);
    int pendingCount() const { return int(m_pending.size()); }

private:
    // Body on success (status 2xx or a body worth parsing), or an error message.
    using RawCallback = std::function<void(const QByteArray &body, int httpStatus, const QString &error)>;
    struct Pending {
        QPointer<QNetworkReply> reply;
        QByteArray body;
        QString abortReason; // why we aborted it ourselves
        RawCallback done;
    };

    quint64 get(const QByteArray &encodedUrl, RawCallback done);
    void failLater(quint64 id, const QString &error);
    void onReadyRead(quint64 id);
    void onFinished(quint64 id);
    void abortWith(quint64 id, const QString &reason);

    QNetworkAccessManager *m_network = nullptr;
    HttpTrackerSettings m_settings;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
};

} // namespace swarmscope::tracker
