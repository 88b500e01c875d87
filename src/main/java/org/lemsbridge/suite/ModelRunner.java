package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.RenderResult;
import org.lemsbridge.convert.RenderedNames;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationException;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.sim.Simulator;

/**
 * Simulates a model file: LEMS/NeuroML directly, a YAML experiment through its rendered LEMS (in memory), so both
 * paths share one set of semantics.
 */
public final class ModelRunner {

    /** What a run wrote, plus the warnings of the YAML -> LEMS step (empty for LEMS input). */
    public record ModelRun(SimulationResult result, List<String> warnings) {
        public ModelRun {
            warnings = List.copyOf(warnings);
        }
    }

    private ModelRunner() {
    }

    /** Reads (and for YAML renders) a model into the resolved LEMS model the simulator runs. */
    public static LoadedModel load(Path model, List<Path> includePath) {
        return load(model, includePath, Confinement.NONE);
    }

    /** As {@link #load(Path, List)}, refusing an include found outside {@code confinement}. */
    public static LoadedModel load(Path model, List<Path> includePath, Confinement confinement) {
        return load(model, includePath, confinement, ModelLibrary.NONE);
    }

    /** As {@link #load(Path, List, Confinement)}; a YAML experiment finds a model it refers to in {@code models}. */
    public static LoadedModel load(Path model, List<Path> includePath, Confinement confinement, ModelLibrary models) {
        if (!ExperimentReader.isExperimentFile(model)) {
            return new LoadedModel(LemsReader.read(model, includePath, confinement), List.of());
        }
        Experiment experiment = ExperimentReader.read(model, models);
        RenderResult rendered = new ExperimentToLems().render(experiment);
        Path folder = model.toAbsolutePath().getParent();
        LemsModel lems = LemsReader.read(rendered.xml(), model.toString(), folder, includePath, confinement);
        Map<String, SourceLocation> states = new LinkedHashMap<>();
        if (experiment.dynamics() != null) {
            experiment.dynamics().stateVariables().forEach((name, state) -> states.put(name, state.location()));
        }
        return new LoadedModel(lems, rendered.warnings(), rendered.declaredUnits(), states);
    }

    /**
     * Loads and simulates {@code model}. A run that blows up (NaN or infinity) is the model's problem, reported like
     * bad input: one line naming the variable, instance, time and step, with a hint. The options' confinement
     * applies to includes as well as to output files.
     */
    public static ModelRun run(Path model, List<Path> includePath, SimulationOptions options) {
        return run(model, includePath, options, ModelLibrary.NONE);
    }

    /** As {@link #run(Path, List, SimulationOptions)}; a YAML experiment finds a model it refers to in {@code models}. */
    public static ModelRun run(Path model, List<Path> includePath, SimulationOptions options, ModelLibrary models) {
        return run(model, load(model, includePath, options.confinement(), models), options);
    }

    /** Simulates a model already loaded from {@code model} (say, by the validator that checked it). */
    public static ModelRun run(Path model, LoadedModel loaded, SimulationOptions options) {
        try {
            SimulationResult result = Simulator.build(loaded.model(), options.withDeclaredUnits(loaded.declaredUnits()))
                    .run();
            return new ModelRun(result, loaded.warnings());
        } catch (SimulationException e) {
            throw stopped(model, loaded, e);
        }
    }

    /**
     * A run that stopped, at the user's own line: a YAML experiment's state variable, under the name written there
     * ({@code E}, not the rendered {@code E_sv}); a LEMS model's component whose instance failed.
     */
    private static BadInputException stopped(Path model, LoadedModel loaded, SimulationException e) {
        SourceLocation unknown = SourceLocation.unknown(model.toString());
        if (!loaded.fromExperiment()) {
            return new BadInputException(e.component() != null ? e.component() : unknown, "simulation stopped: "
                    + e.getMessage(), e.hint(), e);
        }
        String name = RenderedNames.userName(e.variable()).orElse(e.variable());
        SourceLocation at = loaded.experimentStates().get(name);
        return new BadInputException(at != null ? at : unknown, "simulation stopped: " + e.messageNaming(name),
                e.hint(), e);
    }

    /**
     * A model ready to simulate, the conversion warnings that came with it, and (a YAML model rendered in its own
     * numbers) the units its YAML declares for the recorded quantities, which the trace's sidecar carries.
     */
    public record LoadedModel(LemsModel model, List<String> warnings, Map<String, String> declaredUnits,
            Map<String, SourceLocation> experimentStates) {
        public LoadedModel {
            warnings = List.copyOf(warnings);
            declaredUnits = Map.copyOf(declaredUnits);
            experimentStates = experimentStates == null ? null : Map.copyOf(experimentStates);
        }

        public LoadedModel(LemsModel model, List<String> warnings) {
            this(model, warnings, Map.of(), null);
        }

        /** Rendered from a YAML experiment, whose state variables are then where {@link #experimentStates} says. */
        public boolean fromExperiment() {
            return experimentStates != null;
        }
    }
}
