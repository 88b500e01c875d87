package org.lemsbridge.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.lemsbridge.files.FloatText;

/**
 * Compares {@link FloatText} with {@link Float#toString(float)} for every one of the 2^32 float bit patterns (run it
 * on JDK 17, whose output FloatText reproduces). Prints progress, the number of mismatches, the first few and the
 * time taken; exits with status 1 when any differ.
 *
 * <p>Usage: {@code FloatTextExhaustive [--threads N] [--stride S] [--dump FILE]}: {@code --stride} checks every S-th
 * pattern only (a quick sample), {@code --dump} writes every mismatch to FILE.
 */
public final class FloatTextExhaustive {

    private static final int CHUNKS = 256;
    private static final long CHUNK_SIZE = (1L << 32) / CHUNKS;
    private static final int SHOWN = 20;

    private FloatTextExhaustive() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int stride = 1;
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--stride" -> stride = Integer.parseInt(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.println("java " + Runtime.version() + ", " + threads + " threads, stride " + stride);
        PrintWriter dumpWriter = dump == null ? null : new PrintWriter(Files.newBufferedWriter(dump));
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong checked = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        int step = stride;
        Runnable worker = () -> {
            byte[] text = new byte[FloatText.MAX_LENGTH + 16];
            for (int chunk; (chunk = nextChunk.getAndIncrement()) < CHUNKS; ) {
                long first = chunk * CHUNK_SIZE;
                long count = 0;
                for (long bits = first; bits < first + CHUNK_SIZE; bits += step) {
                    float value = Float.intBitsToFloat((int) bits);
                    String expected = Float.toString(value);
                    int length = FloatText.write(value, text, 0);
                    count++;
                    if (!same(expected, text, length)) {
                        long n = mismatches.incrementAndGet();
                        String line = String.format("%08x %s expected %s got %s", bits, value, expected,
                                new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII));
                        if (n <= SHOWN) {
                            System.out.println("MISMATCH " + line);
                        }
                        if (dumpWriter != null) {
                            synchronized (dumpWriter) {
                                dumpWriter.println(line);
                            }
                        }
                    }
                }
                checked.addAndGet(count);
                int finished = done.incrementAndGet();
                if (finished % 16 == 0) {
                    System.out.printf("%3d/%d chunks, %,d checked, %,d mismatches, %.0f s%n", finished, CHUNKS,
                            checked.get(), mismatches.get(), (System.nanoTime() - start) / 1e9);
                }
            }
        };
        Thread[] pool = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            pool[i] = new Thread(worker, "exhaustive-" + i);
            pool[i].start();
        }
        for (Thread thread : pool) {
            thread.join();
        }
        if (dumpWriter != null) {
            dumpWriter.close();
        }
        System.out.printf("checked %,d bit patterns: %,d mismatches in %.1f s%n", checked.get(), mismatches.get(),
                (System.nanoTime() - start) / 1e9);
        System.exit(mismatches.get() == 0 ? 0 : 1);
    }

    private static boolean same(String expected, byte[] text, int length) {
        if (expected.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (expected.charAt(i) != text[i]) {
                return false;
            }
        }
        return true;
    }
}
