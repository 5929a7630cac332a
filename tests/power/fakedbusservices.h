// Fake logind, PowerManagement and UPower services for the D-Bus backends' tests, registered on
// a private session bus (the test runs itself under dbus-run-session).
#pragma once

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusUnixFileDescriptor>
#include <QList>
#include <QObject>
#include <QSet>
#include <QVariantMap>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace swarmscope::testutil {

// Whether every write end of the pipe whose read end is `fd` is closed (the reader sees EOF).
inline bool writersClosed(int fd)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}

// org.freedesktop.login1.Manager.Inhibit: returns the write end of a fresh pipe and keeps the
// read end, so the test sees when the client closes its descriptor.
class FakeLogind : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")
public:
    struct Call {
        QString what, who, why, mode;
        int readEnd = -1;
    };
    bool refuse = false; // answer AccessDenied, as polkit would
    QList<Call> calls;

    ~FakeLogind() override
    {
        for (const Call &c : calls)
            if (c.readEnd >= 0)
                ::close(c.readEnd);
    }

public slots:
    QDBusUnixFileDescriptor Inhibit(const QString &what, const QString &who, const QString &why, const QString &mode)
    {
        Call call{what, who, why, mode, -1};
        if (refuse) {
            calls << call;
            sendErrorReply(QDBusError::AccessDenied, QStringLiteral("not allowed"));
            return {};
        }
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            qFatal("pipe2 failed");
        call.readEnd = fds[0];
        calls << call;
        const QDBusUnixFileDescriptor writeEnd(fds[1]); // holds a duplicate
        ::close(fds[1]);
        return writeEnd;
    }
};

// org.freedesktop.PowerManagement.Inhibit: cookies handed out and given back.
class FakePowerManagement : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.PowerManagement.Inhibit")
public:
    QSet<uint> active;
    QList<uint> released;
    QStringList reasons;

public slots:
    uint Inhibit(const QString &application, const QString &reason)
    {
        reasons << application + QLatin1String(": ") + reason;
        active.insert(++m_next);
        return m_next;
    }
    void UnInhibit(uint cookie)
    {
        active.remove(cookie);
        released << cookie;
    }

private:
    uint m_next = 100;
};

// org.freedesktop.UPower with its OnBattery property (QtDBus answers Properties.Get from it);
// changes are announced with PropertiesChanged, as UPower does.
class FakeUPower : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.UPower")
    Q_PROPERTY(bool OnBattery READ onBattery)
public:
    explicit FakeUPower(const QDBusConnection &bus) : m_bus(bus) {}
    bool onBattery() const { return m_onBattery; }
    void setOnBattery(bool on, bool announce = true)
    {
        m_onBattery = on;
        if (!announce)
            return;
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/UPower"),
                                                         QStringLiteral("org.freedesktop.DBus.Properties"),
                                                         QStringLiteral("PropertiesChanged"));
        signal << QStringLiteral("org.freedesktop.UPower") << QVariantMap{{QStringLiteral("OnBattery"), on}}
               << QStringList();
        m_bus.send(signal);
    }

private:
    QDBusConnection m_bus;
    bool m_onBattery = false;
};

} // namespace swarmscope::testutil
