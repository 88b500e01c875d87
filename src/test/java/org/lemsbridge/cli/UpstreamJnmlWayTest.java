package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.lemsbridge.testing.SharedFolder;

/**
 * Upstream NeuroML2 LEMS examples run as jnml users run them: {@code lemsbridge LEMS_NML2_ExN.xml -nogui} (short for
 * {@code simulate}) and nothing else ({@code -o} stands for the folder the command is run from, where jLEMS writes
 * too). Their outputs must have the SHA-256 jLEMS 0.11.1's outputs have in {@code upstream/jlems-hashes.tsv}. Display-only examples run with
 * {@code --displays}; their Display files, joined column-wise in document order, must be the file jLEMS wrote for the
 * copy that records every Display Line in one OutputFile. LEMS's own examples ({@code LEMS/examples/exampleN.xml}) are
 * pinned the same way by {@code upstream/jlems-lems-hashes.tsv}. Skipped when {@code ../shared/upstream} is absent.
 */
class UpstreamJnmlWayTest {
    private static final String MANIFEST = "/org/lemsbridge/upstream/jlems-hashes.tsv";
    private static final String LEMS_MANIFEST = "/org/lemsbridge/upstream/jlems-lems-hashes.tsv";
    private static final Pattern DISPLAY = Pattern.compile("<Display\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]*)\"");

    private CliRun last;

    /** Examples whose includes leave their folder ({@code ../examples/...}) or write events, and no Displays only. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ex5_DetCell", "Ex14_PyNN", "Ex23_Spiketimes"})
    void outputFilesHaveJlemsBytes(String example, @TempDir Path here) throws IOException {
        Path lems = example(example);
        assertEquals(0, run(lems.toString(), "-nogui", "-o", here.toString()), last.err());
        assertEquals("", last.err());
        List<String[]> files = manifest(MANIFEST, example, "-");
        for (String[] file : files) {
            assertEquals(file[5], sha256(Files.readAllBytes(here.resolve(file[3]))), example + ": " + file[3]
                    + " differs from jLEMS 0.11.1");
        }
        assertEquals(files.size(), files.stream().filter(f -> Files.isRegularFile(here.resolve(f[3]))).count());
    }

    @ParameterizedTest(name = "{0} --displays")
    @ValueSource(strings = {"Ex2_Izh", "Ex4_KS", "Ex4a_KS", "Ex11_STDP", "Ex13_Instances", "Ex17_Tissue"})
    void displaysHaveJlemsBytes(String example, @TempDir Path here) throws IOException {
        assertDisplaysHaveJlemsBytes(example(example), manifest(MANIFEST, example, "displays").get(0), here);
    }

    /**
     * LEMS's own language examples, run from {@code LEMS/examples} with nothing else: all eight have only Displays.
     * example6 declares its own Simulation, Display and Line types (its step, 0.01 ms, gives 8001 rows).
     */
    @ParameterizedTest(name = "LEMS {0} --displays")
    @ValueSource(strings = {"example1", "example2", "example3", "example4", "example5", "example6", "example7",
        "example8"})
    void lemsExampleDisplaysHaveJlemsBytes(String example, @TempDir Path here) throws IOException {
        assertDisplaysHaveJlemsBytes(lemsExample(example), manifest(LEMS_MANIFEST, example, "displays").get(0), here);
    }

    /** As jLEMS with -nogui, a Display-only example writes no file at all without {@code --displays}. */
    @ParameterizedTest(name = "LEMS {0}")
    @ValueSource(strings = {"example4", "example6"})
    void lemsExampleWithOnlyDisplaysWritesNothing(String example, @TempDir Path here) throws IOException {
        assertEquals(0, run("simulate", lemsExample(example).toString(), "-nogui", "-o", here.toString()),
                last.err());
        assertEquals("", last.out());
        try (var written = Files.list(here)) {
            assertEquals(List.of(), written.toList());
        }
    }

    private void assertDisplaysHaveJlemsBytes(Path lems, String[] expected, Path here) throws IOException {
        assertEquals(0, run("simulate", lems.toString(), "-nogui", "--displays", "-o", here.toString()),
                last.err());
        assertEquals("", last.err());
        List<List<String>> joined = new ArrayList<>();
        for (String display : displayFiles(Files.readString(lems))) {
            List<String> rows = Files.readAllLines(here.resolve(display + ".dat"));
            for (int i = 0; i < rows.size(); i++) {
                List<String> fields = List.of(rows.get(i).split("\t"));
                if (joined.size() <= i) {
                    joined.add(new ArrayList<>(fields));
                } else {
                    joined.get(i).addAll(fields.subList(1, fields.size()));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        joined.forEach(row -> text.append(String.join("\t", row)).append("\t\n"));
        String example = expected[0];
        assertEquals(Long.parseLong(expected[4]), joined.size(), example + " rows");
        assertEquals(expected[5], sha256(text.toString().getBytes(StandardCharsets.UTF_8)), example
                + ": its Display files joined differ from jLEMS's recording of the same Lines");
    }

    /** The file each Display is written to, in document order: its id, or {@code displayN} (from 1) without one. */
    private static List<String> displayFiles(String lems) {
        String text = Pattern.compile("<!--.*?-->", Pattern.DOTALL).matcher(lems).replaceAll("");
        Matcher display = DISPLAY.matcher(text);
        List<String> names = new ArrayList<>();
        while (display.find()) {
            Matcher id = ID.matcher(display.group());
            names.add(id.find() ? id.group(1) : "display" + (names.size() + 1));
        }
        return names;
    }

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private static Path example(String example) {
        return SharedFolder.file("upstream/NeuroML2/LEMSexamples/LEMS_NML2_" + example + ".xml");
    }

    private static Path lemsExample(String example) {
        return SharedFolder.file("upstream/LEMS/examples/" + example + ".xml");
    }

    private static List<String[]> manifest(String resource, String example, String variant) throws IOException {
        try (InputStream in = Objects.requireNonNull(UpstreamJnmlWayTest.class.getResourceAsStream(resource))) {
            List<String[]> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .filter(r -> r[0].equals(example) && r[1].equals(variant)).toList();
            assertFalse(rows.isEmpty(), resource + " has no " + example + " " + variant);
            return rows;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
