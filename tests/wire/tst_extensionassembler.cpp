// MetadataAssembler: magnet metadata from several peers with a fake clock — pieces in any
// order, sizes peers disagree on, hash failures, rejects, time-outs, and a full exchange with
// the serving side.
#include "wire/extension/metadataassembler.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::wire::ext;
using Status = MetadataAssembler::DataResult::Status;

namespace {

constexpr qint64 kSize = 40000; // three pieces: 16384, 16384, 7232
const TimePoint t0 = TimePoint{} + 1000s;

QByteArray infoBytes(qint64 size = kSize, char salt = 'a')
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = static_cast<char>((i * 31 + salt + i / 16384) & 0xff);
    return b;
}

MetadataMessage dataFor(const QByteArray &info, int piece)
{
    return MetadataMessage::dataPiece(piece, info.size(), MetadataSource(info).piece(piece));
}

} // namespace

class TestMetadataAssembler : public QObject {
    Q_OBJECT
private slots:
    void onePeerInOrder();
    void outOfOrderFromTwoPeers();
    void requestLimitPerPeer();
    void refusesUnusableSizes();
    void majoritySizeWins();
    void switchesSizeWhileNoDataArrived();
    void keepsTheSizeOnceDataArrived();
    void abandonsAnAttemptNobodyBacks();
    void totalSizeMismatchDropsThePeer();
    void wrongPieceLengthDropsThePeer();
    void unsolicitedAndDuplicateDataAreIgnored();
    void hashMismatchBlamesASoleContributor();
    void hashMismatchIsolatesSeveralContributors();
    void isolatedLiarIsDropped();
    void sourceRoleMovesOnWhenTheSourceStalls();
    void timeoutsReturnPiecesAndDropSilentPeers();
    void lateDataAfterATimeoutIsWelcome();
    void rejectBacksOff();
    void removedPeerReleasesItsPieces();
    void readvertisedSizeReplacesTheOld();
    void nothingAfterCompletion();
    void exchangeWithTheServingSide();
};

void TestMetadataAssembler::onePeerInOrder()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info), {.maxRequestsPerPeer = 8});
    QVERIFY(a.addPeer(1, kSize));
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1, 2}));
    QCOMPARE(a.size(), kSize);
    QCOMPARE(a.pieceCount(), 3);
    QCOMPARE(a.onData(1, dataFor(info, 0), t0).status, Status::Accepted);
    QCOMPARE(a.onData(1, dataFor(info, 1), t0).status, Status::Accepted);
    QCOMPARE(a.piecesReceived(), 2);
    const auto r = a.onData(1, dataFor(info, 2), t0);
    QCOMPARE(r.status, Status::Complete);
    QCOMPARE(r.info, info);
    QVERIFY(a.isComplete());
}

void TestMetadataAssembler::outOfOrderFromTwoPeers()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(10, kSize);
    a.addPeer(20, kSize);
    QCOMPARE(a.takeRequests(10, t0), QList<int>({0, 1}));
    QCOMPARE(a.takeRequests(20, t0), QList<int>({2}));
    QCOMPARE(a.takeRequests(20, t0), QList<int>()); // nothing left unrequested
    QCOMPARE(a.outstandingRequests(), 3);
    QCOMPARE(a.onData(20, dataFor(info, 2), t0 + 1s).status, Status::Accepted);
    QCOMPARE(a.onData(10, dataFor(info, 1), t0 + 2s).status, Status::Accepted);
    const auto r = a.onData(10, dataFor(info, 0), t0 + 3s);
    QCOMPARE(r.status, Status::Complete);
    QCOMPARE(r.info, info);
}

void TestMetadataAssembler::requestLimitPerPeer()
{
    MetadataAssembler a(metainfo::InfoHash::ofInfo(infoBytes(200000)));
    a.addPeer(1, 200000); // 13 pieces
    QCOMPARE(a.takeRequests(1, t0).size(), 2);
    QCOMPARE(a.takeRequests(1, t0).size(), 0);
    const QByteArray info = infoBytes(200000);
    a.onData(1, dataFor(info, 0), t0);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({2})); // one slot freed
}

