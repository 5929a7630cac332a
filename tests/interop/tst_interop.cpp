// Interoperability with real BitTorrent tools: torrents made by mktorrent, transmission-create and
// libtorrent must read the same in swarmscope-cli as in libtorrent, and torrents we make must
// read the same in libtorrent and Transmission and verify against the original data.
//
// Needs (Debian packages): mktorrent, transmission-cli, python3-libtorrent. A missing tool skips
// only the tests that need it, with a message naming the package.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

// Only Debian's interpreter can import python3-libtorrent (another python3 on PATH may not).
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kLtTool = QStringLiteral(LT_TOOL);
const QString kCli = QStringLiteral(SWARMSCOPE_CLI);

constexpr int kProcessTimeoutMs = 30'000;
constexpr int kVerifyTimeoutMs = 70'000; // lt_tool.py verify gives up after 60 s itself
constexpr qint64 kPieceSize = 32 * 1024;

// Loopback only: nothing in these tests may reach another host, even by accident.
const QString kTracker1 = QStringLiteral("http://127.0.0.1:6969/announce");
const QString kTracker2 = QStringLiteral("udp://127.0.0.1:6970/announce");
const QString kWebSeed = QStringLiteral("http://127.0.0.1:8080/files/");

struct ProcessResult {
    bool finished = false; // exited normally before the timeout
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return finished && exitCode == 0; }
    QString describe(const QString &program, const QStringList &args) const
    {
        return QStringLiteral("%1 %2: %3, exit %4\nstdout: %5\nstderr: %6")
            .arg(program, args.join(u' '),
                 finished ? QStringLiteral("finished") : QStringLiteral("did not finish"))
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

ProcessResult runProcess(const QString &program, const QStringList &args,
                         int timeoutMs = kProcessTimeoutMs)
{
    ProcessResult r;
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(timeoutMs)) {
        r.err = process.errorString().toUtf8();
        return r;
    }
    r.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!r.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitCode();
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

// Runs a command that must succeed and print one JSON object; on failure `why` says what happened.
std::optional<QJsonObject> runJson(const QString &program, const QStringList &args, QString &why,
                                   int timeoutMs = kProcessTimeoutMs)
{
    const ProcessResult r = runProcess(program, args, timeoutMs);
    if (!r.ok()) {
        why = r.describe(program, args);
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    if (!doc.isObject()) {
        why = QStringLiteral("not a JSON object (%1): ").arg(error.errorString()) + r.describe(program, args);
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonObject> runLtTool(const QStringList &args, QString &why,
                                     int timeoutMs = kProcessTimeoutMs)
{
    return runJson(kPython, QStringList{kLtTool} + args, why, timeoutMs);
}

// What both readers must agree on, in a form QCOMPARE prints readably.
struct TorrentView {
    QString infoHash;
    QString name;
    qint64 totalSize = -1;
    qint64 pieceLength = -1;
    int pieceCount = -1;
    QStringList files;    // "path | size" plus " | pad" for BEP 47 padding files, in torrent order
    // "tier N: url", tiers counted from 0, sorted: BEP 12 has clients pick the order within a
    // tier at random, and libtorrent does shuffle each tier when it loads a torrent.
    QStringList trackers;
    bool isPrivate = false;
    QStringList webSeeds;
};

QString fileRow(const QString &path, qint64 size, bool pad)
{
    return QStringLiteral("%1 | %2").arg(path).arg(size) + (pad ? QStringLiteral(" | pad") : QString());
}

QStringList toStringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &v : array)
        list << v.toString();
    return list;
}

TorrentView viewFromOurs(const QJsonObject &o)
{
    TorrentView v;
    v.infoHash = o.value(QLatin1String("infoHash")).toString();
    v.name = o.value(QLatin1String("name")).toString();
    v.totalSize = o.value(QLatin1String("totalSize")).toInteger(-1);
    v.pieceLength = o.value(QLatin1String("pieceLength")).toInteger(-1);
    v.pieceCount = o.value(QLatin1String("pieceCount")).toInt(-1);
    for (const QJsonValue &f : o.value(QLatin1String("files")).toArray()) {
        const QJsonObject fo = f.toObject();
        v.files << fileRow(fo.value(QLatin1String("path")).toString(),
                           fo.value(QLatin1String("size")).toInteger(-1),
                           fo.value(QLatin1String("padFile")).toBool(false));
    }
    const QJsonArray tiers = o.value(QLatin1String("trackerTiers")).toArray();
    for (qsizetype tier = 0; tier < tiers.size(); ++tier)
        for (const QString &url : toStringList(tiers.at(tier).toArray()))
            v.trackers << QStringLiteral("tier %1: %2").arg(tier).arg(url);
    v.trackers.sort();
    v.isPrivate = o.value(QLatin1String("private")).toBool();
    v.webSeeds = toStringList(o.value(QLatin1String("webSeeds")).toArray());
    return v;
}

TorrentView viewFromLibtorrent(const QJsonObject &o)
{
    TorrentView v;
    v.infoHash = o.value(QLatin1String("info_hash")).toString();
    v.name = o.value(QLatin1String("name")).toString();
    v.totalSize = o.value(QLatin1String("total_size")).toInteger(-1);
    v.pieceLength = o.value(QLatin1String("piece_length")).toInteger(-1);
    v.pieceCount = o.value(QLatin1String("num_pieces")).toInt(-1);
    for (const QJsonValue &f : o.value(QLatin1String("files")).toArray()) {
        const QJsonObject fo = f.toObject();
        v.files << fileRow(fo.value(QLatin1String("path")).toString(),
                           fo.value(QLatin1String("size")).toInteger(-1),
                           fo.value(QLatin1String("pad")).toBool(false));
    }
    for (const QJsonValue &t : o.value(QLatin1String("trackers")).toArray()) {
        const QJsonObject to = t.toObject();
        v.trackers << QStringLiteral("tier %1: %2")
                          .arg(to.value(QLatin1String("tier")).toInt(-1))
                          .arg(to.value(QLatin1String("url")).toString());
    }
    v.trackers.sort();
    v.isPrivate = o.value(QLatin1String("private")).toBool();
    v.webSeeds = toStringList(o.value(QLatin1String("web_seeds")).toArray());
    return v;
}

QByteArray randomBytes(QRandomGenerator &rng, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = static_cast<char>(rng.bounded(256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A bencoded byte string.
QByteArray bstr(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size()) + ':' + bytes;
}

} // namespace

class TestInterop : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void othersTorrentsReadAlike_data();
    void othersTorrentsReadAlike();
    void ourTorrentsReadAndVerify_data();
    void ourTorrentsReadAndVerify();
    void verifyNoticesCorruptData();
    void unsortedKeysKeepTheirInfoHash();

private:
    // Reads `torrent` with swarmscope-cli and with libtorrent and compares every field.
    // Check QTest::currentTestFailed() after calling; `ltView` gets libtorrent's view.
    void compareWithLibtorrent(const QString &torrent, TorrentView *ltView = nullptr);
    void requireLibtorrent();
    // The command that makes a torrent of `source` at `out` with a third-party tool.
    std::optional<QPair<QString, QStringList>> toolCommand(const QString &tool, const QString &source,
                                                           const QString &out);

    QTemporaryDir m_dir;
    QString m_single; // ~3 MiB of random bytes, not a whole number of pieces
    QString m_multi;  // folder: nested folders, an empty file, a UTF-8 name, odd sizes
    bool m_haveLibtorrent = false;
    int m_counter = 0;
};

void TestInterop::initTestCase()
{
    QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
    QVERIFY(m_dir.isValid());

    // Fixed seed: a failure can be reproduced with the same bytes.
    QRandomGenerator rng(20240917);
    const QString src = m_dir.filePath(QStringLiteral("src"));
    m_single = src + QStringLiteral("/single.bin");
    QVERIFY(writeFile(m_single, randomBytes(rng, 3 * 1024 * 1024 + 12345)));

    // No size below is a multiple of 32 KiB, so most pieces span two or more files.
    m_multi = src + QStringLiteral("/album");
    QVERIFY(writeFile(m_multi + QStringLiteral("/intro.bin"), randomBytes(rng, 100'000)));
    QVERIFY(writeFile(m_multi + QStringLiteral("/empty.txt"), QByteArray()));
    QVERIFY(writeFile(m_multi + QString::fromUtf8("/sub/Ünïcödé – naïve 日本.txt"),
                      randomBytes(rng, 40'000)));
    QVERIFY(writeFile(m_multi + QStringLiteral("/sub/notes.txt"), randomBytes(rng, 5'003)));
    QVERIFY(writeFile(m_multi + QStringLiteral("/sub/deeper/odd.bin"), randomBytes(rng, 70'001)));

    const ProcessResult probe =
        runProcess(kPython, {QStringLiteral("-c"), QStringLiteral("import libtorrent")});
    m_haveLibtorrent = probe.ok();
}

void TestInterop::requireLibtorrent()
{
    if (!m_haveLibtorrent)
        QSKIP("libtorrent's Python binding is missing: install the Debian package python3-libtorrent "
              "(it must be importable by /usr/bin/python3)");
}

void TestInterop::compareWithLibtorrent(const QString &torrent, TorrentView *ltView)
{
    QString why;
    const std::optional<QJsonObject> ours =
        runJson(kCli, {QStringLiteral("info"), QStringLiteral("--json"), torrent}, why);
    QVERIFY2(ours, qPrintable(why));
    const std::optional<QJsonObject> theirs = runLtTool({QStringLiteral("info"), torrent}, why);
    QVERIFY2(theirs, qPrintable(why));

    const TorrentView a = viewFromOurs(*ours);
    const TorrentView b = viewFromLibtorrent(*theirs);
    QCOMPARE(a.infoHash.size(), 40);
    QCOMPARE(a.infoHash, b.infoHash);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.totalSize, b.totalSize);
    QCOMPARE(a.pieceLength, b.pieceLength);
    QCOMPARE(a.pieceCount, b.pieceCount);
    QCOMPARE(a.files, b.files);
    QCOMPARE(a.trackers, b.trackers);
    QCOMPARE(a.isPrivate, b.isPrivate);
    QCOMPARE(a.webSeeds, b.webSeeds);
    if (ltView)
        *ltView = b;
}

std::optional<QPair<QString, QStringList>> TestInterop::toolCommand(const QString &tool,
                                                                   const QString &source,
                                                                   const QString &out)
{
    const bool multi = source == m_multi;
    if (tool == u"mktorrent") {
        const QString exe = QStandardPaths::findExecutable(tool);
        if (exe.isEmpty())
            return std::nullopt;
        // Single file: mktorrent's default piece size (256 KiB); folder: 2^15 = 32 KiB.
        QStringList args{QStringLiteral("-a"), kTracker1, QStringLiteral("-a"), kTracker2,
                         QStringLiteral("-o"), out};
        if (multi)
            args << QStringLiteral("-l") << QStringLiteral("15") << QStringLiteral("-p")
                 << QStringLiteral("-w") << kWebSeed;
        return qMakePair(exe, args << source);
    }
    if (tool == u"transmission-create") {
        const QString exe = QStandardPaths::findExecutable(tool);
        if (exe.isEmpty())
            return std::nullopt;
        QStringList args{QStringLiteral("-t"), kTracker1, QStringLiteral("-o"), out};
        if (multi)
            args << QStringLiteral("-s") << QString::number(kPieceSize / 1024) << QStringLiteral("-p");
        return qMakePair(exe, args << source);
    }
    // libtorrent, through lt_tool.py
    QStringList args{kLtTool, QStringLiteral("create"), source, out, QStringLiteral("--tracker"),
                     kTracker1, QStringLiteral("--tracker"), kTracker2};
    if (multi)
        args << QStringLiteral("--piece-size") << QString::number(kPieceSize);
    return qMakePair(kPython, args);
}

void TestInterop::othersTorrentsReadAlike_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("package");
    QTest::addColumn<bool>("multi");
    for (const auto &[tool, package] :
         {std::pair{"mktorrent", "mktorrent"}, std::pair{"transmission-create", "transmission-cli"},
          std::pair{"libtorrent", "python3-libtorrent"}}) {
        const QString toolName = QString::fromLatin1(tool);
        const QString packageName = QString::fromLatin1(package);
        QTest::addRow("%s single file", tool) << toolName << packageName << false;
        QTest::addRow("%s folder", tool) << toolName << packageName << true;
    }
}

void TestInterop::othersTorrentsReadAlike()
{
    QFETCH(QString, tool);
    QFETCH(QString, package);
    QFETCH(bool, multi);
    requireLibtorrent();

    const QString source = multi ? m_multi : m_single;
    const QString out = m_dir.filePath(QStringLiteral("others-%1.torrent").arg(++m_counter));
    const auto command = toolCommand(tool, source, out);
    if (!command)
        QSKIP(qPrintable(QStringLiteral("%1 is missing: install the Debian package %2").arg(tool, package)));
    const ProcessResult made = runProcess(command->first, command->second);
    QVERIFY2(made.ok(), qPrintable(made.describe(command->first, command->second)));

    TorrentView lt;
    compareWithLibtorrent(out, &lt);
    if (QTest::currentTestFailed())
        return;
    // Guard against both readers agreeing on something empty.
    QCOMPARE(lt.name, QFileInfo(source).fileName());
    QCOMPARE(lt.trackers.value(0), QStringLiteral("tier 0: ") + kTracker1);
    if (multi) {
        QCOMPARE(lt.pieceLength, kPieceSize);
        // Transmission leaves empty files out; the others keep all five.
        QVERIFY2(lt.files.size() >= 4, qPrintable(lt.files.join(u'\n')));
        QVERIFY(lt.files.contains(fileRow(QStringLiteral("album/sub/deeper/odd.bin"), 70'001, false)));
        QVERIFY(lt.files.contains(
            fileRow(QString::fromUtf8("album/sub/Ünïcödé – naïve 日本.txt"), 40'000, false)));
    } else {
        const QString row = fileRow(QStringLiteral("single.bin"), QFileInfo(m_single).size(), false);
        QCOMPARE(lt.files, QStringList{row});
    }
}

void TestInterop::ourTorrentsReadAndVerify_data()
{
    QTest::addColumn<bool>("multi");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expectedTrackers");
    QTest::addColumn<bool>("expectedPrivate");
    QTest::addColumn<QStringList>("expectedWebSeeds");
    QTest::addColumn<qint64>("expectedPieceLength"); // 0: whatever the default picks

    const QString tier1 = QStringLiteral("tier 1: ");
    QTest::newRow("single file, default piece size, two tiers, web seed")
        << false
        << QStringList{QStringLiteral("--tracker"), kTracker1, QStringLiteral("--tracker"), kTracker2,
                       QStringLiteral("--web-seed"), kWebSeed}
        << QStringList{QStringLiteral("tier 0: ") + kTracker1, tier1 + kTracker2} << false
        << QStringList{kWebSeed} << qint64(0);
    QTest::newRow("folder, 32 KiB pieces, private, one tier of two")
        << true
        << QStringList{QStringLiteral("--piece-size"), QString::number(kPieceSize),
                       QStringLiteral("--private"),
                       QStringLiteral("--tracker"), kTracker1 + QLatin1Char(',') + kTracker2,
                       QStringLiteral("--web-seed"), kWebSeed}
        << QStringList{QStringLiteral("tier 0: ") + kTracker1, QStringLiteral("tier 0: ") + kTracker2}
        << true << QStringList{kWebSeed} << kPieceSize;
    QTest::newRow("folder, 16 KiB pieces, no tracker")
        << true << QStringList{QStringLiteral("--piece-size"), QStringLiteral("16384")} << QStringList{}
        << false << QStringList{} << qint64(16384);
}

void TestInterop::ourTorrentsReadAndVerify()
{
    QFETCH(bool, multi);
    QFETCH(QStringList, options);
    QFETCH(QStringList, expectedTrackers);
    QFETCH(bool, expectedPrivate);
    QFETCH(QStringList, expectedWebSeeds);
    QFETCH(qint64, expectedPieceLength);
    requireLibtorrent();

    const QString source = multi ? m_multi : m_single;
    const QString out = m_dir.filePath(QStringLiteral("ours-%1.torrent").arg(++m_counter));
    const QStringList args =
        QStringList{QStringLiteral("create"), source, QStringLiteral("-o"), out} + options;
    const ProcessResult made = runProcess(kCli, args);
    QVERIFY2(made.ok(), qPrintable(made.describe(kCli, args)));
    const QRegularExpressionMatch printed =
        QRegularExpression(QStringLiteral("\\b([0-9a-f]{40})\\b")).match(QString::fromUtf8(made.out));
    QVERIFY2(printed.hasMatch(), qPrintable(made.describe(kCli, args)));

    TorrentView lt;
    compareWithLibtorrent(out, &lt);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(lt.infoHash, printed.captured(1));
    QCOMPARE(lt.name, QFileInfo(source).fileName());
    expectedTrackers.sort();
    QCOMPARE(lt.trackers, expectedTrackers);
    QCOMPARE(lt.isPrivate, expectedPrivate);
    QCOMPARE(lt.webSeeds, expectedWebSeeds);
    if (expectedPieceLength != 0)
        QCOMPARE(lt.pieceLength, expectedPieceLength);
    qint64 sourceSize = 0;
    for (const QString &row : lt.files)
        sourceSize += row.section(QStringLiteral(" | "), 1, 1).toLongLong();
    QCOMPARE(lt.totalSize, sourceSize);
    QCOMPARE(lt.totalSize, multi ? qint64(100'000 + 40'000 + 5'003 + 70'001)
                                 : QFileInfo(m_single).size());

    // libtorrent checks the original data against our piece hashes: every piece must pass.
    QString why;
    const std::optional<QJsonObject> verified =
        runLtTool({QStringLiteral("verify"), out, QFileInfo(source).absolutePath()}, why, kVerifyTimeoutMs);
    QVERIFY2(verified, qPrintable(why));
    QCOMPARE(verified->value(QLatin1String("num_pieces")).toInt(-1), lt.pieceCount);
    QCOMPARE(verified->value(QLatin1String("pieces_have")).toInt(-1), lt.pieceCount);
    QVERIFY(verified->value(QLatin1String("is_seeding")).toBool());

    // Transmission reads it too, and computes the same info-hash.
    const QString show = QStandardPaths::findExecutable(QStringLiteral("transmission-show"));
    if (show.isEmpty())
        QSKIP("transmission-show is missing: install the Debian package transmission-cli");
    const ProcessResult shown = runProcess(show, {out});
    QVERIFY2(shown.ok(), qPrintable(shown.describe(show, {out})));
    const QRegularExpressionMatch hashLine =
        QRegularExpression(QStringLiteral("^\\s*Hash(?: v1)?:\\s*([0-9a-fA-F]{40})\\s*$"),
                           QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(shown.out));
    QVERIFY2(hashLine.hasMatch(), shown.out.constData());
    QCOMPARE(hashLine.captured(1).toLower(), lt.infoHash);
}

// The verify step above would be worthless if it passed on any data: one changed byte must cost
// exactly the piece holding it.
void TestInterop::verifyNoticesCorruptData()
{
    requireLibtorrent();
    const QString copyRoot = m_dir.filePath(QStringLiteral("corrupt"));
    const QString copy = copyRoot + QStringLiteral("/album");
    for (const QString &rel : {QStringLiteral("intro.bin"), QStringLiteral("empty.txt"),
                               QString::fromUtf8("sub/Ünïcödé – naïve 日本.txt"),
                               QStringLiteral("sub/notes.txt"), QStringLiteral("sub/deeper/odd.bin")}) {
        QFile in(m_multi + QLatin1Char('/') + rel);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        if (rel == u"sub/deeper/odd.bin")
            bytes[1000] = static_cast<char>(bytes.at(1000) ^ 0x01);
        QVERIFY(writeFile(copy + QLatin1Char('/') + rel, bytes));
    }

    const QString out = m_dir.filePath(QStringLiteral("ours-%1.torrent").arg(++m_counter));
    const QStringList args{QStringLiteral("create"), m_multi, QStringLiteral("-o"), out,
                           QStringLiteral("--piece-size"), QString::number(kPieceSize)};
    const ProcessResult made = runProcess(kCli, args);
    QVERIFY2(made.ok(), qPrintable(made.describe(kCli, args)));

    QString why;
    const std::optional<QJsonObject> verified =
        runLtTool({QStringLiteral("verify"), out, copyRoot}, why, kVerifyTimeoutMs);
    QVERIFY2(verified, qPrintable(why));
    const int pieces = verified->value(QLatin1String("num_pieces")).toInt(-1);
    QVERIFY(pieces > 1);
    QCOMPARE(verified->value(QLatin1String("pieces_have")).toInt(-1), pieces - 1);
    QVERIFY(!verified->value(QLatin1String("is_seeding")).toBool(true));
}

// BEP 3 defines the info-hash over the info value exactly as it appears in the file; a reader
// that re-encodes (and so sorts) the keys would get another hash. Build such a file by hand.
// (transmission-show 3.00 re-encodes and prints another hash for this file, so it is not asked.)
void TestInterop::unsortedKeysKeepTheirInfoHash()
{
    requireLibtorrent();
    QRandomGenerator rng(7);
    const QByteArray data = randomBytes(rng, 50'000);
    constexpr qsizetype pieceLength = 16384;
    QByteArray pieces;
    for (qsizetype at = 0; at < data.size(); at += pieceLength)
        pieces += QCryptographicHash::hash(data.mid(at, pieceLength), QCryptographicHash::Sha1);

    // Keys out of order at every level: in the info dictionary, in each file and around info.
    const QByteArray partSize = QByteArray::number(data.size() - 123);
    const QByteArray infoBytes = "d"
                                 "6:pieces" + bstr(pieces) +
                                 "12:piece lengthi" + QByteArray::number(pieceLength) + "e"
                                 "4:name" + bstr("unsorted.bin") +
                                 "5:files"
                                 "l"
                                 "d4:pathl8:part.bine6:lengthi" + partSize + "ee"
                                 "d4:pathl3:end4:taile6:lengthi123ee"
                                 "e"
                                 "e";
    const QByteArray torrent = "d4:info" + infoBytes + "8:announce" + bstr(kTracker1.toLatin1()) + "e";
    const QString path = m_dir.filePath(QStringLiteral("unsorted.torrent"));
    QVERIFY(writeFile(path, torrent));
    const QString expected =
        QString::fromLatin1(QCryptographicHash::hash(infoBytes, QCryptographicHash::Sha1).toHex());

    TorrentView lt;
    compareWithLibtorrent(path, &lt);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(lt.infoHash, expected);
    QCOMPARE(lt.files, (QStringList{fileRow(QStringLiteral("unsorted.bin/part.bin"), 50'000 - 123, false),
                                    fileRow(QStringLiteral("unsorted.bin/end/tail"), 123, false)}));

    // We accept the file but say it is not canonical.
    QString why;
    const std::optional<QJsonObject> ours =
        runJson(kCli, {QStringLiteral("info"), QStringLiteral("--json"), path}, why);
    QVERIFY2(ours, qPrintable(why));
    QVERIFY(!ours->value(QLatin1String("warnings")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
