package org.lemsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One child process run under {@code /usr/bin/time -v}: its exit code, stdout, wall and CPU seconds, peak RSS. */
record ProcessStats(int exitCode, String stdout, String stderr, double wallSeconds, double cpuSeconds, long peakRssKb) {

    private static final Path TIME = Path.of("/usr/bin/time");

    static ProcessStats run(List<String> command, Path workFolder, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, workFolder, timeoutSeconds, null);
    }

    /** As {@link #run(List, Path, long)}, in {@code directory} (null: this process's). */
    static ProcessStats run(List<String> command, Path workFolder, long timeoutSeconds, Path directory)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            full.add(TIME.toString());
            full.add("-v");
        }
        full.addAll(command);
        Path out = Files.createTempFile(workFolder, "child", ".out");
        Path err = Files.createTempFile(workFolder, "child", ".err");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        double cpu = Double.NaN;
        long rss = -1;
        if (timed) {
            double user = number(stderr, "User time (seconds):");
            double system = number(stderr, "System time (seconds):");
            cpu = user + system;
            rss = (long) number(stderr, "Maximum resident set size (kbytes):");
            double elapsed = elapsed(stderr);
            if (!Double.isNaN(elapsed)) {
                wall = elapsed;
            }
        }
        return new ProcessStats(process.exitValue(), stdout, stderr, wall, cpu, rss);
    }

    /** This run, when it exited with 0; else an exception naming {@code what} with the child's output. */
    ProcessStats checked(String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " exited with " + exitCode + ":\n" + stdout + stderr);
        }
        return this;
    }

    private static double number(String text, String label) {
        int at = text.lastIndexOf(label);
        if (at < 0) {
            return Double.NaN;
        }
        int end = text.indexOf('\n', at);
        return Double.parseDouble(text.substring(at + label.length(), end < 0 ? text.length() : end).trim());
    }

    /** "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:21.17" */
    private static double elapsed(String text) {
        String label = "Elapsed (wall clock) time (h:mm:ss or m:ss):";
        int at = text.lastIndexOf(label);
        if (at < 0) {
            return Double.NaN;
        }
        int end = text.indexOf('\n', at);
        String[] parts = text.substring(at + label.length(), end).trim().split(":");
        double seconds = 0;
        for (String part : parts) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        return seconds;
    }

    double peakRssMib() {
        return peakRssKb / 1024.0;
    }
}