void TestMetadataAssembler::refusesUnusableSizes()
{
    MetadataAssembler a(metainfo::InfoHash::ofInfo(infoBytes()));
    QVERIFY(!a.addPeer(1, 0));
    QVERIFY(!a.addPeer(2, -1));
    QVERIFY(!a.addPeer(3, kMaxMetadataSize + 1));
    QVERIFY(a.addPeer(4, kMaxMetadataSize));
    QVERIFY(!a.hasPeer(1) && !a.hasPeer(3) && a.hasPeer(4));
    QVERIFY(a.takeRequests(1, t0).isEmpty()); // unknown peers get nothing
}

void TestMetadataAssembler::majoritySizeWins()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, 999999); // a liar, first to arrive
    a.addPeer(2, kSize);
    a.addPeer(3, kSize);
    QVERIFY(a.takeRequests(1, t0).isEmpty());
    QCOMPARE(a.size(), kSize);
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
    QCOMPARE(a.takeRequests(3, t0), QList<int>({2}));
}

void TestMetadataAssembler::switchesSizeWhileNoDataArrived()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, 999999);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1})); // alone, it is believed for now
    QCOMPARE(a.size(), qint64(999999));
    a.addPeer(2, kSize);
    QVERIFY(a.takeRequests(2, t0).isEmpty()); // a tie does not switch
    a.addPeer(3, kSize);
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1})); // now two against one
    QCOMPARE(a.size(), kSize);
    QCOMPARE(a.outstandingRequests(), 2); // the liar's requests were forgotten
    // The liar's answer to its old request is not part of this attempt.
    const auto r = a.onData(1, MetadataMessage::dataPiece(0, 999999, QByteArray(16384, 'x')), t0);
    QCOMPARE(r.status, Status::Ignored);
}

void TestMetadataAssembler::keepsTheSizeOnceDataArrived()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    QCOMPARE(a.onData(1, dataFor(info, 0), t0).status, Status::Accepted);
    a.addPeer(2, 50000);
    a.addPeer(3, 50000);
    QVERIFY(a.takeRequests(2, t0).isEmpty());
    QCOMPARE(a.size(), kSize);
    QCOMPARE(a.piecesReceived(), 1);
}

void TestMetadataAssembler::abandonsAnAttemptNobodyBacks()
{
    const QByteArray wrong = infoBytes(20000);
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, 20000);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    QCOMPARE(a.onData(1, dataFor(wrong, 0), t0).status, Status::Accepted);
    a.addPeer(2, kSize);
    QVERIFY(a.takeRequests(2, t0).isEmpty());
    a.removePeer(1); // the only peer backing 20000 bytes leaves
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
    QCOMPARE(a.size(), kSize);
    QCOMPARE(a.piecesReceived(), 0);
}

void TestMetadataAssembler::totalSizeMismatchDropsThePeer()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    // Advertised 40000 bytes, answers as if there were 50000.
    const auto r = a.onData(1, MetadataMessage::dataPiece(0, 50000, QByteArray(16384, 'x')), t0);
    QCOMPARE(r.status, Status::PeerDropped);
    QVERIFY2(r.reason.contains(QLatin1String("advertised 40000")), qPrintable(r.reason));
    QVERIFY(a.isDropped(1));
    QVERIFY(a.takeRequests(1, t0).isEmpty());
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1})); // its pieces went back to the pool
    QCOMPARE(a.onData(1, dataFor(info, 2), t0).status, Status::Ignored);
    QVERIFY(!a.addPeer(1, kSize)); // a new handshake does not undo the drop
}

