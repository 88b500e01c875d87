package org.lemsbridge.compare.report;

import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Metrics;
import org.lemsbridge.compare.Numbers;

/** The multi-line explanation of a failing column, for JUnit failure bodies and reports. */
final class FailureText {

    private FailureText() {
    }

    static String detail(Comparison comparison, ColumnComparison column) {
        StringBuilder out = new StringBuilder();
        for (String reason : column.reasonsAgainst(comparison.verdict().required())) {
            out.append(reason).append('\n');
        }
        if (!column.missing()) {
            Metrics m = column.metrics();
            out.append("rmse ").append(Numbers.withUnit(m.rmse(), column.unit()))
                    .append(", max|Δ| ").append(Numbers.withUnit(m.maxAbsError(), column.unit()))
                    .append(" at t = ").append(Numbers.format(m.maxAbsTime())).append(" s")
                    .append(", nRMSE ").append(Numbers.format(m.nrmse()))
                    .append(", r ").append(Numbers.format(m.pearson())).append('\n');
        }
        out.append(comparison.alignment().note()).append('\n');
        out.append("tolerances: ").append(comparison.verdict().tolerances().describe()).append('\n');
        if (!comparison.verdict().suggestion().isEmpty()) {
            out.append(comparison.verdict().suggestion()).append('\n');
        }
        return out.toString();
    }
}
