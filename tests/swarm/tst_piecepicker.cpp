// Piece picker: geometry, availability, random start, rarest first, partial pieces first,
// priorities (with the file -> piece mapping), sequential, end game, bookkeeping when requests
// end, failed pieces, and whole simulated downloads.
#include "swarm/piecepicker.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <map>
#include <random>
#include <set>

using namespace swarmscope;
using namespace swarmscope::swarm;
using Receive = PiecePicker::Receive;

namespace {

constexpr qint64 KiB = 1024;

// Every count and cross-reference inside the picker, recomputed from scratch.
#define CHECK_CONSISTENT(picker) QCOMPARE((picker).checkConsistency(), QString())

Bitfield bits(int size, std::initializer_list<int> set)
{
    Bitfield b(size);
    for (int i : set)
        b.set(i);
    return b;
}

Bitfield allBut(int size, std::initializer_list<int> unset)
{
    Bitfield b(size, true);
    for (int i : unset)
        b.reset(i);
    return b;
}

// Marks the given pieces as ours, which ends the random start when there are 4 of them.
void haveFirst(PiecePicker &picker, int n)
{
    Bitfield have(picker.pieceCount());
    for (int i = 0; i < n; ++i)
        have.set(i);
    picker.setHave(have);
}

QSet<int> piecesOf(const QList<BlockRequest> &blocks)
{
    QSet<int> pieces;
    for (const BlockRequest &b : blocks)
        pieces.insert(b.piece);
    return pieces;
}

} // namespace

class TestPiecePicker : public QObject {
    Q_OBJECT
private slots:
    void geometry_data();
    void geometry();
    void receiveValidatesBlocks();
    void availabilityCounts();
    void randomStartAmongFirstPieces();
    void rarestFirst();
    void rarestTiesAreRandom();
    void partialPiecesFirst();
    void noDoubleRequestsOutsideEndgame();
    void endgameDuplicatesAndCancels();
    void priorities();
    void filePrioritiesToPieces_data();
    void filePrioritiesToPieces();
    void sequential();
    void allowedOnly();
    void disconnectReturnsBlocksOnce();
    void chokeAndAbortReturnBlocks();
    void failedPieceResetsAndNamesContributors();
    void verifiedAndResumedPiecesAreNeverPicked();
    void wholeDownload_data();
    void wholeDownload();
    void benchmark();
};

void TestPiecePicker::geometry_data()
{
    QTest::addColumn<qint64>("pieceLength");
    QTest::addColumn<qint64>("totalSize");
    QTest::addColumn<int>("pieces");
    QTest::addColumn<int>("lastPieceBlocks");
    QTest::addColumn<int>("lastBlockLength");
    QTest::newRow("exact multiple") << 64 * KiB << 256 * KiB << 4 << 4 << 16384;
    QTest::newRow("short last piece") << 64 * KiB << 200 * KiB << 4 << 1 << 8192;
    QTest::newRow("short last block") << 64 * KiB << 64 * KiB * 3 + 16 * KiB + 5 << 4 << 2 << 5;
    QTest::newRow("one byte") << 16 * KiB << qint64(1) << 1 << 1 << 1;
    QTest::newRow("piece smaller than a block") << 8 * KiB << 20 * KiB << 3 << 1 << 4096;
    QTest::newRow("nonsense") << qint64(0) << qint64(100) << 0 << 0 << 0;
}

void TestPiecePicker::geometry()
{
    QFETCH(qint64, pieceLength);
    QFETCH(qint64, totalSize);
    QFETCH(int, pieces);
    QFETCH(int, lastPieceBlocks);
    QFETCH(int, lastBlockLength);
    PiecePicker picker(pieceLength, totalSize, 1);
    QCOMPARE(picker.pieceCount(), pieces);
    if (pieces == 0) {
        picker.peerHasAll(1);
        QVERIFY(picker.pick(1, 10).isEmpty());
        return;
    }
    const int last = pieces - 1;
    QCOMPARE(picker.blockCount(last), lastPieceBlocks);
    // The last piece is the only one that may be short; picking it asks for exactly its bytes.
    for (int p = 0; p < last; ++p)
        picker.setPiecePriority(p, PiecePriority::Skip);
    picker.peerHasAll(1);
    const QList<BlockRequest> blocks = picker.pick(1, 100);
    QCOMPARE(blocks.size(), lastPieceBlocks);
    qint64 sum = 0;
    for (const BlockRequest &b : blocks) {
        QCOMPARE(b.piece, last);
        sum += b.length;
    }
    QCOMPARE(sum, totalSize - pieceLength * last);
    QCOMPARE(blocks.last().length, lastBlockLength);
    QCOMPARE(blocks.last().begin, (lastPieceBlocks - 1) * BlockSize);
}

