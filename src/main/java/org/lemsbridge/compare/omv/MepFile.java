package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An OMV expectations file ({@code .mep}): expected spike times per experiment. */
public record MepFile(Path path, String system, Map<String, List<Double>> expectedSpikeTimes) {

    public MepFile {
        expectedSpikeTimes = Collections.unmodifiableMap(new LinkedHashMap<>(expectedSpikeTimes));
    }

    public Optional<List<Double>> spikeTimes(String experiment) {
        return Optional.ofNullable(expectedSpikeTimes.get(experiment));
    }

    public static MepFile read(Path file) {
        Map<?, ?> root = OmvYaml.load(file);
        Map<String, List<Double>> spikeTimes = new LinkedHashMap<>();
        Map<?, ?> experiments = OmvYaml.map(root.get("experiments"), file, "experiments");
        for (Map.Entry<?, ?> experiment : experiments.entrySet()) {
            String name = String.valueOf(experiment.getKey());
            Map<?, ?> body = OmvYaml.map(experiment.getValue(), file, "experiment " + name);
            Map<?, ?> expected = OmvYaml.map(body.get("expected"), file, "expected of " + name);
            if (expected.containsKey("spike times")) {
                spikeTimes.put(name, OmvYaml.numbers(expected.get("spike times"), file, "spike times of " + name));
            }
        }
        Object system = root.get("system");
        return new MepFile(file, system == null ? "" : system.toString(), spikeTimes);
    }
}
