// Fuzz target: tracker input from strangers. The same bytes go through the announce and scrape
// response parsers (what a tracker sends us) and the HTTP request parser plus the embedded
// tracker's service (what a client sends our tracker). Nothing may crash, limits must hold, and
// whatever the service answers must parse back with our own response parsers.
#include "fuzz_check.h"
#include "tracker/announceresponse.h"
#include "tracker/httprequestparser.h"
#include "tracker/scrape.h"
#include "tracker/trackerservice.h"

#include <cstdint>

using namespace swarmscope;
using namespace swarmscope::tracker;

namespace {

void checkAnnounceResponse(const QByteArray &input)
{
    ResponseLimits limits;
    limits.maxPeers = 50;
    QString error;
    const auto r = parseAnnounceResponse(input, &error, limits);
    if (!r) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(r->peers.size() <= limits.maxPeers);
    if (r->failed())
        FUZZ_CHECK(r->peers.isEmpty());
    FUZZ_CHECK(!r->interval || *r->interval >= 0);
    for (const TrackerPeer &p : r->peers) {
        FUZZ_CHECK(p.port != 0);
        FUZZ_CHECK(!p.address.isNull());
        FUZZ_CHECK(p.peerId.isEmpty() || p.peerId.size() == 20);
        FUZZ_CHECK(!compactEndpoint(p.address, p.port).isEmpty());
    }
}

void checkScrapeResponse(const QByteArray &input)
{
    ScrapeLimits limits;
    limits.maxFiles = 20;
    QString error;
    const auto r = parseScrapeResponse(input, &error, limits);
    if (!r) {
        FUZZ_CHECK(!error.isEmpty());
        return;
    }
    FUZZ_CHECK(r->files.size() <= limits.maxFiles);
    for (auto it = r->files.cbegin(); it != r->files.cend(); ++it) {
        FUZZ_CHECK(it.key().isValid());
        FUZZ_CHECK(!it->complete || *it->complete >= 0);
    }
}

void checkRequest(const QByteArray &input)
{
    HttpRequestLimits limits;
    limits.maxHeadBytes = 2048;
    HttpRequestParser parser(limits);
    // Feed in uneven chunks, as a socket would deliver them.
    for (qsizetype pos = 0, step = 1; pos < input.size() && parser.status() == HttpRequestParser::Status::NeedMore;
         pos += step, step = step * 3 % 97 + 1)
        parser.feed(input.mid(pos, std::min(step, parser.room())));
    if (parser.status() == HttpRequestParser::Status::Error) {
        const int s = parser.errorStatus();
        FUZZ_CHECK(s == 400 || s == 414 || s == 431 || s == 505);
        return;
    }
    if (parser.status() != HttpRequestParser::Status::Complete)
        return;
    const HttpRequestHead &head = parser.head();
    FUZZ_CHECK(head.path.startsWith('/'));
    FUZZ_CHECK(!head.method.isEmpty());
    const auto query = parseQuery(head.query);
    if (!query)
        return;
    static TrackerService service({}, 1);
    const TimePoint now = TimePoint{} + std::chrono::hours(1);
    const QByteArray announced = service.announce(*query, QHostAddress(QStringLiteral("10.0.0.1")), now);
    FUZZ_CHECK(parseAnnounceResponse(announced));
    FUZZ_CHECK(parseScrapeResponse(service.scrape(*query, now)));
    service.expire(now + std::chrono::hours(2)); // keep the shared service small
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    checkAnnounceResponse(input);
    checkScrapeResponse(input);
    checkRequest(input);
    FUZZ_CHECK(percentDecode(percentEncode(input)) == input);
    return 0;
}
