#include "peers/peersmodel.h"

#include "models/changedspans.h"

#include "format/units.h"
#include "peers/peertext.h"

#include <QFontDatabase>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace swarmscope::ui {

using session::PeerSnapshot;

PeersModel::PeersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

std::pair<int, int> PeersModel::changedColumns(const PeerSnapshot &a, const PeerSnapshot &b)
{
    const bool flags = a.amChoking != b.amChoking || a.amInterested != b.amInterested
        || a.peerChoking != b.peerChoking || a.peerInterested != b.peerInterested || a.optimistic != b.optimistic
        || a.snubbed != b.snubbed || a.incoming != b.incoming || a.source != b.source;
    const bool changed[ColumnCount] = {
        a.address != b.address || a.port != b.port,
        a.client != b.client,
        flags,
        a.pieces.count() != b.pieces.count() || a.pieces.size() != b.pieces.size(),
        a.downloadRate != b.downloadRate,
        a.uploadRate != b.uploadRate,
        a.downloaded != b.downloaded,
        a.uploaded != b.uploaded,
        a.amChoking != b.amChoking,
        a.amInterested != b.amInterested,
        a.peerChoking != b.peerChoking,
        a.peerInterested != b.peerInterested,
        a.optimistic != b.optimistic || a.regularSlot != b.regularSlot,
        a.snubbed != b.snubbed,
        a.incoming != b.incoming,
        a.source != b.source,
        !(a.pieces == b.pieces),
    };
    int first = ColumnCount;
    int last = -1;
    for (int c = 0; c < ColumnCount; ++c) {
        if (changed[c]) {
            first = std::min(first, c);
            last = c;
        }
    }
    return {first, last};
}

void PeersModel::setPeers(const QList<PeerSnapshot> &input)
{
    // The engine never sends a peer twice, but if it did, the first copy would win.
    QList<PeerSnapshot> peers;
    QList<QString> keys;
    QHash<QString, int> incoming;
    peers.reserve(input.size());
    for (const PeerSnapshot &p : input) {
        const QString key = peertext::peerKey(p);
        if (incoming.contains(key))
            continue;
        incoming.insert(key, static_cast<int>(peers.size()));
        peers.append(p);
        keys.append(key);
    }

    // Removals from the back so that indexes stay valid, one per contiguous span.
    for (int last = static_cast<int>(m_peers.size()) - 1; last >= 0;) {
        if (incoming.contains(m_keys[last])) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(m_keys[first - 1]))
            --first;
        beginRemoveRows({}, first, last);
        m_peers.remove(first, last - first + 1);
        m_keys.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // Updates in place: one dataChanged per run of consecutive changed rows.
    ChangedSpans spans(ColumnCount, [this](int firstRow, int lastRow, int firstColumn, int lastColumn) {
        emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    });
    QList<bool> present(peers.size(), false);
    for (int r = 0; r < m_peers.size(); ++r) {
        const int from = incoming.value(m_keys[r]);
        present[from] = true;
        const auto [first, last] = changedColumns(m_peers[r], peers[from]);
        m_peers[r] = peers[from];
        spans.row(r, first, last);
    }
    spans.finish(static_cast<int>(m_peers.size()) - 1);

    // Newcomers, in the order given, in one insertion at the end.
    QList<int> added;
    for (int i = 0; i < peers.size(); ++i)
        if (!present[i])
            added.append(i);
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_peers.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (int i : added) {
            m_peers.append(peers[i]);
            m_keys.append(keys[i]);
        }
        endInsertRows();
    }
    rebuildIndex();
}

void PeersModel::clear()
{
    if (m_peers.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_peers.size()) - 1);
    m_peers.clear();
    m_keys.clear();
    endRemoveRows();
    rebuildIndex();
}

void PeersModel::rebuildIndex()
{
    m_rowOf.clear();
    for (int r = 0; r < m_keys.size(); ++r)
        m_rowOf.insert(m_keys[r], r);
}

int PeersModel::rowOf(const QString &key) const { return m_rowOf.value(key, -1); }

int PeersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_peers.size());
}

int PeersModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {

QString yesNo(bool value) { return value ? PeersModel::tr("Yes") : PeersModel::tr("No"); }
QString yesOrBlank(bool value) { return value ? PeersModel::tr("Yes") : QString(); }

// Sorts addresses numerically (IPv4 as v4-mapped IPv6), then by port.
QString addressSortKey(const PeerSnapshot &p)
{
    const Q_IPV6ADDR v6 = p.address.toIPv6Address(); // IPv4 comes back v4-mapped (::ffff:a.b.c.d)
    const QByteArray bytes(reinterpret_cast<const char *>(v6.c), 16);
    return QString::fromLatin1(bytes.toHex()) + QStringLiteral(":%1").arg(p.port, 5, 10, QLatin1Char('0'));
}

bool isNumeric(int column)
{
    switch (column) {
    case PeersModel::ProgressColumn:
    case PeersModel::DownRateColumn:
    case PeersModel::UpRateColumn:
    case PeersModel::DownloadedColumn:
    case PeersModel::UploadedColumn:
        return true;
    default:
        return false;
    }
}

} // namespace

