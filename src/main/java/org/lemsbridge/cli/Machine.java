package org.lemsbridge.cli;

/** The machine as a report shows it: system, architecture, cores and Java, no host name. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
