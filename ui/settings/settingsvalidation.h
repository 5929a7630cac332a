// Checks for settings typed as text, shared by the settings dialog and AppSettings (which must
// not hand the engine a value the dialog would have refused).
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::ui::settingsvalidation {

// "host:port" with a port of 1..65535; the host a name (letters, digits, '-', '.') or an IP
// address, IPv6 in brackets: "[2001:db8::1]:6881". Surrounding whitespace is ignored.
bool isValidNode(const QString &node, QString *error = nullptr);

// One node per line; blank lines are skipped. On a bad line, nullopt and an error naming it.
std::optional<QStringList> parseNodeList(const QString &text, QString *error = nullptr);

// An address to listen on: empty or "any" for every interface (IPv4 and IPv6), else an IP
// address. Host names are refused: a socket binds to addresses.
std::optional<QHostAddress> parseListenAddress(const QString &text);
// The inverse, so that parseListenAddress(listenAddressText(a)) == a.
QString listenAddressText(const QHostAddress &address);

} // namespace swarmscope::ui::settingsvalidation
