// bench_ui: what one snapshot refresh costs the GUI thread, measured offscreen.
//
// The bar: with 2,000 torrents, and one torrent with 200 neighbours and 20,000 pieces,
// each refresh (model update and repaint) stays under a frame, 16 ms. Each view is fed a new
// synthetic snapshot per refresh, alone in its own window (shown with WA_DontShowOnScreen, so
// Qt lays it out and paints it into an offscreen backing store as it would on screen):
//   update      the model or widget call the main window makes with the snapshot
//   event loop  what the event loop then does: deferred layouts and the repaint of what changed
//   = refresh   the two together: the time a frame costs
//   full repaint  grab() of the whole widget: what a scroll or resize costs (not in the total)
// Median and 95th percentile over many refreshes. Building the snapshots is the engine's work
// and is not timed. No pass/fail: the figures are for people.
//
//   QT_QPA_PLATFORM=offscreen bench_ui [--reps N] [--only list|peers|matrix|graph] [--events]
//   (tests/bench/bench_ui.sh builds it in Release and runs it at scale 1 and 2)
#include "peers/peersmodel.h"
#include "peers/peersview.h"
#include "swarm/swarmgraph.h"
#include "swarm/swarmmatrix.h"
#include "torrentlist/progressdelegate.h"
#include "torrentlist/statusfilterlist.h"
#include "torrentlist/torrentfilterproxy.h"
#include "torrentlist/torrentlistmodel.h"
#include "torrentlist/torrentlistview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QPixmap>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <random>

using namespace swarmscope;
using namespace swarmscope::ui;

namespace {

constexpr int kTorrents = 2000;
constexpr int kChangedPerRefresh = kTorrents / 10;
constexpr int kPeers = 200;
constexpr int kPieces = 20'000;
constexpr int kWarmup = 5;

// ---- measurement ---------------------------------------------------------------------------

struct Series {
    QString name;
    std::vector<double> ms;
};

class Results {
public:
    void add(const QString &name, double ms)
    {
        auto it = std::find_if(m_series.begin(), m_series.end(), [&](const Series &s) { return s.name == name; });
        if (it == m_series.end()) {
            m_series.push_back({name, {}});
            it = std::prev(m_series.end());
        }
        it->ms.push_back(ms);
    }
    void print(double scale) const
    {
        std::printf("\nbench_ui (scale %.2g): milliseconds per refresh; target < 16 ms per whole refresh\n", scale);
        std::printf("%-58s %6s %8s %8s %8s\n", "measurement", "reps", "median", "p95", "max");
        for (const Series &s : m_series) {
            std::vector<double> v = s.ms;
            std::sort(v.begin(), v.end());
            const auto at = [&](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))]; };
            const bool total = s.name.contains(QLatin1String("= refresh"));
            std::printf("%-58s %6zu %8.2f %8.2f %8.2f%s\n", qPrintable(s.name), v.size(), at(0.5), at(0.95), v.back(),
                        total && at(0.95) > 16.0 ? "  over 16 ms" : "");
        }
    }

private:
    std::vector<Series> m_series;
};

// Runs `f` and returns its duration in milliseconds.
double timed(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

// Laid out and polished as if on screen, but never painted by the platform: only grab() paints.
void showOffscreen(QWidget &w, QSize size)
{
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.resize(size);
    w.show();
    QCoreApplication::processEvents();
}

// With --events: which events the event loop spent the "posted events" time on, per
// receiver class and event type (what to look at when that row is high).
class ProfilingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool profiling = false;
    std::map<QString, std::pair<int, double>> costs; // "class/type" -> (count, ms)

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!profiling || m_depth > 0)
            return QApplication::notify(receiver, event);
        const QString key = QStringLiteral("%1/%2").arg(QLatin1String(receiver->metaObject()->className())).arg(int(event->type()));
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        auto &[count, ms] = costs[key];
        ++count;
        ms += double(t.nsecsElapsed()) / 1e6;
        return result;
    }
    void printCosts() const
    {
        std::vector<std::pair<QString, std::pair<int, double>>> v(costs.begin(), costs.end());
        std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.second.second > b.second.second; });
        std::printf("\nevents handled by the event loop (receiver class / QEvent::Type): count, total ms\n");
        for (size_t i = 0; i < std::min<size_t>(v.size(), 12); ++i)
            std::printf("  %-48s %8d %10.2f\n", qPrintable(v[i].first), v[i].second.first, v[i].second.second);
    }

