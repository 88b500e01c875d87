package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.lemsbridge.error.IoFailure;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.suite.PlottedRun;
import org.lemsbridge.validate.Validator;

/**
 * What {@code simulate} does with its {@link SimulateSettings}: reads and checks the model, runs it, writes its files
 * (and with {@code --plot} its pictures) and says on {@code out} what it wrote, on {@code err} what it warns of.
 * Bad input is thrown, as from any command, for {@link ErrorReport} to print.
 */
final class SimulateRun {
    private final SimulateSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean stderrIsTerminal;

    /** {@code stderrIsTerminal}: {@code err} is the process's stderr and a terminal (progress is then shown). */
    SimulateRun(SimulateSettings settings, PrintWriter out, PrintWriter err, boolean stderrIsTerminal) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    /** Runs it; returns the exit code of success (anything else is thrown). */
    int run() {
        Path model = settings.model();
        Path folder = (settings.outputDir() == null ? Path.of("") : settings.outputDir()).toAbsolutePath();
        List<Path> folders = IncludePathOption.folders(settings.includes());
        Confinement confinement = Confinement.to(settings.confine());
        ModelLibrary library = ModelsOption.library(settings.models(), confinement);
        Optional<LemsModel> checked = Validator.of(folders).confinedTo(confinement).withModels(library).require(model);
        ModelRunner.LoadedModel loaded = checked.isPresent() ? new ModelRunner.LoadedModel(checked.get(), List.of())
                : ModelRunner.load(model, folders, confinement, library);
        OutputFiles.createFolder(folder);
        String plot = settings.plot();
        Path plotFolder = plot == null ? null : plot.isEmpty() ? folder.resolve("plots") : Path.of(plot);
        if (plotFolder != null) {
            OutputFiles.createFolder(plotFolder);
        }
        boolean displays = settings.displays();
        Path displayData = displays ? folder : plotFolder != null ? temporaryFolder() : null;
        try {
            SimulationOptions options = new SimulationOptions(folder, settings.seed())
                    .withDisplaysRecordedIn(displayData).confinedTo(confinement);
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
        if (!ProgressOption.shown(settings.progress(), stderrIsTerminal)) {
            return simulateReporting(loaded, options, displayData, plotFolder);
        }
        try (ProgressLine line = new ProgressLine(err)) {
            return simulateReporting(loaded, options.reportingProgressTo(line), displayData, plotFolder);
        }
    }

    /** Runs the model and, with --plot, draws its pictures: all its files are put in place together or none. */
    private PlottedRun.Result simulateReporting(ModelRunner.LoadedModel loaded, SimulationOptions options,
            Path displayData, Path plotFolder) {
        try {
            if (plotFolder == null) {
                return new PlottedRun.Result(ModelRunner.run(settings.model(), loaded, options), List.of());
            }
            return PlottedRun.run(settings.model(), loaded, options, displayData, plotFolder);
        } catch (OutputFailure e) {
            throw e.toBadInput();
        } catch (UncheckedIOException e) {
            throw IoFailure.cannotWrite(options.outputDir(), e.getCause());
        } catch (IOException e) {
            throw IoFailure.cannotWrite(plotFolder, e);
        }
    }

    private void reportPictures(List<Path> pictures) {
        pictures.forEach(picture -> out.println("wrote " + picture));
        if (pictures.isEmpty()) {
            err.println(settings.model() + ": note: nothing to plot: the Simulation has no Display, OutputFile or"
                    + " EventOutputFile");
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
        run.warnings().forEach(warning -> err.println(settings.model() + ": warning: " + warning));
        for (SimulationResult.WrittenFile file : run.result().files()) {
            if (temporary == null || !file.path().startsWith(temporary)) {
                out.println("wrote " + file.path() + " (" + file.rows() + " rows)");
            }
        }
        for (Path report : run.result().reports()) {
            out.println("wrote " + report + " (the Target's report)");
        }
        if (run.result().files().isEmpty() && settings.plot() == null) {
            err.println(settings.model() + ": note: nothing was written: the Simulation has no OutputFile or"
                    + " EventOutputFile" + (settings.displays() ? " and no Display" : " (jLEMS only draws Displays;"
                            + " --displays writes them as .dat files, --plot draws them)"));
        }
    }
}
