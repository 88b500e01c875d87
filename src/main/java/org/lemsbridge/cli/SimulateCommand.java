package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.validate.Validator;

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
                "  lemsbridge simulate LEMS_NML2_Ex1_HH.xml -I NeuroML2/NeuroML2CoreTypes",
                "  lemsbridge simulate LEMS_NML2_Ex2_Izh.xml --displays -o out/", ExitCodes.HELP_TEXT})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a LEMS/NeuroML .xml/.nml file or an experiment .yaml")
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

    @Mixin
    private ConfineOption confine;

    @Mixin
    private NoGuiOption noGui;

    @Mixin
    private DebugOption debugOption;

    @Override
    public Integer call() {
        Path folder = outputDir == null ? Path.of("").toAbsolutePath() : outputDir.toAbsolutePath();
        List<Path> folders = include.folders();
        Optional<LemsModel> checked = Validator.of(folders).confinedTo(confine.confinement()).require(model);
        OutputFiles.createFolder(folder);
        SimulationOptions options = new SimulationOptions(folder, seed).withDisplaysRecorded(displays)
                .confinedTo(confine.confinement());
        ModelRunner.ModelRun run;
        try {
            run = checked.isPresent()
                    ? ModelRunner.run(model, new ModelRunner.LoadedModel(checked.get(), List.of()), options)
                    : ModelRunner.run(model, folders, options);
        } catch (UncheckedIOException e) {
            throw new BadInputException(SourceLocation.unknown(model.toString()), "cannot write the output: "
                    + e.getMessage(), "check the output folder and the OutputFile names", e);
        }
        PrintWriter err = spec.commandLine().getErr();
        run.warnings().forEach(warning -> err.println(model + ": warning: " + warning));
        PrintWriter out = spec.commandLine().getOut();
        for (SimulationResult.WrittenFile file : run.result().files()) {
            out.println("wrote " + file.path() + " (" + file.rows() + " rows)");
        }
        for (Path report : run.result().reports()) {
            out.println("wrote " + report + " (the Target's report)");
        }
        if (run.result().files().isEmpty()) {
            err.println(model + ": note: nothing was written: the Simulation has no OutputFile or EventOutputFile"
                    + (displays ? " and no Display" : " (jLEMS only draws Displays; --displays writes them as .dat"
                            + " files)"));
        }
        return ExitCodes.OK;
    }
}
