package org.lemsbridge.compare;

import java.util.List;

/**
 * What to compare and how strictly.
 *
 * @param columns    the pairs to compare; empty means every reference column, matched by name
 * @param tolerances every tolerance by name
 * @param required   the tier the comparison must reach to pass
 */
public record ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required) {

    public ComparisonOptions {
        columns = List.copyOf(columns);
        if (required == Tier.FAIL) {
            throw new IllegalArgumentException("the required tier must be exact, strict or tolerant");
        }
    }

    /** Every column, default tolerances, must be {@code tolerant}. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(List.of(), Tolerances.defaults(), Tier.TOLERANT);
    }

    public ComparisonOptions withColumns(List<ColumnRequest> newColumns) {
        return new ComparisonOptions(newColumns, tolerances, required);
    }

    public ComparisonOptions withTolerances(Tolerances newTolerances) {
        return new ComparisonOptions(columns, newTolerances, required);
    }

    public ComparisonOptions requiring(Tier tier) {
        return new ComparisonOptions(columns, tolerances, tier);
    }
}
