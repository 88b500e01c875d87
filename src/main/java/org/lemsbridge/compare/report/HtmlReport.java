package org.lemsbridge.compare.report;

import java.util.List;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Verdict;

/** A self-contained HTML page: verdict, table (failing rows highlighted), reasons and embedded plot links. */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** {@code plotFiles}: for each column (same order), a relative PNG path to show, or null. */
    public static String render(String title, Comparison comparison, List<String> plotFiles) {
        Verdict verdict = comparison.verdict();
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}")
                .append(".pass{color:#176117}.fail{color:#a11}tr.bad{background:#fde8e8}img{max-width:100%}\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(title)).append("</h1>\n");
        out.append("<p class=\"").append(verdict.passed() ? "pass" : "fail").append("\"><strong>")
                .append(escape(verdict.headline())).append("</strong></p>\n<ul>\n");
        out.append("<li>reference: <code>").append(escape(comparison.referenceSource())).append("</code></li>\n");
        out.append("<li>candidate: <code>").append(escape(comparison.candidateSource())).append("</code></li>\n");
        out.append("<li>").append(escape(comparison.alignment().note())).append("</li>\n");
        out.append("<li>tolerances: ").append(escape(verdict.tolerances().describe())).append("</li>\n");
        for (String warning : comparison.warnings()) {
            out.append("<li>warning: ").append(escape(warning)).append("</li>\n");
        }
        out.append("</ul>\n<table>\n<tr>");
        ReportRows.HEADERS.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr>\n");
        for (ColumnComparison column : comparison.columns()) {
            boolean ok = column.tier().satisfies(verdict.required());
            out.append(ok ? "<tr>" : "<tr class=\"bad\">");
            ReportRows.cells(column).forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        if (!verdict.reasons().isEmpty()) {
            out.append("<h2>Why</h2>\n<ul>\n");
            verdict.reasons().forEach(r -> out.append("<li>").append(escape(r)).append("</li>\n"));
            out.append("</ul>\n");
        }
        if (!verdict.suggestion().isEmpty()) {
            out.append("<p>").append(escape(verdict.suggestion())).append("</p>\n");
        }
        if (plotFiles != null) {
            for (int i = 0; i < plotFiles.size() && i < comparison.columns().size(); i++) {
                if (plotFiles.get(i) != null) {
                    out.append("<figure><img src=\"").append(escape(plotFiles.get(i))).append("\" alt=\"")
                            .append(escape(comparison.columns().get(i).quantity())).append("\"></figure>\n");
                }
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
