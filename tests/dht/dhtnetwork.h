// Test harness: pure DHT nodes exchanging real encoded datagrams in-process, with a fake clock,
// optional loss and nodes that go offline. No sockets.
#pragma once

#include "dht/node.h"

#include <QHash>

#include <algorithm>
#include <memory>
#include <set>
#include <vector>

namespace swarmscope::dht::test {

inline const TimePoint NetworkStart = TimePoint{} + std::chrono::hours(100);

class DhtNetwork {
public:
    TimePoint now = NetworkStart;
    std::set<int> offline;
    double lossRate = 0.0;
    qsizetype largestDatagram = 0;
    int delivered = 0;

    explicit DhtNetwork(Rng::result_type seed = 1, Family family = Family::IPv4) : m_rng(seed), m_family(family) {}

    // Node i lives at 10.1.x.y:6881, or [2001:db8::i+1]:6881 on an IPv6 network.
    int add(NodeSettings settings = {})
    {
        const int i = int(m_nodes.size());
        Endpoint e{QHostAddress(quint32(0x0a010000 + (i / 250) * 256 + i % 250 + 1)), 6881};
        if (m_family == Family::IPv6) {
            Q_IPV6ADDR v6{};
            const quint8 prefix[] = {0x20, 0x01, 0x0d, 0xb8};
            std::copy(std::begin(prefix), std::end(prefix), v6.c);
            v6.c[14] = quint8((i + 1) >> 8);
            v6.c[15] = quint8((i + 1) & 0xff);
            e.address = QHostAddress(v6);
        }
        settings.family = m_family;
        m_nodes.push_back(std::make_unique<Node>(NodeId::random(m_rng), settings, m_rng(), now));
        m_endpoints.push_back(e);
        m_index.insert(e, i);
        return i;
    }
    // A new Node at the same endpoint, as after a restart.
    void restart(int i, const NodeId &id, const NodeSettings &settings = {})
    {
        m_nodes[i] = std::make_unique<Node>(id, settings, m_rng(), now);
    }
    Node &node(int i) { return *m_nodes[i]; }
    const Endpoint &endpoint(int i) const { return m_endpoints[i]; }
    int size() const { return int(m_nodes.size()); }
    int indexOf(const Endpoint &e) const { return m_index.value(e, -1); }

    // Delivers datagrams until nobody has anything more to say; each hop takes 10 ms.
    void deliver()
    {
        for (int hop = 0; hop < 1000; ++hop) {
            std::vector<std::pair<int, Datagram>> batch;
            for (int i = 0; i < size(); ++i) {
                for (Datagram &d : m_nodes[i]->takeOutgoing())
                    batch.emplace_back(i, std::move(d));
            }
            if (batch.empty())
                return;
            now += std::chrono::milliseconds(10);
            for (auto &[from, d] : batch) {
                largestDatagram = std::max(largestDatagram, d.payload.size());
                const int to = indexOf(d.to);
                if (to < 0 || offline.contains(to) || offline.contains(from))
                    continue;
                if (lossRate > 0 && std::uniform_real_distribution<double>(0, 1)(m_rng) < lossRate)
                    continue;
                ++delivered;
                m_nodes[to]->receive(d.payload, m_endpoints[from], now);
            }
        }
    }
    // Sends raw bytes to node `to` as if from `from` (any endpoint) and returns its replies.
    std::vector<Datagram> inject(int to, const QByteArray &payload, const Endpoint &from)
    {
        m_nodes[to]->receive(payload, from, now);
        return m_nodes[to]->takeOutgoing();
    }
    // Advances the clock in `step`s for `total`, polling every node and delivering.
    void run(Duration total, Duration step = std::chrono::milliseconds(100))
    {
        const TimePoint end = now + total;
        while (now < end) {
            now += step;
            for (int i = 0; i < size(); ++i) {
                if (!offline.contains(i))
                    m_nodes[i]->poll(now);
            }
            deliver();
        }
    }
    // Runs until node `i` reports its lookups finished (at most `limit`), and returns them.
    std::vector<Node::LookupResult> finish(int i, Duration limit = std::chrono::seconds(60))
    {
        std::vector<Node::LookupResult> results;
        const TimePoint end = now + limit;
        deliver();
        while (now < end) {
            run(std::chrono::milliseconds(100));
            auto done = m_nodes[i]->takeFinishedLookups();
            results.insert(results.end(), done.begin(), done.end());
            if (!done.empty())
                return results;
        }
        return results;
    }

private:
    Rng m_rng;
    Family m_family;
    std::vector<std::unique_ptr<Node>> m_nodes;
    std::vector<Endpoint> m_endpoints;
    QHash<Endpoint, int> m_index;
};

} // namespace swarmscope::dht::test
