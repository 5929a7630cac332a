#include "udptrackertestserver.h"

#include <QDataStream>
#include <QNetworkDatagram>

UdpTrackerTestServer::UdpTrackerTestServer(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpTrackerTestServer::onReadyRead);
}

bool UdpTrackerTestServer::listen(const QHostAddress &address)
{
    return m_socket.bind(address, 0) && m_otherSocket.bind(address, 0);
}

QString UdpTrackerTestServer::url(const QByteArray &path) const
{
    const QHostAddress a = m_socket.localAddress();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(a.toString())
                                                                      : a.toString();
    return QStringLiteral("udp://%1:%2").arg(host).arg(port()) + QString::fromLatin1(path);
}

int UdpTrackerTestServer::count(quint32 action) const
{
    int n = 0;
    for (const Received &r : m_received)
        n += r.action == action ? 1 : 0;
    return n;
}

void UdpTrackerTestServer::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram();
        handle(d.data(), d.senderAddress(), quint16(d.senderPort()));
    }
}

void UdpTrackerTestServer::reply(const QByteArray &datagram, const QHostAddress &to, quint16 toPort)
{
    (answerFromOtherPort ? m_otherSocket : m_socket).writeDatagram(datagram, to, toPort);
}

QByteArray UdpTrackerTestServer::errorReply(quint32 transactionId, const QByteArray &message) const
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << quint32(3) << transactionId;
    return out + message;
}

void UdpTrackerTestServer::handle(const QByteArray &datagram, const QHostAddress &from, quint16 fromPort)
{
    QDataStream in(datagram);
    in.setByteOrder(QDataStream::BigEndian);
    quint64 connectionId = 0;
    quint32 action = 0xffffffff;
    quint32 transactionId = 0;
    in >> connectionId >> action >> transactionId;
    m_received.append({datagram, from, fromPort, in.status() == QDataStream::Ok ? action : 0xffffffff});
    if (in.status() != QDataStream::Ok || silent)
        return;
    if (dropFirst > 0) {
        --dropFirst;
        return;
    }
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    if (action == 0) {
        if (connectionId != 0x41727101980ULL || datagram.size() != 16)
            return;
        if (!connectError.isEmpty()) {
            reply(errorReply(transactionId, connectError), from, fromPort);
            return;
        }
        const quint64 id = m_nextId++;
        m_validIds.insert(id);
        s << quint32(0) << transactionId << id;
        reply(out, from, fromPort);
        return;
    }
    if (!m_validIds.contains(connectionId)) {
        reply(errorReply(transactionId, "Connection ID mismatch"), from, fromPort);
        return;
    }
    if (!announceError.isEmpty()) {
        reply(errorReply(transactionId, announceError), from, fromPort);
        return;
    }
    if (action == 1) {
        if (datagram.size() < 98)
            return;
        // BEP 41 options after the 98 fixed bytes: type 2 carries URL data, 0 ends, 1 is a no-op.
        m_lastRequestString.clear();
        for (qsizetype at = 98; at < datagram.size();) {
            const auto type = quint8(datagram[at]);
            if (type == 0)
                break;
            if (type == 1) {
                ++at;
                continue;
            }
            if (at + 1 >= datagram.size())
                return;
            const auto length = quint8(datagram[at + 1]);
            if (type == 2)
                m_lastRequestString += datagram.mid(at + 2, length);
            at += 2 + length;
        }
        if (!rawAnnounceReply.isEmpty()) {
            QByteArray raw = rawAnnounceReply;
            QByteArray tid;
            QDataStream(&tid, QIODevice::WriteOnly) << transactionId;
            raw.replace(4, 4, tid);
            reply(raw, from, fromPort);
            return;
        }
        const bool v6 = from.protocol() == QAbstractSocket::IPv6Protocol && !from.toString().startsWith(QLatin1String("::ffff:"));
        s << quint32(1) << transactionId << interval << leechers << seeders;
        for (const Peer &p : peers) {
            if (v6) {
                const Q_IPV6ADDR a = p.address.protocol() == QAbstractSocket::IPv6Protocol
                                         ? p.address.toIPv6Address()
                                         : QHostAddress(QStringLiteral("::ffff:") + p.address.toString()).toIPv6Address();
                s.writeRawData(reinterpret_cast<const char *>(a.c), 16);
            } else {
                s << p.address.toIPv4Address();
            }
            s << p.port;
        }
        reply(out, from, fromPort);
        return;
    }
    if (action == 2) {
        const qsizetype hashes = (datagram.size() - 16) / 20;
        s << quint32(2) << transactionId;
        for (qsizetype i = 0; i < hashes; ++i)
            s << seeders << completed << leechers;
        reply(out, from, fromPort);
    }
}
