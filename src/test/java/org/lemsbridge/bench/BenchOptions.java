package org.lemsbridge.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code --option value} pairs a bench main is given and the settings every one of them shares: the project
 * ({@code --project}, default the current folder), the shared folder ({@code --shared}, default {@code ../shared}
 * beside the project), the work folder ({@code --work}, default a new temporary folder, removed at the end), how often each measurement
 * runs ({@code --repeat}) and this JVM's {@code java}, which runs the measured child processes.
 */
record BenchOptions(Map<String, String> given, Path project, Path shared, Path work, boolean workIsTemporary,
        int repeat, String java) {

    /** Reads {@code args}; {@code workPrefix} names the temporary work folder, {@code repeat} is the default. */
    static BenchOptions parse(String[] args, String workPrefix, int repeat) throws IOException {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("an option without a value: " + args[args.length - 1]);
        }
        Map<String, String> given = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        Path project = Path.of(given.getOrDefault("project", ".")).toAbsolutePath().normalize();
        Path shared = Path.of(given.getOrDefault("shared", project.resolve("../shared").toString())).toAbsolutePath()
                .normalize();
        Path work = given.containsKey("work") ? Files.createDirectories(Path.of(given.get("work")).toAbsolutePath())
                : Files.createTempDirectory(workPrefix);
        int runs = Integer.parseInt(given.getOrDefault("repeat", String.valueOf(repeat)));
        return new BenchOptions(given, project, shared, work, !given.containsKey("work"), runs,
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Removes the work folder when it is the temporary one (a {@code --work} folder is the user's, and stays). */
    void removeTemporaryWork() throws IOException {
        if (workIsTemporary) {
            deleteTree(work);
        }
    }

    /** Deletes {@code folder} and everything below it (symbolic links themselves, not what they point to). */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    String get(String option, String fallback) {
        return given.getOrDefault(option, fallback);
    }

    boolean has(String option) {
        return given.containsKey(option);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
