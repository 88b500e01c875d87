package org.lemsbridge.error;

import java.util.Locale;

/**
 * One line for what ends a command that is neither bad input nor a verdict: the JVM running out of heap or stack, or
 * any other {@link Throwable} (a bug). Every command reports it the same way and with the same exit code.
 */
public final class Crash {

    private static final long MIB = 1024 * 1024;

    private Crash() {
    }

    /** {@code out of memory: ...}, {@code stack overflow: ...} or {@code internal error: ...}, on one line. */
    public static String describe(Throwable crash) {
        Throwable cause = resourceCause(crash);
        if (cause instanceof OutOfMemoryError oom) {
            long heap = Runtime.getRuntime().maxMemory() / MIB;
            String kind = oom.getMessage() == null ? "" : " (" + oom.getMessage() + ")";
            return "out of memory" + kind + ": the run needs more than the Java heap of " + heap + " MiB; run it with"
                    + " a larger heap, e.g. LEMSBRIDGE_JAVA_OPTS=-Xmx" + suggestedHeap(heap);
        }
        if (cause instanceof StackOverflowError) {
            return "stack overflow: the input nests deeper than lemsbridge can follow (a bug: a depth limit is"
                    + " missing; please report it with --debug output)";
        }
        return "internal error: " + oneLine(crash.toString());
    }

    /** True for running out of heap or stack, also when it is the cause of another exception. */
    public static boolean isResourceExhaustion(Throwable crash) {
        return resourceCause(crash) != null;
    }

    private static Throwable resourceCause(Throwable crash) {
        for (Throwable t = crash; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return t;
            }
        }
        return null;
    }

    private static String suggestedHeap(long heapMib) {
        long doubled = Math.max(2 * heapMib, 1024);
        return doubled % 1024 == 0 ? doubled / 1024 + "g" : String.format(Locale.ROOT, "%dm", doubled);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
