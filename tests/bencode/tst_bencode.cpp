// Bencode reader and writer: round trips, every rejection rule, limits and source spans.
#include "bencode/reader.h"
#include "bencode/writer.h"

#include <QTest>

using namespace swarmscope::bencode;

class TestBencode : public QObject {
    Q_OBJECT

private slots:
    void validValues_data();
    void validValues();
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void unsortedKeysAccepted();
    void sourceSpans();
    void depthLimit();
    void itemLimit();
    void sizeLimit();
    void hugeStringLengthDoesNotAllocate();
    void decodePrefixStopsAfterValue();
    void writerSortsKeys();
    void writerEncodesBinaryStrings();
    void findHelpers();
};

void TestBencode::validValues_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("type");
    QTest::newRow("zero") << QByteArray("i0e") << int(Value::Type::IntegerType);
    QTest::newRow("negative") << QByteArray("i-42e") << int(Value::Type::IntegerType);
    QTest::newRow("int64 max") << QByteArray("i9223372036854775807e") << int(Value::Type::IntegerType);
    QTest::newRow("int64 min+1") << QByteArray("i-9223372036854775807e") << int(Value::Type::IntegerType);
    QTest::newRow("empty string") << QByteArray("0:") << int(Value::Type::StringType);
    QTest::newRow("string") << QByteArray("4:spam") << int(Value::Type::StringType);
    QTest::newRow("empty list") << QByteArray("le") << int(Value::Type::ListType);
    QTest::newRow("nested list") << QByteArray("lli1eee") << int(Value::Type::ListType);
    QTest::newRow("empty dict") << QByteArray("de") << int(Value::Type::DictType);
    QTest::newRow("dict") << QByteArray("d3:cow3:moo4:spam4:eggse") << int(Value::Type::DictType);
}

void TestBencode::validValues()
{
    QFETCH(QByteArray, input);
    QFETCH(int, type);
    DecodeError error;
    auto v = decode(input, &error);
    QVERIFY2(v.has_value(), qPrintable(error.toString()));
    QCOMPARE(int(v->type()), type);
    QCOMPARE(encode(*v), input);
}

void TestBencode::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("mixed") << QByteArray("d4:infod6:lengthi12e4:name5:a.txte4:listl1:ai-1edeee");
    QByteArray binary("5:");
    binary.append('\0').append('\xff').append('\x01').append('e').append(':');
    QTest::newRow("binary string") << binary;
    QTest::newRow("deep") << QByteArray("lllllllllli7eeeeeeeeeee");
}

void TestBencode::roundTrip()
{
    QFETCH(QByteArray, input);
    auto v = decode(input);
    QVERIFY(v);
    QCOMPARE(encode(*v), input);
    auto again = decode(encode(*v));
    QVERIFY(again);
    QVERIFY(*again == *v);
}

void TestBencode::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty input") << QByteArray() << qsizetype(0) << QStringLiteral("end of input");
    QTest::newRow("leading zero int") << QByteArray("i03e") << qsizetype(1) << QStringLiteral("leading zero");
    QTest::newRow("leading zero neg") << QByteArray("i-03e") << qsizetype(2) << QStringLiteral("leading zero");
    QTest::newRow("negative zero") << QByteArray("i-0e") << qsizetype(1) << QStringLiteral("negative zero");
    QTest::newRow("empty int") << QByteArray("ie") << qsizetype(1) << QStringLiteral("no digits");
    QTest::newRow("minus only") << QByteArray("i-e") << qsizetype(2) << QStringLiteral("no digits");
    QTest::newRow("int overflow") << QByteArray("i9223372036854775808e") << qsizetype(1) << QStringLiteral("64 bits");
    QTest::newRow("unterminated int") << QByteArray("i12") << qsizetype(3) << QStringLiteral("end of input");
    QTest::newRow("int bad char") << QByteArray("i1x2e") << qsizetype(2) << QStringLiteral("instead of 'e'");
    QTest::newRow("leading zero length") << QByteArray("04:spam") << qsizetype(0) << QStringLiteral("leading zero");
    QTest::newRow("string too long") << QByteArray("10:abc") << qsizetype(0) << QStringLiteral("runs past the end");
    QTest::newRow("length no colon") << QByteArray("4spam") << qsizetype(1) << QStringLiteral("instead of ':'");
    QTest::newRow("negative length") << QByteArray("-1:a") << qsizetype(0) << QStringLiteral("unexpected byte");
    QTest::newRow("unterminated list") << QByteArray("li1e") << qsizetype(4) << QStringLiteral("unterminated list");
    QTest::newRow("unterminated dict") << QByteArray("d1:ai1e") << qsizetype(7) << QStringLiteral("unterminated dictionary");
    QTest::newRow("dict key missing value") << QByteArray("d1:a") << qsizetype(4) << QStringLiteral("has no value");
    QTest::newRow("int key") << QByteArray("di1ei2ee") << qsizetype(1) << QStringLiteral("not a string");
    QTest::newRow("list key") << QByteArray("dle1:ae") << qsizetype(1) << QStringLiteral("not a string");
    QTest::newRow("duplicate key") << QByteArray("d1:ai1e1:ai2ee") << qsizetype(7) << QStringLiteral("duplicate");
    QTest::newRow("duplicate unsorted key") << QByteArray("d1:bi1e1:ai2e1:bi3ee") << qsizetype(13) << QStringLiteral("duplicate");
    QTest::newRow("trailing bytes") << QByteArray("i1ei2e") << qsizetype(3) << QStringLiteral("unexpected bytes after");
    QTest::newRow("garbage") << QByteArray("x") << qsizetype(0) << QStringLiteral("unexpected byte 0x78");
    QTest::newRow("end marker alone") << QByteArray("e") << qsizetype(0) << QStringLiteral("unexpected byte");
}

