// One connection to one peer: the socket, the handshake, the wire codec and the four
// choke/interest flags. It decides nothing about what to request or whom to unchoke: it reports
// what the peer says to its Handler (the torrent) and sends what the torrent asks for.
//
// Lives on the engine thread. It owns no timer: the torrent's tick drives keep-alives and
// time-outs, with the time passed in.
#pragma once

#include "swarm/piecepicker.h"
#include "swarm/ratemeter.h"
#include "util/bitfield.h"
#include "util/clock.h"
#include "wire/handshake.h"
#include "wire/messagecodec.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <deque>

namespace swarmscope::peer {

using swarm::BlockRequest;
using swarm::PeerId;

struct OutstandingRequest {
    BlockRequest block;
    TimePoint sentAt;
};

class PeerConnection : public QObject {
    Q_OBJECT
public:
    // The torrent (or, before the handshake names a torrent, the session) hears everything here.
    class Handler {
    public:
        virtual ~Handler() = default;
        virtual void peerHandshake(PeerConnection *peer) = 0; // handshake complete, ours sent
        virtual void peerHave(PeerConnection *peer, int piece) = 0;
        virtual void peerBitfield(PeerConnection *peer) = 0; // bitfield, have all or have none
        virtual void peerChoked(PeerConnection *peer, bool choked) = 0;
        virtual void peerInterested(PeerConnection *peer, bool interested) = 0;
        virtual void peerRequest(PeerConnection *peer, const BlockRequest &block) = 0;
        virtual void peerCancel(PeerConnection *peer, const BlockRequest &block) = 0;
        // `data` points into the connection's receive buffer: valid during the call only.
        virtual void peerBlock(PeerConnection *peer, const BlockRequest &block, const QByteArray &data) = 0;
        virtual void peerReject(PeerConnection *peer, const BlockRequest &block) = 0;
        virtual void peerAllowedFast(PeerConnection *peer, int piece) { Q_UNUSED(peer) Q_UNUSED(piece) }
        virtual void peerSuggest(PeerConnection *peer, int piece) { Q_UNUSED(peer) Q_UNUSED(piece) }
        virtual void peerExtended(PeerConnection *peer, quint8 id, const QByteArray &payload)
        {
            Q_UNUSED(peer) Q_UNUSED(id) Q_UNUSED(payload)
        }
        virtual void peerPort(PeerConnection *peer, quint16 port) { Q_UNUSED(peer) Q_UNUSED(port) }
        virtual void peerClosed(PeerConnection *peer, const QString &reason) = 0;
        virtual void peerWritable(PeerConnection *peer) { Q_UNUSED(peer) } // send buffer drained
    };

    struct Options {
        QByteArray ourPeerId;
        wire::ReservedBits ourReserved;
        int readBufferSize = 1 << 20;  // bytes Qt may buffer before TCP pushes back
        int sendBufferLimit = 1 << 20; // stop serving requests beyond this many unsent bytes
    };

    // Outgoing: connects to the address for `infoHash`.
    PeerConnection(PeerId id, const QHostAddress &address, quint16 port, const metainfo::InfoHash &infoHash,
                   const Options &options, TimePoint now, QObject *parent = nullptr);
    // Incoming: an accepted socket; the handshake will name the torrent.
    PeerConnection(PeerId id, QTcpSocket *accepted, const Options &options, TimePoint now,
                   QObject *parent = nullptr);
    ~PeerConnection() override;

    void setHandler(Handler *handler) { m_handler = handler; }
    // For incoming connections once the torrent is known: sends our handshake.
    void acceptFor(const metainfo::InfoHash &infoHash);
    // Once the torrent knows its piece count (needed to validate bitfields and indices). Piece
    // information received before (a magnet's peers, while the metadata was fetched) is applied
    // then; if it does not fit the count, the connection closes.
    void setPieceCount(int pieceCount);

