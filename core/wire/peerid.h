// Peer ids (BEP 20 conventions): making ours, and naming the client behind someone else's.
//
// Ours is Azureus-style: '-', the client code "SW", four version characters, '-', then 12
// random characters from the URL-unreserved set (A-Z a-z 0-9 - . _ ~), so the id needs no
// escaping in a tracker announce and reads well in logs.
#pragma once

#include <QByteArray>
#include <QString>

#include <random>

namespace swarmscope::wire {

// "-SW0100-" for version 0.1.0: major, minor and patch as one base-62 digit each, then '0'.
QByteArray peerIdPrefix();

// peerIdPrefix() followed by 12 random URL-safe characters from `rng`.
QByteArray generatePeerId(std::mt19937 &rng);

// A name for the UI: "qBittorrent 4.6.5", "Transmission 3.00", "Mainline 7.2.0", ...
// Unrecognised ids give "Unknown (<their leading printable characters>)", or "Unknown".
QString clientNameFromPeerId(const QByteArray &peerId);

} // namespace swarmscope::wire
