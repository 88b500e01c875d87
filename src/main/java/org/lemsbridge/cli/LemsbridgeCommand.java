package org.lemsbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

@Command(name = "lemsbridge",
        mixinStandardHelpOptions = true,
        version = "lemsbridge 0.1.0",
        description = "Moves neuron models between TVBO experiment YAML and LEMS/NeuroML, simulates LEMS with"
                + " jLEMS semantics, and compares traces against references.",
        subcommands = {RenderCommand.class, SimulateCommand.class, CompareCommand.class, CheckCommand.class,
                OmvCommand.class, ImportCommand.class, ValidateCommand.class, PlotCommand.class},
        footer = ExitCodes.HELP_TEXT)
public final class LemsbridgeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see --help)");
    }
}
