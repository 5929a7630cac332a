#include "crypto/sha1.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace swarmscope::crypto {

struct Sha1::State {
    EVP_MD_CTX *ctx = nullptr;
};

Sha1::Sha1() : m_state(std::make_unique<State>())
{
    m_state->ctx = EVP_MD_CTX_new();
    if (!m_state->ctx || EVP_DigestInit_ex(m_state->ctx, EVP_sha1(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-1 is unavailable");
}

Sha1::~Sha1()
{
    EVP_MD_CTX_free(m_state->ctx);
}

void Sha1::add(QByteArrayView data)
{
    if (!data.isEmpty())
        EVP_DigestUpdate(m_state->ctx, data.data(), static_cast<size_t>(data.size()));
}

QByteArray Sha1::result()
{
    QByteArray digest(DigestSize, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_state->ctx, reinterpret_cast<unsigned char *>(digest.data()), &len);
    EVP_DigestInit_ex(m_state->ctx, EVP_sha1(), nullptr);
    return digest;
}

QByteArray Sha1::hash(QByteArrayView data)
{
    Sha1 h;
    h.add(data);
    return h.result();
}

} // namespace swarmscope::crypto
