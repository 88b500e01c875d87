package org.lemsbridge.sim;

import java.nio.file.Path;

/**
 * How to run: {@code outputDir} is where relative output file names go (jLEMS uses the working directory);
 * {@code seedOverride}, if not null, replaces the Simulation's seed (default 1234); {@code displayFolder}, if not
 * null, is where each Display's lines are also written, as {@code DISPLAY_ID.dat} with a sidecar, as an OutputFile
 * recording the same quantities would (jLEMS only draws them).
 */
public record SimulationOptions(Path outputDir, Long seedOverride, Kernels kernels, Path displayFolder) {

    /**
     * How expressions run: as trees of small lambdas, as generated Java compiled in memory (the same operations in
     * the same order, faster for long runs; needs the JDK's compiler), or AUTO: generated when the run is long.
     */
    public enum Kernels { AUTO, LAMBDAS, GENERATED }

    public SimulationOptions(Path outputDir, Long seedOverride) {
        this(outputDir, seedOverride, Kernels.AUTO, null);
    }

    public SimulationOptions withKernels(Kernels mode) {
        return new SimulationOptions(outputDir, seedOverride, mode, displayFolder);
    }

    /** Displays written to the output folder ({@code record} true) or not at all. */
    public SimulationOptions withDisplaysRecorded(boolean record) {
        return new SimulationOptions(outputDir, seedOverride, kernels, record ? outputDir : null);
    }

    /** Displays written to {@code folder}. */
    public SimulationOptions withDisplaysRecordedIn(Path folder) {
        return new SimulationOptions(outputDir, seedOverride, kernels, folder);
    }

    public boolean recordDisplays() {
        return displayFolder != null;
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(Path.of("").toAbsolutePath(), null);
    }

    public static SimulationOptions writingTo(Path outputDir) {
        return new SimulationOptions(outputDir, null);
    }
}
