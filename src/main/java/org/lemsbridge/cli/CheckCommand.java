package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.BuildInfo;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.SuiteCase;
import org.lemsbridge.suite.Suite;
import org.lemsbridge.suite.SuiteReader;
import org.lemsbridge.suite.SuiteResult;
import org.lemsbridge.suite.SuiteRunner;
import org.lemsbridge.suite.report.ReportFolder;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummaries;
import org.lemsbridge.suite.report.SuiteSummary;
import org.lemsbridge.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check",
        description = {"Run a regression suite: simulate each case's model, compare it with its reference by column"
                + " name, and gate on the verdicts.",
                "Writes index.html (a card with a thumbnail per case), a page per case (cases/NAME/index.html, with one"
                        + " PNG per compared column), report.md (a Markdown summary for a CI job summary), summary.json"
                        + " (the data the pages are made from) and junit.xml (with times). The report folder is"
                        + " replaced as a whole (a folder that is not empty and not a report is refused)."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge check examples/suite.yaml",
                "  lemsbridge check suite.yaml --report out/report --junit out/junit.xml --jobs 2",
                "%nA case without a reference is run and drawn (its Displays, else its OutputFiles, and its"
                        + " EventOutputFiles), not compared; it passes when it runs.",
                "%nExit codes: 0 every case passed, 1 a case failed its verdict, 2 bad input (the suite file or a"
                        + " model), 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE.yaml", description = "the suite file")
    private Path suiteFile;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "lemsbridge-report",
            description = "folder for the report (default: ${DEFAULT-VALUE})")
    private Path reportFolder;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the JUnit XML here")
    private Path junitFile;

    @Option(names = "--jobs", paramLabel = "N", description = "cases run at once (default: the number of cores)")
    private Integer jobs;

    @Mixin
    private ConfineOption confine;

    @Mixin
    private NoGuiOption noGui;

    @Mixin
    private DebugOption debugOption;

    @Override
    public Integer call() {
        Suite suite = SuiteReader.read(suiteFile, confine.confinement());
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1) {
            throw new BadInputException(SourceLocation.unknown("--jobs"), "--jobs must be at least 1");
        }
        for (SuiteCase suiteCase : suite.cases()) {
            if (suiteCase.model() != null) {
                Validator.of(suiteCase.includePath()).confinedTo(suite.confinement()).require(suiteCase.model());
            }
        }
        ReportFolder report = openReportFolder();
        try {
            return runInto(suite, parallel, report);
        } finally {
            report.discardUnpublished();
        }
    }

    private int runInto(Suite suite, int parallel, ReportFolder report) {
        PrintWriter err = spec.commandLine().getErr();
        int[] done = {0};
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        SuiteResult result = new SuiteRunner(report.staging(), parallel, c -> progress(err, c, ++done[0],
                suite.cases().size())).run(suite);
        BuildInfo build = BuildInfo.current();
        SuiteSummary summary = SuiteSummaries.of(result, new SuiteSummary.RunInfo(build.version(),
                build.shortCommit(), startedAt, Machine.describe(), result.seconds(), parallel), report.staging());
        try {
            SuiteReports.write(summary, report.staging());
            report.publish();
            if (junitFile != null) {
                SuiteReports.writeJUnit(summary, junitFile);
            }
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(reportFolder.toString()),
                    "cannot write the report: " + e.getMessage());
        } catch (OutputFailure e) {
            throw new BadInputException(SourceLocation.unknown(reportFolder.toString()),
                    "cannot write the report: " + e.problem().substring("cannot write: ".length()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(SuiteReports.table(summary));
        out.println("report: " + reportFolder.resolve("index.html") + " (also report.md, summary.json, junit.xml)");
        if (result.anyBadInput()) {
            return ExitCodes.BAD_INPUT;
        }
        if (result.anyInternalError()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return result.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Refuses an unusable report folder before any case runs, so bad input stays one line. */
    private ReportFolder openReportFolder() {
        try {
            return ReportFolder.open(reportFolder);
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(reportFolder.toString()),
                    "cannot write the report: " + e.getMessage());
        }
    }

    private static void progress(PrintWriter err, CaseResult c, int done, int total) {
        err.printf(Locale.ROOT, "[%d/%d] %s: %s%s (%.2f s)%n", done, total, c.suiteCase().name(),
                c.status().label().toUpperCase(Locale.ROOT),
                c instanceof CaseResult.Compared ? " " + c.tierLabel() : c instanceof CaseResult.Ran ? " (run only)" : "",
                c.seconds());
        if (c instanceof CaseResult.Stopped stopped) {
            err.println("  " + stopped.error());
        }
        err.flush();
    }
}
