package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.ExperimentToNeuroMl;
import org.lemsbridge.convert.RenderResult;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Staging;

import org.lemsbridge.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render",
        description = "Render a TVBO experiment YAML into a self-contained LEMS document that jLEMS runs unchanged.",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge render examples/izhikevich-tonic.yaml -o tonic.xml",
                "  lemsbridge render model.yaml            (prints the LEMS to stdout)",
                "  lemsbridge render --neuroml examples/izhikevich-tonic.yaml -o LEMS_tonic.xml", ExitCodes.HELP_TEXT})
final class RenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT.yaml", description = "the experiment to render (or a model file"
            + " of TVBO's database, as one node with TVBO's default integration)")
    private Path experiment;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.xml", description = "where to write the LEMS (default: stdout)")
    private Path output;

    @Option(names = "--neuroml", description = "write idiomatic NeuroML (core cell and input elements, a network, "
            + "Includes of the core types) when the dynamics is a NeuroML core type; otherwise warn and write the "
            + "custom ComponentType")
    private boolean neuroml;

    @Mixin
    private ModelInputOptions inputOptions;

    @Mixin
    private ModelsOption models;

    @Override
    public Integer call() {
        try (Staging staging = Staging.create()) {
            if (output != null) {
                refuseOverwritingTheExperiment();
                OutputFiles.reserve(staging, output);
            }
            // the checks validate runs (the renderer's own among them): what validate passes, render writes
            ModelLibrary library = models.library(inputOptions.confinement());
            Validator.of(List.of()).confinedTo(inputOptions.confinement()).withModels(library).require(experiment);
            Experiment read = ExperimentReader.read(experiment, library);
            RenderResult result = neuroml ? new ExperimentToNeuroMl().render(read) : new ExperimentToLems().render(read);
            PrintWriter err = spec.commandLine().getErr();
            result.warnings().forEach(warning -> err.println(experiment + ": warning: " + warning));
            if (output == null) {
                spec.commandLine().getOut().print(result.xml());
            } else {
                OutputFiles.writeAll(staging, List.of(new OutputFiles.Text(output, result.xml())));
                err.println("wrote " + output);
            }
            return ExitCodes.OK;
        }
    }

    private void refuseOverwritingTheExperiment() {
        try {
            if (Files.exists(output) && Files.exists(experiment) && Files.isSameFile(output, experiment)) {
                throw new BadInputException(SourceLocation.unknown(output.toString()), "will not overwrite the"
                        + " experiment being rendered: give another -o file");
            }
        } catch (IOException e) {
            // not the same file as far as can be told: the write reports its own failure
        }
    }
}