private:
    int m_depth = 0;
};

// ---- (a) the torrent list ------------------------------------------------------------------

class TorrentListBench {
public:
    // Sorted by download rate, every refresh moves rows (the costliest order to keep); sorted by
    // the date added (the main window's default) rows stay put and only changed ones repaint.
    TorrentListBench(std::mt19937 &rng, int sortColumn, QString label)
        : m_rng(rng), m_label(std::move(label))
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
        for (int i = 0; i < kTorrents; ++i) {
            TorrentRow r;
            QByteArray hash(20, '\0');
            for (char &c : hash)
                c = char(m_rng() & 0xff);
            r.infoHash = metainfo::InfoHash::fromBytes(hash);
            r.name = QStringLiteral("debian-%1.%2.0-amd64-netinst and a rather long release name %3.iso")
                         .arg(10 + i % 3)
                         .arg(i % 13)
                         .arg(i);
            r.size = qint64(50 + m_rng() % 5000) * 1024 * 1024;
            r.progress = double(m_rng() % 1001) / 1000.0;
            r.state = static_cast<TorrentState>(m_rng() % 8);
            r.seeds = int(m_rng() % 40);
            r.peers = int(m_rng() % 80);
            r.seedsInSwarm = r.seeds * 3;
            r.peersInSwarm = r.peers * 4;
            r.added = start.addSecs(i * 613);
            m_rows << r;
        }
        m_proxy.setSourceModel(&m_model);
        m_filters.setSourceModel(&m_model);
        m_view.setModel(&m_proxy);
        m_view.setItemDelegateForColumn(TorrentListModel::ProgressColumn,
                                        new ProgressDelegate(TorrentListModel::SortRole, &m_view));
        m_view.sortByColumn(sortColumn, Qt::DescendingOrder);
        m_view.header()->resizeSection(TorrentListModel::NameColumn, 420);
        m_model.setRows(m_rows);
        showOffscreen(m_view, {1280, 800});
        showOffscreen(m_filters, {200, 400});
    }

    void refresh(Results &out, bool record)
    {
        // ~10% of the torrents changed since the last snapshot: rates, progress, peers, ETA.
        for (int n = 0; n < kChangedPerRefresh; ++n) {
            TorrentRow &r = m_rows[int(m_rng() % kTorrents)];
            r.downloadRate = qint64(m_rng() % (4 * 1024 * 1024));
            r.uploadRate = qint64(m_rng() % (1024 * 1024));
            r.progress = std::min(1.0, r.progress + 0.001);
            r.peers = int(m_rng() % 80);
            r.etaSeconds = qint64(m_rng() % 100'000);
        }
        const double model = timed([&] { m_model.setRows(m_rows); });
        const double events = timed([] { QCoreApplication::processEvents(); });
        const double paint = timed([&] { m_pixmap = m_view.grab(); });
        if (!record)
            return;
        out.add(m_label + QStringLiteral(": update: setRows, 200 of 2,000 changed"), model);
        out.add(m_label + QStringLiteral(": event loop: sort, layout, repaint"), events);
        out.add(m_label + QStringLiteral(" = refresh"), model + events);
        out.add(m_label + QStringLiteral(": full repaint of the page (grab)"), paint);
    }

    QPixmap picture() { return m_view.grab(); }

private:
    std::mt19937 &m_rng;
    QString m_label;
    QList<TorrentRow> m_rows;
    TorrentListModel m_model;
    TorrentFilterProxy m_proxy;
    StatusFilterList m_filters;
    TorrentListView m_view;
    QPixmap m_pixmap;
};

// ---- (b), (c) one torrent's swarm ----------------------------------------------------------

