// Words and letters for one connected peer, shared by the peers table, the swarm matrix and the
// swarm graph so that all three explain a peer the same way.
#pragma once

#include "session/snapshot.h"

#include <QList>
#include <QSet>
#include <QString>

namespace swarmscope::ui::peertext {

// "1.2.3.4:6881" or "[2001:db8::1]:6881": the identity of a neighbour across snapshots.
QString peerKey(const session::PeerSnapshot &peer);
// What to label a neighbour with where space is short: its address, or address and port when
// another neighbour has the same address (peers on one host, a demo swarm on 127.0.0.1).
QString peerLabel(const QString &key, const QSet<QString> &sharedHosts);
// The addresses that more than one of these peer keys ("host:port") have.
QSet<QString> sharedHosts(const QStringList &keys);

// "Tracker", "DHT", "PEX", "Incoming", "Manual".
QString sourceName(session::PeerSource source);

// "Incoming" / "Outgoing".
QString directionName(bool incoming);

// One qBittorrent-style flag letter and what it means.
struct FlagInfo {
    QChar letter;
    QString meaning;
};

// Every letter this client can show, in display order: D d U u K ? O S I H X.
QList<FlagInfo> flagLegend();

// The letters that apply to `peer`, space separated ("D U O I"), in legend order.
QString flagsFor(const session::PeerSnapshot &peer);

// One line per letter of flagsFor(peer): "D: we are downloading from it ...".
QString describeFlags(const session::PeerSnapshot &peer);

// The whole legend as a plain-text block, one "L: meaning" line per letter.
QString legendText();

// The four choke/interest states in words, one line each.
QString chokeStateLines(const session::PeerSnapshot &peer);

} // namespace swarmscope::ui::peertext
