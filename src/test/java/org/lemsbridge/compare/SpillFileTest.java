package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpillFileTest {

    @Test
    void givesBackEveryValueBitForBitInOrderAndLeavesNoFile() throws Exception {
        Random random = new Random(18);
        long[] bits = new long[100_003];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = i % 7 == 0 ? 0x7ff8_0000_0000_0001L + i
                    : Double.doubleToRawLongBits(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
        }
        Path file;
        try (SpillFile spill = SpillFile.tryCreate()) {
            assertNotNull(spill);
            file = spill.file();
            assertThrows(IllegalStateException.class, () -> spill.read(new double[1], 1));
            double[] chunk = new double[5000];
            for (int done = 0; done < bits.length; ) {
                int count = Math.min(bits.length - done, 1 + random.nextInt(chunk.length));
                for (int k = 0; k < count; k++) {
                    chunk[k] = Double.longBitsToDouble(bits[done + k]);
                }
                spill.write(chunk, count);
                done += count;
            }
            spill.rewind();
            assertTrue(spill.complete());
            for (int done = 0; done < bits.length; ) {
                int count = Math.min(bits.length - done, 1 + random.nextInt(chunk.length));
                spill.read(chunk, count);
                for (int k = 0; k < count; k++) {
                    assertEquals(bits[done + k], Double.doubleToRawLongBits(chunk[k]), "value " + (done + k));
                }
                done += count;
            }
            assertThrows(IllegalStateException.class, () -> spill.read(new double[1], 1));
        }
        assertFalse(Files.exists(file), file + " is left behind");
    }
}
