#include "peer/peerconnection.h"

#include "wire/peerid.h"

#include <QScopeGuard>

namespace swarmscope::peer {

namespace {
constexpr auto kKeepAliveAfter = std::chrono::seconds(60);
constexpr auto kSilenceLimit = std::chrono::seconds(120);
constexpr auto kHandshakeLimit = std::chrono::seconds(15);
constexpr qint64 kReadChunk = 256 * 1024;
} // namespace

PeerConnection::PeerConnection(PeerId id, const QHostAddress &address, quint16 port,
                               const metainfo::InfoHash &infoHash, const Options &options, TimePoint now,
                               QObject *parent)
    : QObject(parent), m_id(id), m_socket(new QTcpSocket(this)), m_options(options), m_incoming(false),
      m_address(address), m_port(port), m_infoHash(infoHash)
{
    setUp(now);
    m_socket->connectToHost(address, port);
}

PeerConnection::PeerConnection(PeerId id, QTcpSocket *accepted, const Options &options, TimePoint now,
                               QObject *parent)
    : QObject(parent), m_id(id), m_socket(accepted), m_options(options), m_incoming(true),
      m_address(accepted->peerAddress()), m_port(accepted->peerPort())
{
    accepted->setParent(this);
    setUp(now);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &PeerConnection::onReadyRead, Qt::QueuedConnection);
}

PeerConnection::~PeerConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void PeerConnection::setUp(TimePoint now)
{
    m_connectedAt = m_lastReceived = m_lastSent = m_lastPiece = now;
    m_down.start(now);
    m_up.start(now);
    m_socket->setReadBufferSize(m_options.readBufferSize);
    // Blocks are copied once, from the decoder's buffer into the torrent's piece buffer.
    m_decoder.setBorrowPieceData(true);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::connected, this, &PeerConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &PeerConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &PeerConnection::onError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &PeerConnection::onBytesWritten);
}

bool PeerConnection::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !m_closing;
}

QString PeerConnection::clientName() const
{
    return m_remote.peerId.isEmpty() ? QString() : wire::clientNameFromPeerId(m_remote.peerId);
}

void PeerConnection::onConnected()
{
    sendHandshake();
}

void PeerConnection::acceptFor(const metainfo::InfoHash &infoHash)
{
    m_infoHash = infoHash;
    sendHandshake();
    // The rest of their handshake may already be here.
    QMetaObject::invokeMethod(this, &PeerConnection::onReadyRead, Qt::QueuedConnection);
}

void PeerConnection::setPieceCount(int pieceCount)
{
    const bool hadMetadata = m_pieceCount >= 0;
    m_pieceCount = pieceCount;
    m_decoder.setPieceCount(pieceCount);
    if (m_pieces.size() != pieceCount)
        m_pieces = Bitfield(pieceCount);
    if (hadMetadata || pieceCount < 0)
        return;
    // The metadata arrived while connected (a magnet): what the peer said it has now counts.
    if (m_pendingPieceInfo == PendingPieceInfo::All || m_pendingPieceInfo == PendingPieceInfo::None) {
        m_pieces = Bitfield(pieceCount, m_pendingPieceInfo == PendingPieceInfo::All);
    } else if (m_pendingPieceInfo == PendingPieceInfo::Bitfield) {
        auto bits = Bitfield::fromWire(m_pendingBitfield, pieceCount);
        if (!bits) {
            close(QStringLiteral("its bitfield does not fit the torrent's %1 pieces").arg(pieceCount));
            return;
        }
        m_pieces = *bits;
    }
    for (quint32 piece : std::as_const(m_pendingHaves)) {
        if (piece >= quint32(pieceCount)) {
            close(QStringLiteral("have for piece %1 of %2").arg(piece).arg(pieceCount));
            return;
        }
        m_pieces.set(int(piece));
    }
    m_pendingBitfield.clear();
    m_pendingHaves.clear();
}

bool PeerConnection::lateBitfield(const wire::Message &m)
{
    // BEP 3 wants the bitfield first, but aria2 sends a fresh one instead of many haves when
    // it is shorter: take what it adds as haves (a peer never loses pieces), close only on a
    // malformed one.
    using wire::MessageType;
    if (m.type != MessageType::Bitfield && !m_fast) {
        close(QStringLiteral("%1 without the fast extension").arg(wire::messageName(m.type)));
        return false;
    }
    if (m.type == MessageType::HaveNone)
        return true;
    if (m_pieceCount < 0) {
        keepPieceInfo(m);
        return true;
    }
    Bitfield incoming(m_pieceCount, true);
    if (m.type == MessageType::Bitfield) {
        auto bits = Bitfield::fromWire(m.payload, m_pieceCount);
        if (!bits) {
            close(QStringLiteral("a later bitfield of the wrong size"));
            return false;
        }
        incoming = *bits;
    }
    for (int i = 0; i < m_pieceCount; ++i) {
        if (!incoming.test(i) || m_pieces.test(i))
            continue;
        m_pieces.set(i);
        if (m_handler)
            m_handler->peerHave(this, i);
        if (m_closing)
            return false;
    }
    return !m_closing;
}

