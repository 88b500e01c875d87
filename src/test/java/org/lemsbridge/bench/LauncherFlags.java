package org.lemsbridge.bench;

import java.util.List;

/** The JIT options the {@code ./lemsbridge} launcher passes (keep in step with it and with the Python package). */
final class LauncherFlags {

    /** C2 started ten times later than by default (the launcher's {@code delayed_c2}). */
    static final List<String> DELAYED_C2 = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    private LauncherFlags() {
    }
}
