package org.lemsbridge.compare;

import java.util.Optional;
import org.lemsbridge.trace.Column;

/**
 * How a reference and a candidate column are brought to one SI unit. Each side is converted with its own unit
 * (V vs mV, s vs ms); a dimensionless candidate may be scaled explicitly; a side without a unit is assumed to be
 * in the other side's unit (with a warning); two different dimensions cannot be aligned (a problem, the column fails).
 */
record UnitPairing(SiUnit reference, SiUnit candidate, double candidateScale, String siSymbol,
                   Optional<String> warning, Optional<String> problem) {

    static UnitPairing of(Column refColumn, Column candColumn, ColumnRequest request) {
        SiUnit ref = UnitLookup.resolve(request.referenceUnit() != null ? request.referenceUnit() : refColumn.unit());
        SiUnit cand = UnitLookup.resolve(request.candidateUnit() != null ? request.candidateUnit() : candColumn.unit());
        double scale = request.candidateScale();
        if (!ref.known() && !cand.known()) {
            return new UnitPairing(ref, cand, scale, "", Optional.empty(), Optional.empty());
        }
        if (!cand.known()) {
            return new UnitPairing(ref, ref, scale, ref.siSymbol(), Optional.of("candidate column "
                    + candColumn.quantity() + " has no unit; assumed " + ref.symbol() + " like the reference"),
                    Optional.empty());
        }
        if (!ref.known()) {
            return new UnitPairing(cand, cand, scale, cand.siSymbol(), Optional.of("reference column "
                    + refColumn.quantity() + " has no unit; assumed " + cand.symbol() + " like the candidate"),
                    Optional.empty());
        }
        if (ref.sameDimension(cand)) {
            Optional<String> problem = scale != 1.0 && !cand.dimensionless()
                    ? Optional.of("a scale only applies to a dimensionless candidate, but it is in " + cand.symbol())
                    : Optional.empty();
            return new UnitPairing(ref, cand, scale, ref.siSymbol(), Optional.empty(), problem);
        }
        if (cand.dimensionless() && scale != 1.0) {
            return new UnitPairing(ref, cand, scale, ref.siSymbol(), Optional.empty(), Optional.empty());
        }
        String hint = cand.dimensionless()
                ? "; give the candidate's unit or a scale (REF=CAND*0.001 for mV) to compare them"
                : ref.dimensionless() ? "; give the reference's unit to compare them" : "";
        String problem = "units do not align: reference " + describe(ref) + ", candidate "
                + candColumn.quantity() + " " + describe(cand) + hint;
        return new UnitPairing(ref, cand, scale, ref.siSymbol(), Optional.empty(), Optional.of(problem));
    }

    /** True when the compared quantity is a voltage. */
    boolean isVoltage() {
        return reference.resolved() && reference.known() && reference.sameDimension(UnitLookup.resolve("V"));
    }

    private static String describe(SiUnit unit) {
        return "in " + unit.symbol() + " (" + unit.dimensionName() + ")";
    }

    double[] referenceToSi(double[] values) {
        return convert(values, values.length, reference, 1.0);
    }

    double[] candidateToSi(double[] values) {
        return convert(values, values.length, candidate, candidateScale);
    }

    /** Converts {@code values[0, count)} in place, as {@link #referenceToSi(double[])} does. */
    void referenceToSi(double[] values, int count) {
        convert(values, count, reference, 1.0);
    }

    /** Converts {@code values[0, count)} in place, as {@link #candidateToSi(double[])} does. */
    void candidateToSi(double[] values, int count) {
        convert(values, count, candidate, candidateScale);
    }

    private static double[] convert(double[] values, int count, SiUnit unit, double scale) {
        if (unit.isSi() && scale == 1.0) {
            return values;
        }
        for (int i = 0; i < count; i++) {
            values[i] = unit.toSi(values[i]) * scale;
        }
        return values;
    }
}
