// .torrent parsing: fields, consistency checks, BEP 12/19/27/47, sanitized paths, limits and
// the info-hash over the exact original bytes.
#include "bencode/writer.h"
#include "crypto/sha1.h"
#include "metainfo/torrentinfo.h"

#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using namespace swarmscope::metainfo;
using bencode::Dict;
using bencode::Integer;
using bencode::List;
using bencode::Value;

namespace {

QByteArray hashes(int pieces)
{
    QByteArray out;
    for (int i = 0; i < pieces; ++i)
        out += crypto::Sha1::hash(QByteArray::number(i));
    return out;
}

Dict singleFileInfo(qint64 length = 100'000, qint64 pieceLength = 32768)
{
    Dict info;
    info["name"] = Value("file.bin");
    info["length"] = Value(length);
    info["piece length"] = Value(pieceLength);
    info["pieces"] = Value(hashes(int((length + pieceLength - 1) / pieceLength)));
    return info;
}

Value fileEntry(qint64 length, List path)
{
    Dict d;
    d["length"] = Value(length);
    d["path"] = Value(std::move(path));
    return Value(std::move(d));
}

Dict multiFileInfo(List files, qint64 total, qint64 pieceLength = 16384)
{
    Dict info;
    info["name"] = Value("folder");
    info["files"] = Value(std::move(files));
    info["piece length"] = Value(pieceLength);
    info["pieces"] = Value(hashes(int((total + pieceLength - 1) / pieceLength)));
    return info;
}

QByteArray torrentWith(Dict info, Dict extra = {})
{
    extra["info"] = Value(std::move(info));
    return bencode::encode(Value(std::move(extra)));
}

std::optional<TorrentInfo> parseOk(const QByteArray &data)
{
    ParseError error;
    auto t = parseTorrent(data, &error);
    if (!t)
        qWarning("unexpected parse error: %s", qPrintable(error.toString()));
    return t;
}

} // namespace

class TestTorrentInfo : public QObject {
    Q_OBJECT
private slots:
    void singleFile();
    void multiFile();
    void infoHashUsesOriginalBytes();
    void trackersBep12();
    void announceOnly();
    void badTrackersSkipped();
    void webSeedsBep19();
    void privateBep27();
    void optionalFields();
    void utf8Variants();
    void padFilesBep47();
    void hybridV2Accepted();
    void rejects_data();
    void rejects();
    void pathsSanitized();
    void collidingPathsRenamed();
    void unusableNameUsesInfoHash();
    void pieceSizes();
    void limits();
    void encodeKeepsInfoHash();
    void infoDictionaryAlone();
    void loadFromDisk();
};

void TestTorrentInfo::singleFile()
{
    auto t = parseOk(torrentWith(singleFileInfo(100'000, 32768)));
    QVERIFY(t);
    QCOMPARE(t->name, QStringLiteral("file.bin"));
    QCOMPARE(t->totalSize, 100'000);
    QCOMPARE(t->pieceLength, 32768);
    QCOMPARE(t->pieceCount(), 4);
    QVERIFY(!t->multiFile);
    QCOMPARE(t->files.size(), 1);
    QCOMPARE(t->files[0].path, QStringLiteral("file.bin"));
    QCOMPARE(t->files[0].size, 100'000);
    QCOMPARE(t->pieceHash(3), crypto::Sha1::hash("3"));
    QVERIFY(t->warnings.isEmpty());
}

void TestTorrentInfo::multiFile()
{
    List files{fileEntry(10'000, List{Value("a.txt")}), fileEntry(0, List{Value("empty")}),
               fileEntry(30'000, List{Value("sub"), Value("b.bin")})};
    auto t = parseOk(torrentWith(multiFileInfo(std::move(files), 40'000)));
    QVERIFY(t);
    QVERIFY(t->multiFile);
    QCOMPARE(t->files.size(), 3);
    QCOMPARE(t->files[0].path, QStringLiteral("folder/a.txt"));
    QCOMPARE(t->files[1].path, QStringLiteral("folder/empty"));
    QCOMPARE(t->files[1].offset, 10'000);
    QCOMPARE(t->files[2].path, QStringLiteral("folder/sub/b.bin"));
    QCOMPARE(t->files[2].offset, 10'000);
    QCOMPARE(t->totalSize, 40'000);
    QCOMPARE(t->pieceCount(), 3);
}

void TestTorrentInfo::infoHashUsesOriginalBytes()
{
    // Keys out of order inside info: the hash must be over these exact bytes, not a re-encoding.
    const QByteArray pieces = hashes(1);
    const QByteArray infoBytes = QByteArray("d4:name1:x12:piece lengthi16384e6:lengthi5e6:pieces20:") + pieces + 'e';
    const QByteArray data = QByteArray("d8:announce20:http://t.example/ann4:info") + infoBytes + 'e';
    auto t = parseOk(data);
    QVERIFY(t);
    QCOMPARE(t->infoBytes, infoBytes);
    QCOMPARE(t->infoHash.bytes(), crypto::Sha1::hash(infoBytes));
    QVERIFY(t->infoHash.bytes() != crypto::Sha1::hash(bencode::encode(*bencode::decode(infoBytes))));
    QVERIFY(t->warnings.join(QLatin1Char(' ')).contains(QLatin1String("sorted order")));
}

void TestTorrentInfo::trackersBep12()
{
    Dict extra;
    extra["announce"] = Value("http://ignored.example/announce");
    extra["announce-list"] = Value(List{
        Value(List{Value("http://a.example/announce"), Value("udp://b.example:6969")}),
        Value(List{}),
        Value(List{Value("https://c.example/announce"), Value("http://a.example/announce")}),
    });
    auto t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t);
    QCOMPARE(t->trackerTiers.size(), 2);
    QCOMPARE(t->trackerTiers[0], (QStringList{QStringLiteral("http://a.example/announce"),
                                              QStringLiteral("udp://b.example:6969")}));
    QCOMPARE(t->trackerTiers[1], QStringList{QStringLiteral("https://c.example/announce")});
    QCOMPARE(t->trackers().size(), 3);
}

void TestTorrentInfo::announceOnly()
{
    Dict extra;
    extra["announce"] = Value("http://only.example/announce");
    extra["announce-list"] = Value(List{}); // empty list: fall back to announce
    auto t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t);
    QCOMPARE(t->trackers(), QStringList{QStringLiteral("http://only.example/announce")});
}

void TestTorrentInfo::badTrackersSkipped()
{
    Dict extra;
    extra["announce-list"] = Value(List{Value(List{Value("javascript:alert(1)"), Value("not a url"),
                                                   Value(""), Value(7), Value("udp://ok.example:80")}),
                                        Value("not a tier")});
    auto t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t);
    QCOMPARE(t->trackers(), QStringList{QStringLiteral("udp://ok.example:80")});
    QVERIFY(t->warnings.join(QLatin1Char(' ')).contains(QLatin1String("skipped")));
}

void TestTorrentInfo::webSeedsBep19()
{
    Dict one;
    one["url-list"] = Value("http://seed.example/file.bin");
    auto t = parseOk(torrentWith(singleFileInfo(), one));
    QVERIFY(t);
    QCOMPARE(t->webSeeds, QStringList{QStringLiteral("http://seed.example/file.bin")});

    Dict many;
    many["url-list"] = Value(List{Value("http://a.example/"), Value("ftp://b.example/"), Value("https://c.example/")});
    t = parseOk(torrentWith(singleFileInfo(), many));
    QVERIFY(t);
    QCOMPARE(t->webSeeds, (QStringList{QStringLiteral("http://a.example/"), QStringLiteral("https://c.example/")}));
}

void TestTorrentInfo::privateBep27()
{
    Dict info = singleFileInfo();
    info["private"] = Value(1);
    auto t = parseOk(torrentWith(info));
    QVERIFY(t && t->isPrivate);
    info["private"] = Value(0);
    t = parseOk(torrentWith(info));
    QVERIFY(t && !t->isPrivate);
    t = parseOk(torrentWith(singleFileInfo()));
    QVERIFY(t && !t->isPrivate);
}

void TestTorrentInfo::optionalFields()
{
    Dict extra;
    extra["comment"] = Value("A comment");
    extra["created by"] = Value("mktorrent 1.1");
    extra["creation date"] = Value(1'700'000'000);
    auto t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t);
    QCOMPARE(t->comment, QStringLiteral("A comment"));
    QCOMPARE(t->createdBy, QStringLiteral("mktorrent 1.1"));
    QVERIFY(t->creationDate);
    QCOMPARE(t->creationDate->toSecsSinceEpoch(), 1'700'000'000);

    extra["creation date"] = Value("yesterday"); // wrong type: ignored, not fatal
    t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t && !t->creationDate);
}

void TestTorrentInfo::utf8Variants()
{
    Dict info = singleFileInfo();
    info["name"] = Value("legacy\xe9");
    info["name.utf-8"] = Value("caf\xc3\xa9.bin");
    auto t = parseOk(torrentWith(info));
    QVERIFY(t);
    QCOMPARE(t->name, QStringLiteral("café.bin"));
}

void TestTorrentInfo::padFilesBep47()
{
    Dict pad;
    pad["length"] = Value(6384);
    pad["path"] = Value(List{Value(".pad"), Value("6384")});
    pad["attr"] = Value("p");
    Dict exe;
    exe["length"] = Value(16384);
    exe["path"] = Value(List{Value("run.sh")});
    exe["attr"] = Value("xh");
    List files{fileEntry(10'000, List{Value("a")}), Value(pad), Value(exe)};
    auto t = parseOk(torrentWith(multiFileInfo(std::move(files), 32768)));
    QVERIFY(t);
    QVERIFY(!t->files[0].padFile);
    QVERIFY(t->files[1].padFile);
    QCOMPARE(t->files[2].offset, 16384);
    QVERIFY(t->files[2].executable);
    QVERIFY(t->files[2].hidden);
}

void TestTorrentInfo::hybridV2Accepted()
{
    Dict info = singleFileInfo();
    info["meta version"] = Value(2);
    info["file tree"] = Value(Dict{});
    auto t = parseOk(torrentWith(info));
    QVERIFY(t);
    QVERIFY(t->warnings.join(QLatin1Char(' ')).contains(QLatin1String("hybrid")));
}

void TestTorrentInfo::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("not bencode") << QByteArray("<html>") << QStringLiteral("not valid bencode");
    QTest::newRow("truncated") << torrentWith(singleFileInfo()).chopped(5) << QStringLiteral("not valid bencode");
    QTest::newRow("top is list") << QByteArray("le") << QStringLiteral("not a dictionary");
    QTest::newRow("no info") << QByteArray("d8:announce3:urle") << QStringLiteral("no 'info'");
    QTest::newRow("info is list") << QByteArray("d4:infolee") << QStringLiteral("not a dictionary");

    Dict d = singleFileInfo();
    d.erase("pieces");
    QTest::newRow("no pieces") << torrentWith(d) << QStringLiteral("no 'pieces'");
    d["meta version"] = Value(2);
    QTest::newRow("v2 only") << torrentWith(d) << QStringLiteral("v2-only");

    d = singleFileInfo();
    d["pieces"] = Value(QByteArray(21, 'x'));
    QTest::newRow("pieces not multiple of 20") << torrentWith(d) << QStringLiteral("multiple of 20");

    d = singleFileInfo();
    d["pieces"] = Value(hashes(3));
    QTest::newRow("too few hashes") << torrentWith(d) << QStringLiteral("need 4");
    d["pieces"] = Value(hashes(5));
    QTest::newRow("too many hashes") << torrentWith(d) << QStringLiteral("need 4");

    d = singleFileInfo();
    d.erase("piece length");
    QTest::newRow("no piece length") << torrentWith(d) << QStringLiteral("no 'piece length'");
    d["piece length"] = Value(0);
    QTest::newRow("zero piece length") << torrentWith(d) << QStringLiteral("out of range");
    d["piece length"] = Value(-16384);
    QTest::newRow("negative piece length") << torrentWith(d) << QStringLiteral("out of range");
    d["piece length"] = Value(Integer(1) << 40);
    QTest::newRow("huge piece length") << torrentWith(d) << QStringLiteral("out of range");

    d = singleFileInfo();
    d.erase("name");
    QTest::newRow("no name") << torrentWith(d) << QStringLiteral("no 'name'");
    d["name"] = Value(5);
    QTest::newRow("name not string") << torrentWith(d) << QStringLiteral("no 'name'");

    d = singleFileInfo();
    d.erase("length");
    QTest::newRow("no length or files") << torrentWith(d) << QStringLiteral("neither");
    d["length"] = Value(-1);
    QTest::newRow("negative length") << torrentWith(d) << QStringLiteral("not a valid file size");
    d["length"] = Value(Integer(1) << 60);
    QTest::newRow("absurd length") << torrentWith(d) << QStringLiteral("not a valid file size");

    d = singleFileInfo(0, 16384);
    d["pieces"] = Value(QByteArray());
    QTest::newRow("zero total") << torrentWith(d) << QStringLiteral("total size 0");

    d = singleFileInfo();
    d["files"] = Value(List{fileEntry(1, List{Value("x")})});
    QTest::newRow("both length and files") << torrentWith(d) << QStringLiteral("both");

    QTest::newRow("empty files") << torrentWith(multiFileInfo(List{}, 1)) << QStringLiteral("'files' is empty");

    Dict noLength;
    noLength["path"] = Value(List{Value("x")});
    QTest::newRow("file without length") << torrentWith(multiFileInfo(List{Value(noLength)}, 1))
                                         << QStringLiteral("file #1 has no 'length'");
    QTest::newRow("file negative length") << torrentWith(multiFileInfo(List{fileEntry(-5, List{Value("x")})}, 1))
                                          << QStringLiteral("invalid length");
    QTest::newRow("file empty path list") << torrentWith(multiFileInfo(List{fileEntry(5, List{})}, 5))
                                          << QStringLiteral("no valid 'path'");
    QTest::newRow("file path not strings") << torrentWith(multiFileInfo(List{fileEntry(5, List{Value(1)})}, 5))
                                           << QStringLiteral("no valid 'path'");
    QTest::newRow("file path only dots") << torrentWith(multiFileInfo(List{fileEntry(5, List{Value(".."), Value(".")})}, 5))
                                         << QStringLiteral("no usable name");
    QTest::newRow("file entry not dict") << torrentWith(multiFileInfo(List{Value(5)}, 5))
                                         << QStringLiteral("file #1");
    List overflow{fileEntry(Integer(1) << 50, List{Value("a")}), fileEntry(Integer(1) << 50, List{Value("b")})};
    for (int i = 0; i < 40; ++i)
        overflow.push_back(fileEntry(Integer(1) << 50, List{Value(QByteArray::number(i))}));
    QTest::newRow("total overflow") << torrentWith(multiFileInfo(overflow, 1, Integer(1) << 28))
                                    << QStringLiteral("too large");
}

void TestTorrentInfo::rejects()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, messagePart);
    ParseError error;
    QVERIFY(!parseTorrent(data, &error).has_value());
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.toString()));
    QVERIFY(!error.message.contains(QLatin1Char('\n')));
}

void TestTorrentInfo::pathsSanitized()
{
    List files{fileEntry(1, List{Value(".."), Value(".."), Value("etc"), Value("passwd")}),
               fileEntry(1, List{Value("/abs")}),
               fileEntry(1, List{Value("a\x01" "b")}),
               fileEntry(1, List{Value("CON")}),
               fileEntry(1, List{Value("ok.txt")})};
    Dict info = multiFileInfo(std::move(files), 5);
    info["name"] = Value("../../evil");
    auto t = parseOk(torrentWith(info));
    QVERIFY(t);
    QCOMPARE(t->name, QStringLiteral(".._.._evil"));
    QStringList paths;
    for (const FileEntry &f : t->files)
        paths << f.path;
    QCOMPARE(paths, (QStringList{QStringLiteral(".._.._evil/etc/passwd"), QStringLiteral(".._.._evil/_abs"),
                                 QStringLiteral(".._.._evil/a_b"), QStringLiteral(".._.._evil/_CON"),
                                 QStringLiteral(".._.._evil/ok.txt")}));
    QVERIFY(t->files[0].renamed);
    QVERIFY(!t->files[4].renamed);
    QVERIFY(t->warnings.join(QLatin1Char(' ')).contains(QLatin1String("4 file path(s)")));
}

void TestTorrentInfo::collidingPathsRenamed()
{
    List files{fileEntry(1, List{Value("a.txt")}),
               fileEntry(1, List{Value("a.txt.")}),   // same name once the trailing dot goes
               fileEntry(1, List{Value("dir")}),
               fileEntry(1, List{Value("dir"), Value("inner")}), // 'dir' is already a file
               fileEntry(1, List{Value("x"), Value("y")}),
               fileEntry(1, List{Value("x")})};       // 'x' is already a folder
    auto t = parseOk(torrentWith(multiFileInfo(std::move(files), 6)));
    QVERIFY(t);
    QStringList paths;
    for (const FileEntry &f : t->files)
        paths << f.path;
    QCOMPARE(paths, (QStringList{QStringLiteral("folder/a.txt"), QStringLiteral("folder/a (1).txt"),
                                 QStringLiteral("folder/dir"), QStringLiteral("folder/dir (1)/inner"),
                                 QStringLiteral("folder/x/y"), QStringLiteral("folder/x (1)")}));
    QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), paths.size());
}

void TestTorrentInfo::unusableNameUsesInfoHash()
{
    Dict info = singleFileInfo();
    info["name"] = Value("..");
    auto t = parseOk(torrentWith(info));
    QVERIFY(t);
    QCOMPARE(t->name, t->infoHash.toHex());
    QCOMPARE(t->files[0].path, t->infoHash.toHex());
}

void TestTorrentInfo::pieceSizes()
{
    auto t = parseOk(torrentWith(singleFileInfo(100'000, 32768)));
    QVERIFY(t);
    QCOMPARE(t->pieceSize(0), 32768);
    QCOMPARE(t->pieceSize(2), 32768);
    QCOMPARE(t->pieceSize(3), 100'000 - 3 * 32768);
    QCOMPARE(t->pieceSize(4), 0);
    QCOMPARE(t->pieceSize(-1), 0);
    t = parseOk(torrentWith(singleFileInfo(65536, 32768)));
    QCOMPARE(t->pieceSize(1), 32768);
}

void TestTorrentInfo::limits()
{
    ParseLimits limits;
    limits.maxFiles = 2;
    ParseError error;
    List files{fileEntry(1, List{Value("a")}), fileEntry(1, List{Value("b")}), fileEntry(1, List{Value("c")})};
    QVERIFY(!parseTorrent(torrentWith(multiFileInfo(files, 3)), &error, limits));
    QVERIFY(error.message.contains(QLatin1String("limit of 2")));

    limits = {};
    limits.maxTorrentSize = 100;
    QVERIFY(!parseTorrent(torrentWith(singleFileInfo()), &error, limits));
    QVERIFY(error.message.contains(QLatin1String("larger than the limit")));

    limits = {};
    limits.maxTrackers = 2;
    Dict extra;
    extra["announce-list"] = Value(List{Value(List{Value("http://a.example/"), Value("http://b.example/"),
                                                   Value("http://c.example/")})});
    auto t = parseTorrent(torrentWith(singleFileInfo(), extra), &error, limits);
    QVERIFY(t);
    QCOMPARE(t->trackers().size(), 2);
}

void TestTorrentInfo::encodeKeepsInfoHash()
{
    Dict extra;
    extra["announce-list"] = Value(List{Value(List{Value("http://a.example/announce")}),
                                        Value(List{Value("udp://b.example:1337/announce")})});
    extra["comment"] = Value("hello");
    extra["created by"] = Value("test");
    extra["creation date"] = Value(1'600'000'000);
    extra["url-list"] = Value(List{Value("http://seed.example/")});
    auto t = parseOk(torrentWith(singleFileInfo(), extra));
    QVERIFY(t);
    auto again = parseOk(encodeTorrentFile(*t));
    QVERIFY(again);
    QCOMPARE(again->infoHash, t->infoHash);
    QCOMPARE(again->trackerTiers, t->trackerTiers);
    QCOMPARE(again->webSeeds, t->webSeeds);
    QCOMPARE(again->comment, t->comment);
    QCOMPARE(again->createdBy, t->createdBy);
    QCOMPARE(again->creationDate, t->creationDate);
}

void TestTorrentInfo::infoDictionaryAlone()
{
    const QByteArray infoBytes = bencode::encode(Value(singleFileInfo()));
    ParseError error;
    auto t = parseInfoDictionary(infoBytes, &error);
    QVERIFY2(t, qPrintable(error.toString()));
    QCOMPARE(t->infoHash.bytes(), crypto::Sha1::hash(infoBytes));
    QVERIFY(t->trackers().isEmpty());
    QVERIFY(!parseInfoDictionary(infoBytes + "x", &error));
}

void TestTorrentInfo::loadFromDisk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("t.torrent"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(torrentWith(singleFileInfo()));
    f.close();
    ParseError error;
    QVERIFY(loadTorrentFile(path, &error));
    QVERIFY(!loadTorrentFile(dir.filePath(QStringLiteral("missing.torrent")), &error));
    QVERIFY(error.message.contains(QLatin1String("cannot open")));
    ParseLimits small;
    small.maxTorrentSize = 10;
    QVERIFY(!loadTorrentFile(path, &error, small));
    QVERIFY(error.message.contains(QLatin1String("larger than the limit")));
}

QTEST_GUILESS_MAIN(TestTorrentInfo)
#include "tst_torrentinfo.moc"