// A torrent with 200 neighbours whose piece sets grow every refresh, like a live swarm.
class SwarmFeed {
public:
    explicit SwarmFeed(std::mt19937 &rng) : m_rng(rng), m_have(kPieces)
    {
        for (int i = 0; i < kPeers; ++i) {
            session::PeerSnapshot p;
            p.address = QHostAddress(QStringLiteral("10.%1.%2.%3").arg(i / 200).arg(i % 200).arg(1 + i % 250));
            p.port = quint16(6881 + i);
            p.client = QStringLiteral("Client %1.%2").arg(i % 7).arg(i % 11);
            p.incoming = i % 3 == 0;
            p.source = static_cast<session::PeerSource>(i % 5);
            p.pieces = Bitfield(kPieces);
            const int start = int(m_rng() % 1000);
            for (int k = 0; k < kPieces * (i % 10) / 10; ++k)
                p.pieces.set(int(m_rng() % kPieces));
            if (start < 100) // a few seeds
                p.pieces = Bitfield(kPieces, true);
            p.seed = p.pieces.count() == kPieces;
            m_peers << p;
        }
        for (int k = 0; k < kPieces * 2 / 5; ++k)
            m_have.set(int(m_rng() % kPieces));
    }

    std::shared_ptr<const session::TorrentDetail> next()
    {
        for (session::PeerSnapshot &p : m_peers) {
            for (int k = 0; k < 10 && !p.seed; ++k) // each neighbour gains pieces
                p.pieces.set(int(m_rng() % kPieces));
            p.seed = p.pieces.count() == kPieces;
            p.downloadRate = double(m_rng() % (512 * 1024));
            p.uploadRate = double(m_rng() % (256 * 1024));
            p.downloaded += qint64(p.downloadRate / 4);
            p.uploaded += qint64(p.uploadRate / 4);
            p.amChoking = m_rng() % 4 != 0;
            p.peerChoking = m_rng() % 3 == 0;
            p.amInterested = true;
            p.peerInterested = m_rng() % 2 == 0;
            p.regularSlot = !p.amChoking && m_rng() % 2;
            p.optimistic = !p.amChoking && !p.regularSlot;
            p.piecesWeRequest.clear();
            p.piecesItRequests.clear();
            for (int k = 0; k < 4; ++k) {
                p.piecesWeRequest << int(m_rng() % kPieces);
                p.piecesItRequests << int(m_rng() % kPieces);
            }
            p.requestQueue = int(m_rng() % 64);
        }
        for (int k = 0; k < 40; ++k)
            m_have.set(int(m_rng() % kPieces));
        auto d = std::make_shared<session::TorrentDetail>();
        d->peers = m_peers;
        d->have = m_have;
        d->availability = QList<quint16>(kPieces, 0);
        for (const session::PeerSnapshot &p : std::as_const(m_peers))
            for (int i = 0; i < kPieces; ++i)
                d->availability[i] = quint16(d->availability[i] + (p.pieces.test(i) ? 1 : 0));
        for (int k = 0; k < 32; ++k)
            d->downloadingPieces << int(m_rng() % kPieces);
        d->pieceLength = 256 * 1024;
        return d;
    }

private:
    std::mt19937 &m_rng;
    QList<session::PeerSnapshot> m_peers;
    Bitfield m_have;
};

class PeersBench {
public:
    PeersBench() { showOffscreen(m_view, {1280, 700}); }
    void refresh(const std::shared_ptr<const session::TorrentDetail> &detail, Results &out, bool record)
    {
        const double model = timed([&] { m_view.model()->setPeers(detail->peers); });
        const double events = timed([] { QCoreApplication::processEvents(); });
        const double paint = timed([&] { m_pixmap = m_view.grab(); });
        if (!record)
            return;
        out.add(QStringLiteral("(b) peers: update: setPeers, 200 x 20,000 pieces"), model);
        out.add(QStringLiteral("(b) peers: event loop: sort, repaint with bars"), events);
        out.add(QStringLiteral("(b) peers = refresh"), model + events);
        out.add(QStringLiteral("(b) peers: full repaint of the table (grab)"), paint);
    }

    QPixmap picture() { return m_view.grab(); }

private:
    PeersView m_view;
    QPixmap m_pixmap;
};

class MatrixBench {
public:
    MatrixBench() { showOffscreen(m_matrix, {1280, 800}); }
    void refresh(const std::shared_ptr<const session::TorrentDetail> &detail, Results &out, bool record)
    {
        const double set = timed([&] { m_matrix.setDetail(detail); });
        const double events = timed([] { QCoreApplication::processEvents(); });
        const double paint = timed([&] { m_pixmap = m_matrix.grab(); });
        if (!record)
            return;
        out.add(QStringLiteral("(c) matrix: update: setDetail"), set);
        out.add(QStringLiteral("(c) matrix: event loop: render 200 x 20,000, paint"), events);
        out.add(QStringLiteral("(c) matrix = refresh"), set + events);
        out.add(QStringLiteral("(c) matrix: full repaint, image cached (grab)"), paint);
    }

