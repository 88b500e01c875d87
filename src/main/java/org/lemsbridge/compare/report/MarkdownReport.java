package org.lemsbridge.compare.report;

import java.util.List;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Verdict;

/** A Markdown report (GitHub flavour): verdict first, then the table and the reasons. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** {@code plotFiles}: for each column (same order), a relative PNG path to embed, or null. */
    public static String render(String title, Comparison comparison, List<String> plotFiles) {
        Verdict verdict = comparison.verdict();
        StringBuilder out = new StringBuilder("# ").append(escape(title)).append("\n\n");
        out.append("**").append(verdict.headline()).append("**\n\n");
        out.append("- reference: `").append(code(comparison.referenceSource())).append("`\n");
        out.append("- candidate: `").append(code(comparison.candidateSource())).append("`\n");
        out.append("- ").append(escape(comparison.alignment().note())).append('\n');
        out.append("- tolerances: ").append(escape(verdict.tolerances().describe())).append('\n');
        for (String warning : comparison.warnings()) {
            out.append("- warning: ").append(escape(warning)).append('\n');
        }
        out.append('\n');
        out.append('|');
        ReportRows.HEADERS.forEach(h -> out.append(' ').append(escape(h)).append(" |"));
        out.append("\n|");
        ReportRows.HEADERS.forEach(h -> out.append("---|"));
        out.append('\n');
        for (ColumnComparison column : comparison.columns()) {
            out.append('|');
            ReportRows.cells(column).forEach(cell -> out.append(' ').append(escape(cell)).append(" |"));
            out.append('\n');
        }
        if (!verdict.reasons().isEmpty()) {
            out.append("\n## Why\n\n");
            verdict.reasons().forEach(r -> out.append("- ").append(escape(r)).append('\n'));
        }
        if (!verdict.suggestion().isEmpty()) {
            out.append('\n').append(escape(verdict.suggestion())).append('\n');
        }
        if (plotFiles != null) {
            for (int i = 0; i < plotFiles.size() && i < comparison.columns().size(); i++) {
                if (plotFiles.get(i) != null) {
                    out.append("\n![").append(escape(comparison.columns().get(i).quantity())).append("](")
                            .append(plotFiles.get(i).replace(" ", "%20").replace(")", "%29")).append(")\n");
                }
            }
        }
        return out.toString();
    }

    /** Escapes the characters Markdown would read as markup (including table pipes). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]<>()#+!|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    private static String code(String text) {
        return text.replace("`", "'");
    }
}
