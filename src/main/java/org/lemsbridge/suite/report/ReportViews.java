package org.lemsbridge.suite.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lemsbridge.compare.report.ComparisonReport;
import org.lemsbridge.compare.report.ReportRows;
import org.lemsbridge.suite.CaseResult.Status;

/**
 * What the report templates print, decided here: every text already formatted, every link already relative to the
 * page that shows it, every CSS class chosen. Built from a {@link SuiteSummary} alone.
 */
public final class ReportViews {

    private static final int DETAIL_LENGTH = 220;

    private ReportViews() {
    }

    /** A labelled value in a page's list of facts. */
    public record Fact(String label, String value) {
    }

    /** One case on the index page and in the Markdown summary. */
    public record CaseCard(String name, String page, String thumbnail, String placeholder, String status, String statusClass,
                    String tier, String required, String seconds, String detail, List<String> reasons,
                    String suggestion) {
    }

    /** The suite's index page and the Markdown summary. */
    public record Index(String title, String status, String statusClass, String counts, List<Fact> facts,
                 List<CaseCard> cases, List<CaseCard> problems) {
    }

    /** A row of the columns table; {@code bad} when the column misses the required tier. */
    public record Row(List<String> cells, boolean bad) {
    }

    /** A picture on a case page, its path relative to the page, with what it shows and the file it opens. */
    public record Picture(String src, String alt, String caption, String link) {
    }

    /** A check of an OMV test. */
    public record Check(String experiment, String status, String statusClass, String message) {
    }

    /** One case's page: the facts, then what the case is (a comparison, an OMV test or an error). */
    public record CasePage(String title, String suite, String index, String status, String statusClass, String tierLine,
                    List<Fact> facts, List<String> warnings, String headline, List<String> notes,
                    List<String> headers, List<Row> rows, List<String> reasons, String suggestion,
                    List<Picture> pictures, List<Check> checks, String error, String errorKind) {
    }

    static Index index(SuiteSummary summary) {
        List<CaseCard> cards = summary.cases().stream().map(ReportViews::card).toList();
        List<CaseCard> problems = cards.stream().filter(c -> !c.statusClass().equals("pass")).toList();
        return new Index(title(summary), label(summary.status()), summary.status().label(), counts(summary),
                facts(summary), cards, problems);
    }

    static String counts(SuiteSummary summary) {
        return summary.passed() + " passed, " + summary.failed() + " failed, " + summary.errors()
                + (summary.errors() == 1 ? " error (" : " errors (")
                + summary.cases().size() + " cases, " + seconds(summary.run().seconds()) + " s)";
    }

    private static List<Fact> facts(SuiteSummary summary) {
        SuiteSummary.RunInfo run = summary.run();
        List<Fact> facts = new ArrayList<>(List.of(new Fact("suite file", summary.suiteFile()),
                new Fact("lemsbridge", run.version() + " (commit " + run.commit() + ")"),
                new Fact("started", run.startedAt()),
                new Fact("machine", run.machine()),
                new Fact("total time", seconds(run.seconds()) + " s, " + run.jobs() + " case"
                        + (run.jobs() == 1 ? "" : "s") + " at a time")));
        for (SuiteSummary.ShardRun shard : summary.shards()) {
            facts.add(new Fact("shard " + shard.index() + "/" + shard.count(), shard.cases().size() + " of "
                    + shard.suiteCases() + " cases in " + seconds(shard.seconds()) + " s (balanced by "
                    + shard.basis() + ")"));
        }
        return facts;
    }

    /** The suite's name, followed by {@code (shard K/N)} in the report of one shard of several. */
    static String title(SuiteSummary summary) {
        if (summary.shards().size() == 1 && summary.shards().get(0).count() > 1) {
            SuiteSummary.ShardRun shard = summary.shards().get(0);
            return summary.suite() + " (shard " + shard.index() + "/" + shard.count() + ")";
        }
        return summary.suite();
    }

    private static CaseCard card(SuiteSummary.CaseSummary c) {
        List<String> reasons = new ArrayList<>();
        String suggestion = "";
        String detail;
        switch (c.kind()) {
            case COMPARISON -> {
                ComparisonReport comparison = c.comparison();
                reasons.addAll(comparison.verdict().reasons());
                suggestion = comparison.verdict().suggestion();
                detail = c.status() == Status.PASS ? comparison.columns().size()
                        + (comparison.columns().size() == 1 ? " column, " : " columns, ")
                        + comparison.verdict().headline() : String.join("; ", reasons);
            }
            case RUN -> detail = "ran without error; no reference to compare with, " + pictures(c.plots().size());
            case OMV -> {
                c.omv().stream().filter(check -> !check.passed()).forEach(check -> reasons.add(check.message()));
                detail = c.dryRun() ? "dry run: the target simulated without error"
                        : c.omv().size() + " OMV checks" + (reasons.isEmpty() ? ", all passed"
                        : ": " + String.join("; ", reasons));
            }
            default -> {
                reasons.add(c.error());
                detail = c.error();
            }
        }
        String placeholder = switch (c.kind()) {
            case OMV -> "OMV test: spike times against expected values";
            case ERROR -> c.badInput() ? "stopped: input problem" : "stopped: internal error";
            case RUN -> "ran; nothing to draw";
            default -> "no picture";
        };
        return new CaseCard(c.name(), c.page(), c.thumbnail(), placeholder, label(c.status()), c.status().label(),
                c.tier(), c.required(), seconds(c.seconds()), shorten(detail), reasons, suggestion);
    }

