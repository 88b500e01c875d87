package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;

class SpikeConditionsTest {

    private static Map<String, SpikeCondition> of(Path lems, List<Path> includes, List<String> quantities) {
        assumeTrue(Files.exists(lems), lems + " is absent: skipping");
        return Simulator.build(LemsReader.read(lems, includes), SimulationOptions.defaults())
                .spikeConditions(quantities);
    }

    @Test
    void integrateAndFireCellsResetFromTheirThresholdToTheirReset() {
        Path ex0 = SharedFolder.file("reference-data/Ex0_IaF/LEMS_NML2_Ex0_IaF.xml");
        Map<String, SpikeCondition> found = of(ex0, List.of(), List.of("iafTauPop[0]/v", "iafTauRefPop[0]/v",
                "iafPop[0]/v", "iafRefPop[0]/v", "iafPop[0]/nothing/v"));
        assertEquals(4, found.size(), found.toString());
        for (SpikeCondition condition : found.values()) {
            assertEquals(-0.055, condition.threshold(), 1e-15, condition.toString());
            assertEquals(-0.070, condition.reset(), 1e-15, condition.toString());
            assertEquals("thresh", condition.source());
        }
    }

    @Test
    void theProjectsIzhikevichCellsResetToCAndHodgkinHuxleyCellsOnlyCross() {
        Map<String, SpikeCondition> izh = of(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"), List.of(),
                List.of("izpopTonic[0]/v", "izpopTonic[0]/U", "izpopTonic[0]/i1/I"));
        assertEquals(List.of("izpopTonic[0]/v"), List.copyOf(izh.keySet()));
        SpikeCondition tonic = izh.get("izpopTonic[0]/v");
        assertEquals(0.030, tonic.threshold(), 1e-15);
        assertEquals(-0.065, tonic.reset(), 1e-15);

        Path ex1 = SharedFolder.file("reference-data/Ex1_HH/LEMS_NML2_Ex1_HH.xml");
        SpikeCondition hh = of(ex1, List.of(), List.of("hhpop[0]/v")).get("hhpop[0]/v");
        assertFalse(hh.resets(), hh.toString());
        assertEquals(0.020, hh.threshold(), 1e-15); // thresh="20mV" in Ex1's pointCellCondBased
    }
}
