package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;

/**
 * The upstream NeuroML2 LEMS examples ({@code upstream/NeuroML2/LEMSexamples/LEMS_NML2_Ex*.xml}), simulated
 * in-process the jnml way, with no search folder (includes beside the file, {@code ..} allowed, then the bundled core
 * types): every file written must have the bytes jLEMS 0.11.1 wrote, pinned by row count and SHA-256 in
 * {@code upstream/jlems-hashes.tsv}. Display-only examples run as a copy that records every Display Line in one
 * OutputFile (built here, as the manifest header describes). Runs marked slow there need
 * {@code -Dlemsbridge.upstream.all=true}; {@code -Dlemsbridge.upstream.jlemsOutputs=DIR} (files under
 * {@code DIR/<run name>/results/...}) lets a failure name the exact line and column instead of a block of lines.
 */
class UpstreamExamplesTest {

    private static final String MANIFEST = "/org/lemsbridge/upstream/jlems-hashes.tsv";
    private static final String LOCATORS = "/org/lemsbridge/upstream/jlems-locators.tsv";
    private static final String DISPLAYS_VARIANT = "displays";

    /** One output file as jLEMS wrote it. */
    record ExpectedFile(String file, long rows, String sha256) {
    }

    /** One simulation: an upstream example, or its Display-recording copy, with its search folders and outputs. */
    record Run(String example, String variant, List<String> includes, List<ExpectedFile> files, boolean slow) {

        Run {
            includes = List.copyOf(includes);
            files = List.copyOf(files);
        }

