// UdpTrackerClient against a real UDP tracker: Debian's opentracker on 127.0.0.1 (started by the
// interop tests' helper, which lists the test hashes: Debian builds it in whitelist mode). Skipped
// with a message when the binary is missing (packaging/dev.sh installs it for the tests).
#include "../interop/opentracker.h"

#include "metainfo/torrentcreator.h"
#include "metainfo/torrentinfo.h"
#include "tracker/udptrackerclient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::tracker;
using namespace std::chrono_literals;

namespace {

const auto listed = metainfo::InfoHash::fromBytes(QByteArray::fromHex("5377617266736f6f7065696e7465726f70746573"));
const auto unlisted = metainfo::InfoHash::fromBytes(QByteArray::fromHex("0123456789abcdef0123456789abcdef01234567"));

AnnounceRequest request(quint16 port, qint64 left, AnnounceEvent event, const metainfo::InfoHash &hash = listed)
{
    AnnounceRequest r;
    r.infoHash = hash;
    r.peerId = "-SS0100-" + QByteArray::number(port).rightJustified(12, '0');
    r.port = port;
    r.left = left;
    r.event = event;
    r.numWant = 50;
    return r;
}

AnnounceResult announceAndWait(UdpTrackerClient &client, const QString &url, const AnnounceRequest &r)
{
    std::optional<AnnounceResult> out;
    client.announce(url, r, [&](const AnnounceResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15'000))
        return AnnounceResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

ScrapeResult scrapeAndWait(UdpTrackerClient &client, const QString &url, const QList<metainfo::InfoHash> &hashes)
{
    std::optional<ScrapeResult> out;
    client.scrape(url, hashes, [&](const ScrapeResult &result) { out = result; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 15'000))
        return ScrapeResult{std::nullopt, QStringLiteral("test: no callback")};
    return *out;
}

bool hasPeer(const AnnounceResult &r, quint16 port)
{
    if (!r.response)
        return false;
    for (const TrackerPeer &p : r.response->peers) {
        if (p.address == QHostAddress(QHostAddress::LocalHost) && p.port == port)
            return true;
    }
    return false;
}

} // namespace

class TestUdpTrackerInterop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (const QString why = testutil::OpenTracker::missingReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        // The engine test's torrent is listed too: its info-hash does not depend on its trackers,
        // so it can be listed before the tracker's port is known.
        QVERIFY(makePayloadTorrent());
        QString error;
        QVERIFY2(m_tracker.start(QStringLiteral("127.0.0.1"), {listed, m_payload.infoHash}, &error), qPrintable(error));
        m_url = m_tracker.udpAnnounceUrl();

        QVERIFY(m_client.bind(QHostAddress::LocalHost));
        QVERIFY(m_other.bind(QHostAddress::LocalHost));
        UdpTrackerSettings fast;
        fast.retransmitBase = 200ms;
        fast.maxRetransmits = 3;
        m_client.setSettings(fast);
        m_other.setSettings(fast);
        // The first peer, 7001, which the rows below expect in the swarm.
        const AnnounceResult r = announceAndWait(m_client, m_url, request(7001, 1000, AnnounceEvent::Started));
        QVERIFY2(r.response && !r.response->failed(), qPrintable(r.error + m_tracker.describe()));
    }

    void twoPeersSeeEachOther()
    {
        // 7001 announced in initTestCase from m_client; 7002 comes from another socket.
        const AnnounceResult b = announceAndWait(m_other, m_url, request(7002, 1000, AnnounceEvent::Started));
        QVERIFY2(b.response && !b.response->failed(), qPrintable(b.error));
        QVERIFY(hasPeer(b, 7001));
        QCOMPARE(b.response->incomplete, std::optional<qint64>(2));
        QCOMPARE(b.response->complete, std::optional<qint64>(0));
        QVERIFY(b.response->interval.value_or(0) > 0);

        const AnnounceResult a = announceAndWait(m_client, m_url, request(7001, 1000, AnnounceEvent::None));
        QVERIFY2(a.response && !a.response->failed(), qPrintable(a.error));
        QVERIFY(hasPeer(a, 7002));
    }

    void scrapeCounts()
    {
        ScrapeResult s = scrapeAndWait(m_client, m_url, {listed});
        QVERIFY2(s.response, qPrintable(s.error));
        QCOMPARE(s.response->files.value(listed), (ScrapeStats{0, 0, 2}));

        // 7001 completes: one seeder, one leecher, one download.
        const AnnounceResult done = announceAndWait(m_client, m_url, request(7001, 0, AnnounceEvent::Completed));
        QVERIFY2(done.response && !done.response->failed(), qPrintable(done.error));
        s = scrapeAndWait(m_other, m_url, {listed, unlisted});
        QVERIFY2(s.response, qPrintable(s.error));
        QCOMPARE(s.response->files.value(listed), (ScrapeStats{1, 1, 1}));
        QCOMPARE(s.response->files.value(unlisted), (ScrapeStats{0, 0, 0}));

        // 7002 leaves.
        const AnnounceResult gone = announceAndWait(m_other, m_url, request(7002, 1000, AnnounceEvent::Stopped));
        QVERIFY2(gone.response, qPrintable(gone.error));
        s = scrapeAndWait(m_client, m_url, {listed});
        QCOMPARE(s.response->files.value(listed), (ScrapeStats{1, 1, 0}));
    }

    void urlDataAccepted()
    {
        const AnnounceResult r = announceAndWait(
            m_other, m_url + QStringLiteral("?passkey=") + QString(300, QLatin1Char('k')),
            request(7003, 500, AnnounceEvent::Started));
        QVERIFY2(r.response && !r.response->failed(), qPrintable(r.error));
        QVERIFY(hasPeer(r, 7001));
    }

    void unlistedHashIsAnError()
    {
        // opentracker answers a hash outside its list with a bare 8-byte header; that must end
        // the request with an error at once, not after the retransmission schedule.
        const AnnounceResult r = announceAndWait(m_client, m_url, request(7004, 1, AnnounceEvent::Started, unlisted));
        QVERIFY(!r.response);
        QVERIFY2(r.error.contains(QLatin1String("bad announce reply")), qPrintable(r.error));
    }

    // Two engines (the CLI) find each other through opentracker alone: no --peer given.
    void enginesFindEachOtherThroughIt()
    {
        m_payload.trackerTiers = {{m_url}};
        const QString torrentPath = m_dir.filePath(QStringLiteral("udp.torrent"));
        QFile t(torrentPath);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(metainfo::encodeTorrentFile(m_payload));
        t.close();
        const QString cli = QStringLiteral(SWARMSCOPE_CLI);
        const QStringList common{QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                 QStringLiteral("0"), QStringLiteral("--quiet")};
        QProcess seeder;
        seeder.setProcessChannelMode(QProcess::MergedChannels);
        seeder.start(cli, QStringList{QStringLiteral("seed"), QStringLiteral("--no-dht"), torrentPath, QStringLiteral("--save"), m_dir.path(),
                                      QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("state-seed"))}
                              + common);
        QVERIFY(seeder.waitForStarted(5000));
        QProcess leecher;
        leecher.setProcessChannelMode(QProcess::MergedChannels);
        const QString downloads = m_dir.filePath(QStringLiteral("downloads"));
        leecher.start(cli, QStringList{QStringLiteral("download"), QStringLiteral("--no-dht"), torrentPath, QStringLiteral("--save"), downloads,
                                       QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("state-leech")),
                                       QStringLiteral("--exit-when-done")}
                               + common);
        QVERIFY(leecher.waitForStarted(5000));
        const bool finished = leecher.waitForFinished(60'000);
        seeder.terminate();
        seeder.waitForFinished(10'000);
        if (!finished)
            leecher.kill();
        QVERIFY2(finished && leecher.exitCode() == 0,
                 qPrintable(QStringLiteral("leecher: %1\nseeder: %2")
                                .arg(QString::fromLocal8Bit(leecher.readAll()), QString::fromLocal8Bit(seeder.readAll()))));
        QFile original(m_dir.filePath(QStringLiteral("payload.bin")));
        QFile copy(QDir(downloads).filePath(QStringLiteral("payload.bin")));
        QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
        QVERIFY(original.readAll() == copy.readAll());
    }

private:
    bool makePayloadTorrent()
    {
        QFile f(m_dir.filePath(QStringLiteral("payload.bin")));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        QByteArray data(1'000'000, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (char &c : data)
            c = static_cast<char>(rng.bounded(256));
        f.write(data);
        f.close();
        metainfo::CreateOptions options;
        options.sourcePath = f.fileName();
        options.pieceSize = 32 * 1024;
        options.includeCreationDate = false;
        const auto bytes = metainfo::createTorrent(options);
        if (!bytes)
            return false;
        auto info = metainfo::parseTorrent(*bytes);
        if (!info)
            return false;
        m_payload = *info;
        return true;
    }

    QTemporaryDir m_dir; // the payload, its torrent and the engines' state
    testutil::OpenTracker m_tracker;
    UdpTrackerClient m_client{nullptr, 11};
    UdpTrackerClient m_other{nullptr, 12};
    QString m_url;
    metainfo::TorrentInfo m_payload;
};

QTEST_GUILESS_MAIN(TestUdpTrackerInterop)
#include "tst_udptrackerinterop.moc"
