package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar the simulator writes beside every .dat names the reader's columns. */
class SidecarTest {
    @TempDir
    Path dir;

    @Test
    void sidecarNamesColumnsWithEscapedTextAndUnits() throws IOException {
        Path file = dir.resolve("out.dat");
        Files.writeString(file, "0.0\t-0.07\t0.5\t\n5.0E-6\t-0.0699\t1.0E-7\t\n");
        Files.writeString(dir.resolve("out.dat.json"), "{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"},"
                + "{\"name\":\"v\",\"quantity\":\"izpopTonic[0]/v\",\"unit\":\"V\"},"
                + "{\"name\":\"q\\\"\",\"quantity\":\"a\\\\b\",\"unit\":\"1\"}],\"source\":\"sim \\\"x\\\"\",\"rows\":2}\n");
        Sidecar sidecar = Sidecar.read(Sidecar.pathFor(file));
        assertEquals(2, sidecar.rows());
        assertEquals("sim \"x\"", sidecar.source());
        assertEquals(List.of(Column.time(), new Column("v", "izpopTonic[0]/v", "V"), new Column("q\"", "a\\b", "1")),
                sidecar.columns());
        Trace back = TraceReader.read(file);
        assertEquals("a\\b", back.column(1).quantity());
        assertEquals(1.0E-7, back.value(1, 1));
        assertEquals(-0.0699, back.value(0, 1));
    }

    @Test
    void aGzippedTraceFindsTheSidecarOfItsUncompressedName() {
        assertEquals(Path.of("x/Ex2.dat.json"), Sidecar.pathFor(Path.of("x/Ex2.dat.gz")));
    }
}
