package org.lemsbridge.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code lemsbridge} in a JVM of its own (the test's class path), as the launcher would. */
final class ChildJvm {

    /** What the child did: its exit code and everything it printed. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    static ProcessBuilder builder(Path scratch, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.lemsbridge.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(scratch.resolve("child.out").toFile())
                .redirectError(scratch.resolve("child.err").toFile());
    }

    static Outcome run(Path scratch, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process process = builder(scratch, jvmOptions, args).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end within 5 minutes");
        }
        return outcome(scratch, process.exitValue());
    }

    static Outcome outcome(Path scratch, int exitCode) throws IOException {
        return new Outcome(exitCode, Files.readString(scratch.resolve("child.out"), StandardCharsets.UTF_8),
                Files.readString(scratch.resolve("child.err"), StandardCharsets.UTF_8));
    }
}
