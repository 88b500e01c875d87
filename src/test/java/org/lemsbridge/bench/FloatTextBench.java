package org.lemsbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.lemsbridge.files.FloatText;

/**
 * Throughput of {@link FloatText#write} against {@code StringBuilder.append(float)} plus copying the chars to bytes
 * (what DatWriter did before), on the first 720 000 values of the Ex2_Izh reference outputs, each followed by a TAB.
 * Cold: the first pass in a fresh JVM (7 JVMs per formatter, median). Warm: the best and median of 30 passes.
 *
 * <p>Usage, from the project root: {@code FloatTextBench [DIR]} (DIR holds {@code Ex2_Izh_allcells.dat.gz} and
 * {@code Ex2_Izh_displays.dat.gz}; default {@code reference-data/Ex2_Izh}).
 */
public final class FloatTextBench {

    private static final int VALUES = 720_000;
    private static final int COLD_RUNS = 7;
    private static final int WARM_PASSES = 30;

    private FloatTextBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--cold")) {
            float[] values = load(Path.of(args[2]));
            boolean fast = args[1].equals("fast");
            long start = System.nanoTime();
            long check = fast ? passFast(values, new byte[1 << 16]) : passJdk(values, new byte[1 << 16]);
            long elapsed = System.nanoTime() - start;
            System.out.println(elapsed + " " + check);
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "reference-data/Ex2_Izh");
        float[] values = load(dir);
        System.out.printf("java %s, %,d values%n", Runtime.version(), values.length);
        sameBytes(values);
        for (String mode : new String[] {"jdk", "fast"}) {
            long[] nanos = new long[COLD_RUNS];
            for (int i = 0; i < COLD_RUNS; i++) {
                nanos[i] = coldRun(mode, dir);
            }
            Arrays.sort(nanos);
            System.out.printf("cold %-4s median %6.1f ms  %,12.0f floats/s   (runs: %s ms)%n", mode,
                    nanos[COLD_RUNS / 2] / 1e6, values.length / (nanos[COLD_RUNS / 2] / 1e9), millis(nanos));
        }
        long[] jdk = new long[WARM_PASSES];
        long[] fast = new long[WARM_PASSES];
        byte[] buffer = new byte[1 << 16];
        long check = 0;
        for (int i = 0; i < WARM_PASSES; i++) {
            long t0 = System.nanoTime();
            check += passJdk(values, buffer);
            long t1 = System.nanoTime();
            check += passFast(values, buffer);
            long t2 = System.nanoTime();
            jdk[i] = t1 - t0;
            fast[i] = t2 - t1;
        }
        for (String mode : new String[] {"jdk", "fast"}) {
            long[] nanos = mode.equals("jdk") ? jdk : fast;
            Arrays.sort(nanos);
            System.out.printf("warm %-4s best %6.1f ms  %,12.0f floats/s, median %6.1f ms  %,12.0f floats/s%n", mode,
                    nanos[0] / 1e6, values.length / (nanos[0] / 1e9), nanos[WARM_PASSES / 2] / 1e6,
                    values.length / (nanos[WARM_PASSES / 2] / 1e9));
        }
        System.out.println("(checksum " + check + ")");
    }

    /** Formats every value and a TAB into a 64 KiB buffer that is reused when full; returns a checksum. */
    static long passFast(float[] values, byte[] buffer) {
        long sum = 0;
        int at = 0;
        for (float value : values) {
            if (at > buffer.length - FloatText.MAX_LENGTH - 1) {
                sum += at + buffer[at - 2];
                at = 0;
            }
            at = FloatText.write(value, buffer, at);
            buffer[at++] = '\t';
        }
        return sum + at;
    }

    static long passJdk(float[] values, byte[] buffer) {
        StringBuilder text = new StringBuilder(32);
        long sum = 0;
        int at = 0;
        for (float value : values) {
            if (at > buffer.length - FloatText.MAX_LENGTH - 1) {
                sum += at + buffer[at - 2];
                at = 0;
            }
            text.setLength(0);
            text.append(value);
            int length = text.length();
            for (int i = 0; i < length; i++) {
                buffer[at + i] = (byte) text.charAt(i);
            }
            at += length;
            buffer[at++] = '\t';
        }
        return sum + at;
    }

    private static void sameBytes(float[] values) {
        byte[] a = new byte[FloatText.MAX_LENGTH * values.length + values.length];
        byte[] b = new byte[a.length];
        if (passFast(values, a) != passJdk(values, b) || !Arrays.equals(a, b)) {
            throw new IllegalStateException("FloatText and StringBuilder.append(float) differ on these values");
        }
    }

    private static long coldRun(String mode, Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), FloatTextBench.class.getName(), "--cold", mode, dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold run failed: " + output);
        }
        return Long.parseLong(output.split(" ")[0]);
    }

    private static String millis(long[] nanos) {
        StringBuilder out = new StringBuilder();
        for (long n : nanos) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%.1f", n / 1e6));
        }
        return out.toString();
    }

    private static float[] load(Path dir) throws IOException {
        List<String> fields = new ArrayList<>();
        for (String name : new String[] {"Ex2_Izh_allcells.dat.gz", "Ex2_Izh_displays.dat.gz"}) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(dir.resolve(name))), StandardCharsets.US_ASCII))) {
                for (String line; (line = reader.readLine()) != null && fields.size() < VALUES; ) {
                    for (String field : line.split("\t")) {
                        if (!field.isEmpty() && fields.size() < VALUES) {
                            fields.add(field);
                        }
                    }
                }
            }
        }
        float[] values = new float[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(fields.get(i));
        }
        return values;
    }
}
