package org.lemsbridge.compare.report;

import java.util.List;

import org.lemsbridge.compare.Numbers;

/** The cells of the per-column table every tabular report shows, already formatted. */
public final class ReportRows {

    public static final List<String> HEADERS = List.of("quantity", "candidate", "tier", "unit", "rmse", "max |Δ|",
            "at t (s)", "max rel", "nRMSE", "r", "spikes ref/cand", "first divergent spike");

    private ReportRows() {
    }

    public static List<String> cells(ComparisonReport.ColumnReport c) {
        if (c.missing()) {
            return List.of(c.quantity(), "missing", c.tier(), unit(c.unit()), "-", "-", "-", "-", "-", "-", "-", "-");
        }
        ComparisonReport.SpikeReport s = c.spikes();
        String counts = s == null ? "-" : s.reference().size() + "/" + s.candidate().size();
        String divergent = s == null ? "-" : s.firstDivergentIndex() < 0 ? "none"
                : "#" + (s.firstDivergentIndex() + 1) + ": " + time(s.firstDivergentReferenceTime()) + " vs "
                + time(s.firstDivergentCandidateTime());
        if (c.nanRows() != null && c.nanRows() > 0) {
            // the metrics skip rows with NaN or infinity; the table must not show such a column as close
            return List.of(c.quantity(), c.candidate(), c.tier(), unit(c.unit()), "NaN", "NaN", "-", "NaN", "NaN",
                    "NaN", counts, divergent);
        }
        return List.of(c.quantity(), c.candidate(), c.tier(), unit(c.unit()), number(c.rmse()),
                number(c.maxAbsError()), number(c.maxAbsTime()), number(c.maxRelError()), number(c.nrmse()),
                number(c.pearson()), counts, divergent);
    }

    /** {@code dimensionless} for a pure number, {@code ?} when unknown. */
    public static String unit(String unit) {
        return unit == null || unit.isEmpty() ? "?" : unit.equals("1") ? "dimensionless" : unit;
    }

    /** A number as {@link Numbers#format} prints it; null (NaN or infinite in the data) as {@code NaN}. */
    public static String number(Double value) {
        return value == null ? "NaN" : Numbers.format(value);
    }

    private static String time(Double t) {
        return t == null ? "none" : Numbers.format(t) + " s";
    }
}
