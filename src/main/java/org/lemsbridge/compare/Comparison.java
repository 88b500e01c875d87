package org.lemsbridge.compare;

import java.util.List;

/**
 * Everything one comparison found.
 *
 * @param referenceSource where the reference came from
 * @param candidateSource where the candidate came from
 * @param alignment       how the time grids were aligned
 * @param columns         one result per matched column, in reference order
 * @param warnings        doubtful choices made on the way (positional matching, assumed units)
 * @param verdict         the outcome
 */
public record Comparison(String referenceSource, String candidateSource, TimeAlignment alignment,
                         List<ColumnComparison> columns, List<String> warnings, Verdict verdict) {

    public Comparison {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return verdict.passed();
    }

    public ColumnComparison column(String referenceQuantity) {
        return columns.stream().filter(c -> c.quantity().equals(referenceQuantity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no compared column " + referenceQuantity));
    }
}
