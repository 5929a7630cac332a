// Torrent creation: file walking and order, piece hashing across file boundaries (checked
// against QCryptographicHash over the concatenated data), piece sizes, the outer dictionary
// fields, failures (empty, changed, cancelled), other clients' acceptance and the CLI verb.
#include "bencode/reader.h"
#include "bencode/writer.h"
#include "metainfo/torrentcreator.h"
#include "metainfo/torrentinfo.h"
#include "version.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace swarmscope;
using namespace swarmscope::metainfo;
using bencode::Value;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(static_cast<qsizetype>(size), Qt::Uninitialized);
    for (char &c : out)
        c = static_cast<char>(gen.bounded(256));
    return out;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Independent of the code under test: QCryptographicHash over fixed-size slices.
QByteArray expectedPieces(const QByteArray &data, qint64 pieceSize)
{
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += static_cast<qsizetype>(pieceSize))
        out += QCryptographicHash::hash(data.mid(at, static_cast<qsizetype>(pieceSize)),
                                        QCryptographicHash::Sha1);
    return out;
}

QByteArray infoHashOf(const QByteArray &torrent)
{
    const std::optional<Value> root = bencode::decode(torrent);
    const Value *info = root ? root->findDict("info") : nullptr;
    if (!info)
        return {};
    return QCryptographicHash::hash(torrent.mid(info->source().begin, info->source().size()),
                                    QCryptographicHash::Sha1)
        .toHex();
}

QList<QByteArray> strings(const bencode::List &list)
{
    QList<QByteArray> out;
    for (const Value &v : list)
        out.append(v.isString() ? v.string() : QByteArray("<not a string>"));
    return out;
}

// A folder whose byte-wise component order differs from plain string order ("a.b" < "a/z" as
// strings, but "a" < "a.b" as components), with hidden, empty, nested and non-ASCII files.
struct Tree {
    QByteArray path; // components joined with '/', UTF-8
    qint64 size;
};
const QList<Tree> kTree = {
    // already in the order the torrent must list them
    {".hidden", 5000},  {"B", 20000},    {"a/b/c", 16384}, {"a/b/empty", 0},
    {"a/z", 1},         {"a.b", 40000},  {"~x", 12345},    {"\xc3\xa9t\xc3\xa9/\xe6\x97\xa5", 7},
};

// Writes kTree under `root` (in reverse, so creation order cannot fake sorting); returns the
// concatenation of the contents in torrent order.
QByteArray writeTree(const QString &root)
{
    QByteArray all;
    QList<QByteArray> contents;
    for (qsizetype i = 0; i < kTree.size(); ++i)
        contents.append(randomBytes(kTree[i].size, static_cast<quint32>(i + 1)));
    for (qsizetype i = kTree.size() - 1; i >= 0; --i) {
        if (!writeFile(root + u'/' + QString::fromUtf8(kTree[i].path), contents[i]))
            return {};
    }
    for (const QByteArray &c : contents)
        all += c;
    return all;
}

std::optional<Value> createAndDecode(const CreateOptions &options, QByteArray *raw = nullptr)
{
    QString error;
    const std::optional<QByteArray> torrent = createTorrent(options, &error);
    if (!torrent) {
        qWarning("createTorrent failed: %s", qPrintable(error));
        return std::nullopt;
    }
    if (raw)
        *raw = *torrent;
    bencode::DecodeError decodeError;
    bencode::DecodeInfo info;
    std::optional<Value> v = bencode::decode(*torrent, &decodeError, {}, &info);
    if (!v)
        qWarning("output does not decode: %s", qPrintable(decodeError.toString()));
    else if (info.unsortedKeys || bencode::encode(*v) != *torrent) // we must write canonical form
        return std::nullopt;
    return v;
}

CreateError createFailure(const CreateOptions &options)
{
    CreateError error;
    if (createTorrent(options, error))
        error.message = QStringLiteral("<succeeded>");
    return error;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// Command-line words from one space-separated literal (no quoting needed in these tests).
QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u' ');
}

struct Ran {
    int code = -1; // -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

Ran run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    Ran r;
    if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit)
        r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// The CLI verb, run as a separate process as users run it.
Ran runCli(const QStringList &args)
{
    return run(QStringLiteral(SWARMSCOPE_CLI), QStringList{QStringLiteral("create")} + args);
}

bool haveCli()
{
    return QFileInfo(QStringLiteral(SWARMSCOPE_CLI)).isExecutable();
}

} // namespace

Q_DECLARE_METATYPE(QList<QStringList>)

