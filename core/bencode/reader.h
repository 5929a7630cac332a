// Strict bencode reader for hostile input.
//
// Rejects: leading zeros in integers and string lengths, "-0", empty integers, values that
// run past the end, trailing bytes, non-string or duplicate dictionary keys, nesting deeper
// than Limits::maxDepth, more than Limits::maxItems values and input larger than
// Limits::maxInputSize. Unsorted dictionary keys occur in real torrents and are accepted
// (DecodeInfo reports them); callers that hash a value use its exact source bytes.
// Recursion is bounded by maxDepth and allocation by the input size.
#pragma once

#include "bencode/value.h"

#include <QString>

#include <optional>

namespace swarmscope::bencode {

struct Limits {
    qsizetype maxInputSize = 64 * 1024 * 1024; // bytes
    int maxDepth = 100;                        // nested lists/dictionaries
    qsizetype maxItems = 2'000'000;            // values of any kind
};

struct DecodeError {
    qsizetype offset = 0; // byte offset in the input where the problem was found
    QString message;      // what was wrong, in plain English
    QString toString() const;
};

struct DecodeInfo {
    bool unsortedKeys = false; // some dictionary had keys out of byte order
    qsizetype items = 0;       // values read
};

// Decodes exactly one value spanning the whole input. Every value carries its source span.
std::optional<Value> decode(const QByteArray &input, DecodeError *error = nullptr,
                            const Limits &limits = {}, DecodeInfo *info = nullptr);

// Decodes one value starting at `offset`, leaving trailing bytes alone; on success `offset`
// is moved past the value. Used where bencode is followed by other data (ut_metadata).
std::optional<Value> decodePrefix(const QByteArray &input, qsizetype &offset,
                                  DecodeError *error = nullptr, const Limits &limits = {},
                                  DecodeInfo *info = nullptr);

} // namespace swarmscope::bencode
