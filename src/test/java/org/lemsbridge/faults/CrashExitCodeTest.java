package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.Crash;

/**
 * Running out of heap or stack is never exit 1 (the code CI reads as a failed verdict): one line, exit 3, and the
 * previous outputs untouched.
 */
class CrashExitCodeTest {
    @TempDir
    Path folder;

    @Test
    void aModelTooLargeForTheHeapIsOneLineAndExitThree() throws IOException, InterruptedException {
        // a 40 MB comment: a document of that size is allowed (up to 256 MiB), but its text alone fills a 48 MiB
        // heap (a population too large for the heap is refused before it is built; see the next test)
        Path model = folder.resolve("big.xml");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        Files.writeString(model, ex2.replaceFirst("<Lems>", "<Lems>\n<!-- " + "x".repeat(40_000_000) + " -->"));
        Path out = folder.resolve("out");
        Files.createDirectories(out);
        byte[] previous = "a previous run's output\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(out.resolve("Ex2_Izh_allcells.dat"), previous);

        ChildJvm.Outcome outcome = ChildJvm.run(folder, List.of("-Xmx48m"), "simulate", model.toString(), "-o",
                out.toString());

        assertEquals(3, outcome.exitCode(), outcome.stderr());
        List<String> lines = outcome.stderr().lines().toList();
        assertEquals(1, lines.size(), outcome.stderr());
        assertTrue(lines.get(0).matches("lemsbridge: out of memory \\(Java heap space\\): the run needs more than the"
                + " Java heap of \\d+ MiB; run it with a larger heap, e.g. LEMSBRIDGE_JAVA_OPTS=-Xmx1g"), lines.get(0));
        assertEquals("", outcome.stdout());
        assertArrayEquals(previous, Files.readAllBytes(out.resolve("Ex2_Izh_allcells.dat")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("Ex2_Izh_allcells.dat")), files.toList());
        }
    }

    @Test
    void aPopulationTooLargeForTheHeapIsRefusedBeforeItIsBuilt() throws IOException, InterruptedException {
        Path model = folder.resolve("population.xml");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        String one = "id=\"izpopTonic\" component=\"tonic\" size=\"1\"";
        assertTrue(ex2.contains(one));
        Files.writeString(model, ex2.replace(one, "id=\"izpopTonic\" component=\"tonic\" size=\"1000000\""));
        Path out = folder.resolve("out");

        ChildJvm.Outcome outcome = ChildJvm.run(folder, List.of("-Xmx48m"), "simulate", model.toString(), "-o",
                out.toString());

        assertEquals(2, outcome.exitCode(), outcome.stderr());
        List<String> lines = outcome.stderr().lines().toList();
        assertEquals(2, lines.size(), outcome.stderr());
        assertTrue(lines.get(0).matches(".*population\\.xml:25:9: the run's 1 000 012 instances need about 977 MiB of"
                + " heap, more than the \\d+ MiB this JVM may use \\[LB502\\]"), lines.get(0));
        assertEquals("  hint: run with LEMSBRIDGE_JAVA_OPTS=-Xmx2g (if the machine has the memory)", lines.get(1));
        assertTrue(Files.notExists(out.resolve("Ex2_Izh_allcells.dat")));
    }

    @Test
    void aHundredMillionCellsAreRefusedInOneLineBeforeAnyIsBuiltEvenOnASmallHeap()
            throws IOException, InterruptedException {
        Path model = folder.resolve("population.xml");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        String one = "id=\"izpopTonic\" component=\"tonic\" size=\"1\"";
        assertTrue(ex2.contains(one));
        Files.writeString(model, ex2.replace(one, "id=\"izpopTonic\" component=\"tonic\" size=\"100000000\""));
        Path out = Files.createDirectories(folder.resolve("out"));
        byte[] previous = "a previous run's output\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(out.resolve("Ex2_Izh_allcells.dat"), previous);

        // 10^8 cells at about 1 KiB each would need some 95 GiB: without the count they ran out of a 48 MiB heap
        ChildJvm.Outcome outcome = ChildJvm.run(folder, List.of("-Xmx48m"), "simulate", model.toString(), "-o",
                out.toString());

        assertEquals(2, outcome.exitCode(), outcome.stderr());
        assertEquals(List.of(model + ":25:9: the run would build 100 000 012 instances, more than the limit of"
                + " 10 000 000 [LB502]", "  hint: check the population sizes"), outcome.stderr().lines().toList());
        assertEquals("", outcome.stdout());
        assertArrayEquals(previous, Files.readAllBytes(out.resolve("Ex2_Izh_allcells.dat")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("Ex2_Izh_allcells.dat")), files.toList());
        }
    }

    @Test
    void everyCrashHasItsOwnOneLine() {
        assertEquals("stack overflow: the input nests deeper than lemsbridge can follow (a bug: a depth limit is"
                + " missing; please report it with --debug output)", Crash.describe(new StackOverflowError()));
        assertTrue(Crash.describe(new IllegalStateException("failed", new OutOfMemoryError("Java heap space")))
                .startsWith("out of memory (Java heap space): the run needs more than the Java heap of "));
        assertEquals("internal error: java.lang.IllegalStateException: two lines", Crash.describe(
                new IllegalStateException("two\nlines")));
    }
}
