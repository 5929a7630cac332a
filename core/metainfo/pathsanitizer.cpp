#include "metainfo/pathsanitizer.h"

#include <QDir>

namespace swarmscope::metainfo {

namespace {

const QChar kReplacement = QLatin1Char('_');

// Characters that change how text is displayed without being seen: they can disguise
// "exe.txt" as "txt.exe" (right-to-left override) or make two names look the same.
bool isInvisibleFormatting(char32_t c)
{
    return (c >= 0x200B && c <= 0x200F)     // zero-width space/joiners, LRM, RLM
           || (c >= 0x202A && c <= 0x202E)  // bidi embeddings and overrides
           || (c >= 0x2060 && c <= 0x2064)  // word joiner, invisible operators
           || (c >= 0x2066 && c <= 0x2069)  // bidi isolates
           || c == 0x061C                   // Arabic letter mark
           || c == 0xFEFF;                  // zero-width no-break space / BOM
}

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool isWindowsReservedName(const QString &component)
{
    // The device name counts whatever follows the first dot: "con.txt" is reserved too.
    const QString base = component.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList fixed = {QStringLiteral("CON"), QStringLiteral("PRN"),
                                      QStringLiteral("AUX"), QStringLiteral("NUL")};
    if (fixed.contains(base))
        return true;
    if (base.size() == 4 && (base.startsWith(QLatin1String("COM")) || base.startsWith(QLatin1String("LPT"))))
        return base[3] >= QLatin1Char('1') && base[3] <= QLatin1Char('9');
    return false;
}

// Cuts `s` to at most `maxBytes` of UTF-8 without splitting a character.
QString truncateUtf8(const QString &s, qsizetype maxBytes)
{
    QString out;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < s.size();) {
        const qsizetype len = (s[i].isHighSurrogate() && i + 1 < s.size()) ? 2 : 1;
        const qsizetype charBytes = s.mid(i, len).toUtf8().size();
        if (bytes + charBytes > maxBytes)
            break;
        out += s.mid(i, len);
        bytes += charBytes;
        i += len;
    }
    return out;
}

QString shortenKeepingExtension(const QString &s)
{
    if (s.toUtf8().size() <= kMaxComponentBytes)
        return s;
    const qsizetype dot = s.lastIndexOf(QLatin1Char('.'));
    QString extension;
    if (dot > 0 && s.size() - dot <= 16)
        extension = s.mid(dot);
    const QString stem = truncateUtf8(s.left(s.size() - extension.size()),
                                      kMaxComponentBytes - extension.toUtf8().size());
    return stem + extension;
}

} // namespace

QString sanitizeComponent(const QString &component, bool *changed)
{
    QString out;
    out.reserve(component.size());
    const QList<uint> codePoints = component.toUcs4();
    for (uint cp : codePoints) {
        const auto c = static_cast<char32_t>(cp);
        if (isInvisibleFormatting(c))
            continue;
        if (isControl(c) || c == U'/' || c == U'\\' || c == 0xFFFD)
            out += kReplacement;
        else
            out += QString::fromUcs4(&c, 1);
    }
    if (out == QLatin1String(".") || out == QLatin1String(".."))
        out.clear();
    // Windows drops trailing dots and spaces silently, so "a." and "a" would be one file.
    while (!out.isEmpty() && (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char(' '))))
        out.chop(1);
    if (!out.isEmpty() && isWindowsReservedName(out))
        out.prepend(kReplacement);
    out = shortenKeepingExtension(out);
    if (changed)
        *changed = out != component;
    return out;
}

QString sanitizeComponent(const QByteArray &raw, bool *changed)
{
    // Invalid UTF-8 becomes U+FFFD here, and '_' below.
    const QString decoded = QString::fromUtf8(raw);
    bool componentChanged = false;
    QString out = sanitizeComponent(decoded, &componentChanged);
    if (changed)
        *changed = componentChanged || decoded.toUtf8() != raw;
    return out;
}

QString sanitizePath(const QList<QByteArray> &components, bool *changed)
{
    QStringList parts;
    bool anyChanged = false;
    for (const QByteArray &raw : components) {
        bool c = false;
        const QString part = sanitizeComponent(raw, &c);
        anyChanged = anyChanged || c;
        if (part.isEmpty()) {
            anyChanged = true;
            continue;
        }
        parts << part;
    }
    if (changed)
        *changed = anyChanged;
    return parts.join(QLatin1Char('/'));
}

bool isInsideFolder(const QString &root, const QString &relativePath)
{
    // Not QDir::isAbsolutePath: it takes ":name" for a Qt resource path, and a torrent may
    // legitimately name a file ":name".
    if (relativePath.isEmpty() || relativePath.startsWith(QLatin1Char('/')))
        return false;
    QString base = QDir::cleanPath(root);
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    const QString full = QDir::cleanPath(base + relativePath);
    return full.startsWith(base) && full.size() > base.size();
}

} // namespace swarmscope::metainfo
