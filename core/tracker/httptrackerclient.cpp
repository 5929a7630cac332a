#include "tracker/httptrackerclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace swarmscope::tracker {

namespace {

bool isHttpScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

QString httpError(int status, const QNetworkReply *reply)
{
    const QString reason =
        QString::fromUtf8(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    return QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
}

} // namespace

HttpTrackerClient::HttpTrackerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this))
{
}

HttpTrackerClient::~HttpTrackerClient()
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (p.reply) {
            p.reply->disconnect(this);
            p.reply->abort();
            p.reply->deleteLater();
        }
    }
}

quint64 HttpTrackerClient::announce(const QString &announceUrl, const AnnounceRequest &request,
                                    AnnounceCallback done)
{
    const int maxPeers = m_settings.maxPeers;
    const qsizetype maxSize = m_settings.maxResponseSize;
    return get(buildAnnounceUrl(announceUrl, request),
               [done = std::move(done), maxPeers, maxSize](const QByteArray &body, int, const QString &error) {
                   AnnounceResult result;
                   if (!error.isEmpty() && body.isEmpty()) {
                       result.error = error;
                       done(result);
                       return;
                   }
                   ResponseLimits limits;
                   limits.maxPeers = maxPeers;
                   limits.maxSize = maxSize;
                   QString parseError;
                   result.response = parseAnnounceResponse(body, &parseError, limits);
                   // A non-2xx status is only acceptable with a bencoded failure reason.
                   if (!error.isEmpty() && (!result.response || !result.response->failed())) {
                       result.response.reset();
                       result.error = error;
                   } else if (!result.response) {
                       result.error = QStringLiteral("bad response: %1").arg(parseError);
                   }
                   done(result);
               });
}

quint64 HttpTrackerClient::scrape(const QString &scrapeUrl, const QList<metainfo::InfoHash> &hashes,
                                  ScrapeCallback done)
{
    const qsizetype maxSize = m_settings.maxResponseSize;
    return get(buildScrapeUrl(scrapeUrl, hashes),
               [done = std::move(done), maxSize](const QByteArray &body, int, const QString &error) {
                   ScrapeResult result;
                   if (!error.isEmpty()) {
                       result.error = error;
                       done(result);
                       return;
                   }
                   ScrapeLimits limits;
                   limits.maxSize = maxSize;
                   QString parseError;
                   result.response = parseScrapeResponse(body, &parseError, limits);
                   if (!result.response)
                       result.error = QStringLiteral("bad response: %1").arg(parseError);
                   done(result);
               });
}

void HttpTrackerClient::cancel(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const QPointer<QNetworkReply> reply = it->reply;
    m_pending.erase(it);
    if (reply) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpTrackerClient::failLater(quint64 id, const QString &error)
{
    // Callbacks are always asynchronous, so callers never re-enter themselves.
    QMetaObject::invokeMethod(
        this,
        [this, id, error] {
            const auto it = m_pending.find(id);
            if (it == m_pending.end())
                return; // cancelled
            const RawCallback done = std::move(it->done);
            m_pending.erase(it);
            done({}, 0, error);
        },
        Qt::QueuedConnection);
}

quint64 HttpTrackerClient::get(const QByteArray &encodedUrl, RawCallback done)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{{}, {}, {}, std::move(done)});
    // Tolerant: torrents carry announce URLs with stray characters (spaces, '|'); Qt escapes
    // those and leaves our %XX escapes exactly as they are.
    const QUrl url = QUrl::fromEncoded(encodedUrl, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty()) {
        failLater(id, QStringLiteral("invalid tracker URL"));
        return id;
    }
    if (!isHttpScheme(url.scheme())) {
        failLater(id, QStringLiteral("unsupported tracker scheme '%1'").arg(url.scheme()));
        return id;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_settings.timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      m_settings.userAgent.isEmpty() ? QByteArrayLiteral("Swarmscope/" SWARMSCOPE_VERSION)
                                                     : m_settings.userAgent);
    QNetworkReply *reply = m_network->get(request);
    reply->setReadBufferSize(64 * 1024); // Qt buffers without limit by default
    m_pending[id].reply = reply;

    connect(reply, &QNetworkReply::redirected, this, [this, id, reply](const QUrl &target) {
        // An announce URL carries our peer id and stats; never follow it to file:, ftp: etc.
        if (isHttpScheme(target.scheme()))
            emit reply->redirectAllowed();
        else
            abortWith(id, QStringLiteral("refused redirect to '%1'").arg(target.scheme()));
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_settings.maxResponseSize)
            abortWith(id, QStringLiteral("response of %1 bytes is larger than the limit").arg(length.toLongLong()));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    return id;
}

void HttpTrackerClient::abortWith(quint64 id, const QString &reason)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->reply)
        return;
    if (!it->abortReason.isEmpty())
        return;
    it->abortReason = reason;
    // Aborting from inside the reply's own signal (metaDataChanged) upsets QNetworkReply:
    // abort from the event loop instead. Until then onReadyRead reads nothing more, and the
    // reply's bounded read buffer makes the socket push back.
    QMetaObject::invokeMethod(
        this,
        [this, id] {
            const auto p = m_pending.find(id);
            if (p != m_pending.end() && p->reply)
                p->reply->abort(); // emits finished, handled by onFinished
        },
        Qt::QueuedConnection);
}

void HttpTrackerClient::onReadyRead(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end() || !it->reply || !it->abortReason.isEmpty())
        return;
    // Read in bounded chunks and stop as soon as the cap is passed: never buffer a huge body.
    const qsizetype room = m_settings.maxResponseSize - it->body.size();
    it->body += it->reply->read(room + 1);
    if (it->body.size() > m_settings.maxResponseSize)
        abortWith(id, QStringLiteral("response is larger than %1 bytes").arg(m_settings.maxResponseSize));
}

void HttpTrackerClient::onFinished(quint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    QNetworkReply *reply = it->reply;
    if (reply && it->abortReason.isEmpty() && reply->bytesAvailable() > 0)
        onReadyRead(id);
    it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending p = std::move(*it);
    m_pending.erase(it);
    if (!reply)
        return;
    reply->disconnect(this);
    reply->deleteLater();

    if (!p.abortReason.isEmpty()) {
        p.done({}, 0, p.abortReason);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply->error();
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        p.done({}, 0,
               QStringLiteral("no answer within %1 s").arg(double(m_settings.timeout.count()) / 1000.0));
        return;
    }
    if (status == 0) { // no HTTP response at all: connection refused, DNS, TLS ...
        p.done({}, 0, reply->errorString());
        return;
    }
    if (status >= 300 && status <= 399) {
        // Qt stops at redirects it will not follow (other schemes, too many hops).
        const QUrl target = reply->url().resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
        p.done({}, 0, QStringLiteral("refused redirect to '%1'").arg(target.scheme()));
        return;
    }
    if (status < 200 || status > 299) {
        // Keep the body: some trackers send a bencoded failure reason with a 4xx/5xx status.
        p.done(p.body, status, httpError(status, reply));
        return;
    }
    p.done(p.body, status, {});
}

} // namespace swarmscope::tracker
