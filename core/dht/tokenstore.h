// Write tokens for announce_peer (BEP 5): token = SHA-1(secret || requester's IP address).
//
// The secret rotates every 5 minutes on a fixed schedule counted from construction, and tokens
// made with the current or the previous secret are accepted, so a token stays valid for between
// 5 and 10 minutes after it was handed out, as the BEP describes. Rotation happens lazily when
// `now` is passed in; after a long idle gap both secrets are fresh, so old tokens fail.
#pragma once

#include "dht/nodeid.h"
#include "util/clock.h"

#include <QByteArray>
#include <QHostAddress>

namespace swarmscope::dht {

class TokenStore {
public:
    static constexpr Duration RotationInterval = std::chrono::minutes(5);
    static constexpr int SecretSize = 16;
    static constexpr int TokenSize = 20; // a whole SHA-1 digest

    // The secrets come from a generator seeded with `seed`: the engine seeds it from the system's
    // random source (a guessable secret would let anyone forge tokens), tests with a constant.
    TokenStore(Rng::result_type seed, TimePoint now);

    QByteArray tokenFor(const QHostAddress &address, TimePoint now);
    bool isValid(const QByteArray &token, const QHostAddress &address, TimePoint now);

private:
    void rotate(TimePoint now);
    QByteArray newSecret();
    static QByteArray compute(const QByteArray &secret, const QHostAddress &address);

    Rng m_rng;
    QByteArray m_current;
    QByteArray m_previous;
    TimePoint m_currentSince;
};

} // namespace swarmscope::dht
