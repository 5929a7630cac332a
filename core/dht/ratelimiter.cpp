#include "dht/ratelimiter.h"

#include "dht/endpoint.h"

#include <algorithm>

namespace swarmscope::dht {

QByteArray RateLimiter::keyOf(const QHostAddress &address)
{
    QByteArray bytes = addressBytes(Endpoint::make(address, 0).address);
    if (bytes.size() == 16)
        bytes.truncate(8); // the /64 prefix
    return bytes;
}

bool RateLimiter::allow(const QHostAddress &address, TimePoint now)
{
    const QByteArray key = keyOf(address);
    if (key.isEmpty())
        return false;
    auto found = m_index.constFind(key);
    std::list<Source>::iterator it;
    if (found == m_index.constEnd()) {
        if (int(m_lru.size()) >= m_settings.maxSources && !m_lru.empty()) {
            m_index.remove(m_lru.back().key);
            m_lru.pop_back();
        }
        m_lru.push_front(Source{key, m_settings.burst, now});
        it = m_lru.begin();
        m_index.insert(key, it);
    } else {
        it = *found;
        m_lru.splice(m_lru.begin(), m_lru, it); // iterators stay valid
        const double elapsed = std::chrono::duration<double>(now - it->last).count();
        if (elapsed > 0)
            it->tokens = std::min(m_settings.burst, it->tokens + elapsed * m_settings.perSecond);
        it->last = std::max(it->last, now);
    }
    if (it->tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    return true;
}

} // namespace swarmscope::dht
