package org.lemsbridge.compare;

import java.util.List;

/**
 * The overall outcome.
 *
 * @param tier       the worst tier over all columns ({@code fail} when no column was compared)
 * @param required   the tier the caller asked for
 * @param passed     {@code tier} is at least {@code required}
 * @param tolerances the tolerances applied, by name
 * @param reasons    on failure: which column, which metric, where (empty on a pass)
 * @param suggestion on failure: the tolerance that would pass, OMV style (empty when none would, or on a pass)
 */
public record Verdict(Tier tier, Tier required, boolean passed, Tolerances tolerances, List<String> reasons,
                      String suggestion) {

    public Verdict {
        reasons = List.copyOf(reasons);
        suggestion = suggestion == null ? "" : suggestion;
    }

    /** One line: {@code PASS (exact; required tolerant)} or {@code FAIL (...)}. */
    public String headline() {
        return (passed ? "PASS" : "FAIL") + " (" + tier.label() + "; required " + required.label() + ")";
    }
}
