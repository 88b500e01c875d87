package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.files.FolderWrites;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.plot.SimulationPlots;
import org.lemsbridge.sim.SimulationResult;

/**
 * The pictures of {@code simulate --plot} and {@code plot -o} are checked before any work and put in place with the
 * run's other outputs, in one commit: a picture that cannot be written is one line at its path, exit 2, before the
 * run, and every earlier output and picture stays as it was.
 */
class PlotOutputsTest {
    private static final String EX2 = "examples/ex2-izhikevich/Ex2_Izh.xml";

    @TempDir
    Path folder;

    /**
     * Every file under {@code root} (hidden ones too) with its bytes as text, folders as "folder"; in an SVG the ids
     * of clip paths, which the SVG writer numbers by identity hash, as {@code clipN}.
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String text = Files.isDirectory(path) ? "folder"
                        : new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                entries.put(root.relativize(path).toString(), path.toString().endsWith(".svg")
                        ? text.replaceAll("#clip\\d+|\"clip\\d+\"", "clipN") : text);
            }
        }
        return entries;
    }

    /** Earlier outputs of Ex2 and its pictures, with contents no run writes. */
    private Path earlierOutputs() throws IOException {
        Path out = Files.createDirectories(folder.resolve("out"));
        Path plots = Files.createDirectories(out.resolve("plots"));
        for (String file : List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_allcells.dat.json", "Ex2_Izh_spikes.dat")) {
            Files.writeString(out.resolve(file), "earlier " + file + "\n");
        }
        for (String picture : List.of("allcells.png", "allcells.svg", "spikes.png")) {
            Files.writeString(plots.resolve(picture), "earlier " + picture + "\n");
        }
        return out;
    }

    @Test
    void aFolderInTheWayOfAPictureIsRefusedBeforeTheRunAndNothingIsReplaced() throws IOException {
        Path out = earlierOutputs();
        Path inTheWay = Files.createDirectories(out.resolve("plots/spikes.svg"));
        Files.writeString(inTheWay.resolve("keep.txt"), "a file of the user's\n");
        Map<String, String> before = snapshot(out);

        // on a terminal simulate shows its progress from the first step: none shows, the run never began
        CliRun run = CliRun.onTerminal("simulate", EX2, "-o", out.toString(), "--plot");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(inTheWay.toAbsolutePath() + ":0:0: cannot write: is a folder"), run.errLines());
        assertFalse(run.err().contains("\r"), run.describe());
        assertEquals("", run.out());
        assertEquals(before, snapshot(out));
    }

    @Test
    void thePicturesDrawnBeforeTheCommitAreThoseOfTheFilesPutInPlace() throws IOException {
        Path out = earlierOutputs();
        CliRun run = CliRun.of("simulate", EX2, "-o", out.toString(), "--plot");
        assertEquals(0, run.exitCode(), run.describe());

        CliRun plain = CliRun.of("simulate", EX2, "-o", folder.resolve("plain").toString());
        assertEquals(0, plain.exitCode(), plain.describe());
        for (String file : List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_allcells.dat.json", "Ex2_Izh_spikes.dat")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("plain").resolve(file)),
                    Files.readAllBytes(out.resolve(file)), file);
        }
        // the same pictures drawn afterwards from the files in place, as check draws them
        Path redrawn = folder.resolve("redrawn");
        List<SimulationResult.WrittenFile> files = List.of(
                new SimulationResult.WrittenFile("allcells", out.resolve("Ex2_Izh_allcells.dat"),
                        out.resolve("Ex2_Izh_allcells.dat.json"), 40_001),
                new SimulationResult.WrittenFile("spikes", out.resolve("Ex2_Izh_spikes.dat"), null, 0));
        SimulationPlots.write(LemsReader.read(Path.of(EX2), List.of()), new SimulationResult(files, 40_000), null,
                redrawn, FolderWrites.IN_PLACE);
        Map<String, String> pictures = snapshot(out.resolve("plots"));
        assertEquals(List.of("allcells.png", "allcells.svg", "spikes.png", "spikes.svg"),
                List.copyOf(pictures.keySet()));
        assertEquals(snapshot(redrawn), pictures);
        assertTrue(run.out().contains("wrote " + out.resolve("plots/spikes.svg")), run.out());
    }

    @Test
    void plotRefusesAPictureItCannotWriteBeforeReadingAnyTrace() throws IOException {
        Path inTheWay = Files.createDirectories(folder.resolve("cells.png"));

        CliRun run = CliRun.of("plot", folder.resolve("missing.dat").toString(), "-o", inTheWay.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(inTheWay + ":0:0: cannot write: is a folder"), run.errLines());
        assertEquals(List.of("cells.png"), snapshot(folder).keySet().stream().toList());
    }

    @Test
    void plotLeavesTheEarlierPictureWhenItFailsAndMakesAMissingFolder() throws IOException {
        Path out = earlierOutputs();
        CliRun simulate = CliRun.of("simulate", EX2, "-o", out.toString());
        assertEquals(0, simulate.exitCode(), simulate.describe());
        Path picture = out.resolve("plots/allcells.png");
        Map<String, String> before = snapshot(out);

        CliRun unknown = CliRun.of("plot", out.resolve("Ex2_Izh_allcells.dat").toString(), "--columns", "nope",
                "-o", picture.toString());
        assertEquals(2, unknown.exitCode(), unknown.describe());
        assertEquals(before, snapshot(out));

        Path made = folder.resolve("new/folder/allcells.svg");
        CliRun fresh = CliRun.of("plot", out.resolve("Ex2_Izh_allcells.dat").toString(), "-o", made.toString());
        assertEquals(0, fresh.exitCode(), fresh.describe());
        assertEquals(List.of("allcells.svg"), snapshot(made.getParent()).keySet().stream().toList());
        assertTrue(Files.readString(made).contains("<svg"), made.toString());
    }
}
