// Turns POSIX termination signals (SIGINT and SIGTERM, and SIGHUP when asked) into a Qt signal on the thread that made the object, so a program can shut down the way its own
// Quit does: state saved, trackers told `stopped`, lock files removed. A signal handler may do
// almost nothing, so it only writes the signal's number into a socket pair (the self-pipe trick);
// a QSocketNotifier reads it back in the event loop. Used by swarmscope-cli and the desktop app.
// Installed early, connected late: a signal caught before anyone listens to requested() is kept
// and delivered (queued) to the first connection, so a SIGTERM during start-up is not lost.
#pragma once

#include <QList>
#include <QObject>

#include <memory>

class QSocketNotifier;

namespace swarmscope::util {

class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    enum class Catch {
        InterruptAndTerminate, // SIGINT, SIGTERM
        AlsoHangup,            // and SIGHUP: the terminal that started a GUI program went away
    };
    explicit ShutdownSignals(QObject *parent = nullptr) : ShutdownSignals(Catch::InterruptAndTerminate, parent) {}
    explicit ShutdownSignals(Catch which, QObject *parent = nullptr);
    // Puts back the handlers that were there before.
    ~ShutdownSignals() override;

    ShutdownSignals(const ShutdownSignals &) = delete;
    ShutdownSignals &operator=(const ShutdownSignals &) = delete;

    // False when nothing will be caught: not a Unix system, no socket pair, or another
    // ShutdownSignals already holds the handlers (one per process at a time).
    bool isActive() const { return m_notifier != nullptr; }

signals:
    void requested(int signalNumber);

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    struct Saved; // the handlers replaced, restored on destruction
    void readPending();
    void deliverKept();

    QSocketNotifier *m_notifier = nullptr;
    int m_readFd = -1;
    int m_writeFd = -1;
    std::unique_ptr<Saved> m_saved;
    QList<int> m_kept; // caught while nobody listened
};

} // namespace swarmscope::util