void TestBencode::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, messagePart);
    DecodeError error;
    auto v = decode(input, &error);
    QVERIFY(!v.has_value());
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.toString()));
    QCOMPARE(error.offset, offset);
}

void TestBencode::unsortedKeysAccepted()
{
    DecodeInfo info;
    auto v = decode("d1:bi1e1:ai2ee", nullptr, {}, &info);
    QVERIFY(v);
    QVERIFY(info.unsortedKeys);
    QCOMPARE(*v->findInteger("a"), 2);
    QCOMPARE(*v->findInteger("b"), 1);
    // The canonical writer sorts them again.
    QCOMPARE(encode(*v), QByteArray("d1:ai2e1:bi1ee"));

    DecodeInfo sortedInfo;
    QVERIFY(decode("d1:ai2e1:bi1ee", nullptr, {}, &sortedInfo));
    QVERIFY(!sortedInfo.unsortedKeys);
}

void TestBencode::sourceSpans()
{
    const QByteArray input("d4:infod1:xi5ee4:zzzz3:abce");
    auto v = decode(input);
    QVERIFY(v);
    QCOMPARE(v->source().begin, 0);
    QCOMPARE(v->source().end, input.size());
    const Value *info = v->find("info");
    QVERIFY(info);
    QCOMPARE(input.mid(info->source().begin, info->source().size()), QByteArray("d1:xi5ee"));
    const Value *zzzz = v->find("zzzz");
    QCOMPARE(input.mid(zzzz->source().begin, zzzz->source().size()), QByteArray("3:abc"));
    // Values built in code have no source.
    QVERIFY(!Value(1).source().isValid());
}

void TestBencode::depthLimit()
{
    Limits limits;
    limits.maxDepth = 10;
    const QByteArray ok = QByteArray(10, 'l') + QByteArray(10, 'e');
    QVERIFY(decode(ok, nullptr, limits));
    DecodeError error;
    const QByteArray deep = QByteArray(11, 'l') + QByteArray(11, 'e');
    QVERIFY(!decode(deep, &error, limits));
    QVERIFY(error.message.contains(QLatin1String("nesting")));
    QCOMPARE(error.offset, 10);

    // Far deeper than any stack could take: rejected at the default limit without recursing.
    const QByteArray hostile = QByteArray(1'000'000, 'l') + QByteArray(1'000'000, 'e');
    QVERIFY(!decode(hostile, &error));
    QCOMPARE(error.offset, Limits{}.maxDepth);
}

void TestBencode::itemLimit()
{
    Limits limits;
    limits.maxItems = 5;
    QVERIFY(decode("li1ei2ei3ei4ee", nullptr, limits)); // 5 values: the list and four integers
    DecodeError error;
    QVERIFY(!decode("li1ei2ei3ei4ei5ee", &error, limits));
    QVERIFY(error.message.contains(QLatin1String("too many values")));
    // Dictionary keys count as values too.
    QVERIFY(!decode("d1:ai1e1:bi2e1:ci3ee", &error, limits));
}

void TestBencode::sizeLimit()
{
    Limits limits;
    limits.maxInputSize = 8;
    DecodeError error;
    QVERIFY(decode("4:spam", nullptr, limits));
    QVERIFY(!decode("9:123456789", &error, limits));
    QVERIFY(error.message.contains(QLatin1String("larger than the limit")));
}

void TestBencode::hugeStringLengthDoesNotAllocate()
{
    DecodeError error;
    QVERIFY(!decode("9223372036854775807:x", &error));
    QVERIFY(error.message.contains(QLatin1String("runs past the end")));
    QVERIFY(!decode("99999999999999999999:x", &error));
    QVERIFY(error.message.contains(QLatin1String("64 bits")));
}

void TestBencode::decodePrefixStopsAfterValue()
{
    const QByteArray input = QByteArray("d8:msg_typei1e5:piecei0ee") + QByteArray("RAWDATA");
    qsizetype offset = 0;
    auto v = decodePrefix(input, offset);
    QVERIFY(v);
    QCOMPARE(input.mid(offset), QByteArray("RAWDATA"));
    QCOMPARE(*v->findInteger("msg_type"), 1);
}

void TestBencode::writerSortsKeys()
{
    Dict d;
    d["zeta"] = Value(1);
    d["alpha"] = Value("x");
    d["\xff"] = Value(List{});
    d["Beta"] = Value(Dict{});
    QCOMPARE(encode(Value(d)), QByteArray("d4:Betade5:alpha1:x4:zetai1e1:\xff" "lee"));
}

void TestBencode::writerEncodesBinaryStrings()
{
    QByteArray s;
    for (int i = 0; i < 256; ++i)
        s.append(static_cast<char>(i));
    const QByteArray encoded = encode(Value(s));
    QVERIFY(encoded.startsWith("256:"));
    auto v = decode(encoded);
    QVERIFY(v);
    QCOMPARE(v->string(), s);
    QCOMPARE(encode(Value(Integer(-9223372036854775807LL - 1))), QByteArray("i-9223372036854775808e"));
}

void TestBencode::findHelpers()
{
    auto v = decode("d1:ai1e1:b1:x1:cle1:ddee");
    QVERIFY(v);
    QVERIFY(v->findInteger("a"));
    QVERIFY(!v->findInteger("b"));
    QVERIFY(v->findString("b"));
    QVERIFY(v->findList("c"));
    QVERIFY(v->findDict("d"));
    QVERIFY(!v->find("missing"));
    QVERIFY(!Value(1).find("a"));
}

QTEST_GUILESS_MAIN(TestBencode)
#include "tst_bencode.moc"
