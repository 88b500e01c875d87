package org.lemsbridge.suite;

import org.lemsbridge.files.SafeName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.report.HtmlReport;
import org.lemsbridge.compare.report.JUnitXmlReport;
import org.lemsbridge.compare.report.JsonReport;
import org.lemsbridge.compare.report.MarkdownReport;
import org.lemsbridge.files.AtomicFiles;
import org.lemsbridge.files.JsonText;

/**
 * Writes a suite's results: {@code summary.json}, {@code junit.xml}, {@code report.md} and {@code index.html} in the
 * report folder, and a Markdown and HTML page per case beside its plots. Every file goes to a temporary name first.
 */
public final class SuiteReports {
    private SuiteReports() {
    }

    /** The stdout table: one row per case. */
    public static String table(SuiteResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %-6s %-9s %-9s %8s  %s%n", "case", "status", "tier", "required",
                "seconds", "detail"));
        for (CaseResult c : result.cases()) {
            out.append(String.format(Locale.ROOT, "%-28s %-6s %-9s %-9s %8.2f  %s%n", c.suiteCase().name(),
                    c.status().toUpperCase(Locale.ROOT), c.tier(), c.suiteCase().tolerance().requiredTier(),
                    c.seconds(), detail(c)));
        }
        out.append(String.format(Locale.ROOT, "%n%d passed, %d failed, %d errors (%d cases, %.1f s)%n",
                result.count("pass"), result.count("fail"), result.count("error"), result.cases().size(),
                result.seconds()));
        return out.toString();
    }

    public static void write(SuiteResult result, Path reportFolder, Path junitFile) throws IOException {
        Files.createDirectories(reportFolder);
        for (CaseResult c : result.cases()) {
            writeCasePages(c, reportFolder);
        }
        writeAtomically(reportFolder.resolve("summary.json"), json(result));
        String junit = junit(result);
        writeAtomically(reportFolder.resolve("junit.xml"), junit);
        if (junitFile != null) {
            writeAtomically(junitFile, junit);
        }
        writeAtomically(reportFolder.resolve("report.md"), markdown(result));
        writeAtomically(reportFolder.resolve("index.html"), html(result));
    }

    private static String detail(CaseResult c) {
        if (c.error() != null) {
            return c.error();
        }
        if (c.omv() != null) {
            return c.omv().dryRun() ? "dry run: simulated without error"
                    : String.join("; ", c.omv().results().stream().map(r -> r.message()).toList());
        }
        if (c.comparison() == null) {
            return "";
        }
        return c.passed() ? c.comparison().columns().size() + " columns"
                : String.join("; ", c.comparison().verdict().reasons());
    }

    private static void writeCasePages(CaseResult c, Path reportFolder) throws IOException {
        if (c.comparison() == null) {
            return;
        }
        Path caseFolder = reportFolder.resolve("cases").resolve(SafeName.of(c.suiteCase().name()));
        Files.createDirectories(caseFolder);
        List<String> local = relativeTo(c.plots(), "cases/" + SafeName.of(c.suiteCase().name()) + "/");
        writeAtomically(caseFolder.resolve("report.md"), MarkdownReport.render(title(c), c.comparison(), local));
        writeAtomically(caseFolder.resolve("report.html"), HtmlReport.render(title(c), c.comparison(), local));
    }

    private static List<String> relativeTo(List<String> plots, String prefix) {
        List<String> local = new ArrayList<>();
        for (String plot : plots) {
            local.add(plot == null ? null : plot.startsWith(prefix) ? plot.substring(prefix.length()) : plot);
        }
        return local;
    }

    private static String title(CaseResult c) {
        Path model = c.suiteCase().model() != null ? c.suiteCase().model() : c.suiteCase().omtFile();
        return c.suiteCase().name() + ": " + model.getFileName();
    }

    static String junit(SuiteResult result) {
        Map<String, Comparison> comparisons = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, OmvRunner.OmvRun> omv = new LinkedHashMap<>();
        for (CaseResult c : result.cases()) {
            if (c.comparison() != null) {
                comparisons.put(c.suiteCase().name(), c.comparison());
            } else if (c.error() != null) {
                errors.put(c.suiteCase().name(), c.error());
            } else {
                omv.put(c.suiteCase().name(), c.omv());
            }
        }
        return JUnitXmlReport.render(comparisons, errors, omvCases(omv));
    }

    private static Map<String, Map<String, String>> omvCases(Map<String, OmvRunner.OmvRun> omv) {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        omv.forEach((name, run) -> {
            Map<String, String> failures = new LinkedHashMap<>();
            run.results().forEach(r -> failures.put(r.experiment(), r.passed() ? null : r.message()));
            if (run.dryRun()) {
                failures.put("(dry run)", null);
            }
            cases.put(name, failures);
        });
        return cases;
    }

    static String json(SuiteResult result) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"suite\": ").append(JsonText.quote(result.suite().name())).append(",\n");
        out.append("  \"passed\": ").append(result.passed()).append(",\n");
        out.append("  \"seconds\": ").append(JsonText.number(result.seconds())).append(",\n");
        out.append("  \"cases\": [");
        for (int i = 0; i < result.cases().size(); i++) {
            CaseResult c = result.cases().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(JsonText.quote(c.suiteCase().name()))
                    .append(", \"status\": ").append(JsonText.quote(c.status()))
                    .append(", \"tier\": ").append(JsonText.quote(c.tier()))
                    .append(", \"required\": ").append(JsonText.quote(c.suiteCase().tolerance().requiredTier()))
                    .append(", \"seconds\": ").append(JsonText.number(c.seconds()))
                    .append(", \"model\": ").append(JsonText.quote(String.valueOf(c.suiteCase().model() != null
                            ? c.suiteCase().model() : c.suiteCase().omtFile())))
                    .append(", \"warnings\": [");
            for (int w = 0; w < c.warnings().size(); w++) {
                out.append(w == 0 ? "" : ", ").append(JsonText.quote(c.warnings().get(w)));
            }
            out.append("], \"error\": ").append(c.error() == null ? "null" : JsonText.quote(c.error()));
            if (c.omv() != null) {
                out.append(", \"omv\": [");
                for (int r = 0; r < c.omv().results().size(); r++) {
                    var check = c.omv().results().get(r);
                    out.append(r == 0 ? "" : ", ").append("{\"experiment\": ").append(JsonText.quote(check.experiment()))
                            .append(", \"passed\": ").append(check.passed()).append(", \"message\": ")
                            .append(JsonText.quote(check.message())).append('}');
                }
                out.append(']');
            }
            out.append(", \"comparison\": ").append(c.comparison() == null ? "null"
                    : JsonReport.render(c.comparison()).strip().replace("\n", "\n      "));
            out.append('}');
        }
        out.append("\n  ]\n}\n");
        return out.toString();
    }

    static String markdown(SuiteResult result) {
        StringBuilder out = new StringBuilder("# ").append(result.suite().name()).append("\n\n");
        out.append("**").append(result.passed() ? "PASS" : "FAIL").append("**: ").append(result.count("pass"))
                .append(" passed, ").append(result.count("fail")).append(" failed, ").append(result.count("error"))
                .append(" errors\n\n| case | status | tier | required | seconds |\n|---|---|---|---|---|\n");
        for (CaseResult c : result.cases()) {
            out.append("| [").append(c.suiteCase().name()).append("](#").append(anchor(c)).append(") | ")
                    .append(c.status()).append(" | ").append(c.tier()).append(" | ")
                    .append(c.suiteCase().tolerance().requiredTier()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", c.seconds())).append(" |\n");
        }
        for (CaseResult c : result.cases()) {
            out.append("\n<a id=\"").append(anchor(c)).append("\"></a>\n\n");
            if (c.omv() != null) {
                out.append("## ").append(c.suiteCase().name()).append(" (OMV)\n\n");
                out.append(c.omv().dryRun() ? "- dry run: the target simulated without error\n" : "");
                c.omv().results().forEach(r -> out.append("- ").append(r.message()).append('\n'));
            } else if (c.comparison() == null) {
                out.append("## ").append(c.suiteCase().name()).append("\n\n**ERROR**: `").append(c.error())
                        .append("`\n");
            } else {
                out.append(MarkdownReport.render(title(c), c.comparison(), c.plots()).replaceFirst("^# ", "## "));
            }
            for (String warning : c.warnings()) {
                out.append("\n- warning: ").append(warning).append('\n');
            }
        }
        return out.toString();
    }

    static String html(SuiteResult result) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(result.suite().name())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
                        + ".pass{color:#080}.fail,.error{color:#b00;font-weight:bold}</style></head><body>\n<h1>")
                .append(escape(result.suite().name())).append("</h1>\n<p class=\"")
                .append(result.passed() ? "pass\">PASS" : "fail\">FAIL").append(": ").append(result.count("pass"))
                .append(" passed, ").append(result.count("fail")).append(" failed, ").append(result.count("error"))
                .append(" errors</p>\n<table><tr><th>case</th><th>status</th><th>tier</th><th>required</th>"
                        + "<th>seconds</th><th>detail</th></tr>\n");
        for (CaseResult c : result.cases()) {
            String page = "cases/" + SafeName.of(c.suiteCase().name()) + "/report.html";
            out.append("<tr><td>").append(c.comparison() == null ? escape(c.suiteCase().name())
                    : "<a href=\"" + escape(page) + "\">" + escape(c.suiteCase().name()) + "</a>")
                    .append("</td><td class=\"").append(c.status()).append("\">").append(c.status())
                    .append("</td><td>").append(escape(c.tier())).append("</td><td>")
                    .append(escape(c.suiteCase().tolerance().requiredTier())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2f", c.seconds())).append("</td><td>")
                    .append(escape(detail(c))).append("</td></tr>\n");
        }
        out.append("</table>\n</body></html>\n");
        return out.toString();
    }

    private static String anchor(CaseResult c) {
        return "case-" + SafeName.of(c.suiteCase().name()).toLowerCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.writeString(target, text);
    }
}
