// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe + QSocketNotifier),
// so the engine can shut down cleanly: state saved, `stopped` announced.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace swarmscope::cli {

class ShutdownSignals : public QObject {
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

signals:
    void requested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace swarmscope::cli
