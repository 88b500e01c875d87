package org.lemsbridge.suite.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lemsbridge.files.FolderWrites;
import org.lemsbridge.files.Json;
import org.lemsbridge.files.StagedFolder;

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
        write(summary, FolderWrites.IN_PLACE, reportFolder);
    }

    /** Writes every file of the report into the staged report folder. */
    public static void write(SuiteSummary summary, StagedFolder reportFolder) throws IOException {
        write(summary, reportFolder, reportFolder.path());
    }

    private static void write(SuiteSummary summary, FolderWrites files, Path reportFolder) throws IOException {
        files.createFolders(reportFolder);
        ReportTemplates templates = new ReportTemplates();
        for (SuiteSummary.CaseSummary c : summary.cases()) {
            files.writeString(reportFolder.resolve(c.page()), templates.render("case.ftlh",
                    ReportViews.casePage(summary, c)));
        }
        files.writeString(reportFolder.resolve("summary.json"), Json.data(summary));
        files.writeString(reportFolder.resolve("junit.xml"), junit(summary));
        ReportViews.Index index = ReportViews.index(summary);
        files.writeString(reportFolder.resolve("report.md"), templates.render("summary.md.ftl", index));
        files.writeString(reportFolder.resolve("index.html"), templates.render("index.ftlh", index));
    }

    /**
     * Copies the files of {@code shard}'s cases (outputs, plots, thumbnails: everything in each case's folder but its
     * page, which {@link #write} renders anew) from the report folder {@code fromReport} into {@code toReport}.
     * Only regular files are copied; links are not followed.
     */
    public static void copyCaseFiles(SuiteSummary shard, Path fromReport, StagedFolder toReport) throws IOException {
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
            Path to = toReport.path().resolve(SuiteMerge.caseFolder(c));
            for (Path file : files) {
                toReport.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** The JUnit XML of the report ({@code junit.xml}). */
    public static String junit(SuiteSummary summary) {
        return JUnitXml.render(summary);
    }

    /** Writes the JUnit XML (as the report's {@code junit.xml}) to {@code file}. */
    public static void writeJUnit(SuiteSummary summary, Path file) throws IOException {
        FolderWrites.IN_PLACE.writeString(file, junit(summary));
    }

    /** A report's summary, read back from its {@code summary.json}. */
    public static SuiteSummary read(Path summaryJson) {
        return Json.read(summaryJson, SuiteSummary.class);
    }

}
