#include "tracker/udptrackerconnection.h"

#include <algorithm>

namespace swarmscope::tracker {

namespace {

UdpTrackerSettings clamped(UdpTrackerSettings s)
{
    s.maxRetransmits = std::clamp(s.maxRetransmits, 0, 16); // 2^16 keeps the multiplication sane
    if (s.retransmitBase <= Duration::zero())
        s.retransmitBase = std::chrono::milliseconds(1);
    return s;
}

// BEP 15 has no error codes: trackers word it themselves ("Connection ID missmatch." from
// opentracker, "connection id expired" elsewhere). A reply naming the connection id is taken
// as a request to reconnect.
bool namesConnectionId(const QString &message)
{
    return message.contains(QLatin1String("connection"), Qt::CaseInsensitive);
}

} // namespace

UdpTrackerConnection::UdpTrackerConnection(bool ipv6, std::mt19937 &rng, const UdpTrackerSettings &settings)
    : m_ipv6(ipv6), m_rng(rng), m_settings(clamped(settings))
{
}

void UdpTrackerConnection::setSettings(const UdpTrackerSettings &settings)
{
    m_settings = clamped(settings);
}

Duration UdpTrackerConnection::timeoutFor(int n) const
{
    return m_settings.retransmitBase * (1LL << std::clamp(n, 0, 16));
}

quint32 UdpTrackerConnection::newTransactionId()
{
    // Unique among what is outstanding, so every reply maps to one packet.
    for (;;) {
        const auto id = static_cast<quint32>(m_rng());
        if (findByTransaction(id) == nullptr && !(m_connecting && m_connecting->transactionId == id))
            return id;
    }
}

UdpTrackerConnection::Job *UdpTrackerConnection::findByTransaction(quint32 transactionId)
{
    for (Job &job : m_jobs) {
        if (job.transactionId == transactionId)
            return &job;
    }
    return nullptr;
}

void UdpTrackerConnection::announce(quint64 job, const AnnounceRequest &request, const QByteArray &requestString,
                                    TimePoint now)
{
    // Checked now rather than at send time, so the caller learns of a bad request at once.
    if (encodeUdpAnnounceRequest(0, 0, request, requestString).isEmpty()) {
        finish(job, UdpJobResult{job, {}, {}, QStringLiteral("invalid announce request")});
        return;
    }
    Job j;
    j.id = job;
    j.request = request;
    j.requestString = requestString;
    add(std::move(j), now);
}

void UdpTrackerConnection::scrape(quint64 job, const QList<metainfo::InfoHash> &hashes, TimePoint now)
{
    if (encodeUdpScrapeRequest(0, 0, hashes).isEmpty()) {
        finish(job, UdpJobResult{job, {}, {},
                                 QStringLiteral("a UDP scrape takes 1 to %1 valid info-hashes").arg(udp::MaxScrapeHashes)});
        return;
    }
    Job j;
    j.id = job;
    j.isScrape = true;
    j.hashes = hashes;
    add(std::move(j), now);
}

void UdpTrackerConnection::add(Job job, TimePoint now)
{
    job.transactionId = newTransactionId();
    m_jobs.push_back(std::move(job));
    dispatch(now);
}

bool UdpTrackerConnection::cancel(quint64 job)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [job](const Job &j) { return j.id == job; });
    if (it == m_jobs.end())
        return false;
    m_jobs.erase(it);
    if (!anyWaiting())
        m_connecting.reset(); // nobody needs the connect any more: stop resending it
    return true;
}

bool UdpTrackerConnection::anyWaiting() const
{
    return std::any_of(m_jobs.begin(), m_jobs.end(), [](const Job &j) { return !j.deadline; });
}

void UdpTrackerConnection::dispatch(TimePoint now)
{
    for (Job &job : m_jobs) {
        if (job.deadline)
            continue;
        if (!hasConnectionId(now)) {
            startConnect(now);
            return;
        }
        sendJob(job, now);
    }
}

void UdpTrackerConnection::sendJob(Job &job, TimePoint now)
{
    m_outgoing.append(job.isScrape
                          ? encodeUdpScrapeRequest(*m_connectionId, job.transactionId, job.hashes)
                          : encodeUdpAnnounceRequest(*m_connectionId, job.transactionId, job.request,
                                                     job.requestString));
    job.deadline = now + timeoutFor(job.attempt);
    job.sentWith = *m_connectionId;
}

void UdpTrackerConnection::startConnect(TimePoint now)
{
    if (m_connecting)
        return;
    m_connectionId.reset();
    m_connecting = Connecting{newTransactionId(), 0, now + timeoutFor(0)};
    m_outgoing.append(encodeUdpConnectRequest(m_connecting->transactionId));
}

void UdpTrackerConnection::receive(const QByteArray &datagram, TimePoint now)
{
    const auto header = parseUdpReplyHeader(datagram);
    if (!header) {
        ++m_ignored;
        return;
    }
    if (m_connecting && header->transactionId == m_connecting->transactionId) {
        onConnectReply(datagram, header->action, now);
        return;
    }
    if (Job *job = findByTransaction(header->transactionId)) {
        onJobReply(*job, datagram, header->action, now);
        return;
    }
    ++m_ignored; // a reply to something cancelled, a duplicate, or not from our exchange at all
}

