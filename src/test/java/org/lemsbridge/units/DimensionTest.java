package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DimensionTest {

    private static final Dimension VOLTAGE = new Dimension(1, 2, -3, -1, 0, 0, 0);
    private static final Dimension CURRENT = new Dimension(0, 0, 0, 1, 0, 0, 0);
    private static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    @Test
    void voltageTimesCurrentIsPower() {
        assertEquals(new Dimension(1, 2, -3, 0, 0, 0, 0), VOLTAGE.times(CURRENT));
    }

    @Test
    void voltageDividedByCurrentIsResistance() {
        assertEquals(UnitTable.standard().dimension("resistance").orElseThrow(), VOLTAGE.dividedBy(CURRENT));
    }

    @Test
    void powerRaisesEveryExponent() {
        assertEquals(new Dimension(-2, -4, 6, 2, 0, 0, 0), VOLTAGE.pow(-2));
        assertEquals(Dimension.NONE, VOLTAGE.pow(0));
        assertEquals(new Dimension(0, 0, 0, 0, 3, -6, 9), new Dimension(0, 0, 0, 0, 1, -2, 3).pow(3));
    }

    @Test
    void noneIsAllZeros() {
        assertTrue(Dimension.NONE.isNone());
        assertTrue(TIME.dividedBy(TIME).isNone());
        assertFalse(TIME.isNone());
        assertEquals(new Dimension(0, 0, 0, 0, 0, 0, 0), Dimension.NONE);
    }

    @Test
    void describeNamesStandardDimensionsWithTheirExponents() {
        assertEquals("voltage (m=1 l=2 t=-3 i=-1)", VOLTAGE.describe());
        assertEquals("current (i=1)", CURRENT.describe());
        assertEquals("per_time (t=-1)", TIME.pow(-1).describe());
        assertEquals("rho_factor (l=-1 t=-1 i=-1 n=1)", new Dimension(0, -1, -1, -1, 0, 1, 0).describe());
    }

    @Test
    void describeGivesOnlyExponentsForUnnamedDimensions() {
        assertEquals("m=1 t=-2", new Dimension(1, 0, -2, 0, 0, 0, 0).describe());
        assertEquals("j=1", new Dimension(0, 0, 0, 0, 0, 0, 1).describe());
        assertEquals("dimensionless", Dimension.NONE.describe());
    }
}
