#include "settings/settingsvalidation.h"

#include <QCoreApplication>

namespace swarmscope::ui::settingsvalidation {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SettingsValidation", text);
}

bool isHostName(QStringView host)
{
    if (host.isEmpty() || host.size() > 253 || host.startsWith(u'.') || host.endsWith(u'.'))
        return false;
    for (const QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (const QChar c : label) {
            // ASCII only: an internationalized name must be given in its "xn--" form.
            if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == u'-'))
                return false;
        }
    }
    return true;
}

} // namespace

bool isValidNode(const QString &node, QString *error)
{
    const QString trimmed = node.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (colon <= 0)
        return fail(tr("“%1” is not host:port.").arg(trimmed));
    QStringView host = QStringView(trimmed).left(colon);
    const QStringView portText = QStringView(trimmed).sliced(colon + 1);
    bool ok = !portText.isEmpty() && portText.size() <= 5;
    for (const QChar c : portText)
        ok = ok && c >= u'0' && c <= u'9'; // toUInt alone would take "+1" or " 1"
    const uint port = ok ? portText.toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return fail(tr("“%1” needs a port from 1 to 65535.").arg(trimmed));
    if (host.startsWith(u'[')) {
        if (!host.endsWith(u']'))
            return fail(tr("“%1”: an IPv6 address needs a closing bracket.").arg(trimmed));
        const QHostAddress address(host.sliced(1, host.size() - 2).toString());
        if (address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(tr("“%1” is not an IPv6 address in brackets.").arg(trimmed));
        return true;
    }
    if (host.contains(u':'))
        return fail(tr("“%1”: write an IPv6 address in brackets, as [address]:port.").arg(trimmed));
    if (!isHostName(host))
        return fail(tr("“%1” is not a valid host name or address.").arg(trimmed));
    return true;
}

std::optional<QStringList> parseNodeList(const QString &text, QString *error)
{
    QStringList nodes;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        QString why;
        if (!isValidNode(line, &why)) {
            if (error)
                *error = tr("Line %1: %2").arg(i + 1).arg(why);
            return std::nullopt;
        }
        nodes << line;
    }
    return nodes;
}

std::optional<QHostAddress> parseListenAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::Any);
    QHostAddress address;
    if (!address.setAddress(trimmed))
        return std::nullopt;
    return address;
}

QString listenAddressText(const QHostAddress &address)
{
    // QHostAddress::Any prints as "::", which would read back as IPv6 only.
    if (address == QHostAddress(QHostAddress::Any) && address.protocol() == QAbstractSocket::AnyIPProtocol)
        return QStringLiteral("any");
    return address.toString();
}

} // namespace swarmscope::ui::settingsvalidation
