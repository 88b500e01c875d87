package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.trace.Column;

/**
 * The result for one pair of columns.
 *
 * @param reference   the reference column
 * @param candidate   the candidate column, null when the candidate lacks it
 * @param unit        the SI unit both sides were converted to (empty when unknown)
 * @param metrics     error metrics on the common grid (null when the column is missing)
 * @param spikes      spike trains found on each side's own samples (null when missing or not a membrane potential)
 * @param strict      the strict allclose test (null when missing)
 * @param tolerant    the tolerant allclose test (null when missing)
 * @param tier        the best tier this column reaches
 * @param findings    why it missed each better tier, best tier first
 */
public record ColumnComparison(Column reference, Column candidate, String unit, Metrics metrics, SpikeComparison spikes,
                               AllcloseCheck strict, AllcloseCheck tolerant, Tier tier, List<TierFinding> findings) {

    public ColumnComparison {
        findings = List.copyOf(findings);
    }

    /** The reference's quantity path: the name of this comparison. */
    public String quantity() {
        return reference.quantity();
    }

    public boolean missing() {
        return candidate == null;
    }

    /** Why this column does not reach {@code required} (empty when it does). */
    public List<String> reasonsAgainst(Tier required) {
        return findingsAgainst(required).stream().map(TierFinding::message).toList();
    }

    /** The findings that keep this column from {@code required} (empty when it reaches it). */
    public List<TierFinding> findingsAgainst(Tier required) {
        List<TierFinding> against = new ArrayList<>();
        if (tier.satisfies(required)) {
            return against;
        }
        for (TierFinding finding : findings) {
            if (finding.tier() == Tier.FAIL || finding.tier() == required) {
                against.add(finding);
            }
        }
        return against;
    }

    /** The allclose test of a tier (null for exact and fail). */
    public AllcloseCheck check(Tier t) {
        return switch (t) {
            case STRICT -> strict;
            case TOLERANT -> tolerant;
            default -> null;
        };
    }
}
