package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantityParserTest {

    private static final UnitTable TABLE = UnitTable.standard();
    private static final Dimension VOLTAGE = TABLE.dimension("voltage").orElseThrow();

    private static double si(String text) {
        return QuantityParser.parse(text, TABLE).si();
    }

    @Test
    void exactJlemsValues() {
        assertEquals(-0.07, si("-70mV"));
        assertEquals(5.0E-6, si("0.005ms"));
        assertEquals(1.1000000000000001e-9, si("1.1nF"));
        assertEquals(0.02, si("20.0 ms"));
        assertEquals(273.15, si("0degC"));
        assertEquals(2.0000000000000003E-10, si("0.2 nA"));
        assertEquals(5000.0, si("5 per_ms"));
        assertEquals(0.6, si("0.01 min"));
    }

    @Test
    void numberAndUnitAreKept() {
        Quantity quantity = QuantityParser.parse("-70mV", TABLE);
        assertEquals(-70.0, quantity.number());
        assertSame(TABLE.unit("mV").orElseThrow(), quantity.unit());
        assertEquals(VOLTAGE, quantity.dimension());
    }

    @Test
    void wholeTextThatJavaReadsAsDoubleIsAPureNumber() {
        Quantity milli = QuantityParser.parse("1e-3", TABLE);
        assertEquals(0.001, milli.number());
        assertEquals(Unit.NONE, milli.unit());
        assertEquals(0.001, milli.si());
        assertEquals(15.0, si("15d"));
        assertEquals(Unit.NONE, QuantityParser.parse("15d", TABLE).unit());
        assertEquals(1000.0, si(" 1e3 "));
        assertEquals(-2.5, si("-2.5f"));
        assertTrue(Double.isNaN(si("NaN")));
        assertEquals(Double.POSITIVE_INFINITY, si("Infinity"));
    }

    @Test
    void exponentBelongsToTheNumberOnlyWhenFollowedByDigitSignOrDot() {
        assertEquals(1.0, si("1e3mV"));
        assertEquals(1.5e-6, si("1.5E-3ms"));
        assertEquals(1e-6, si("1e-3 ms"));
        Quantity charges = QuantityParser.parse("2e", TABLE);
        assertEquals(2.0, charges.number());
        assertEquals("e", charges.unit().symbol());
        assertEquals(2 * 1.602176634e-19, charges.si());
    }

    @Test
    void surroundingAndInnerSpacesAreTrimmed() {
        assertEquals(-0.07, si("  -70 mV  "));
        assertEquals(-0.07, si("-70   mV"));
        assertEquals(-0.07, si("-70mV "));
    }

    @Test
    void malformedTextIsAUnitException() {
        assertEquals("no number in quantity 'mV'",
                assertThrows(UnitException.class, () -> si("mV")).getMessage());
        assertEquals("no number in quantity ''", assertThrows(UnitException.class, () -> si("")).getMessage());
        assertEquals("unknown unit 'xyz' in quantity '-70xyz'",
                assertThrows(UnitException.class, () -> si("-70xyz")).getMessage());
        assertEquals("bad number '1.2.3' in quantity '1.2.3mV'",
                assertThrows(UnitException.class, () -> si("1.2.3mV")).getMessage());
        assertEquals("bad number '5-3' in quantity '5-3mV'",
                assertThrows(UnitException.class, () -> si("5-3mV")).getMessage());
        assertEquals("unknown unit 'm V' in quantity '70 m V'",
                assertThrows(UnitException.class, () -> si("70 m V")).getMessage());
        assertEquals("bad number 'abc' in quantity 'abc mV'",
                assertThrows(UnitException.class, () -> si("abc mV")).getMessage());
    }

    @Test
    void compoundNamesOutsideTheTableAreNotAcceptedInLemsValues() {
        assertThrows(UnitException.class, () -> si("3kHz"));
    }

    @Test
    void expectedDimensionIsChecked() {
        assertEquals(-0.07, QuantityParser.parse("-70mV", TABLE, VOLTAGE).si());
        assertEquals(3.0, QuantityParser.parse("3", TABLE, Dimension.NONE).si());
        assertEquals("quantity '-70' needs a unit of voltage (m=1 l=2 t=-3 i=-1)",
                assertThrows(UnitException.class, () -> QuantityParser.parse("-70", TABLE, VOLTAGE)).getMessage());
        assertEquals("quantity '20ms' has unit 'ms' of time (t=1), but voltage (m=1 l=2 t=-3 i=-1) is expected",
                assertThrows(UnitException.class, () -> QuantityParser.parse("20ms", TABLE, VOLTAGE))
                        .getMessage());
        assertThrows(UnitException.class, () -> QuantityParser.parse("20ms", TABLE, Dimension.NONE));
    }

    @Test
    void documentDefinedUnitsAreUsed() {
        UnitTable custom = TABLE.withUnit(new Unit("kV", VOLTAGE, 3, 1.0, 0.0));
        assertEquals(1500.0, QuantityParser.parse("1.5kV", custom, VOLTAGE).si());
    }
}
