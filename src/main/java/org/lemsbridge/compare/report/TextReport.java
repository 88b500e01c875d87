package org.lemsbridge.compare.report;

import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Verdict;

/** A plain-text report: sources, grid note, an aligned table, the verdict and why. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        out.append("reference: ").append(comparison.referenceSource()).append('\n');
        out.append("candidate: ").append(comparison.candidateSource()).append('\n');
        out.append(comparison.alignment().note()).append('\n');
        for (String warning : comparison.warnings()) {
            out.append("warning: ").append(warning).append('\n');
        }
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(ReportRows.HEADERS);
        for (ComparisonReport.ColumnReport column : ComparisonReport.of(comparison).columns()) {
            rows.add(ReportRows.cells(column));
        }
        int[] widths = new int[ReportRows.HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i)));
                if (i + 1 < row.size()) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        Verdict verdict = comparison.verdict();
        out.append('\n').append(verdict.headline()).append('\n');
        out.append("tolerances: ").append(verdict.tolerances().describe()).append('\n');
        for (String reason : verdict.reasons()) {
            out.append("  ").append(reason).append('\n');
        }
        if (!verdict.suggestion().isEmpty()) {
            out.append(verdict.suggestion()).append('\n');
        }
        return out.toString();
    }
}
