package org.lemsbridge.compare;

import java.util.List;

/**
 * What to compare and how strictly.
 *
 * @param columns    the pairs to compare; empty means every reference column, matched by name
 * @param tolerances every tolerance by name
 * @param required   the tier the comparison must reach to pass
 * @param spikeRules spike rules the models behind the traces define
 */
public record ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required,
                                SpikeRules spikeRules) {

    public ComparisonOptions {
        columns = List.copyOf(columns);
        if (required == Tier.FAIL) {
            throw new IllegalArgumentException("the required tier must be exact, strict or tolerant");
        }
        spikeRules = spikeRules == null ? SpikeRules.none() : spikeRules;
    }

    public ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required) {
        this(columns, tolerances, required, SpikeRules.none());
    }

    /** Every column, default tolerances, must be {@code tolerant}. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(List.of(), Tolerances.defaults(), Tier.TOLERANT);
    }

    public ComparisonOptions withColumns(List<ColumnRequest> newColumns) {
        return new ComparisonOptions(newColumns, tolerances, required, spikeRules);
    }

    public ComparisonOptions withTolerances(Tolerances newTolerances) {
        return new ComparisonOptions(columns, newTolerances, required, spikeRules);
    }

    public ComparisonOptions requiring(Tier tier) {
        return new ComparisonOptions(columns, tolerances, tier, spikeRules);
    }

    public ComparisonOptions withSpikeRules(SpikeRules rules) {
        return new ComparisonOptions(columns, tolerances, required, rules);
    }
}
