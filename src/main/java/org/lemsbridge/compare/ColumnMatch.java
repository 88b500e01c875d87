package org.lemsbridge.compare;

/**
 * A reference column paired with a candidate column (by index in each trace).
 *
 * @param request        what the pairing was made from (a synthesised {@code quantity=quantity} when automatic)
 * @param referenceIndex index among the reference's value columns
 * @param candidateIndex index among the candidate's value columns, -1 when the candidate lacks the column
 * @param note           why no candidate column was chosen when that needs saying (an ambiguous short name), or null
 */
public record ColumnMatch(ColumnRequest request, int referenceIndex, int candidateIndex, String note) {

    public ColumnMatch(ColumnRequest request, int referenceIndex, int candidateIndex) {
        this(request, referenceIndex, candidateIndex, null);
    }

    public boolean missing() {
        return candidateIndex < 0;
    }
}