bool PeerConnection::keepPieceInfo(const wire::Message &m)
{
    using wire::MessageType;
    constexpr qsizetype kMaxPendingHaves = 1 << 16;
    switch (m.type) {
    case MessageType::Bitfield:
        m_pendingPieceInfo = PendingPieceInfo::Bitfield;
        m_pendingBitfield = m.payload; // the decoder already bounded its size
        break;
    case MessageType::HaveAll:
    case MessageType::HaveNone:
        if (!m_fast)
            return false;
        m_pendingPieceInfo = m.type == MessageType::HaveAll ? PendingPieceInfo::All : PendingPieceInfo::None;
        break;
    case MessageType::Have:
        if (m_pendingHaves.size() < kMaxPendingHaves)
            m_pendingHaves << m.index;
        break;
    default:
        break;
    }
    return true;
}

void PeerConnection::sendHandshake()
{
    if (m_handshakeSent || !m_socket)
        return;
    wire::Handshake h;
    h.reserved = m_options.ourReserved;
    h.infoHash = m_infoHash;
    h.peerId = m_options.ourPeerId;
    m_handshakeSent = true;
    write(wire::encodeHandshake(h));
}

void PeerConnection::write(const QByteArray &bytes)
{
    if (!m_socket || m_closing || bytes.isEmpty())
        return;
    m_socket->write(bytes);
}

void PeerConnection::onReadyRead()
{
    pump(Clock::now());
}

void PeerConnection::pump(TimePoint now)
{
    // Not re-entrant: a handler may call back into the engine, which may pump peers.
    if (!m_socket || m_closing || m_pumping)
        return;
    m_pumping = true;
    const auto done = qScopeGuard([this] { m_pumping = false; });
    // Handshake first: byte by byte as needed, so no message bytes are swallowed. The parser may
    // already hold the whole handshake (an incoming peer's, read before the session accepted it).
    while (!m_handshakeDone
           && (m_socket->bytesAvailable() > 0 || m_handshakeParser.status() == wire::HandshakeParser::Status::Done)) {
        if (m_incoming && !m_handshakeSent && m_handshakeParser.hasInfoHash())
            break; // waiting for the session to accept the info-hash
        if (m_handshakeParser.status() == wire::HandshakeParser::Status::NeedMore) {
            const QByteArray chunk = m_socket->peek(wire::kHandshakeSize - m_handshakeParser.bytesReceived());
            const qsizetype used = m_handshakeParser.feed(chunk);
            m_socket->skip(used);
            m_lastReceived = now;
        }
        if (m_handshakeParser.status() == wire::HandshakeParser::Status::Error) {
            close(m_handshakeParser.errorString());
            return;
        }
        if (m_incoming && !m_handshakeSent && m_handshakeParser.hasInfoHash()) {
            m_remote = m_handshakeParser.handshake();
            m_infoHash = m_remote.infoHash;
            if (m_handler)
                m_handler->peerHandshake(this); // the session finds the torrent and calls acceptFor
            return;
        }
        if (m_handshakeParser.status() == wire::HandshakeParser::Status::Done) {
            m_remote = m_handshakeParser.handshake();
            if (!(m_remote.infoHash == m_infoHash)) {
                close(QStringLiteral("handshake for another torrent"));
                return;
            }
            if (m_remote.peerId == m_options.ourPeerId) {
                close(QStringLiteral("connected to ourselves"));
                return;
            }
            m_handshakeDone = true;
            m_fast = m_remote.reserved.fastExtension() && m_options.ourReserved.fastExtension();
            if (m_handler)
                m_handler->peerHandshake(this);
            if (m_closing)
                return;
        }
    }
    if (!m_handshakeDone)
        return;

    while (m_socket && !m_closing) {
        qint64 want = m_socket->bytesAvailable();
        if (want <= 0)
            break;
        if (m_readAllowance >= 0)
            want = std::min(want, m_readAllowance);
        if (want <= 0)
            break;
        // Straight from Qt's socket buffer into the decoder's.
        const qint64 chunk = std::min(want, kReadChunk);
        const qint64 n = m_socket->read(m_decoder.feedBuffer(chunk), chunk);
        m_decoder.commitFeed(n);
        if (n <= 0)
            break;
        if (m_readAllowance >= 0)
            m_readAllowance -= n;
        m_lastReceived = now;
        wire::Message m;
        while (!m_closing) {
            const auto status = m_decoder.next(&m);
            if (status == wire::MessageDecoder::Status::NeedMore)
                break;
            if (status == wire::MessageDecoder::Status::Error) {
                close(m_decoder.errorString());
                return;
            }
            if (!handleMessage(m, now))
                return;
        }
    }
}

