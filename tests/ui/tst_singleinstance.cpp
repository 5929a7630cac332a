// SingleInstance: who is primary, how arguments travel, and recovery from a crashed primary's
// leftovers; then the real `swarmscope` binary launched twice, and stopped by signals.
#include "app/singleinstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <memory>

using swarmscope::ui::SingleInstance;

namespace {

// Sends from another thread: the primary answers from this thread's event loop.
class Sender {
public:
    Sender(const QString &stateDir, QList<QStringList> messages)
    {
        m_thread.reset(QThread::create([this, stateDir, messages] {
            SingleInstance secondary(stateDir);
            for (const QStringList &message : messages)
                m_results << secondary.sendArguments(message, 5000, &m_error);
        }));
        m_thread->start();
    }
    ~Sender() { m_thread->wait(); }
    bool finished() const { return m_thread->isFinished(); }
    QList<bool> results() const { return m_results; }
    QString error() const { return m_error; }

private:
    std::unique_ptr<QThread> m_thread;
    QList<bool> m_results;
    QString m_error;
};

QString socketPath(const QString &stateDir)
{
    return QDir::cleanPath(QDir::tempPath()) + QLatin1Char('/') + SingleInstance::serverName(stateDir);
}

// A Unix socket file nobody listens on, as a killed primary leaves it.
bool makeDeadSocket(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    if (size_t(native.size()) >= sizeof(address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd); // the file stays: that is the point
    return bound && QFileInfo::exists(path);
}

qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exit 0")});
    if (!p.waitForStarted())
        return -1;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

// The real app's environment: offscreen, its settings and caches inside `dir`.
QProcessEnvironment appEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), dir.path());
    for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.insert(QString::fromLatin1(var), dir.filePath(QString::fromLatin1(var)));
    env.insert(QStringLiteral("TMPDIR"), QDir::tempPath()); // where the socket name resolves
    return env;
}

QStringList appArguments(const QString &stateDir)
{
    return {QStringLiteral("--state-dir"), stateDir, QStringLiteral("--no-dht"), QStringLiteral("--port"),
            QStringLiteral("0")};
}

bool isListening(const QString &stateDir)
{
    QLocalSocket probe;
    probe.connectToServer(SingleInstance::serverName(stateDir));
    return probe.waitForConnected(200);
}

} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

private slots:
    void encodeDecodeRoundTrip();
    void decodeRejectsMalformed();
    void absoluteArguments();
    void serverNameIsPerFolder();
    void secondaryHandsArgumentsInOrder();
    void argumentsBeforeDeliveryAreQueued();
    void staleLockIsTakenOver();
    void liveLockIsNotTakenOver();
    void staleSocketIsReplaced();
    void garbageClientIsDropped();
    void realBinaryTwice();
    void realBinaryQuitsCleanlyOnSignal_data();
    void realBinaryQuitsCleanlyOnSignal();
};

