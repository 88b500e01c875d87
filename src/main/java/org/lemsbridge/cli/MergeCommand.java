package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.report.ReportFolder;
import org.lemsbridge.suite.report.SuiteMerge;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "merge",
        description = {"Merge the reports of a suite's shards (check --shard K/N) into one report, JUnit file and"
                + " summary, the same as a single run's apart from the times and the list of shards. The output"
                + " folder is replaced as a whole, like check's report folder.",
                "Refuses a missing or duplicated shard, shards of different suites or lemsbridge versions, and"
                        + " shards split differently."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge merge report-1 report-2 report-3 -o report --junit junit.xml",
                "  lemsbridge merge shards/*/ -o report",
                "%nExit codes: 0 every case passed, 1 a case failed its verdict, 2 bad input (a shard report, or a"
                        + " case stopped on bad input), 3 internal error (or a case stopped on one)."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "the shards' report folders (or their"
            + " summary.json files)")
    private List<Path> reports;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "folder for the merged report")
    private Path output;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the merged JUnit XML here")
    private Path junitFile;

    @Mixin
    private DebugOption debugOption;

    /** Refuses an output folder that is neither empty nor a report before anything is written. */
    private ReportFolder openReportFolder() {
        try {
            return ReportFolder.open(output);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(output, e);
        }
    }

    @Override
    public Integer call() {
        List<SuiteMerge.ShardReport> shards = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path report : reports) {
            Path summaryFile = Files.isDirectory(report) ? report.resolve("summary.json") : report;
            if (!Files.isRegularFile(summaryFile)) {
                throw new BadInputException(SourceLocation.unknown(report.toString()), "not a report: there is no "
                        + summaryFile);
            }
            Path folder = summaryFile.toAbsolutePath().normalize().getParent();
            if (folder.equals(output.toAbsolutePath().normalize())) {
                throw new BadInputException(SourceLocation.unknown(report.toString()), "the merged report would"
                        + " overwrite this shard's report: give another -o folder");
            }
            shards.add(new SuiteMerge.ShardReport(summaryFile, SuiteReports.read(summaryFile)));
            folders.add(folder);
        }
        SuiteSummary merged = SuiteMerge.merge(shards);
        ReportFolder report = openReportFolder();
        try {
            if (junitFile != null) {
                CheckCommand.reserve(report, junitFile);
            }
            for (int i = 0; i < shards.size(); i++) {
                SuiteReports.copyCaseFiles(shards.get(i).summary(), folders.get(i), report.staging());
            }
            SuiteReports.write(merged, report.staging());
            if (junitFile != null) {
                report.stageAlso(junitFile, SuiteReports.junit(merged));
            }
            report.publish();
        } catch (IOException e) {
            throw IoFailure.cannotWrite(output, e);
        } catch (OutputFailure e) {
            throw e.toBadInput();
        } finally {
            report.discardUnpublished();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(SuiteReports.table(merged));
        out.println("report: " + output.resolve("index.html") + " (merged from " + shards.size() + " shards; also"
                + " report.md, summary.json, junit.xml)");
        List<SuiteSummary.CaseSummary> stopped = merged.cases().stream()
                .filter(c -> c.status() == CaseResult.Status.ERROR).toList();
        if (stopped.stream().anyMatch(SuiteSummary.CaseSummary::badInput)) {
            return ExitCodes.BAD_INPUT;
        }
        if (!stopped.isEmpty()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return merged.status() == CaseResult.Status.PASS ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
