package org.lemsbridge.trace;

import java.util.List;
import java.util.Optional;

/**
 * What a trace holds, without its numbers: where it came from, its time column and its value columns in file order.
 *
 * @param source     where the trace came from (a file name, or a description)
 * @param timeColumn the time column
 * @param columns    the value columns (time not included)
 */
public record TraceLayout(String source, Column timeColumn, List<Column> columns) {

    public TraceLayout {
        columns = List.copyOf(columns);
    }

    /** Number of value columns (time not counted). */
    public int columnCount() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The index of the column whose quantity is exactly {@code quantity}, if there is exactly one. */
    public Optional<Integer> indexOfQuantity(String quantity) {
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).quantity().equals(quantity)) {
                if (found >= 0) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(found);
    }

    /** True when no column carries a name other than its position. */
    public boolean isUnnamed() {
        return columns.stream().allMatch(Column::isPositional);
    }
}