class TestTorrentCreator : public QObject {
    Q_OBJECT

private slots:
    void singleFile();
    void folderOrderAndPiecesAcrossFiles();
    void lastPieceSize_data();
    void lastPieceSize();
    void autoPieceSizeTable_data();
    void autoPieceSizeTable();
    void autoPieceSizeProperties();
    void invalidPieceSizes_data();
    void invalidPieceSizes();
    void largestPieceSize();
    void emptyOrMissingInputs();
    void nameOverride();
    void privateFlag();
    void trackers_data();
    void trackers();
    void webSeeds();
    void dateAndCreator();
    void deterministic();
    void roundTripThroughParser_data();
    void roundTripThroughParser();
    void progressAndCancel();
    void fileChangedWhileHashing_data();
    void fileChangedWhileHashing();
#ifdef Q_OS_UNIX
    void linksAndSpecialFilesSkipped();
    void invalidUtf8Name();
    void unreadableFileOrFolder();
#endif
    void otherClientsAccept_data();
    void otherClientsAccept();
    void cli();
    void cliBadArguments_data();
    void cliBadArguments();
    void cliOverwriteAndIoFailure();

private:
    // Writes a file under the temporary folder and makes it the source.
    bool makeSource(CreateOptions &options, const char *name, const QByteArray &data)
    {
        options.sourcePath = m_tmp.filePath(QString::fromUtf8(name));
        return writeFile(options.sourcePath, data);
    }

    QTemporaryDir m_tmp;
};

void TestTorrentCreator::singleFile()
{
    // Bigger than the creator's 4 MiB read chunk, so pieces straddle reads too.
    const QByteArray data = randomBytes(4 * MiB + 40000, 7);
    const QString path = m_tmp.filePath(QStringLiteral("single/movie.bin"));
    QVERIFY(writeFile(path, data));

    CreateOptions options;
    options.sourcePath = path;
    options.pieceSize = 32 * KiB;
    const std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    const Value *info = root->findDict("info");
    QVERIFY(info);
    QCOMPARE(*info->findString("name"), QByteArray("movie.bin"));
    QCOMPARE(*info->findInteger("length"), data.size());
    QCOMPARE(*info->findInteger("piece length"), 32 * KiB);
    QVERIFY(!info->find("files"));
    QVERIFY(!info->find("private"));
    QCOMPARE(*info->findString("pieces"), expectedPieces(data, 32 * KiB));
    QCOMPARE(info->dict().size(), size_t(4)); // length, name, piece length, pieces
}

void TestTorrentCreator::folderOrderAndPiecesAcrossFiles()
{
    const QString root = m_tmp.filePath(QStringLiteral("tree"));
    const QByteArray all = writeTree(root);
    QVERIFY(!all.isEmpty());

    CreateOptions options;
    options.sourcePath = root + u'/'; // a trailing slash must not change the name
    options.pieceSize = 16 * KiB;
    const std::optional<Value> torrent = createAndDecode(options);
    QVERIFY(torrent);
    const Value *info = torrent->findDict("info");
    QVERIFY(info);
    QCOMPARE(*info->findString("name"), QByteArray("tree"));
    QVERIFY(!info->find("length"));
    const bencode::List *files = info->findList("files");
    QVERIFY(files);
    QCOMPARE(files->size(), size_t(kTree.size()));
    for (qsizetype i = 0; i < kTree.size(); ++i) {
        const Value &f = (*files)[size_t(i)];
        QCOMPARE(*f.findInteger("length"), kTree[i].size);
        QVERIFY(f.findList("path"));
        QCOMPARE(strings(*f.findList("path")).join('/'), kTree[i].path);
    }
    // 93737 bytes: 5 full pieces, several of which span two or three files, and 11817 left.
    QCOMPARE(all.size(), 93737);
    const QByteArray pieces = *info->findString("pieces");
    QCOMPARE(pieces.size(), 6 * 20);
    QCOMPARE(pieces, expectedPieces(all, 16 * KiB));
}

void TestTorrentCreator::lastPieceSize_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("pieces");
    QTest::newRow("one byte") << qint64(1) << 1;
    QTest::newRow("exact multiple") << 3 * 16 * KiB << 3;
    QTest::newRow("one past") << 3 * 16 * KiB + 1 << 4;
    QTest::newRow("one short") << 3 * 16 * KiB - 1 << 3;
}

void TestTorrentCreator::lastPieceSize()
{
    QFETCH(qint64, size);
    QFETCH(int, pieces);
    const QByteArray data = randomBytes(size, 99);
    const QString path = m_tmp.filePath(QStringLiteral("last-%1.bin").arg(size));
    QVERIFY(writeFile(path, data));
    CreateOptions options;
    options.sourcePath = path;
    options.pieceSize = 16 * KiB;
    const std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    const QByteArray got = *root->findDict("info")->findString("pieces");
    QCOMPARE(got.size(), pieces * 20);
    // The last hash covers only the remaining bytes, not a zero-padded piece.
    const qint64 lastSize = size - (pieces - 1) * 16 * KiB;
    QCOMPARE(got.right(20), QCryptographicHash::hash(data.right(static_cast<qsizetype>(lastSize)),
                                                     QCryptographicHash::Sha1));
}