    static CasePage casePage(SuiteSummary summary, SuiteSummary.CaseSummary c) {
        String folder = c.page().substring(0, c.page().lastIndexOf('/') + 1);
        String toReport = "../".repeat((int) folder.chars().filter(ch -> ch == '/').count());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(c.kind() == SuiteSummary.Kind.OMV ? "OMV test" : "model", c.model()));
        if (c.reference() != null) {
            facts.add(new Fact("reference", c.reference()));
        }
        if (c.comparison() != null) {
            facts.add(new Fact("candidate", c.comparison().candidate()));
        }
        facts.add(new Fact("time", seconds(c.seconds()) + " s"));
        String tierLine = switch (c.kind()) {
            case COMPARISON -> "tier " + c.tier() + ", required " + c.required();
            case OMV -> "OMV test";
            case RUN -> "run only: no reference";
            case ERROR -> "no comparison";
        };
        String headline = "";
        List<String> notes = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> reasons = List.of();
        String suggestion = "";
        List<Picture> pictures = new ArrayList<>();
        if (c.comparison() != null) {
            ComparisonReport comparison = c.comparison();
            headline = comparison.verdict().headline();
            notes.add("tolerances: " + comparison.verdict().tolerancesText());
            notes.add(comparison.grid());
            for (ComparisonReport.ColumnReport column : comparison.columns()) {
                rows.add(new Row(ReportRows.cells(column), !column.passed()));
            }
            reasons = comparison.verdict().reasons();
            suggestion = comparison.verdict().suggestion();
            for (int i = 0; i < c.plots().size() && i < comparison.columns().size(); i++) {
                String plot = c.plots().get(i);
                if (plot != null) {
                    String quantity = comparison.columns().get(i).quantity();
                    String src = fromPage(plot, folder, toReport);
                    pictures.add(new Picture(src, quantity, quantity
                            + ": reference as a wide pale band, candidate as a thin line on it; below, the residual"
                            + " candidate − reference on the same time axis.", src));
                }
            }
        }
        if (c.kind() == SuiteSummary.Kind.RUN) {
            headline = "Ran without error: " + pictures(c.plots().size());
            notes.add("no reference: the case is run and drawn, not compared; add a 'reference' to compare it");
            for (String plot : c.plots()) {
                String name = plot.substring(plot.lastIndexOf('/') + 1, plot.length() - ".png".length());
                String svg = fromPage(plot.substring(0, plot.length() - ".png".length()) + ".svg", folder, toReport);
                pictures.add(new Picture(fromPage(plot, folder, toReport), name, name + " (click for the SVG)", svg));
            }
        }
        List<Check> checks = c.omv().stream().map(check -> new Check(check.experiment(),
                check.passed() ? "PASS" : "FAIL", check.passed() ? "pass" : "fail", check.message())).toList();
        if (c.dryRun()) {
            notes.add("dry run: the OMV test has no observables; the target simulated without error");
        }
        List<String> warnings = new ArrayList<>(c.warnings());
        if (c.comparison() != null) {
            warnings.addAll(c.comparison().warnings());
        }
        String errorKind = c.error() == null ? "" : c.badInput()
                ? "The case stopped on an input problem: fix the model, its includes or the suite file."
                : "The case stopped on an internal error: a bug in lemsbridge; please report it with this message.";
        return new CasePage(c.name(), title(summary), toReport + "index.html", label(c.status()),
                c.status().label(), tierLine, facts, warnings, headline, notes, ReportRows.HEADERS, rows, reasons,
                suggestion, pictures, checks, c.error(), errorKind);
    }

    /** {@code path} (relative to the report) as a link from the page in {@code folder}. */
    private static String fromPage(String path, String folder, String toReport) {
        return path.startsWith(folder) ? path.substring(folder.length()) : toReport + path;
    }

    private static String pictures(int count) {
        return count == 0 ? "nothing to draw" : count == 1 ? "1 picture" : count + " pictures";
    }

    private static String label(Status status) {
        return status.label().toUpperCase(Locale.ROOT);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String shorten(String text) {
        return text == null || text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }
}
