package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.BuildInfo;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.Shard;
import org.lemsbridge.suite.ShardSelection;
import org.lemsbridge.suite.SuiteCase;
import org.lemsbridge.suite.Suite;
import org.lemsbridge.suite.SuiteFiles;
import org.lemsbridge.suite.SuiteReader;
import org.lemsbridge.suite.SuiteResult;
import org.lemsbridge.suite.SuiteRunner;
import org.lemsbridge.suite.Suites;
import org.lemsbridge.suite.report.ReportFolder;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummaries;
import org.lemsbridge.suite.report.SuiteSummary;
import org.lemsbridge.validate.CaseOutcomes;
import org.lemsbridge.validate.FileReport;
import org.lemsbridge.validate.GithubAnnotations;
import org.lemsbridge.validate.SarifReport;
import org.lemsbridge.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        description = {"Run a regression suite: simulate each case's model, compare it with its reference by column"
                + " name, and gate on the verdicts. Several suites (files, or folders of them) run as one, in one"
                + " JVM: one report, each case named SUITE/CASE by its suite file's path.",
                "Writes index.html (a card with a thumbnail per case), a page per case (cases/NAME/index.html, with one"
                        + " PNG per compared column), report.md (a Markdown summary for a CI job summary), summary.json"
                        + " (the data the pages are made from) and junit.xml (with times). The report folder is"
                        + " replaced as a whole (a folder that is not empty and not a report is refused)."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge check examples/suite.yaml",
                "  lemsbridge check suites/ more/extra.yaml --jobs 2     (every suite file under suites/, then one"
                        + " more)",
                "  lemsbridge check suite.yaml --report out/report --junit out/junit.xml --jobs 2",
                "  lemsbridge check suite.yaml --shard 2/4 --report out/shard-2    (then: lemsbridge merge out/shard-*"
                        + " -o out/report)",
                "  lemsbridge check suite.yaml --format github      (in a GitHub Actions step: failed cases annotated"
                        + " at their suite lines)",
                "  lemsbridge check suite.yaml --format sarif > check.sarif",
                "%nA case without a reference is run and drawn (its Displays, else its OutputFiles, and its"
                        + " EventOutputFiles), not compared; it passes when it runs.",
                "%nExit codes: 0 every case passed, 1 a case failed its verdict, 2 bad input (the suite file or a"
                        + " model), 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("text", "github", "sarif");

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUITE", description = "suite files, or folders walked for them (their"
            + " .yaml/.yml files with a top-level 'cases:', in name order)")
    private List<Path> suitePaths;

    @Option(names = "--report", paramLabel = "DIR",
            description = "folder for the report (default: lemsbridge-report, or lemsbridge-report-shard-K with"
                    + " --shard K/N)")
    private Path reportOption;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "run only shard K of N: the suite's cases split into N shards of about equal cost, the same"
                    + " split on every machine; merge the N reports with 'lemsbridge merge'")
    private String shardText;

    @Option(names = "--timings", paramLabel = "REPORT",
            description = "with --shard: balance the shards by the case times an earlier report (its folder or its"
                    + " summary.json) recorded, instead of by cells x steps")
    private Path timings;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the JUnit XML here")
    private Path junitFile;

    @Option(names = "--jobs", paramLabel = "N", description = "cases run at once (default: the number of cores)")
    private Integer jobs;

    @Option(names = "--format", defaultValue = "text", description = "text, github (also a workflow-command"
            + " annotation per failed or stopped case at its line in the suite file, and per validation finding in a"
            + " case's model at the model's line) or sarif (the same as SARIF 2.1.0 on stdout; the table goes to"
            + " stderr); the report folder is written the same in every format; default: ${DEFAULT-VALUE}")
    private String format;

    @Mixin
    private RepositoryRootOption root;

    @Mixin
    private ModelInputOptions inputOptions;

    @Mixin
    private ModelsOption models;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new BadInputException(SourceLocation.unknown("--format"), "unknown format '" + format
                    + "'; use " + String.join(", ", FORMATS));
        }
        Shard shard = shardText == null ? null : Shard.parse(shardText, "--shard");
        if (timings != null && shard == null) {
            throw new BadInputException(SourceLocation.unknown("--timings"), "--timings balances shards: it needs"
                    + " --shard K/N");
        }
        Map<String, Double> recorded = timings == null ? Map.of() : recordedSeconds(timings);
        Suite whole = Suites.combine(SuiteFiles.expand(suitePaths).stream()
                .map(file -> SuiteReader.read(file, inputOptions.confinement(), models.library(inputOptions.confinement())))
                .toList());
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1) {
            throw new BadInputException(SourceLocation.unknown("--jobs"), "--jobs must be at least 1");
        }
        ShardSelection selection = shard == null ? null : ShardSelection.of(whole, shard, recorded);
        Suite suite = selection == null ? whole : selection.suite();
        Path reportFolder = reportOption != null ? reportOption
                : Path.of(shard == null ? "lemsbridge-report" : "lemsbridge-report-shard-" + shard.index());
        requireValidModels(suite);
        ReportFolder report = openReportFolder(reportFolder);
        try {
            if (junitFile != null) {
                reserve(report, junitFile);
            }
            return runInto(suite, parallel, report, reportFolder, selection, whole.cases().size());
        } finally {
            report.discardUnpublished();
        }
    }

    private int runInto(Suite suite, int parallel, ReportFolder report, Path reportFolder, ShardSelection selection,
            int suiteCases) {
        PrintWriter err = spec.commandLine().getErr();
        if (selection != null) {
            err.printf(Locale.ROOT, "shard %s: %d of %d cases %s (balanced by %s)%n", selection.shard().label(),
                    suite.cases().size(), suiteCases, selection.caseNumbers(), selection.basis());
        }
        int[] done = {0};
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        SuiteResult result = new SuiteRunner(report.staging(), parallel, c -> progress(err, c, ++done[0],
                suite.cases().size(), inputOptions.debug())).run(suite);
        BuildInfo build = BuildInfo.current();
        String machine = Machine.describe();
        List<SuiteSummary.ShardRun> shards = selection == null ? List.of() : List.of(new SuiteSummary.ShardRun(
                selection.shard().index(), selection.shard().count(), selection.suiteDigest(),
                selection.suiteCases(), selection.caseNumbers(), selection.basis(), startedAt, machine,
                result.seconds(), parallel));
        SuiteSummary summary = SuiteSummaries.of(result, new SuiteSummary.RunInfo(build.version(),
                build.shortCommit(), startedAt, machine, result.seconds(), parallel), report.staging().path(), shards);
        try {
            SuiteReports.write(summary, report.staging());
            if (junitFile != null) {
                report.stageAlso(junitFile, SuiteReports.junit(summary));
            }
            report.publish();
        } catch (IOException e) {
            throw IoFailure.cannotWrite(reportFolder, e);
        } catch (OutputFailure e) {
            throw e.toBadInput();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter table = format.equals("sarif") ? err : out;
        table.print(SuiteReports.table(summary));
        table.println("report: " + reportFolder.resolve("index.html") + " (also report.md, summary.json, junit.xml)");
        table.flush();
        if (!format.equals("text")) {
            out.print(ciFormat(CaseOutcomes.of(result, reportFolder)));
        }
        if (result.anyBadInput()) {
            return ExitCodes.BAD_INPUT;
        }
        if (result.anyInternalError()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /**
     * Refuses a case whose model validation refuses, before any case runs, as simulate would: in text, the first
     * error; in github and sarif, every finding of every refused model first, at the model's lines.
     */
    private void requireValidModels(Suite suite) {
        List<FileReport> refused = new ArrayList<>();
        for (SuiteCase suiteCase : suite.cases()) {
            if (suiteCase.model() != null) {
                Validator validator = Validator.of(suiteCase.includePath()).confinedTo(suiteCase.confinement())
                        .withModels(suiteCase.models());
                if (format.equals("text")) {
                    validator.require(suiteCase.model());
                } else {
                    FileReport report = validator.findingsBeforeUse(suiteCase.model());
                    if (Validator.refusal(report).isPresent()) {
                        refused.add(report);
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ciFormat(refused));
            out.flush();
            throw Validator.refusal(refused.get(0)).orElseThrow();
        }
    }

    private String ciFormat(List<FileReport> reports) {
        return format.equals("sarif") ? SarifReport.of(reports, root.root()) : GithubAnnotations.of(reports,
                root.root());
    }

    /** The seconds each case took in the report at {@code report} (its folder or its summary.json), by name. */
    private static Map<String, Double> recordedSeconds(Path report) {
        Path summaryFile = Files.isDirectory(report) ? report.resolve("summary.json") : report;
        if (!Files.isRegularFile(summaryFile)) {
            throw new BadInputException(SourceLocation.unknown(report.toString()), "--timings needs a report folder"
                    + " or its summary.json; there is no " + summaryFile);
        }
        Map<String, Double> seconds = new HashMap<>();
        for (SuiteSummary.CaseSummary c : SuiteReports.read(summaryFile).cases()) {
            seconds.put(c.name(), c.seconds());
        }
        return seconds;
    }

    /** Refuses an unusable report folder before any case runs, so bad input stays one line. */
    private static ReportFolder openReportFolder(Path reportFolder) {
        try {
            return ReportFolder.open(reportFolder);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(reportFolder, e);
        }
    }

    /** Refuses an unwritable {@code --junit} before any case runs: one line at the file, nothing written. */
    static void reserve(ReportFolder report, Path file) {
        try {
            report.reserve(file);
        } catch (OutputFailure e) {
            throw IoFailure.cannotWrite(file, (IOException) e.getCause());
        }
    }

    /** One line per finished case, and for one stopped by an error that error (with --debug its stack trace). */
    private static void progress(PrintWriter err, CaseResult c, int done, int total, boolean debug) {
        err.printf(Locale.ROOT, "[%d/%d] %s: %s%s (%.2f s)%n", done, total, c.suiteCase().name(),
                c.status().label().toUpperCase(Locale.ROOT),
                c instanceof CaseResult.Compared ? " " + c.tierLabel() : c instanceof CaseResult.Ran ? " (run only)" : "",
                c.seconds());
        if (c instanceof CaseResult.Stopped stopped) {
            err.println("  " + stopped.error());
            if (debug && stopped.cause() != null) {
                stopped.cause().printStackTrace(err);
            }
        }
        err.flush();
    }
}
