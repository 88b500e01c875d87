package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.compare.omv.OmvYaml.Value;
import org.lemsbridge.error.BadInputException;

/** An OMV expectations file ({@code .mep}): what each experiment's observables are expected to give. */
public record MepFile(Path path, String system, Map<String, Expected> experiments) {

    /** The expected values of one experiment; null where the MEP gives none (OMV: "could not determine"). */
    public record Expected(List<Double> spikeTimes, Double spikeRate) {
        public Expected {
            spikeTimes = spikeTimes == null ? null : List.copyOf(spikeTimes);
        }
    }

    private static final Set<String> OBSERVABLES = Set.of("spike times", "spike rate", "resting", "morphology",
            "temperature", "activation variables", "input resistance", "timeseries", "dry");

    public MepFile {
        experiments = Map.copyOf(experiments);
    }

    /** The expectations of {@code experiment}, empty when the MEP does not name it (OMV stops with a KeyError). */
    public Optional<Expected> experiment(String name) {
        return Optional.ofNullable(experiments.get(name));
    }

    public static MepFile read(Path file) {
        Value root = OmvYaml.load(file);
        Map<String, Value> top = root.mapping("the MEP file");
        OmvYaml.onlyKnownKeys(top, Set.of("system", "experiments"), "a MEP file");
        Value listed = top.get("experiments");
        if (listed == null) {
            throw new BadInputException(root.location(), "missing 'experiments'");
        }
        Map<String, Expected> experiments = new HashMap<>();
        for (Map.Entry<String, Value> experiment : listed.mapping("experiments").entrySet()) {
            String name = experiment.getKey();
            Map<String, Value> body = experiment.getValue().mapping("experiment " + name);
            OmvYaml.onlyKnownKeys(body, Set.of("expected"), "a MEP experiment");
            Map<String, Value> values = body.containsKey("expected") ? body.get("expected").mapping("expected")
                    : Map.of();
            OmvYaml.onlyKnownKeys(values, OBSERVABLES, "'expected'");
            Value times = values.get("spike times");
            Value rate = values.get("spike rate");
            experiments.put(name, new Expected(
                    times == null || times.content() == null ? null : times.numbers("expected spike times"),
                    rate == null || rate.content() == null ? null : rate.number("expected spike rate")));
        }
        Value system = top.get("system");
        return new MepFile(file, system == null || system.content() == null ? "" : system.text("system"),
                experiments);
    }
}