bool PeerConnection::validBlock(const wire::Message &m) const
{
    return m_pieceCount > 0 && m.index < quint32(m_pieceCount);
}

bool PeerConnection::handleMessage(const wire::Message &m, TimePoint now)
{
    using wire::MessageType;
    auto protocolError = [this](const QString &why) {
        close(why);
        return false;
    };
    const bool pieceInfoMessage = m.type == MessageType::Bitfield || m.type == MessageType::HaveAll
                                  || m.type == MessageType::HaveNone;
    if (pieceInfoMessage && m_gotPieceInfo)
        return lateBitfield(m);
    // Only the piece-state messages count: BEP 10's extension handshake (and PORT) may come
    // before the bitfield, and libtorrent sends it first.
    if (m.type != MessageType::KeepAlive && m.type != MessageType::Extended && m.type != MessageType::Port
        && m.type != MessageType::Unknown)
        m_gotPieceInfo = true;
    if (m_pieceCount < 0 && !keepPieceInfo(m))
        return protocolError(QStringLiteral("%1 without the fast extension").arg(wire::messageName(m.type)));
    if (m_pieceCount < 0 && m.type != MessageType::KeepAlive && m.type != MessageType::Extended
        && m.type != MessageType::Unknown && m.type != MessageType::Port && m.type != MessageType::Choke
        && m.type != MessageType::Unchoke && m.type != MessageType::Interested
        && m.type != MessageType::NotInterested)
        return true; // no metadata yet: what it has is kept (keepPieceInfo), requests mean nothing

    switch (m.type) {
    case MessageType::KeepAlive:
    case MessageType::Unknown:
        break;
    case MessageType::Choke:
        if (!m_peerChoking) {
            m_peerChoking = true;
            if (m_handler)
                m_handler->peerChoked(this, true);
        }
        break;
    case MessageType::Unchoke:
        if (m_peerChoking) {
            m_peerChoking = false;
            if (m_handler)
                m_handler->peerChoked(this, false);
        }
        break;
    case MessageType::Interested:
    case MessageType::NotInterested: {
        const bool interested = m.type == MessageType::Interested;
        if (interested != m_peerInterested) {
            m_peerInterested = interested;
            if (m_handler)
                m_handler->peerInterested(this, interested);
        }
        break;
    }
    case MessageType::Have:
        if (!validBlock(m))
            return protocolError(QStringLiteral("have for piece %1 of %2").arg(m.index).arg(m_pieceCount));
        if (!m_pieces.test(int(m.index))) {
            m_pieces.set(int(m.index));
            if (m_handler)
                m_handler->peerHave(this, int(m.index));
        }
        break;
    case MessageType::Bitfield: {
        auto bits = Bitfield::fromWire(m.payload, m_pieceCount);
        if (!bits)
            return protocolError(QStringLiteral("bitfield of %1 bytes with spare bits set or the wrong size "
                                                "for %2 pieces")
                                     .arg(m.payload.size())
                                     .arg(m_pieceCount));
        m_pieces = *bits;
        if (m_handler)
            m_handler->peerBitfield(this);
        break;
    }
    case MessageType::HaveAll:
    case MessageType::HaveNone:
        if (!m_fast)
            return protocolError(QStringLiteral("%1 without the fast extension").arg(wire::messageName(m.type)));
        m_pieces = Bitfield(m_pieceCount, m.type == MessageType::HaveAll);
        if (m_handler)
            m_handler->peerBitfield(this);
        break;
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::Reject: {
        if (!validBlock(m))
            return protocolError(QStringLiteral("%1 for piece %2 of %3")
                                     .arg(wire::messageName(m.type))
                                     .arg(m.index)
                                     .arg(m_pieceCount));
        if (m.type == MessageType::Reject && !m_fast)
            return protocolError(QStringLiteral("reject without the fast extension"));
        const BlockRequest block{int(m.index), int(m.begin), int(m.length)};
        if (!m_handler)
            break;
        if (m.type == MessageType::Request)
            m_handler->peerRequest(this, block);
        else if (m.type == MessageType::Cancel)
            m_handler->peerCancel(this, block);
        else if (forgetRequest(block))
            m_handler->peerReject(this, block);
        break;
    }
    case MessageType::Piece: {
        if (!validBlock(m))
            return protocolError(QStringLiteral("piece %1 of %2").arg(m.index).arg(m_pieceCount));
        const BlockRequest block{int(m.index), int(m.begin), int(m.payload.size())};
        m_down.add(m.payload.size(), now);
        m_lastPiece = now;
        forgetRequest(block);
        if (m_handler)
            m_handler->peerBlock(this, block, m.payload);
        break;
    }
    case MessageType::Port:
        if (m_handler)
            m_handler->peerPort(this, m.port);
        break;
    case MessageType::Suggest:
        if (validBlock(m) && m_handler)
            m_handler->peerSuggest(this, int(m.index));
        break;
    case MessageType::AllowedFast:
        if (validBlock(m) && m_handler)
            m_handler->peerAllowedFast(this, int(m.index));
        break;
    case MessageType::Extended:
        if (m_handler)
            m_handler->peerExtended(this, m.extendedId, m.payload);
        break;
    }
    return !m_closing;
}

