package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;

/** Turns per-column results into the overall verdict, with OMV-style "a better tolerance to try". */
final class VerdictRules {

    private VerdictRules() {
    }

    /**
     * @param coverageShortfall empty when the candidate covers what it must; otherwise the line that fails every
     *                          tier, ahead of the columns' own reasons
     */
    static Verdict verdict(List<ColumnComparison> columns, Tolerances tolerances, Tier required,
                           String coverageShortfall) {
        if (columns.isEmpty()) {
            return new Verdict(Tier.FAIL, required, false, tolerances, List.of("no columns were compared"), "");
        }
        boolean covered = coverageShortfall.isEmpty();
        Tier tier = covered ? Tier.EXACT : Tier.FAIL;
        List<String> reasons = new ArrayList<>();
        if (!covered) {
            reasons.add(coverageShortfall);
        }
        boolean hardFailure = !covered;
        for (ColumnComparison column : columns) {
            tier = tier.worse(column.tier());
            column.findingsAgainst(required).stream().filter(f -> f.kind() != TierFinding.Kind.COVERAGE)
                    .forEach(f -> reasons.add(f.message()));
            hardFailure |= column.findings().stream().anyMatch(f -> f.tier() == Tier.FAIL);
        }
        boolean passed = tier.satisfies(required);
        String suggestion = passed || hardFailure ? "" : suggestion(columns, tolerances, required);
        return new Verdict(tier, required, passed, tolerances, passed ? List.of() : reasons, suggestion);
    }

    private static String suggestion(List<ColumnComparison> columns, Tolerances tolerances, Tier required) {
        boolean spikeCountsDiffer = columns.stream().anyMatch(c -> c.findings().stream()
                .anyMatch(f -> f.kind() == TierFinding.Kind.SPIKES && f.tier() == required));
        if (spikeCountsDiffer && required != Tier.EXACT) {
            return "no tolerance passes: spike counts differ (like OMV, a length mismatch fails whatever the tolerance)";
        }
        if (required == Tier.EXACT) {
            double needed = 0;
            for (ColumnComparison c : columns) {
                if (c.metrics().maxAbsRef() > 0) {
                    needed = Math.max(needed, c.metrics().maxAbsError() / c.metrics().maxAbsRef());
                } else if (c.metrics().maxAbsError() > 0) {
                    needed = Double.POSITIVE_INFINITY;
                }
            }
            boolean spikesDiffer = columns.stream().anyMatch(c -> c.findings().stream()
                    .anyMatch(f -> f.kind() == TierFinding.Kind.SPIKES));
            return spikesDiffer ? "no tolerance makes it exact: spike steps differ; try strict or tolerant"
                    : "a better tolerance to try: exactRelative " + Numbers.format(needed);
        }
        double rtol = 0;
        double atol = 0;
        for (ColumnComparison c : columns) {
            AllcloseCheck check = c.check(required);
            rtol = Math.max(rtol, check.suggestedRtol());
            atol = Math.max(atol, check.suggestedAtol());
        }
        String name = required.label();
        if (Double.isInfinite(rtol)) {
            return "a better tolerance to try: " + name + " atol " + Numbers.format(atol)
                    + " (no rtol passes with atol " + Numbers.format(tolerances.atol(required)) + ")";
        }
        String correlation = tolerances.minCorrelation() > Tolerances.NO_MIN_CORRELATION && required == Tier.TOLERANT
                ? " (and a lower min correlation if r is the problem)" : "";
        return "a better tolerance to try: " + name + " rtol " + Numbers.format(rtol) + " with atol "
                + Numbers.format(tolerances.atol(required)) + correlation;
    }
}
