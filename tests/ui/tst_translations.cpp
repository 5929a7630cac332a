// The German and French catalogues: they are embedded and load, known strings come out translated
// (with the right plural forms), and every message of the .ts files is finished and keeps its
// placeholders, accelerators and ellipses.
#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace swarmscope;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;              // the translation's type attribute: "", "unfinished", "vanished", ...
    QStringList translations;  // one, or the numerus forms
};

QString tsPath(const QString &language)
{
    return QDir(QStringLiteral(SWARMSCOPE_TEST_DATA "/../../translations"))
        .filePath(QStringLiteral("swarmscope_%1.ts").arg(language));
}

// A small reader for the parts of the TS format we check; nested <numerusform>s hold the plural forms.
QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message current;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                current = Message{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                                  {}, {}};
            else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("comment"))
                current.comment = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform"))
                current.translations << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// %1..%9, %L1.. and %n: what QString::arg() and tr()'s plural handling replace.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[1-9n]"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// The accelerator letters of a text ("&&" is a literal ampersand, not one).
QString accelerators(const QString &text)
{
    QString letters;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            letters += text.at(i + 1).toLower();
        ++i;
    }
    return letters;
}

QString describe(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
}

// Contexts whose accelerated texts all sit in one menu or one tab bar: their letters must differ.
const QStringList kOneMenuContexts = {
    QStringLiteral("swarmscope::ui::TorrentActions"), QStringLiteral("swarmscope::ui::TrayIcon"),
    QStringLiteral("swarmscope::ui::DetailsPanel"),   QStringLiteral("swarmscope::ui::FilesTab"),
    QStringLiteral("swarmscope::ui::TrackersTab"),    QStringLiteral("swarmscope::ui::RateLimitsDialog"),
};
const QStringList kMenuBar = {QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Torrent"),
                              QStringLiteral("&View"), QStringLiteral("&Help")};

} // namespace

class tst_Translations : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void languages_data();
    void cataloguesLoad_data() { languages_data(); }
    void cataloguesLoad();
    void knownStrings_data();
    void knownStrings();
    void pluralForms_data();
    void pluralForms();
    void everyMessageFinished_data() { languages_data(); }
    void everyMessageFinished();
    void placeholdersKept_data() { languages_data(); }
    void placeholdersKept();
    void acceleratorsAndEllipses_data() { languages_data(); }
    void acceleratorsAndEllipses();
    void interfaceLocale();
    void installFollowsLocale();
};

void tst_Translations::cleanup()
{
    // installFollowsLocale installs translators into the application: take them out again.
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void tst_Translations::languages_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void tst_Translations::cataloguesLoad()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/swarmscope_%1.qm").arg(language)));
    QVERIFY(!translator.isEmpty());
    QCOMPARE(translator.language().left(2), language);
}

void tst_Translations::knownStrings_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const QString mainWindow = QStringLiteral("swarmscope::ui::MainWindow");
    const QString listModel = QStringLiteral("swarmscope::ui::TorrentListModel");
    const QString peers = QStringLiteral("swarmscope::ui::PeersModel");
    QTest::newRow("de File menu") << QStringLiteral("de") << mainWindow << QStringLiteral("&File") << QStringLiteral("&Datei");
    QTest::newRow("de View menu") << QStringLiteral("de") << mainWindow << QStringLiteral("&View") << QStringLiteral("&Ansicht");
    QTest::newRow("de Help menu") << QStringLiteral("de") << mainWindow << QStringLiteral("&Help") << QStringLiteral("&Hilfe");
    QTest::newRow("de seeding") << QStringLiteral("de") << listModel << QStringLiteral("Seeding") << QStringLiteral("Verteilen");
    QTest::newRow("de peer choking") << QStringLiteral("de") << peers << QStringLiteral("Peer choking")
                                     << QStringLiteral("Peer drosselt");
    QTest::newRow("fr File menu") << QStringLiteral("fr") << mainWindow << QStringLiteral("&File") << QStringLiteral("&Fichier");
    QTest::newRow("fr View menu") << QStringLiteral("fr") << mainWindow << QStringLiteral("&View") << QStringLiteral("&Affichage");
    QTest::newRow("fr Help menu") << QStringLiteral("fr") << mainWindow << QStringLiteral("&Help") << QStringLiteral("Aid&e");
    QTest::newRow("fr seeding") << QStringLiteral("fr") << listModel << QStringLiteral("Seeding") << QStringLiteral("En partage");
    QTest::newRow("fr peers column") << QStringLiteral("fr") << listModel << QStringLiteral("Peers") << QStringLiteral("Pairs");
}

void tst_Translations::knownStrings()
{
    QFETCH(QString, language);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/swarmscope_%1.qm").arg(language)));
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), expected);
}

