package org.lemsbridge.suite.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lemsbridge.files.AtomicFiles;
import org.lemsbridge.files.Json;

/**
 * Writes a suite's report from its {@link SuiteSummary} alone: {@code summary.json} (the data), {@code junit.xml},
 * {@code report.md} (a Markdown summary for a CI job summary), {@code index.html} and a page per case
 * ({@code cases/NAME/index.html}). A summary read back from {@code summary.json} renders the same report.
 */
public final class SuiteReports {

    private SuiteReports() {
    }

    /** The stdout table: one row per case, then the counts. */
    public static String table(SuiteSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %-6s %-9s %-9s %8s  %s%n", "case", "status", "tier", "required",
                "seconds", "detail"));
        ReportViews.Index index = ReportViews.index(summary);
        for (ReportViews.CaseCard c : index.cases()) {
            out.append(String.format(Locale.ROOT, "%-28s %-6s %-9s %-9s %8s  %s%n", c.name(), c.status(), c.tier(),
                    c.required(), c.seconds(), c.detail()));
        }
        return out.append(System.lineSeparator()).append(index.counts()).append(System.lineSeparator()).toString();
    }

    /** Writes every file of the report into {@code reportFolder}. */
    public static void write(SuiteSummary summary, Path reportFolder) throws IOException {
        Files.createDirectories(reportFolder);
        ReportTemplates templates = new ReportTemplates();
        for (SuiteSummary.CaseSummary c : summary.cases()) {
            write(reportFolder.resolve(c.page()), templates.render("case.ftlh", ReportViews.casePage(summary, c)));
        }
        write(reportFolder.resolve("summary.json"), Json.data(summary));
        String junit = JUnitXml.render(summary);
        write(reportFolder.resolve("junit.xml"), junit);
        ReportViews.Index index = ReportViews.index(summary);
        write(reportFolder.resolve("report.md"), templates.render("summary.md.ftl", index));
        write(reportFolder.resolve("index.html"), templates.render("index.ftlh", index));
    }

    /**
     * Copies the files of {@code shard}'s cases (outputs, plots, thumbnails: everything in each case's folder but its
     * page, which {@link #write} renders anew) from the report folder {@code fromReport} into {@code toReport}.
     * Only regular files are copied; links are not followed.
     */
    public static void copyCaseFiles(SuiteSummary shard, Path fromReport, Path toReport) throws IOException {
        for (SuiteSummary.CaseSummary c : shard.cases()) {
            Path from = fromReport.resolve(SuiteMerge.caseFolder(c));
            if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path page = from.resolve("index.html");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && !f.equals(page)
                        && !f.getFileName().toString().startsWith(".")).toList();
            }
            Path to = toReport.resolve(SuiteMerge.caseFolder(c));
            for (Path file : files) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Path temporary = AtomicFiles.temporaryFor(target);
                try {
                    Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                    AtomicFiles.moveIntoPlace(temporary, target);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** Writes the JUnit XML (as the report's {@code junit.xml}) to {@code file}. */
    public static void writeJUnit(SuiteSummary summary, Path file) throws IOException {
        write(file, JUnitXml.render(summary));
    }

    /** A report's summary, read back from its {@code summary.json}. */
    public static SuiteSummary read(Path summaryJson) {
        return Json.read(summaryJson, SuiteSummary.class);
    }

    private static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.writeString(target, text);
    }
}