void TestMetadataAssembler::wrongPieceLengthDropsThePeer()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.takeRequests(1, t0);
    const auto r = a.onData(1, MetadataMessage::dataPiece(1, kSize, QByteArray(100, 'x')), t0);
    QCOMPARE(r.status, Status::PeerDropped);
    QVERIFY2(r.reason.contains(QLatin1String("piece 1 has 100 bytes, expected 16384")), qPrintable(r.reason));
}

void TestMetadataAssembler::unsolicitedAndDuplicateDataAreIgnored()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    auto r = a.onData(2, dataFor(info, 0), t0); // never asked peer 2
    QCOMPARE(r.status, Status::Ignored);
    QVERIFY2(r.reason.contains(QLatin1String("not requested")), qPrintable(r.reason));
    QCOMPARE(a.onData(1, dataFor(info, 0), t0).status, Status::Accepted);
    r = a.onData(1, dataFor(info, 0), t0); // the same again
    QCOMPARE(r.status, Status::Ignored);
    QCOMPARE(a.piecesReceived(), 1);
    QCOMPARE(a.onData(3, dataFor(info, 1), t0).status, Status::Ignored); // unknown peer
    QCOMPARE(a.onData(1, MetadataMessage::request(1), t0).status, Status::Ignored);
    QVERIFY(!a.isDropped(2));
}

void TestMetadataAssembler::hashMismatchBlamesASoleContributor()
{
    const QByteArray info = infoBytes();
    const QByteArray fake = infoBytes(kSize, 'z');
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info), {.maxRequestsPerPeer = 3});
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1, 2}));
    a.onData(1, dataFor(fake, 0), t0);
    a.onData(1, dataFor(fake, 2), t0);
    const auto r = a.onData(1, dataFor(fake, 1), t0);
    QCOMPARE(r.status, Status::HashMismatch);
    QCOMPARE(r.blamed, QList<MetadataAssembler::PeerKey>({1}));
    QCOMPARE(r.dropped, QList<MetadataAssembler::PeerKey>({1}));
    QVERIFY(a.isDropped(1));
    QCOMPARE(a.piecesReceived(), 0);
    QVERIFY(!a.isComplete());
    // A fresh attempt with the honest peer succeeds.
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1, 2}));
    for (int i : {2, 0, 1}) {
        const auto d = a.onData(2, dataFor(info, i), t0);
        if (i == 1) {
            QCOMPARE(d.status, Status::Complete);
            QCOMPARE(d.info, info);
        }
    }
}

// Peer 1 sends a bad piece 0 and good others; peer 2 only good pieces. Returns the last result.
MetadataAssembler::DataResult mixedFailure(MetadataAssembler &a, const QByteArray &info, const QByteArray &fake)
{
    MetadataAssembler::DataResult last;
    for (int i : a.takeRequests(1, t0))
        last = a.onData(1, dataFor(i == 0 ? fake : info, i), t0);
    for (int i : a.takeRequests(2, t0))
        last = a.onData(2, dataFor(info, i), t0);
    return last;
}

void TestMetadataAssembler::hashMismatchIsolatesSeveralContributors()
{
    const QByteArray info = infoBytes();
    const QByteArray fake = infoBytes(kSize, 'z');
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    const auto r = mixedFailure(a, info, fake);
    QCOMPARE(r.status, Status::HashMismatch);
    QCOMPARE(r.blamed, QList<MetadataAssembler::PeerKey>({1, 2}));
    QVERIFY(r.dropped.isEmpty()); // cannot tell who lied
    QVERIFY(!a.isDropped(1) && !a.isDropped(2));
    QVERIFY(a.isSingleSource());
    // The next attempt comes from one peer only: the honest one asks first and finishes alone.
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
    QVERIFY(a.takeRequests(1, t0).isEmpty());
    QCOMPARE(a.onData(2, dataFor(info, 0), t0).status, Status::Accepted);
    QCOMPARE(a.onData(2, dataFor(info, 1), t0).status, Status::Accepted);
    QVERIFY(a.takeRequests(1, t0).isEmpty());
    QCOMPARE(a.takeRequests(2, t0), QList<int>({2}));
    const auto done = a.onData(2, dataFor(info, 2), t0);
    QCOMPARE(done.status, Status::Complete);
    QCOMPARE(done.info, info);
}