void TestSingleInstance::encodeDecodeRoundTrip()
{
    const QStringList args{QStringLiteral("/tmp/ä b.torrent"), QString(),
                           QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567")};
    QCOMPARE(SingleInstance::decode(SingleInstance::encode(args)), std::optional<QStringList>(args));
    QCOMPARE(SingleInstance::decode(QByteArray()), std::optional<QStringList>(QStringList()));
}

void TestSingleInstance::decodeRejectsMalformed()
{
    const QByteArray good = SingleInstance::encode({QStringLiteral("abc")});
    QVERIFY(!SingleInstance::decode(good.left(good.size() - 1))); // length says more than follows
    QVERIFY(!SingleInstance::decode(good + QByteArray(2, '\0'))); // a cut length prefix
    QVERIFY(!SingleInstance::decode(QByteArray("\xff\xff\xff\xff", 4)));
    QVERIFY(!SingleInstance::decode(QByteArray(SingleInstance::kMaxPayload + 1, '\0')));
    QStringList tooMany;
    for (int i = 0; i <= SingleInstance::kMaxArguments; ++i)
        tooMany << QString();
    QVERIFY(!SingleInstance::decode(SingleInstance::encode(tooMany)));
}

void TestSingleInstance::absoluteArguments()
{
    const QStringList in{QStringLiteral("a.torrent"), QStringLiteral("../b/c.torrent"),
                         QStringLiteral("/x/./y//z.torrent"), QStringLiteral("magnet:?xt=urn:btih:abc"),
                         QStringLiteral("https://example.org/t.torrent"), QStringLiteral("file:///d/e.torrent")};
    const QStringList expected{QStringLiteral("/work/dir/a.torrent"), QStringLiteral("/work/b/c.torrent"),
                               QStringLiteral("/x/y/z.torrent"), QStringLiteral("magnet:?xt=urn:btih:abc"),
                               QStringLiteral("https://example.org/t.torrent"), QStringLiteral("file:///d/e.torrent")};
    QCOMPARE(SingleInstance::absoluteArguments(in, QStringLiteral("/work/dir")), expected);
}

void TestSingleInstance::serverNameIsPerFolder()
{
    QTemporaryDir a, b;
    QVERIFY(a.isValid() && b.isValid());
    QVERIFY(SingleInstance::serverName(a.path()) != SingleInstance::serverName(b.path()));
    QCOMPARE(SingleInstance::serverName(a.path() + QStringLiteral("/")), SingleInstance::serverName(a.path()));
    QVERIFY(QFile::link(a.path(), b.filePath(QStringLiteral("link"))));
    QCOMPARE(SingleInstance::serverName(b.filePath(QStringLiteral("link"))), SingleInstance::serverName(a.path()));
}

void TestSingleInstance::secondaryHandsArgumentsInOrder()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state"));
    SingleInstance primary(state);
    QCOMPARE(primary.start(), SingleInstance::Role::Primary);
    QVERIFY(QFileInfo::exists(SingleInstance::lockFilePath(state)));
    primary.startDelivering();
    QSignalSpy received(&primary, &SingleInstance::argumentsReceived);

    SingleInstance other(state);
    QCOMPARE(other.start(), SingleInstance::Role::Secondary);

    const QList<QStringList> messages{{QStringLiteral("/a.torrent"), QStringLiteral("/b.torrent")},
                                      {QStringLiteral("magnet:?xt=urn:btih:1")},
                                      {},
                                      {QStringLiteral("/c.torrent")}};
    Sender sender(state, messages);
    QTRY_VERIFY(sender.finished());
    QCOMPARE(sender.results(), QList<bool>({true, true, true, true}));
    QTRY_COMPARE(received.size(), 4);
    for (int i = 0; i < messages.size(); ++i)
        QCOMPARE(received.at(i).at(0).toStringList(), messages.at(i));
}

void TestSingleInstance::argumentsBeforeDeliveryAreQueued()
{
    QTemporaryDir dir;
    SingleInstance primary(dir.path());
    QCOMPARE(primary.start(), SingleInstance::Role::Primary);
    QSignalSpy received(&primary, &SingleInstance::argumentsReceived);
    Sender sender(dir.path(), {{QStringLiteral("/one")}, {QStringLiteral("/two")}});
    QTRY_VERIFY(sender.finished());
    QCOMPARE(sender.results(), QList<bool>({true, true}));
    QCOMPARE(received.size(), 0);
    primary.startDelivering();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).at(0).toStringList(), QStringList{QStringLiteral("/one")});
    QCOMPARE(received.at(1).at(0).toStringList(), QStringList{QStringLiteral("/two")});
}

