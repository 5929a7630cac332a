#include "storage/filelayout.h"

#include <algorithm>

namespace swarmscope::storage {

FileLayout::FileLayout(const metainfo::TorrentInfo &info)
    : m_files(info.files), m_totalSize(info.totalSize), m_pieceLength(info.pieceLength),
      m_pieceCount(info.pieceCount())
{
}

qint64 FileLayout::pieceSize(int piece) const
{
    if (piece < 0 || piece >= m_pieceCount)
        return 0;
    return std::min(m_pieceLength, m_totalSize - pieceOffset(piece));
}

QList<FileSlice> FileLayout::slices(qint64 offset, qint64 length) const
{
    QList<FileSlice> out;
    if (offset < 0 || length <= 0 || offset + length > m_totalSize)
        return out;
    // First file whose end lies beyond `offset` (files are sorted by offset).
    auto it = std::upper_bound(m_files.cbegin(), m_files.cend(), offset,
                               [](qint64 off, const metainfo::FileEntry &f) { return off < f.offset + f.size; });
    qint64 done = 0;
    for (; it != m_files.cend() && done < length; ++it) {
        if (it->size == 0)
            continue;
        const qint64 pos = offset + done;
        const qint64 inFile = pos - it->offset;
        const qint64 n = std::min(length - done, it->size - inFile);
        out.append({int(it - m_files.cbegin()), inFile, n, done});
        done += n;
    }
    return out;
}

std::pair<int, int> FileLayout::filesOfPiece(int piece) const
{
    const QList<FileSlice> s = pieceSlices(piece);
    if (s.isEmpty())
        return {-1, -1};
    return {s.first().fileIndex, s.last().fileIndex};
}

std::pair<int, int> FileLayout::piecesOfFile(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= m_files.size() || m_pieceLength <= 0)
        return {-1, -1};
    const metainfo::FileEntry &f = m_files[fileIndex];
    if (f.size == 0)
        return {-1, -1};
    return {int(f.offset / m_pieceLength), int((f.offset + f.size - 1) / m_pieceLength)};
}

} // namespace swarmscope::storage
