package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitTest {

    private static final UnitTable TABLE = UnitTable.standard();

    private static Unit unit(String symbol) {
        return TABLE.unit(symbol).orElseThrow();
    }

    @Test
    void toSiMultipliesInJlemsOrder() {
        assertEquals(-0.07, unit("mV").toSi(-70));
        assertEquals(5.0E-6, unit("ms").toSi(0.005));
        assertEquals(1.1000000000000001e-9, unit("nF").toSi(1.1));
        assertEquals(0.02, unit("ms").toSi(20.0));
        assertEquals(273.15, unit("degC").toSi(0));
        assertEquals(310.15, unit("degC").toSi(37));
        assertEquals(120.0, unit("min").toSi(2));
        assertEquals(1.602176634e-19, unit("e").toSi(1));
    }

    @Test
    void toSiOfNumberIsTheDocumentedFormula() {
        for (Unit u : TABLE.units()) {
            for (double x : new double[] {-70, 0.005, 1.1, 37, 12345.678}) {
                assertEquals(((x + u.offset()) * u.scale()) * Math.pow(10, u.power()), u.toSi(x), u.symbol());
            }
        }
    }

    @Test
    void everyStandardUnitRoundTripsThroughSi() {
        for (Unit u : TABLE.units()) {
            for (double x : new double[] {-70, 0.005, 1.1, 37, 12345.678, 0.0}) {
                double back = u.fromSi(u.toSi(x));
                double tolerance = 4 * Math.ulp(Math.max(Math.abs(x), Math.abs(u.offset())));
                assertEquals(x, back, tolerance, () -> u.symbol() + " at " + x);
            }
        }
    }

    @Test
    void fromSiInvertsScaleAndOffset() {
        assertEquals(-70.0, unit("mV").fromSi(-0.07), 1e-12);
        assertEquals(0.0, unit("degC").fromSi(273.15));
        assertEquals(2.0, unit("hour").fromSi(7200.0));
    }

    @Test
    void siFactorIgnoresTheOffset() {
        assertEquals(1e-3, unit("mV").siFactor());
        assertEquals(1.0, unit("degC").siFactor());
        assertEquals(60.0, unit("min").siFactor());
    }

    @Test
    void zeroOrInfiniteScaleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Unit("x", Dimension.NONE, 0, 0.0, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> new Unit("x", Dimension.NONE, 0, Double.POSITIVE_INFINITY, 0.0));
    }
}
