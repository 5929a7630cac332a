// Makes file paths from a torrent safe to create under a save folder.
//
// Each component of a torrent path is made safe on its own:
//  - "." and ".." and empty components are dropped (a path cannot climb out of the folder);
//  - '/' and '\' inside a component (absolute paths, smuggled separators), NUL and other
//    control characters and invalid UTF-8 become '_';
//  - bidirectional overrides and zero-width characters (used to disguise extensions) are removed;
//  - names Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or without an extension)
//    get a leading '_', and trailing dots and spaces are removed;
//  - components longer than 255 bytes of UTF-8 are shortened, keeping a short extension.
// A path that is empty once sanitized is rejected by the caller.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace swarmscope::metainfo {

constexpr int kMaxComponentBytes = 255;

// Sanitizes one path component; returns an empty string when nothing usable is left.
// `changed` (optional) is set when the result differs from the input.
QString sanitizeComponent(const QByteArray &raw, bool *changed = nullptr);
QString sanitizeComponent(const QString &component, bool *changed = nullptr);

// Sanitizes every component and joins the survivors with '/'. Empty when nothing is left.
QString sanitizePath(const QList<QByteArray> &components, bool *changed = nullptr);

// True when `relativePath` joined to `root` stays inside `root` (a last line of defence for
// code that writes files).
bool isInsideFolder(const QString &root, const QString &relativePath);

} // namespace swarmscope::metainfo
