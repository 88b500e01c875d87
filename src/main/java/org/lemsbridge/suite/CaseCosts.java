package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.lemsbridge.compare.omv.OmtFile;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.Structure;
import org.lemsbridge.lems.TargetRun;

/**
 * An estimate of what each case of a suite costs to run, for {@link ShardPlan}: the seconds an earlier report
 * recorded for it, or else the components its model instantiates times the steps it takes (cells x steps). When
 * some cases have recorded times and others not, the others' cells x steps are turned into seconds at the rate the
 * timed cases ran at. A model that cannot be read costs the median of the others (it will fail in its shard anyway).
 */
public final class CaseCosts {

    /** Deeper component nesting than this is not followed (the reader bounds it well below). */
    private static final int MAX_DEPTH = 200;
    private static final double MAX_COUNT = 1e15;

    /**
     * The costs, in suite order, and what they are based on.
     *
     * @param basis {@code cells x steps}, {@code recorded times}, or both with the number of untimed cases
     */
    public record Costs(List<Double> values, String basis) {
        public Costs {
            values = List.copyOf(values);
        }
    }

    private CaseCosts() {
    }

    /** Costs of {@code suite}'s cases, using {@code recordedSeconds} (by case name; may be empty) where known. */
    public static Costs of(Suite suite, Map<String, Double> recordedSeconds) {
        List<SuiteCase> cases = suite.cases();
        boolean allTimed = cases.stream().allMatch(c -> isTime(recordedSeconds.get(c.name())));
        if (allTimed) {
            return new Costs(cases.stream().map(c -> recordedSeconds.get(c.name())).toList(), "recorded times");
        }
        List<Double> cellSteps = new ArrayList<>();
        for (SuiteCase c : cases) {
            OptionalDouble estimate = cellSteps(c);
            cellSteps.add(estimate.isPresent() ? estimate.getAsDouble() : Double.NaN);
        }
        double median = median(cellSteps);
        cellSteps.replaceAll(v -> Double.isNaN(v) ? median : v);
        long untimed = cases.stream().filter(c -> !isTime(recordedSeconds.get(c.name()))).count();
        if (untimed == cases.size()) {
            return new Costs(cellSteps, "cells x steps");
        }
        double timedSeconds = 0;
        double timedCellSteps = 0;
        for (int i = 0; i < cases.size(); i++) {
            Double seconds = recordedSeconds.get(cases.get(i).name());
            if (isTime(seconds)) {
                timedSeconds += seconds;
                timedCellSteps += cellSteps.get(i);
            }
        }
        double rate = timedCellSteps > 0 ? timedSeconds / timedCellSteps : 0;
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Double seconds = recordedSeconds.get(cases.get(i).name());
            values.add(isTime(seconds) ? seconds : cellSteps.get(i) * rate);
        }
        return new Costs(values, "recorded times, cells x steps for " + untimed + " untimed case"
                + (untimed == 1 ? "" : "s"));
    }

    /** The components {@code suiteCase}'s model instantiates times its steps; empty when it cannot be read. */
    public static OptionalDouble cellSteps(SuiteCase suiteCase) {
        return suiteCase.model() == null ? omtCellSteps(suiteCase.omtFile(), suiteCase.includePath(),
                suiteCase.confinement()) : modelCellSteps(suiteCase.model(), suiteCase.includePath(),
                suiteCase.confinement(), suiteCase.models());
    }

    /**
     * The cells x steps of each OMV test's target, in order ({@code omv --shard}): 0 for a test of an engine
     * lemsbridge does not stand in for (it is skipped), the others' median for one that cannot be read.
     */
    public static List<Double> ofOmvTests(List<Path> omtFiles, List<Path> includePath, Confinement confinement) {
        List<Double> costs = new ArrayList<>();
        for (Path omt : omtFiles) {
            OptionalDouble estimate = omtCellSteps(omt, includePath, confinement);
            costs.add(estimate.isPresent() ? estimate.getAsDouble() : Double.NaN);
        }
        double median = median(costs);
        costs.replaceAll(v -> Double.isNaN(v) ? median : v);
        return costs;
    }

    private static OptionalDouble omtCellSteps(Path omtFile, List<Path> includePath, Confinement confinement) {
        try {
            OmtFile omt = OmtFile.read(omtFile);
            if (!OmvRunner.standsInFor(omt.engine())) {
                return OptionalDouble.of(0);
            }
            if (omt.target() == null) {
                return OptionalDouble.empty();
            }
            return modelCellSteps(omt.folder().resolve(omt.target().trim()).normalize(), includePath, confinement,
                    ModelLibrary.NONE);
        } catch (RuntimeException unreadable) { // only an estimate: the test reports the problem when it runs
            return OptionalDouble.empty();
        }
    }

    private static OptionalDouble modelCellSteps(Path model, List<Path> includePath, Confinement confinement,
            ModelLibrary models) {
        try {
            LemsModel lems = ModelRunner.load(model, includePath, confinement, models).model();
            TargetRun run = lems.targetRun().orElse(null);
            if (run == null || !(run.step().si() > 0) || !(run.length().si() > 0)) {
                return OptionalDouble.empty();
            }
            double steps = Math.rint(run.length().si() / run.step().si());
            Component target = run.target() == null ? null : lems.component(run.target()).orElse(null);
            double cells = target == null ? 1 : instances(lems, target, 0);
            return OptionalDouble.of(Math.min(MAX_COUNT, cells) * steps);
        } catch (RuntimeException unreadable) { // only an estimate: the case reports the problem when it runs
            return OptionalDouble.empty();
        }
    }

    /**
     * The instances {@code component} makes: itself, its nested components and what its Structure builds
     * (ChildInstance, MultiInstantiate, an EventConnection's receiver).
     */
    private static double instances(LemsModel model, Component component, int depth) {
        if (depth > MAX_DEPTH) {
            return 1;
        }
        double count = 1;
        for (Component child : component.children()) {
            count += instances(model, child, depth + 1);
        }
        for (Structure.Item item : component.type().structure().items()) {
            if (item instanceof Structure.ChildInstance child) {
                count += referenced(model, component, child.component(), depth);
            } else if (item instanceof Structure.MultiInstantiate multi) {
                double number = component.value(multi.number()).orElse(0.0);
                double each = multi.componentType() != null ? 1 : referenced(model, component, multi.component(),
                        depth);
                count += Math.max(0, Math.rint(number)) * each;
            } else if (item instanceof Structure.EventConnection connection && connection.receiver() != null) {
                count += referenced(model, component, connection.receiver(), depth);
            }
            if (count > MAX_COUNT) {
                return MAX_COUNT;
            }
        }
        return count;
    }

    private static double referenced(LemsModel model, Component holder, String reference, int depth) {
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        return holder.textOrAttribute(name).flatMap(model::component)
                .map(c -> instances(model, c, depth + 1)).orElse(1.0);
    }

    private static boolean isTime(Double seconds) {
        return seconds != null && seconds >= 0 && Double.isFinite(seconds);
    }

    private static double median(List<Double> values) {
        double[] known = values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray();
        if (known.length == 0) {
            return 1;
        }
        Arrays.sort(known);
        return known.length % 2 == 1 ? known[known.length / 2]
                : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
    }
}