void TestSingleInstance::staleLockIsTakenOver()
{
    QTemporaryDir dir;
    const QString lockPath = SingleInstance::lockFilePath(dir.path());
    // A lock file in this Qt's own format, then its owner swapped for a process that is gone.
    QByteArray contents;
    {
        QLockFile model(lockPath);
        QVERIFY(model.tryLock(0));
        QFile f(lockPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        contents = f.readAll();
        model.unlock();
    }
    const qint64 pid = deadPid();
    QVERIFY(pid > 0);
    contents = QByteArray::number(pid) + contents.mid(contents.indexOf('\n'));
    QFile f(lockPath);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(contents);
    f.close();

    SingleInstance instance(dir.path());
    QCOMPARE(instance.start(), SingleInstance::Role::Primary);
    QFile now(lockPath);
    QVERIFY(now.open(QIODevice::ReadOnly));
    QCOMPARE(now.readLine().trimmed(), QByteArray::number(QCoreApplication::applicationPid()));
}

void TestSingleInstance::liveLockIsNotTakenOver()
{
    QTemporaryDir dir;
    QLockFile held(SingleInstance::lockFilePath(dir.path()));
    QVERIFY(held.tryLock(0));
    // Older than QLockFile's default stale time would be: age alone must not make it stale.
    QFile file(held.fileName());
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    file.close();
    SingleInstance instance(dir.path());
    QCOMPARE(instance.start(), SingleInstance::Role::Secondary);
}

void TestSingleInstance::staleSocketIsReplaced()
{
    QTemporaryDir dir;
    const QString path = socketPath(dir.path());
    QFile::remove(path);
    QVERIFY(makeDeadSocket(path));
    QLocalSocket probe;
    probe.connectToServer(SingleInstance::serverName(dir.path()));
    QVERIFY(!probe.waitForConnected(1000)); // nobody behind it

    SingleInstance primary(dir.path());
    QString error;
    QCOMPARE(primary.start(&error), SingleInstance::Role::Primary);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    primary.startDelivering();
    QSignalSpy received(&primary, &SingleInstance::argumentsReceived);
    Sender sender(dir.path(), {{QStringLiteral("/after-crash.torrent")}});
    QTRY_VERIFY(sender.finished());
    QCOMPARE(sender.results(), QList<bool>{true});
    QTRY_COMPARE(received.size(), 1);
}

void TestSingleInstance::garbageClientIsDropped()
{
    QTemporaryDir dir;
    SingleInstance primary(dir.path());
    QCOMPARE(primary.start(), SingleInstance::Role::Primary);
    primary.startDelivering();
    QSignalSpy received(&primary, &SingleInstance::argumentsReceived);

    QLocalSocket oversized;
    oversized.connectToServer(SingleInstance::serverName(dir.path()));
    QVERIFY(oversized.waitForConnected(2000));
    oversized.write(QByteArray("\x7f\xff\xff\xff", 4)); // claims 2 GiB
    QTRY_COMPARE(oversized.state(), QLocalSocket::UnconnectedState);

    QLocalSocket malformed;
    malformed.connectToServer(SingleInstance::serverName(dir.path()));
    QVERIFY(malformed.waitForConnected(2000));
    malformed.write(QByteArray("\0\0\0\x02\0\0", 6)); // an argument length cut short
    QTRY_COMPARE(malformed.state(), QLocalSocket::UnconnectedState);
    QCOMPARE(malformed.readAll(), QByteArray()); // no acknowledgement

    Sender sender(dir.path(), {{QStringLiteral("/still-works")}});
    QTRY_VERIFY(sender.finished());
    QCOMPARE(sender.results(), QList<bool>{true});
    QTRY_COMPARE(received.size(), 1);
}

void TestSingleInstance::realBinaryTwice()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("state"));
    QProcessEnvironment env = appEnvironment(dir);
    env.insert(QStringLiteral("SWARMSCOPE_TEST_ECHO_ARGS"), QStringLiteral("1"));
    const QStringList common = appArguments(state);

    auto startPrimary = [&](QProcess &primary) {
        primary.setProcessEnvironment(env);
        primary.setProcessChannelMode(QProcess::SeparateChannels);
        primary.start(QStringLiteral(SWARMSCOPE_APP), common);
        QVERIFY(primary.waitForStarted());
        // Listening, not just a socket file (a crashed primary leaves one behind).
        QTRY_VERIFY_WITH_TIMEOUT(isListening(state), 30000);
    };
    // Canonical: the secondary resolves against its working directory as the system reports it.
    const QString torrents = QFileInfo(QStringLiteral(SWARMSCOPE_TEST_DATA "/torrents")).canonicalFilePath();
    const QString magnet = QStringLiteral("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=x");
    auto runSecondary = [&](const QStringList &args) {
        QProcess second;
        second.setProcessEnvironment(env);
        second.setWorkingDirectory(torrents);
        QElapsedTimer clock;
        clock.start();
        second.start(QStringLiteral(SWARMSCOPE_APP), common + args);
        QVERIFY(second.waitForFinished(15000));
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0,
                 second.readAllStandardError().constData());
        QVERIFY2(clock.elapsed() < 10000, "the second instance should hand over and leave quickly");
    };

    QProcess primary;
    startPrimary(primary);
    if (QTest::currentTestFailed())
        return;
    runSecondary({QStringLiteral("ui-single-file.torrent"), magnet});
    if (QTest::currentTestFailed())
        return;
    QByteArray seen;
    const QByteArray wantFile = "received: " + QFile::encodeName(torrents) + "/ui-single-file.torrent\n";
    const QByteArray wantMagnet = "received: " + magnet.toUtf8() + '\n';
    QTRY_VERIFY_WITH_TIMEOUT((seen += primary.readAllStandardError()).contains(wantMagnet), 10000);
    QVERIFY2(seen.contains(wantFile), seen.constData());
    QVERIFY(seen.indexOf(wantFile) < seen.indexOf(wantMagnet));

    // A crash leaves the lock and the socket behind; the next launch must become primary.
    primary.kill();
    QVERIFY(primary.waitForFinished());
    QVERIFY(QFileInfo::exists(SingleInstance::lockFilePath(state)));
    QVERIFY(QFileInfo::exists(socketPath(state)));
    QProcess again;
    startPrimary(again);
    if (QTest::currentTestFailed())
        return;
    runSecondary({QStringLiteral("ui-sample-album.torrent")});
    seen.clear();
    QTRY_VERIFY_WITH_TIMEOUT((seen += again.readAllStandardError()).contains("ui-sample-album.torrent\n"), 10000);
    again.kill();
    again.waitForFinished();
    QFile::remove(socketPath(state)); // the killed primary's leftover in the shared temp folder
}

