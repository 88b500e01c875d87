package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a {@code simulate} command line says, as given (no file is looked at yet): what {@link SimulateRun} runs.
 * Both of the ways a command line is read make it — picocli's annotated {@link SimulateCommand} and
 * {@link PlainSimulateLine} for the plainest lines — so the two cannot run with different settings unnoticed
 * ({@code PlainSimulateLineTest} compares them).
 *
 * @param model      the MODEL argument
 * @param includes   each {@code -I} value as given ({@code A:B} not yet split)
 * @param outputDir  {@code -o}, or null for the working directory
 * @param seed       {@code --seed}, or null for the Simulation's own
 * @param displays   {@code --displays}
 * @param plot       {@code --plot}: null without it, empty without its DIR
 * @param confine    each {@code --confine} folder
 * @param models     {@code --models}, or null
 * @param progress   {@code --progress} (true) or {@code --no-progress} (false), or null for "when stderr is a terminal"
 * @param debug      {@code --debug}
 * @param noGui      jnml's {@code -nogui} (changes nothing)
 */
record SimulateSettings(Path model, List<String> includes, Path outputDir, Long seed, boolean displays, String plot,
        List<Path> confine, Path models, Boolean progress, boolean debug, boolean noGui) {

    SimulateSettings {
        includes = List.copyOf(includes);
        confine = List.copyOf(confine);
    }
}
