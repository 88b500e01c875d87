package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate",
        description = {"Simulate a LEMS/NeuroML file or a YAML experiment with jLEMS 0.11.1 semantics.",
                "Writes each OutputFile as a jLEMS .dat (float32, SI units, time first) plus a NAME.dat.json sidecar"
                        + " naming every column, and each EventOutputFile in its format."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge simulate examples/ex2-izhikevich/Ex2_Izh.xml -o out/",
                "  lemsbridge simulate examples/izhikevich-tonic.yaml -o out/",
                "  lemsbridge simulate tvbo/database/models/JansenRit.yaml -o out/      # one node, TVBO's defaults",
                "  lemsbridge simulate LEMS_NML2_Ex1_HH.xml -I NeuroML2/NeuroML2CoreTypes",
                "  lemsbridge simulate LEMS_NML2_Ex2_Izh.xml --displays -o out/",
                "  lemsbridge simulate LEMS_NML2_Ex2_Izh.xml -I ../NeuroML2CoreTypes -o out/ --plot"
                        + "      # out/plots/d1.png, d1.svg ...", ExitCodes.HELP_TEXT})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a LEMS/NeuroML .xml/.nml file, an experiment .yaml,"
            + " or a model file of TVBO's database (run with TVBO's default integration)")
    private Path model;

    @Mixin
    private IncludePathOption include;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR",
            description = "folder for relative output file names (default: the working directory, as jLEMS)")
    private Path outputDir;

    @Option(names = "--seed", description = "override the Simulation's random seed")
    private Long seed;

    @Option(names = "--displays", description = "also write each Display as DISPLAY_ID.dat in the output folder"
            + " (time and one column per Line, SI units, as an OutputFile of the same quantities); jLEMS only draws"
            + " them")
    private boolean displays;

    @Option(names = "--plot", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "also draw each Display (or, without Displays, each OutputFile's columns grouped by unit) and"
                    + " each EventOutputFile (as a raster) as PNG and SVG in DIR (default: plots/ in the output"
                    + " folder)")
    private String plot;

    @Mixin
    private ModelInputOptions inputOptions;

    @Mixin
    private ModelsOption models;

    @Mixin
    private ProgressOption progress;

    private boolean stderrIsTerminal;

    /** Set by {@link Main} when stderr is the process's own and a terminal: progress is then shown by default. */
    void stderrIsTerminal(boolean terminal) {
        this.stderrIsTerminal = terminal;
    }

    /** The settings picocli parsed into this command's options. */
    SimulateSettings settings() {
        return new SimulateSettings(model, include.given(), outputDir, seed, displays, plot,
                inputOptions.confineFolders(), models.folder(), progress.progress, inputOptions.debug(),
                inputOptions.noGui());
    }

    @Override
    public Integer call() {
        return new SimulateRun(settings(), spec.commandLine().getOut(), spec.commandLine().getErr(), stderrIsTerminal)
                .run();
    }
}
