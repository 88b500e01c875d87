package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.SharedFolder;

/**
 * What a simulation's start-up leaves out (issue 18): on Java 17, linking an {@code invokedynamic} call site through
 * {@code LambdaMetafactory} costs about 0.3 ms each and the first about 10 ms, so the path from the command line to
 * the written files uses no lambda the JDK would link: ours are classes of their own (the DesugarLambdas build step),
 * and the JDK's own, behind streams, regular expressions and {@code ProcessHandle}, are not reached. A fresh JVM
 * without class-data sharing names every class the JDK spins for a lambda in its class-loading log
 * ({@code Owner$$Lambda$N/0x...}); there must be none.
 */
class StartupPathTest {

    private static final String HINT = "lambda classes spun on a simulation's start-up path: the JDK's own, behind a"
            + " stream, a regular expression or ProcessHandle (write a loop, util.Mapped, or compile it when first"
            + " needed), or one of ours the build did not turn into a class (DesugarLambdas); README, 'Start-up'";

    @TempDir
    Path folder;

    @Test
    void simulatingTheBundledEx2LinksNoLambda() throws Exception {
        Path out = Files.createDirectories(folder.resolve("out"));
        assertEquals(List.of(), spunLambdas(Path.of("").toAbsolutePath(), "simulate",
                Path.of("examples/ex2-izhikevich/Ex2_Izh.xml").toAbsolutePath().toString(), "-o", out.toString()),
                HINT);
        assertTrue(Files.size(out.resolve("Ex2_Izh_allcells.dat")) > 1_000_000);
    }

    @Test
    void neuroMlsEx2RunTheJnmlWayFromItsFolderLinksNoLambda() throws Exception {
        Path upstream = SharedFolder.file("reference-data/Ex2_Izh/LEMS_NML2_Ex2_Izh.xml");
        Path coreTypes = SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes");
        Path model = folder.resolve("model");
        Files.createDirectories(model);
        Files.copy(upstream, model.resolve("LEMS_NML2_Ex2_Izh.xml"));
        try (var files = Files.list(coreTypes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Files.copy(file, model.resolve(file.getFileName()));
            }
        }
        assertEquals(List.of(), spunLambdas(model, "LEMS_NML2_Ex2_Izh.xml", "-nogui"), HINT);
        assertTrue(Files.size(model.resolve("Ex2_Izh_allcells.dat")) > 1_000_000);
    }

    /** Runs lemsbridge with {@code arguments} in a fresh JVM in {@code workingFolder}; the lambda classes it spun. */
    private List<String> spunLambdas(Path workingFolder, String... arguments) throws IOException, InterruptedException {
        Path log = folder.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(folder.resolve("stdout.txt").toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(folder.resolve("stdout.txt")));
        List<String> spun = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains("$$Lambda$") && line.matches(".*\\$\\$Lambda\\$\\d+/0x.*")) {
                spun.add(line.replaceAll(".*\\] ", "").replaceAll(" source:.*", ""));
            }
        }
        assertTrue(Files.readString(log).contains("org.lemsbridge.cli.Main"), "the log names loaded classes");
        return spun;
    }
}