void UdpTrackerConnection::onConnectReply(const QByteArray &datagram, quint32 action, TimePoint now)
{
    const quint32 transactionId = m_connecting->transactionId;
    m_connecting.reset();
    QString error;
    if (action == quint32(UdpAction::Error)) {
        failWaiting(QString(), parseUdpErrorResponse(datagram, transactionId, &error, m_settings.limits).value_or(error));
        return;
    }
    const auto id = parseUdpConnectResponse(datagram, transactionId, &error);
    if (!id) {
        failWaiting(QStringLiteral("bad connect reply: %1").arg(error));
        return;
    }
    m_connectionId = *id;
    m_connectionIdExpiry = now + m_settings.connectionIdLifetime;
    dispatch(now);
}

void UdpTrackerConnection::onJobReply(Job &job, const QByteArray &datagram, quint32 action, TimePoint now)
{
    QString error;
    if (action == quint32(UdpAction::Error)) {
        const QString message = parseUdpErrorResponse(datagram, job.transactionId, &error, m_settings.limits)
                                    .value_or(error);
        if (namesConnectionId(message) && !job.reconnectedOnError) {
            // The tracker no longer knows our id (restarted, or its clock runs faster): get a
            // fresh one and send the request again, once, so a confused tracker cannot loop us.
            // When the id has changed since that copy went out, the fresh one is used as it is.
            job.reconnectedOnError = true;
            job.deadline.reset();
            if (m_connectionId && *m_connectionId == job.sentWith)
                m_connectionId.reset();
            dispatch(now);
            return;
        }
        finish(job.id, trackerErrorResult(job, message));
        return;
    }
    UdpJobResult result;
    result.job = job.id;
    if (job.isScrape) {
        result.scrape = parseUdpScrapeResponse(datagram, job.transactionId, job.hashes, &error);
        if (!result.scrape)
            result.error = QStringLiteral("bad scrape reply: %1").arg(error);
    } else {
        result.announce = parseUdpAnnounceResponse(datagram, job.transactionId, m_ipv6, &error, m_settings.limits);
        if (!result.announce)
            result.error = QStringLiteral("bad announce reply: %1").arg(error);
    }
    // A reply that carries our transaction id but breaks the protocol comes from the tracker
    // itself (ids are random 32-bit values); waiting for a better one would only delay the error.
    finish(job.id, std::move(result));
}

UdpJobResult UdpTrackerConnection::trackerErrorResult(const Job &job, const QString &message) const
{
    UdpJobResult result;
    result.job = job.id;
    if (job.isScrape) {
        result.scrape = ScrapeResponse{};
        result.scrape->failureReason = message;
    } else {
        result.announce = AnnounceResponse{};
        result.announce->failureReason = message;
    }
    return result;
}

void UdpTrackerConnection::failWaiting(const QString &error, const std::optional<QString> &trackerError)
{
    std::vector<Job> waiting;
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->deadline) {
            ++it;
        } else {
            waiting.push_back(std::move(*it));
            it = m_jobs.erase(it);
        }
    }
    for (const Job &job : waiting) {
        if (trackerError)
            m_results.append(trackerErrorResult(job, *trackerError));
        else
            m_results.append(UdpJobResult{job.id, {}, {}, error});
    }
}

void UdpTrackerConnection::finish(quint64 job, UdpJobResult result)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [job](const Job &j) { return j.id == job; });
    if (it != m_jobs.end())
        m_jobs.erase(it);
    result.job = job;
    m_results.append(std::move(result));
}

void UdpTrackerConnection::advance(TimePoint now)
{
    if (m_connecting && now >= m_connecting->deadline) {
        if (m_connecting->attempt >= m_settings.maxRetransmits) {
            const int tries = m_connecting->attempt + 1;
            m_connecting.reset();
            failWaiting(QStringLiteral("no reply from the tracker to %1 connect requests").arg(tries));
        } else {
            ++m_connecting->attempt;
            m_connecting->deadline = now + timeoutFor(m_connecting->attempt);
            m_outgoing.append(encodeUdpConnectRequest(m_connecting->transactionId));
        }
    }
    std::vector<quint64> expired;
    for (Job &job : m_jobs) {
        if (!job.deadline || now < *job.deadline)
            continue;
        if (job.attempt >= m_settings.maxRetransmits) {
            expired.push_back(job.id);
        } else {
            ++job.attempt;
            job.deadline.reset(); // back to waiting: dispatch resends it, or reconnects first
        }
    }
    for (const quint64 id : expired) {
        const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [id](const Job &j) { return j.id == id; });
        const int tries = it->attempt + 1;
        const QString what = it->isScrape ? QStringLiteral("scrape") : QStringLiteral("announce");
        finish(id, UdpJobResult{id, {}, {}, QStringLiteral("no reply from the tracker to %1 %2 requests").arg(tries).arg(what)});
    }
    dispatch(now);
}

std::optional<TimePoint> UdpTrackerConnection::nextDeadline() const
{
    std::optional<TimePoint> out;
    if (m_connecting)
        out = m_connecting->deadline;
    for (const Job &job : m_jobs) {
        if (job.deadline && (!out || *job.deadline < *out))
            out = job.deadline;
    }
    return out;
}

QList<QByteArray> UdpTrackerConnection::takeOutgoing()
{
    return std::exchange(m_outgoing, {});
}

QList<UdpJobResult> UdpTrackerConnection::takeResults()
{
    return std::exchange(m_results, {});
}

} // namespace swarmscope::tracker
