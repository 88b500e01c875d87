package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Checks an OMT's observables against its MEP the way OMV's analyzers do: spike times detected in a trace (by
 * threshold or derivative) or read from a spike-times file for one cell, and spike rates of the cells of a
 * spike-times file (ISI or duration based, within a time range), each judged by {@link OmvComparison}.
 */
public final class OmvCheck {

    private OmvCheck() {
    }

    /** Runs every observable of {@code omtFile} on data files relative to it (a finished run's outputs). */
    public static List<OmvResult> run(Path omtFile) {
        OmtFile omt = OmtFile.read(omtFile);
        if (omt.isDryRun()) {
            throw new BadInputException(SourceLocation.unknown(omt.path().toString()),
                    "no mep: this is a dry-run test, there are no expectations to check");
        }
        return run(omt, MepFile.read(omt.mepPath()), written -> omt.folder().resolve(written).normalize());
    }

    /**
     * Runs every observable of {@code omt} against {@code mep}; {@code dataFiles} maps a data path written in the OMT
     * to the file to read.
     */
    public static List<OmvResult> run(OmtFile omt, MepFile mep, Function<String, Path> dataFiles) {
        List<OmvResult> results = new ArrayList<>();
        for (OmtExperiment experiment : omt.experiments()) {
            MepFile.Expected expected = mep.experiment(experiment.name()).orElseThrow(() -> new BadInputException(
                    SourceLocation.unknown(mep.path().toString()), "no experiment '" + experiment.name()
                    + "' (the OMT file " + omt.path().getFileName() + " checks it)"));
            for (OmtObservable observable : experiment.observables()) {
                Path data = dataFiles.apply(observable.source().path());
                results.add(observable instanceof OmtObservable.SpikeTimes times
                        ? spikeTimes(experiment.name(), times, data, expected)
                        : spikeRate(experiment.name(), (OmtObservable.SpikeRate) observable, data, expected));
            }
        }
        return results;
    }

    private static OmvResult spikeTimes(String experiment, OmtObservable.SpikeTimes observable, Path data,
                                        MepFile.Expected expected) {
        double tolerance = observable.tolerance();
        List<Double> observed;
        if (observable.source() instanceof DataSource.Trace trace) {
            double[][] columns = OmvData.trace(data, trace);
            observed = new ArrayList<>();
            for (int row : trace.detection().rows(columns[1])) {
                observed.add(columns[0][row]);
            }
        } else {
            Map<Double, List<Double>> cells = OmvData.spikes(data, (DataSource.SpikeTimesFile) observable.source());
            if (cells.size() != 1) {
                return OmvComparison.undetermined(experiment, observable.kind(), "observed", tolerance, data
                        .getFileName() + " holds spikes of " + cells.size() + " cells, OMV wants exactly one");
            }
            observed = cells.values().iterator().next();
        }
        if (expected.spikeTimes() == null) {
            return OmvComparison.undetermined(experiment, observable.kind(), "expected", tolerance,
                    "the MEP gives no spike times");
        }
        boolean observedList = observable.source() instanceof DataSource.SpikeTimesFile;
        return OmvComparison.compare(experiment, observable.kind(), observed, expected.spikeTimes(), tolerance,
                observedList, true);
    }

    private static OmvResult spikeRate(String experiment, OmtObservable.SpikeRate observable, Path data,
                                       MepFile.Expected expected) {
        Map<Double, List<Double>> cells = OmvData.spikes(data, (DataSource.SpikeTimesFile) observable.source());
        double total = 0;
        for (List<Double> spikes : cells.values()) {
            total += rate(spikes, observable);
        }
        double observed = cells.isEmpty() ? 0 : total / cells.size();
        if (expected.spikeRate() == null) {
            return OmvComparison.undetermined(experiment, observable.kind(), "expected", observable.tolerance(),
                    "the MEP gives no spike rate");
        }
        return OmvComparison.compare(experiment, observable.kind(), List.of(observed), List.of(expected.spikeRate()),
                observable.tolerance(), false, false);
    }

    /** OMV's {@code _get_single_spike_rate}. */
    static double rate(List<Double> spikes, OmtObservable.SpikeRate observable) {
        double start = observable.start();
        double end = observable.end();
        if (observable.method() == OmtObservable.RateMethod.DURATION_BASED) {
            long inside = spikes.stream().filter(s -> s >= start && s <= end).count();
            return inside / (end - start);
        }
        int intervals = 0;
        double sum = 0;
        for (int i = 0; i + 1 < spikes.size(); i++) {
            double first = spikes.get(i);
            double next = spikes.get(i + 1);
            if (next >= start && next <= end && first >= start && first <= end) {
                intervals++;
                sum += next - first;
            }
        }
        return intervals > 0 ? intervals / sum : 0;
    }
}
