// A tiny UDP tracker (BEP 15) for the client tests, written apart from the client's codec (with
// QDataStream) so the two check each other. Answers connect, announce and scrape from fixed data,
// and can misbehave on demand: drop packets, stay silent, answer with errors, forget its
// connection ids, or answer from another port.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUdpSocket>

class UdpTrackerTestServer : public QObject {
    Q_OBJECT
public:
    struct Peer {
        QHostAddress address; // IPv4 peers go out as 6 bytes to IPv4 clients, as mapped
        quint16 port = 0;     // addresses in 18 bytes to IPv6 clients
    };
    struct Received {
        QByteArray datagram;
        QHostAddress from;
        quint16 fromPort = 0;
        quint32 action = 0xffffffff; // as read from the request
    };

    explicit UdpTrackerTestServer(QObject *parent = nullptr);

    bool listen(const QHostAddress &address);
    quint16 port() const { return m_socket.localPort(); }
    QString url(const QByteArray &path = "/announce") const;

    // What it answers.
    QList<Peer> peers;
    quint32 interval = 1800;
    quint32 leechers = 7;
    quint32 seeders = 5;
    quint32 completed = 11; // scrape: every hash gets (seeders, completed, leechers)

    // How it misbehaves.
    int dropFirst = 0;             // ignore the first N datagrams
    bool silent = false;           // never answer
    QByteArray announceError;      // answer announces and scrapes with action 3 and this text
    QByteArray connectError;       // answer connects with action 3 and this text
    bool answerFromOtherPort = false;
    QByteArray rawAnnounceReply;   // when set, sent as it is (tid patched in) to announces

    // Makes every connection id handed out so far invalid, as a tracker restart does.
    void forgetConnectionIds() { m_validIds.clear(); }

    const QList<Received> &received() const { return m_received; }
    int count(quint32 action) const;
    // BEP 41 URL data joined from the last announce's options; empty when there were none.
    QByteArray lastRequestString() const { return m_lastRequestString; }

private:
    void onReadyRead();
    void handle(const QByteArray &datagram, const QHostAddress &from, quint16 fromPort);
    void reply(const QByteArray &datagram, const QHostAddress &to, quint16 toPort);
    QByteArray errorReply(quint32 transactionId, const QByteArray &message) const;

    QUdpSocket m_socket;
    QUdpSocket m_otherSocket;
    QSet<quint64> m_validIds;
    quint64 m_nextId = 0x1122334455667788ULL;
    QList<Received> m_received;
    QByteArray m_lastRequestString;
};
