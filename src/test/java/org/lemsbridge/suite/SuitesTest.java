package org.lemsbridge.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.files.Confinement;

/** Several suite files (and folders of them) read as one suite: names, order, refusals, the shards' digest. */
class SuitesTest {
    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path path = folder.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    /** A suite file of run-only cases (the names given) of one model beside it. */
    private Path suite(String name, String title, String... cases) throws IOException {
        Path file = write(name, "");
        write(folder.relativize(file.resolveSibling("m.yaml")).toString(), "x: 1\n");
        StringBuilder text = new StringBuilder(title == null ? "" : "suite: " + title + "\n").append("cases:\n");
        for (String c : cases) {
            text.append("  - {name: '").append(c).append("', model: m.yaml}\n");
        }
        return Files.writeString(file, text);
    }

    private static List<String> names(Suite suite) {
        return suite.cases().stream().map(SuiteCase::name).toList();
    }

    @Test
    void casesAreNamedByTheirSuiteFilesPathFromTheFolderHoldingAll() throws IOException {
        Path a = suite("ex2/izh.yaml", "Ex2", "tonic", "burst");
        Path b = suite("more/deeper/runs.yml", null, "tonic");
        Path c = suite("top.YAML", "top", "x y");
        Suite combined = Suites.combine(List.of(SuiteReader.read(a, Confinement.to(List.of(folder))),
                SuiteReader.read(b), SuiteReader.read(c)));

        assertEquals(List.of("ex2/izh/tonic", "ex2/izh/burst", "more/deeper/runs/tonic", "top/x y"), names(combined));
        assertEquals("Ex2 + runs.yml + top", combined.name());
        assertEquals(List.of(a, b, c), combined.files());
        assertEquals(folder.toAbsolutePath().normalize(), combined.folder());
        assertEquals(List.of("cases/ex2_izh_tonic", "cases/ex2_izh_burst", "cases/more_deeper_runs_tonic",
                "cases/top_x_y"), combined.cases().stream().map(SuiteCase::reportFolder).toList());
        // each case keeps its place in its own file and its own suite's confinement
        assertEquals(b + ":2:5", combined.cases().get(2).location().toString());
        assertEquals(List.of(folder.toRealPath()), combined.cases().get(0).confinement().folders());
        assertEquals(Confinement.NONE, combined.cases().get(2).confinement());
    }

    @Test
    void oneSuiteKeepsItsNamesAndTwoInOneFolderAreNamedByFileName() throws IOException {
        Suite one = SuiteReader.read(suite("s/a.yaml", "A", "tonic"));
        assertSame(one, Suites.combine(List.of(one)));
        assertEquals(folder.resolve("s").toAbsolutePath().normalize(), one.folder());

        Suite two = Suites.combine(List.of(one, SuiteReader.read(suite("s/b.yaml", "B", "tonic"))));
        assertEquals(List.of("a/tonic", "b/tonic"), names(two));
        assertEquals(folder.resolve("s").toAbsolutePath().normalize(), two.folder());
    }

    @Test
    void aSuiteGivenTwiceOrTwoCasesSharingAReportFolderAreRefused() throws IOException {
        Path a = suite("a.yaml", "A", "tonic");
        Suite read = SuiteReader.read(a);
        Files.createDirectories(folder.resolve("sub"));
        BadInputException twice = assertThrows(BadInputException.class, () -> Suites.combine(List.of(read,
                SuiteReader.read(folder.resolve("sub/../a.yaml")))));
        assertEquals(folder.resolve("sub/../a.yaml") + ":0:0: this suite file is given twice (also as " + a + ")",
                twice.oneLine());

        // a.yaml's case "b/c" and a/b.yaml's case "c" are both a/b/c
        Path outer = suite("x/a.yaml", "outer", "b/c");
        Path inner = suite("x/a/b.yaml", "inner", "c");
        BadInputException same = assertThrows(BadInputException.class, () -> Suites.combine(List.of(
                SuiteReader.read(outer), SuiteReader.read(inner))));
        assertEquals(inner + ":3:5: case 'a/b/c' would share the report folder cases/a_b_c with case 'a/b/c' ("
                + outer + ":3:5)", same.oneLine());
        assertEquals("rename one of them", same.hint());

        Path alike = suite("alike.yaml", "alike", "x y", "x_y");
        BadInputException safe = assertThrows(BadInputException.class, () -> Suites.combine(List.of(
                SuiteReader.read(alike))));
        assertEquals(alike + ":4:5: case 'x_y' would share the report folder cases/x_y with case 'x y' (" + alike
                + ":3:5)", safe.oneLine());
    }

    @Test
    void aFolderGivesItsSuiteFilesInNameOrderAndPassesOverOtherYaml() throws IOException {
        Path b = suite("suites/b.yaml", "B", "one");
        Path a = suite("suites/sub/a.yml", "A", "one");
        suite("suites/.hidden/c.yaml", "hidden folder", "one");
        suite("suites/.d.yaml", "hidden file", "one");
        write("suites/model.yaml", "dynamics:\n  name: X\n");
        write("suites/workflow.yml", "on: push\njobs: {}\n");
        write("suites/notes.txt", "cases: not yaml by name\n");
        Path given = suite("elsewhere/e.yaml", "E", "one");

        assertEquals(List.of(given, b, a), SuiteFiles.expand(List.of(given, folder.resolve("suites"))));
        Path empty = Files.createDirectories(folder.resolve("empty"));
        write("empty/model.yaml", "dynamics:\n  name: X\n");
        BadInputException none = assertThrows(BadInputException.class, () -> SuiteFiles.expand(List.of(empty)));
        assertEquals(empty + ":0:0: the folder holds no suite file (a .yaml or .yml file with a top-level 'cases:')",
                none.oneLine());
    }

    @Test
    void theShardsDigestIsTheFilesSha256OrTheSha256OfTheirSha256Lines() throws IOException,
            NoSuchAlgorithmException {
        Path a = suite("a.yaml", "A", "one");
        Path b = suite("b.yaml", "B", "two");
        String digestA = sha256(Files.readAllBytes(a));
        String digestB = sha256(Files.readAllBytes(b));
        assertEquals(digestA, ShardSelection.digest(List.of(a)));
        assertEquals(sha256((digestA + "\n" + digestB + "\n").getBytes(StandardCharsets.US_ASCII)),
                ShardSelection.digest(List.of(a, b)));
        assertEquals(sha256((digestB + "\n" + digestA + "\n").getBytes(StandardCharsets.US_ASCII)),
                ShardSelection.digest(List.of(b, a)));
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
