package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Experiment;

/**
 * Whether a model's units are partial: some parameter or derived quantity has none, and the states have none. TVBO then
 * evaluates the equations in the numbers as written, the units only annotating (its LEMS export divides every
 * rate by {@code SEC = 1 time_scale} whenever not every symbol has a dimension).
 */
final class UnitCoverage {
    private UnitCoverage() {
    }

    /**
     * Partial: some symbol has no unit, and no state variable has one, so every rate is per time_scale by TVBO's
     * convention (a model with dimensioned states, such as an imported cell, is held to its dimensions).
     */
    static boolean isPartial(Dynamics d) {
        return d != null && !missing(d).isEmpty()
                && d.stateVariables().values().stream().allMatch(sv -> blank(sv.unit()));
    }

    /** The note a rendering in own numbers carries. */
    static String ownNumbersNote(Experiment experiment) {
        String timeScale = experiment.integration() == null ? "ms" : experiment.integration().timeScale();
        return "units are given on some symbols only and do not fit together as dimensions, so they annotate:"
                + " the model is rendered in its own numbers, as TVBO evaluates it (every quantity as written,"
                + " t and every rate in " + timeScale + ")";
    }

    private static List<String> missing(Dynamics d) {
        List<String> names = new ArrayList<>();
        d.parameters().values().forEach(p -> {
            if (blank(p.unit())) {
                names.add(p.name());
            }
        });
        d.derivedParameters().values().forEach(p -> {
            if (blank(p.unit())) {
                names.add(p.name());
            }
        });
        d.stateVariables().values().forEach(sv -> {
            if (blank(sv.unit())) {
                names.add(sv.name());
            }
        });
        d.derivedVariables().values().forEach(dv -> {
            if (blank(dv.unit())) {
                names.add(dv.name());
            }
        });
        return names;
    }

    private static boolean blank(String unit) {
        return unit == null || unit.isBlank();
    }
}
