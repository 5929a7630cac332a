// Nothing a torrent says may make us write outside the save folder, or hide what a file is.
#include "metainfo/pathsanitizer.h"

#include <QTest>

using namespace swarmscope::metainfo;

class TestPathSanitizer : public QObject {
    Q_OBJECT
private slots:
    void components_data();
    void components();
    void paths_data();
    void paths();
    void longNamesKeepExtension();
    void longNamesCutOnCharacterBoundary();
    void invalidUtf8();
    void insideFolder_data();
    void insideFolder();
};

void TestPathSanitizer::components_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("changed");
    QTest::newRow("plain") << QStringLiteral("file.txt") << QStringLiteral("file.txt") << false;
    QTest::newRow("unicode kept") << QStringLiteral("Ünïcödé 日本.mkv") << QStringLiteral("Ünïcödé 日本.mkv") << false;
    QTest::newRow("dot") << QStringLiteral(".") << QString() << true;
    QTest::newRow("dot dot") << QStringLiteral("..") << QString() << true;
    QTest::newRow("dots only") << QStringLiteral("...") << QString() << true;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("hidden file kept") << QStringLiteral(".hidden") << QStringLiteral(".hidden") << false;
    QTest::newRow("slash inside") << QStringLiteral("a/b") << QStringLiteral("a_b") << true;
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("_etc_passwd") << true;
    QTest::newRow("backslash") << QStringLiteral("..\\..\\x") << QStringLiteral(".._.._x") << true;
    QTest::newRow("nul") << QString::fromUtf16(u"a\0b", 3) << QStringLiteral("a_b") << true;
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("a_b") << true;
    QTest::newRow("escape") << QStringLiteral("a\x1b[31mb") << QStringLiteral("a_[31mb") << true;
    QTest::newRow("delete") << QStringLiteral("a\x7f") << QStringLiteral("a_") << true;
    QTest::newRow("c1 control") << QString(QStringLiteral("a") + QChar(0x85)) << QStringLiteral("a_") << true;
    QTest::newRow("rtl override") << QString(QStringLiteral("invoice") + QChar(0x202E) + QStringLiteral("fdp.exe"))
                                  << QStringLiteral("invoicefdp.exe") << true;
    QTest::newRow("zero width") << QString(QStringLiteral("a") + QChar(0x200B) + QStringLiteral("b"))
                                << QStringLiteral("ab") << true;
    QTest::newRow("bom") << QString(QChar(0xFEFF) + QStringLiteral("x")) << QStringLiteral("x") << true;
    QTest::newRow("trailing dot") << QStringLiteral("name.") << QStringLiteral("name") << true;
    QTest::newRow("trailing space") << QStringLiteral("name ") << QStringLiteral("name") << true;
    QTest::newRow("CON") << QStringLiteral("CON") << QStringLiteral("_CON") << true;
    QTest::newRow("con.txt") << QStringLiteral("con.txt") << QStringLiteral("_con.txt") << true;
    QTest::newRow("nul.tar.gz") << QStringLiteral("nul.tar.gz") << QStringLiteral("_nul.tar.gz") << true;
    QTest::newRow("COM1") << QStringLiteral("COM1") << QStringLiteral("_COM1") << true;
    QTest::newRow("lpt9.log") << QStringLiteral("lpt9.log") << QStringLiteral("_lpt9.log") << true;
    QTest::newRow("COM0 allowed") << QStringLiteral("COM0") << QStringLiteral("COM0") << false;
    QTest::newRow("CONSOLE allowed") << QStringLiteral("CONSOLE") << QStringLiteral("CONSOLE") << false;
}

void TestPathSanitizer::components()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, changed);
    bool wasChanged = !changed;
    QCOMPARE(sanitizeComponent(input, &wasChanged), expected);
    QCOMPARE(wasChanged, changed);
    // The byte form agrees for valid UTF-8.
    QCOMPARE(sanitizeComponent(input.toUtf8()), expected);
}

