package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.testing.DatFiles;

/**
 * Runs the rendered seeds in a real jLEMS (opt-in: {@code -Dlemsbridge.jlems=/path/to/run-jlems.sh}, a script
 * taking the LEMS file and writing its outputs next to it) and compares v with NeuroML's own Ex2 run.
 */
class RenderedSeedsInJlemsTest {

    @ParameterizedTest
    @CsvSource({"izhikevich-tonic, IzhikevichCell.dat, izpopTonic[0]/v", "izhikevich-burst, IzhikevichBurst.dat, izpopBurst[0]/v"})
    void jlemsRunOfTheRenderedSeedMatchesTheNeuromlReference(String seed, String datFile, String quantity,
                                                            @TempDir Path dir) throws Exception {
        String script = System.getProperty("lemsbridge.jlems");
        Assumptions.assumeTrue(script != null && Files.isExecutable(Path.of(script)),
                "set -Dlemsbridge.jlems=<run-jlems.sh> to run the rendered seeds in jLEMS");
        Path lems = dir.resolve(seed + ".xml");
        Files.writeString(lems, new ExperimentToLems().render(ExperimentReader.read(Path.of("examples", seed + ".yaml"))).xml());
        Process run = new ProcessBuilder(script, lems.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jlems.log").toFile()).start();
        assertTrue(run.waitFor(600, TimeUnit.SECONDS), "jLEMS timed out");
        assertEquals(0, run.exitValue(), Files.readString(dir.resolve("jlems.log")));

        List<double[]> ours = DatFiles.read(dir.resolve(datFile));
        Path refDir = Path.of("reference-data", "Ex2_Izh");
        List<double[]> ref = DatFiles.read(refDir.resolve("Ex2_Izh_allcells.dat.gz"));
        int refColumn = allcellsColumn(refDir.resolve("columns.txt"), quantity);
        assertEquals(ref.size(), ours.size(), "rows");
        double maxRef = 0;
        double maxDiff = 0;
        List<Integer> refResets = new ArrayList<>();
        List<Integer> ourResets = new ArrayList<>();
        for (int k = 0; k < ref.size(); k++) {
            assertEquals((float) ref.get(k)[0], (float) ours.get(k)[0], "time of row " + k);
            double refV = ref.get(k)[refColumn];
            double ourV = ours.get(k)[1] / 1000.0;
            maxRef = Math.max(maxRef, Math.abs(refV));
            maxDiff = Math.max(maxDiff, Math.abs(ourV - refV));
            if (k > 0 && refV < ref.get(k - 1)[refColumn] - 0.02) {
                refResets.add(k);
            }
            if (k > 0 && ours.get(k)[1] < ours.get(k - 1)[1] - 20) {
                ourResets.add(k);
            }
        }
        assertTrue(maxDiff / maxRef <= 1e-6, "max|dv|/max|ref| = " + maxDiff / maxRef);
        assertTrue(refResets.size() > 5, "the reference spikes");
        assertEquals(refResets, ourResets, "spikes on the same steps");
    }

    /** The column index of {@code quantity} in the allcells file, from columns.txt. */
    private static int allcellsColumn(Path columns, String quantity) throws IOException {
        boolean inAllcells = false;
        for (String line : Files.readAllLines(columns)) {
            if (line.startsWith("Ex2_Izh_")) {
                inAllcells = line.startsWith("Ex2_Izh_allcells");
            } else if (inAllcells && line.contains(" " + quantity + " ")) {
                return Integer.parseInt(line.trim().split("\\s+")[0]);
            }
        }
        throw new AssertionError(quantity + " not in " + columns);
    }
}
