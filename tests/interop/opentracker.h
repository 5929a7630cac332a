// Debian's opentracker for the interop tests: an independent tracker, HTTP and UDP on one port of
// a chosen loopback address. Debian builds it in whitelist mode, so the info-hashes it serves are
// listed before it starts (a torrent's info-hash does not depend on its trackers, so a test can
// list it before the tracker's port is known). Stopped with the object.
//
//   if (const QString why = testutil::OpenTracker::missingReason(); !why.isEmpty())
//       QSKIP(qPrintable(why));
//   testutil::OpenTracker tracker;
//   QVERIFY2(tracker.start(QStringLiteral("127.0.0.5"), {hash}, &error), qPrintable(error));
#pragma once

#include "childprocess.h"

#include "bencode/reader.h"
#include "metainfo/infohash.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>
#include <optional>

namespace swarmscope::testutil {

class OpenTracker {
public:
    // Empty when opentracker is installed; otherwise the message a test skips with.
    static QString missingReason()
    {
        return binary().isEmpty()
                   ? QStringLiteral("opentracker is not installed (apt-get install opentracker; packaging/dev.sh "
                                    "does it)")
                   : QString();
    }

    // Starts it on `address` serving only `hashes` (at least one: the readiness probe announces
    // the first). False with the reason in `error` when it did not come up.
    bool start(const QString &address, const QList<metainfo::InfoHash> &hashes, QString *error)
    {
        m_address = address;
        if (hashes.isEmpty() || !m_dir.isValid() || !writeWhitelist(hashes)) {
            *error = QStringLiteral("opentracker: no hash to list, or the whitelist could not be written");
            return false;
        }
        // Another process may take the port between the probe and opentracker's bind: retry.
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freeTcpAndUdpPort(QHostAddress(address));
            if (m_port == 0)
                continue;
            // -i before -p/-P: both sockets on that address. The list path is relative to the
            // chroot (-d) opentracker enters when run as root.
            m_process = std::make_unique<Child>(
                binary(), QStringList{QStringLiteral("-i"), address, QStringLiteral("-p"), QString::number(m_port),
                                      QStringLiteral("-P"), QString::number(m_port), QStringLiteral("-d"),
                                      m_dir.path(), QStringLiteral("-w"), QStringLiteral("whitelist.txt")});
            if (waitReady(hashes.first()))
                return true;
            *error = QStringLiteral("opentracker did not come up: ") + m_process->describe();
            m_process.reset();
        }
        m_port = 0;
        return false;
    }

    quint16 port() const { return m_port; }
    QString httpAnnounceUrl() const { return QStringLiteral("http://%1:%2/announce").arg(m_address).arg(m_port); }
    QString udpAnnounceUrl() const { return QStringLiteral("udp://%1:%2/announce").arg(m_address).arg(m_port); }

    // Seeders the tracker knows for `hash` (its HTTP scrape's "complete"); nullopt when it did
    // not answer.
    std::optional<qint64> seeders(const metainfo::InfoHash &hash) const
    {
        const auto body = httpGet("/scrape?info_hash=" + hash.bytes().toPercentEncoding());
        if (!body)
            return std::nullopt;
        const auto reply = bencode::decode(*body);
        const bencode::Value *files = reply ? reply->findDict("files") : nullptr;
        if (!files)
            return std::nullopt;
        const bencode::Value *entry = files->findDict(hash.bytes()); // absent until someone announced
        const bencode::Integer *complete = entry ? entry->findInteger("complete") : nullptr;
        return complete ? *complete : 0;
    }

    // Waits (bounded) until the tracker counts at least `count` seeders of `hash`, or `alive`
    // says the announcing side gave up.
    template<typename Alive>
    bool waitForSeeders(const metainfo::InfoHash &hash, qint64 count, int timeoutMs, Alive alive) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs && alive()) {
            if (seeders(hash).value_or(0) >= count)
                return true;
            QTest::qWait(100);
        }
        return seeders(hash).value_or(0) >= count;
    }

    QString describe() const
    {
        return m_process ? m_process->describe() : QStringLiteral("opentracker not started");
    }

private:
    static QString binary()
    {
        const QString name = QStringLiteral("opentracker");
        QString path = QStandardPaths::findExecutable(name);
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
        return path;
    }

    // A port free for both TCP and UDP on `address` now (opentracker binds both).
    static quint16 freeTcpAndUdpPort(const QHostAddress &address)
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            QUdpSocket udp;
            if (!udp.bind(address, 0))
                continue;
            QTcpServer tcp;
            if (tcp.listen(address, udp.localPort()))
                return udp.localPort();
        }
        return 0;
    }

    bool writeWhitelist(const QList<metainfo::InfoHash> &hashes)
    {
        // Run as root it chroots into the folder and drops to "nobody", who must read the list.
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                                | QFile::ExeOther);
        QByteArray list;
        for (const metainfo::InfoHash &h : hashes)
            list += h.toHex().toLatin1() + '\n';
        QFile file(m_dir.filePath(QStringLiteral("whitelist.txt")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(list) != list.size())
            return false;
        file.close();
        return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }

    // A minimal HTTP/1.0 GET (opentracker closes the connection after its answer); the body.
    std::optional<QByteArray> httpGet(const QByteArray &pathAndQuery) const
    {
        QTcpSocket socket;
        socket.connectToHost(m_address, m_port);
        if (!socket.waitForConnected(3000))
            return std::nullopt;
        socket.write("GET " + pathAndQuery + " HTTP/1.0\r\nHost: " + m_address.toLatin1() + "\r\n\r\n");
        QByteArray reply;
        QElapsedTimer t;
        t.start();
        while (socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < 3000) {
            socket.waitForReadyRead(200);
            reply += socket.readAll();
        }
        reply += socket.readAll();
        const qsizetype bodyAt = reply.indexOf("\r\n\r\n");
        if (!reply.startsWith("HTTP/1.") || bodyAt < 0)
            return std::nullopt;
        return reply.mid(bodyAt + 4);
    }

    QByteArray announce(const metainfo::InfoHash &hash, const char *event) const
    {
        const QByteArray query = "/announce?info_hash=" + hash.bytes().toPercentEncoding()
                                 + "&peer_id=-SS0000-readinessprb&port=9&uploaded=0&downloaded=0&left=1&compact=1"
                                 + "&event=" + event;
        return httpGet(query).value_or(QByteArray());
    }

    // The list loads in the background: ready once a listed hash is accepted. The probe peer
    // leaves again at once, so no client is ever handed it and the counts start at zero.
    bool waitReady(const metainfo::InfoHash &listed) const
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15'000 && m_process->running()) {
            const auto reply = bencode::decode(announce(listed, "started"));
            if (reply && reply->isDict() && !reply->find("failure reason")) {
                announce(listed, "stopped");
                return true;
            }
            QTest::qWait(200);
        }
        return false;
    }

    QTemporaryDir m_dir; // the whitelist, and the chroot
    QString m_address;
    quint16 m_port = 0;
    std::unique_ptr<Child> m_process;
};

} // namespace swarmscope::testutil
