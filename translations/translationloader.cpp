#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace swarmscope::i18n {

namespace {

// QTranslator::load(QLocale, ...) tries each of the locale's UI languages in turn (de_AT, de, ...),
// so an Austrian system gets the German catalogue.
bool install(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &folder)
{
    auto translator = std::make_unique<QTranslator>(&app);
    if (!translator->load(locale, name, QStringLiteral("_"), folder))
        return false;
    app.installTranslator(translator.release()); // owned by app from here on
    return true;
}

} // namespace

QLocale interfaceLocale(const QString &setting)
{
    if (setting.isEmpty())
        return QLocale::system();
    const QLocale chosen(setting);
    // An unknown name gives the C locale: fall back to the system rather than to untranslated text.
    return chosen.language() == QLocale::C ? QLocale::system() : chosen;
}

InstalledCatalogues installTranslations(QCoreApplication &app, const QLocale &locale)
{
    InstalledCatalogues result;
    result.swarmscope = install(app, locale, QStringLiteral("swarmscope"), QStringLiteral(":/i18n"));
    result.qt = install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return result;
}

} // namespace swarmscope::i18n