void TestPathSanitizer::paths_data()
{
    QTest::addColumn<QList<QByteArray>>("components");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nested") << QList<QByteArray>{"a", "b", "c.txt"} << QStringLiteral("a/b/c.txt");
    QTest::newRow("climb out") << QList<QByteArray>{"..", "..", "etc", "passwd"} << QStringLiteral("etc/passwd");
    QTest::newRow("climb inside") << QList<QByteArray>{"a", "..", "b"} << QStringLiteral("a/b");
    QTest::newRow("empty components") << QList<QByteArray>{"", "a", "", "b"} << QStringLiteral("a/b");
    QTest::newRow("absolute first") << QList<QByteArray>{"/", "x"} << QStringLiteral("_/x");
    QTest::newRow("nothing left") << QList<QByteArray>{"..", ".", ""} << QString();
}

void TestPathSanitizer::paths()
{
    QFETCH(QList<QByteArray>, components);
    QFETCH(QString, expected);
    const QString result = sanitizePath(components);
    QCOMPARE(result, expected);
    if (!result.isEmpty())
        QVERIFY(isInsideFolder(QStringLiteral("/srv/save"), result));
}

void TestPathSanitizer::longNamesKeepExtension()
{
    const QString longName = QString(300, QLatin1Char('a')) + QStringLiteral(".mkv");
    const QString out = sanitizeComponent(longName);
    QCOMPARE(out.toUtf8().size(), kMaxComponentBytes);
    QVERIFY(out.endsWith(QLatin1String(".mkv")));
    // An "extension" too long to be one is cut like the rest.
    const QString noExt = QStringLiteral("x.") + QString(300, QLatin1Char('b'));
    QCOMPARE(sanitizeComponent(noExt).toUtf8().size(), kMaxComponentBytes);
}

void TestPathSanitizer::longNamesCutOnCharacterBoundary()
{
    // 100 three-byte characters and 100 four-byte ones (surrogate pairs in UTF-16).
    QString s;
    for (int i = 0; i < 100; ++i)
        s += QChar(0x65E5);
    for (int i = 0; i < 100; ++i)
        s += QString::fromUcs4(U"\U0001F600", 1);
    const QString out = sanitizeComponent(s);
    const QByteArray utf8 = out.toUtf8();
    QVERIFY(utf8.size() <= kMaxComponentBytes);
    QVERIFY(utf8.size() > kMaxComponentBytes - 4);
    QCOMPARE(QString::fromUtf8(utf8), out); // valid UTF-8, no half characters
    QVERIFY(!out.back().isHighSurrogate());
}

void TestPathSanitizer::invalidUtf8()
{
    bool changed = false;
    const QString out = sanitizeComponent(QByteArray("caf\xe9.txt"), &changed);
    QVERIFY(changed);
    QCOMPARE(out, QStringLiteral("caf_.txt"));
    QVERIFY(!sanitizeComponent(QByteArray("\xff\xfe")).contains(QChar(0xFFFD)));
}

void TestPathSanitizer::insideFolder_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("inside");
    QTest::newRow("simple") << QStringLiteral("/data") << QStringLiteral("a/b") << true;
    QTest::newRow("climbs") << QStringLiteral("/data") << QStringLiteral("../x") << false;
    QTest::newRow("climbs back in") << QStringLiteral("/data") << QStringLiteral("a/../b") << true;
    QTest::newRow("sibling prefix") << QStringLiteral("/data") << QStringLiteral("../data2/x") << false;
    QTest::newRow("absolute") << QStringLiteral("/data") << QStringLiteral("/etc/passwd") << false;
    QTest::newRow("empty") << QStringLiteral("/data") << QString() << false;
    QTest::newRow("the root itself") << QStringLiteral("/data") << QStringLiteral(".") << false;
    QTest::newRow("colon name (not a Qt resource)") << QStringLiteral("/data") << QStringLiteral(":pr/a.txt") << true;
    QTest::newRow("filesystem root") << QStringLiteral("/") << QStringLiteral("x") << true;
    QTest::newRow("root with slash") << QStringLiteral("/data/") << QStringLiteral("x") << true;
}

void TestPathSanitizer::insideFolder()
{
    QFETCH(QString, root);
    QFETCH(QString, relative);
    QFETCH(bool, inside);
    QCOMPARE(isInsideFolder(root, relative), inside);
}

QTEST_GUILESS_MAIN(TestPathSanitizer)
#include "tst_pathsanitizer.moc"
