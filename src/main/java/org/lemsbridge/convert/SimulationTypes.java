package org.lemsbridge.convert;

import java.util.List;
import org.lemsbridge.lems.write.LemsView.ComponentTypeDef;
import org.lemsbridge.lems.write.LemsView.DataWriterDef;
import org.lemsbridge.lems.write.LemsView.Dimensioned;
import org.lemsbridge.lems.write.LemsView.DynamicsDef;
import org.lemsbridge.lems.write.LemsView.RunDef;
import org.lemsbridge.lems.write.LemsView.SimulationDef;
import org.lemsbridge.lems.write.LemsView.StateVariableDef;
import org.lemsbridge.lems.write.LemsView.Typed;

/**
 * Our own inline definitions of the run and recording types, so the document needs no Include: a Simulation
 * running its target, an OutputFile writing its columns, and an OutputColumn recording one quantity.
 */
final class SimulationTypes {
    static final String SIMULATION = "Simulation";
    static final String OUTPUT_FILE = "OutputFile";
    static final String OUTPUT_COLUMN = "OutputColumn";

    private SimulationTypes() {
    }

    static List<ComponentTypeDef> all() {
        return List.of(simulation(), outputFile(), outputColumn());
    }

    private static ComponentTypeDef simulation() {
        DynamicsDef clock = new DynamicsDef(List.of(new StateVariableDef("t", "time", null)),
                List.of(), List.of(), List.of(), List.of(), List.of());
        return new ComponentTypeDef(SIMULATION, "Runs the target component for length, in steps of step.",
                List.of(new Dimensioned("length", "time", null), new Dimensioned("step", "time", null)),
                List.of(), List.of(new Typed("outputs", OUTPUT_FILE)), List.of(new Typed("target", "Component")),
                List.of(), List.of(), List.of(), List.of(), clock,
                new SimulationDef(List.of(), List.of(new RunDef("target", "t", "step", "length")), List.of()));
    }

    private static ComponentTypeDef outputFile() {
        return new ComponentTypeDef(OUTPUT_FILE, "A file of recorded columns, time first, in SI units.",
                List.of(), List.of(), List.of(new Typed("columns", OUTPUT_COLUMN)), List.of(), List.of(), List.of(),
                List.of(), List.of("path", "fileName"), null,
                new SimulationDef(List.of(), List.of(), List.of(new DataWriterDef("path", "fileName"))));
    }

    private static ComponentTypeDef outputColumn() {
        return new ComponentTypeDef(OUTPUT_COLUMN, "One recorded quantity.", List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("quantity"), List.of(), null,
                new SimulationDef(List.of("quantity"), List.of(), List.of()));
    }
}
