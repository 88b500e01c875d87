package org.lemsbridge.sim;

import java.nio.file.Path;

import org.lemsbridge.files.Confinement;

/**
 * How to run: {@code outputDir} is where relative output file names go (jLEMS uses the working directory);
 * {@code seedOverride}, if not null, replaces the Simulation's seed (default 1234); {@code recordDisplays} also
 * writes each Display's lines to {@code DISPLAY_ID.dat} in {@code outputDir}, as an OutputFile recording the same
 * quantities would (jLEMS only draws them); {@code confinement} refuses an output file (and the Target's report)
 * outside its folders.
 */
public record SimulationOptions(Path outputDir, Long seedOverride, Kernels kernels, boolean recordDisplays,
        Confinement confinement) {

    /**
     * How expressions run: as trees of small lambdas, as generated Java compiled in memory (the same operations in
     * the same order, faster for long runs; needs the JDK's compiler), or AUTO: generated when the run is long.
     */
    public enum Kernels { AUTO, LAMBDAS, GENERATED }

    public SimulationOptions {
        confinement = confinement == null ? Confinement.NONE : confinement;
    }

    public SimulationOptions(Path outputDir, Long seedOverride) {
        this(outputDir, seedOverride, Kernels.AUTO, false, Confinement.NONE);
    }

    public SimulationOptions withKernels(Kernels mode) {
        return new SimulationOptions(outputDir, seedOverride, mode, recordDisplays, confinement);
    }

    public SimulationOptions withDisplaysRecorded(boolean record) {
        return new SimulationOptions(outputDir, seedOverride, kernels, record, confinement);
    }

    public SimulationOptions confinedTo(Confinement folders) {
        return new SimulationOptions(outputDir, seedOverride, kernels, recordDisplays, folders);
    }

    public static SimulationOptions defaults() {
        return new SimulationOptions(Path.of("").toAbsolutePath(), null);
    }

    public static SimulationOptions writingTo(Path outputDir) {
        return new SimulationOptions(outputDir, null);
    }
}