    QPixmap picture() { return m_matrix.grab(); }

private:
    SwarmMatrix m_matrix;
    QPixmap m_pixmap;
};

class GraphBench {
public:
    GraphBench()
    {
        m_graph.setAnimationEnabled(false); // each refresh paints its final state at once
        showOffscreen(m_graph, {1000, 800});
    }
    void refresh(const std::shared_ptr<const session::TorrentDetail> &detail, Results &out, bool record)
    {
        const double set = timed([&] { m_graph.setDetail(detail); });
        const double events = timed([] { QCoreApplication::processEvents(); });
        // Between refreshes the graph animates: each frame is a repaint of the same nodes.
        const double frame = timed([&] { m_graph.repaint(); });
        if (!record)
            return;
        out.add(QStringLiteral("(c) graph: update: setDetail, 200 neighbours"), set);
        out.add(QStringLiteral("(c) graph: event loop: paint"), events);
        out.add(QStringLiteral("(c) graph = refresh"), set + events);
        out.add(QStringLiteral("(c) graph: one animation frame (repaint)"), frame);
    }

    QPixmap picture() { return m_graph.grab(); }

private:
    SwarmGraph m_graph;
    QPixmap m_pixmap;
};

} // namespace

int main(int argc, char **argv)
{
    ProfilingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the UI's model update and paint time per refresh."));
    parser.addHelpOption();
    const QCommandLineOption repsOption(QStringLiteral("reps"), QStringLiteral("Refreshes measured per view."),
                                        QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("list, peers, matrix or graph."),
                                        QStringLiteral("view"));
    const QCommandLineOption eventsOption(QStringLiteral("events"),
                                          QStringLiteral("Also list which events cost the event loop's time."));
    const QCommandLineOption saveOption(QStringLiteral("save"),
                                        QStringLiteral("Save each view's last picture as <dir>/<view>.png, to see what was measured."),
                                        QStringLiteral("dir"));
    parser.addOption(repsOption);
    parser.addOption(onlyOption);
    parser.addOption(eventsOption);
    parser.addOption(saveOption);
    parser.process(app);
    const int reps = std::max(1, parser.value(repsOption).toInt());
    const QString only = parser.value(onlyOption);
    const auto wanted = [&](const char *name) { return only.isEmpty() || only == QLatin1String(name); };

    app.profiling = parser.isSet(eventsOption);
    const QString saveDir = parser.value(saveOption);
    const auto save = [&](auto &bench, const char *name) {
        if (!saveDir.isEmpty())
            bench.picture().save(QStringLiteral("%1/%2.png").arg(saveDir, QLatin1String(name)));
    };
    std::mt19937 rng(20240611);
    Results results;
    if (wanted("list")) {
        TorrentListBench list(rng, TorrentListModel::DownColumn, QStringLiteral("(a) list by rate"));
        for (int i = 0; i < kWarmup + reps; ++i)
            list.refresh(results, i >= kWarmup);
        save(list, "list");
    }
    if (wanted("list")) {
        TorrentListBench list(rng, TorrentListModel::AddedColumn, QStringLiteral("(a) list by date"));
        for (int i = 0; i < kWarmup + reps; ++i)
            list.refresh(results, i >= kWarmup);
    }
    // One view at a time, each fed the same sequence of snapshots, so that no view's pending
    // repaint lands in another's event loop time.
    const auto runSwarmView = [&](auto &bench) {
        std::mt19937 feedRng(7);
        SwarmFeed feed(feedRng);
        for (int i = 0; i < kWarmup + reps; ++i)
            bench.refresh(feed.next(), results, i >= kWarmup);
    };
    if (wanted("peers")) {
        PeersBench peers;
        runSwarmView(peers);
        save(peers, "peers");
    }
    if (wanted("matrix")) {
        MatrixBench matrix;
        runSwarmView(matrix);
        save(matrix, "matrix");
    }
    if (wanted("graph")) {
        GraphBench graph;
        runSwarmView(graph);
        save(graph, "graph");
    }
    results.print(qApp->devicePixelRatio());
    if (app.profiling)
        app.printCosts();
    return 0;
}
