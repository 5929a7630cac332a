// A small argument parser for the verbs: options and positionals in any order, "--opt value"
// or "--opt=value", repeatable options, "--" ends the options. Errors are one line.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::cli {

class Args {
public:
    // `flags` take no value; `options` take one (and may repeat).
    Args(const QStringList &flags, const QStringList &options) : m_flags(flags), m_options(options) {}

    // Returns an error message, empty on success.
    QString parse(const QStringList &args);

    bool has(const QString &name) const { return m_seen.contains(name); }
    QString value(const QString &name) const { return m_values.value(name).value(0); }
    QStringList values(const QString &name) const { return m_values.value(name); }
    const QStringList &positional() const { return m_positional; }

    // Typed readers: nullopt and an error message when the value is malformed.
    std::optional<quint16> port(const QString &name, QString *error) const;
    std::optional<qint64> kibPerSecond(const QString &name, QString *error) const; // returns bytes/s

private:
    QStringList m_flags;
    QStringList m_options;
    QSet<QString> m_seen;
    QHash<QString, QStringList> m_values;
    QStringList m_positional;
};

// "host:port", "[v6]:port" -> address text and port; nullopt when malformed.
std::optional<std::pair<QString, quint16>> parseHostPort(const QString &text);

} // namespace swarmscope::cli
