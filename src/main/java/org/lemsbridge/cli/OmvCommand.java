package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.lemsbridge.compare.omv.OmvResult;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.suite.OmvRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "omv",
        description = {"Run an OSB model-validation test (.omt) with lemsbridge's simulator: simulate its target and"
                + " check the expected spike times of its .mep file with OMV's tolerance rule."},
        mixinStandardHelpOptions = true,
        footer = {"%nExample:",
                "  lemsbridge omv NeuroML2/LEMSexamples/test/.test.ex0.jnml.omt -I NeuroML2/NeuroML2CoreTypes",
                ExitCodes.HELP_TEXT})
final class OmvCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEST.omt", description = "the OMV test file")
    private Path omt;

    @Mixin
    private IncludePathOption include;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "where the simulation's files go (default: a temporary folder, removed afterwards)")
    private Path outputDir;

    @Mixin
    private ConfineOption confine;

    @Mixin
    private NoGuiOption noGui;

    @Mixin
    private DebugOption debugOption;

    @Override
    public Integer call() throws IOException {
        Path work = outputDir != null ? outputDir.toAbsolutePath() : Files.createTempDirectory("lemsbridge-omv");
        try {
            OmvRunner.OmvRun run = OmvRunner.run(omt, include.folders(), work, confine.confinement());
            List<OmvResult> results = run.results();
            PrintWriter out = spec.commandLine().getOut();
            if (run.dryRun()) {
                out.println("dry run: the target simulated without error (the test has no expected values)");
            }
            results.forEach(result -> out.println(result.message()));
            long failed = results.stream().filter(result -> !result.passed()).count();
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
        } finally {
            if (outputDir == null) {
                deleteTree(work);
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(folder.toString()),
                    "cannot remove the temporary folder: " + e.getMessage());
        }
    }
}
