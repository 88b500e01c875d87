package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final MathContext MC = new MathContext(50);

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected), what);
    }

    @Test
    void metricsAgreeWithExactArithmeticOnGeneratedTraces() {
        Random random = new Random(20261126L);
        for (int trial = 0; trial < 6; trial++) {
            int n = 1000 + random.nextInt(40000);
            double[] time = new double[n];
            double[] ref = new double[n];
            double[] cand = new double[n];
            double offset = -0.07 + random.nextGaussian() * 0.01;
            for (int i = 0; i < n; i++) {
                time[i] = i * 5e-6;
                ref[i] = offset + 0.02 * Math.sin(i * 0.003 + trial) + 1e-3 * random.nextGaussian();
                cand[i] = ref[i] + 1e-4 * random.nextGaussian() + (i % 997 == 0 ? 0.01 : 0);
            }
            Metrics m = Metrics.compute(time, ref, cand);

            BigDecimal squares = BigDecimal.ZERO;
            BigDecimal sumRef = BigDecimal.ZERO;
            BigDecimal sumCand = BigDecimal.ZERO;
            double maxAbs = 0;
            double maxRel = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                BigDecimal d = new BigDecimal(cand[i]).subtract(new BigDecimal(ref[i]));
                squares = squares.add(d.multiply(d));
                sumRef = sumRef.add(new BigDecimal(ref[i]));
                sumCand = sumCand.add(new BigDecimal(cand[i]));
                maxAbs = Math.max(maxAbs, Math.abs(d.doubleValue()));
                maxRel = Math.max(maxRel, d.abs().divide(new BigDecimal(ref[i]).abs(), MC).doubleValue());
                min = Math.min(min, ref[i]);
                max = Math.max(max, ref[i]);
            }
            BigDecimal count = BigDecimal.valueOf(n);
            double rmse = squares.divide(count, MC).sqrt(MC).doubleValue();
            BigDecimal meanRef = sumRef.divide(count, MC);
            BigDecimal meanCand = sumCand.divide(count, MC);
            BigDecimal cross = BigDecimal.ZERO;
            BigDecimal varRef = BigDecimal.ZERO;
            BigDecimal varCand = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal dr = new BigDecimal(ref[i]).subtract(meanRef);
                BigDecimal dc = new BigDecimal(cand[i]).subtract(meanCand);
                cross = cross.add(dr.multiply(dc));
                varRef = varRef.add(dr.multiply(dr));
                varCand = varCand.add(dc.multiply(dc));
            }
            double pearson = cross.divide(varRef.multiply(varCand).sqrt(MC), MC).doubleValue();

            assertRelative(rmse, m.rmse(), "rmse");
            assertEquals(maxAbs, m.maxAbsError(), 0.0, "max abs");
            assertRelative(maxRel, m.maxRelError(), "max rel");
            assertRelative(rmse / (max - min), m.nrmse(), "nrmse");
            assertRelative(pearson, m.pearson(), "pearson");
            assertEquals(time[m.maxAbsRow()], m.maxAbsTime());
            assertEquals(maxAbs, Math.abs(cand[m.maxAbsRow()] - ref[m.maxAbsRow()]), 0.0);
        }
    }

    @Test
    void pearsonIsOneWhenBothAreConstantAndZeroWhenOnlyOneIs() {
        double[] time = {0, 1, 2};
        assertEquals(1.0, Metrics.compute(time, new double[] {2, 2, 2}, new double[] {3, 3, 3}).pearson());
        assertEquals(0.0, Metrics.compute(time, new double[] {2, 2, 2}, new double[] {1, 2, 3}).pearson());
        assertEquals(-1.0, Metrics.compute(time, new double[] {1, 2, 3}, new double[] {3, 2, 1}).pearson(), 1e-15);
    }

    @Test
    void nanRowsAreCountedAndSkipped() {
        double[] time = {0, 1, 2, 3};
        Metrics m = Metrics.compute(time, new double[] {1, 2, 3, 4}, new double[] {1, Double.NaN, 3, 5});
        assertEquals(1, m.nanRows());
        assertEquals(1, m.firstNanRow());
        assertEquals(Math.sqrt(1.0 / 3.0), m.rmse(), 1e-15);
        assertEquals(3, m.maxAbsRow());
    }
}
