package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * FloatText against JDK 17's Float.toString: fixed strings (taken from JDK 17) always, and comparisons with the
 * running JDK's Float.toString only on JDK 17 (later JDKs print some floats differently). The full proof is
 * {@code org.lemsbridge.bench.FloatTextExhaustive}, which checks all 2^32 bit patterns.
 */
class FloatTextTest {

    private static final int RANDOM_PATTERNS = 3_000_000;

    @Test
    void printsWhatJdk17Prints() {
        Object[][] cases = {
            {0f, "0.0"}, {-0f, "-0.0"}, {Float.NaN, "NaN"}, {Float.intBitsToFloat(0xFFC00001), "NaN"},
            {Float.POSITIVE_INFINITY, "Infinity"}, {Float.NEGATIVE_INFINITY, "-Infinity"},
            {Float.MIN_VALUE, "1.4E-45"}, {-Float.MIN_VALUE, "-1.4E-45"}, {Float.MAX_VALUE, "3.4028235E38"},
            {Math.nextDown(Float.MIN_NORMAL), "1.1754942E-38"},
            {1f, "1.0"}, {-1f, "-1.0"}, {15f, "15.0"}, {-0.07f, "-0.07"}, {0.022635f, "0.022635"},
            {-0.060540255f, "-0.060540255"}, {6.000003f, "6.000003"}, {0.004995f, "0.004995"},
            {1234567f, "1234567.0"}, {0.1f, "0.1"}, {1f / 3, "0.33333334"}, {100f, "100.0"},
            {0.001f, "0.001"}, {Math.nextDown(0.001f), "9.999999E-4"}, {9.9E-4f, "9.9E-4"},
            {1e7f, "1.0E7"}, {Math.nextDown(1e7f), "9999999.0"}, {Math.nextUp(1e7f), "1.0000001E7"},
            {5.0E-6f, "5.0E-6"}, {1.0E-5f, "1.0E-5"}, {1.2345678E7f, "1.2345678E7"}, {16777216f, "1.6777216E7"},
            {1e10f, "1.0E10"}, {-3.0E-44f, "-2.9E-44"}, {Float.intBitsToFloat(7), "9.8E-45"},
            // JDK 17 only: 9.9E-44 is closer (an estimate one too high, then the second digit after a 0)
            {Float.intBitsToFloat(71), "1.0E-43"},
            // JDK 17 only: b + m overflows 64 bits and the lower candidate wins (3.8727007E25 is closer)
            {Float.intBitsToFloat(0x6a00230d), "3.8727006E25"}, {Float.intBitsToFloat(0x69000000), "9.6714065E24"},
            // JDK 17 only: integers from 2^25 to 2^63 keep a fixed number of digits (3.355453E7 is shorter)
            {Float.intBitsToFloat(0x4c000018), "3.3554528E7"}, {Float.intBitsToFloat(0x5e8000b8), "4.6117872E18"},
            // JDK 17 only: 1.1754944E-38 is shorter (a power of two's interval is taken as half as wide)
            {Float.MIN_NORMAL, "1.17549435E-38"},
        };
        for (Object[] c : cases) {
            float value = (Float) c[0];
            assertEquals(c[1], FloatText.toString(value), () -> "bits " + Integer.toHexString(Float.floatToRawIntBits(value)));
        }
    }

    @Test
    void writesAtTheGivenPositionAndReturnsTheEnd() {
        byte[] into = new byte[40];
        into[0] = 'x';
        int end = FloatText.write(-Float.MIN_NORMAL, into, 1);
        assertEquals("x-1.17549435E-38", new String(into, 0, end, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(FloatText.MAX_LENGTH, end - 1);
    }

    @Test
    void decimalLogarithmsOfPowersAreExactOverTheUsedRange() {
        MathContext precise = new MathContext(60);
        BigDecimal log10Of2 = new BigDecimal("0.30102999566398119521373889472449302676818988146210854131");
        BigDecimal log2Of10 = new BigDecimal("3.32192809488736234787031942948939017586483139302458061205");
        for (int e = -200; e <= 200; e++) {
            BigDecimal exact10 = log10Of2.multiply(BigDecimal.valueOf(e), precise);
            BigDecimal exact2 = log2Of10.multiply(BigDecimal.valueOf(e), precise);
            assertEquals(exact10.setScale(0, java.math.RoundingMode.FLOOR).intValueExact(), FloatText.floorLog10Pow2(e));
            assertEquals(exact2.setScale(0, java.math.RoundingMode.FLOOR).intValueExact(), FloatText.floorLog2Pow10(e));
        }
    }

    @Test
    void tableHoldsTenToTheMinusKRoundedUp() {
        for (int k = FloatText.K_MIN; k < FloatText.K_MIN + FloatText.G.length; k++) {
            // 10^-k 2^(63 - floor(-k log2 10)) = num / den
            int shift = 63 - FloatText.floorLog2Pow10(-k);
            BigInteger num = BigInteger.ONE.shiftLeft(Math.max(shift, 0)).multiply(BigInteger.TEN.pow(Math.max(-k, 0)));
            BigInteger den = BigInteger.ONE.shiftLeft(Math.max(-shift, 0)).multiply(BigInteger.TEN.pow(Math.max(k, 0)));
            BigInteger[] quotient = num.divideAndRemainder(den);
            BigInteger expected = quotient[0].add(quotient[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
            assertEquals(64, expected.bitLength(), "k = " + k);
            assertEquals(expected.longValue(), FloatText.G[k - FloatText.K_MIN], "k = " + k);
        }
    }

    @Test
    void edgeCasesMatchFloatToString() {
        assumeJdk17();
        float[] specials = {0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL,
            1e-3f, 1e7f, 0.1f, 0.5f, 1f};
        for (float value : specials) {
            around(value, 8);
        }
        for (int e = -149; e <= 127; e++) {
            around(Math.scalb(1f, e), 3);
        }
        for (int k = -45; k <= 38; k++) {
            for (int d = 1; d <= 9; d++) {
                float value = Float.parseFloat(d + "E" + k);
                if (value != 0 && !Float.isInfinite(value)) {
                    around(value, d == 1 ? 8 : 2);
                }
            }
        }
    }

    @Test
    void randomBitPatternsMatchFloatToString() {
        assumeJdk17();
        SplittableRandom random = new SplittableRandom(20240917L);
        for (int i = 0; i < RANDOM_PATTERNS; i++) {
            check(Float.intBitsToFloat(random.nextInt()));
        }
        for (int i = 0; i < RANDOM_PATTERNS / 10; i++) {
            check((float) random.nextLong(1L << 40)); // integers, printed by their own rule
            check((float) random.nextDouble(-0.1, 0.1)); // the typical voltages and times
        }
    }

    /** value and its n float neighbours on each side, both signs. */
    private static void around(float value, int n) {
        float up = value;
        float down = value;
        check(value);
        for (int i = 0; i < n; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            check(up);
            check(down);
        }
    }

    private static void check(float value) {
        for (float v : new float[] {value, -value}) {
            String text = FloatText.toString(v);
            assertEquals(Float.toString(v), text, () -> "bits " + Integer.toHexString(Float.floatToRawIntBits(v)));
            assertTrue(text.length() <= FloatText.MAX_LENGTH, text);
        }
    }

    private static void assumeJdk17() {
        assumeTrue(Runtime.version().feature() == 17,
                "FloatText reproduces JDK 17's Float.toString; this JDK is " + Runtime.version());
    }
}
