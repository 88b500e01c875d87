package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.testing.DatFiles;

/**
 * Ex2 (four Izhikevich cells) from a LEMS file of our own, on the bundled NeuroML core types, against the
 * project's copy of the jLEMS traces in {@code reference-data/Ex2_Izh}. Before the bundled core types exist the
 * upstream ones in {@code ../shared} stand in; with neither the test is skipped.
 */
class FourIzhikevichCellsTest {

    @TempDir
    Path out;

    @Test
    void matchesTheJlemsTracesAndSpikeTimes() throws IOException, URISyntaxException {
        Path model = Path.of(getClass().getResource("four_izhikevich_cells.xml").toURI());
        List<Path> searchPath = List.of();
        if (getClass().getResource("/org/lemsbridge/lems/coretypes/Cells.xml") == null) {
            searchPath = List.of(SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes"));
        }
        Path reference = Path.of("reference-data/Ex2_Izh");
        Assumptions.assumeTrue(Files.isDirectory(reference), "reference-data/Ex2_Izh not found from " + Path.of("")
                .toAbsolutePath());
        LemsModel lems = LemsReader.read(model, searchPath);
        SimulationResult result = Simulator.build(lems, SimulationOptions.writingTo(out)).run();
        assertEquals(40000, result.steps());
        for (String name : List.of("Ex2_Izh_displays", "Ex2_Izh_allcells")) {
            List<double[]> ref = DatFiles.read(reference.resolve(name + ".dat.gz"));
            List<double[]> ours = DatFiles.read(out.resolve(name + ".dat"));
            assertEquals(40001, ours.size());
            for (DatFiles.ColumnDifference d : DatFiles.compare(ref, ours, 1e-6)) {
                assertTrue(d.within(1e-6), name + " column " + d.column() + ": " + d);
            }
        }
        // lems-semantics §8.4: first spikes Tonic (id 1) at 0.022635, Burst (id 0) at 0.0245 and 0.025655
        List<String> spikes = Files.readAllLines(out.resolve("four_cells_spikes.txt"));
        assertEquals("0.022635\t1", spikes.get(0));
        assertTrue(spikes.indexOf("0.0245\t0") > 0, spikes.subList(0, 5).toString());
        assertTrue(spikes.indexOf("0.025655\t0") > spikes.indexOf("0.0245\t0"));
        String sidecar = Files.readString(out.resolve("Ex2_Izh_allcells.dat.json"));
        assertTrue(sidecar.startsWith("{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"},"
                + "{\"name\":\"burstV\",\"quantity\":\"izpopBurst[0]/v\",\"unit\":\"V\"},"
                + "{\"name\":\"burstU\",\"quantity\":\"izpopBurst[0]/U\",\"unit\":\"1\"}"), sidecar);
        assertTrue(sidecar.contains("\"rows\":40001"), sidecar);
    }
}