void tst_Translations::pluralForms_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    // French counts 0 as singular, German does not.
    QTest::newRow("de 0") << QStringLiteral("de") << 0 << QStringLiteral("DHT: 0 Knoten");
    QTest::newRow("fr 0") << QStringLiteral("fr") << 0 << QStringLiteral("DHT\u00a0: 0 nœud");
    QTest::newRow("fr 1") << QStringLiteral("fr") << 1 << QStringLiteral("DHT\u00a0: 1 nœud");
    QTest::newRow("fr 2") << QStringLiteral("fr") << 2 << QStringLiteral("DHT\u00a0: 2 nœuds");
}

void tst_Translations::pluralForms()
{
    QFETCH(QString, language);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/swarmscope_%1.qm").arg(language)));
    // QTranslator picks the form; replacing %n is tr()'s job, done here as tr() would.
    QString text = translator.translate("swarmscope::ui::StatusBarPanel", "DHT: %n node(s)", nullptr, n);
    QVERIFY(!text.isEmpty());
    text.replace(QLatin1String("%n"), QString::number(n));
    QCOMPARE(text, expected);

    const char *remove = "Remove the %n selected torrents from the list?";
    const QString one = translator.translate("swarmscope::ui::TorrentActions", remove, nullptr, 1);
    const QString many = translator.translate("swarmscope::ui::TorrentActions", remove, nullptr, 3);
    QVERIFY(!one.isEmpty());
    QVERIFY2(one != many, qPrintable(one));
}

void tst_Translations::everyMessageFinished()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100); // the whole interface, not a stub file
    for (const Message &m : messages) {
        QVERIFY2(m.type.isEmpty(), qPrintable(describe(m) + QStringLiteral(" is ") + m.type));
        QCOMPARE(m.translations.size(), m.numerus ? 2 : 1); // de and fr both have two plural forms
        for (const QString &t : m.translations)
            QVERIFY2(!t.trimmed().isEmpty() || m.source.trimmed().isEmpty(), qPrintable(describe(m)));
    }
}

void tst_Translations::placeholdersKept()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Message &m : messages) {
        const QSet<QString> expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            QVERIFY2(placeholders(t) == expected,
                     qPrintable(describe(m) + QStringLiteral(" -> \"") + t + QLatin1Char('"')));
        }
    }
}

void tst_Translations::acceleratorsAndEllipses()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QString, QString> lettersByContext;
    QString menuBar;
    for (const Message &m : messages) {
        for (const QString &t : m.translations) {
            const QString what = describe(m) + QStringLiteral(" -> \"") + t + QLatin1Char('"');
            QVERIFY2(accelerators(t).size() == accelerators(m.source).size(), qPrintable(what));
            QVERIFY2(t.endsWith(QChar(0x2026)) == m.source.endsWith(QChar(0x2026)), qPrintable(what));
            if (kOneMenuContexts.contains(m.context))
                lettersByContext[m.context] += accelerators(t);
            if (m.context == QLatin1String("swarmscope::ui::MainWindow") && kMenuBar.contains(m.source))
                menuBar += accelerators(t);
        }
    }
    lettersByContext.insert(QStringLiteral("menu bar"), menuBar);
    QCOMPARE(menuBar.size(), kMenuBar.size());
    for (auto it = lettersByContext.cbegin(); it != lettersByContext.cend(); ++it) {
        const QString &letters = it.value();
        for (qsizetype i = 0; i < letters.size(); ++i)
            QVERIFY2(letters.indexOf(letters.at(i), i + 1) < 0,
                     qPrintable(it.key() + QStringLiteral(": '") + letters.at(i) + QStringLiteral("' twice in ") + letters));
    }
}

void tst_Translations::interfaceLocale()
{
    QCOMPARE(i18n::interfaceLocale(QString()), QLocale::system());
    QCOMPARE(i18n::interfaceLocale(QStringLiteral("fr_FR")).language(), QLocale::French);
    QCOMPARE(i18n::interfaceLocale(QStringLiteral("de")).language(), QLocale::German);
    // A name no locale answers to: the system's language, not the untranslated C locale.
    QCOMPARE(i18n::interfaceLocale(QStringLiteral("zz_nonsense")), QLocale::system());
}

void tst_Translations::installFollowsLocale()
{
    // English: the sources are English, so there is no catalogue of ours to install.
    QVERIFY(!i18n::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)).swarmscope);
    QCOMPARE(QCoreApplication::translate("swarmscope::ui::MainWindow", "&File"), QStringLiteral("&File"));

    // Austrian German falls back to the German catalogue.
    const i18n::InstalledCatalogues installed =
        i18n::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Austria));
    QVERIFY(installed.swarmscope);
    const bool qtCatalogue = QFile::exists(
        QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_de.qm")));
    QCOMPARE(installed.qt, qtCatalogue);
    QCOMPARE(QCoreApplication::translate("swarmscope::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
    if (qtCatalogue)
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
