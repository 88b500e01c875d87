package org.lemsbridge.compare.omv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lemsbridge.compare.Numbers;
import org.lemsbridge.compare.SpikeTrain;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * Checks expected spike times against a trace with OMV's rules: threshold detection on the first sample with
 * {@code v[i-1] <= θ < v[i]} (no interpolation), numpy {@code allclose(observed, expected, rtol=tolerance)} with
 * atol 1e-8, a length mismatch fails whatever the tolerance, and the default tolerance is 0.1.
 */
public final class OmvCheck {

    /** numpy's default atol, which OMV leaves in place. */
    public static final double OMV_ATOL = 1e-8;

    private OmvCheck() {
    }

    /** Detects spikes in {@code values} (after scaling) and compares their times with {@code expected}. */
    public static OmvResult checkSpikeTimes(String experiment, double[] time, double[] values, double timeScaling,
                                            double valueScaling, double threshold, List<Double> expected,
                                            double tolerance) {
        double[] t = new double[time.length];
        double[] v = new double[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = time[i] * timeScaling;
            v[i] = values[i] * valueScaling;
        }
        return compareSpikeTimes(experiment, SpikeTrain.detect(t, v, threshold).times(), expected, tolerance);
    }

    /** OMV's {@code compare_arrays} on two lists of spike times. */
    public static OmvResult compareSpikeTimes(String experiment, List<Double> observed, List<Double> expected,
                                              double tolerance) {
        List<SpikeDifference> differing = new ArrayList<>();
        if (observed.size() != expected.size()) {
            int common = Math.min(observed.size(), expected.size());
            for (int i = common; i < Math.max(observed.size(), expected.size()); i++) {
                differing.add(new SpikeDifference(i, i < expected.size() ? expected.get(i) : Double.NaN,
                        i < observed.size() ? observed.get(i) : Double.NaN, Double.NaN));
            }
            String message = experiment + ": FAIL: " + observed.size() + " spikes observed, " + expected.size()
                    + " expected (a length mismatch fails whatever the tolerance)";
            return new OmvResult(experiment, expected, observed, tolerance, false, 0.0, differing, message);
        }
        double best = 0;
        for (int i = 0; i < expected.size(); i++) {
            double exp = expected.get(i);
            double obs = observed.get(i);
            double delta = Math.abs(obs - exp);
            double relative = delta / Math.abs(exp);
            if (Double.isNaN(relative)) {
                relative = delta == 0 ? 0 : Double.POSITIVE_INFINITY;
            }
            best = Math.max(best, relative);
            if (!(delta <= OMV_ATOL + tolerance * Math.abs(exp))) {
                differing.add(new SpikeDifference(i, exp, obs, relative));
            }
        }
        boolean passed = differing.isEmpty();
        String message;
        if (passed) {
            message = experiment + ": PASS: " + expected.size() + " spikes within tolerance " + Numbers.format(tolerance)
                    + " (a tighter tolerance would be " + best + ")";
        } else {
            SpikeDifference first = differing.get(0);
            message = experiment + ": FAIL: " + differing.size() + " of " + expected.size() + " spikes outside tolerance "
                    + Numbers.format(tolerance) + ", first #" + (first.index() + 1) + " observed " + first.observed()
                    + " expected " + first.expected() + "; a better tolerance to try is: " + best;
        }
        return new OmvResult(experiment, expected, observed, tolerance, passed, best, differing, message);
    }

    /** Runs every spike-times observable of {@code omtFile}, reading data files relative to it. */
    public static List<OmvResult> run(Path omtFile) {
        OmtFile omt = OmtFile.read(omtFile);
        return run(omt, readMep(omt), written -> omt.folder().resolve(written).normalize());
    }

    /**
     * Runs every spike-times observable of {@code omt} against {@code mep}; {@code dataFiles} maps the data path
     * written in the OMT to the file to read (a {@code .gz} beside a missing file is used instead).
     */
    public static List<OmvResult> run(OmtFile omt, MepFile mep, Function<String, Path> dataFiles) {
        List<OmvResult> results = new ArrayList<>();
        for (OmtObservable observable : omt.observables()) {
            if (!observable.method().equals("threshold")) {
                throw new BadInputException(SourceLocation.unknown(omt.path().toString()), observable.experiment()
                        + ": spike detection method '" + observable.method() + "' is not supported (only threshold)");
            }
            Trace trace = TraceReader.read(existing(dataFiles.apply(observable.dataFile())), List.of());
            results.add(check(observable, trace, mep));
        }
        return results;
    }

    /**
     * Checks one observable against a trace already in memory (say, a simulation just run): the OMT's column
     * indices count the time column as 0, as in the file the trace came from.
     */
    public static OmvResult check(OmtObservable observable, Trace trace, MepFile mep) {
        List<Double> expected = mep.spikeTimes(observable.experiment()).orElseThrow(() -> new BadInputException(
                SourceLocation.unknown(mep.path().toString()), "no expected spike times for experiment '"
                        + observable.experiment() + "'"));
        double[] time = column(trace, observable.timeColumn(), observable);
        double[] values = column(trace, observable.valueColumn(), observable);
        return checkSpikeTimes(observable.experiment(), time, values, observable.timeScaling(),
                observable.valueScaling(), observable.threshold(), expected, observable.effectiveTolerance());
    }

    private static MepFile readMep(OmtFile omt) {
        if (omt.mepPath() == null) {
            throw new BadInputException(SourceLocation.unknown(omt.path().toString()),
                    "no mep: this is a dry-run test, there are no expectations to check");
        }
        return MepFile.read(omt.mepPath());
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            Path gz = path.resolveSibling(path.getFileName() + ".gz");
            if (Files.exists(gz)) {
                return gz;
            }
        }
        return path;
    }

    private static double[] column(Trace trace, int index, OmtObservable observable) {
        if (index == 0) {
            return trace.time();
        }
        if (index < 0 || index > trace.columnCount()) {
            throw new BadInputException(SourceLocation.unknown(trace.source()), observable.experiment() + ": column "
                    + index + " does not exist (" + (trace.columnCount() + 1) + " columns, time included)");
        }
        return trace.values(index - 1);
    }
}
