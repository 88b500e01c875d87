package org.lemsbridge.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.PopulationModel;

class CaseCostsTest {
    @TempDir
    Path folder;

    private Path network(String name, int size, String length, String step) throws IOException {
        return PopulationModel.write(folder.resolve(name + ".xml"), size, length, step);
    }

    private static SuiteCase lemsCase(String name, Path model) {
        return new SuiteCase(name, model, List.of(), model, null, null, List.of(), null, null, null, null, null, null);
    }

    @Test
    void aCaseCostsItsInstancesTimesItsSteps() throws IOException {
        Suite suite = new Suite("s", folder.resolve("suite.yaml"), List.of(
                lemsCase("small", network("small", 250, "100ms", "0.01ms")),
                lemsCase("ex2", Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"))));
        CaseCosts.Costs costs = CaseCosts.of(suite, Map.of());
        // network + population + 250 cells, 10 000 steps
        assertEquals(252 * 10_000.0, costs.values().get(0));
        // network + 4 x (population + cell) + 4 x (explicitInput + the input it attaches), 40 000 steps
        assertEquals(17 * 40_000.0, costs.values().get(1));
        assertEquals("cells x steps", costs.basis());
    }

    @Test
    void recordedTimesWinAndUntimedCasesAreScaledByTheTimedOnesRate() throws IOException {
        Suite suite = new Suite("s", folder.resolve("suite.yaml"), List.of(
                lemsCase("a", network("a", 98, "100ms", "0.01ms")),      // 100 x 10 000 = 1e6
                lemsCase("b", network("b", 198, "100ms", "0.01ms")),     // 2e6
                lemsCase("c", network("c", 398, "100ms", "0.01ms")),     // 4e6
                lemsCase("broken", folder.resolve("missing.xml"))));
        CaseCosts.Costs partly = CaseCosts.of(suite, Map.of("a", 3.0, "b", 3.0, "elsewhere", 100.0));
        // a and b ran 3e6 cell-steps in 6 s: c's 4e6 are 8 s; the unreadable case costs the median, 2e6 -> 4 s
        assertEquals(List.of(3.0, 3.0, 8.0, 4.0), partly.values());
        assertEquals("recorded times, cells x steps for 2 untimed cases", partly.basis());
        CaseCosts.Costs timed = CaseCosts.of(suite, Map.of("a", 1.0, "b", 2.0, "c", 0.5, "broken", 0.25));
        assertEquals(List.of(1.0, 2.0, 0.5, 0.25), timed.values());
        assertEquals("recorded times", timed.basis());
    }
}
