// A child process for the interop tests (real clients, trackers, our CLI): always stopped when
// the test ends, its output kept for failure messages, and bounded waits for what it prints.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::testutil {

// A child process that is always stopped, and whose output is kept for the failure message.
class Child {
public:
    Child(const QString &program, const QStringList &args)
    {
        m_process.start(program, args);
        m_process.waitForStarted(20'000);
    }
    ~Child() { stop(0); }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Output that arrived while the test waited on something else is read here: the events let
    // QProcess drain the pipe into its buffer.
    QString out()
    {
        QCoreApplication::processEvents();
        m_out += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_out;
    }
    QString err()
    {
        QCoreApplication::processEvents();
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }
    QString describe()
    {
        return QStringLiteral("%1 %2: %3, exit %4\nstdout: %5\nstderr: %6")
            .arg(m_process.program(), m_process.arguments().join(u' '),
                 running() ? QStringLiteral("running") : QStringLiteral("not running"))
            .arg(m_process.exitCode())
            .arg(out().right(3000), err().right(3000));
    }
    // Waits until stdout has a whole line starting with `prefix`; returns that line.
    std::optional<QString> waitForLine(const QString &prefix, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            // Complete lines only: the last piece may still be arriving.
            const QString text = out();
            const QStringList lines = text.left(text.lastIndexOf(u'\n') + 1).split(u'\n');
            for (const QString &line : lines)
                if (line.startsWith(prefix))
                    return line;
            if (!running())
                return std::nullopt;
            m_process.waitForReadyRead(100);
        }
        return std::nullopt;
    }
    // Waits until stdout or stderr contains `text` anywhere (tools that log to either).
    bool waitForText(const QString &text, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (out().contains(text) || err().contains(text))
                return true;
            if (!running())
                return false;
            m_process.waitForReadyRead(100);
        }
        return false;
    }
    bool finishedOk(int timeoutMs)
    {
        return m_process.waitForFinished(timeoutMs) && m_process.exitStatus() == QProcess::NormalExit
               && m_process.exitCode() == 0;
    }
    // SIGTERM first so the program can flush and save, SIGKILL after `graceMs`; 0 kills at once.
    void stop(int graceMs)
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (graceMs > 0) {
            m_process.terminate();
            if (m_process.waitForFinished(graceMs))
                return;
        }
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace swarmscope::testutil
