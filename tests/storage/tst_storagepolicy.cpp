// The storage policy through the StorageMonitor interface, with a fake that plugs and unplugs
// volumes; and, when running as root, the mountinfo backend watching a real tmpfs come and go.
#include "fakestoragemonitor.h"
#include "policycommands.h"

#include "storage/mountinfomonitor.h"
#include "storage/storagepolicy.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace swarmscope;
using state::TorrentState;
using storage::TorrentStorage;
using testutil::Command;
using testutil::FakeStorageMonitor;
using testutil::hashOf;
using testutil::sorted;

namespace {
const QString kUsb = QStringLiteral("/media/usb");
} // namespace

class TestStoragePolicy : public QObject {
    Q_OBJECT

private slots:
    void init();
    void unplugStopsAndReplugResumesOnlyThose();
    void restoredWaitingResumesWhenItsVolumeComes();
    void teardownWarningStopsEarly();
    void missingStorageIsReported();
    void forgetsRemovedTorrents();
    void realTmpfsSeenByMountInfo();

private:
    void plugUsb() { m_monitor->plug(kUsb); }
    std::unique_ptr<FakeStorageMonitor> m_monitor;
    std::unique_ptr<storage::StoragePolicy> m_policy;
    QList<Command> m_commands;
};

void TestStoragePolicy::init()
{
    m_commands.clear();
    m_monitor = std::make_unique<FakeStorageMonitor>();
    m_policy = std::make_unique<storage::StoragePolicy>(m_monitor.get(), [this](const metainfo::InfoHash &h, bool a) {
        m_commands << Command{h.bytes().at(0), a};
    });
}

void TestStoragePolicy::unplugStopsAndReplugResumesOnlyThose()
{
    plugUsb();
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::Downloading},
                      {hashOf('B'), kUsb + QStringLiteral("/x"), TorrentState::Paused},
                      {hashOf('C'), QStringLiteral("/home/u/dl"), TorrentState::Seeding},
                      {hashOf('D'), kUsb, TorrentState::Seeding},
                      {hashOf('E'), QStringLiteral("/media/usb2/dl"), TorrentState::Checking}});
    QVERIFY(m_commands.isEmpty());
    QCOMPARE(m_policy->mountRootFor(hashOf('A')), kUsb);
    QSignalSpy stopped(m_policy.get(), &storage::StoragePolicy::storageStopped);
    m_monitor->unplug(kUsb);
    QCOMPARE(sorted(m_commands), (QList<Command>{{'A', false}, {'D', false}})); // not the paused B, not C or E
    QCOMPARE(stopped.count(), 1);
    m_commands.clear();

    // The engine did it; meanwhile the user paused D: the user's pause wins.
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::StorageUnavailable},
                      {hashOf('B'), kUsb + QStringLiteral("/x"), TorrentState::Paused},
                      {hashOf('C'), QStringLiteral("/home/u/dl"), TorrentState::Seeding},
                      {hashOf('D'), kUsb, TorrentState::Paused},
                      {hashOf('E'), QStringLiteral("/media/usb2/dl"), TorrentState::Downloading}});
    QVERIFY(m_commands.isEmpty()); // already stopped: nothing repeated
    m_monitor->plug(QStringLiteral("/media/other"));
    QVERIFY(m_commands.isEmpty());
    plugUsb();
    QCOMPARE(m_commands, (QList<Command>{{'A', true}}));
    m_commands.clear();

    // Running again; a second unplug stops it again.
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::Downloading}});
    m_monitor->unplug(kUsb);
    QCOMPARE(m_commands, (QList<Command>{{'A', false}}));
}

void TestStoragePolicy::restoredWaitingResumesWhenItsVolumeComes()
{
    // The engine restored it as waiting: the volume was not there at startup. Its path resolves
    // to "/" for now, so the engine is asked once (it keeps waiting while the folder is missing).
    m_policy->update({{hashOf('R'), QStringLiteral("/media/disk2/dl"), TorrentState::StorageUnavailable}});
    QCOMPARE(m_commands, (QList<Command>{{'R', true}}));
    m_commands.clear();
    m_policy->update({{hashOf('R'), QStringLiteral("/media/disk2/dl"), TorrentState::StorageUnavailable}});
    QVERIFY(m_commands.isEmpty()); // not on every snapshot
    QCOMPARE(m_policy->mountRootFor(hashOf('R')), QString());
    m_monitor->plug(QStringLiteral("/media/disk"));   // a prefix as text, not as a path
    m_monitor->plug(QStringLiteral("/media/disk2/dl/sub")); // below it, not holding it
    QVERIFY(m_commands.isEmpty());
    m_monitor->plug(QStringLiteral("/media/disk2"));
    QCOMPARE(m_commands, (QList<Command>{{'R', true}}));
    QCOMPARE(m_policy->mountRootFor(hashOf('R')), QStringLiteral("/media/disk2"));
}

