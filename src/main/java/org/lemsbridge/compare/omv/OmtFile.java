package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * An OMV test file ({@code .omt}): the target, engine, MEP and the spike-time observables read from trace files.
 * Observables of other kinds (spike rate, spike-time files, resting potential ...) are listed in {@code unsupported}
 * so callers can say what was skipped.
 */
public record OmtFile(Path path, String target, String engine, String mep, List<OmtObservable> observables,
                      List<String> unsupported) {

    public OmtFile {
        observables = List.copyOf(observables);
        unsupported = List.copyOf(unsupported);
    }

    /** A dry-run test (no MEP, no experiments) only checks that the engine ran. */
    public boolean isDryRun() {
        return mep == null && observables.isEmpty() && unsupported.isEmpty();
    }

    /** The MEP path resolved against this file's folder. */
    public Path mepPath() {
        return mep == null ? null : folder().resolve(mep).normalize();
    }

    public Path folder() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    public static OmtFile read(Path file) {
        Map<?, ?> root = OmvYaml.load(file);
        Object target = root.get("target");
        Object engine = root.get("engine");
        Object mep = root.get("mep");
        List<OmtObservable> observables = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        Map<?, ?> experiments = OmvYaml.map(root.get("experiments"), file, "experiments");
        for (Map.Entry<?, ?> experiment : experiments.entrySet()) {
            String name = String.valueOf(experiment.getKey());
            Map<?, ?> body = OmvYaml.map(experiment.getValue(), file, "experiment " + name);
            Map<?, ?> observed = OmvYaml.map(body.get("observables"), file, "observables of " + name);
            for (Map.Entry<?, ?> observable : observed.entrySet()) {
                String kind = String.valueOf(observable.getKey());
                Map<?, ?> spec = OmvYaml.map(observable.getValue(), file, kind + " of " + name);
                if (kind.equals("spike times") && spec.containsKey("file")) {
                    observables.add(spikeTimes(file, name, spec));
                } else {
                    unsupported.add(name + ": " + kind + (spec.containsKey("spiketimes file") ? " (spiketimes file)" : ""));
                }
            }
        }
        return new OmtFile(file, target == null ? null : target.toString(), engine == null ? null : engine.toString(),
                mep == null ? null : mep.toString(), observables, unsupported);
    }

    private static OmtObservable spikeTimes(Path file, String experiment, Map<?, ?> spec) {
        Map<?, ?> data = OmvYaml.map(spec.get("file"), file, "file of " + experiment);
        String path = OmvYaml.text(data.get("path"), file, "file path of " + experiment);
        List<Double> columns = data.containsKey("columns")
                ? OmvYaml.numbers(data.get("columns"), file, "columns of " + experiment) : List.of(0.0, 1.0);
        List<Double> scaling = data.containsKey("scaling")
                ? OmvYaml.numbers(data.get("scaling"), file, "scaling of " + experiment) : List.of(1.0, 1.0);
        if (columns.size() != 2 || scaling.size() != 2) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), experiment
                    + ": columns and scaling need two entries each (time, value)");
        }
        Map<?, ?> detection = OmvYaml.map(spec.get("spike detection"), file, "spike detection of " + experiment);
        String method = detection.containsKey("method") ? detection.get("method").toString() : "threshold";
        double threshold = detection.containsKey("threshold")
                ? OmvYaml.number(detection.get("threshold"), file, "threshold of " + experiment) : 0.0;
        Double tolerance = spec.containsKey("tolerance")
                ? OmvYaml.number(spec.get("tolerance"), file, "tolerance of " + experiment) : null;
        return new OmtObservable(experiment, path, columns.get(0).intValue(), columns.get(1).intValue(), scaling.get(0),
                scaling.get(1), method, threshold, tolerance);
    }
}