void PeerConnection::sendBitfield(const Bitfield &have)
{
    if (m_fast && have.all())
        write(wire::encodeHaveAll());
    else if (m_fast && have.none())
        write(wire::encodeHaveNone());
    else if (!have.none())
        write(wire::encodeBitfield(have.toWire()));
}

void PeerConnection::sendHave(int piece)
{
    write(wire::encodeHave(quint32(piece)));
}

void PeerConnection::setChoking(bool choke)
{
    if (choke == m_amChoking)
        return;
    m_amChoking = choke;
    write(choke ? wire::encodeChoke() : wire::encodeUnchoke());
}

void PeerConnection::setInterested(bool interested)
{
    if (interested == m_amInterested)
        return;
    m_amInterested = interested;
    write(interested ? wire::encodeInterested() : wire::encodeNotInterested());
}

void PeerConnection::sendRequest(const BlockRequest &block, TimePoint now)
{
    m_outstanding.push_back({block, now});
    write(wire::encodeRequest(quint32(block.piece), quint32(block.begin), quint32(block.length)));
}

void PeerConnection::sendCancel(const BlockRequest &block)
{
    if (forgetRequest(block))
        write(wire::encodeCancel(quint32(block.piece), quint32(block.begin), quint32(block.length)));
}

void PeerConnection::sendReject(const BlockRequest &block)
{
    if (m_fast)
        write(wire::encodeReject(quint32(block.piece), quint32(block.begin), quint32(block.length)));
}

void PeerConnection::sendBlock(const BlockRequest &block, const QByteArray &data, TimePoint now)
{
    write(wire::encodePieceHeader(quint32(block.piece), quint32(block.begin), quint32(data.size())));
    write(data);
    m_up.add(data.size(), now);
    m_lastSent = now;
}

void PeerConnection::sendExtended(quint8 id, const QByteArray &payload)
{
    write(wire::encodeExtended(id, payload));
}

void PeerConnection::sendPort(quint16 port)
{
    write(wire::encodePort(port));
}

void PeerConnection::sendAllowedFast(int piece)
{
    if (m_fast)
        write(wire::encodeAllowedFast(quint32(piece)));
}

void PeerConnection::sendSuggest(int piece)
{
    if (m_fast)
        write(wire::encodeSuggest(quint32(piece)));
}

bool PeerConnection::forgetRequest(const BlockRequest &block)
{
    for (auto it = m_outstanding.begin(); it != m_outstanding.end(); ++it) {
        if (it->block == block) {
            m_outstanding.erase(it);
            return true;
        }
    }
    return false;
}

std::deque<OutstandingRequest> PeerConnection::takeOutstanding()
{
    std::deque<OutstandingRequest> out;
    out.swap(m_outstanding);
    return out;
}

qint64 PeerConnection::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool PeerConnection::canSendMore() const
{
    return isConnected() && bytesToWrite() < m_options.sendBufferLimit;
}

void PeerConnection::onBytesWritten(qint64)
{
    m_lastSent = Clock::now();
    if (m_handler && bytesToWrite() < m_options.sendBufferLimit / 2)
        m_handler->peerWritable(this);
}

void PeerConnection::tick(TimePoint now)
{
    if (m_closing || !m_socket)
        return;
    if (!m_handshakeDone) {
        if (now - m_connectedAt > kHandshakeLimit)
            close(m_socket->state() == QAbstractSocket::ConnectedState ? QStringLiteral("handshake timed out")
                                                                        : QStringLiteral("connect timed out"));
        return;
    }
    if (now - m_lastReceived > kSilenceLimit) {
        close(QStringLiteral("no data for 120 s"));
        return;
    }
    if (now - m_lastSent > kKeepAliveAfter && m_socket->bytesToWrite() == 0) {
        write(wire::encodeKeepAlive());
        m_lastSent = now;
    }
}

void PeerConnection::close(const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closeReason = reason;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (m_handler)
        m_handler->peerClosed(this, reason);
}

void PeerConnection::onDisconnected()
{
    close(QStringLiteral("the peer closed the connection"));
}

void PeerConnection::onError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        close(QStringLiteral("the peer closed the connection"));
    else
        close(m_socket ? m_socket->errorString() : QStringLiteral("socket error"));
}

} // namespace swarmscope::peer
