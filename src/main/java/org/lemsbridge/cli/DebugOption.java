package org.lemsbridge.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, shared by every command: {@link Main} reads it from picocli's parse result and then adds the stack
 * trace to an error's one line.
 */
final class DebugOption {
    @Option(names = "--debug", description = "show stack traces of errors")
    boolean debug;
}
