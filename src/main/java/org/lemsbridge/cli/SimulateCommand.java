package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.lemsbridge.error.IoFailure;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.suite.PlottedRun;
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
                "  lemsbridge simulate LEMS_NML2_Ex2_Izh.xml --displays -o out/",
                "  lemsbridge simulate LEMS_NML2_Ex2_Izh.xml -I ../NeuroML2CoreTypes -o out/ --plot"
                        + "      # out/plots/d1.png, d1.svg ...", ExitCodes.HELP_TEXT})
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

    @Override
    public Integer call() {
        Path folder = outputDir == null ? Path.of("").toAbsolutePath() : outputDir.toAbsolutePath();
        List<Path> folders = include.folders();
        ModelLibrary library = models.library(inputOptions.confinement());
        Optional<LemsModel> checked = Validator.of(folders).confinedTo(inputOptions.confinement()).withModels(library)
                .require(model);
        ModelRunner.LoadedModel loaded = checked.isPresent() ? new ModelRunner.LoadedModel(checked.get(), List.of())
                : ModelRunner.load(model, folders, inputOptions.confinement(), library);
        OutputFiles.createFolder(folder);
        Path plotFolder = plot == null ? null : plot.isEmpty() ? folder.resolve("plots") : Path.of(plot);
        if (plotFolder != null) {
            OutputFiles.createFolder(plotFolder);
        }
        Path displayData = displays ? folder : plotFolder != null ? temporaryFolder() : null;
        try {
            SimulationOptions options = new SimulationOptions(folder, seed).withDisplaysRecordedIn(displayData)
                    .confinedTo(inputOptions.confinement());
            PlottedRun.Result run = simulate(loaded, options, displayData, plotFolder);
            report(run.run(), displays ? null : displayData);
            if (plotFolder != null) {
                reportPictures(run.pictures());
            }
            return ExitCodes.OK;
        } finally {
            if (displayData != null && !displays) {
                OutputFiles.deleteTree(displayData);
            }
        }
    }

    private PlottedRun.Result simulate(ModelRunner.LoadedModel loaded, SimulationOptions options, Path displayData,
            Path plotFolder) {
        if (!progress.shown(stderrIsTerminal)) {
            return simulateReporting(loaded, options, displayData, plotFolder);
        }
        try (ProgressLine line = new ProgressLine(spec.commandLine().getErr())) {
            return simulateReporting(loaded, options.reportingProgressTo(line), displayData, plotFolder);
        }
    }

    /** Runs the model and, with --plot, draws its pictures: all its files are put in place together or none. */
    private PlottedRun.Result simulateReporting(ModelRunner.LoadedModel loaded, SimulationOptions options,
            Path displayData, Path plotFolder) {
        try {
            if (plotFolder == null) {
                return new PlottedRun.Result(ModelRunner.run(model, loaded, options), List.of());
            }
            return PlottedRun.run(model, loaded, options, displayData, plotFolder);
        } catch (OutputFailure e) {
            throw e.toBadInput();
        } catch (UncheckedIOException e) {
            throw IoFailure.cannotWrite(options.outputDir(), e.getCause());
        } catch (IOException e) {
            throw IoFailure.cannotWrite(plotFolder, e);
        }
    }

    private void reportPictures(List<Path> pictures) {
        PrintWriter out = spec.commandLine().getOut();
        pictures.forEach(picture -> out.println("wrote " + picture));
        if (pictures.isEmpty()) {
            spec.commandLine().getErr().println(model + ": note: nothing to plot: the Simulation has no Display,"
                    + " OutputFile or EventOutputFile");
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("lemsbridge-displays");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the Displays' data", e);
        }
    }

    /** Prints the warnings and what was written (not the Displays' data kept in {@code temporary} for the plots). */
    private void report(ModelRunner.ModelRun run, Path temporary) {
        PrintWriter err = spec.commandLine().getErr();
        run.warnings().forEach(warning -> err.println(model + ": warning: " + warning));
        PrintWriter out = spec.commandLine().getOut();
        for (SimulationResult.WrittenFile file : run.result().files()) {
            if (temporary == null || !file.path().startsWith(temporary)) {
                out.println("wrote " + file.path() + " (" + file.rows() + " rows)");
            }
        }
        for (Path report : run.result().reports()) {
            out.println("wrote " + report + " (the Target's report)");
        }
        if (run.result().files().isEmpty() && plot == null) {
            err.println(model + ": note: nothing was written: the Simulation has no OutputFile or EventOutputFile"
                    + (displays ? " and no Display" : " (jLEMS only draws Displays; --displays writes them as .dat"
                            + " files, --plot draws them)"));
        }
    }
}
