package org.lemsbridge.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import picocli.CommandLine;

/**
 * The commands under {@code lemsbridge}, in the order the help lists them. A command line that names one gets only
 * that one modelled: picocli builds each command's model by reflection over its annotations, which for all of them took
 * a good part of a short run's start-up; anything else (help, version, a misspelt command) gets them all.
 */
final class Subcommands {
    /** A command's name (as its {@code @Command} says) and a way to make its object. */
    record Entry(String name, Supplier<Object> create) {
    }

    static final List<Entry> ALL = List.of(new Entry("render", RenderCommand::new),
            new Entry("simulate", SimulateCommand::new), new Entry("compare", CompareCommand::new),
            new Entry("check", CheckCommand::new), new Entry("omv", OmvCommand::new),
            new Entry("merge", MergeCommand::new),
            new Entry("import", ImportCommand::new), new Entry("validate", ValidateCommand::new),
            new Entry("plot", PlotCommand::new), new Entry("serve", ServeCommand::new));

    private Subcommands() {
    }

    /**
     * jnml's habit {@code jnml LEMS_file.xml -nogui}: a command line whose first word is a {@code .xml} file rather
     * than a command or an option means {@code simulate} that file; any other is returned as it is.
     */
    static String[] withJnmlShorthand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || !args[0].toLowerCase(Locale.ROOT).endsWith(".xml")
                || isCommand(args[0])) {
            return args;
        }
        String[] simulate = new String[args.length + 1];
        simulate[0] = "simulate";
        System.arraycopy(args, 0, simulate, 1, args.length);
        return simulate;
    }

    /**
     * A loop, not {@code Mapped.any} with a lambda: the launcher's training runs do not reach the jnml shorthand, so a
     * lambda's class would be loaded from the jar instead of the class-data archive on every run the jnml way.
     */
    private static boolean isCommand(String word) {
        for (Entry entry : ALL) {
            if (entry.name().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Adds to {@code top} the command {@code args} names first, or every command when it names none. */
    static CommandLine addTo(CommandLine top, String[] args) {
        if (args.length > 0) {
            for (Entry entry : ALL) {
                if (entry.name().equals(args[0])) {
                    return top.addSubcommand(entry.name(), entry.create().get());
                }
            }
        }
        for (Entry entry : ALL) {
            top.addSubcommand(entry.name(), entry.create().get());
        }
        return top;
    }
}
