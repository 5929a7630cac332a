#include "wire/peerid.h"

#include "wire/handshake.h"

#include <QStringList>

#include <optional>

namespace swarmscope::wire {

namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr char kUrlSafe[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._~";

int base62(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 36;
    return -1;
}

int decimal(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

QString text(const char *v, qsizetype n) { return QString::fromLatin1(v, n); }

// How an Azureus-style client writes its version into the four characters after its code.
enum class Style {
    Three,        // major, minor, patch as base-62 digits; the 4th is a build or release tag
    Four,         // four base-62 digits
    TwoTwo,       // two decimal digits of major, two of minor: "0152" is 1.52
    Transmission, // 1.x-3.x: major, two-digit minor, tag; 4.x on: like Three, tag B or Z
    KTorrent,     // like Three, but a 3rd character D or R means dev or release candidate N
    MicroTorrent, // like Three, the 4th character B marks a beta
};

struct Client {
    char code[3];
    const char *name; // UTF-8
    Style style;
};

// Client codes from BEP 20 and from the clients' own sources, for the clients met in practice.
constexpr Client kClients[] = {
    {"AZ", "Vuze", Style::Four},
    {"BC", "BitComet", Style::TwoTwo},
    {"BI", "BiglyBT", Style::Four},
    {"BT", "BitTorrent", Style::MicroTorrent},
    {"DE", "Deluge", Style::Three},
    {"KT", "KTorrent", Style::KTorrent},
    {"LT", "libtorrent (Rasterbar)", Style::Three},
    {"lt", "libTorrent (rakshasa)", Style::Three},
    {"qB", "qBittorrent", Style::Three},
    {"SW", "Swarmscope", Style::Three},
    {"TR", "Transmission", Style::Transmission},
    {"UM", "\xC2\xB5Torrent Mac", Style::MicroTorrent},
    {"UT", "\xC2\xB5Torrent", Style::MicroTorrent},
};

std::optional<QString> dotted(const char *v, int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i) {
        const int n = base62(v[i]);
        if (n < 0)
            return std::nullopt;
        parts << QString::number(n);
    }
    return parts.join(QLatin1Char('.'));
}

std::optional<QString> transmissionVersion(const char *v)
{
    const int major = base62(v[0]);
    if (major >= 4) { // -TR4050- is 4.0.5 (its CMake: base-62 digits, then 0, B or Z)
        auto version = dotted(v, 3);
        if (version && v[3] == 'B')
            *version += QLatin1String(" Beta");
        else if (version && v[3] == 'Z')
            *version += QLatin1String(" Dev");
        return version;
    }
    if (major < 0 || decimal(v[1]) < 0 || decimal(v[2]) < 0)
        return std::nullopt;
    if (major == 0 && v[1] == '0' && v[2] == '0') // oldest style: -TR0006- is 0.6
        return decimal(v[3]) < 0 ? std::nullopt : std::optional(QStringLiteral("0.") + text(v + 3, 1));
    if (major == 0) // -TR0072- is 0.72
        return decimal(v[3]) < 0 ? std::nullopt : std::optional(QStringLiteral("0.") + text(v + 2, 2));
    // -TR3000- is 3.00; a Z or X tag marks a build after that release.
    const bool after = v[3] == 'Z' || v[3] == 'X';
    return QString::number(major) + QLatin1Char('.') + text(v + 1, 2) + (after ? QStringLiteral("+") : QString());
}

std::optional<QString> styledVersion(Style style, const char *v)
{
    switch (style) {
    case Style::Three: return dotted(v, 3);
    case Style::Four: return dotted(v, 4);
    case Style::TwoTwo: {
        for (int i = 0; i < 4; ++i)
            if (decimal(v[i]) < 0)
                return std::nullopt;
        return QString::number(decimal(v[0]) * 10 + decimal(v[1])) + QLatin1Char('.') + text(v + 2, 2);
    }
    case Style::Transmission: return transmissionVersion(v);
    case Style::KTorrent: {
        if (v[2] == 'D' || v[2] == 'R') {
            auto version = dotted(v, 2);
            const int n = base62(v[3]);
            if (!version || n < 0)
                return std::nullopt;
            return *version + (v[2] == 'D' ? QLatin1String(" dev ") : QLatin1String(" RC ")) + QString::number(n);
        }
        return dotted(v, 3);
    }
    case Style::MicroTorrent: {
        auto version = dotted(v, 3);
        if (version && v[3] == 'B')
            *version += QLatin1String(" Beta");
        return version;
    }
    }
    return std::nullopt;
}

// Reads `groups` decimal numbers, each followed by '-', from `pos`: "7-2-0-" gives "7.2.0".
// On success `pos` is past the last dash.
std::optional<QString> dashedVersion(const QByteArray &id, qsizetype &pos, int groups)
{
    QStringList parts;
    for (int g = 0; g < groups; ++g) {
        const qsizetype start = pos;
        while (pos < id.size() && decimal(id[pos]) >= 0 && pos - start < 3)
            ++pos;
        if (pos == start || pos >= id.size() || id[pos] != '-')
            return std::nullopt;
        parts << text(id.constData() + start, pos - start);
        ++pos;
    }
    return parts.join(QLatin1Char('.'));
}

QString withVersion(const QString &name, const std::optional<QString> &version)
{
    return version ? name + QLatin1Char(' ') + *version : name;
}

std::optional<QString> azureusStyle(const QByteArray &id)
{
    if (id.size() < 8 || id[0] != '-' || id[7] != '-')
        return std::nullopt;
    for (const Client &c : kClients) {
        if (id[1] == c.code[0] && id[2] == c.code[1])
            return withVersion(QString::fromUtf8(c.name), styledVersion(c.style, id.constData() + 3));
    }
    return std::nullopt;
}

// Mainline: 'M', then major, minor and tiny separated and padded by dashes to 8 characters:
// "M7-2-0--", "M4-20-8-".
std::optional<QString> mainlineStyle(const QByteArray &id)
{
    if (id.size() < 8 || id[0] != 'M')
        return std::nullopt;
    qsizetype pos = 1;
    const auto version = dashedVersion(id, pos, 3);
    if (!version || pos > 8)
        return std::nullopt;
    for (; pos < 8; ++pos)
        if (id[pos] != '-')
            return std::nullopt;
    return QStringLiteral("Mainline ") + *version;
}

// aria2: "A2-" then major, minor and patch each followed by a dash: "A2-1-37-0-".
std::optional<QString> aria2Style(const QByteArray &id)
{
    if (!id.startsWith("A2-"))
        return std::nullopt;
    qsizetype pos = 3;
    return withVersion(QStringLiteral("aria2"), dashedVersion(id, pos, 3));
}

} // namespace

QByteArray peerIdPrefix()
{
    const QStringList parts = QStringLiteral(SWARMSCOPE_VERSION).split(QLatin1Char('.'));
    QByteArray prefix("-SW");
    for (int i = 0; i < 3; ++i) {
        const int n = i < parts.size() ? parts[i].toInt() : 0;
        prefix += kBase62[qBound(0, n, 61)];
    }
    prefix += "0-";
    return prefix;
}

QByteArray generatePeerId(std::mt19937 &rng)
{
    QByteArray id = peerIdPrefix();
    std::uniform_int_distribution<int> pick(0, int(sizeof(kUrlSafe)) - 2); // without the NUL
    while (id.size() < kPeerIdSize)
        id += kUrlSafe[pick(rng)];
    return id;
}

QString clientNameFromPeerId(const QByteArray &peerId)
{
    if (auto name = azureusStyle(peerId))
        return *name;
    if (auto name = mainlineStyle(peerId))
        return *name;
    if (auto name = aria2Style(peerId))
        return *name;
    QString shown;
    for (qsizetype i = 0; i < peerId.size() && i < 8; ++i) {
        const char c = peerId[i];
        if (c < 0x21 || c > 0x7e)
            break;
        shown += QLatin1Char(c);
    }
    return shown.isEmpty() ? QStringLiteral("Unknown") : QStringLiteral("Unknown (%1)").arg(shown);
}

} // namespace swarmscope::wire