void TestTorrentCreator::autoPieceSizeTable_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("0") << qint64(0) << 16 * KiB;
    QTest::newRow("1 byte") << qint64(1) << 16 * KiB;
    QTest::newRow("2000 x 16 KiB") << 2000 * 16 * KiB << 16 * KiB;
    QTest::newRow("2000 x 16 KiB + 1") << 2000 * 16 * KiB + 1 << 32 * KiB;
    QTest::newRow("100 MiB") << 100 * MiB << 64 * KiB;
    QTest::newRow("700 MiB") << 700 * MiB << 512 * KiB;
    QTest::newRow("1 GiB") << 1024 * MiB << 1 * MiB;
    QTest::newRow("4 GiB") << 4096 * MiB << 4 * MiB;
    QTest::newRow("2000 x 16 MiB") << 2000 * 16 * MiB << 16 * MiB;
    QTest::newRow("1 TiB (clamped)") << 1024 * 1024 * MiB << 16 * MiB;
}

void TestTorrentCreator::autoPieceSizeTable()
{
    QFETCH(qint64, total);
    QFETCH(qint64, expected);
    QCOMPARE(autoPieceSize(total), expected);
}

void TestTorrentCreator::autoPieceSizeProperties()
{
    QRandomGenerator gen(1234);
    for (int i = 0; i < 2000; ++i) {
        const qint64 total = static_cast<qint64>(gen.bounded(1.0) * 40.0 * 1024 * MiB) + 1;
        const qint64 size = autoPieceSize(total);
        QVERIFY(isValidPieceSize(size));
        QVERIFY(size <= 16 * MiB);
        const qint64 pieces = (total + size - 1) / size;
        if (size > 16 * KiB && size < 16 * MiB)
            QVERIFY2(pieces > 1000 && pieces <= 2000, qPrintable(QString::number(total)));
        else if (size == 16 * KiB)
            QVERIFY(pieces <= 2000);
        else
            QVERIFY(pieces > 1000);
    }
}

void TestTorrentCreator::invalidPieceSizes_data()
{
    QTest::addColumn<qint64>("pieceSize");
    QTest::newRow("negative") << -16 * KiB;
    QTest::newRow("1") << qint64(1);
    QTest::newRow("1000") << qint64(1000);
    QTest::newRow("8 KiB") << 8 * KiB;
    QTest::newRow("16 KiB - 1") << 16 * KiB - 1;
    QTest::newRow("16 KiB + 1") << 16 * KiB + 1;
    QTest::newRow("48 KiB") << 48 * KiB;
    QTest::newRow("1 GiB") << 1024 * MiB;
}

void TestTorrentCreator::invalidPieceSizes()
{
    QFETCH(qint64, pieceSize);
    QVERIFY(!isValidPieceSize(pieceSize));
    CreateOptions options;
    QVERIFY(makeSource(options, "small.bin", "hello"));
    options.pieceSize = pieceSize;
    const CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::BadInput);
    QVERIFY2(error.message.contains(u"piece size"), qPrintable(error.message));
}

void TestTorrentCreator::largestPieceSize()
{
    // 512 MiB pieces are allowed and must not need a 512 MiB buffer for a 5-byte file.
    CreateOptions options;
    QVERIFY(makeSource(options, "small.bin", "hello"));
    options.pieceSize = 512 * MiB;
    const std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    QCOMPARE(*root->findDict("info")->findInteger("piece length"), 512 * MiB);
    QCOMPARE(*root->findDict("info")->findString("pieces"),
             QCryptographicHash::hash("hello", QCryptographicHash::Sha1));
}

void TestTorrentCreator::emptyOrMissingInputs()
{
    CreateOptions options;
    // An empty folder, a folder holding only empty folders, and only zero-length files.
    const QString empty = m_tmp.filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(empty));
    options.sourcePath = empty;
    CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::BadInput);
    QVERIFY2(error.message.contains(u"no files"), qPrintable(error.message));

    QVERIFY(QDir().mkpath(empty + QStringLiteral("/x/y")));
    QVERIFY(createFailure(options).message.contains(u"no files"));

    QVERIFY(writeFile(empty + QStringLiteral("/x/zero"), {}));
    error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::BadInput);
    QVERIFY2(error.message.contains(u"total size 0"), qPrintable(error.message));

    options.sourcePath = empty + QStringLiteral("/x/zero");
    QVERIFY(createFailure(options).message.contains(u"total size 0"));

    options.sourcePath = m_tmp.filePath(QStringLiteral("does-not-exist"));
    error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::BadInput);
    QVERIFY2(error.message.contains(u"does-not-exist"), qPrintable(error.message));
    options.sourcePath.clear();
    QCOMPARE(createFailure(options).kind, CreateError::Kind::BadInput);
}

