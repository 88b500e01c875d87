package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain simulate line run without picocli ({@link Main#execute}) does exactly what picocli's path
 * ({@link Main#executeWithPicocli}) does with it: the same exit code, stdout, stderr, reported failure and files.
 */
class PlainSimulateRunTest {
    @TempDir
    Path folder;

    /** One run's exit code, what it printed, what it reported as the failure behind its exit code, and its files. */
    record Outcome(int exitCode, String out, String err, List<String> failures, Map<String, byte[]> files) {
        void assertSameAs(Outcome other, String what) {
            assertEquals(other.exitCode, exitCode, what);
            assertEquals(other.out, out, what);
            assertEquals(other.err, err, what);
            assertEquals(other.failures, failures, what);
            assertEquals(other.files.keySet(), files.keySet(), what);
            other.files.forEach((name, bytes) -> assertArrayEquals(bytes, files.get(name), what + ": " + name));
        }
    }

    private interface Way {
        int run(String[] args, PrintWriter out, PrintWriter err, List<String> failures);
    }

    /** Runs {@code given} one way with an empty output folder {@code output}, and takes that folder's files away. */
    private Outcome outcome(Way way, Path output, String... given) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> failures = new ArrayList<>();
        int code = way.run(given, new PrintWriter(out), new PrintWriter(err), failures);
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(output)) {
            try (Stream<Path> walk = Files.walk(output)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(output.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            OutputFiles.deleteTree(output);
        }
        return new Outcome(code, out.toString(), err.toString(), failures, files);
    }

    /** Runs {@code given} both ways and checks the plain path took it and did what picocli's did. */
    private Outcome bothWays(boolean errIsTerminal, Path output, String... given) throws IOException {
        String[] args = Subcommands.withJnmlShorthand(given);
        assertTrue(PlainSimulateLine.parse(args).isPresent(), String.join(" ", given));
        Outcome picocli = outcome((line, out, err, failures) -> Main.executeWithPicocli(Subcommands
                .withJnmlShorthand(line), out, err, failure -> failures.add(failure.toString()), errIsTerminal),
                output, given);
        Outcome plain = outcome((line, out, err, failures) -> Main.execute(line, out, err,
                failure -> failures.add(failure.toString()), errIsTerminal), output, given);
        if (errIsTerminal) {
            assertTrue(plain.err().contains("\rsimulated "), "progress shown: " + plain.err());
            withoutProgress(plain).assertSameAs(withoutProgress(picocli), String.join(" ", given));
        } else {
            plain.assertSameAs(picocli, String.join(" ", given));
        }
        return plain;
    }

    /** The outcome with the progress line's rewrites ({@code \r...}, whose rates differ run to run) taken out. */
    private static Outcome withoutProgress(Outcome outcome) {
        return new Outcome(outcome.exitCode(), outcome.out(), outcome.err().replaceAll("\r[^\r\n]*", ""),
                outcome.failures(), outcome.files());
    }

    @Test
    void aGoodFileTheJnmlWayAndAsSimulateWritesTheSameFilesAndLines() throws IOException {
        Path output = folder.resolve("out");
        String model = "examples/ex2-izhikevich/Ex2_Izh.xml";
        Outcome jnml = bothWays(false, output, model, "-nogui", "-o", output.toString());
        assertEquals(0, jnml.exitCode());
        assertTrue(jnml.files().containsKey("Ex2_Izh_allcells.dat"), jnml.files().keySet().toString());
        assertTrue(jnml.out().startsWith("wrote "), jnml.out());
        assertEquals(0, bothWays(false, output, "simulate", model, "-o", output.toString()).exitCode());
        assertEquals(0, bothWays(false, output, "simulate", "-nogui", "examples/izhikevich-tonic.yaml", "--output-dir",
                output.toString(), "-I", "examples").exitCode());
    }

    @Test
    void progressIsShownOnATerminalAsBefore() throws IOException {
        Path output = folder.resolve("out");
        bothWays(true, output, "simulate", "examples/izhikevich-burst.yaml", "-o", output.toString());
    }

    @Test
    void aMissingFileIsOneLineAndExit2BothWays() throws IOException {
        Path output = folder.resolve("out");
        Path missing = folder.resolve("no-such-model.xml");
        Outcome jnml = bothWays(false, output, missing.toString(), "-nogui");
        assertEquals(ExitCodes.BAD_INPUT, jnml.exitCode());
        assertTrue(jnml.err().startsWith(missing + ":0:0: "), jnml.err());
        assertEquals(Map.of(), jnml.files());
        assertEquals(ExitCodes.BAD_INPUT, bothWays(false, output, "simulate", missing.toString()).exitCode());
        Outcome noFolder = bothWays(false, output, "simulate", "examples/izhikevich-tonic.yaml", "-I",
                folder.resolve("no-such-folder").toString(), "-o", output.toString());
        assertEquals(ExitCodes.BAD_INPUT, noFolder.exitCode());
        assertTrue(noFolder.err().contains("-I folder does not exist"), noFolder.err());
    }

    @Test
    void aBadFileIsOneLineAndExit2AndWritesNothingBothWays() throws IOException {
        Path output = folder.resolve("out");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        Path misspelt = folder.resolve("misspelt.xml");
        Files.writeString(misspelt, ex2.replace("<Simulation id=\"ex2\" length=", "<Simulation id=\"ex2\" lenght="));
        Path malformed = folder.resolve("malformed.xml");
        Files.writeString(malformed, ex2.substring(0, ex2.length() / 2));
        for (Path bad : List.of(misspelt, malformed)) {
            Outcome outcome = bothWays(false, output, bad.toString(), "-nogui", "-o", output.toString());
            assertEquals(ExitCodes.BAD_INPUT, outcome.exitCode(), outcome.err());
            assertTrue(outcome.err().startsWith(bad + ":"), outcome.err());
            assertTrue(outcome.err().lines().count() <= 2, outcome.err());
            assertEquals("", outcome.out());
            assertEquals(Map.of(), outcome.files());
            assertEquals(1, outcome.failures().size());
        }
    }
}
