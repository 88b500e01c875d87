package org.lemsbridge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void roundRangesGetTicksOnBothEnds() {
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100", "110", "120", "130",
                "140", "150"), Ticks.across(new Range(0, 150), 10).labels());
        assertEquals(List.of("-20", "0", "20", "40", "60", "80", "100", "120", "140", "160", "180", "200", "220"),
                Ticks.across(new Range(-20, 220), 10).labels());
    }

    @Test
    void aZeroResidualsUnitRangeGetsFiveTicks() {
        assertEquals(List.of("-1.0", "-0.5", "0", "0.5", "1.0"), Ticks.across(new Range(-1, 1), 6).labels());
    }

    @Test
    void everyLabelCarriesTheDecimalsOfTheStep() {
        assertEquals(List.of("0", "0.25", "0.50", "0.75", "1.00"), Ticks.across(new Range(0, 1), 4).labels());
    }

    @Test
    void tinyAndHugeValuesAreScientific() {
        assertEquals(List.of("-4e-9", "-2e-9", "0", "2e-9", "4e-9"), Ticks.across(new Range(-4.4e-9, 4.4e-9), 5)
                .labels());
        assertEquals(List.of("0", "2.5e6", "5e6", "7.5e6", "1e7"), Ticks.across(new Range(0, 1e7), 4).labels());
    }
}