void TestTorrentCreator::nameOverride()
{
    CreateOptions options;
    QVERIFY(makeSource(options, "named.bin", "data"));
    options.name = QStringLiteral("Caf\u00e9 name");
    const std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    QCOMPARE(*root->findDict("info")->findString("name"), QByteArray("Caf\xc3\xa9 name"));
    for (const char *bad : {"a/b", "..", "."}) {
        options.name = QString::fromLatin1(bad);
        QCOMPARE(createFailure(options).kind, CreateError::Kind::BadInput);
    }
}

void TestTorrentCreator::privateFlag()
{
    CreateOptions options;
    QVERIFY(makeSource(options, "private.bin", randomBytes(50000, 3)));
    options.includeCreationDate = false;
    QByteArray publicTorrent;
    QByteArray privateTorrent;
    std::optional<Value> root = createAndDecode(options, &publicTorrent);
    QVERIFY(root);
    QVERIFY(!root->findDict("info")->find("private"));
    options.isPrivate = true;
    root = createAndDecode(options, &privateTorrent);
    QVERIFY(root);
    QVERIFY(root->findDict("info")->findInteger("private"));
    QCOMPARE(*root->findDict("info")->findInteger("private"), 1);
    QVERIFY(infoHashOf(publicTorrent) != infoHashOf(privateTorrent));
}

void TestTorrentCreator::trackers_data()
{
    QTest::addColumn<QList<QStringList>>("tiers");
    QTest::addColumn<QByteArray>("announce");        // empty: absent
    QTest::addColumn<QByteArray>("announceList");    // tiers joined by '|', urls by ','; empty: absent
    const QString a = QStringLiteral("http://a.example/announce");
    const QString b = QStringLiteral("udp://b.example:80");
    const QString c = QStringLiteral("http://c.example/announce");
    QTest::newRow("none") << QList<QStringList>{} << QByteArray() << QByteArray();
    QTest::newRow("one") << QList<QStringList>{{a}} << a.toUtf8() << QByteArray();
    QTest::newRow("two tiers") << QList<QStringList>{{a}, {b, c}} << a.toUtf8()
                               << (a + u'|' + b + u',' + c).toUtf8();
    QTest::newRow("one tier of two") << QList<QStringList>{{b, a}} << b.toUtf8()
                                     << (b + u',' + a).toUtf8();
    QTest::newRow("blanks dropped") << QList<QStringList>{{QString()}, {u' ' + a + u' '}}
                                    << a.toUtf8() << QByteArray();
}

void TestTorrentCreator::trackers()
{
    QFETCH(QList<QStringList>, tiers);
    QFETCH(QByteArray, announce);
    QFETCH(QByteArray, announceList);
    CreateOptions options;
    QVERIFY(makeSource(options, "trackers.bin", "tracked"));
    options.trackerTiers = tiers;
    const std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    QCOMPARE(root->findString("announce") ? *root->findString("announce") : QByteArray(), announce);
    QByteArray gotList;
    if (const bencode::List *list = root->findList("announce-list")) {
        QList<QByteArray> joined;
        for (const Value &tier : *list) {
            QVERIFY(tier.isList());
            joined.append(strings(tier.list()).join(','));
        }
        gotList = joined.join('|');
        QVERIFY(!gotList.isEmpty());
    }
    QCOMPARE(gotList, announceList);
}

void TestTorrentCreator::webSeeds()
{
    CreateOptions options;
    QVERIFY(makeSource(options, "seeded.bin", "seeded"));
    std::optional<Value> root = createAndDecode(options);
    QVERIFY(root);
    QVERIFY(!root->find("url-list"));

    options.webSeeds = {QStringLiteral("https://mirror.example/files/")};
    root = createAndDecode(options);
    QVERIFY(root);
    QVERIFY(root->findString("url-list"));
    QCOMPARE(*root->findString("url-list"), QByteArray("https://mirror.example/files/"));

    options.webSeeds.append(QStringLiteral("http://other.example/x"));
    root = createAndDecode(options);
    QVERIFY(root);
    QVERIFY(root->findList("url-list"));
    QCOMPARE(strings(*root->findList("url-list")),
             (QList<QByteArray>{"https://mirror.example/files/", "http://other.example/x"}));
}

