#include "dht/tokenstore.h"

#include "crypto/sha1.h"
#include "dht/endpoint.h"

namespace swarmscope::dht {

TokenStore::TokenStore(Rng::result_type seed, TimePoint now)
    : m_rng(seed), m_currentSince(now)
{
    m_current = newSecret();
    m_previous = newSecret(); // nothing was handed out with it
}

QByteArray TokenStore::tokenFor(const QHostAddress &address, TimePoint now)
{
    rotate(now);
    return compute(m_current, address);
}

bool TokenStore::isValid(const QByteArray &token, const QHostAddress &address, TimePoint now)
{
    rotate(now);
    if (token.size() != TokenSize)
        return false;
    return token == compute(m_current, address) || token == compute(m_previous, address);
}

void TokenStore::rotate(TimePoint now)
{
    if (now < m_currentSince + RotationInterval)
        return;
    const auto steps = (now - m_currentSince) / RotationInterval;
    if (steps >= 2) {
        m_previous = newSecret(); // the secret of a period in which nobody asked for a token
    } else {
        m_previous = m_current;
    }
    m_current = newSecret();
    m_currentSince += steps * RotationInterval;
}

QByteArray TokenStore::newSecret()
{
    QByteArray secret(SecretSize, '\0');
    std::uniform_int_distribution<int> byte(0, 255);
    for (auto &c : secret)
        c = static_cast<char>(byte(m_rng));
    return secret;
}

QByteArray TokenStore::compute(const QByteArray &secret, const QHostAddress &address)
{
    crypto::Sha1 sha;
    sha.add(secret);
    // Normalized, so an IPv4-mapped IPv6 source and plain IPv4 get the same token.
    sha.add(addressBytes(Endpoint::make(address, 0).address));
    return sha.result();
}

} // namespace swarmscope::dht
