package org.lemsbridge.sim;

import java.nio.file.Path;

/**
 * How to run: {@code outputDir} is where relative output file names go (jLEMS uses the working directory);
 * {@code seedOverride}, if not null, replaces the Simulation's seed (default 1234).
 */
public record SimulationOptions(Path outputDir, Long seedOverride) {

    public static SimulationOptions defaults() {
        return new SimulationOptions(Path.of("").toAbsolutePath(), null);
    }

    public static SimulationOptions writingTo(Path outputDir) {
        return new SimulationOptions(outputDir, null);
    }
}