void TestTorrentCreator::dateAndCreator()
{
    CreateOptions options;
    QVERIFY(makeSource(options, "dated.bin", "dated"));
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    std::optional<Value> root = createAndDecode(options);
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(root);
    QVERIFY(root->findInteger("creation date"));
    QVERIFY(*root->findInteger("creation date") >= before);
    QVERIFY(*root->findInteger("creation date") <= after);
    QCOMPARE(*root->findString("created by"), clientName().toUtf8());
    QVERIFY(!root->find("comment"));

    options.includeCreationDate = false;
    options.createdBy = QStringLiteral("someone else");
    options.comment = QStringLiteral("r\u00e9sum\u00e9");
    root = createAndDecode(options);
    QVERIFY(root);
    QVERIFY(!root->find("creation date"));
    QCOMPARE(*root->findString("created by"), QByteArray("someone else"));
    QCOMPARE(*root->findString("comment"), QByteArray("r\xc3\xa9sum\xc3\xa9"));
}

void TestTorrentCreator::deterministic()
{
    const QString root = m_tmp.filePath(QStringLiteral("det"));
    QVERIFY(!writeTree(root).isEmpty());
    CreateOptions options;
    options.sourcePath = root;
    options.includeCreationDate = false;
    const std::optional<QByteArray> first = createTorrent(options);
    const std::optional<QByteArray> second = createTorrent(options);
    QVERIFY(first && second);
    QCOMPARE(*first, *second);
}

void TestTorrentCreator::roundTripThroughParser_data()
{
    QTest::addColumn<bool>("multi");
    QTest::newRow("single file") << false;
    QTest::newRow("folder") << true;
}

void TestTorrentCreator::roundTripThroughParser()
{
    QFETCH(bool, multi);
    const QString source = m_tmp.filePath(multi ? QStringLiteral("rt-tree") : QStringLiteral("rt.bin"));
    const QByteArray data = multi ? writeTree(source) : randomBytes(70000, 21);
    QVERIFY(!data.isEmpty());
    if (!multi)
        QVERIFY(writeFile(source, data));
    CreateOptions options;
    options.sourcePath = source;
    options.pieceSize = 16 * KiB;
    options.trackerTiers = {{QStringLiteral("http://a/ann"), QStringLiteral("http://b/ann")},
                            {QStringLiteral("udp://c:1")}};
    options.webSeeds = {QStringLiteral("http://w/")};
    options.isPrivate = true;
    options.comment = QStringLiteral("round trip");
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const std::optional<QByteArray> torrent = createTorrent(options);
    QVERIFY(torrent);

    ParseError error;
    const std::optional<TorrentInfo> info = parseTorrent(*torrent, &error);
    QVERIFY2(info, qPrintable(error.toString()));
    QVERIFY2(info->warnings.isEmpty(), qPrintable(info->warnings.join(QStringLiteral("; "))));
    QCOMPARE(info->infoHash.toHex().toLatin1(), infoHashOf(*torrent));
    QCOMPARE(info->multiFile, multi);
    QCOMPARE(info->name, multi ? QStringLiteral("rt-tree") : QStringLiteral("rt.bin"));
    QCOMPARE(info->pieceLength, 16 * KiB);
    QCOMPARE(info->totalSize, qint64(data.size()));
    QCOMPARE(info->pieceHashes, expectedPieces(data, 16 * KiB));
    QVERIFY(info->isPrivate);
    QCOMPARE(info->trackerTiers, options.trackerTiers);
    QCOMPARE(info->webSeeds, options.webSeeds);
    QCOMPARE(info->comment, options.comment);
    QCOMPARE(info->createdBy, clientName());
    QVERIFY(info->creationDate);
    QVERIFY(info->creationDate->toSecsSinceEpoch() >= before);
    if (!multi) {
        QCOMPARE(info->files.size(), 1);
        QCOMPARE(info->files[0].path, QStringLiteral("rt.bin"));
        return;
    }
    QCOMPARE(info->files.size(), kTree.size());
    qint64 offset = 0;
    for (qsizetype i = 0; i < kTree.size(); ++i) {
        QCOMPARE(info->files[i].path, QStringLiteral("rt-tree/") + QString::fromUtf8(kTree[i].path));
        QCOMPARE(info->files[i].size, kTree[i].size);
        QCOMPARE(info->files[i].offset, offset);
        QVERIFY(!info->files[i].renamed);
        offset += kTree[i].size;
    }
}

