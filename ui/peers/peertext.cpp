#include "peers/peertext.h"

#include <QCoreApplication>
#include <QStringList>

namespace swarmscope::ui::peertext {

namespace {

// Free functions have no tr(); one context keeps these strings together for translators.
QString tr(const char *text, const char *disambiguation = nullptr)
{
    return QCoreApplication::translate("swarmscope::ui::peertext", text, disambiguation);
}

// Which letters apply, in legend order; the tests of each letter mirror qBittorrent's so that
// users who already know the letters read them the same way here.
QList<QChar> lettersFor(const session::PeerSnapshot &p)
{
    QList<QChar> out;
    if (p.amInterested && !p.peerChoking)
        out << QLatin1Char('D');
    if (p.amInterested && p.peerChoking)
        out << QLatin1Char('d');
    if (p.peerInterested && !p.amChoking)
        out << QLatin1Char('U');
    if (p.peerInterested && p.amChoking)
        out << QLatin1Char('u');
    if (!p.peerChoking && !p.amInterested)
        out << QLatin1Char('K');
    if (!p.amChoking && !p.peerInterested)
        out << QLatin1Char('?');
    if (p.optimistic)
        out << QLatin1Char('O');
    if (p.snubbed)
        out << QLatin1Char('S');
    if (p.incoming)
        out << QLatin1Char('I');
    if (p.source == session::PeerSource::Dht)
        out << QLatin1Char('H');
    if (p.source == session::PeerSource::Pex)
        out << QLatin1Char('X');
    return out;
}

QString meaningOf(QChar letter)
{
    for (const FlagInfo &f : flagLegend())
        if (f.letter == letter)
            return f.meaning;
    return {};
}

} // namespace

QString peerKey(const session::PeerSnapshot &peer)
{
    const QString host = peer.address.toString();
    if (peer.address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(host).arg(peer.port);
    return QStringLiteral("%1:%2").arg(host).arg(peer.port);
}

namespace {
QString hostOf(const QString &key)
{
    return key.left(key.lastIndexOf(QLatin1Char(':')));
}
} // namespace

QString peerLabel(const QString &key, const QSet<QString> &shared)
{
    const QString host = hostOf(key);
    return shared.contains(host) ? key : host;
}

QSet<QString> sharedHosts(const QStringList &keys)
{
    QSet<QString> seen;
    QSet<QString> shared;
    for (const QString &key : keys) {
        const QString host = hostOf(key);
        if (seen.contains(host))
            shared.insert(host);
        else
            seen.insert(host);
    }
    return shared;
}

QString sourceName(session::PeerSource source)
{
    switch (source) {
    case session::PeerSource::Tracker: return tr("Tracker");
    case session::PeerSource::Dht: return tr("DHT");
    case session::PeerSource::Pex: return tr("PEX");
    case session::PeerSource::Incoming: return tr("Incoming");
    case session::PeerSource::Manual: return tr("Manual");
    }
    return {};
}

QString directionName(bool incoming)
{
    return incoming ? tr("Incoming", "connection direction") : tr("Outgoing", "connection direction");
}

QList<FlagInfo> flagLegend()
{
    return {
        {QLatin1Char('D'), tr("we are downloading from it (we are interested, it unchoked us)")},
        {QLatin1Char('d'), tr("we want its pieces but it is choking us")},
        {QLatin1Char('U'), tr("we are uploading to it (it is interested, we unchoked it)")},
        {QLatin1Char('u'), tr("it wants our pieces but we are choking it")},
        {QLatin1Char('K'), tr("it unchoked us but we are not interested")},
        {QLatin1Char('?'), tr("we unchoked it but it is not interested")},
        {QLatin1Char('O'), tr("it holds our optimistic unchoke slot")},
        {QLatin1Char('S'), tr("snubbed: it unchoked us but sent nothing for a while")},
        {QLatin1Char('I'), tr("incoming connection: it connected to us")},
        {QLatin1Char('H'), tr("found through DHT")},
        {QLatin1Char('X'), tr("found through peer exchange (PEX)")},
    };
}

QString flagsFor(const session::PeerSnapshot &peer)
{
    QString out;
    for (QChar c : lettersFor(peer)) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += c;
    }
    return out;
}

QString describeFlags(const session::PeerSnapshot &peer)
{
    QStringList lines;
    for (QChar c : lettersFor(peer))
        lines << tr("%1: %2", "flag letter: meaning").arg(c).arg(meaningOf(c));
    return lines.join(QLatin1Char('\n'));
}

QString legendText()
{
    QStringList lines;
    for (const FlagInfo &f : flagLegend())
        lines << tr("%1: %2", "flag letter: meaning").arg(f.letter).arg(f.meaning);
    return lines.join(QLatin1Char('\n'));
}

QString chokeStateLines(const session::PeerSnapshot &peer)
{
    const QStringList lines{
        peer.amChoking ? tr("We choke it: we refuse to upload to it") : tr("We unchoked it: we may upload to it"),
        peer.amInterested ? tr("We are interested: it has pieces we want")
                          : tr("We are not interested: it has nothing we want"),
        peer.peerChoking ? tr("It chokes us: it refuses to upload to us") : tr("It unchoked us: it may upload to us"),
        peer.peerInterested ? tr("It is interested: it wants our pieces") : tr("It is not interested in our pieces"),
    };
    return lines.join(QLatin1Char('\n'));
}

} // namespace swarmscope::ui::peertext
