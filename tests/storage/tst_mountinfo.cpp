// The Qt-only storage backend: the mountinfo parser on fixtures (escapes, bind and nested
// mounts, malformed lines, limits), the mount-point diff, and the longest-prefix lookup.
#include "storage/mountinfomonitor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace swarmscope;
using storage::MountEntry;

namespace {
QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(SWARMSCOPE_TEST_DATA "/mountinfo/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList pointsOf(const storage::MountInfoParse &p)
{
    QStringList out;
    for (const MountEntry &e : p.mounts)
        out << e.mountPoint;
    return out;
}
} // namespace

class TestMountInfo : public QObject {
    Q_OBJECT

private slots:
    void parsesDesktopTable();
    void skipsMalformedLines();
    void decodesEscapes_data();
    void decodesEscapes();
    void limitsHold();
    void longestPrefix_data();
    void longestPrefix();
    void rescanReportsChanges();
};

void TestMountInfo::parsesDesktopTable()
{
    const storage::MountInfoParse p = storage::parseMountInfo(fixture("desktop.txt"));
    QCOMPARE(p.malformedLines, 0);
    QVERIFY(!p.truncated);
    QCOMPARE(p.mounts.size(), 9);
    const MountEntry &passport = p.mounts[5];
    QCOMPARE(passport.mountId, 512);
    QCOMPARE(passport.parentId, 28);
    QCOMPARE(passport.mountPoint, QStringLiteral("/media/anna/My Passport"));
    QCOMPARE(passport.fsType, QStringLiteral("exfat"));
    QCOMPARE(passport.source, QStringLiteral("/dev/sdb1"));
    QCOMPARE(p.mounts[6].parentId, 512); // nested in the one above
    const MountEntry &bind = p.mounts[7];
    QCOMPARE(bind.root, QStringLiteral("/anna/Downloads"));
    QCOMPARE(bind.mountPoint, QStringLiteral("/srv/downloads"));
    QCOMPARE(p.mounts[8].mountPoint, QStringLiteral("/mnt/tab\tand\\back"));
    QCOMPARE(p.mounts[8].source, QStringLiteral("tmp fs"));
}

void TestMountInfo::skipsMalformedLines()
{
    const storage::MountInfoParse p = storage::parseMountInfo(fixture("malformed.txt"));
    // Optional fields (shared:5 master:3) before the separator are fine.
    QCOMPARE(pointsOf(p), (QStringList{QStringLiteral("/"), QStringLiteral("/media/usb2")}));
    QCOMPARE(p.malformedLines, 4);
    QCOMPARE(p.mounts[1].fsType, QStringLiteral("vfat"));
}

void TestMountInfo::decodesEscapes_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("space") << QByteArray("/a\\040b") << QStringLiteral("/a b");
    QTest::newRow("newline") << QByteArray("/a\\012") << QStringLiteral("/a\n");
    QTest::newRow("backslash") << QByteArray("/a\\134040") << QStringLiteral("/a\\040");
    QTest::newRow("short escape kept") << QByteArray("/a\\04") << QStringLiteral("/a\\04");
    QTest::newRow("not octal kept") << QByteArray("/a\\089") << QStringLiteral("/a\\089");
    QTest::newRow("above a byte kept") << QByteArray("/a\\777") << QStringLiteral("/a\\777");
    QTest::newRow("utf-8") << QByteArray("/m\xc3\xbc") << QStringLiteral("/m\u00fc");
}

void TestMountInfo::decodesEscapes()
{
    QFETCH(QByteArray, field);
    QFETCH(QString, decoded);
    QCOMPARE(storage::decodeMountInfoPath(field), decoded);
}

