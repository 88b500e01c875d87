package org.lemsbridge.cli;

import org.lemsbridge.files.BuildInfo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The top command; {@link Subcommands} adds the commands under it. */
@Command(name = "lemsbridge",
        mixinStandardHelpOptions = true,
        versionProvider = LemsbridgeCommand.Version.class,
        description = {"Moves neuron models between TVBO experiment YAML and LEMS/NeuroML, simulates LEMS with"
                + " jLEMS semantics, and compares traces against references.",
            "As with jnml, 'lemsbridge LEMS_file.xml -nogui' (a .xml file first) is short for 'lemsbridge simulate"
                + " LEMS_file.xml -nogui'."},
        footer = ExitCodes.HELP_TEXT)
public final class LemsbridgeCommand implements Runnable {

    /** The version and the git commit the jar was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().describe()};
        }
    }

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see --help)");
    }
}
