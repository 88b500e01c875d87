package org.lemsbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The heap and JIT options the {@code ./lemsbridge} launcher passes (keep in step with it and with the Python
 * package).
 */
final class LauncherFlags {

    /**
     * C2 started ten times later than by default, and in the middle of a call only after 10 000 000 back-edges except
     * in the run's step loop and the .dat formatter; the generated stepping code at the JDK's thresholds, its parts
     * compiled each on its own (the launcher's {@code delayed_c2} and {@code generated_c2}).
     */
    static final List<String> DELAYED_C2 = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=10000000", "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.sim.Simulator::run,0.04",
            "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.trace.DatWriter::format,0.04",
            "-XX:CompileCommand=CompileThresholdScaling,org.lemsbridge.sim.GeneratedClass$Code*::*,0.1",
            "-XX:CompileCommand=dontinline,org.lemsbridge.sim.GeneratedClass$Code*::part*");

    /**
     * The young generation capped at 80 MB (the launcher's {@code young}), and transparent huge pages where the
     * kernel grants them on request (its {@code huge_pages}).
     */
    static final List<String> YOUNG_GENERATION = hugePages().isEmpty() ? List.of("-XX:MaxNewSize=80m")
            : List.of("-XX:MaxNewSize=80m", hugePages());

    private static String hugePages() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]") ? "-XX:+UseTransparentHugePages" : "";
        } catch (java.io.IOException | SecurityException e) {
            return "";
        }
    }

    /**
     * The options that map the launcher's archive beside {@code jar} for a run on this JVM, or none when it has not
     * been recorded: simulate's own ({@code simulate}) or the other commands', an ahead-of-time cache from Java 25 on,
     * else a class-data-sharing archive.
     */
    static List<String> archive(Path jar, boolean simulate) {
        String name = simulate ? "lemsbridge-simulate" : "lemsbridge";
        if (Runtime.version().feature() >= 25) {
            Path cache = jar.resolveSibling(name + ".aot");
            return Files.exists(cache) ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off") : List.of();
        }
        Path archive = jar.resolveSibling(name + ".jsa");
        return Files.exists(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                : List.of();
    }

    private LauncherFlags() {
    }
}