void TestTorrentCreator::progressAndCancel()
{
    CreateOptions options;
    QVERIFY(makeSource(options, "progress.bin", randomBytes(5 * 16 * KiB + 100, 5)));
    options.pieceSize = 16 * KiB;
    QList<qint64> calls;
    options.progress = [&calls](qint64 done, qint64 total) {
        if (total != 5 * 16 * KiB + 100)
            return false;
        calls.append(done);
        return true;
    };
    QVERIFY(createTorrent(options));
    QCOMPARE(calls, (QList<qint64>{16 * KiB, 32 * KiB, 48 * KiB, 64 * KiB, 80 * KiB,
                                   80 * KiB + 100}));

    calls.clear();
    options.progress = [&calls](qint64 done, qint64) {
        calls.append(done);
        return calls.size() < 2;
    };
    const CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::Cancelled);
    QCOMPARE(error.message, QStringLiteral("cancelled"));
    QCOMPARE(calls.size(), 2); // stopped at once
}

void TestTorrentCreator::fileChangedWhileHashing_data()
{
    QTest::addColumn<qint64>("newSize");
    QTest::addColumn<QString>("word");
    QTest::newRow("grew") << 64 * KiB + 1 << QStringLiteral("grew");
    QTest::newRow("shrank") << 32 * KiB << QStringLiteral("shrank");
}

void TestTorrentCreator::fileChangedWhileHashing()
{
    QFETCH(qint64, newSize);
    QFETCH(QString, word);
    const QString root = m_tmp.filePath(QStringLiteral("changing-") + word);
    QVERIFY(writeFile(root + QStringLiteral("/1-first"), randomBytes(64 * KiB, 1)));
    QVERIFY(writeFile(root + QStringLiteral("/2-second"), randomBytes(64 * KiB, 2)));
    CreateOptions options;
    options.sourcePath = root;
    options.pieceSize = 16 * KiB;
    // After the first piece, 2-second has been listed but not opened yet: change it now.
    const QString victim = root + QStringLiteral("/2-second");
    options.progress = [&](qint64 done, qint64) {
        if (done == 16 * KiB)
            writeFile(victim, randomBytes(newSize, 3));
        return true;
    };
    const CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::Io);
    QVERIFY2(error.message.contains(u"2-second") && error.message.contains(word),
             qPrintable(error.message));
}

#ifdef Q_OS_UNIX
void TestTorrentCreator::linksAndSpecialFilesSkipped()
{
    const QString root = m_tmp.filePath(QStringLiteral("links"));
    const QString outside = m_tmp.filePath(QStringLiteral("outside"));
    QVERIFY(writeFile(root + QStringLiteral("/real"), "real data"));
    QVERIFY(writeFile(outside + QStringLiteral("/secret"), "not for sharing"));
    QVERIFY(QFile::link(root + QStringLiteral("/real"), root + QStringLiteral("/link-to-file")));
    QVERIFY(QFile::link(outside, root + QStringLiteral("/link-to-dir")));
    QVERIFY(QFile::link(root + QStringLiteral("/gone"), root + QStringLiteral("/dangling")));
    QCOMPARE(::mkfifo(QFile::encodeName(root + QStringLiteral("/fifo")).constData(), 0600), 0);

    CreateOptions options;
    options.sourcePath = root;
    const std::optional<Value> torrent = createAndDecode(options);
    QVERIFY(torrent); // the FIFO was not opened: that would have blocked
    const bencode::List *files = torrent->findDict("info")->findList("files");
    QVERIFY(files);
    QCOMPARE(files->size(), size_t(1));
    QCOMPARE(strings(*files->front().findList("path")), QList<QByteArray>{"real"});

    // A link given as the source itself is followed: the user asked for it by name.
    options.sourcePath = root + QStringLiteral("/link-to-file");
    const std::optional<Value> single = createAndDecode(options);
    QVERIFY(single);
    QCOMPARE(*single->findDict("info")->findInteger("length"), 9);
}

void TestTorrentCreator::invalidUtf8Name()
{
    const QString root = m_tmp.filePath(QStringLiteral("badname"));
    QVERIFY(writeFile(root + QStringLiteral("/good"), "x"));
    const QByteArray bad = QFile::encodeName(root) + "/bad\xff\xfe.txt";
    const int fd = ::open(bad.constData(), O_CREAT | O_WRONLY, 0600);
    QVERIFY(fd >= 0);
    // Qt cannot name this file, so QTemporaryDir could not delete it either.
    const auto cleanup = qScopeGuard([&bad] { ::unlink(bad.constData()); });
    QCOMPARE(::write(fd, "y", 1), ssize_t(1));
    ::close(fd);
    CreateOptions options;
    options.sourcePath = root;
    const CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::BadInput);
    QVERIFY2(error.message.contains(u"UTF-8"), qPrintable(error.message));
}

