package org.lemsbridge.compare.report;

import org.lemsbridge.compare.Numbers;

/** The multi-line explanation of a failing column, for JUnit failure bodies and reports. */
public final class FailureText {

    private FailureText() {
    }

    public static String detail(ComparisonReport comparison, ComparisonReport.ColumnReport column) {
        StringBuilder out = new StringBuilder();
        column.reasons().forEach(reason -> out.append(reason).append('\n'));
        if (!column.missing()) {
            String unit = column.unit();
            out.append("rmse ").append(withUnit(column.rmse(), unit))
                    .append(", max|Δ| ").append(withUnit(column.maxAbsError(), unit))
                    .append(" at t = ").append(ReportRows.number(column.maxAbsTime())).append(" s")
                    .append(", nRMSE ").append(ReportRows.number(column.nrmse()))
                    .append(", r ").append(ReportRows.number(column.pearson())).append('\n');
            if (column.spikes() != null) {
                out.append("spikes: ").append(column.spikes().rule()).append('\n');
            }
        }
        out.append(comparison.grid()).append('\n');
        out.append("tolerances: ").append(comparison.verdict().tolerancesText()).append('\n');
        if (!comparison.verdict().suggestion().isEmpty()) {
            out.append(comparison.verdict().suggestion()).append('\n');
        }
        return out.toString();
    }

    private static String withUnit(Double value, String unit) {
        return value == null ? "NaN" : Numbers.withUnit(value, unit);
    }
}
