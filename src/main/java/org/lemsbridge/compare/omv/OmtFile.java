package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.compare.omv.OmvYaml.Value;
import org.lemsbridge.error.BadInputException;

/**
 * An OMV test file ({@code .omt}) read the way OMV reads it: the target, the engine, the MEP file of expected values
 * and each experiment's observables. Keys OMV does not read, and OMV analyzers lemsbridge does not implement, are
 * refused by name at their line.
 */
public record OmtFile(Path path, String target, String engine, String mep, List<OmtExperiment> experiments) {

    /** OMV's analyzers that lemsbridge does not implement (no NeuroML example uses them). */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("resting", "morphology", "temperature",
            "activation variables", "input resistance", "timeseries", "dry");
    private static final Set<String> OBSERVABLES = Set.of("spike times", "spike rate", "resting", "morphology",
            "temperature", "activation variables", "input resistance", "timeseries", "dry");

    public OmtFile {
        experiments = List.copyOf(experiments);
    }

    /** A test without a MEP file only checks that the engine runs the target (OMV's dry run). */
    public boolean isDryRun() {
        return mep == null;
    }

    /** The MEP path resolved against this file's folder, or null for a dry run. */
    public Path mepPath() {
        return mep == null ? null : folder().resolve(mep).normalize();
    }

    public Path folder() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    public static OmtFile read(Path file) {
        Value root = OmvYaml.load(file);
        Map<String, Value> top = root.mapping("the OMT file");
        OmvYaml.onlyKnownKeys(top, Set.of("target", "engine", "mep", "experiments"), "an OMT file");
        String target = required(top, "target", root).text("target").strip();
        String engine = required(top, "engine", root).text("engine").strip();
        String mep = top.containsKey("mep") ? top.get("mep").text("mep").strip() : null;
        List<OmtExperiment> experiments = new ArrayList<>();
        if (mep != null) {
            Value listed = required(top, "experiments", root);
            for (Map.Entry<String, Value> experiment : listed.mapping("experiments").entrySet()) {
                experiments.add(experiment(experiment.getKey(), experiment.getValue()));
            }
        }
        return new OmtFile(file, target, engine, mep, experiments);
    }

    private static OmtExperiment experiment(String name, Value body) {
        Map<String, Value> fields = body.mapping("experiment '" + name + "'");
        OmvYaml.onlyKnownKeys(fields, Set.of("observables"), "an experiment");
        Value observables = required(fields, "observables", body);
        List<OmtObservable> read = new ArrayList<>();
        for (Map.Entry<String, Value> observable : observables.mapping("observables of " + name).entrySet()) {
            String kind = observable.getKey();
            Value spec = observable.getValue();
            if (!OBSERVABLES.contains(kind)) {
                OmvYaml.onlyKnownKeys(Map.of(kind, spec), OBSERVABLES, "observables");
            }
            if (NOT_IMPLEMENTED.contains(kind)) {
                throw new BadInputException(spec.key(), "the OMV observable '" + kind
                        + "' is not implemented by lemsbridge (only 'spike times' and 'spike rate')");
            }
            read.add(kind.equals("spike times") ? spikeTimes(spec) : spikeRate(spec));
        }
        return new OmtExperiment(name, read);
    }

    private static OmtObservable spikeTimes(Value spec) {
        Map<String, Value> fields = spec.mapping("spike times");
        OmvYaml.onlyKnownKeys(fields, Set.of("file", "spiketimes file", "spike detection", "tolerance"),
                "a 'spike times' observable");
        return new OmtObservable.SpikeTimes(source(fields, spec, "spike times"), tolerance(fields));
    }

    private static OmtObservable spikeRate(Value spec) {
        Map<String, Value> fields = spec.mapping("spike rate");
        OmvYaml.onlyKnownKeys(fields, Set.of("file", "spiketimes file", "spike detection", "method", "start_time",
                "end_time", "tolerance"), "a 'spike rate' observable");
        DataSource source = source(fields, spec, "spike rate");
        if (source instanceof DataSource.Trace) {
            throw new BadInputException(fields.get("file").key(), "OMV computes no 'spike rate' from a trace 'file'"
                    + " (its rate of detected spikes is never determined, so the test always fails)",
                    "read the spikes from a 'spiketimes file'");
        }
        OmtObservable.RateMethod method = OmtObservable.RateMethod.ISI_BASED;
        if (fields.containsKey("method")) {
            String name = fields.get("method").text("method");
            method = switch (name) {
                case "isi based" -> OmtObservable.RateMethod.ISI_BASED;
                case "duration based" -> OmtObservable.RateMethod.DURATION_BASED;
                default -> throw new BadInputException(fields.get("method").location(), "unknown rate method '" + name
                        + "' (OMV knows 'isi based' and 'duration based')");
            };
        }
        double start = fields.containsKey("start_time") ? fields.get("start_time").number("start_time") : 0;
        double end = fields.containsKey("end_time") ? fields.get("end_time").number("end_time")
                : Double.POSITIVE_INFINITY;
        return new OmtObservable.SpikeRate(source, method, start, end, tolerance(fields));
    }

