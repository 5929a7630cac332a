// util::ShutdownSignals, in process: a signal raised here arrives as requested() in the event
// loop, one kept while nobody listened is delivered to the first connection, only one instance
// holds the handlers, and the old handlers come back afterwards.
#include "util/shutdownsignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using swarmscope::util::ShutdownSignals;

namespace {

volatile std::sig_atomic_t g_previousCalls = 0;
extern "C" void previousHandler(int) { g_previousCalls = g_previousCalls + 1; }

} // namespace

class TestShutdownSignals : public QObject {
    Q_OBJECT

private slots:
    void deliversInTheEventLoop();
    void keepsWhatCameBeforeAnyoneListened();
    void oneInstanceAtATime();
    void restoresThePreviousHandler();
};

void TestShutdownSignals::deliversInTheEventLoop()
{
    ShutdownSignals signals_(ShutdownSignals::Catch::AlsoHangup);
    QVERIFY(signals_.isActive());
    QSignalSpy spy(&signals_, &ShutdownSignals::requested);
    QCOMPARE(std::raise(SIGTERM), 0); // the default action would end this test program
    QCOMPARE(spy.size(), 0);           // not from inside the handler
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), int(SIGTERM));
    QCOMPARE(std::raise(SIGHUP), 0);
    QCOMPARE(std::raise(SIGINT), 0);
    QTRY_COMPARE(spy.size(), 3);
    QCOMPARE(spy.at(1).at(0).toInt(), int(SIGHUP));
    QCOMPARE(spy.at(2).at(0).toInt(), int(SIGINT));
}

void TestShutdownSignals::keepsWhatCameBeforeAnyoneListened()
{
    ShutdownSignals signals_;
    QCOMPARE(std::raise(SIGINT), 0);
    QTest::qWait(100); // read in the event loop with nobody connected
    QSignalSpy spy(&signals_, &ShutdownSignals::requested);
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), int(SIGINT));
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1); // delivered once
}

void TestShutdownSignals::oneInstanceAtATime()
{
    ShutdownSignals first;
    QTest::ignoreMessage(QtWarningMsg, "ShutdownSignals: another instance already catches the signals");
    ShutdownSignals second;
    QVERIFY(first.isActive());
    QVERIFY(!second.isActive());
    QSignalSpy spy(&first, &ShutdownSignals::requested);
    QCOMPARE(std::raise(SIGTERM), 0);
    QTRY_COMPARE(spy.size(), 1);
}

void TestShutdownSignals::restoresThePreviousHandler()
{
    struct sigaction mine = {};
    mine.sa_handler = previousHandler;
    sigemptyset(&mine.sa_mask);
    struct sigaction original = {};
    QCOMPARE(::sigaction(SIGHUP, &mine, &original), 0);
    {
        ShutdownSignals signals_(ShutdownSignals::Catch::AlsoHangup);
        QSignalSpy spy(&signals_, &ShutdownSignals::requested);
        QCOMPARE(std::raise(SIGHUP), 0);
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(int(g_previousCalls), 0);
    }
    QCOMPARE(std::raise(SIGHUP), 0);
    QCOMPARE(int(g_previousCalls), 1);
    ::sigaction(SIGHUP, &original, nullptr);
    // And a new instance may take the handlers again.
    ShutdownSignals again;
    QVERIFY(again.isActive());
}

QTEST_GUILESS_MAIN(TestShutdownSignals)
#include "tst_shutdownsignals.moc"
