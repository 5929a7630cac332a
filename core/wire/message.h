// Peer wire messages (BEP 3, BEP 5 PORT, BEP 6 fast extension, BEP 10 extended framing) as
// values, and the encoder that turns each into its exact bytes: a 4-byte big-endian length
// prefix, a one-byte id, then the payload.
//
// The encoder writes what it is given; checking that a request fits a piece, that a bitfield
// has the torrent's size or that the fast extension was negotiated is the caller's job.
#pragma once

#include <QByteArray>
#include <QString>

#include <QtGlobal>

namespace swarmscope::wire {

// Values are the wire ids, except KeepAlive (no id at all) and Unknown (an id we do not know,
// kept in Message::unknownId).
enum class MessageType : int {
    KeepAlive = -1,
    Choke = 0,
    Unchoke = 1,
    Interested = 2,
    NotInterested = 3,
    Have = 4,
    Bitfield = 5,
    Request = 6,
    Piece = 7,
    Cancel = 8,
    Port = 9,
    Suggest = 13,
    HaveAll = 14,
    HaveNone = 15,
    Reject = 16,
    AllowedFast = 17,
    Extended = 20,
    Unknown = 256,
};

// True for every type above that has a wire id we understand (not KeepAlive, not Unknown).
bool isKnownId(int id);
// "piece", "have all", ... for error messages and logs. Unknown ids give "message 42".
QString messageName(MessageType type, int unknownId = 0);

// One decoded or to-be-encoded message. Only the fields its type uses are meaningful.
struct Message {
    MessageType type = MessageType::KeepAlive;
    quint32 index = 0;  // have, request, piece, cancel, suggest, reject, allowed fast
    quint32 begin = 0;  // request, piece, cancel, reject
    quint32 length = 0; // request, cancel, reject; for Unknown: payload bytes skipped
    quint16 port = 0;   // port
    quint8 extendedId = 0; // extended: 0 is the BEP 10 handshake, others as negotiated
    quint8 unknownId = 0;  // Unknown: the id as received
    QByteArray payload; // bitfield bytes, piece block, extended payload

    static Message keepAlive() { return {}; }
    static Message simple(MessageType type); // choke .. not interested, have all, have none
    static Message have(quint32 index);
    static Message bitfield(const QByteArray &bytes);
    static Message request(quint32 index, quint32 begin, quint32 length);
    static Message piece(quint32 index, quint32 begin, const QByteArray &block);
    static Message cancel(quint32 index, quint32 begin, quint32 length);
    static Message portMessage(quint16 port);
    static Message suggest(quint32 index);
    static Message reject(quint32 index, quint32 begin, quint32 length);
    static Message allowedFast(quint32 index);
    static Message extended(quint8 id, const QByteArray &payload);

    friend bool operator==(const Message &a, const Message &b)
    {
        return a.type == b.type && a.index == b.index && a.begin == b.begin && a.length == b.length
            && a.port == b.port && a.extendedId == b.extendedId && a.unknownId == b.unknownId
            && a.payload == b.payload;
    }
};

// Exact wire bytes, one function per message.
QByteArray encodeKeepAlive();
QByteArray encodeChoke();
QByteArray encodeUnchoke();
QByteArray encodeInterested();
QByteArray encodeNotInterested();
QByteArray encodeHave(quint32 index);
QByteArray encodeBitfield(const QByteArray &bits);
QByteArray encodeRequest(quint32 index, quint32 begin, quint32 length);
QByteArray encodePiece(quint32 index, quint32 begin, const QByteArray &block);
// The 13 bytes in front of a block of `blockLength` bytes, so a sender can write the header and
// then the block straight from its disk buffer without copying it into a message.
QByteArray encodePieceHeader(quint32 index, quint32 begin, quint32 blockLength);
QByteArray encodeCancel(quint32 index, quint32 begin, quint32 length);
QByteArray encodePort(quint16 port);
QByteArray encodeSuggest(quint32 index);
QByteArray encodeHaveAll();
QByteArray encodeHaveNone();
QByteArray encodeReject(quint32 index, quint32 begin, quint32 length);
QByteArray encodeAllowedFast(quint32 index);
QByteArray encodeExtended(quint8 extendedId, const QByteArray &payload);

// Any message by value. Unknown messages carry no payload and encode to nothing.
QByteArray encode(const Message &message);

} // namespace swarmscope::wire
