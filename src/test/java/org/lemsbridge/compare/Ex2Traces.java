package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/** The project's copy of the jLEMS Ex2 reference (skips the test when absent). */
final class Ex2Traces {

    private Ex2Traces() {
    }

    static Trace allCells() {
        Path path = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return TraceReader.read(path);
    }
}
