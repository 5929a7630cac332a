#include "cli/args.h"

namespace swarmscope::cli {

QString Args::parse(const QStringList &args)
{
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (optionsEnded || arg == u"-" || !arg.startsWith(u'-')) {
            m_positional << arg;
            continue;
        }
        if (arg == u"--") {
            optionsEnded = true;
            continue;
        }
        QString name = arg;
        std::optional<QString> inlineValue;
        if (const qsizetype eq = arg.indexOf(u'='); arg.startsWith(u"--") && eq > 0) {
            name = arg.left(eq);
            inlineValue = arg.mid(eq + 1);
        }
        if (m_flags.contains(name)) {
            if (inlineValue)
                return QStringLiteral("option %1 takes no value").arg(name);
            m_seen.insert(name);
            continue;
        }
        if (!m_options.contains(name))
            return QStringLiteral("unknown option '%1'").arg(name);
        QString value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (i + 1 >= args.size())
                return QStringLiteral("option %1 needs a value").arg(name);
            value = args[++i];
        }
        m_seen.insert(name);
        m_values[name] << value;
    }
    return {};
}

std::optional<quint16> Args::port(const QString &name, QString *error) const
{
    bool ok = false;
    const uint p = value(name).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("%1 wants a port number from 0 to 65535, not '%2'").arg(name, value(name));
        return std::nullopt;
    }
    return quint16(p);
}

std::optional<qint64> Args::kibPerSecond(const QString &name, QString *error) const
{
    bool ok = false;
    const qint64 kib = value(name).toLongLong(&ok);
    if (!ok || kib < 0 || kib > (qint64(1) << 40)) {
        *error = QStringLiteral("%1 wants KiB/s as a whole number (0 = unlimited), not '%2'").arg(name, value(name));
        return std::nullopt;
    }
    return kib * 1024;
}

std::optional<std::pair<QString, quint16>> parseHostPort(const QString &text)
{
    QString host;
    QString portText;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text[close + 1] != u':')
            return std::nullopt;
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0 || text.indexOf(u':') != colon)
            return std::nullopt;
        host = text.left(colon);
        portText = text.mid(colon + 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535 || host.isEmpty())
        return std::nullopt;
    return std::make_pair(host, quint16(port));
}

} // namespace swarmscope::cli