        String name() {
            return variant.equals("-") ? example : example + "_" + variant;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Per-block and per-column hash prefixes of jLEMS's file, to say where a differing file departs from it. */
    record Locator(int blockRows, List<String> blockHashes, List<String> columnHashes) {
    }

    static Stream<Run> runs() throws IOException {
        Map<String, List<String[]>> rowsByRun = rows(MANIFEST).stream().collect(Collectors.groupingBy(
                row -> row[0] + "\t" + row[1], LinkedHashMap::new, Collectors.toList()));
        return rowsByRun.values().stream().map(rows -> {
            String[] first = rows.get(0);
            List<ExpectedFile> files = rows.stream()
                    .map(row -> new ExpectedFile(row[3], Long.parseLong(row[4]), row[5])).toList();
            return new Run(first[0], first[1], List.of(first[2].split(",")), files, first[6].equals("slow"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void writesJlemsBytes(Run run, @TempDir Path out) throws IOException {
        Path upstream = SharedFolder.file("upstream/NeuroML2");
        Path examples = SharedFolder.file("upstream/NeuroML2/LEMSexamples");
        Assumptions.assumeTrue(!run.slow() || Boolean.getBoolean("lemsbridge.upstream.all"),
                run.name() + " is marked slow in jlems-hashes.tsv: run with -Dlemsbridge.upstream.all=true");
        Path lems = examples.resolve("LEMS_NML2_" + run.example() + ".xml");
        LemsModel model = run.variant().equals(DISPLAYS_VARIANT)
                ? LemsReader.read(recordingDisplays(Files.readString(lems), "results/" + run.name() + ".dat"),
                        lems.getFileName() + " (Display lines recorded)", examples, List.of())
                : LemsReader.read(lems, List.of());
        SimulationResult result = Simulator.build(model, SimulationOptions.writingTo(out)).run();

        Set<String> expectedFiles = run.files().stream().map(ExpectedFile::file)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> writtenFiles = result.files().stream()
                .map(f -> out.relativize(f.path()).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedFiles, writtenFiles, run.name() + ": files written");
        List<String> failures = new ArrayList<>();
        for (ExpectedFile expected : run.files()) {
            byte[] written = Files.readAllBytes(out.resolve(expected.file()));
            if (!sha256(written).equals(expected.sha256())) {
                failures.add(whereItDiffers(run, expected, written));
            }
        }
        if (!failures.isEmpty()) {
            fail(run.name() + " differs from jLEMS 0.11.1:\n" + String.join("\n", failures));
        }
    }

    /**
     * A copy of a LEMS text (comments removed) whose Simulation also writes every Display Line's quantity, in
     * document order, to one OutputFile with columns c0, c1, ...
     */
    static String recordingDisplays(String lems, String fileName) {
        String text = Pattern.compile("<!--.*?-->", Pattern.DOTALL).matcher(lems).replaceAll("");
        int start = text.indexOf("<Simulation ");
        int end = text.indexOf("</Simulation>", start);
        Matcher line = Pattern.compile("<Line\\b[^>]*?\\bquantity\\s*=\\s*\"([^\"]*)\"").matcher(text)
                .region(start, end);
        StringBuilder output = new StringBuilder("    <OutputFile id=\"displays\" fileName=\"" + fileName + "\">\n");
        for (int column = 0; line.find(); column++) {
            output.append("        <OutputColumn id=\"c").append(column).append("\" quantity=\"")
                    .append(line.group(1)).append("\"/>\n");
        }
        output.append("    </OutputFile>\n");
        return text.substring(0, end) + output + text.substring(end);
    }

    /** Names the first differing line and column when jLEMS's file is at hand, else the first differing block. */
    private static String whereItDiffers(Run run, ExpectedFile expected, byte[] written) throws IOException {
        List<String> ours = lines(written);
        String head = String.format("  %s: %d rows (jLEMS %d), SHA-256 %s", expected.file(), ours.size(),
                expected.rows(), sha256(written));
        String outputs = System.getProperty("lemsbridge.upstream.jlemsOutputs");
        Path reference = outputs == null ? null : Path.of(outputs, run.name(), expected.file());
        if (reference != null && Files.isRegularFile(reference)) {
            List<String> theirs = lines(Files.readAllBytes(reference));
            for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
                String a = i < theirs.size() ? theirs.get(i) : "(end of file)";
                String b = i < ours.size() ? ours.get(i) : "(end of file)";
                if (!a.equals(b)) {
                    String[] fa = a.split("\t");
                    String[] fb = b.split("\t");
                    int column = 0;
                    while (column < Math.min(fa.length, fb.length) && fa[column].equals(fb[column])) {
                        column++;
                    }
                    return String.format("%s%n    first difference at line %d, column %d: jLEMS '%s', ours '%s'", head,
                            i + 1, column + 1, column < fa.length ? fa[column] : "", column < fb.length ? fb[column]
                                    : "");
                }
            }
            return head + String.format("%n    but it is identical to %s: the manifest's hash is stale", reference);
        }
        Locator locator = locators().get(run.example() + "\t" + run.variant() + "\t" + expected.file());
        int block = 0;
        while (block < locator.blockHashes().size() && block * locator.blockRows() < ours.size()
                && blockHash(ours, block, locator.blockRows()).equals(locator.blockHashes().get(block))) {
            block++;
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < locator.columnHashes().size(); c++) {
            if (!columnHash(ours, c).equals(locator.columnHashes().get(c))) {
                columns.add(c + 1);
            }
        }
        long first = (long) block * locator.blockRows() + 1;
        return String.format("%s%n    first difference within lines %d-%d; columns that differ (1 = time): %s"
                + "%n    (set -Dlemsbridge.upstream.jlemsOutputs to jLEMS's outputs for the exact line and column)",
                head, first, first + locator.blockRows() - 1, columns);
    }

    private static String blockHash(List<String> lines, int block, int blockRows) {
        StringBuilder text = new StringBuilder();
        for (int i = block * blockRows; i < Math.min(lines.size(), (block + 1) * blockRows); i++) {
            text.append(lines.get(i)).append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static String columnHash(List<String> lines, int column) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String[] fields = line.split("\t");
            text.append(column < fields.length ? fields[column] : "").append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static Map<String, Locator> locators() throws IOException {
        Map<String, Locator> locators = new LinkedHashMap<>();
        for (String[] row : rows(LOCATORS)) {
            locators.put(row[0] + "\t" + row[1] + "\t" + row[2], new Locator(Integer.parseInt(row[3]),
                    List.of(row[4].split(",")), List.of(row[5].split(","))));
        }
        return locators;
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(UpstreamExamplesTest.class.getResourceAsStream(resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        }
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
