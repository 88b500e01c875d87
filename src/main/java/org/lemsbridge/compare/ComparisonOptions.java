package org.lemsbridge.compare;

import java.util.List;

/**
 * What to compare and how strictly.
 *
 * @param columns    the pairs to compare; empty means every reference column, matched by name
 * @param tolerances every tolerance by name
 * @param required   the tier the comparison must reach to pass
 * @param spikeRules spike rules the models behind the traces define
 * @param window     the part of the reference the candidate must cover ({@link Window#WHOLE}: all of it)
 */
public record ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required,
                                SpikeRules spikeRules, Window window) {

    public ComparisonOptions {
        columns = List.copyOf(columns);
        if (required == Tier.FAIL) {
            throw new IllegalArgumentException("the required tier must be exact, strict or tolerant");
        }
        spikeRules = spikeRules == null ? SpikeRules.none() : spikeRules;
        window = window == null ? Window.WHOLE : window;
    }

    public ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required,
                             SpikeRules spikeRules) {
        this(columns, tolerances, required, spikeRules, Window.WHOLE);
    }

    public ComparisonOptions(List<ColumnRequest> columns, Tolerances tolerances, Tier required) {
        this(columns, tolerances, required, SpikeRules.none(), Window.WHOLE);
    }

    /** Every column, default tolerances, must be {@code tolerant}. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(List.of(), Tolerances.defaults(), Tier.TOLERANT);
    }

    public ComparisonOptions withColumns(List<ColumnRequest> newColumns) {
        return new ComparisonOptions(newColumns, tolerances, required, spikeRules, window);
    }

    public ComparisonOptions withTolerances(Tolerances newTolerances) {
        return new ComparisonOptions(columns, newTolerances, required, spikeRules, window);
    }

    public ComparisonOptions requiring(Tier tier) {
        return new ComparisonOptions(columns, tolerances, tier, spikeRules, window);
    }

    public ComparisonOptions withSpikeRules(SpikeRules rules) {
        return new ComparisonOptions(columns, tolerances, required, rules, window);
    }

    /** Compare only the reference rows from {@code part}'s start to its end. */
    public ComparisonOptions within(Window part) {
        return new ComparisonOptions(columns, tolerances, required, spikeRules, part);
    }
}
