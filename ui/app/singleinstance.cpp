#include "app/singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <QtEndian>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace swarmscope::ui {

namespace {

constexpr qsizetype kLengthSize = 4;

QString userKey()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

// The same folder reached through a symlink or with a trailing slash is the same instance.
QString canonicalDir(const QString &dir)
{
    const QFileInfo info(dir);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

void appendLength(QByteArray *out, qsizetype length)
{
    char bytes[kLengthSize];
    qToBigEndian(quint32(length), bytes);
    out->append(bytes, kLengthSize);
}

quint32 readLength(const char *data)
{
    return qFromBigEndian<quint32>(data);
}

// "magnet:?...", "https://...": a scheme of two or more characters (one would be a drive letter).
bool hasUrlScheme(const QString &argument)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]+:"));
    return scheme.match(argument).hasMatch();
}

} // namespace

SingleInstance::SingleInstance(const QString &stateDir, QObject *parent)
    : QObject(parent)
    , m_stateDir(stateDir)
{
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file before the lock is released
}

QString SingleInstance::serverName(const QString &stateDir)
{
    const QByteArray hash =
        QCryptographicHash::hash(canonicalDir(stateDir).toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    // Short on purpose: Unix socket paths are limited to about 100 bytes.
    return QStringLiteral("swarmscope-%1-%2").arg(userKey(), QString::fromLatin1(hash));
}

QString SingleInstance::lockFilePath(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("swarmscope.lock"));
}

SingleInstance::Role SingleInstance::start(QString *error)
{
    if (!QDir().mkpath(m_stateDir)) {
        if (error)
            *error = tr("Cannot create the state folder %1").arg(m_stateDir);
        return m_role = Role::Unavailable;
    }
    m_lock = std::make_unique<QLockFile>(lockFilePath(m_stateDir));
    // 0: a primary running for days is never "stale" by age; only a dead owner (its PID gone,
    // checked by QLockFile itself) makes the lock stale and lets us take it over.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError)
            return m_role = Role::Secondary;
        if (error)
            *error = tr("Cannot take the lock %1").arg(m_lock->fileName());
        m_lock.reset();
        return m_role = Role::Unavailable;
    }

    m_role = Role::Primary;
    const QString name = serverName(m_stateDir);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(16);
    // We hold the lock, so a socket by this name is a leftover of a crashed primary.
    QLocalServer::removeServer(name);
    if (!m_server->listen(name)) {
        // Still primary (we own the state folder), but later launches cannot reach us.
        if (error)
            *error = tr("Cannot listen on %1: %2").arg(name, m_server->errorString());
        return m_role;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return m_role;
}

bool SingleInstance::sendArguments(const QStringList &arguments, int timeoutMs, QString *error)
{
    const QByteArray payload = encode(arguments);
    if (payload.size() > kMaxPayload || arguments.size() > kMaxArguments) {
        if (error)
            *error = tr("Too many arguments to hand to the running instance");
        return false;
    }
    QByteArray frame;
    appendLength(&frame, payload.size());
    frame.append(payload);

    const QDeadlineTimer deadline(timeoutMs);
    const QString name = serverName(m_stateDir);
    QLocalSocket socket;
    // The primary takes the lock a moment before it listens: retry until the deadline.
    while (true) {
        socket.connectToServer(name);
        if (socket.waitForConnected(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        if (deadline.hasExpired()) {
            if (error)
                *error = tr("The running instance does not answer: %1").arg(socket.errorString());
            return false;
        }
        QThread::msleep(50);
    }
    socket.write(frame);
    while (socket.bytesToWrite() > 0 && !deadline.hasExpired())
        socket.waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())));
    while (socket.bytesAvailable() < 1 && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
    }
    const QByteArray answer = socket.read(1);
    if (answer.size() != 1 || answer.at(0) != kAck) {
        if (error)
            *error = tr("The running instance did not take the arguments");
        return false;
    }
    socket.disconnectFromServer();
    return true;
}

void SingleInstance::startDelivering()
{
    m_delivering = true;
    const QList<QStringList> pending = std::exchange(m_pending, {});
    for (const QStringList &arguments : pending)
        emit argumentsReceived(arguments);
}

QStringList SingleInstance::absoluteArguments(const QStringList &arguments, const QString &workingDir)
{
    QStringList out;
    out.reserve(arguments.size());
    const QDir base(workingDir);
    for (const QString &argument : arguments) {
        if (QDir::isAbsolutePath(argument))
            out << QDir::cleanPath(argument);
        else if (hasUrlScheme(argument))
            out << argument;
        else
            out << QDir::cleanPath(base.absoluteFilePath(argument));
    }
    return out;
}

QByteArray SingleInstance::encode(const QStringList &arguments)
{
    QByteArray out;
    for (const QString &argument : arguments) {
        const QByteArray utf8 = argument.toUtf8();
        appendLength(&out, utf8.size());
        out.append(utf8);
    }
    return out;
}

std::optional<QStringList> SingleInstance::decode(const QByteArray &payload)
{
    if (payload.size() > kMaxPayload)
        return std::nullopt;
    QStringList out;
    qsizetype pos = 0;
    while (pos < payload.size()) {
        if (payload.size() - pos < kLengthSize || out.size() >= kMaxArguments)
            return std::nullopt;
        const quint32 length = readLength(payload.constData() + pos);
        pos += kLengthSize;
        if (length > quint64(payload.size() - pos))
            return std::nullopt;
        out << QString::fromUtf8(payload.constData() + pos, qsizetype(length));
        pos += qsizetype(length);
    }
    return out;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        // A client that connects and never finishes its message is dropped.
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [socket] { socket->abort(); socket->deleteLater(); });
        timeout->start(kConnectionTimeoutMs);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < kLengthSize)
        return;
    const QByteArray head = socket->peek(kLengthSize);
    const quint32 length = readLength(head.constData());
    if (length > quint64(kMaxPayload)) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (socket->bytesAvailable() < kLengthSize + qint64(length))
        return;
    socket->skip(kLengthSize);
    const auto arguments = decode(socket->read(qint64(length)));
    if (!arguments) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->write(QByteArray(1, kAck));
    socket->flush();
    socket->disconnectFromServer(); // after the ack is written
    deliver(*arguments);
}

void SingleInstance::deliver(const QStringList &arguments)
{
    if (m_delivering)
        emit argumentsReceived(arguments);
    else
        m_pending << arguments;
}

} // namespace swarmscope::ui
