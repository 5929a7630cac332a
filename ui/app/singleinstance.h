// One running Swarmscope per user and state folder: a second launch hands its arguments
// (.torrent paths, URLs, magnet links) to the running one and exits.
//
// Who is primary is decided by a QLockFile next to the state database, not by whether a socket
// answers: two launches racing (a file manager opening several files as several processes)
// must not both become primary, and a lock left by a crash is recognised by its dead PID and
// taken over. The primary then listens on a QLocalServer whose name is derived from the user
// and the state folder; a socket file left by a crash is removed first, since holding the lock
// proves nobody else is listening on it.
//
// Wire format, secondary -> primary: quint32 (big-endian) payload length, then per argument a
// quint32 length and its UTF-8 bytes. The primary answers one byte, kAck, once it has taken
// the arguments. Sizes and times are capped so a stray client cannot hold the primary up.
#pragma once

#include <QByteArray>
#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace swarmscope::ui {

class SingleInstance : public QObject {
    Q_OBJECT

public:
    enum class Role {
        Primary,     // we hold the lock and listen for others
        Secondary,   // another process holds the lock: send it our arguments
        Unavailable, // the lock could not be taken nor checked (permissions): run on our own
    };

    static constexpr qint64 kMaxPayload = 1 << 20; // bytes of arguments in one message
    static constexpr int kMaxArguments = 4096;
    static constexpr int kConnectionTimeoutMs = 5000;
    static constexpr char kAck = 'k';

    explicit SingleInstance(const QString &stateDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Takes the lock (creating the state folder if needed) and, when primary, starts listening.
    // `error` says why the role is Unavailable, or why a primary could not listen.
    Role start(QString *error = nullptr);
    Role role() const { return m_role; }

    // Secondary: hands `arguments` to the primary, waiting up to `timeoutMs` for it to answer
    // (it may still be starting). True once the primary acknowledged them.
    bool sendArguments(const QStringList &arguments, int timeoutMs = kConnectionTimeoutMs,
                       QString *error = nullptr);

    // Primary: arguments received before this are kept and emitted now, in order; later ones
    // are emitted as they arrive. Call it once whoever handles them (the window) exists.
    void startDelivering();

    // Relative paths resolved against `workingDir`; absolute paths cleaned; URLs and magnet
    // links unchanged. The primary runs elsewhere, so relative paths must not reach it.
    static QStringList absoluteArguments(const QStringList &arguments, const QString &workingDir);
    // The local socket's name: per user and per (canonical) state folder.
    static QString serverName(const QString &stateDir);
    // Where the lock file lives: next to the state database.
    static QString lockFilePath(const QString &stateDir);

    static QByteArray encode(const QStringList &arguments);
    // nullopt when `payload` (without its length prefix) is malformed or over the caps.
    static std::optional<QStringList> decode(const QByteArray &payload);

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void acceptConnections();
    void readFrom(QLocalSocket *socket);
    void deliver(const QStringList &arguments);

    QString m_stateDir;
    Role m_role = Role::Unavailable;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
    bool m_delivering = false;
    QList<QStringList> m_pending;
};

} // namespace swarmscope::ui
