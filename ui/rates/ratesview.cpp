#include "rates/ratesview.h"

#include "peers/peertext.h"
#include "rates/rategraph.h"
#include "swarm/swarmcolors.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <array>

namespace swarmscope::ui {

namespace {

// Neighbour curves: hues apart from the download green-blue and upload orange of the totals.
QColor peerColor(int index, bool dark)
{
    static constexpr std::array<int, RatesView::TopPeers> hues{275, 330, 45, 120, 215};
    return QColor::fromHsv(hues[static_cast<size_t>(index) % hues.size()], dark ? 150 : 210, dark ? 245 : 185);
}

} // namespace

RatesView::RatesView(const RateHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_spanBox(new QComboBox(this))
    , m_directionBox(new QComboBox(this))
    , m_totals(new RateGraph(this))
    , m_peers(new RateGraph(this))
{
    const QList<std::pair<QString, int>> spans{
        {tr("Last minute"), 60},        {tr("Last 5 minutes"), 5 * 60}, {tr("Last 15 minutes"), 15 * 60},
        {tr("Last 30 minutes"), 30 * 60}, {tr("Last hour"), 60 * 60},
    };
    for (const auto &[text, seconds] : spans)
        if (seconds <= m_history->capacity() || m_spanBox->count() == 0)
            m_spanBox->addItem(text, std::min(seconds, m_history->capacity()));
    m_spanBox->setToolTip(tr("How far back the graphs go"));
    m_directionBox->addItem(tr("What they send us"), static_cast<int>(RateHistory::Direction::Download));
    m_directionBox->addItem(tr("What we send them"), static_cast<int>(RateHistory::Direction::Upload));
    m_directionBox->setToolTip(tr("Rank and draw the neighbours by their download or their upload"));

    m_totals->setTitle(tr("Transfer rates"));
    m_peers->setTitle(tr("Top neighbours of the selected torrent"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_spanBox);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Neighbours:"), this));
    controls->addWidget(m_directionBox);
    controls->addStretch(1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_totals);
    splitter->addWidget(m_peers);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    setSpan(5 * 60);
    connect(m_spanBox, &QComboBox::currentIndexChanged, this, &RatesView::redraw);
    connect(m_directionBox, &QComboBox::currentIndexChanged, this, &RatesView::redraw);
    redraw();
}

int RatesView::span() const
{
    return m_spanBox->currentData().toInt();
}

void RatesView::setSpan(int seconds)
{
    int best = 0;
    for (int i = 0; i < m_spanBox->count(); ++i)
        if (m_spanBox->itemData(i).toInt() <= seconds)
            best = i;
    m_spanBox->setCurrentIndex(best);
}

RateHistory::Direction RatesView::peerDirection() const
{
    return static_cast<RateHistory::Direction>(m_directionBox->currentData().toInt());
}

void RatesView::setPeerDirection(RateHistory::Direction direction)
{
    m_directionBox->setCurrentIndex(m_directionBox->findData(static_cast<int>(direction)));
}

void RatesView::refresh(const session::TorrentSnapshot *torrent)
{
    const std::optional<metainfo::InfoHash> hash = torrent ? std::optional(torrent->infoHash) : std::nullopt;
    if (hash != m_torrent)
        m_clients.clear();
    m_torrent = hash;
    if (torrent && torrent->detail)
        for (const session::PeerSnapshot &p : torrent->detail->peers)
            if (!p.client.isEmpty())
                m_clients.insert(peertext::peerKey(p), p.client);
    redraw();
}

void RatesView::redraw()
{
    using Direction = RateHistory::Direction;
    const int seconds = span();
    const SwarmColors colors = SwarmColors::forPalette(palette());
    const bool dark = SwarmColors::isDark(palette());

    QList<RateCurve> totals;
    totals.append({tr("Session download"), colors.download, m_history->sessionRates(Direction::Download, seconds),
                   Qt::SolidLine, true});
    totals.append({tr("Session upload"), colors.upload, m_history->sessionRates(Direction::Upload, seconds),
                   Qt::SolidLine, true});
    if (m_torrent) {
        // The torrent's lines in a deeper shade of the same hues, drawn over the shaded totals.
        const auto shade = [dark](const QColor &c) { return dark ? c.lighter(135) : c.darker(150); };
        totals.append({tr("Torrent download"), shade(colors.download),
                       m_history->torrentRates(*m_torrent, Direction::Download, seconds), Qt::DashLine, false});
        totals.append({tr("Torrent upload"), shade(colors.upload),
                       m_history->torrentRates(*m_torrent, Direction::Upload, seconds), Qt::DashLine, false});
    }
    m_totals->setCurves(totals, seconds);

    QList<RateCurve> peers;
    if (m_torrent) {
        const Direction direction = peerDirection();
        const QList<QString> top = m_history->topPeers(*m_torrent, direction, seconds, TopPeers);
        for (int i = 0; i < top.size(); ++i) {
            const QString client = m_clients.value(top[i]);
            const QString label = client.isEmpty() ? top[i] : tr("%1 (%2)").arg(top[i], client);
            peers.append({label, peerColor(i, dark), m_history->peerRates(*m_torrent, top[i], direction, seconds),
                          Qt::SolidLine, false});
        }
        m_peers->setPlaceholder(tr("No neighbour has moved data in this span."));
    } else {
        m_peers->setPlaceholder(tr("Select a torrent to see what its neighbours contribute."));
    }
    m_peers->setCurves(peers, seconds);
}

} // namespace swarmscope::ui
