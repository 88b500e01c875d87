package org.lemsbridge.compare;

/**
 * The numbers behind one {@link ColumnComparison}, for plots: the compared reference times with both columns in SI
 * (the candidate already on the reference grid). Arrays are owned by this record; do not modify them.
 */
public record AlignedColumn(ColumnComparison result, double[] time, double[] reference, double[] candidate) {
}
