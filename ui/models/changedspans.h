// Collects the rows of a table model that changed during one refresh and reports each run of
// consecutive changed rows as one span (rows first..last, the union of their changed columns),
// so a model emits one dataChanged per run instead of one per row or a reset.
#pragma once

#include <algorithm>
#include <functional>

namespace swarmscope::ui {

class ChangedSpans {
public:
    // `emitSpan(firstRow, lastRow, firstColumn, lastColumn)` is called once per run.
    ChangedSpans(int columnCount, std::function<void(int, int, int, int)> emitSpan)
        : m_columnCount(columnCount), m_emit(std::move(emitSpan))
    {
    }

    // Row `row` (visited in increasing order) changed in columns first..last; first > last means
    // it did not change, which ends the current run.
    void row(int row, int firstColumn, int lastColumn)
    {
        if (firstColumn > lastColumn) {
            flush(row - 1);
            return;
        }
        if (m_runStart < 0)
            m_runStart = row;
        m_firstColumn = std::min(m_firstColumn, firstColumn);
        m_lastColumn = std::max(m_lastColumn, lastColumn);
    }

    // Ends the last run at `lastRow` (the model's last row).
    void finish(int lastRow) { flush(lastRow); }

private:
    void flush(int endRow)
    {
        if (m_runStart >= 0)
            m_emit(m_runStart, endRow, m_firstColumn, m_lastColumn);
        m_runStart = -1;
        m_firstColumn = m_columnCount;
        m_lastColumn = -1;
    }

    int m_columnCount;
    std::function<void(int, int, int, int)> m_emit;
    int m_runStart = -1;
    int m_firstColumn = m_columnCount;
    int m_lastColumn = -1;
};

} // namespace swarmscope::ui
