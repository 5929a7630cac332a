// swarmscope-cli as a user or a script sees it: the `info` verb's human and JSON output, magnet
// links, and how every kind of bad input is reported (exit status 2, one line on stderr).
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <csignal>

namespace {

const QString kCli = QStringLiteral(SWARMSCOPE_CLI);
constexpr int kTimeoutMs = 20'000;

struct CliResult {
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;

    QString describe() const
    {
        return QStringLiteral("%1, exit %2\nstdout: %3\nstderr: %4")
            .arg(finished ? QStringLiteral("finished") : QStringLiteral("did not finish"))
            .arg(exitCode)
            .arg(out, err);
    }
};

CliResult runCli(const QStringList &args)
{
    CliResult r;
    QProcess process;
    process.start(kCli, args);
    r.finished = process.waitForStarted(kTimeoutMs) && process.waitForFinished(kTimeoutMs) &&
                 process.exitStatus() == QProcess::NormalExit;
    if (!r.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    r.exitCode = process.exitCode();
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

// The value after "Label:" on the line that starts with it, or nullopt when no line does.
std::optional<QString> field(const QString &text, QLatin1String label)
{
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(label) && line.mid(label.size()).startsWith(u':'))
            return line.mid(label.size() + 1).trimmed();
    }
    return std::nullopt;
}

QByteArray bstr(const QByteArray &bytes)
{
    return QByteArray::number(bytes.size()) + ':' + bytes;
}

QByteArray bint(qint64 n)
{
    return 'i' + QByteArray::number(n) + 'e';
}

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &v : array.toArray())
        list << v.toString();
    return list;
}

const QByteArray kTracker1 = "http://127.0.0.1:6969/announce";
const QByteArray kTracker2 = "udp://127.0.0.1:6970/announce";
const QByteArray kTracker3 = "http://127.0.0.1:6971/announce";

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void infoHuman();
    void infoJson();
    void infoMagnet();
    void infoMagnetHuman();
    void validMagnetsFromData();
    void badInput_data();
    void badInput();
    void noVerbPrintsUsage();
    void help_data();
    void help();
    void version();
    void trackerStopsOnSignal_data();
    void trackerStopsOnSignal();

private:
    QTemporaryDir m_dir;
    QString m_torrent;       // a hand-made, valid multi-file torrent
    QByteArray m_torrentBytes;
    QString m_infoHash;      // SHA-1 of its info dictionary, computed here, not by our code
    QString m_name;
    qint64 m_totalSize = 0;
};

// The torrent is bencoded by hand (sorted keys, BEP 3 + BEP 12) so the expected values do not
// depend on the code under test.
void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
    QVERIFY(m_dir.isValid());

    constexpr qint64 pieceLength = 16384;
    const QByteArray a(20'000, 'a');
    const QByteArray b(5'000, 'b');
    const QByteArray stream = a + b;
    QByteArray pieces;
    for (qsizetype at = 0; at < stream.size(); at += pieceLength)
        pieces += QCryptographicHash::hash(stream.mid(at, pieceLength), QCryptographicHash::Sha1);
    m_name = QString::fromUtf8("résumé files");
    m_totalSize = stream.size();

    const QByteArray info = "d"
                            "5:files"
                            "l"
                            "d6:length" + bint(a.size()) + "4:pathl" + bstr("a.txt") + "ee"
                            "d6:length" + bint(b.size()) + "4:pathl" + bstr("sub") +
                            bstr(QString::fromUtf8("naïve.txt").toUtf8()) + "ee"
                            "e"
                            "4:name" + bstr(m_name.toUtf8()) +
                            "12:piece length" + bint(pieceLength) +
                            "6:pieces" + bstr(pieces) +
                            "e";
    m_torrentBytes = "d"
                     "8:announce" + bstr(kTracker1) +
                     "13:announce-list"
                     "l"
                     "l" + bstr(kTracker1) + "e"
                     "l" + bstr(kTracker2) + bstr(kTracker3) + "e"
                     "e"
                     "7:comment" + bstr("made by hand") +
                     "4:info" + info +
                     "e";
    m_infoHash = QString::fromLatin1(QCryptographicHash::hash(info, QCryptographicHash::Sha1).toHex());

    m_torrent = m_dir.filePath(QStringLiteral("good.torrent"));
    QFile file(m_torrent);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_torrentBytes), m_torrentBytes.size());
}