void TestTorrentCreator::unreadableFileOrFolder()
{
    const QString root = m_tmp.filePath(QStringLiteral("unreadable"));
    const QString locked = root + QStringLiteral("/locked");
    QVERIFY(writeFile(locked, "secret"));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::WriteOwner));
    QFile probe(locked);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("running with privileges that read mode-000 files (root?)");
    CreateOptions options;
    options.sourcePath = root;
    const CreateError error = createFailure(options);
    QCOMPARE(error.kind, CreateError::Kind::Io);
    QVERIFY2(error.message.contains(u"locked"), qPrintable(error.message));

    // A folder that cannot be listed must not be skipped quietly either.
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString lockedDir = root + QStringLiteral("/sub");
    QVERIFY(QDir().mkpath(lockedDir));
    QVERIFY(QFile::setPermissions(lockedDir, QFileDevice::WriteOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(lockedDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner);
    });
    const CreateError dirError = createFailure(options);
    QCOMPARE(dirError.kind, CreateError::Kind::Io);
    QVERIFY2(dirError.message.contains(u"sub"), qPrintable(dirError.message));
}
#endif

void TestTorrentCreator::otherClientsAccept_data()
{
    QTest::addColumn<bool>("multi");
    QTest::newRow("single file") << false;
    QTest::newRow("folder") << true;
}

void TestTorrentCreator::otherClientsAccept()
{
    QFETCH(bool, multi);
    const QString transmission = QStringLiteral("/usr/bin/transmission-show");
    const QString python = QStringLiteral("/usr/bin/python3");
    const bool haveTransmission = QFileInfo(transmission).isExecutable();
    const bool haveLibtorrent = QFileInfo(python).isExecutable() &&
                                run(python, words("-c") << QStringLiteral("import libtorrent")).code == 0;
    if (!haveTransmission && !haveLibtorrent)
        QSKIP("neither /usr/bin/transmission-show nor /usr/bin/python3 with libtorrent is installed");

    CreateOptions options;
    if (multi)
        QVERIFY(!writeTree(options.sourcePath = m_tmp.filePath(QStringLiteral("interop-tree"))).isEmpty());
    else
        QVERIFY(makeSource(options, "interop.bin", randomBytes(300000, 11)));
    options.pieceSize = 16 * KiB;
    options.trackerTiers = {{QStringLiteral("http://a.example/announce")},
                            {QStringLiteral("udp://b.example:6969")}};
    options.webSeeds = {QStringLiteral("http://w.example/")};
    options.isPrivate = true;
    QByteArray raw;
    QVERIFY(createAndDecode(options, &raw));
    const QString out = options.sourcePath + QStringLiteral(".torrent");
    QVERIFY(writeFile(out, raw));
    const QByteArray hash = infoHashOf(raw);
    const qint64 total = multi ? 93737 : 300000;

    if (haveTransmission) {
        const Ran r = run(transmission, {out});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains(hash) && r.out.contains("Private torrent"), r.out.constData());
    }
    if (haveLibtorrent) {
        const Ran r = run(python, words("-c") << QStringLiteral(
                                      "import libtorrent as lt, sys\n"
                                      "ti = lt.torrent_info(sys.argv[1])\n"
                                      "print(ti.info_hash())\n"
                                      "print(ti.num_pieces(), ti.total_size(), ti.priv(), "
                                      "ti.files().num_files())\n") << out);
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray expected = hash + '\n' + QByteArray::number((total + 16 * KiB - 1) / (16 * KiB)) +
                                    ' ' + QByteArray::number(total) + " True " +
                                    QByteArray::number(multi ? kTree.size() : 1);
        QCOMPARE(r.out.trimmed(), expected);
    }
}

void TestTorrentCreator::cli()
{
    if (!haveCli())
        QSKIP("swarmscope-cli is not built");
    const QString root = m_tmp.filePath(QStringLiteral("cli-tree"));
    QVERIFY(!writeTree(root).isEmpty());
    const QString out = m_tmp.filePath(QStringLiteral("cli.torrent"));
    // Options on both sides of the path, "=" and separate values, a comma tier, K suffix.
    const Ran r = runCli(words("--tracker http://a/x,http://b/x --piece-size=32K") << root
                         << words("-o") << out
                         << words("--tracker=udp://c:1 --private --web-seed http://w1/ --web-seed "
                                  "http://w2/ --comment hi --name renamed --no-date"));
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // stderr is not a terminal: no progress
    const QByteArray raw = readFile(out);
    QCOMPARE(r.out, "info-hash: " + infoHashOf(raw) + "\ntorrent: " + out.toUtf8() + '\n');

    const std::optional<Value> torrent = bencode::decode(raw);
    QVERIFY(torrent);
    QCOMPARE(*torrent->findString("announce"), QByteArray("http://a/x"));
    const bencode::List *tiers = torrent->findList("announce-list");
    QVERIFY(tiers && tiers->size() == 2);
    QCOMPARE(strings((*tiers)[0].list()), (QList<QByteArray>{"http://a/x", "http://b/x"}));
    QCOMPARE(strings((*tiers)[1].list()), QList<QByteArray>{"udp://c:1"});
    QCOMPARE(strings(*torrent->findList("url-list")), (QList<QByteArray>{"http://w1/", "http://w2/"}));
    QCOMPARE(*torrent->findString("comment"), QByteArray("hi"));
    QVERIFY(!torrent->find("creation date"));
    const Value *info = torrent->findDict("info");
    QCOMPARE(*info->findString("name"), QByteArray("renamed"));
    QCOMPARE(*info->findInteger("piece length"), 32 * KiB);
    QCOMPARE(*info->findInteger("private"), 1);
    QCOMPARE(info->findList("files")->size(), size_t(kTree.size()));

    // "M" suffix and a plain byte count.
    const QString out2 = m_tmp.filePath(QStringLiteral("cli2.torrent"));
    QCOMPARE(runCli(QStringList{root} << words("--piece-size 1M -o") << out2).code, 0);
    QCOMPARE(*bencode::decode(readFile(out2))->findDict("info")->findInteger("piece length"), MiB);
    QCOMPARE(runCli(QStringList{root} << words("--force --piece-size 65536 -o") << out2).code, 0);
    QCOMPARE(*bencode::decode(readFile(out2))->findDict("info")->findInteger("piece length"),
             64 * KiB);
}