void TestStoragePolicy::teardownWarningStopsEarly()
{
    plugUsb();
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::Seeding}});
    m_monitor->warnTeardown(kUsb);
    QCOMPARE(m_commands, (QList<Command>{{'A', false}}));
    m_monitor->unplug(kUsb); // the unmount that followed: already stopped
    QCOMPARE(m_commands, (QList<Command>{{'A', false}}));
    plugUsb();
    QCOMPARE(m_commands, (QList<Command>{{'A', false}, {'A', true}}));
}

void TestStoragePolicy::missingStorageIsReported()
{
    plugUsb();
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::Paused},
                      {hashOf('C'), QStringLiteral("/home/u"), TorrentState::Paused},
                      {hashOf('W'), QStringLiteral("/media/gone/dl"), TorrentState::StorageUnavailable}});
    QCOMPARE(m_policy->missingStorage(hashOf('A')), QString());
    QVERIFY(m_policy->missingStorage(hashOf('W')).contains(QStringLiteral("/media/gone/dl")));
    m_monitor->unplug(kUsb);
    const QString why = m_policy->missingStorage(hashOf('A'));
    QVERIFY2(why.contains(kUsb), qPrintable(why));
    QCOMPARE(m_policy->missingStorage(hashOf('C')), QString());
    QCOMPARE(m_policy->missingStorage(hashOf('?')), QString()); // unknown: nothing to say
    plugUsb();
    QCOMPARE(m_policy->missingStorage(hashOf('A')), QString());

    // A new torrent's folder: refused on the volume while it is away, not elsewhere.
    QCOMPARE(m_policy->missingVolumeFor(kUsb + QStringLiteral("/new")), QString());
    m_monitor->unplug(kUsb);
    QVERIFY(m_policy->missingVolumeFor(kUsb + QStringLiteral("/new")).contains(kUsb));
    QVERIFY(!m_policy->missingVolumeFor(kUsb).isEmpty());
    QCOMPARE(m_policy->missingVolumeFor(QStringLiteral("/media/usb2/new")), QString());
    QCOMPARE(m_policy->missingVolumeFor(QStringLiteral("/home/u/new")), QString());
    plugUsb();
    QCOMPARE(m_policy->missingVolumeFor(kUsb + QStringLiteral("/new")), QString());
}

void TestStoragePolicy::forgetsRemovedTorrents()
{
    plugUsb();
    m_policy->update({{hashOf('A'), kUsb + QStringLiteral("/dl"), TorrentState::Downloading}});
    m_policy->update(QList<TorrentStorage>{});
    m_monitor->unplug(kUsb);
    plugUsb();
    QVERIFY(m_commands.isEmpty());
}

void TestStoragePolicy::realTmpfsSeenByMountInfo()
{
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString point = QFileInfo(dir.path()).canonicalFilePath();
    storage::MountInfoMonitor monitor;
    if (!monitor.isWatching())
        QSKIP("/proc/self/mountinfo cannot be watched here");
    QVERIFY(!monitor.isAvailable(point));
    QSignalSpy spy(&monitor, &storage::StorageMonitor::availabilityChanged);
    const int rc = QProcess::execute(QStringLiteral("mount"),
                                     {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=1m"), QStringLiteral("swarmscope-test"), point});
    if (rc != 0)
        QSKIP("mount -t tmpfs failed (no CAP_SYS_ADMIN in this container?)");
    auto seen = [&](bool available) {
        for (const QList<QVariant> &args : spy)
            if (args[0].toString() == point && args[1].toBool() == available)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen(true), 5000); // through the notifier: nobody calls rescan()
    QVERIFY(monitor.isAvailable(point));
    QCOMPARE(monitor.mountRootOf(point + QStringLiteral("/a/b")), point);
    const int urc = QProcess::execute(QStringLiteral("umount"), {point});
    QCOMPARE(urc, 0);
    QTRY_VERIFY_WITH_TIMEOUT(seen(false), 5000);
    QVERIFY(!monitor.isAvailable(point));
    QVERIFY(monitor.mountRootOf(point) != point);
}

QTEST_GUILESS_MAIN(TestStoragePolicy)
#include "tst_storagepolicy.moc"