void TestMetadataAssembler::isolatedLiarIsDropped()
{
    const QByteArray info = infoBytes();
    const QByteArray fake = infoBytes(kSize, 'z');
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(mixedFailure(a, info, fake).status, Status::HashMismatch);
    // This time the liar asks first and becomes the source: its failure is its own.
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    QVERIFY(a.takeRequests(2, t0).isEmpty());
    a.onData(1, dataFor(fake, 0), t0);
    a.onData(1, dataFor(info, 1), t0);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({2}));
    const auto r = a.onData(1, dataFor(info, 2), t0);
    QCOMPARE(r.status, Status::HashMismatch);
    QCOMPARE(r.blamed, QList<MetadataAssembler::PeerKey>({1}));
    QCOMPARE(r.dropped, QList<MetadataAssembler::PeerKey>({1}));
    QVERIFY(!a.isDropped(2));
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
}

void TestMetadataAssembler::sourceRoleMovesOnWhenTheSourceStalls()
{
    const QByteArray info = infoBytes();
    const QByteArray fake = infoBytes(kSize, 'z');
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info), {.rejectBackoff = 60s});
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(mixedFailure(a, info, fake).status, Status::HashMismatch);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    QCOMPARE(a.onData(1, dataFor(info, 1), t0).status, Status::Accepted);
    a.onReject(1, 0, t0);
    // 1 backs off: 2 takes over and the attempt starts over, so one peer authors it all.
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
    QCOMPARE(a.piecesReceived(), 0);
    QCOMPARE(a.onData(1, dataFor(info, 1), t0).status, Status::Ignored);
    QVERIFY(a.takeRequests(1, t0 + 61s).isEmpty()); // 2 keeps the role
}

void TestMetadataAssembler::timeoutsReturnPiecesAndDropSilentPeers()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info), {.requestTimeout = 20s, .maxRequestsPerPeer = 1});
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0}));
    QCOMPARE(a.takeRequests(2, t0 + 5s), QList<int>({1}));
    QVERIFY(a.expire(t0 + 19s).isEmpty());
    QCOMPARE(a.expire(t0 + 20s), QList<MetadataAssembler::PeerKey>({1}));
    QCOMPARE(a.outstandingRequests(), 1);
    QCOMPARE(a.takeRequests(1, t0 + 20s), QList<int>({0})); // back in the pool
    QCOMPARE(a.expire(t0 + 40s), QList<MetadataAssembler::PeerKey>({1, 2}));
    QVERIFY(!a.isDropped(1));
    QCOMPARE(a.takeRequests(1, t0 + 40s), QList<int>({0}));
    QCOMPARE(a.expire(t0 + 60s), QList<MetadataAssembler::PeerKey>({1}));
    QVERIFY(a.isDropped(1)); // third time-out
    QVERIFY(!a.isDropped(2));
    QCOMPARE(a.takeRequests(2, t0 + 60s), QList<int>({0}));
}

void TestMetadataAssembler::lateDataAfterATimeoutIsWelcome()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    a.expire(t0 + 30s);
    QCOMPARE(a.takeRequests(2, t0 + 30s), QList<int>({0, 1})); // asked again elsewhere
    QCOMPARE(a.onData(1, dataFor(info, 0), t0 + 31s).status, Status::Accepted); // late but good
    QCOMPARE(a.onData(2, dataFor(info, 0), t0 + 32s).status, Status::Ignored);  // now a duplicate
    QCOMPARE(a.onData(2, dataFor(info, 1), t0 + 32s).status, Status::Accepted);
    QCOMPARE(a.outstandingRequests(), 0);
}