void TestCli::infoHuman()
{
    const CliResult r = runCli({QStringLiteral("info"), m_torrent});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QCOMPARE(field(r.out, QLatin1String("Name")), m_name);
    QCOMPARE(field(r.out, QLatin1String("Info-hash")), m_infoHash);
    const std::optional<QString> total = field(r.out, QLatin1String("Total size"));
    QVERIFY2(total && total->contains(QStringLiteral("(%1 bytes)").arg(m_totalSize)), qPrintable(r.out));
    QCOMPARE(field(r.out, QLatin1String("Private")), QStringLiteral("no"));
    QCOMPARE(field(r.out, QLatin1String("Comment")), QStringLiteral("made by hand"));
    for (const QByteArray &tracker : {kTracker1, kTracker2, kTracker3})
        QVERIFY2(r.out.contains(QString::fromLatin1(tracker)), qPrintable(r.out));
    QVERIFY2(r.out.contains(m_name + QString::fromUtf8("/sub/naïve.txt")), qPrintable(r.out));
}

void TestCli::infoJson()
{
    const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), m_torrent});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    const QJsonObject o = doc.object();

    QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("torrent"));
    QCOMPARE(o.value(QLatin1String("name")).toString(), m_name);
    QCOMPARE(o.value(QLatin1String("infoHash")).toString(), m_infoHash);
    QCOMPARE(o.value(QLatin1String("totalSize")).toInteger(), m_totalSize);
    QCOMPARE(o.value(QLatin1String("pieceLength")).toInteger(), 16384);
    QCOMPARE(o.value(QLatin1String("pieceCount")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("private")).toBool(true), false);
    // announce-list wins over announce (BEP 12); every tracker once, tier order.
    QCOMPARE(strings(o.value(QLatin1String("trackers"))),
             (QStringList{QString::fromLatin1(kTracker1), QString::fromLatin1(kTracker2),
                          QString::fromLatin1(kTracker3)}));
    const QJsonArray tiers = o.value(QLatin1String("trackerTiers")).toArray();
    QCOMPARE(tiers.size(), 2);
    QCOMPARE(strings(tiers.at(1)),
             (QStringList{QString::fromLatin1(kTracker2), QString::fromLatin1(kTracker3)}));

    const QJsonArray files = o.value(QLatin1String("files")).toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).toObject().value(QLatin1String("path")).toString(),
             m_name + QStringLiteral("/a.txt"));
    QCOMPARE(files.at(0).toObject().value(QLatin1String("size")).toInteger(), 20'000);
    QCOMPARE(files.at(1).toObject().value(QLatin1String("path")).toString(),
             m_name + QString::fromUtf8("/sub/naïve.txt"));
    QCOMPARE(files.at(1).toObject().value(QLatin1String("size")).toInteger(), 5'000);
    QCOMPARE(files.at(1).toObject().value(QLatin1String("offset")).toInteger(), 20'000);
}

void TestCli::infoMagnet()
{
    const QString hash = QStringLiteral("0d609512f1c853417bd11ba80fc5d2b6b75bcb8e");
    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:") + hash.toUpper() +
                           QStringLiteral("&dn=Some+Name&tr=udp%3A%2F%2F127.0.0.1%3A6970%2Fannounce"
                                          "&tr=http://127.0.0.1:6969/announce");
    const CliResult r = runCli({QStringLiteral("info"), magnet, QStringLiteral("--json")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("magnet"));
    QCOMPARE(o.value(QLatin1String("infoHash")).toString(), hash);
    QCOMPARE(o.value(QLatin1String("name")).toString(), QStringLiteral("Some Name"));
    QCOMPARE(strings(o.value(QLatin1String("trackers"))),
             (QStringList{QString::fromLatin1(kTracker2), QString::fromLatin1(kTracker1)}));
    // Unknown until the metadata comes from peers.
    QVERIFY(o.value(QLatin1String("pieceCount")).isNull());
    QVERIFY(o.value(QLatin1String("files")).toArray().isEmpty());
}

void TestCli::infoMagnetHuman()
{
    // Base32 form, as old links use: the same hash as above.
    const CliResult r = runCli({QStringLiteral("info"),
                                QStringLiteral("magnet:?xt=urn:btih:BVQJKEXRZBJUC66RDOUA7ROSW23VXS4O")});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(field(r.out, QLatin1String("Info-hash")),
             QStringLiteral("0d609512f1c853417bd11ba80fc5d2b6b75bcb8e"));
    QVERIFY(field(r.out, QLatin1String("Name")).has_value());
}

// Every link in the shared magnet corpus is accepted by the CLI too.
void TestCli::validMagnetsFromData()
{
    QFile file(QStringLiteral(SWARMSCOPE_TEST_DATA "/magnet/valid.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int checked = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const CliResult r = runCli({QStringLiteral("info"), QStringLiteral("--json"), line});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(line + QLatin1Char('\n') + r.describe()));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("magnet"));
        QCOMPARE(o.value(QLatin1String("infoHash")).toString().size(), 40);
        ++checked;
    }
    QVERIFY(checked > 5);
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QVERIFY(m_dir.isValid());
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write test file");
        return path;
    };
    const QString info = QStringLiteral("info");

    QTest::newRow("missing file") << QStringList{info, m_dir.filePath(QStringLiteral("no-such.torrent"))};
    QTest::newRow("folder") << QStringList{info, m_dir.path()};
    QTest::newRow("text file")
        << QStringList{info, write(QStringLiteral("notes.torrent"), "these are not the bytes you want\n")};
    QTest::newRow("empty file") << QStringList{info, write(QStringLiteral("empty.torrent"), QByteArray())};
    QTest::newRow("truncated torrent")
        << QStringList{info, write(QStringLiteral("truncated.torrent"),
                                   m_torrentBytes.left(m_torrentBytes.size() / 2))};
    QTest::newRow("trailing garbage")
        << QStringList{info, write(QStringLiteral("trailing.torrent"), m_torrentBytes + "xyz")};
    QTest::newRow("bencode but no info")
        << QStringList{info, write(QStringLiteral("noinfo.torrent"), "d3:fooi1ee")};
    QTest::newRow("bad magnet") << QStringList{info, QStringLiteral("magnet:?xt=urn:btih:1234")};
    QTest::newRow("magnet without hash, --json")
        << QStringList{info, QStringLiteral("--json"), QStringLiteral("magnet:?dn=x")};
    QTest::newRow("no argument") << QStringList{info};
    QTest::newRow("only --json") << QStringList{info, QStringLiteral("--json")};
    QTest::newRow("two arguments") << QStringList{info, m_torrent, m_torrent};
    QTest::newRow("unknown option") << QStringList{info, QStringLiteral("--frobnicate"), m_torrent};
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate"), m_torrent};
    QTest::newRow("create, no output") << QStringList{QStringLiteral("create"), m_torrent};
    QTest::newRow("create, unknown option")
        << QStringList{QStringLiteral("create"), m_torrent, QStringLiteral("-o"),
                       m_dir.filePath(QStringLiteral("x.torrent")), QStringLiteral("--frobnicate")};

    // The shared corpus of broken magnet links (some are not magnet links at all).
    QFile corpus(QStringLiteral(SWARMSCOPE_TEST_DATA "/magnet/invalid.txt"));
    if (!corpus.open(QIODevice::ReadOnly))
        qFatal("cannot read the magnet corpus");
    int row = 0;
    for (const QByteArray &raw : corpus.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        ++row;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QTest::addRow("invalid.txt line %d", row) << QStringList{info, line};
    }
}

// A script sees exit status 2, nothing on stdout and one line on stderr naming the program.
void TestCli::badInput()
{
    QFETCH(QStringList, args);
    const CliResult r = runCli(args);
    QVERIFY2(r.finished, qPrintable(r.describe()));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QVERIFY2(r.err.endsWith(u'\n'), qPrintable(r.describe()));
    QCOMPARE(r.err.count(u'\n'), 1);
    QVERIFY2(r.err.startsWith(QLatin1String("swarmscope-cli")), qPrintable(r.err));
}

void TestCli::noVerbPrintsUsage()
{
    const CliResult r = runCli({});
    QVERIFY2(r.finished, qPrintable(r.describe()));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QLatin1String("Usage: swarmscope-cli")), qPrintable(r.err));
}

void TestCli::help_data()
{
    QTest::addColumn<QString>("verb");
    QTest::newRow("help") << QStringLiteral("help");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-h") << QStringLiteral("-h");
}

void TestCli::help()
{
    QFETCH(QString, verb);
    const CliResult r = runCli({verb});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.contains(QLatin1String("Usage: swarmscope-cli")), qPrintable(r.out));
    for (const char *word : {"info", "create", "--json", "Exit status"})
        QVERIFY2(r.out.contains(QLatin1String(word)), word);
}

void TestCli::version()
{
    for (const QString &verb : {QStringLiteral("version"), QStringLiteral("--version")}) {
        const CliResult r = runCli({verb});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QStringLiteral("Swarmscope " SWARMSCOPE_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }
}

void TestCli::trackerStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// The tracker runs until interrupted, then leaves through its event loop (exit 0), not by the
// signal's default action.
void TestCli::trackerStopsOnSignal()
{
    QFETCH(int, signalNumber);
    QProcess process;
    process.start(QStringLiteral(SWARMSCOPE_CLI),
                  {QStringLiteral("tracker"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                   QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("/announce"), 10000);
    QCOMPARE(::kill(pid_t(process.processId()), signalNumber), 0);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
