#include "details/trackersmodel.h"

#include "format/units.h"
#include "models/changedspans.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace swarmscope::ui {

using session::TrackerSnapshot;

TrackersModel::TrackersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString TrackersModel::statusText(const QString &status)
{
    if (status == QLatin1String("working"))
        return tr("Working");
    if (status == QLatin1String("updating"))
        return tr("Updating");
    if (status == QLatin1String("error"))
        return tr("Error");
    if (status == QLatin1String("not contacted"))
        return tr("Not contacted yet");
    return status;
}

std::pair<int, int> TrackersModel::changedColumns(const TrackerSnapshot &a, const TrackerSnapshot &b,
                                                  bool clockMoved) const
{
    const bool changed[ColumnCount] = {
        a.url != b.url,
        a.tier != b.tier,
        a.status != b.status,
        a.seeds != b.seeds,
        a.peers != b.peers,
        a.downloaded != b.downloaded,
        a.lastAnnounce != b.lastAnnounce,
        a.nextAnnounce != b.nextAnnounce || (clockMoved && b.nextAnnounce.isValid()),
        a.message != b.message,
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

void TrackersModel::setTrackers(const QList<TrackerSnapshot> &input, const QDateTime &now)
{
    QList<TrackerSnapshot> trackers;
    QHash<QString, int> incoming;
    for (const TrackerSnapshot &t : input) {
        if (incoming.contains(t.url))
            continue;
        incoming.insert(t.url, static_cast<int>(trackers.size()));
        trackers.append(t);
    }
    // A new time moves every countdown in the Next announce column.
    const bool clockMoved = m_now != now;
    m_now = now;

    for (int last = static_cast<int>(m_trackers.size()) - 1; last >= 0;) {
        if (incoming.contains(m_trackers[last].url)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(m_trackers[first - 1].url))
            --first;
        beginRemoveRows({}, first, last);
        m_trackers.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    ChangedSpans spans(ColumnCount, [this](int firstRow, int lastRow, int firstColumn, int lastColumn) {
        emit dataChanged(index(firstRow, firstColumn), index(lastRow, lastColumn));
    });
    QSet<int> present;
    for (int r = 0; r < m_trackers.size(); ++r) {
        const int from = incoming.value(m_trackers[r].url);
        present.insert(from);
        const auto [first, last] = changedColumns(m_trackers[r], trackers[from], clockMoved);
        m_trackers[r] = trackers[from];
        spans.row(r, first, last);
    }
    spans.finish(static_cast<int>(m_trackers.size()) - 1);

    QList<TrackerSnapshot> added;
    for (int i = 0; i < trackers.size(); ++i)
        if (!present.contains(i))
            added.append(trackers[i]);
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_trackers.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_trackers.append(added);
        endInsertRows();
    }
}

void TrackersModel::clear()
{
    if (m_trackers.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_trackers.size()) - 1);
    m_trackers.clear();
    endRemoveRows();
}

int TrackersModel::rowOf(const QString &url) const
{
    for (int r = 0; r < m_trackers.size(); ++r)
        if (m_trackers[r].url == url)
            return r;
    return -1;
}

int TrackersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_trackers.size());
}

int TrackersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TrackersModel::nextAnnounceText(const TrackerSnapshot &t) const
{
    if (!t.nextAnnounce.isValid())
        return {};
    const qint64 seconds = m_now.isValid() ? std::max<qint64>(0, m_now.secsTo(t.nextAnnounce)) : -1;
    if (seconds == 0)
        return tr("Now");
    return tr("In %1").arg(units::formatDuration(seconds));
}

QVariant TrackersModel::displayData(const TrackerSnapshot &t, int column) const
{
    const QLocale locale;
    // The engine says -1 for what the tracker did not report.
    const auto count = [&locale](int n) { return n < 0 ? tr("N/A") : locale.toString(n); };
    switch (column) {
    case UrlColumn: return t.url;
    case TierColumn: return locale.toString(t.tier);
    case StatusColumn: return statusText(t.status);
    case SeedsColumn: return count(t.seeds);
    case PeersColumn: return count(t.peers);
    case DownloadedColumn: return count(t.downloaded);
    case LastAnnounceColumn:
        return t.lastAnnounce.isValid() ? locale.toString(t.lastAnnounce.toLocalTime(), QLocale::ShortFormat) : QString();
    case NextAnnounceColumn: return nextAnnounceText(t);
    case MessageColumn: return t.message;
    default: return {};
    }
}

QVariant TrackersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_trackers.size())
        return {};
    const TrackerSnapshot &t = m_trackers[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(t, column);
    case Qt::ToolTipRole:
        if (column == MessageColumn || column == UrlColumn)
            return t.message.isEmpty() ? t.url : tr("%1\n%2").arg(t.url, t.message);
        if (column == SeedsColumn || column == PeersColumn || column == DownloadedColumn)
            return tr("As the tracker last reported; N/A when it did not say.");
        return {};
    case Qt::TextAlignmentRole:
        if (column == TierColumn || column == SeedsColumn || column == PeersColumn || column == DownloadedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case TierColumn: return t.tier;
        case SeedsColumn: return t.seeds;
        case PeersColumn: return t.peers;
        case DownloadedColumn: return t.downloaded;
        case LastAnnounceColumn: return t.lastAnnounce;
        case NextAnnounceColumn: return t.nextAnnounce;
        default: return displayData(t, column);
        }
    case UrlRole:
        return t.url;
    default:
        return {};
    }
}

QVariant TrackersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case UrlColumn: return tr("URL");
        case TierColumn: return tr("Tier");
        case StatusColumn: return tr("Status");
        case SeedsColumn: return tr("Seeds");
        case PeersColumn: return tr("Peers");
        case DownloadedColumn: return tr("Downloaded");
        case LastAnnounceColumn: return tr("Last announce");
        case NextAnnounceColumn: return tr("Next announce");
        case MessageColumn: return tr("Message");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TierColumn: return tr("Trackers of a lower tier are tried first (BEP 12)");
        case SeedsColumn: return tr("Complete copies in the swarm, as the tracker reports");
        case PeersColumn: return tr("Peers still downloading, as the tracker reports");
        case DownloadedColumn: return tr("How many times the tracker saw the torrent completed");
        default: return {};
        }
    }
    return {};
}

} // namespace swarmscope::ui