void TestMetadataAssembler::rejectBacksOff()
{
    const QByteArray info = infoBytes();
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info), {.rejectBackoff = 60s});
    a.addPeer(1, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    a.onReject(1, 5, t0 + 1s); // never asked: no effect
    QCOMPARE(a.outstandingRequests(), 2);
    a.onReject(1, 0, t0 + 1s);
    QCOMPARE(a.outstandingRequests(), 1);
    QVERIFY(a.takeRequests(1, t0 + 60s).isEmpty());
    QCOMPARE(a.takeRequests(1, t0 + 61s), QList<int>({0}));
}

void TestMetadataAssembler::removedPeerReleasesItsPieces()
{
    MetadataAssembler a(metainfo::InfoHash::ofInfo(infoBytes()));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    a.removePeer(1);
    QVERIFY(!a.hasPeer(1));
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
}

void TestMetadataAssembler::readvertisedSizeReplacesTheOld()
{
    MetadataAssembler a(metainfo::InfoHash::ofInfo(infoBytes()));
    a.addPeer(1, kSize);
    a.addPeer(2, kSize);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0, 1}));
    QVERIFY(a.addPeer(1, 70000)); // a second handshake with another size
    QCOMPARE(a.outstandingRequests(), 0);
    QVERIFY(a.takeRequests(1, t0).isEmpty()); // no longer backs the attempt
    QCOMPARE(a.takeRequests(2, t0), QList<int>({0, 1}));
    QVERIFY(!a.addPeer(2, 0)); // an unusable size removes the peer
    QVERIFY(!a.hasPeer(2));
}

void TestMetadataAssembler::nothingAfterCompletion()
{
    const QByteArray info = infoBytes(100);
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    a.addPeer(1, 100);
    a.addPeer(2, 100);
    QCOMPARE(a.takeRequests(1, t0), QList<int>({0}));
    QCOMPARE(a.onData(1, dataFor(info, 0), t0).status, Status::Complete);
    QVERIFY(a.takeRequests(2, t0).isEmpty());
    QCOMPARE(a.onData(2, dataFor(info, 0), t0).status, Status::Ignored);
    QCOMPARE(a.outstandingRequests(), 0);
    QVERIFY(a.expire(t0 + 1h).isEmpty());
}

void TestMetadataAssembler::exchangeWithTheServingSide()
{
    // Three serving peers, one of them with a different (wrong) info dictionary of the same size.
    const QByteArray info = infoBytes(300000); // 19 pieces
    const QByteArray bad = infoBytes(300000, 'q');
    const MetadataSource good(info), evil(bad);
    MetadataAssembler a(metainfo::InfoHash::ofInfo(info));
    const std::map<MetadataAssembler::PeerKey, const MetadataSource *> peers{{1, &good}, {2, &evil}, {3, &good}};
    for (const auto &[key, source] : peers)
        a.addPeer(key, source->size());
    TimePoint now = t0;
    QByteArray result;
    int failures = 0;
    for (int round = 0; round < 50 && result.isEmpty(); ++round, now += 1s) {
        for (const auto &[key, source] : peers) {
            for (int piece : a.takeRequests(key, now)) {
                // Over the wire and back, as the engine would do it.
                QString error;
                const auto request = decodeMetadataMessage(encodeMetadataRequest(piece), &error);
                QVERIFY2(request, qPrintable(error));
                const auto reply = decodeMetadataMessage(source->replyTo(request->piece), &error);
                QVERIFY2(reply, qPrintable(error));
                const auto r = a.onData(key, *reply, now);
                if (r.status == Status::HashMismatch)
                    ++failures;
                if (r.status == Status::Complete)
                    result = r.info;
            }
        }
    }
    QCOMPARE(result, info);
    QVERIFY(failures >= 1 && failures <= 2); // a mixed failure, then at most one isolated one
    QVERIFY(a.isDropped(2));
    QVERIFY(!a.isDropped(1) && !a.isDropped(3));
}

QTEST_GUILESS_MAIN(TestMetadataAssembler)
#include "tst_extensionassembler.moc"
