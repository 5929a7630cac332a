// Torrent: the immutable picture of it that the UI and the CLI read (see session/snapshot.h).
#include "swarm/torrent.h"

#include <algorithm>

namespace swarmscope::swarm {

using peer::PeerConnection;

session::TorrentSnapshot Torrent::snapshot(TimePoint now, bool withDetail) const
{
    session::TorrentSnapshot s;
    s.infoHash = infoHash();
    s.name = m_info.name;
    s.savePath = m_params.savePath;
    s.state = m_state;
    s.error = m_error;
    s.hasMetadata = true;
    s.sequential = isSequential();
    s.totalSize = m_info.totalSize;
    s.wantedSize = wantedBytes();
    s.piecesHave = m_picker.have().count();
    s.pieceCount = m_info.pieceCount();
    s.wantedDone = std::min(wantedDoneBytes(), s.wantedSize);
    s.progress = m_checking && m_checkTotal > 0 ? double(m_checkDone) / m_checkTotal
                 : s.wantedSize > 0            ? double(s.wantedDone) / double(s.wantedSize)
                                               : 1.0;
    s.downloadRate = m_downRate.rate(now, std::chrono::seconds(5));
    s.uploadRate = m_upRate.rate(now, std::chrono::seconds(5));
    s.downloaded = m_params.downloaded;
    s.uploaded = m_params.uploaded;
    for (const PeerInfo &p : m_peers) {
        if (!p.connection->handshakeDone())
            continue;
        if (p.connection->isSeed())
            ++s.seedsConnected;
        else
            ++s.peersConnected;
    }
    const auto [seeds, leechers] = m_announcer->swarmSize();
    s.seedsInSwarm = int(seeds);
    s.peersInSwarm = int(leechers);
    if (s.downloadRate > 1 && s.wantedSize > s.wantedDone)
        s.etaSeconds = qint64(double(s.wantedSize - s.wantedDone) / s.downloadRate);
    s.addedAt = m_params.addedAt;
    s.completedAt = m_params.completedAt;
    s.queuePosition = m_params.queuePosition;
    if (!withDetail)
        return s;

    auto detail = std::make_shared<session::TorrentDetail>();
    for (const PeerInfo &p : m_peers) {
        const PeerConnection *c = p.connection;
        if (!c->handshakeDone())
            continue;
        session::PeerSnapshot ps;
        ps.address = c->address();
        ps.port = c->port();
        ps.client = p.extensions && !p.extensions->client().isEmpty() ? p.extensions->client() : c->clientName();
        ps.incoming = c->isIncoming();
        ps.source = p.source;
        ps.amChoking = c->amChoking();
        ps.amInterested = c->amInterested();
        ps.peerChoking = c->peerChoking();
        ps.peerInterested = c->peerInterested();
        const ChokeSlot slot = m_choker.slotOf(c->id());
        ps.optimistic = slot == ChokeSlot::Optimistic;
        ps.regularSlot = slot == ChokeSlot::Regular;
        ps.snubbed = p.snubbed;
        ps.seed = c->isSeed();
        ps.supportsFast = c->supportsFast();
        ps.supportsExtensions = c->remoteReserved().extensionProtocol();
        ps.downloadRate = c->downloadMeter().rate(now, std::chrono::seconds(5));
        ps.uploadRate = c->uploadMeter().rate(now, std::chrono::seconds(5));
        ps.downloaded = c->downloadMeter().total();
        ps.uploaded = c->uploadMeter().total();
        ps.pieces = c->pieces();
        ps.piecesWeRequest = m_picker.piecesRequestedFrom(c->id());
        QSet<int> theirs;
        for (const BlockRequest &b : p.uploadQueue)
            theirs.insert(b.piece);
        ps.piecesItRequests = QList<int>(theirs.begin(), theirs.end());
        std::sort(ps.piecesItRequests.begin(), ps.piecesItRequests.end());
        ps.requestQueue = int(c->outstanding().size());
        detail->peers << ps;
    }
    for (int a : m_picker.availabilities())
        detail->availability << quint16(std::min(a, 65535));
    detail->have = m_picker.have();
    for (const PartialPieceInfo &pp : m_picker.partialPieces())
        detail->downloadingPieces << pp.piece;
    detail->trackers = m_announcer->snapshot(now);
    detail->pieceLength = m_info.pieceLength;
    const Bitfield &have = m_picker.have();
    for (int i = 0; i < m_info.files.size(); ++i) {
        const metainfo::FileEntry &f = m_info.files[i];
        session::FileSnapshot fs;
        fs.path = f.path;
        fs.size = f.size;
        fs.priority = quint8(m_filePriorities.at(i));
        fs.padFile = f.padFile;
        if (f.size > 0) {
            const int first = int(f.offset / m_info.pieceLength);
            const int last = int((f.offset + f.size - 1) / m_info.pieceLength);
            for (int piece = first; piece <= last; ++piece) {
                if (!have.test(piece))
                    continue;
                const qint64 start = std::max(f.offset, qint64(piece) * m_info.pieceLength);
                const qint64 end = std::min(f.offset + f.size, qint64(piece) * m_info.pieceLength + m_info.pieceSize(piece));
                fs.done += end - start;
            }
        }
        detail->files << fs;
    }
    s.detail = detail;
    return s;
}

} // namespace swarmscope::swarm
