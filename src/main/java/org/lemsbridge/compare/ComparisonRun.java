package org.lemsbridge.compare;

import java.util.List;

/** A comparison plus the aligned numbers of each compared column (for plotting). */
public record ComparisonRun(Comparison comparison, List<AlignedColumn> aligned) {

    public ComparisonRun {
        aligned = List.copyOf(aligned);
    }
}