    private static DataSource source(Map<String, Value> fields, Value spec, String kind) {
        boolean trace = fields.containsKey("file");
        boolean spikes = fields.containsKey("spiketimes file");
        if (trace == spikes) {
            throw new BadInputException(spec.key(), "'" + kind + "' needs exactly one of 'file' (a trace) and"
                    + " 'spiketimes file'");
        }
        if (spikes) {
            if (fields.containsKey("spike detection")) {
                throw new BadInputException(fields.get("spike detection").key(), "'spike detection' applies to a"
                        + " trace 'file', not to a 'spiketimes file'");
            }
            return spikeTimesFile(fields.get("spiketimes file"));
        }
        Value detection = fields.get("spike detection");
        if (detection == null) {
            throw new BadInputException(fields.get("file").key(), "a trace 'file' needs 'spike detection'"
                    + " (lemsbridge does not read a trace as a list of spike times)");
        }
        return trace(fields.get("file"), detection(detection));
    }

    private static DataSource.Trace trace(Value file, SpikeDetection detection) {
        Map<String, Value> fields = file.mapping("file");
        OmvYaml.onlyKnownKeys(fields, Set.of("path", "columns", "header", "scaling"), "a 'file'");
        String path = required(fields, "path", file).text("path");
        List<Integer> columns = List.of(0, 1);
        if (fields.containsKey("columns")) {
            columns = fields.get("columns").list("columns").stream().map(c -> c.integer("a column")).toList();
        }
        List<Double> scaling = fields.containsKey("scaling") ? fields.get("scaling").numbers("scaling")
                : List.of(1.0, 1.0);
        if (columns.size() != 2 || scaling.size() != 2) {
            throw new BadInputException(fields.containsKey("columns") ? fields.get("columns").location()
                    : fields.get("scaling").location(), "columns and scaling need two entries each (time, value)");
        }
        int header = fields.containsKey("header") ? fields.get("header").integer("header") : 0;
        return new DataSource.Trace(path, columns.get(0), columns.get(1), header, scaling.get(0), scaling.get(1),
                detection);
    }

    private static SpikeDetection detection(Value spec) {
        Map<String, Value> fields = spec.mapping("spike detection");
        OmvYaml.onlyKnownKeys(fields, Set.of("method", "threshold"), "'spike detection'");
        SpikeDetection.Method method = SpikeDetection.Method.THRESHOLD;
        if (fields.containsKey("method")) {
            String name = fields.get("method").text("method").strip();
            method = switch (name) {
                case "threshold" -> SpikeDetection.Method.THRESHOLD;
                case "derivative" -> SpikeDetection.Method.DERIVATIVE;
                default -> throw new BadInputException(fields.get("method").location(), "unknown spike detection"
                        + " method '" + name + "' (OMV detects by 'threshold' and 'derivative')");
            };
        }
        double threshold = fields.containsKey("threshold") ? fields.get("threshold").number("threshold") : 0;
        return new SpikeDetection(method, threshold);
    }

    private static DataSource.SpikeTimesFile spikeTimesFile(Value spec) {
        Map<String, Value> fields = spec.mapping("spiketimes file");
        OmvYaml.onlyKnownKeys(fields, Set.of("path", "format", "ids", "id", "scaling"), "a 'spiketimes file'");
        String path = required(fields, "path", spec).text("path");
        Value formatValue = required(fields, "format", spec);
        String formatName = formatValue.text("format").strip();
        if (!DataSource.SpikeTimesFile.Format.names().contains(formatName)) {
            throw new BadInputException(formatValue.location(), "unknown spike file format '" + formatName
                    + "' (OMV reads " + String.join(", ", DataSource.SpikeTimesFile.Format.names()) + ")");
        }
        String ids = fields.containsKey("ids") ? cellIds(fields.get("ids")) : "0";
        if (fields.containsKey("id")) {
            Value id = fields.get("id");
            if (!cellIds(id).equals(ids)) {
                throw new BadInputException(id.key(), "OMV does not read 'id' (it reads 'ids', here " + ids
                        + "), so this test would not check cell " + id.content(), "write 'ids: " + id.content() + "'");
            }
        }
        double scaling = fields.containsKey("scaling") ? fields.get("scaling").number("scaling") : 1.0;
        return new DataSource.SpikeTimesFile(path, DataSource.SpikeTimesFile.Format.valueOf(formatName), ids,
                scaling);
    }

    /** {@code "*"} or a cell number, written as the number it is ("0" for 0 and 0.0). */
    private static String cellIds(Value value) {
        String text = value.text("ids").strip();
        if (text.equals("*")) {
            return text;
        }
        double number = value.number("ids");
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static double tolerance(Map<String, Value> fields) {
        return fields.containsKey("tolerance") ? fields.get("tolerance").number("tolerance")
                : OmtObservable.DEFAULT_TOLERANCE;
    }

    private static Value required(Map<String, Value> fields, String key, Value owner) {
        Value value = fields.get(key);
        if (value == null) {
            throw new BadInputException(owner.key() != null ? owner.key() : owner.location(), "missing '" + key + "'");
        }
        return value;
    }
}
