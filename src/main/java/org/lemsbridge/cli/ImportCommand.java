package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;

import org.lemsbridge.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import",
        description = {"Import a LEMS/NeuroML model as TVBO experiment YAML: one file <population>_<index>.yaml per"
                + " member of the network the Simulation targets, the cell flattened with its inputs folded in.",
                "Conductance-based cells (pointCellCondBased, single-compartment cell) are flattened with their"
                        + " channels, gates and rates, in jLEMS's order of evaluation. Regimes are encoded exactly"
                        + " where jLEMS's step order allows. Members that cannot be imported exactly"
                        + " (multi-compartment cells, kinetic schemes, synaptic connections, inputs with their own"
                        + " dynamics) are reported one per line as file:line:col: message, and the"
                        + " exit code is then 1."},
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  lemsbridge import examples/ex2-izhikevich/Ex2_Izh.xml -o imported/",
                "  lemsbridge import LEMS_NML2_Ex1_HH.xml -o imported/   (writes hhpop_0.yaml: v, na_m_q, na_h_q, k_n_q, ...)",
                "  lemsbridge import LEMS_NML2_Ex2_Izh.xml -I NeuroML2/NeuroML2CoreTypes -o imported/",
                ExitCodes.HELP_TEXT})
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "a LEMS/NeuroML .xml/.nml file with a <Target>")
    private Path model;

    @Mixin
    private IncludePathOption include;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", required = true,
            description = "folder for the YAML experiments (created if missing)")
    private Path outputDir;

    @Mixin
    private ModelInputOptions inputOptions;

    @Override
    public Integer call() {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw IoFailure.cannotWrite(outputDir, "is a file, not a folder");
        }
        // the checks validate runs: what validate passes, import reads
        LemsModel lems = Validator.of(include.folders()).confinedTo(inputOptions.confinement()).require(model)
                .orElseGet(() -> LemsReader.read(model, include.folders(), inputOptions.confinement()));
        ImportResult result = LemsToExperiment.convert(lems, model.toString());
        PrintWriter err = spec.commandLine().getErr();
        result.problems().forEach(problem -> ErrorReport.print(problem, err));
        List<OutputFiles.Text> files = result.members().stream().map(member -> new OutputFiles.Text(
                outputDir.resolve(member.stem() + ".yaml"), ExperimentWriter.write(member.experiment()))).toList();
        OutputFiles.writeAll(files);
        PrintWriter out = spec.commandLine().getOut();
        files.forEach(file -> out.println("wrote " + file.file()));
        if (result.members().isEmpty() && result.problems().isEmpty()) {
            err.println(model + ": the simulated network has no members to import");
        }
        return result.problems().isEmpty() && !result.members().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
