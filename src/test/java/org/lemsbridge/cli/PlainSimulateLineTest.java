package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@link PlainSimulateLine} reads a line only when picocli would read it the same way. */
class PlainSimulateLineTest {

    /** What picocli parses from {@code args} (as {@link Main} builds it) into simulate's settings; empty if refused. */
    static Optional<SimulateSettings> picocli(String... args) {
        CommandLine top = Subcommands.addTo(new CommandLine(new LemsbridgeCommand()), args);
        try {
            top.parseArgs(args);
        } catch (ParameterException refused) {
            return Optional.empty();
        }
        CommandLine simulate = top.getSubcommands().get("simulate");
        if (simulate == null || !top.getParseResult().hasSubcommand()
                || simulate.getParseResult().isUsageHelpRequested()
                || simulate.getParseResult().isVersionHelpRequested()) {
            return Optional.empty();
        }
        return Optional.of(simulate.<SimulateCommand>getCommand().settings());
    }

    private static void assertReadAsPicocliDoes(String... args) {
        Optional<SimulateSettings> plain = PlainSimulateLine.parse(args);
        assertTrue(plain.isPresent(), "not read: " + String.join(" ", args));
        assertEquals(picocli(args), plain, String.join(" ", args));
    }

    @Test
    void thePlainLinesGetExactlyPicocliSettings() {
        assertReadAsPicocliDoes("simulate", "LEMS_NML2_Ex2_Izh.xml", "-nogui");
        assertReadAsPicocliDoes("simulate", "LEMS_NML2_Ex2_Izh.xml");
        assertReadAsPicocliDoes("simulate", "-nogui", "dir/M.XML");
        assertReadAsPicocliDoes("simulate", "examples/izhikevich-tonic.yaml", "-o", "out");
        assertReadAsPicocliDoes("simulate", "m.xml", "-I", "core", "-o", "out/x", "-nogui");
        assertReadAsPicocliDoes("simulate", "-I", "a:b", "--include", "c", "m.xml", "--output-dir", "o");
        assertReadAsPicocliDoes("simulate", "-o", "simulate", "simulate", "-I", "simulate");
        assertReadAsPicocliDoes("simulate", "a=b.xml", "-I", "x=y", "-o", "=");
        assertReadAsPicocliDoes("simulate", "m x.xml", "-I", "my core", "-o", " ");
    }

    @Test
    void everyOtherLineIsLeftToPicocli() {
        for (String line : List.of("", "simulate", "simulate -nogui", "simulate m.xml -nogui -nogui",
                "simulate m.xml n.xml", "simulate m.xml -o a -o b", "simulate m.xml -o a --output-dir b",
                "simulate m.xml -o", "simulate m.xml -I", "simulate m.xml --debug", "simulate m.xml --seed 1",
                "simulate m.xml --plot", "simulate m.xml --displays", "simulate m.xml --progress",
                "simulate m.xml --no-progress", "simulate m.xml --confine .", "simulate m.xml --models m",
                "simulate m.xml -h", "simulate m.xml --help", "simulate m.xml -V", "simulate @args",
                "simulate m.xml -I @dirs", "simulate m.xml -o=out", "simulate m.xml -Icore", "simulate m.xml --",
                "simulate -- m.xml", "simulate - ", "simulate m.xml -o -x", "simulate m.xml -I -- -o -nogui",
                "simulate -x m.xml",
                "simulate m.xml -NOGUI", "simulate m.xml --nogui", "simulat m.xml", "validate m.xml",
                "--help", "-V", "check suite.yaml")) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            assertEquals(Optional.empty(), PlainSimulateLine.parse(args), line);
        }
        assertEquals(Optional.empty(), PlainSimulateLine.parse(new String[] {"simulate", ""}));
        assertEquals(Optional.empty(), PlainSimulateLine.parse(new String[] {"simulate", "m.xml", "-o", ""}));
        assertEquals(Optional.empty(), PlainSimulateLine.parse(new String[] {"simulate", "m\0.xml"}));
    }

    /**
     * Random lines of awkward words: whenever the plain reader takes one, picocli takes it too, with equal settings.
     * (A reader that took {@code -o} twice, a second model, {@code @file}, {@code -I} at the end, or got a default
     * other than picocli's, fails here.)
     */
    @Test
    void randomLinesTheyBothReadGetEqualSettings() {
        List<String> words = List.of("-nogui", "-I", "--include", "-o", "--output-dir", "m.xml", "n.yaml", "dir",
                "a:b", "simulate", "@x", "--", "-", "", "-x", "a=b", "-o=x", "-Ix", "--seed", "1", "--debug",
                "--progress", "--plot", "-NOGUI", "x y", ":");
        Random random = new Random(18);
        int read = 0;
        for (int line = 0; line < 20_000; line++) {
            List<String> args = new ArrayList<>(List.of("simulate"));
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                args.add(words.get(random.nextInt(words.size())));
            }
            String[] array = args.toArray(String[]::new);
            Optional<SimulateSettings> plain = PlainSimulateLine.parse(array);
            if (plain.isPresent()) {
                read++;
                assertEquals(picocli(array), plain, Arrays.toString(array));
            }
        }
        assertTrue(read > 1_000, "too few lines were plain to compare: " + read);
    }
}