QVariant PeersModel::displayData(const PeerSnapshot &p, int column) const
{
    const QLocale locale;
    switch (column) {
    case AddressColumn: return peertext::peerKey(p);
    case ClientColumn: return p.client.isEmpty() ? tr("Unknown") : p.client;
    case FlagsColumn: return peertext::flagsFor(p);
    case ProgressColumn: return p.pieces.size() ? units::formatPercent(p.progress(), locale) : QString();
    case DownRateColumn: return units::formatRate(std::llround(p.downloadRate), locale);
    case UpRateColumn: return units::formatRate(std::llround(p.uploadRate), locale);
    case DownloadedColumn: return units::formatSize(p.downloaded, locale);
    case UploadedColumn: return units::formatSize(p.uploaded, locale);
    case AmChokingColumn: return yesNo(p.amChoking);
    case AmInterestedColumn: return yesNo(p.amInterested);
    case PeerChokingColumn: return yesNo(p.peerChoking);
    case PeerInterestedColumn: return yesNo(p.peerInterested);
    case OptimisticColumn: return yesOrBlank(p.optimistic);
    case SnubbedColumn: return yesOrBlank(p.snubbed);
    case DirectionColumn: return peertext::directionName(p.incoming);
    case SourceColumn: return peertext::sourceName(p.source);
    case PiecesColumn: return QString(); // painted by PiecesBarDelegate
    }
    return {};
}

QVariant PeersModel::sortData(const PeerSnapshot &p, int column) const
{
    switch (column) {
    case AddressColumn: return addressSortKey(p);
    case ClientColumn: return p.client;
    case FlagsColumn: return peertext::flagsFor(p);
    case ProgressColumn:
    case PiecesColumn: return p.progress();
    case DownRateColumn: return p.downloadRate;
    case UpRateColumn: return p.uploadRate;
    case DownloadedColumn: return p.downloaded;
    case UploadedColumn: return p.uploaded;
    case AmChokingColumn: return p.amChoking;
    case AmInterestedColumn: return p.amInterested;
    case PeerChokingColumn: return p.peerChoking;
    case PeerInterestedColumn: return p.peerInterested;
    case OptimisticColumn: return p.optimistic;
    case SnubbedColumn: return p.snubbed;
    case DirectionColumn: return p.incoming;
    case SourceColumn: return static_cast<int>(p.source);
    }
    return {};
}

QVariant PeersModel::toolTipData(const PeerSnapshot &p, int column) const
{
    const QLocale locale;
    switch (column) {
    case FlagsColumn: {
        const QString flags = peertext::describeFlags(p);
        return flags.isEmpty() ? tr("No flags: choked both ways and nobody is interested") : flags;
    }
    case AmChokingColumn:
    case AmInterestedColumn:
    case PeerChokingColumn:
    case PeerInterestedColumn: return peertext::chokeStateLines(p);
    case OptimisticColumn:
        if (p.optimistic)
            return tr("It holds our optimistic unchoke slot");
        return p.regularSlot ? tr("It holds one of our regular unchoke slots") : tr("It holds no upload slot of ours");
    case ProgressColumn:
    case PiecesColumn:
        if (p.pieces.size() == 0)
            return tr("No piece information yet");
        return tr("It has %1 of %2 pieces").arg(locale.toString(p.pieces.count()), locale.toString(p.pieces.size()));
    case DownloadedColumn: return units::formatSizeWithBytes(p.downloaded, locale);
    case UploadedColumn: return units::formatSizeWithBytes(p.uploaded, locale);
    default: return {};
    }
}

QVariant PeersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PeerSnapshot &p = m_peers[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayData(p, index.column());
    case SortRole: return sortData(p, index.column());
    case Qt::ToolTipRole: return toolTipData(p, index.column());
    case KeyRole: return m_keys[index.row()];
    case PiecesRole: return QVariant::fromValue(p.pieces);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumeric(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                             : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == FlagsColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    default: return {};
    }
}

QVariant PeersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case AddressColumn: return tr("Address");
        case ClientColumn: return tr("Client");
        case FlagsColumn: return tr("Flags");
        case ProgressColumn: return tr("Progress");
        case DownRateColumn: return tr("Down");
        case UpRateColumn: return tr("Up");
        case DownloadedColumn: return tr("Downloaded");
        case UploadedColumn: return tr("Uploaded");
        case AmChokingColumn: return tr("Am choking");
        case AmInterestedColumn: return tr("Am interested");
        case PeerChokingColumn: return tr("Peer choking");
        case PeerInterestedColumn: return tr("Peer interested");
        case OptimisticColumn: return tr("Optimistic");
        case SnubbedColumn: return tr("Snubbed");
        case DirectionColumn: return tr("Direction");
        case SourceColumn: return tr("Source");
        case PiecesColumn: return tr("Pieces");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AddressColumn: return tr("The neighbour's IP address and port");
        case ClientColumn: return tr("The BitTorrent program it runs, as its peer id tells");
        case FlagsColumn: return tr("qBittorrent-style letters for the peer's state:") + QLatin1Char('\n')
                + peertext::legendText();
        case ProgressColumn: return tr("How much of the torrent it has");
        case DownRateColumn: return tr("How fast we receive data from it");
        case UpRateColumn: return tr("How fast we send data to it");
        case DownloadedColumn: return tr("Data received from it since it connected");
        case UploadedColumn: return tr("Data sent to it since it connected");
        case AmChokingColumn: return tr("Am choking: we refuse to upload to this peer");
        case AmInterestedColumn: return tr("Am interested: this peer has pieces we want");
        case PeerChokingColumn: return tr("Peer choking: this peer refuses to upload to us");
        case PeerInterestedColumn: return tr("Peer interested: this peer wants pieces we have");
        case OptimisticColumn:
            return tr("Optimistic unchoke: we upload to this peer on trial, whatever its rate, "
                      "to discover better partners");
        case SnubbedColumn: return tr("Snubbed: it unchoked us but has sent nothing for a while");
        case DirectionColumn: return tr("Incoming: it connected to us. Outgoing: we connected to it");
        case SourceColumn: return tr("Where we learnt its address: tracker, DHT, peer exchange, incoming, or by hand");
        case PiecesColumn:
            return tr("The pieces it has, first to last; a darker stretch means more of its pieces are there");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace swarmscope::ui
