// A seeding engine as a scripted peer sees it on the wire: the test speaks BEP 3 + BEP 6 itself
// (with the project's codec) over one TCP connection, so it can send exact message sequences
// that real clients produce only by chance, such as a cancel right behind its request.
#include "enginetestnode.h"
#include "sessiontestutil.h"

#include "wire/handshake.h"
#include "wire/message.h"
#include "wire/messagecodec.h"

#include <QElapsedTimer>

#include <algorithm>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace swarmscope;
using testutil::EngineNode;

namespace {

constexpr qint64 kPieceSize = 32 * 1024;
constexpr quint32 kBlock = 16 * 1024;
constexpr int kTimeoutMs = 5000;

// One hand-driven connection. Blocking reads are fine here: the engine runs on its own thread.
class WirePeer {
public:
    bool connectTo(const swarm::Endpoint &to, const metainfo::InfoHash &hash, int pieceCount, QString *why)
    {
        m_socket.connectToHost(to.address, to.port);
        if (!m_socket.waitForConnected(kTimeoutMs)) {
            *why = m_socket.errorString();
            return false;
        }
        wire::Handshake ours;
        ours.reserved.setFastExtension(true);
        ours.infoHash = hash;
        ours.peerId = QByteArray("-TS0001-wirepeer0001");
        m_socket.write(wire::encodeHandshake(ours));
        wire::HandshakeParser parser;
        QElapsedTimer t;
        t.start();
        while (parser.status() == wire::HandshakeParser::Status::NeedMore && t.elapsed() < kTimeoutMs) {
            if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(100))
                continue;
            const QByteArray bytes = m_socket.peek(m_socket.bytesAvailable());
            m_socket.skip(parser.feed(bytes));
        }
        if (parser.status() != wire::HandshakeParser::Status::Done) {
            *why = QStringLiteral("no handshake: %1").arg(parser.errorString());
            return false;
        }
        m_fast = parser.handshake().reserved.fastExtension();
        m_decoder.setPieceCount(pieceCount);
        return true;
    }

    bool fast() const { return m_fast; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Reads messages (keeping them all) until `done` holds for one of them or time runs out.
    template <typename Pred> bool readUntil(Pred done, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            wire::Message m;
            const auto status = m_decoder.next(&m);
            if (status == wire::MessageDecoder::Status::Error) {
                qWarning("undecodable message from the engine: %s", qPrintable(m_decoder.errorString()));
                return false;
            }
            if (status == wire::MessageDecoder::Status::Message) {
                m_received << m;
                if (done(m))
                    return true;
                continue;
            }
            if (m_socket.bytesAvailable() > 0) {
                m_decoder.feed(m_socket.readAll());
                continue;
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                qWarning("the engine closed the connection");
                return false;
            }
            m_socket.waitForReadyRead(50);
        }
        return false;
    }
    void drain(int ms)
    {
        readUntil([](const wire::Message &) { return false; }, ms);
    }
    const QList<wire::Message> &received() const { return m_received; }

private:
    QTcpSocket m_socket;
    wire::MessageDecoder m_decoder;
    QList<wire::Message> m_received;
    bool m_fast = false;
};

bool answers(const wire::Message &m, quint32 piece, quint32 begin)
{
    return (m.type == wire::MessageType::Piece || m.type == wire::MessageType::Reject) && m.index == piece
           && m.begin == begin;
}

} // namespace

class TestSeederWire : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void seederSpeaksFirstAfterHandshake();
    void cancelledRequestsDoNotStarveThePeer();
    void everyRequestGetsExactlyOneAnswer();

private:
    // A seeding engine and a connected, interested, unchoked WirePeer.
    void connectUnchoked();

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<EngineNode> m_seeder;
    std::optional<metainfo::TorrentInfo> m_info;
    std::unique_ptr<WirePeer> m_peer;
};

void TestSeederWire::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    const QString dir = m_tmp->filePath(QStringLiteral("seed"));
    const QString source = QDir(dir).filePath(QStringLiteral("data.bin"));
    QVERIFY(testutil::writeRandomFile(source, 1024 * 1024, 5));
    m_info = testutil::makeTorrent(source, kPieceSize);
    QVERIFY(m_info);
    m_seeder = std::make_unique<EngineNode>(m_tmp->filePath(QStringLiteral("state")), dir,
                                            QHostAddress(QStringLiteral("127.0.0.2")));
    QString error;
    QVERIFY2(m_seeder->start(&error), qPrintable(error));
    m_seeder->add(*m_info);
    QTRY_VERIFY_WITH_TIMEOUT(m_seeder->isSeeding(m_info->infoHash), 10'000);
}

