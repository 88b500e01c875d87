package org.lemsbridge.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commonest {@code simulate} lines read without picocli, whose model of the annotated commands costs a short run
 * tens of milliseconds of start-up: {@code simulate MODEL} with at most one {@code -nogui}, any number of
 * {@code -I DIR} or {@code --include DIR} and at most one {@code -o DIR} or {@code --output-dir DIR}, in any order,
 * each value a separate plain word (not empty, not starting with {@code -} or picocli's {@code @} of an argument
 * file). Any other line, and any line while a {@code picocli.*} system property could change how picocli reads it,
 * is not read here but by picocli, as are all help, version and usage errors.
 */
final class PlainSimulateLine {
    private PlainSimulateLine() {
    }

    /** The settings picocli would parse from {@code args}, or empty when {@code args} is not a line read here. */
    static Optional<SimulateSettings> parse(String[] args) {
        if (args.length < 2 || !args[0].equals("simulate") || picocliConfigured()) {
            return Optional.empty();
        }
        String model = null;
        String outputDir = null;
        boolean noGui = false;
        List<String> includes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-nogui" -> {
                    if (noGui) {
                        return Optional.empty();
                    }
                    noGui = true;
                }
                case "-I", "--include" -> {
                    if (++i == args.length || !isPlainWord(args[i])) {
                        return Optional.empty();
                    }
                    includes.add(args[i]);
                }
                case "-o", "--output-dir" -> {
                    if (outputDir != null || ++i == args.length || !isPlainWord(args[i])) {
                        return Optional.empty();
                    }
                    outputDir = args[i];
                }
                default -> {
                    if (model != null || !isPlainWord(arg)) {
                        return Optional.empty();
                    }
                    model = arg;
                }
            }
        }
        if (model == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SimulateSettings(Path.of(model), includes,
                    outputDir == null ? null : Path.of(outputDir), null, false, null, List.of(), null, null, false,
                    noGui));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlainWord(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /** Whether a system property of picocli's own ({@code picocli.trace}, {@code picocli.trimQuotes}, ...) is set. */
    private static boolean picocliConfigured() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
