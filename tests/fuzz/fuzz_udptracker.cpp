// Fuzz target: what a UDP tracker (or anyone spoofing one) sends us, and the URLs torrents carry.
// The bytes go through every reply decoder with the header's own transaction id (so the size and
// body checks are reached), through the per-tracker state machine at each stage of an exchange,
// and, read as text, through the udp:// URL parser, whose request string must survive the BEP 41
// option encoding. Nothing may crash and every limit must hold.
#include "fuzz_check.h"
#include "tracker/udptrackerconnection.h"

#include <cstdint>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

const auto hashA = metainfo::InfoHash::fromBytes(QByteArray(20, 'a'));
const auto hashB = metainfo::InfoHash::fromBytes(QByteArray(20, 'b'));

AnnounceRequest sampleRequest()
{
    AnnounceRequest r;
    r.infoHash = hashA;
    r.peerId = QByteArray(20, 'p');
    r.port = 6881;
    return r;
}

void checkDecoders(const QByteArray &input)
{
    const auto header = parseUdpReplyHeader(input);
    FUZZ_CHECK(header.has_value() == (input.size() >= 8));
    const quint32 tid = header ? header->transactionId : 0;
    UdpLimits limits;
    limits.maxPeers = 20;
    limits.maxErrorLength = 64;

    QString error;
    if (!parseUdpConnectResponse(input, tid, &error))
        FUZZ_CHECK(!error.isEmpty());
    else
        FUZZ_CHECK(input.size() == 16);

    for (const bool v6 : {false, true}) {
        error.clear();
        const auto r = parseUdpAnnounceResponse(input, tid, v6, &error, limits);
        if (!r) {
            FUZZ_CHECK(!error.isEmpty());
            continue;
        }
        FUZZ_CHECK(r->peers.size() <= limits.maxPeers);
        FUZZ_CHECK(r->peers.size() + r->droppedPeers <= (input.size() - 20) / (v6 ? 18 : 6));
        FUZZ_CHECK(r->interval && r->complete && r->incomplete);
        FUZZ_CHECK(!r->failed());
        for (const TrackerPeer &p : r->peers) {
            FUZZ_CHECK(p.port != 0);
            FUZZ_CHECK(!p.address.isNull() && !p.address.isMulticast());
            FUZZ_CHECK(v6 || p.address.protocol() == QAbstractSocket::IPv4Protocol);
        }
    }

    for (const auto &hashes : {QList<metainfo::InfoHash>{hashA}, QList<metainfo::InfoHash>{hashA, hashB}}) {
        error.clear();
        const auto s = parseUdpScrapeResponse(input, tid, hashes, &error);
        if (!s) {
            FUZZ_CHECK(!error.isEmpty());
            continue;
        }
        FUZZ_CHECK(s->files.size() == hashes.size());
        FUZZ_CHECK(input.size() == 8 + 12 * hashes.size());
    }

    error.clear();
    const auto message = parseUdpErrorResponse(input, tid, &error, limits);
    if (message) {
        FUZZ_CHECK(!message->isEmpty());
        FUZZ_CHECK(message->size() <= limits.maxErrorLength);
    } else {
        FUZZ_CHECK(!error.isEmpty());
    }
}

// Patches the transaction id of `input` to `tid`, so the bytes reach the job's decoder.
QByteArray withTid(QByteArray input, quint32 tid)
{
    if (input.size() < 8)
        return input;
    for (int i = 0; i < 4; ++i)
        input[4 + i] = static_cast<char>((tid >> (24 - 8 * i)) & 0xff);
    return input;
}

quint32 tidOf(const QByteArray &packet)
{
    quint32 v = 0;
    for (qsizetype i = 12; i < 16 && i < packet.size(); ++i)
        v = (v << 8) | static_cast<quint8>(packet[i]);
    return v;
}

void checkResult(const UdpJobResult &r)
{
    const int set = (r.announce ? 1 : 0) + (r.scrape ? 1 : 0) + (r.error.isEmpty() ? 0 : 1);
    FUZZ_CHECK(set == 1);
}

void checkStateMachine(const QByteArray &input)
{
    std::mt19937 rng(1);
    const TimePoint t0 = TimePoint{} + std::chrono::hours(1);
    for (const bool scrape : {false, true}) {
        UdpTrackerConnection c(input.size() % 2 == 1, rng);
        if (scrape)
            c.scrape(1, {hashA, hashB}, t0);
        else
            c.announce(1, sampleRequest(), "/announce", t0);
        const QByteArray connect = c.takeOutgoing().value(0);
        FUZZ_CHECK(connect.size() == 16);
        // Stage 1: the input as a reply to our connect.
        UdpTrackerConnection early(false, rng);
        early.announce(1, sampleRequest(), {}, t0);
        const QByteArray earlyConnect = early.takeOutgoing().value(0);
        early.receive(withTid(input, tidOf(earlyConnect)), t0);
        for (const UdpJobResult &r : early.takeResults())
            checkResult(r);
        FUZZ_CHECK(early.jobCount() <= 1);

        // Stage 2: a proper connect, then the input as the reply to the job.
        QByteArray reply = QByteArray::fromHex("00000000") + connect.mid(12, 4) + QByteArray::fromHex("0102030405060708");
        c.receive(reply, t0);
        const QByteArray sent = c.takeOutgoing().value(0);
        FUZZ_CHECK(sent.size() >= 16);
        c.receive(withTid(input, tidOf(sent)), t0);
        const auto results = c.takeResults();
        FUZZ_CHECK(results.size() + c.jobCount() == 1);
        for (const UdpJobResult &r : results)
            checkResult(r);
        // Whatever happened, time still ends every job: no job waits without a deadline.
        for (int step = 0; step < 100 && c.nextDeadline(); ++step)
            c.advance(*c.nextDeadline());
        for (const UdpJobResult &r : c.takeResults())
            checkResult(r);
        FUZZ_CHECK(c.jobCount() == 0);
    }
}

void checkUrl(const QByteArray &input)
{
    QString error;
    const auto url = parseUdpTrackerUrl(QString::fromUtf8(input), &error);
    if (!url) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(url->port != 0);
    FUZZ_CHECK(!url->host.isEmpty());
    FUZZ_CHECK(url->requestString.size() <= udp::MaxRequestString);
    const QByteArray packet = encodeUdpAnnounceRequest(1, 2, sampleRequest(), url->requestString);
    FUZZ_CHECK(packet.size() >= udp::AnnounceRequestSize);
    QByteArray joined;
    for (qsizetype at = udp::AnnounceRequestSize; at < packet.size();) {
        FUZZ_CHECK(packet[at] == 2);
        const auto length = static_cast<quint8>(packet[at + 1]);
        FUZZ_CHECK(length > 0);
        joined += packet.mid(at + 2, length);
        at += 2 + length;
    }
    FUZZ_CHECK(joined == url->requestString);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkDecoders(input);
    checkStateMachine(input);
    checkUrl(input);
    return 0;
}
