#include "torrentlist/torrentlistmodel.h"

#include "models/changedspans.h"

#include "format/units.h"

#include <QHash>
#include <QLocale>

#include <limits>

namespace swarmscope::ui {

bool matchesFilter(const TorrentRow &row, StatusFilter filter)
{
    switch (filter) {
    case StatusFilter::All: return true;
    case StatusFilter::Downloading:
        return row.state == TorrentState::Downloading || row.state == TorrentState::FetchingMetadata;
    case StatusFilter::Seeding: return row.state == TorrentState::Seeding;
    case StatusFilter::Completed: return row.size >= 0 && row.progress >= 1.0;
    case StatusFilter::Paused: return row.state == TorrentState::Paused;
    case StatusFilter::Error: return row.state == TorrentState::Error || row.state == TorrentState::StorageUnavailable;
    }
    return false;
}

TorrentListModel::TorrentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

namespace {

// Which columns differ between two values of the same torrent, as [first, last]; first > last
// when nothing visible changed.
std::pair<int, int> changedColumns(const TorrentRow &a, const TorrentRow &b)
{
    using M = TorrentListModel;
    const bool changed[M::ColumnCount] = {
        a.name != b.name,
        a.size != b.size,
        a.progress != b.progress,
        a.state != b.state || a.errorText != b.errorText,
        a.downloadRate != b.downloadRate,
        a.uploadRate != b.uploadRate,
        a.seeds != b.seeds || a.seedsInSwarm != b.seedsInSwarm,
        a.peers != b.peers || a.peersInSwarm != b.peersInSwarm,
        a.etaSeconds != b.etaSeconds,
        a.ratio != b.ratio,
        a.added != b.added,
    };
    int first = M::ColumnCount;
    int last = -1;
    for (int c = 0; c < M::ColumnCount; ++c) {
        if (changed[c]) {
            first = std::min(first, c);
            last = c;
        }
    }
    return {first, last};
}

} // namespace

void TorrentListModel::setRows(const QList<TorrentRow> &rows)
{
    QHash<metainfo::InfoHash, qsizetype> incoming;
    incoming.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        incoming.insert(rows[i].infoHash, i); // a repeated hash: the last value wins

    // Removals, from the back so indexes stay valid, one beginRemoveRows per contiguous span.
    for (int last = static_cast<int>(m_rows.size()) - 1; last >= 0;) {
        if (incoming.contains(m_rows[last].infoHash)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(m_rows[first - 1].infoHash))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // Updates in place, one dataChanged per run of changed rows.
    QHash<metainfo::InfoHash, bool> present;
    ChangedSpans spans(ColumnCount, [this](int firstRow, int lastRow, int firstColumn, int lastColumn) {
        emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    });
    for (int r = 0; r < m_rows.size(); ++r) {
        const TorrentRow &next = rows[incoming.value(m_rows[r].infoHash)];
        present.insert(next.infoHash, true);
        const auto [first, last] = changedColumns(m_rows[r], next);
        m_rows[r] = next;
        spans.row(r, first, last);
    }
    spans.finish(static_cast<int>(m_rows.size()) - 1);

    // Newcomers, in the order given, appended at once.
    QList<TorrentRow> added;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!present.contains(rows[i].infoHash) && incoming.value(rows[i].infoHash) == i) {
            added.append(rows[i]);
            present.insert(rows[i].infoHash, true);
        }
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }

    updateCounts();
    emit summaryChanged();
}

void TorrentListModel::updateCounts()
{
    m_counts.fill(0);
    for (const TorrentRow &row : std::as_const(m_rows)) {
        for (int f = 0; f < kStatusFilterCount; ++f) {
            if (matchesFilter(row, static_cast<StatusFilter>(f)))
                ++m_counts[static_cast<size_t>(f)];
        }
    }
}

int TorrentListModel::countFor(StatusFilter filter) const
{
    return m_counts[static_cast<size_t>(filter)];
}

qint64 TorrentListModel::totalDownloadRate() const
{
    qint64 total = 0;
    for (const TorrentRow &row : m_rows)
        total += row.downloadRate;
    return total;
}

qint64 TorrentListModel::totalUploadRate() const
{
    qint64 total = 0;
    for (const TorrentRow &row : m_rows)
        total += row.uploadRate;
    return total;
}

QString TorrentListModel::stateText(TorrentState state)
{
    switch (state) {
    case TorrentState::FetchingMetadata: return tr("Fetching metadata");
    case TorrentState::Checking: return tr("Checking");
    case TorrentState::Queued: return tr("Queued");
    case TorrentState::Downloading: return tr("Downloading");
    case TorrentState::Seeding: return tr("Seeding");
    case TorrentState::Completed: return tr("Completed");
    case TorrentState::Paused: return tr("Paused");
    case TorrentState::Error: return tr("Error");
    case TorrentState::StorageUnavailable: return tr("Storage unavailable");
    }
    return {};
}

int TorrentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TorrentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TorrentListModel::alignment(int column)
{
    // Text reads from the left, numbers line up on the right, the progress bar centres its text.
    switch (column) {
    case NameColumn:
    case StateColumn: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case ProgressColumn: return QVariant::fromValue(Qt::AlignCenter);
    default: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
}

QVariant TorrentListModel::displayData(const TorrentRow &row, int column) const
{
    const QLocale locale;
    const auto countWithSwarm = [&locale](int connected, int inSwarm) {
        if (inSwarm < 0)
            return locale.toString(connected);
        return tr("%1 (%2)", "connected (in swarm)").arg(locale.toString(connected), locale.toString(inSwarm));
    };
    switch (column) {
    case NameColumn: return row.name;
    case SizeColumn: return row.size < 0 ? tr("Unknown") : units::formatSize(row.size, locale);
    case ProgressColumn: return units::formatPercent(row.progress, locale);
    case StateColumn: return stateText(row.state);
    // Idle rates stay blank so the busy rows stand out.
    case DownColumn: return row.downloadRate > 0 ? units::formatRate(row.downloadRate, locale) : QString();
    case UpColumn: return row.uploadRate > 0 ? units::formatRate(row.uploadRate, locale) : QString();
    case SeedsColumn: return countWithSwarm(row.seeds, row.seedsInSwarm);
    case PeersColumn: return countWithSwarm(row.peers, row.peersInSwarm);
    case EtaColumn:
        return row.state == TorrentState::Downloading ? units::formatDuration(row.etaSeconds, locale)
                                                      : QString();
    case RatioColumn: return units::formatRatio(row.ratio, locale);
    case AddedColumn:
        return row.added.isValid() ? locale.toString(row.added.toLocalTime(), QLocale::ShortFormat)
                                   : QString();
    case QueueColumn: return locale.toString(row.queuePosition + 1);
    }
    return {};
}

QVariant TorrentListModel::sortData(const TorrentRow &row, int column) const
{
    switch (column) {
    case NameColumn: return row.name;
    case SizeColumn: return row.size;
    case ProgressColumn: return row.progress;
    case StateColumn: return static_cast<int>(row.state);
    case DownColumn: return row.downloadRate;
    case UpColumn: return row.uploadRate;
    case SeedsColumn: return row.seeds;
    case PeersColumn: return row.peers;
    // Unknown ETAs sort after every known one.
    case EtaColumn: return row.etaSeconds < 0 ? std::numeric_limits<qint64>::max() : row.etaSeconds;
    case RatioColumn: return row.ratio < 0 ? std::numeric_limits<double>::infinity() : row.ratio;
    case AddedColumn: return row.added;
    case QueueColumn: return row.queuePosition;
    }
    return {};
}

QVariant TorrentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TorrentRow &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayData(row, index.column());
    case SortRole: return sortData(row, index.column());
    case InfoHashRole: return row.infoHash.toHex();
    case Qt::TextAlignmentRole: return alignment(index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn
            && (row.state == TorrentState::Error || row.state == TorrentState::StorageUnavailable))
            return row.errorText;
        if (index.column() == NameColumn)
            return row.name;
        return {};
    default: return {};
    }
}

QVariant TorrentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case SizeColumn: return tr("Size");
        case ProgressColumn: return tr("Progress");
        case StateColumn: return tr("State");
        case DownColumn: return tr("Down");
        case UpColumn: return tr("Up");
        case SeedsColumn: return tr("Seeds");
        case PeersColumn: return tr("Peers");
        case EtaColumn: return tr("ETA");
        case RatioColumn: return tr("Ratio");
        case AddedColumn: return tr("Added");
        case QueueColumn: return tr("#", "place in the queue");
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DownColumn: return tr("Download rate");
        case UpColumn: return tr("Upload rate");
        case SeedsColumn: return tr("Seeds connected (seeds in the swarm, as the tracker reports)");
        case PeersColumn: return tr("Peers connected (peers in the swarm, as the tracker reports)");
        case EtaColumn: return tr("Estimated time until the download completes");
        case RatioColumn: return tr("Share ratio: bytes uploaded per byte downloaded");
        case QueueColumn:
            return tr("Place in the queue: with queueing on, the first ones run and the others wait "
                      "(Torrent ▸ Move Up / Move Down)");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return alignment(section);
    return {};
}

} // namespace swarmscope::ui
