#include "util/shutdownsignals.h"

#include <QMetaMethod>
#include <QSocketNotifier>
#include <QtGlobal>

#include <atomic>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace swarmscope::util {

#ifdef Q_OS_UNIX

namespace {

// The write end for the handler; -1 while no ShutdownSignals is active. Lock-free, so the handler
// may read it.
std::atomic<int> g_writeFd{-1};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onShutdownSignal(int number)
{
    const int saved = errno; // the interrupted code may be about to read errno
    const int fd = g_writeFd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        const char byte = static_cast<char>(number);
        [[maybe_unused]] const auto n = ::write(fd, &byte, 1); // non-blocking: a flood just drops
    }
    errno = saved;
}

} // namespace

struct ShutdownSignals::Saved {
    QList<int> numbers;
    QList<struct sigaction> actions;
};

ShutdownSignals::ShutdownSignals(Catch which, QObject *parent)
    : QObject(parent), m_saved(std::make_unique<Saved>())
{
    QList<int> signalNumbers{SIGINT, SIGTERM};
    if (which == Catch::AlsoHangup)
        signalNumbers << SIGHUP;
    int fds[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return;
    // The handler must never block, whatever is queued already.
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    int expected = -1;
    if (!g_writeFd.compare_exchange_strong(expected, fds[0])) {
        qWarning("ShutdownSignals: another instance already catches the signals");
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    m_writeFd = fds[0];
    m_readFd = fds[1];
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignals::readPending);

    struct sigaction action = {};
    action.sa_handler = onShutdownSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART; // system calls elsewhere carry on; the event loop sees the byte
    for (const int number : signalNumbers) {
        struct sigaction old = {};
        if (::sigaction(number, &action, &old) == 0) {
            m_saved->numbers << number;
            m_saved->actions << old;
        }
    }
}

ShutdownSignals::~ShutdownSignals()
{
    for (qsizetype i = 0; i < m_saved->numbers.size(); ++i)
        ::sigaction(m_saved->numbers.at(i), &m_saved->actions.at(i), nullptr);
    if (m_writeFd >= 0) {
        g_writeFd.store(-1);
        delete m_notifier; // before its descriptor goes
        m_notifier = nullptr;
        ::close(m_writeFd);
        ::close(m_readFd);
    }
}

void ShutdownSignals::readPending()
{
    char bytes[16];
    const auto n = ::read(m_readFd, bytes, sizeof bytes);
    for (qsizetype i = 0; i < n; ++i)
        m_kept << int(static_cast<unsigned char>(bytes[i]));
    deliverKept();
}

#endif

void ShutdownSignals::deliverKept()
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&ShutdownSignals::requested);
    // One at a time, re-checking: a receiver may disconnect (a single-shot connection) on the way.
    while (!m_kept.isEmpty() && isSignalConnected(signal))
        emit requested(m_kept.takeFirst());
}

void ShutdownSignals::connectNotify(const QMetaMethod &signal)
{
    // Queued: the connection is not complete while this runs.
    if (signal == QMetaMethod::fromSignal(&ShutdownSignals::requested) && !m_kept.isEmpty())
        QMetaObject::invokeMethod(this, &ShutdownSignals::deliverKept, Qt::QueuedConnection);
}

#ifndef Q_OS_UNIX // no POSIX signals to catch: an inactive object, so callers need no #ifdef of their own

struct ShutdownSignals::Saved {};

ShutdownSignals::ShutdownSignals(Catch, QObject *parent) : QObject(parent) {}
ShutdownSignals::~ShutdownSignals() = default;
void ShutdownSignals::readPending() {}

#endif

} // namespace swarmscope::util
