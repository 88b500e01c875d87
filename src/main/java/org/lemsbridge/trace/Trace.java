package org.lemsbridge.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An immutable time series: a time column plus named, unit-tagged value columns of the same length.
 * Accessors that return arrays return copies; use {@link #value(int, int)} and {@link #time(int)} in loops.
 */
public final class Trace {

    private final String source;
    private final Column timeColumn;
    private final double[] time;
    private final List<Column> columns;
    private final double[][] values;

    private Trace(String source, Column timeColumn, double[] time, List<Column> columns, double[][] values) {
        this.source = source;
        this.timeColumn = timeColumn;
        this.time = time;
        this.columns = columns;
        this.values = values;
    }

    /** Builds a trace from the caller's arrays, which are copied. */
    public static Trace of(String source, Column timeColumn, double[] time, List<Column> columns, List<double[]> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.size() + " value arrays");
        }
        double[][] copies = new double[values.size()][];
        for (int i = 0; i < copies.length; i++) {
            if (values.get(i).length != time.length) {
                throw new IllegalArgumentException("column " + columns.get(i).quantity() + " has " + values.get(i).length
                        + " values but time has " + time.length);
            }
            copies[i] = values.get(i).clone();
        }
        return new Trace(source, timeColumn, time.clone(), List.copyOf(columns), copies);
    }

    /** Takes ownership of arrays built by a reader in this package (no copy). */
    static Trace adopt(String source, Column timeColumn, double[] time, List<Column> columns, double[][] values) {
        return new Trace(source, timeColumn, time, List.copyOf(columns), values);
    }

    /** Where the trace came from (a file name, or a description). */
    public String source() {
        return source;
    }

    public Column timeColumn() {
        return timeColumn;
    }

    public int rows() {
        return time.length;
    }

    /** Number of value columns (time not counted). */
    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public double time(int row) {
        return time[row];
    }

    public double value(int column, int row) {
        return values[column][row];
    }

    public double[] time() {
        return time.clone();
    }

    public double[] values(int column) {
        return values[column].clone();
    }

    /** The index of the column whose quantity is exactly {@code quantity}, if there is exactly one. */
    public Optional<Integer> indexOfQuantity(String quantity) {
        return layout().indexOfQuantity(quantity);
    }

    /** The values of the column with this exact quantity path (a copy). */
    public Optional<double[]> valuesOf(String quantity) {
        return indexOfQuantity(quantity).map(this::values);
    }

    /** True when no column carries a name other than its position. */
    public boolean isUnnamed() {
        return layout().isUnnamed();
    }

    /** The source and the columns, without the numbers. */
    public TraceLayout layout() {
        return new TraceLayout(source, timeColumn, columns);
    }

    /** The same numbers under other column descriptions (same count). */
    public Trace withColumns(Column newTimeColumn, List<Column> newColumns) {
        if (newColumns.size() != columns.size()) {
            throw new IllegalArgumentException(newColumns.size() + " names for " + columns.size() + " columns");
        }
        return new Trace(source, newTimeColumn, time, List.copyOf(newColumns), values);
    }

    /** The rows {@code [from, to)} of this trace. */
    public Trace slice(int from, int to) {
        double[][] sliced = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            sliced[i] = Arrays.copyOfRange(values[i], from, to);
        }
        return new Trace(source, timeColumn, Arrays.copyOfRange(time, from, to), columns, sliced);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.quantity()));
        return "Trace[" + source + ", " + rows() + " rows, " + names + "]";
    }
}