    PeerId id() const { return m_id; }
    bool isIncoming() const { return m_incoming; }
    bool isConnected() const;
    bool handshakeDone() const { return m_handshakeDone; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    const metainfo::InfoHash &infoHash() const { return m_infoHash; }
    const QByteArray &remotePeerId() const { return m_remote.peerId; }
    const wire::ReservedBits &remoteReserved() const { return m_remote.reserved; }
    bool supportsFast() const { return m_fast; }
    QString clientName() const;

    // The four flags.
    bool amChoking() const { return m_amChoking; }
    bool amInterested() const { return m_amInterested; }
    bool peerChoking() const { return m_peerChoking; }
    bool peerInterested() const { return m_peerInterested; }

    const Bitfield &pieces() const { return m_pieces; }
    bool isSeed() const { return m_pieces.size() > 0 && m_pieces.all(); }

    // Sending. Each is a no-op on a closed connection.
    void sendBitfield(const Bitfield &have);
    void sendHave(int piece);
    void setChoking(bool choke);
    void setInterested(bool interested);
    void sendRequest(const BlockRequest &block, TimePoint now);
    void sendCancel(const BlockRequest &block);
    void sendReject(const BlockRequest &block);
    void sendBlock(const BlockRequest &block, const QByteArray &data, TimePoint now);
    void sendExtended(quint8 id, const QByteArray &payload);
    void sendPort(quint16 port);
    void sendAllowedFast(int piece); // BEP 6; no-op without the fast extension
    void sendSuggest(int piece);     // BEP 6; no-op without the fast extension

    // Our requests to it, oldest first.
    const std::deque<OutstandingRequest> &outstanding() const { return m_outstanding; }
    bool forgetRequest(const BlockRequest &block); // true when it was outstanding
    std::deque<OutstandingRequest> takeOutstanding();

    // Uploading: blocks it asked for that we have not sent yet are the torrent's business, but
    // the connection says whether the socket can take more now.
    bool canSendMore() const;
    qint64 bytesToWrite() const;

    swarm::RateMeter &downloadMeter() { return m_down; }
    swarm::RateMeter &uploadMeter() { return m_up; }
    const swarm::RateMeter &downloadMeter() const { return m_down; }
    const swarm::RateMeter &uploadMeter() const { return m_up; }
    TimePoint connectedAt() const { return m_connectedAt; }
    TimePoint lastPieceAt() const { return m_lastPiece; }
    TimePoint lastReceivedAt() const { return m_lastReceived; }

    // Keep-alive after 60 s of silence on our side; close after 120 s of silence on theirs,
    // and when the TCP connect or the handshake takes too long.
    void tick(TimePoint now);

    // Reads what the socket has (the engine may hold reading back under a rate limit).
    void pump(TimePoint now);
    void setReadAllowance(qint64 bytes) { m_readAllowance = bytes; } // -1: unlimited

    void close(const QString &reason);
    QString closeReason() const { return m_closeReason; }

private:
    void setUp(TimePoint now);
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onBytesWritten(qint64 bytes);
    void sendHandshake();
    void write(const QByteArray &bytes);
    bool handleMessage(const wire::Message &m, TimePoint now);
    bool validBlock(const wire::Message &m) const;
    // Before the metadata (magnets): keeps bitfield / have all / have none / have for later.
    // False for a message the protocol forbids here.
    bool keepPieceInfo(const wire::Message &m);
    // A bitfield / have all / have none after the first piece-state message.
    bool lateBitfield(const wire::Message &m);

    PeerId m_id;
    QPointer<QTcpSocket> m_socket;
    Handler *m_handler = nullptr;
    Options m_options;
    bool m_incoming;
    QHostAddress m_address;
    quint16 m_port = 0;
    metainfo::InfoHash m_infoHash;

    wire::HandshakeParser m_handshakeParser;
    wire::Handshake m_remote;
    bool m_handshakeSent = false;
    bool m_handshakeDone = false;
    wire::MessageDecoder m_decoder;
    int m_pieceCount = -1;
    bool m_fast = false;
    bool m_gotPieceInfo = false; // bitfield / have all / have none seen
    enum class PendingPieceInfo : quint8 { Nothing, Bitfield, All, None };
    PendingPieceInfo m_pendingPieceInfo = PendingPieceInfo::Nothing;
    QByteArray m_pendingBitfield;
    QList<quint32> m_pendingHaves;

    bool m_amChoking = true;
    bool m_amInterested = false;
    bool m_peerChoking = true;
    bool m_peerInterested = false;
    Bitfield m_pieces;

    std::deque<OutstandingRequest> m_outstanding;
    swarm::RateMeter m_down;
    swarm::RateMeter m_up;
    TimePoint m_connectedAt;
    TimePoint m_lastReceived;
    TimePoint m_lastSent;
    TimePoint m_lastPiece;
    qint64 m_readAllowance = -1;
    bool m_closing = false;
    bool m_pumping = false;
    QString m_closeReason;
};

} // namespace swarmscope::peer
