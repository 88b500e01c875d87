package org.lemsbridge.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, shared by every command. {@link Main} reads it from the raw arguments (it must know before picocli
 * parses anything); declaring it here makes picocli accept and document it.
 */
final class DebugOption {
    @Option(names = "--debug", description = "show stack traces of errors")
    boolean debug;
}
