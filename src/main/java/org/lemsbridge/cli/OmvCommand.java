package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.lemsbridge.compare.omv.OmtFile;
import org.lemsbridge.compare.omv.OmvResult;
import org.lemsbridge.compare.omv.OmvTargets;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Json;
import org.lemsbridge.files.Staging;
import org.lemsbridge.suite.CaseCosts;
import org.lemsbridge.suite.OmvOutcome;
import org.lemsbridge.suite.OmvRunner;
import org.lemsbridge.suite.OmvTests;
import org.lemsbridge.suite.Shard;
import org.lemsbridge.suite.ShardPlan;
import org.lemsbridge.validate.JnmlValidation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "omv",
        description = {"Run OSB model-validation tests (.omt) with lemsbridge's simulator standing in for jNeuroML and"
                + " jLEMS: simulate each test's target and check its observables (spike times by threshold or"
                + " derivative, from a trace or a spike-times file; spike rates) against its .mep file with OMV's"
                + " tolerance rule. jNeuroML_validate tests (given --schema) make jnml -validate's checks on the files"
                + " their target names. A folder is searched for every *.omt below it, as 'omv all' does; tests for"
                + " other engines are skipped and named. Exit 0 when every test run passed."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:",
                "  cd NeuroML2/LEMSexamples && lemsbridge omv test/.test.ex9.jnml.omt",
                "  lemsbridge omv NeuroML2/LEMSexamples/test --junit omv.xml     # every test, one summary",
                "  lemsbridge omv NeuroML2/LEMSexamples/test --shard 2/4 --junit omv-2.xml   # a quarter of them",
                ExitCodes.HELP_TEXT})
