package org.lemsbridge.compare;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * One column the caller wants compared: a reference column and the candidate column it is matched with, each
 * addressed by quantity path, short name, or position ({@code #1} is the first column after time).
 *
 * @param reference      the reference column's address
 * @param candidate      the candidate column's address (the same as {@code reference} when only one is given)
 * @param referenceUnit  overrides the unit the reference file declares (null: keep it)
 * @param candidateUnit  overrides the unit the candidate file declares (null: keep it)
 * @param candidateScale multiplies a dimensionless candidate column to bring it to the reference's SI unit
 *                       (1.0 when not given; NaN is not allowed)
 */
public record ColumnRequest(String reference, String candidate, String referenceUnit, String candidateUnit,
                            double candidateScale) {

    public ColumnRequest {
        if (reference == null || reference.isBlank() || candidate == null || candidate.isBlank()) {
            throw new IllegalArgumentException("a column request needs a reference and a candidate name");
        }
        if (!Double.isFinite(candidateScale) || candidateScale == 0) {
            throw new IllegalArgumentException("candidateScale must be finite and non-zero, got " + candidateScale);
        }
    }

    public static ColumnRequest of(String reference, String candidate) {
        return new ColumnRequest(reference, candidate, null, null, 1.0);
    }

    /**
     * Parses {@code REF=CAND}, {@code NAME} (same on both sides), or {@code REF=CAND*SCALE}
     * (a dimensionless candidate multiplied by SCALE).
     */
    public static ColumnRequest parse(String text, String origin) {
        String trimmed = text.trim();
        int equals = trimmed.indexOf('=');
        String ref = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
        String cand = equals < 0 ? trimmed : trimmed.substring(equals + 1).trim();
        double scale = 1.0;
        int star = cand.lastIndexOf('*');
        if (star >= 0) {
            String factor = cand.substring(star + 1).trim();
            cand = cand.substring(0, star).trim();
            try {
                scale = Double.parseDouble(factor);
            } catch (NumberFormatException e) {
                throw new BadInputException(SourceLocation.unknown(origin), "bad scale '" + factor + "' in column '"
                        + text + "'", "write REF=CAND*0.001 to multiply the candidate by 0.001");
            }
        }
        if (ref.isEmpty() || cand.isEmpty() || !Double.isFinite(scale) || scale == 0) {
            throw new BadInputException(SourceLocation.unknown(origin), "bad column request '" + text + "'",
                    "expected REF=CAND, NAME or REF=CAND*SCALE");
        }
        return new ColumnRequest(ref, cand, null, null, scale);
    }

    public ColumnRequest withUnits(String newReferenceUnit, String newCandidateUnit) {
        return new ColumnRequest(reference, candidate, newReferenceUnit, newCandidateUnit, candidateScale);
    }
}
