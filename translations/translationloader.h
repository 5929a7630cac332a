#pragma once
// Picks the interface language and installs Swarmscope's and Qt's own catalogues for it.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace swarmscope::i18n {

// The language the interface should speak: `setting` (a locale name such as "de_DE", from
// AppSettings::language()) when it names one, the system's otherwise.
QLocale interfaceLocale(const QString &setting);

struct InstalledCatalogues {
    bool swarmscope = false; // our catalogue, embedded under :/i18n
    bool qt = false;         // qtbase_<lang>.qm from Qt's translations folder (standard buttons, ...)
};

// Installs the catalogues for `locale` into `app`; must run before the first widget is made, since
// widgets translate their texts when they are built. English needs none and installs nothing.
InstalledCatalogues installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace swarmscope::i18n
