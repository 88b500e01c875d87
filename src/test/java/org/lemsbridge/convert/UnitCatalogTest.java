package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.write.LemsView.UnitDef;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.UnitTable;

class UnitCatalogTest {
    private static final SourceLocation HERE = new SourceLocation("m.yaml", 4, 7);

    @Test
    void dimensionlessValuesAreBareNumbersAndOthersCarryTheirSymbol() {
        UnitCatalog catalog = new UnitCatalog(UnitTable.standard());
        assertEquals("-70.0", catalog.quantity(-70.0, catalog.resolve(null, HERE, "v"), HERE, "v"));
        assertEquals("-70.0", catalog.quantity(-70.0, catalog.resolve("dimensionless", HERE, "v"), HERE, "v"));
        assertEquals("20.0ms", catalog.quantity(20.0, catalog.resolve("ms", HERE, "d"), HERE, "d"));
        assertEquals("1.0E-4ms", catalog.quantity(1.0e-4, catalog.resolve("ms", HERE, "d"), HERE, "d"));
        assertEquals(List.of(new UnitDef("ms", "time", "-3", null, null)), catalog.unitDefs());
    }

    @Test
    void aCompoundUnitGetsItsOwnUnitAndDimension() {
        UnitCatalog catalog = new UnitCatalog(UnitTable.standard());
        assertEquals("0.5mV_per_ms", catalog.quantity(0.5, catalog.resolve("mV_per_ms", HERE, "r"), HERE, "r"));
        UnitDef unit = catalog.unitDefs().get(0);
        assertEquals("mV_per_ms", unit.symbol());
        Dimension voltagePerTime = new Dimension(1, 2, -4, -1, 0, 0, 0);
        assertEquals(catalog.dimensionName(voltagePerTime), unit.dimension());
        assertTrue(catalog.dimensionDefs().stream().anyMatch(d -> d.name().equals(unit.dimension())));
    }

    @Test
    void unknownUnitsAndNonFiniteValuesAreBadInput() {
        UnitCatalog catalog = new UnitCatalog(UnitTable.standard());
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> catalog.resolve("furlongs", HERE, "parameter 'x'"));
        assertEquals(HERE, unknown.location());
        assertTrue(unknown.getMessage().startsWith("unknown unit 'furlongs' of parameter 'x'"), unknown.getMessage());
        BadInputException nan = assertThrows(BadInputException.class,
                () -> catalog.quantity(Double.NaN, catalog.resolve("ms", HERE, "x"), HERE, "parameter 'x'"));
        assertEquals("the value of parameter 'x' is not a finite number", nan.getMessage());
    }
}