void TestPiecePicker::receiveValidatesBlocks()
{
    PiecePicker picker(32 * KiB, 80 * KiB, 1); // 3 pieces, the last one 16 KiB
    picker.peerHasAll(1);
    QCOMPARE(picker.blockReceived(1, {0, 100, BlockSize}).status, Receive::Invalid);  // unaligned
    QCOMPARE(picker.blockReceived(1, {0, 0, 100}).status, Receive::Invalid);          // short
    QCOMPARE(picker.blockReceived(1, {2, BlockSize, BlockSize}).status, Receive::Invalid); // past end
    QCOMPARE(picker.blockReceived(1, {3, 0, BlockSize}).status, Receive::Invalid);   // no such piece
    picker.setPiecePriority(1, PiecePriority::Skip);
    QCOMPARE(picker.blockReceived(1, {1, 0, BlockSize}).status, Receive::Unwanted);
    // An unrequested block of a wanted piece is still useful (e.g. it arrived after a timeout).
    const auto r = picker.blockReceived(1, {2, 0, BlockSize});
    QCOMPARE(r.status, Receive::Accepted);
    QVERIFY(r.pieceComplete);
    QCOMPARE(picker.blockReceived(1, {2, 0, BlockSize}).status, Receive::Duplicate);
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::availabilityCounts()
{
    PiecePicker picker(16 * KiB, 16 * KiB * 10, 1);
    picker.peerHasBitfield(1, bits(10, {0, 1, 2}));
    picker.peerHasBitfield(2, bits(10, {2, 3}));
    picker.peerHasAll(3);
    QCOMPARE(picker.availabilities(), QList<int>({2, 2, 3, 2, 1, 1, 1, 1, 1, 1}));
    QVERIFY(!picker.peerHasBitfield(4, Bitfield(9))); // wrong size: ignored
    QCOMPARE(picker.availability(5), 1);

    picker.peerHasPiece(2, 9);
    picker.peerHasPiece(2, 9); // a repeated HAVE counts once
    picker.peerHasPiece(3, 9); // a seed's HAVE changes nothing
    QCOMPARE(picker.availability(9), 2);

    // A bitfield sent again replaces the first one.
    picker.peerHasBitfield(1, bits(10, {5}));
    QCOMPARE(picker.availabilities(), QList<int>({1, 1, 2, 2, 1, 2, 1, 1, 1, 2}));

    // A peer that completes through HAVE messages becomes a seed: the counts stay the same.
    for (int p = 0; p < 10; ++p)
        picker.peerHasPiece(2, p);
    QCOMPARE(picker.seedCount(), 2);
    QCOMPARE(picker.availabilities(), QList<int>({2, 2, 2, 2, 2, 3, 2, 2, 2, 2}));

    picker.removePeer(1);
    picker.removePeer(1); // twice is once
    QCOMPARE(picker.availabilities(), QList<int>(10, 2));
    picker.removePeer(3);
    picker.peerHasNone(2);
    QCOMPARE(picker.availabilities(), QList<int>(10, 0));
    QCOMPARE(picker.seedCount(), 0);
    // A bitfield with every bit set counts as a seed.
    picker.peerHasBitfield(5, Bitfield(10, true));
    QCOMPARE(picker.seedCount(), 1);
    QCOMPARE(picker.availabilities(), QList<int>(10, 1));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::randomStartAmongFirstPieces()
{
    // Piece 19 is the rarest by far; piece 18 the peer does not have.
    QSet<int> firstPicks;
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        PiecePicker picker(16 * KiB, 16 * KiB * 20, seed);
        picker.peerHasBitfield(1, allBut(20, {18}));
        for (PeerId other = 2; other < 6; ++other)
            picker.peerHasBitfield(other, allBut(20, {19}));
        const QList<BlockRequest> first = picker.pick(1, 1);
        QCOMPARE(first.size(), 1);
        QVERIFY(first[0].piece != 18);
        firstPicks.insert(first[0].piece);

        // Once we have 4 pieces, rarest first takes over.
        picker.setHave(bits(20, {0, 1, 2, 3}));
        QVERIFY(!picker.have().test(first[0].piece) || first[0].piece < 4);
        picker.abortAllRequests(1);
        const QList<BlockRequest> next = picker.pick(1, 1);
        QCOMPARE(next.size(), 1);
        QCOMPARE(next[0].piece, 19);
    }
    // Random, not rarest: 40 seeds over 19 candidates land on many different pieces.
    QVERIFY2(firstPicks.size() >= 8, qPrintable(QString::number(firstPicks.size())));
}

void TestPiecePicker::rarestFirst()
{
    PiecePicker picker(16 * KiB, 16 * KiB * 12, 7);
    haveFirst(picker, 4);
    // availability: 8 -> 1, 10 -> 2, 11 -> 4, the others 3
    picker.peerHasAll(1);
    picker.peerHasBitfield(2, allBut(12, {8, 9}));
    picker.peerHasBitfield(3, allBut(12, {8, 10}));
    picker.peerHasBitfield(4, bits(12, {9, 11}));
    QCOMPARE(picker.availabilities(), QList<int>({3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 2, 4}));

    QCOMPARE(picker.pick(1, 1).value(0).piece, 8);
    QCOMPARE(picker.pick(1, 1).value(0).piece, 10);
    // Peer 4 has only 9 and 11: 9 is rarer.
    QCOMPARE(picker.pick(4, 1).value(0).piece, 9);
    // Availability changes reorder: 6 becomes the rarest of what is left.
    for (PeerId p = 1; p <= 4; ++p)
        picker.peerHasPiece(p, 10);
    picker.removePeer(3);
    picker.peerHasBitfield(2, allBut(12, {6}));
    QCOMPARE(picker.availability(6), 1);
    QCOMPARE(picker.pick(1, 1).value(0).piece, 6);
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::rarestTiesAreRandom()
{
    QSet<int> firsts;
    for (std::uint32_t seed = 1; seed <= 30; ++seed) {
        PiecePicker picker(16 * KiB, 16 * KiB * 40, seed);
        haveFirst(picker, 4);
        picker.peerHasAll(1);
        picker.peerHasBitfield(2, allBut(40, {30, 31, 32, 33, 34, 35}));
        const int piece = picker.pick(1, 1).value(0).piece;
        QVERIFY(piece >= 30 && piece <= 35); // one of the six rarest
        firsts.insert(piece);
    }
    QVERIFY(firsts.size() >= 4);
    // The same seed gives the same choice.
    PiecePicker a(16 * KiB, 16 * KiB * 40, 99), b(16 * KiB, 16 * KiB * 40, 99);
    for (PiecePicker *p : {&a, &b}) {
        haveFirst(*p, 4);
        p->peerHasAll(1);
    }
    QCOMPARE(a.pick(1, 20), b.pick(1, 20));
}

void TestPiecePicker::partialPiecesFirst()
{
    PiecePicker picker(64 * KiB, 64 * KiB * 10, 3); // 4 blocks per piece
    haveFirst(picker, 4);
    picker.peerHasAll(1);
    picker.peerHasAll(2);
    const QList<BlockRequest> a = picker.pick(1, 1);
    const int x = a.value(0).piece;
    QCOMPARE(picker.blockReceived(1, a[0]).status, Receive::Accepted);
    // Peer 3 lacks x, so it starts another piece y.
    Bitfield lacksX(10, true);
    lacksX.reset(x);
    picker.peerHasBitfield(3, lacksX);
    const QList<BlockRequest> c = picker.pick(3, 1);
    const int y = c.value(0).piece;
    QVERIFY(y != x);
    QCOMPARE(picker.partialPieces().size(), 2);

    // Peer 1 continues its own piece x rather than y.
    const QList<BlockRequest> a2 = picker.pick(1, 2);
    QCOMPARE(piecesOf(a2), QSet<int>({x}));
    QCOMPARE(a2[0].begin, BlockSize);

    // Peer 2 first takes every free block of started pieces (1 of x, 3 of y), then a new piece.
    const QList<BlockRequest> b = picker.pick(2, 6);
    QCOMPARE(b.size(), 6);
    for (int i = 0; i < 4; ++i)
        QVERIFY(b[i].piece == x || b[i].piece == y);
    QVERIFY(b[4].piece != x && b[4].piece != y);
    QCOMPARE(b[4].piece, b[5].piece);
    QCOMPARE(picker.partialPieces().size(), 3);
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::noDoubleRequestsOutsideEndgame()
{
    PiecePicker picker(64 * KiB, 64 * KiB * 30, 11);
    std::mt19937 rng(5);
    for (PeerId p = 1; p <= 5; ++p) {
        Bitfield b(30);
        for (int i = 0; i < 30; ++i)
            b.set(i, rng() % 2 == 0);
        picker.peerHasBitfield(p, b);
    }
    picker.peerHasAll(6);
    std::set<std::pair<int, int>> requested;
    int total = 0;
    while (!picker.inEndgame()) {
        bool any = false;
        for (PeerId p = 1; p <= 6; ++p) {
            for (const BlockRequest &b : picker.pick(p, 3)) {
                QVERIFY2(requested.insert({b.piece, b.begin}).second, "block requested twice");
                any = true;
                ++total;
            }
        }
        QVERIFY(any);
    }
    QCOMPARE(total, 30 * 4); // every block requested once, then end game begins
    QCOMPARE(int(requested.size()), total);
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::endgameDuplicatesAndCancels()
{
    PiecePicker picker(32 * KiB, 64 * KiB, 1); // 2 pieces x 2 blocks
    for (PeerId p = 1; p <= 3; ++p)
        picker.peerHasAll(p);
    const QList<BlockRequest> a = picker.pick(1, 3);
    QCOMPARE(a.size(), 3);
    QVERIFY(!picker.inEndgame());
    // Peer 2 gets the last free block; from then on every block is requested: end game, and the
    // rest of its request is filled with duplicates.
    const QList<BlockRequest> b = picker.pick(2, 2);
    QCOMPARE(b.size(), 2);
    QVERIFY(!a.contains(b[0]));
    QVERIFY(a.contains(b[1]));
    QVERIFY(picker.inEndgame());
    QVERIFY(picker.abortRequest(2, b[1]));

    // Peer 3 duplicates every block (at most 2 requests per block)...
    const QList<BlockRequest> c = picker.pick(3, 10);
    QCOMPARE(c.size(), 4);
    // ...so nobody can get a third request.
    QVERIFY(picker.pick(2, 10).isEmpty());
    QVERIFY(picker.pick(1, 10).isEmpty());

    // Peer 3 delivers a block peer 1 also has outstanding: cancel it at peer 1.
    const auto r = picker.blockReceived(3, a[0]);
    QCOMPARE(r.status, Receive::Accepted);
    QCOMPARE(r.cancelFrom, QList<PeerId>({1}));
    QVERIFY(!picker.requestsOf(1).contains(a[0]));
    QVERIFY(!picker.requestsOf(3).contains(a[0]));
    // Peer 1's copy arrives anyway (it crossed the CANCEL): a duplicate, dropped.
    QCOMPARE(picker.blockReceived(1, a[0]).status, Receive::Duplicate);

    // A request that ends frees a slot for someone else.
    QVERIFY(picker.abortRequest(1, a[1]));
    QVERIFY(!picker.abortRequest(1, a[1]));
    const QList<BlockRequest> again = picker.pick(2, 10);
    QCOMPARE(again, QList<BlockRequest>({a[1]}));

    // With a wider limit a third peer may join in.
    PickerSettings wide;
    wide.endgameRequestsPerBlock = 3;
    PiecePicker picker3(32 * KiB, 32 * KiB, 1, wide);
    for (PeerId p = 1; p <= 4; ++p)
        picker3.peerHasAll(p);
    QCOMPARE(picker3.pick(1, 5).size(), 2);
    QCOMPARE(picker3.pick(2, 5).size(), 2);
    QCOMPARE(picker3.pick(3, 5).size(), 2);
    QVERIFY(picker3.pick(4, 5).isEmpty());
    const auto r3 = picker3.blockReceived(2, {0, 0, BlockSize});
    QCOMPARE(r3.cancelFrom, QList<PeerId>({1, 3}));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::priorities()
{
    PiecePicker picker(16 * KiB, 16 * KiB * 10, 5);
    haveFirst(picker, 4);
    picker.peerHasAll(1);
    picker.peerHasAll(2);
    picker.peerHasBitfield(3, bits(10, {5, 7}));
    picker.peerHasBitfield(4, bits(10, {5, 8}));
    // Rarest are 4, 6 and 9 (2 each), but 6 is skipped and 7 is high.
    picker.setPiecePriority(6, PiecePriority::Skip);
    picker.setPiecePriority(7, PiecePriority::High);
    QCOMPARE(picker.wantedMissing(), 5);
    QCOMPARE(picker.pick(1, 1).value(0).piece, 7);
    QList<int> rest;
    for (const BlockRequest &b : picker.pick(1, 10))
        rest.append(b.piece);
    QCOMPARE(rest.size(), 4);
    QVERIFY(!rest.contains(6));
    QCOMPARE(QSet<int>(rest.begin(), rest.begin() + 2), QSet<int>({4, 9})); // then rarest
    QCOMPARE(QSet<int>(rest.begin() + 2, rest.end()), QSet<int>({5, 8}));
    QVERIFY(picker.pick(2, 10).isEmpty() || picker.inEndgame());

    // Skip from the start of the download: random start never picks it either.
    PiecePicker fresh(16 * KiB, 16 * KiB * 6, 5);
    fresh.setPiecePriorities({PiecePriority::Skip, PiecePriority::Normal, PiecePriority::Skip,
                              PiecePriority::Normal, PiecePriority::Skip, PiecePriority::High});
    fresh.peerHasAll(1);
    const QList<BlockRequest> picked = fresh.pick(1, 10);
    QCOMPARE(picked.size(), 3);
    QCOMPARE(picked[0].piece, 5);
    QCOMPARE(piecesOf(picked), QSet<int>({1, 3, 5}));
    QVERIFY(!fresh.setPiecePriorities({PiecePriority::Normal})); // wrong size
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::filePrioritiesToPieces_data()
{
    QTest::addColumn<QList<qint64>>("fileSizes");
    QTest::addColumn<QList<int>>("padFiles");
    QTest::addColumn<QList<int>>("filePrios");
    QTest::addColumn<QList<int>>("expected");
    // piece length 100 throughout
    QTest::newRow("one file") << QList<qint64>{250} << QList<int>{} << QList<int>{2}
                              << QList<int>{2, 2, 2};
    QTest::newRow("skip one of two, shared piece wanted")
        << QList<qint64>{150, 150} << QList<int>{} << QList<int>{0, 1} << QList<int>{0, 1, 1};
    QTest::newRow("shared piece takes the max")
        << QList<qint64>{150, 150} << QList<int>{} << QList<int>{2, 1} << QList<int>{2, 2, 1};
    QTest::newRow("small files inside one piece")
        << QList<qint64>{10, 20, 30, 140} << QList<int>{} << QList<int>{0, 2, 0, 0}
        << QList<int>{2, 0};
    QTest::newRow("file ends on a piece boundary")
        << QList<qint64>{200, 100} << QList<int>{} << QList<int>{1, 0} << QList<int>{1, 1, 0};
    QTest::newRow("empty file touches nothing")
        << QList<qint64>{100, 0, 100} << QList<int>{} << QList<int>{0, 2, 1} << QList<int>{0, 1};
    QTest::newRow("pad file does not make a piece wanted")
        << QList<qint64>{50, 50, 100} << QList<int>{1} << QList<int>{0, 2, 1} << QList<int>{0, 1};
    QTest::newRow("missing entries are normal")
        << QList<qint64>{100, 100} << QList<int>{} << QList<int>{2} << QList<int>{2, 1};
}

void TestPiecePicker::filePrioritiesToPieces()
{
    QFETCH(QList<qint64>, fileSizes);
    QFETCH(QList<int>, padFiles);
    QFETCH(QList<int>, filePrios);
    QFETCH(QList<int>, expected);
    metainfo::TorrentInfo info;
    info.pieceLength = 100;
    qint64 offset = 0;
    for (qsizetype i = 0; i < fileSizes.size(); ++i) {
        metainfo::FileEntry file;
        file.path = QStringLiteral("t/f%1").arg(i);
        file.size = fileSizes[i];
        file.offset = offset;
        file.padFile = padFiles.contains(int(i));
        offset += file.size;
        info.files.append(file);
    }
    info.totalSize = offset;
    info.pieceHashes = QByteArray(20 * ((offset + 99) / 100), 'h');
    QList<PiecePriority> prios;
    for (int p : filePrios)
        prios.append(static_cast<PiecePriority>(p));
    QList<int> got;
    for (PiecePriority p : piecePrioritiesFromFiles(info, prios))
        got.append(int(p));
    QCOMPARE(got, expected);
}

void TestPiecePicker::sequential()
{
    PickerSettings settings;
    settings.sequential = true;
    PiecePicker picker(32 * KiB, 32 * KiB * 10, 9, settings); // 2 blocks per piece
    picker.peerHasAll(1);
    picker.peerHasBitfield(2, allBut(10, {2}));
    QCOMPARE(picker.pick(1, 3), QList<BlockRequest>({{0, 0, BlockSize}, {0, BlockSize, BlockSize}, {1, 0, BlockSize}}));
    // Peer 2 finishes piece 1 first, then skips 2 (it lacks it) for 3.
    QCOMPARE(picker.pick(2, 2), QList<BlockRequest>({{1, BlockSize, BlockSize}, {3, 0, BlockSize}}));
    // High priority comes before index order.
    picker.setPiecePriority(8, PiecePriority::High);
    picker.setPiecePriority(4, PiecePriority::Skip);
    const QList<BlockRequest> next = picker.pick(1, 5);
    QCOMPARE(next[0], (BlockRequest{3, BlockSize, BlockSize})); // partial first
    QCOMPARE(next[1].piece, 8);
    QCOMPARE(next[2].piece, 8);
    QCOMPARE(next[3].piece, 2);
    QCOMPARE(next[4].piece, 2);
    QCOMPARE(piecesOf(picker.pick(2, 2)), QSet<int>({5})); // 4 is skipped
    // A verified prefix moves the cursor; a lost piece brings it back.
    for (int p : {0, 1, 2})
        picker.pieceVerified(p);
    picker.abortAllRequests(1);
    picker.abortAllRequests(2);
    QCOMPARE(picker.pick(1, 1).value(0).piece, 8);
    picker.setHave(bits(10, {0, 2}));
    QCOMPARE(picker.pick(1, 1).value(0).piece, 8);
    QCOMPARE(picker.pick(1, 2).value(0).piece, 1);
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::allowedOnly()
{
    PiecePicker picker(16 * KiB, 16 * KiB * 10, 2);
    picker.peerHasBitfield(1, bits(10, {1, 2, 3, 4}));
    const Bitfield allowed = bits(10, {3, 7});
    const QList<BlockRequest> got = picker.pick(1, 10, &allowed);
    QCOMPARE(got, QList<BlockRequest>({{3, 0, BlockSize}}));
    QVERIFY(picker.pick(2, 5).isEmpty()); // an unknown peer has nothing
    QVERIFY(picker.isInteresting(1));
    QVERIFY(!picker.isInteresting(2));
    picker.peerHasBitfield(3, bits(10, {3}));
    QVERIFY(picker.isInteresting(3)); // requested but not had yet: still interesting
    picker.pieceVerified(3);
    QVERIFY(!picker.isInteresting(3));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::disconnectReturnsBlocksOnce()
{
    PiecePicker picker(32 * KiB, 32 * KiB * 8, 4);
    haveFirst(picker, 4);
    picker.peerHasAll(1);
    picker.peerHasBitfield(2, Bitfield(8, true));
    QCOMPARE(picker.seedCount(), 2);
    const QList<BlockRequest> a = picker.pick(1, 5);
    QCOMPARE(a.size(), 5);
    QCOMPARE(picker.requestsOf(1).size(), 5);
    QCOMPARE(picker.blockReceived(1, a[0]).status, Receive::Accepted);
    QCOMPARE(picker.piecesRequestedFrom(1).size(), 3);

    const QList<BlockRequest> returned = picker.removePeer(1);
    QCOMPARE(returned.size(), 4);
    for (const BlockRequest &b : returned)
        QVERIFY(a.mid(1).contains(b));
    QVERIFY(picker.removePeer(1).isEmpty());
    QCOMPARE(picker.seedCount(), 1);
    QVERIFY(picker.requestsOf(1).isEmpty());
    // Only the piece with a received block stays started.
    const QList<PartialPieceInfo> partials = picker.partialPieces();
    QCOMPARE(partials.size(), 1);
    QCOMPARE(partials[0].piece, a[0].piece);
    QCOMPARE(partials[0].received, 1);
    QCOMPARE(partials[0].requested, 0);

    // Everything goes to the next peer, each block once.
    const QList<BlockRequest> b = picker.pick(2, 20);
    QCOMPARE(b.size(), 7); // 8 blocks left in 4 pieces, minus the received one
    QCOMPARE(QSet<int>(piecesOf(b)), QSet<int>({4, 5, 6, 7}));
    QVERIFY(!b.contains(a[0]));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::chokeAndAbortReturnBlocks()
{
    PiecePicker picker(64 * KiB, 64 * KiB * 6, 8);
    haveFirst(picker, 4);
    picker.peerHasAll(1);
    picker.peerHasAll(2);
    const QList<BlockRequest> a = picker.pick(1, 6);
    QCOMPARE(a.size(), 6);
    QVERIFY(!picker.inEndgame());
    QCOMPARE(picker.pick(2, 2).size(), 2);
    QVERIFY(picker.inEndgame());
    // Choked: all of peer 1's requests go back, and end game is over.
    QCOMPARE(picker.abortAllRequests(1).size(), 6);
    QVERIFY(picker.abortAllRequests(1).isEmpty());
    QVERIFY(!picker.inEndgame());
    QCOMPARE(picker.pick(2, 10).size(), 6);
    QVERIFY(picker.pick(1, 10).size() == 8); // end game again: duplicates of peer 2's blocks
    QVERIFY(!picker.abortRequest(1, {4, 100, BlockSize}));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::failedPieceResetsAndNamesContributors()
{
    PiecePicker picker(64 * KiB, 64 * KiB * 2, 6);
    picker.peerHasAll(1);
    picker.peerHasAll(2);
    picker.peerHasAll(3);
    const QList<BlockRequest> a = picker.pick(1, 2);
    const QList<BlockRequest> b = picker.pick(2, 2);
    QCOMPARE(piecesOf(a), piecesOf(b)); // the started piece is finished first
    const int piece = a[0].piece;
    QVERIFY(!picker.blockReceived(1, a[0]).pieceComplete);
    QVERIFY(!picker.blockReceived(2, b[0]).pieceComplete);
    QVERIFY(!picker.blockReceived(2, b[1]).pieceComplete);
    QVERIFY(picker.blockReceived(1, a[1]).pieceComplete);
    QVERIFY(picker.pick(3, 4).size() == 4); // the other piece

    QCOMPARE(picker.pieceFailed(piece), QList<PeerId>({1, 2}));
    QVERIFY(!picker.have().test(piece));
    QCOMPARE(picker.partialPieces().size(), 1); // only peer 3's piece is still started
    QVERIFY(picker.pieceFailed(piece).isEmpty()); // nothing left to report
    // All four blocks can be fetched again.
    const QList<BlockRequest> again = picker.pick(3, 10);
    QCOMPARE(again.size(), 4);
    QCOMPARE(piecesOf(again), QSet<int>({piece}));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::verifiedAndResumedPiecesAreNeverPicked()
{
    PiecePicker picker(16 * KiB, 16 * KiB * 6, 3);
    picker.setHave(bits(6, {0, 2, 4}));
    QCOMPARE(picker.wantedMissing(), 3);
    picker.peerHasAll(1);
    const QList<BlockRequest> got = picker.pick(1, 10);
    QCOMPARE(piecesOf(got), QSet<int>({1, 3, 5}));
    // A piece verified while another peer still had a request for it: that request is returned.
    picker.peerHasAll(2);
    QCOMPARE(picker.pick(2, 10).size(), 3); // end game duplicates
    QCOMPARE(picker.blockReceived(1, {1, 0, BlockSize}).cancelFrom, QList<PeerId>({2}));
    QVERIFY(picker.pieceVerified(1).isEmpty());
    const QList<PeerBlock> cancelled = picker.pieceVerified(3); // e.g. found on disk by a recheck
    QCOMPARE(cancelled.size(), 2);
    QCOMPARE(picker.wantedMissing(), 1);
    QCOMPARE(picker.blockReceived(2, {3, 0, BlockSize}).status, Receive::Duplicate);
    QCOMPARE(picker.requestsOf(1), QList<BlockRequest>({{5, 0, BlockSize}}));
    CHECK_CONSISTENT(picker);
}

void TestPiecePicker::wholeDownload_data()
{
    QTest::addColumn<bool>("sequentialMode");
    QTest::addColumn<std::uint32_t>("seed");
    QTest::newRow("rarest, seed 1") << false << 1u;
    QTest::newRow("rarest, seed 2") << false << 2u;
    QTest::newRow("rarest, seed 3") << false << 3u;
    QTest::newRow("sequential") << true << 4u;
}

// Several fake peers with random bitfields; requests are answered in random order, some peers
// choke us or leave and come back, some pieces fail their hash once. Every wanted piece must end
// up verified exactly once, no skipped piece is ever requested, and a block is only requested
// twice in end game.
void TestPiecePicker::wholeDownload()
{
    QFETCH(bool, sequentialMode);
    QFETCH(std::uint32_t, seed);
    constexpr int Pieces = 150;
    constexpr int Peers = 7;
    PickerSettings settings;
    settings.sequential = sequentialMode;
    PiecePicker picker(48 * KiB, 48 * KiB * (Pieces - 1) + 20000, seed, settings);
    std::mt19937 rng(seed * 7919u);
    const auto chance = [&](int percent) { return int(rng() % 100) < percent; };

    std::vector<Bitfield> has(Peers + 1, Bitfield(Pieces));
    for (int p = 0; p < Pieces; ++p)
        has[1 + rng() % Peers].set(p); // everything exists somewhere
    for (PeerId peer = 1; peer <= Peers; ++peer) {
        for (int p = 0; p < Pieces; ++p)
            if (chance(40))
                has[peer].set(p);
        picker.peerHasBitfield(peer, has[peer]);
    }
    QList<PiecePriority> prios(Pieces, PiecePriority::Normal);
    for (int p = 0; p < Pieces; ++p)
        prios[p] = chance(10) ? PiecePriority::Skip : (chance(10) ? PiecePriority::High : PiecePriority::Normal);
    QVERIFY(picker.setPiecePriorities(prios));
    int wanted = 0;
    for (PiecePriority pr : prios)
        wanted += pr != PiecePriority::Skip;

    std::map<PeerId, std::vector<BlockRequest>> outstanding;
    std::map<std::pair<int, int>, int> requestCount; // what the fake wire has outstanding
    std::vector<int> verified(Pieces, 0);
    std::set<int> failedOnce;
    int rounds = 0;
    while (picker.have().count() < wanted) {
        QVERIFY2(++rounds < 20000, "download does not finish");
        for (PeerId peer = 1; peer <= Peers; ++peer) {
            auto &mine = outstanding[peer];
            const bool endgameBefore = picker.inEndgame();
            for (const BlockRequest &b : picker.pick(peer, 6 - int(mine.size()))) {
                QVERIFY(prios[b.piece] != PiecePriority::Skip);
                QVERIFY(!picker.have().test(b.piece));
                QVERIFY(has[peer].test(b.piece));
                int &n = requestCount[{b.piece, b.begin}];
                if (n > 0)
                    QVERIFY2(endgameBefore || picker.inEndgame(), "duplicate outside end game");
                ++n;
                QVERIFY(n <= settings.endgameRequestsPerBlock);
                mine.push_back(b);
            }
        }
        // Answer some requests, in random order.
        for (PeerId peer = 1; peer <= Peers; ++peer) {
            auto &mine = outstanding[peer];
            std::shuffle(mine.begin(), mine.end(), rng);
            while (!mine.empty() && chance(70)) {
                const BlockRequest b = mine.back();
                mine.pop_back();
                --requestCount[{b.piece, b.begin}];
                const auto r = picker.blockReceived(peer, b);
                QCOMPARE(r.status, Receive::Accepted); // cancels reach peers before they answer
                for (PeerId other : r.cancelFrom) {
                    auto &theirs = outstanding[other];
                    const auto it = std::find(theirs.begin(), theirs.end(), b);
                    QVERIFY(it != theirs.end());
                    theirs.erase(it);
                    --requestCount[{b.piece, b.begin}];
                }
                if (!r.pieceComplete)
                    continue;
                if (!failedOnce.count(b.piece) && chance(10)) {
                    failedOnce.insert(b.piece);
                    QVERIFY(!picker.pieceFailed(b.piece).isEmpty());
                } else {
                    QVERIFY(picker.pieceVerified(b.piece).isEmpty());
                    ++verified[b.piece];
                }
            }
        }
        CHECK_CONSISTENT(picker);
        // Disturbances: a choke, a peer leaving and coming back, a new HAVE.
        const PeerId victim = 1 + rng() % Peers;
        if (chance(5)) {
            const QList<BlockRequest> back = chance(50) ? picker.abortAllRequests(victim) : picker.removePeer(victim);
            QCOMPARE(back.size(), qsizetype(outstanding[victim].size()));
            for (const BlockRequest &b : outstanding[victim])
                --requestCount[{b.piece, b.begin}];
            outstanding[victim].clear();
            picker.peerHasBitfield(victim, has[victim]);
        } else if (chance(20)) {
            const int p = int(rng() % Pieces);
            has[victim].set(p);
            picker.peerHasPiece(victim, p);
        }
    }
    for (int p = 0; p < Pieces; ++p)
        QCOMPARE(verified[p], prios[p] == PiecePriority::Skip ? 0 : 1);
    QVERIFY(picker.partialPieces().isEmpty() || !picker.inEndgame());
    QCOMPARE(picker.wantedMissing(), 0);
    for (PeerId peer = 1; peer <= Peers; ++peer)
        QVERIFY(picker.pick(peer, 10).isEmpty());
}

// Timing only (printed, not asserted): 100k pieces, 200 peers.
void TestPiecePicker::benchmark()
{
    constexpr int Pieces = 100'000;
    constexpr int Peers = 200;
    PiecePicker picker(256 * KiB, 256 * KiB * Pieces, 42);
    std::mt19937 rng(42);
    QElapsedTimer timer;
    timer.start();
    for (PeerId peer = 1; peer <= Peers; ++peer) {
        if (peer % 10 == 0) {
            picker.peerHasAll(peer);
            continue;
        }
        Bitfield b(Pieces);
        for (int p = 0; p < Pieces; ++p)
            if (rng() % 2)
                b.set(p);
        picker.peerHasBitfield(peer, b);
    }
    const qint64 setupMs = timer.restart();

    haveFirst(picker, 4);
    int picked = 0;
    for (int round = 0; round < 20'000; ++round) {
        const PeerId peer = 1 + rng() % Peers;
        const QList<BlockRequest> got = picker.pick(peer, 32);
        picked += int(got.size());
        for (const BlockRequest &b : got)
            if (picker.blockReceived(peer, b).pieceComplete)
                picker.pieceVerified(b.piece);
    }
    const qint64 pickMs = timer.restart();

    // Worst case: a peer whose only piece is already started scans every missing piece.
    picker.peerHasBitfield(Peers + 1, bits(Pieces, {Pieces - 1}));
    picker.pick(Peers + 1, 1);
    for (int i = 0; i < 200; ++i)
        QVERIFY(picker.pick(Peers + 1, 16).isEmpty() || picker.inEndgame());
    const qint64 worstUs = timer.nsecsElapsed() / 1000 / 200;
    CHECK_CONSISTENT(picker);

    qInfo("benchmark: %d pieces, %d peers: bitfields %lld ms; 20000 picks of 32 blocks (%d blocks) "
          "with receive+verify %lld ms; worst-case pick %lld us",
          Pieces, Peers, setupMs, picked, pickMs, worstUs);
    QVERIFY(picked > 0);
}

QTEST_GUILESS_MAIN(TestPiecePicker)
#include "tst_piecepicker.moc"
