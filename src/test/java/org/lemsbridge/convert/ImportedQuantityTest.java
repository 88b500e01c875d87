package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.UnitTable;

/** LEMS values become YAML numbers with units that convert back to exactly the SI value jLEMS used. */
class ImportedQuantityTest {

    private static final UnitTable TABLE = UnitTable.standard();
    private static final Dimension VOLTAGE = new Dimension(1, 2, -3, -1, 0, 0, 0);
    private static final Dimension CAPACITANCE = new Dimension(-1, -2, 4, 2, 0, 0, 0);

    @Test
    void theWrittenNumberAndUnitAreKeptWhenTheyConvertBackExactly() {
        assertEquals(new ImportedQuantity(-70.0, "mV"), ImportedQuantity.of("-70mV", -70 * 1e-3, VOLTAGE, TABLE));
        assertEquals(new ImportedQuantity(-70.0, "mV"), ImportedQuantity.of(" -70 mV", -70 * 1e-3, VOLTAGE, TABLE));
        assertEquals(new ImportedQuantity(0.02, null), ImportedQuantity.of("0.02", 0.02, Dimension.NONE, TABLE));
    }

    @Test
    void otherwiseTheSiValueIsWrittenInTheSiUnit() {
        // 1.1nF is 1.1000000000000001e-9 in jLEMS; the text stays exact only if nF converts it to the same double
        double si = ((1.1 + 0) * 1.0) * Math.pow(10, -9);
        ImportedQuantity q = ImportedQuantity.of("1.1nF", si, CAPACITANCE, TABLE);
        assertEquals(si, TABLE.resolve(q.unit() == null ? "none" : q.unit()).toSi(q.value()));
        assertEquals(new ImportedQuantity(0.5, "V"), ImportedQuantity.of(null, 0.5, VOLTAGE, TABLE));
    }

    @Test
    void aDimensionWithoutANamedUnitGetsACompoundOfSiBaseUnits() {
        Dimension odd = new Dimension(1, 1, -3, -2, 0, 0, 0);
        String unit = ImportedQuantity.siUnit(odd, TABLE);
        assertEquals("kg_m_per_s3_per_A2", unit);
        assertEquals(odd, TABLE.resolve(unit).dimension());
        assertEquals(2.5, TABLE.resolve(unit).toSi(2.5));
    }
}
