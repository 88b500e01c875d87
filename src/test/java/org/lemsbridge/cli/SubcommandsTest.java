package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandsTest {

    @Test
    void eachEntryIsNamedAsItsCommandSays() {
        for (Subcommands.Entry entry : Subcommands.ALL) {
            Object command = entry.create().get();
            assertEquals(entry.name(), command.getClass().getAnnotation(Command.class).name());
        }
    }

    @Test
    void aNamedCommandIsTheOnlyOneModelled() {
        CommandLine top = Subcommands.addTo(new CommandLine(new LemsbridgeCommand()),
                new String[] {"simulate", "model.xml"});
        assertEquals(List.of("simulate"), List.copyOf(top.getSubcommands().keySet()));
    }

    @Test
    void helpAndMisspeltCommandsSeeEveryCommandInOrder() {
        List<String> names = Subcommands.ALL.stream().map(Subcommands.Entry::name).toList();
        for (String[] args : new String[][] {{}, {"--help"}, {"simulat"}}) {
            CommandLine top = Subcommands.addTo(new CommandLine(new LemsbridgeCommand()), args);
            assertEquals(names, List.copyOf(top.getSubcommands().keySet()));
        }
        CliRun run = CliRun.of("simulat", "x.xml");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("simulate"), run.err());
    }

    @Test
    void aXmlFileFirstMeansSimulateItAsJnmlDoes() {
        assertEquals(List.of("simulate", "LEMS_x.xml", "-nogui"), List.of(Subcommands.withJnmlShorthand(
                new String[] {"LEMS_x.xml", "-nogui"})));
        assertEquals(List.of("simulate", "dir/M.XML"), List.of(Subcommands.withJnmlShorthand(
                new String[] {"dir/M.XML"})));
        for (String[] unchanged : new String[][] {{}, {"simulate", "x.xml"}, {"validate", "x.xml"}, {"-V"},
            {"x.yaml"}, {"simulat", "x.xml"}}) {
            assertEquals(List.of(unchanged), List.of(Subcommands.withJnmlShorthand(unchanged)));
        }
        CliRun missing = CliRun.of("no-such-model.xml", "-nogui");
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().startsWith("no-such-model.xml:0:0: "), missing.err());
    }
}
