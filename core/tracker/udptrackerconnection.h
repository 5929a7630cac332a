// One UDP tracker endpoint's protocol state (BEP 15). Pure code: no socket, no timer, no clock;
// the caller passes `now`, feeds the datagrams that came from the tracker's address, sends what
// takeOutgoing() returns to that address, calls advance() at nextDeadline(), and collects
// finished jobs from takeResults().
//
// Rules: one connection id serves every job of the endpoint while it is younger than
// connectionIdLifetime (BEP 15: one minute); a job that needs to go out without a valid id waits
// for a connect, which all waiting jobs share. Every packet (connect or request) is resent after
// retransmitBase * 2^n with n counting that packet's earlier sends, and gives up after the wait at
// n = maxRetransmits. A request is resent with its transaction id unchanged, so a late reply to an
// earlier copy still counts; when its retransmission finds the id expired, it reconnects first.
// An error reply that names the connection id makes the job reconnect and go again, once.
#pragma once

#include "tracker/udptrackercodec.h"
#include "util/clock.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <random>
#include <vector>

namespace swarmscope::tracker {

struct UdpTrackerSettings {
    Duration retransmitBase = std::chrono::seconds(15);      // BEP 15: 15 * 2^n seconds
    int maxRetransmits = 8;                                  // BEP 15: n up to 8 (clamped to 0..16)
    Duration connectionIdLifetime = std::chrono::minutes(1); // BEP 15: usable for one minute
    UdpLimits limits;
};

// A finished job: exactly one of announce, scrape or error is set. A tracker's error reply is a
// response with failureReason set, as the HTTP client reports bencoded failures.
struct UdpJobResult {
    quint64 job = 0;
    std::optional<AnnounceResponse> announce;
    std::optional<ScrapeResponse> scrape;
    QString error; // no reply in time, or a reply that broke the protocol
};

class UdpTrackerConnection {
public:
    // `ipv6`: the tracker is reached over IPv6, so its announce replies carry 18-byte peers.
    // `rng` makes transaction ids; it must outlive the connection.
    UdpTrackerConnection(bool ipv6, std::mt19937 &rng, const UdpTrackerSettings &settings = {});

    // Changes apply to the waits scheduled from now on.
    void setSettings(const UdpTrackerSettings &settings);
    const UdpTrackerSettings &settings() const { return m_settings; }

    // Job ids are the caller's and must be unique among this connection's jobs. A job that
    // cannot be encoded (bad info-hash, peer id or hash list) finishes at once with an error.
    void announce(quint64 job, const AnnounceRequest &request, const QByteArray &requestString, TimePoint now);
    void scrape(quint64 job, const QList<metainfo::InfoHash> &hashes, TimePoint now);
    // Forgets the job; a later reply to it is ignored. Returns whether it was there.
    bool cancel(quint64 job);

    // A datagram from the tracker's address. Anything that does not carry an outstanding
    // transaction id is ignored (counted in ignoredDatagrams()).
    void receive(const QByteArray &datagram, TimePoint now);
    // Resends or gives up what has waited long enough.
    void advance(TimePoint now);

    QList<QByteArray> takeOutgoing();
    QList<UdpJobResult> takeResults();
    bool hasResults() const { return !m_results.isEmpty(); }

    // The earliest time advance() has something to do; nullopt when nothing is in flight.
    std::optional<TimePoint> nextDeadline() const;
    int jobCount() const { return int(m_jobs.size()); }
    bool isConnecting() const { return m_connecting.has_value(); }
    bool hasConnectionId(TimePoint now) const { return m_connectionId && now < m_connectionIdExpiry; }
    int ignoredDatagrams() const { return m_ignored; }

    // The wait after the n-th send of a packet: retransmitBase * 2^n.
    Duration timeoutFor(int n) const;

private:
    struct Job {
        quint64 id = 0;
        bool isScrape = false;
        AnnounceRequest request;
        QByteArray requestString;
        QList<metainfo::InfoHash> hashes;
        quint32 transactionId = 0;
        int attempt = 0;                   // n of the copy in flight
        std::optional<TimePoint> deadline; // set while a copy is in flight; unset while waiting
        quint64 sentWith = 0;              // connection id of the copy in flight
        bool reconnectedOnError = false;
    };
    struct Connecting {
        quint32 transactionId = 0;
        int attempt = 0;
        TimePoint deadline;
    };

    quint32 newTransactionId();
    Job *findByTransaction(quint32 transactionId);
    void add(Job job, TimePoint now);
    void dispatch(TimePoint now);
    void sendJob(Job &job, TimePoint now);
    void startConnect(TimePoint now);
    void onConnectReply(const QByteArray &datagram, quint32 action, TimePoint now);
    void onJobReply(Job &job, const QByteArray &datagram, quint32 action, TimePoint now);
    void failWaiting(const QString &error, const std::optional<QString> &trackerError = std::nullopt);
    void finish(quint64 job, UdpJobResult result);
    UdpJobResult trackerErrorResult(const Job &job, const QString &message) const;
    bool anyWaiting() const;

    bool m_ipv6 = false;
    std::mt19937 &m_rng;
    UdpTrackerSettings m_settings;
    std::optional<quint64> m_connectionId;
    TimePoint m_connectionIdExpiry;
    std::optional<Connecting> m_connecting;
    std::vector<Job> m_jobs; // in arrival order, so waiting jobs go out in that order
    QList<QByteArray> m_outgoing;
    QList<UdpJobResult> m_results;
    int m_ignored = 0;
};

} // namespace swarmscope::tracker