void TestSingleInstance::realBinaryQuitsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

// A signal quits as the tray's Quit does: layout saved, engine shut down, lock and socket gone,
// so the next launch is primary at once (no stale-lock recovery needed).
void TestSingleInstance::realBinaryQuitsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString state = dir.filePath(QStringLiteral("state"));
    const QString settingsFile = dir.filePath(QStringLiteral("XDG_CONFIG_HOME/Swarmscope/Swarmscope.conf"));
    const auto savedGeometry = [&] {
        return QSettings(settingsFile, QSettings::IniFormat).value(QStringLiteral("MainWindow/geometry")).toByteArray();
    };

    QProcess app;
    app.setProcessEnvironment(appEnvironment(dir));
    app.start(QStringLiteral(SWARMSCOPE_APP), appArguments(state));
    QVERIFY(app.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(isListening(state), 30000);
    QVERIFY(QFileInfo::exists(SingleInstance::lockFilePath(state)));
    QVERIFY(savedGeometry().isEmpty()); // written on close only

    QCOMPARE(::kill(pid_t(app.processId()), signalNumber), 0);
    QVERIFY2(app.waitForFinished(10000), "the app should quit within seconds of the signal");
    const QByteArray errors = app.readAllStandardError();
    QVERIFY2(app.exitStatus() == QProcess::NormalExit, errors.constData()); // not killed by the signal
    QVERIFY2(app.exitCode() == 0, errors.constData());
    QVERIFY(!savedGeometry().isEmpty());
    QVERIFY(!QFileInfo::exists(SingleInstance::lockFilePath(state)));
    QVERIFY(!QFileInfo::exists(socketPath(state)));

    // Nothing left to recover from: the next launch is primary at once, and stops cleanly too.
    QProcess again;
    again.setProcessEnvironment(appEnvironment(dir));
    again.start(QStringLiteral(SWARMSCOPE_APP), appArguments(state));
    QVERIFY(again.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(isListening(state), 30000);
    again.terminate(); // SIGTERM
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(again.exitStatus(), QProcess::NormalExit);
    QCOMPARE(again.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(socketPath(state)));
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
