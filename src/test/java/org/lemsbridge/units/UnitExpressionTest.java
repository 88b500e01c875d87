package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every unit string in TVBO's model database (3ec8deb), and the grammar around them. */
class UnitExpressionTest {

    private static final UnitTable TABLE = UnitTable.standard();

    /** The SI factor is checked to the last bits; the dimension as (m, l, t, i, n) exponents. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ms^-1; 0; 0; -1; 0; 0; 1e3",
        "s^-1; 0; 0; -1; 0; 0; 1",
        "Millivolt; 1; 2; -3; -1; 0; 1e-3",
        "Kilohertz; 0; 0; -1; 0; 0; 1e3",
        "mV^-1; -1; -2; 3; 1; 0; 1e3",
        "mV*ms^-1; 1; 2; -4; -1; 0; 1",
        "mV/s; 1; 2; -4; -1; 0; 1e-3",
        "rad/ms; 0; 0; -1; 0; 0; 1e3",
        "(pC)^-1; 0; 0; -1; -1; 0; 1e12",
        "nC^-1; 0; 0; -1; -1; 0; 1e9",
        "mol.m**-3; 0; -3; 0; 0; 1; 1",
        "mMol/m**3; 0; -3; 0; 0; 1; 1e-3",
        "umeter**3; 0; 3; 0; 0; 0; 1e-18",
        "1/ms; 0; 0; -1; 0; 0; 1e3",
        "mV ** 2; 2; 4; -6; -2; 0; 1e-6",
        "(mV/ms)^(-2); -2; -4; 8; 2; 0; 1",
        "MILLISECOND; 0; 0; 1; 0; 0; 1e-3",
        "nanoampere*megaohm; 1; 2; -3; -1; 0; 1e-3"})
    void tvboUnitStrings(String symbol, int m, int l, int t, int i, int n, double factor) {
        Unit unit = TABLE.resolve(symbol);
        assertEquals(new Dimension(m, l, t, i, 0, n, 0), unit.dimension(), symbol);
        assertEquals(factor, unit.siFactor(), Math.ulp(factor) * 4, symbol);
        assertEquals(symbol, unit.symbol());
    }

    @Test
    void symbolsKeepTheirCaseWhileSpelledOutNamesDoNot() {
        assertEquals(6, TABLE.resolve("MV").power() - TABLE.resolve("V").power());
        assertEquals(-3, TABLE.resolve("mV").power() - TABLE.resolve("V").power());
        assertEquals(TABLE.resolve("mV").siFactor(), TABLE.resolve("millivolt").siFactor());
        assertEquals(TABLE.resolve("mV").siFactor(), TABLE.resolve("MilliVolt").siFactor());
    }

    @Test
    void anUnknownNameNamesTheNearestKnownOne() {
        UnitException e = assertThrows(UnitException.class, () -> TABLE.resolve("Milivolt*ms"));
        assertEquals("unknown unit 'Milivolt' in 'Milivolt*ms'; did you mean 'millivolt'?", e.getMessage());
        UnitException single = assertThrows(UnitException.class, () -> TABLE.resolve("voltz"));
        assertTrue(single.getMessage().startsWith("unknown unit 'voltz'"), single.getMessage());
        assertTrue(single.getMessage().contains("did you mean 'volt"), single.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "mV^; expected a whole-number power at character 4 of unit 'mV^'",
        "(mV; expected ')' at character 4 of unit '(mV'",
        "mV*; expected a unit name at character 4 of unit 'mV*'",
        "mV^1.5; unexpected '.' in unit 'mV^1.5'",
        "mV)x; unexpected ')' in unit 'mV)x'"})
    void malformedExpressionsSayWhere(String symbol, String message) {
        assertEquals(message, assertThrows(UnitException.class, () -> TABLE.resolve(symbol)).getMessage());
    }
}
