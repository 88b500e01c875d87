package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** DatWriter appends floats to a StringBuilder; that must give exactly Float.toString's characters (jLEMS's). */
class FloatTextTest {

    private static void assertSameText(float value) {
        assertEquals(Float.toString(value), new StringBuilder().append(value).toString(),
                () -> "bits " + Integer.toHexString(Float.floatToRawIntBits(value)));
    }

    @Test
    void specialValuesPrintAsFloatToString() {
        for (float value : new float[] {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1e-3f, 1e7f, 9999999f,
                1.0E-5f, -0.07f, 5.0E-6f, 0.2f, 30f, 1e-45f, 1.17549435E-38f}) {
            assertSameText(value);
        }
    }

    @Test
    void randomBitPatternsAndSimulationScaleDoublesPrintAsFloatToString() {
        SplittableRandom random = new SplittableRandom(20261126L);
        for (int i = 0; i < 2_000_000; i++) {
            assertSameText(Float.intBitsToFloat(random.nextInt()));
            assertSameText((float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-12, 4))));
        }
    }
}