final class OmvCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "OMV test files or folders to search"
            + " (default: the current folder)")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private IncludePathOption include;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "keep each test's simulation files in DIR/<test name>/ (default: a temporary folder,"
                    + " removed afterwards)")
    private Path outputDir;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    private Path junitFile;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "run only shard K of N of the tests found, split as check --shard splits a suite (in the"
                    + " order found, balanced by each target's cells x steps)")
    private String shardText;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: the outcome of every test on stdout")
    private String format;

    @Option(names = "--schema", paramLabel = "XSD",
            description = "NeuroML's XML schema (NeuroML_v2.3.1.xsd, bundled in jnml but not in lemsbridge): runs"
                    + " the jNeuroML_validate tests as jnml -validate would; without it they are skipped")
    private Path schema;

    @Mixin
    private ConfineOption confine;

    @Mixin
    private NoGuiOption noGui;

    @Mixin
    private DebugOption debugOption;

    private static final String VALIDATE_ENGINE = "jNeuroML_validate";

    private JnmlValidation validation;

    /** The JSON document of {@code --format json}. */
    record Summary(int passed, int failed, int errors, int skipped, List<OmvOutcome> tests) {
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException(SourceLocation.unknown("--format"), "unknown format '" + format
                    + "' (text or json)");
        }
        Shard shard = shardText == null ? null : Shard.parse(shardText, "--shard");
        validation = schema == null ? null : JnmlValidation.withSchema(schema);
        List<Path> found = OmvTests.find(paths.isEmpty() ? List.of(Path.of("")) : paths);
        if (found.isEmpty()) {
            throw new BadInputException(SourceLocation.unknown(paths.isEmpty() ? "." : paths.get(0).toString()),
                    "no .omt files found");
        }
        List<Path> tests = shard == null ? found : ShardPlan.of(CaseCosts.ofOmvTests(found, include.folders(),
                confine.confinement()), shard.count()).positions(shard.index()).stream().map(found::get).toList();
        if (shard != null) {
            spec.commandLine().getErr().printf(Locale.ROOT, "shard %s: %d of %d tests (balanced by cells x steps)%n",
                    shard.label(), tests.size(), found.size());
        }
        try (Staging junitOutput = Staging.create()) {
            if (junitFile != null) {
                OutputFiles.reserve(junitOutput, junitFile);
            }
            return runAll(tests, found.size(), junitOutput);
        }
    }

    private int runAll(List<Path> tests, int found, Staging junitOutput) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        boolean text = format.equals("text");
        List<OmvOutcome> outcomes = new ArrayList<>();
        for (Path test : tests) {
            OmvOutcome outcome = runOne(test, found == 1);
            outcomes.add(outcome);
            if (text) {
                print(out, outcome);
            }
        }
        Summary summary = new Summary(count(outcomes, OmvOutcome.Status.PASS), count(outcomes, OmvOutcome.Status.FAIL),
                count(outcomes, OmvOutcome.Status.ERROR), count(outcomes, OmvOutcome.Status.SKIPPED), outcomes);
        if (text) {
            out.println(summaryLine(summary));
        } else {
            out.print(Json.data(summary));
        }
        if (junitFile != null) {
            OutputFiles.writeAll(junitOutput, List.of(new OutputFiles.Text(junitFile, junit(outcomes))));
        }
        return summary.errors() > 0 ? ExitCodes.BAD_INPUT : summary.failed() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private OmvOutcome runOne(Path test, boolean only) throws IOException {
        long start = System.nanoTime();
        OmtFile omt;
        try {
            omt = OmtFile.read(test);
        } catch (BadInputException e) {
            if (only) {
                throw e;
            }
            return new OmvOutcome(test.toString(), null, OmvOutcome.Status.ERROR, List.of(), false, e.oneLine(),
                    List.of(), since(start));
        }
        if (omt.engine().equals(VALIDATE_ENGINE)) {
            return validate(test, omt, start);
        }
        if (!OmvRunner.standsInFor(omt.engine())) {
            return new OmvOutcome(test.toString(), omt.engine(), OmvOutcome.Status.SKIPPED, List.of(), omt.isDryRun(),
                    "engine " + omt.engine() + " (lemsbridge stands in for "
                            + String.join(" and ", OmvRunner.ENGINES.stream().sorted().toList()) + ", and for "
                            + VALIDATE_ENGINE + " given --schema)", List.of(), since(start));
        }
        Path work = outputDir != null ? Files.createDirectories(outputDir.toAbsolutePath().resolve(
                test.getFileName().toString().replaceFirst("^\\.", ""))) : Files.createTempDirectory("lemsbridge-omv");
        try {
            OmvRunner.OmvRun run = OmvRunner.run(omt, include.folders(), work, confine.confinement());
            OmvOutcome.Status status = run.passed() ? OmvOutcome.Status.PASS : OmvOutcome.Status.FAIL;
            return new OmvOutcome(test.toString(), omt.engine(), status, run.results(), run.dryRun(), null,
                    List.of(), since(start));
        } catch (BadInputException e) {
            if (only) {
                throw e;
            }
            return new OmvOutcome(test.toString(), omt.engine(), OmvOutcome.Status.ERROR, List.of(), omt.isDryRun(),
                    e.oneLine(), List.of(), since(start));
        } finally {
            if (outputDir == null) {
                deleteTree(work);
            }
        }
    }

    /**
     * OMV's jNeuroML_validate engine: {@code jnml -validate} on the files the target names (expanded as OMV does),
     * passing when every one is valid; with no file named, OMV's engine fails.
     */
    private OmvOutcome validate(Path test, OmtFile omt, long start) {
        if (schema == null) {
            return new OmvOutcome(test.toString(), omt.engine(), OmvOutcome.Status.SKIPPED, List.of(), true,
                    "engine " + VALIDATE_ENGINE + " needs NeuroML's XML schema, which jnml bundles: give --schema"
                            + " .../NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd", List.of(), since(start));
        }
        List<Path> files;
        try {
            files = OmvTargets.expand(omt.folder(), omt.target());
        } catch (BadInputException e) {
            return new OmvOutcome(test.toString(), omt.engine(), OmvOutcome.Status.ERROR, List.of(), true,
                    e.oneLine(), List.of(), since(start));
        }
        if (files.isEmpty()) {
            return new OmvOutcome(test.toString(), omt.engine(), OmvOutcome.Status.FAIL, List.of(), true,
                    "no file matches the target '" + omt.target() + "' (OMV: could not determine the list of files"
                            + " for validation)", List.of(), since(start));
        }
        List<String> failures = new ArrayList<>();
        int invalid = 0;
        for (Path file : files) {
            JnmlValidation.FileVerdict verdict = validation.validate(file);
            if (!verdict.valid()) {
                invalid++;
                failures.addAll(verdict.failures());
            }
        }
        String note = String.format(Locale.ROOT, "jnml -validate: %d files, %s", files.size(), invalid == 0
                ? "all valid" : invalid + " not valid");
        return new OmvOutcome(test.toString(), omt.engine(), invalid == 0 ? OmvOutcome.Status.PASS
                : OmvOutcome.Status.FAIL, List.of(), true, note, failures, since(start));
    }

    private static void print(PrintWriter out, OmvOutcome outcome) {
        String head = outcome.status() + " " + outcome.test();
        switch (outcome.status()) {
            case SKIPPED -> out.println(head + ": " + outcome.note());
            case ERROR -> out.println(head + ": " + outcome.note());
            default -> {
                if (outcome.note() != null) {
                    out.println(head + ": " + outcome.note());
                } else {
                    out.println(head + (outcome.dryRun() ? " (dry run: the target simulated without error)" : ""));
                }
                outcome.results().forEach(result -> out.println("  " + result.message()));
                outcome.details().forEach(detail -> out.println("  " + detail));
            }
        }
    }

    private static String summaryLine(Summary summary) {
        Map<String, Integer> skippedEngines = new TreeMap<>();
        summary.tests().stream().filter(t -> t.status() == OmvOutcome.Status.SKIPPED)
                .forEach(t -> skippedEngines.merge(t.engine(), 1, Integer::sum));
        long checks = summary.tests().stream().mapToLong(t -> t.results().size()).sum();
        long failedChecks = summary.tests().stream().flatMap(t -> t.results().stream()).filter(r -> !r.passed())
                .count();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "omv: %d tests: %d passed, %d failed, %d errors, %d skipped; %d checks, %d failed",
                summary.tests().size(), summary.passed(), summary.failed(), summary.errors(), summary.skipped(), checks,
                failedChecks));
        if (!skippedEngines.isEmpty()) {
            line.append(" (skipped engines: ");
            skippedEngines.forEach((engine, n) -> line.append(engine).append(" ").append(n).append(", "));
            line.setLength(line.length() - 2);
            line.append(")");
        }
        return line.toString();
    }

    private static String junit(List<OmvOutcome> outcomes) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "omv");
            xml.writeAttribute("tests", Integer.toString(outcomes.size()));
            xml.writeAttribute("failures", Integer.toString(count(outcomes, OmvOutcome.Status.FAIL)));
            xml.writeAttribute("errors", Integer.toString(count(outcomes, OmvOutcome.Status.ERROR)));
            xml.writeAttribute("skipped", Integer.toString(count(outcomes, OmvOutcome.Status.SKIPPED)));
            for (OmvOutcome outcome : outcomes) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "omv");
                xml.writeAttribute("name", outcome.test().toString());
                xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", outcome.seconds()));
                switch (outcome.status()) {
                    case SKIPPED -> element(xml, "skipped", outcome.note(), null);
                    case ERROR -> element(xml, "error", outcome.note(), null);
                    case FAIL -> element(xml, "failure", outcome.note() != null ? outcome.note() : "a check failed",
                            String.join("\n", Stream.concat(outcome.results().stream().filter(r -> !r.passed())
                                    .map(OmvResult::message), outcome.details().stream()).toList()));
                    case PASS -> {
                    }
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.append('\n').toString();
    }

    private static void element(XMLStreamWriter xml, String name, String message, String body)
            throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("message", message);
        if (body != null) {
            xml.writeCharacters(body);
        }
        xml.writeEndElement();
    }

    private static int count(List<OmvOutcome> outcomes, OmvOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(folder.toString()),
                    "cannot remove the temporary folder: " + e.getMessage());
        }
    }
}