void TestSeederWire::cleanup()
{
    m_peer.reset();
    if (m_seeder)
        m_seeder->stop();
    m_seeder.reset();
}

void TestSeederWire::connectUnchoked()
{
    m_peer = std::make_unique<WirePeer>();
    QString why;
    QVERIFY2(m_peer->connectTo(m_seeder->endpoint(), m_info->infoHash, m_info->pieceCount(), &why), qPrintable(why));
    QVERIFY2(m_peer->fast(), "the engine should offer the fast extension");
    // As libtorrent does: our piece info and interest right behind the handshake.
    m_peer->send(wire::encodeHaveNone() + wire::encodeInterested());
    QVERIFY2(m_peer->readUntil([](const wire::Message &m) { return m.type == wire::MessageType::Unchoke; }, kTimeoutMs),
             "an interested peer with free slots should be unchoked");
    QVERIFY(std::any_of(m_peer->received().begin(), m_peer->received().end(),
                        [](const wire::Message &m) { return m.type == wire::MessageType::HaveAll; }));
}

// A peer that sends its handshake and then waits (a leecher without pieces and without the
// fast extension has nothing else to say) must still get the seeder's piece information.
void TestSeederWire::seederSpeaksFirstAfterHandshake()
{
    m_peer = std::make_unique<WirePeer>();
    QString why;
    QVERIFY2(m_peer->connectTo(m_seeder->endpoint(), m_info->infoHash, m_info->pieceCount(), &why), qPrintable(why));
    QVERIFY2(m_peer->readUntil([](const wire::Message &m) { return m.type == wire::MessageType::HaveAll
                                                                 || m.type == wire::MessageType::Bitfield; },
                               kTimeoutMs),
             "no bitfield or have-all within 5 s of the handshake");
}

// A cancel that arrives while the block is being read from disk must not cost the peer its
// upload slot for good: later requests on the same connection are still served.
void TestSeederWire::cancelledRequestsDoNotStarveThePeer()
{
    connectUnchoked();
    if (QTest::currentTestFailed())
        return;
    QByteArray burst;
    for (quint32 piece = 0; piece < 8; ++piece)
        burst += wire::encodeRequest(piece, 0, kBlock) + wire::encodeCancel(piece, 0, kBlock);
    m_peer->send(burst);
    m_peer->drain(500);

    const quint32 piece = 20;
    m_peer->send(wire::encodeRequest(piece, 0, kBlock) + wire::encodeRequest(piece, kBlock, kBlock));
    int served = 0;
    const bool both = m_peer->readUntil(
        [&](const wire::Message &m) {
            if (m.type == wire::MessageType::Piece && m.index == piece)
                ++served;
            return served == 2;
        },
        kTimeoutMs);
    QVERIFY2(both, qPrintable(QStringLiteral("%1 of 2 blocks requested after 8 cancelled requests arrived within %2 ms")
                                  .arg(served)
                                  .arg(kTimeoutMs)));
}

// BEP 6: with the fast extension "every request is guaranteed to result in EXACTLY ONE
// response which is either the corresponding reject or corresponding piece message. Even when
// a request is cancelled, the peer receiving the cancel should respond with either".
void TestSeederWire::everyRequestGetsExactlyOneAnswer()
{
    connectUnchoked();
    if (QTest::currentTestFailed())
        return;
    QByteArray burst;
    for (quint32 piece = 0; piece < 8; ++piece)
        burst += wire::encodeRequest(piece, 0, kBlock) + wire::encodeCancel(piece, 0, kBlock);
    for (quint32 piece = 8; piece < 12; ++piece)
        burst += wire::encodeRequest(piece, 0, kBlock); // not cancelled
    m_peer->send(burst);
    m_peer->drain(1500);
    QStringList wrong;
    for (quint32 piece = 0; piece < 12; ++piece) {
        int n = 0;
        for (const wire::Message &m : m_peer->received())
            n += answers(m, piece, 0) ? 1 : 0;
        if (n != 1)
            wrong << QStringLiteral("piece %1: %2 answers").arg(piece).arg(n);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestSeederWire)
#include "tst_seederwire.moc"
