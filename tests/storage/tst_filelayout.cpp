// File layout: pieces and blocks map to the right file ranges, across file boundaries.
#include "storage/filelayout.h"

#include <QTest>

using namespace swarmscope;
using namespace swarmscope::storage;

namespace {

metainfo::TorrentInfo makeInfo(const QList<qint64> &sizes, qint64 pieceLength)
{
    metainfo::TorrentInfo info;
    qint64 offset = 0;
    for (int i = 0; i < sizes.size(); ++i) {
        metainfo::FileEntry f;
        f.path = QStringLiteral("t/f%1").arg(i);
        f.size = sizes[i];
        f.offset = offset;
        offset += sizes[i];
        info.files << f;
    }
    info.totalSize = offset;
    info.pieceLength = pieceLength;
    info.pieceHashes = QByteArray(int((offset + pieceLength - 1) / pieceLength) * 20, 'x');
    return info;
}

} // namespace

class TestFileLayout : public QObject {
    Q_OBJECT
private slots:
    void singleFile();
    void pieceSpansFiles();
    void zeroLengthFilesSkipped();
    void blockInsidePiece();
    void outOfRange();
    void piecesOfFileAndFilesOfPiece();
    void slicesCoverEveryByteOnce();
};

void TestFileLayout::singleFile()
{
    FileLayout l(makeInfo({100}, 32));
    QCOMPARE(l.pieceCount(), 4);
    QCOMPARE(l.pieceSize(3), 4);
    const auto s = l.pieceSlices(3);
    QCOMPARE(s.size(), 1);
    QCOMPARE(s[0].fileIndex, 0);
    QCOMPARE(s[0].fileOffset, 96);
    QCOMPARE(s[0].length, 4);
}

void TestFileLayout::pieceSpansFiles()
{
    FileLayout l(makeInfo({10, 5, 30}, 16));
    const auto s = l.pieceSlices(0); // bytes 0..15: f0[0..10) f1[0..5) f2[0..1)
    QCOMPARE(s.size(), 3);
    QCOMPARE(s[0].fileIndex, 0);
    QCOMPARE(s[0].length, 10);
    QCOMPARE(s[1].fileIndex, 1);
    QCOMPARE(s[1].bufferOffset, 10);
    QCOMPARE(s[1].length, 5);
    QCOMPARE(s[2].fileIndex, 2);
    QCOMPARE(s[2].fileOffset, 0);
    QCOMPARE(s[2].length, 1);
    QCOMPARE(s[2].bufferOffset, 15);
    const auto last = l.pieceSlices(2); // bytes 32..44 -> f2[17..30)
    QCOMPARE(last.size(), 1);
    QCOMPARE(last[0].fileOffset, 17);
    QCOMPARE(last[0].length, 13);
}

void TestFileLayout::zeroLengthFilesSkipped()
{
    FileLayout l(makeInfo({0, 8, 0, 0, 8, 0}, 16));
    const auto s = l.pieceSlices(0);
    QCOMPARE(s.size(), 2);
    QCOMPARE(s[0].fileIndex, 1);
    QCOMPARE(s[1].fileIndex, 4);
    QCOMPARE(l.piecesOfFile(0), std::make_pair(-1, -1));
}

void TestFileLayout::blockInsidePiece()
{
    FileLayout l(makeInfo({20, 20}, 32));
    const auto s = l.slices(18, 4); // a block straddling f0/f1
    QCOMPARE(s.size(), 2);
    QCOMPARE(s[0].fileOffset, 18);
    QCOMPARE(s[0].length, 2);
    QCOMPARE(s[1].fileOffset, 0);
    QCOMPARE(s[1].length, 2);
    QCOMPARE(s[1].bufferOffset, 2);
}

void TestFileLayout::outOfRange()
{
    FileLayout l(makeInfo({20}, 16));
    QVERIFY(l.slices(-1, 4).isEmpty());
    QVERIFY(l.slices(18, 4).isEmpty());
    QVERIFY(l.slices(0, 0).isEmpty());
    QVERIFY(l.pieceSlices(2).isEmpty());
    QCOMPARE(l.filesOfPiece(5), std::make_pair(-1, -1));
}

void TestFileLayout::piecesOfFileAndFilesOfPiece()
{
    FileLayout l(makeInfo({10, 5, 30}, 16));
    QCOMPARE(l.piecesOfFile(0), std::make_pair(0, 0));
    QCOMPARE(l.piecesOfFile(2), std::make_pair(0, 2));
    QCOMPARE(l.filesOfPiece(0), std::make_pair(0, 2));
    QCOMPARE(l.filesOfPiece(1), std::make_pair(2, 2));
}

void TestFileLayout::slicesCoverEveryByteOnce()
{
    const QList<qint64> sizes{7, 0, 13, 1, 64, 0, 5, 29};
    FileLayout l(makeInfo(sizes, 16));
    QList<qint64> covered(sizes.size(), 0);
    qint64 total = 0;
    for (int p = 0; p < l.pieceCount(); ++p) {
        qint64 inPiece = 0;
        for (const FileSlice &s : l.pieceSlices(p)) {
            QCOMPARE(s.bufferOffset, inPiece);
            QCOMPARE(l.file(s.fileIndex).offset + s.fileOffset, l.pieceOffset(p) + inPiece);
            covered[s.fileIndex] += s.length;
            inPiece += s.length;
        }
        QCOMPARE(inPiece, l.pieceSize(p));
        total += inPiece;
    }
    QCOMPARE(total, l.totalSize());
    for (int i = 0; i < sizes.size(); ++i)
        QCOMPARE(covered[i], sizes[i]);
}

QTEST_GUILESS_MAIN(TestFileLayout)
#include "tst_filelayout.moc"
