package org.lemsbridge.cli;

import picocli.CommandLine.Option;

/** jnml's {@code -nogui}: lemsbridge never opens a window, so it is accepted and changes nothing. */
final class NoGuiOption {
    @Option(names = "-nogui", hidden = true, description = "accepted for jnml compatibility; there is no GUI")
    boolean noGui;
}