void TestMountInfo::limitsHold()
{
    const QByteArray line("28 1 8:1 / /m rw - ext4 /dev/x rw\n");
    QByteArray many;
    for (int i = 0; i < storage::kMountInfoMaxEntries + 5; ++i)
        many += line;
    const storage::MountInfoParse p = storage::parseMountInfo(many);
    QCOMPARE(p.mounts.size(), storage::kMountInfoMaxEntries);
    QVERIFY(p.truncated);

    QByteArray longLine = "28 1 8:1 / /" + QByteArray(storage::kMountInfoMaxLineBytes, 'a') + " rw - ext4 x rw\n";
    const storage::MountInfoParse q = storage::parseMountInfo(longLine + line);
    QCOMPARE(q.malformedLines, 1);
    QCOMPARE(pointsOf(q), QStringList{QStringLiteral("/m")});

    QByteArray huge;
    while (huge.size() <= storage::kMountInfoMaxBytes)
        huge += longLine.left(8000) + '\n';
    const storage::MountInfoParse r = storage::parseMountInfo(huge);
    QVERIFY(r.truncated);
    QVERIFY(r.mounts.isEmpty());
}

void TestMountInfo::longestPrefix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("root");
    QTest::newRow("on root") << QStringLiteral("/var/tmp") << QStringLiteral("/");
    QTest::newRow("volume itself") << QStringLiteral("/media/anna/My Passport") << QStringLiteral("/media/anna/My Passport");
    QTest::newRow("inside volume") << QStringLiteral("/media/anna/My Passport/dl/x")
                                   << QStringLiteral("/media/anna/My Passport");
    QTest::newRow("nested wins") << QStringLiteral("/media/anna/My Passport/inner/dl")
                                 << QStringLiteral("/media/anna/My Passport/inner");
    QTest::newRow("not a component") << QStringLiteral("/media/anna/My Passport2/dl") << QStringLiteral("/");
    QTest::newRow("bind mount") << QStringLiteral("/srv/downloads/a") << QStringLiteral("/srv/downloads");
    QTest::newRow("home") << QStringLiteral("/home/anna") << QStringLiteral("/home");
}

void TestMountInfo::longestPrefix()
{
    QFETCH(QString, path);
    QFETCH(QString, root);
    const QStringList points = pointsOf(storage::parseMountInfo(fixture("desktop.txt")));
    QCOMPARE(storage::longestMountPrefix(points, path), root);
}

void TestMountInfo::rescanReportsChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString table = dir.filePath(QStringLiteral("mountinfo"));
    auto write = [&](const QByteArray &data) {
        QFile f(table);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    };
    QVERIFY(write(fixture("desktop.txt")));
    storage::MountInfoMonitor monitor(table);
    QVERIFY(!monitor.isWatching()); // a fixture: rescan() by hand
    const QString passport = QStringLiteral("/media/anna/My Passport");
    QVERIFY(monitor.isAvailable(passport));
    QCOMPARE(monitor.mountRootOf(passport + QStringLiteral("/never/created")), passport);
    QSignalSpy spy(&monitor, &storage::StorageMonitor::availabilityChanged);

    monitor.rescan(); // the same table: nothing to say
    QCOMPARE(spy.count(), 0);
    QVERIFY(write(fixture("unplugged.txt")));
    monitor.rescan();
    QMap<QString, bool> events;
    for (const QList<QVariant> &args : spy)
        events.insert(args[0].toString(), args[1].toBool());
    const QMap<QString, bool> expected{{passport, false},
                                       {passport + QStringLiteral("/inner"), false},
                                       {QStringLiteral("/media/anna/NEWDISK"), true}};
    QCOMPARE(events, expected);
    QVERIFY(!monitor.isAvailable(passport));
    QCOMPARE(monitor.mountRootOf(passport + QStringLiteral("/dl")), QStringLiteral("/"));

    // An unreadable table is not "every volume gone".
    spy.clear();
    QVERIFY(QFile::remove(table));
    monitor.rescan();
    QCOMPARE(spy.count(), 0);
    QVERIFY(monitor.isAvailable(QStringLiteral("/media/anna/NEWDISK")));
}

QTEST_GUILESS_MAIN(TestMountInfo)
#include "tst_mountinfo.moc"