void TestTorrentCreator::cliBadArguments_data()
{
    QTest::addColumn<QString>("args"); // @SRC@, @OUT@ and @EMPTY@ are filled in
    QTest::newRow("no path") << QStringLiteral("-o @OUT@");
    QTest::newRow("no output") << QStringLiteral("@SRC@");
    QTest::newRow("two paths") << QStringLiteral("@SRC@ @SRC@ -o @OUT@");
    QTest::newRow("unknown option") << QStringLiteral("@SRC@ -o @OUT@ --frobnicate");
    QTest::newRow("missing value") << QStringLiteral("@SRC@ -o @OUT@ --tracker");
    QTest::newRow("piece size 1000") << QStringLiteral("@SRC@ -o @OUT@ --piece-size 1000");
    QTest::newRow("piece size 3M") << QStringLiteral("@SRC@ -o @OUT@ --piece-size=3M");
    QTest::newRow("piece size 1G") << QStringLiteral("@SRC@ -o @OUT@ --piece-size=1024M");
    QTest::newRow("piece size junk") << QStringLiteral("@SRC@ -o @OUT@ --piece-size=12x");
    QTest::newRow("flag with value") << QStringLiteral("@SRC@ -o @OUT@ --private=yes");
    QTest::newRow("missing source") << QStringLiteral("@SRC@-nope -o @OUT@");
    QTest::newRow("empty folder") << QStringLiteral("@EMPTY@ -o @OUT@");
}

void TestTorrentCreator::cliBadArguments()
{
    if (!haveCli())
        QSKIP("swarmscope-cli is not built");
    QFETCH(QString, args);
    const QString src = m_tmp.filePath(QStringLiteral("cli-src.bin"));
    const QString empty = m_tmp.filePath(QStringLiteral("cli-empty"));
    const QString out = m_tmp.filePath(QStringLiteral("cli-bad.torrent"));
    QVERIFY(writeFile(src, "cli source"));
    QVERIFY(QDir().mkpath(empty));
    args.replace(QStringLiteral("@SRC@"), src).replace(QStringLiteral("@OUT@"), out)
        .replace(QStringLiteral("@EMPTY@"), empty);
    const Ran r = runCli(args.split(u' '));
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("swarmscope-cli create: ") && r.err.count('\n') == 1,
             r.err.constData());
    QVERIFY(!QFileInfo::exists(out));
}

void TestTorrentCreator::cliOverwriteAndIoFailure()
{
    if (!haveCli())
        QSKIP("swarmscope-cli is not built");
    const QString src = m_tmp.filePath(QStringLiteral("cli-ow.bin"));
    const QString out = m_tmp.filePath(QStringLiteral("cli-ow.torrent"));
    QVERIFY(writeFile(src, "overwrite me"));
    QVERIFY(writeFile(out, "keep"));
    Ran r = runCli(QStringList{src} << words("-o") << out);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--force"), r.err.constData());
    QCOMPARE(readFile(out), QByteArray("keep"));

    r = runCli(QStringList{src} << words("--force -o") << out);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains(infoHashOf(readFile(out))));

    // An output folder that does not exist: the operation fails, exit 1.
    r = runCli(QStringList{src} << words("-o") << m_tmp.filePath(QStringLiteral("no/dir/x.torrent")));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith("swarmscope-cli create: cannot write"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestTorrentCreator)
#include "tst_torrentcreator.moc"
