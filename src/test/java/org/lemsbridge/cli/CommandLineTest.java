package org.lemsbridge.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/**
 * What tests that run command lines one after another share: a scratch folder of their own, and the last run kept
 * (its stderr makes a failed assertion's message).
 */
abstract class CommandLineTest {
    @TempDir
    Path folder;

    CliRun last;

    /** Runs {@code args} as a command line, keeps it as {@link #last}, and returns its exit code. */
    int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }
}
