// The BEP 10 extension handshake (the payload of extended message 0) and the registry that
// maps extension names to message ids in both directions.
//
// Decoding separates two kinds of trouble. A payload whose structure is broken (not bencode,
// not a dictionary, `m` not a dictionary, too many `m` entries, an id outside 0..255, a bad
// extension name) is rejected with an error: nothing in it can be trusted. A known key with a
// wrong type or an unusable value (`p` 0, `yourip` of 5 bytes, `metadata_size` of 2 GB) is
// dropped or clamped and reported as a warning, because the rest of the handshake is still
// good and real clients do send odd values. Unknown keys are ignored (BEP 10).
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace swarmscope::wire::ext {

// Names of the extensions we speak.
inline const QByteArray kUtMetadata = QByteArrayLiteral("ut_metadata"); // BEP 9
inline const QByteArray kUtPex = QByteArrayLiteral("ut_pex");           // BEP 11

struct HandshakeLimits {
    static constexpr int maxExtensions = 64;          // entries of `m`
    static constexpr int maxNameLength = 64;          // bytes of an extension name
    static constexpr int maxClientLength = 64;        // characters of `v` kept
    static constexpr int minRequestQueue = 1;         // `reqq` is clamped into this range
    static constexpr int maxRequestQueue = 5000;
    static constexpr qint64 maxMetadataSize = 30 * 1024 * 1024; // as libtorrent
    static constexpr int maxItems = 4096;             // bencode values in the whole payload
    static constexpr int maxDepth = 16;
};

struct ExtensionHandshake {
    // `m`: extension name -> the id to use when sending that extension to the handshake's
    // sender. Id 0 means "disabled"; it is kept so a re-sent handshake can switch one off.
    std::map<QByteArray, quint8> messages;
    QString client;                     // `v`, control and bidi characters removed, capped
    std::optional<quint16> listenPort;  // `p`, 1..65535
    std::optional<int> requestQueue;    // `reqq`, clamped to 1..5000
    QHostAddress yourIp;                // `yourip`: how the sender sees us; null when absent
    QHostAddress ipv4;                  // `ipv4`: the sender's own address, null when absent
    QHostAddress ipv6;                  // `ipv6`
    std::optional<qint64> metadataSize; // `metadata_size`, 1..30 MiB
    std::optional<bool> uploadOnly;     // `upload_only` (BEP 21)

    friend bool operator==(const ExtensionHandshake &, const ExtensionHandshake &) = default;
};

// Canonical bencode (keys sorted); absent optional fields and null addresses are left out.
QByteArray encodeExtensionHandshake(const ExtensionHandshake &handshake);

// nullopt with *error when the structure is broken; values that were dropped or clamped are
// described in *warnings.
std::optional<ExtensionHandshake> decodeExtensionHandshake(const QByteArray &payload,
                                                           QString *error = nullptr,
                                                           QStringList *warnings = nullptr);

// Which ids mean what on one connection. Ours are fixed for the session (the peer sends us
// extension X with our id for X); the peer's come from its handshakes (we send X with its id).
class ExtensionRegistry {
public:
    // `ours`: name -> id, ids 1..255 and distinct; entries breaking that are left out.
    explicit ExtensionRegistry(const std::map<QByteArray, quint8> &ours);
    ExtensionRegistry() : ExtensionRegistry(defaultOurs()) {}

    // ut_metadata = 1, ut_pex = 2. A private torrent (BEP 27) should not offer ut_pex.
    static std::map<QByteArray, quint8> defaultOurs(bool withPex = true);

    const std::map<QByteArray, quint8> &ours() const { return m_ours; }
    // The handshake we send: our `m` plus whatever the caller fills in (v, p, yourip ...).
    ExtensionHandshake ourHandshake() const;
    // Our id for `name`, 0 when we do not offer it.
    quint8 ourId(const QByteArray &name) const;
    // What an incoming extended message with this id is; empty for ids we never gave out
    // (and for 0, the handshake itself).
    QByteArray incomingName(quint8 id) const;

    // Applies a handshake from the peer. The `m` of a later handshake only carries changes
    // (BEP 10): entries add or replace, id 0 removes.
    void applyPeerHandshake(const ExtensionHandshake &handshake);
    // The id to send `name` with to this peer; 0 when it does not support (or disabled) it.
    quint8 peerId(const QByteArray &name) const;
    bool peerSupports(const QByteArray &name) const { return peerId(name) != 0; }
    const std::map<QByteArray, quint8> &peerExtensions() const { return m_peer; }

private:
    std::map<QByteArray, quint8> m_ours;
    std::map<quint8, QByteArray> m_oursById;
    std::map<QByteArray, quint8> m_peer; // only enabled entries
};

} // namespace swarmscope::wire::ext
