package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./lemsbridge} launcher, run in a folder laid out like a checkout whose jar is already built, with
 * stand-in JDKs: each {@code java} logs its command line and, given {@code serve}, answers every request and writes
 * the archive it was asked to record. Which JVM runs, which archive it records and maps, and when it records again.
 */
class LauncherScriptTest {

    @TempDir
    Path folder;

    private Path checkout;
    private Path log;
    private Path jdk17;
    private Path jdk25;

    @BeforeEach
    void layOut() throws IOException {
        checkout = Files.createDirectories(folder.resolve("checkout"));
        Files.copy(Path.of("lemsbridge"), checkout.resolve("lemsbridge"));
        Files.createDirectories(checkout.resolve("target"));
        Files.writeString(checkout.resolve("target/lemsbridge.jar"), "a jar");
        log = folder.resolve("java.log");
        jdk17 = jdk("jdk-17", "17.0.15+6-Debian-1deb12u1");
        jdk25 = jdk("jdk-25", "25.0.3+9-LTS");
    }

    @Test
    void onJava25SimulateRecordsAndMapsItsOwnAheadOfTimeCache() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk25.toString()), "simulate", "model.xml"));
        List<String> calls = calls();
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith(jdk25.resolve("bin/java") + " "), calls.get(0));
        assertTrue(calls.get(0).contains(" -XX:AOTCacheOutput=" + checkout.resolve("target/archive-training.")),
                calls.get(0));
        assertTrue(calls.get(0).endsWith(" -jar " + checkout.resolve("target/lemsbridge.jar") + " serve (2 requests)"),
                calls.get(0));
        assertTrue(calls.get(1).contains(" -XX:AOTCache=" + checkout.resolve("target/lemsbridge-simulate.aot") + " "),
                calls.get(1));
        assertTrue(calls.get(1).endsWith(" -jar " + checkout.resolve("target/lemsbridge.jar") + " simulate model.xml"),
                calls.get(1));
        assertTrue(calls.get(1).contains(" -XX:+UseSerialGC "), calls.get(1));
        assertEquals(jdk25.resolve("bin/java").toRealPath() + "\t25.0.3+9-LTS",
                Files.readString(checkout.resolve("target/lemsbridge-simulate.aot.jvm")).strip());
        assertEquals(List.of("lemsbridge-simulate.aot", "lemsbridge-simulate.aot.jvm", "lemsbridge.jar"), targets());

        assertEquals(0, launch(Map.of("JAVA_HOME", jdk25.toString()), "LEMS_Ex2.xml", "-nogui"));
        assertEquals(3, calls().size(), "the archive is recorded once");
        assertTrue(calls().get(2).contains(" -XX:AOTCache=" + checkout.resolve("target/lemsbridge-simulate.aot")),
                "a LEMS file run the jnml way maps simulate's archive: " + calls().get(2));
    }

    @Test
    void transparentHugePagesAreAskedForExactlyWhereTheKernelGrantsThemOnRequest() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(setting) ? Files.readString(setting) : "";
        boolean granted = mode.contains("[always]") || mode.contains("[madvise]");
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk17.toString()), "simulate", "model.xml"));
        List<String> calls = calls();
        assertEquals(2, calls.size(), "recording the archive, then the run");
        assertEquals(granted, calls.get(1).contains(" -XX:+UseTransparentHugePages "), mode + ": " + calls.get(1));
    }

    @Test
    void aSourceNewerThanTheJarIsBuiltFirstAndOnlyThen() throws Exception {
        Path bin = Files.createDirectories(folder.resolve("maven/bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho \"mvn $*\" >> \"$LOG\"\ntouch target/lemsbridge.jar\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("JAVA_HOME", jdk17.toString(), "PATH", bin + ":" + System.getenv("PATH"));
        Path folderOfSources = Files.createDirectories(checkout.resolve("src/main/java/org/x"));
        Files.writeString(folderOfSources.resolve("Y.java"), "class Y {}");
        Files.setLastModifiedTime(checkout.resolve("target/lemsbridge.jar"), FileTime.fromMillis(
                System.currentTimeMillis() - 60_000));
        Launched built = launched(env, "--version");
        assertEquals(0, built.code(), built.output());
        assertTrue(built.output().contains("building"), built.output());
        assertEquals("mvn -q -B -DskipTests package", calls().get(0), "built first: " + calls());

        int before = calls().size();
        assertEquals(0, launch(env, "--version"));
        assertTrue(calls().subList(before, calls().size()).stream().noneMatch(c -> c.startsWith("mvn")),
                "no build when no source is newer: " + calls());

        Path hidden = Files.writeString(folderOfSources.resolve(".Z.java"), "class Z {}");
        Files.setLastModifiedTime(hidden, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        before = calls().size();
        assertEquals(0, launched(env, "--version").code());
        assertEquals("mvn -q -B -DskipTests package", calls().get(before), "a newer hidden file counts: " + calls());
    }

    @Test
    void simulatingAYamlExperimentMapsAnArchiveOfItsOwn() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk25.toString()), "simulate", "-o", "out", "experiment.yaml"));
        List<String> calls = calls();
        assertTrue(calls.get(0).endsWith(" serve (2 requests)"), calls.get(0));
        assertTrue(calls.get(1).contains(" -XX:AOTCache=" + checkout.resolve("target/lemsbridge-simulate-yaml.aot")
                + " "), calls.get(1));
        assertEquals(List.of("lemsbridge-simulate-yaml.aot", "lemsbridge-simulate-yaml.aot.jvm", "lemsbridge.jar"),
                targets());
    }

    @Test
    void theOtherCommandsHaveTheirOwnArchiveTrainedOnCompareAndCheckToo() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "suite.yaml"));
        List<String> calls = calls();
        assertTrue(calls.get(0).endsWith(" serve (5 requests)"), calls.get(0));
        assertTrue(calls.get(1).contains(" -XX:AOTCache=" + checkout.resolve("target/lemsbridge.aot") + " "),
                calls.get(1));
        assertEquals(List.of("lemsbridge.aot", "lemsbridge.aot.jvm", "lemsbridge.jar"), targets());
    }

    @Test
    void beforeJava25TheArchiveIsADynamicClassDataSharingArchiveRecordedWithoutTheJit() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk17.toString()), "simulate", "model.xml"));
        List<String> calls = calls();
        assertTrue(calls.get(0).startsWith(jdk17.resolve("bin/java") + " -Xint -XX:+UseSerialGC"
                + " -XX:ArchiveClassesAtExit=" + checkout.resolve("target/archive-training.")), calls.get(0));
        assertTrue(calls.get(1).contains(" -XX:SharedArchiveFile=" + checkout.resolve("target/lemsbridge-simulate.jsa")
                + " "), calls.get(1));
        assertFalse(calls.get(1).contains("AOT"), calls.get(1));
    }

    @Test
    void theJvmIsLemsbridgeJavaThenJavaHomeThenThePath() throws Exception {
        Map<String, String> both = Map.of("LEMSBRIDGE_JAVA", jdk17.resolve("bin/java").toString(),
                "JAVA_HOME", jdk25.toString());
        assertEquals(0, launch(both, "simulate", "model.xml"));
        assertTrue(calls().get(1).startsWith(jdk17.resolve("bin/java") + " "), calls().get(1));

        Map<String, String> onPath = new HashMap<>();
        onPath.put("PATH", jdk25.resolve("bin") + ":" + System.getenv("PATH"));
        onPath.put("JAVA_HOME", "");
        assertEquals(0, launch(onPath, "simulate", "model.xml"));
        assertTrue(calls().get(3).startsWith(jdk25.resolve("bin/java") + " "), calls().get(3));
        assertTrue(calls().get(3).contains("-XX:AOTCache="), calls().get(3));
    }

    @Test
    void anotherJvmAJvmUpdatedInPlaceOrANewerJarRecordsTheArchiveAgain() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk17.toString()), "simulate", "a.xml"));
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk17.toString()), "simulate", "a.xml"));
        assertEquals(3, calls().size());

        Path other17 = jdk("jdk-17-other", "17.0.16+8");
        assertEquals(0, launch(Map.of("JAVA_HOME", other17.toString()), "simulate", "a.xml"));
        assertEquals(5, calls().size(), "recorded again for another JVM of the same version: " + calls());
        assertEquals(other17.resolve("bin/java").toRealPath() + "\t17.0.16+8",
                Files.readString(checkout.resolve("target/lemsbridge-simulate.jsa.jvm")).strip());

        Files.writeString(other17.resolve("release"), "JAVA_RUNTIME_VERSION=\"17.0.17+10\"\n");
        Files.setLastModifiedTime(other17.resolve("release"), FileTime.fromMillis(
                Files.getLastModifiedTime(checkout.resolve("target/lemsbridge-simulate.jsa.jvm")).toMillis() + 5_000));
        assertEquals(0, launch(Map.of("JAVA_HOME", other17.toString()), "simulate", "a.xml"));
        assertEquals(7, calls().size(), "recorded again for a JVM updated in place: " + calls());
        assertEquals(other17.resolve("bin/java").toRealPath() + "\t17.0.17+10",
                Files.readString(checkout.resolve("target/lemsbridge-simulate.jsa.jvm")).strip());

        Path archive = checkout.resolve("target/lemsbridge-simulate.jsa");
        Files.setLastModifiedTime(checkout.resolve("target/lemsbridge.jar"),
                FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 10_000));
        assertEquals(0, launch(Map.of("JAVA_HOME", other17.toString()), "simulate", "a.xml"));
        assertEquals(9, calls().size(), "recorded again for a newer jar: " + calls());
    }

    @Test
    void aJvmWithoutAReleaseFileRecordsItsArchiveOnce() throws Exception {
        Path bare = jdk("jdk-bare", "1");
        Files.delete(bare.resolve("release"));
        assertEquals(0, launch(Map.of("JAVA_HOME", bare.toString()), "simulate", "a.xml"));
        assertEquals(0, launch(Map.of("JAVA_HOME", bare.toString()), "simulate", "a.xml"));
        assertEquals(3, calls().size(), calls().toString());
        assertTrue(calls().get(2).contains("-XX:SharedArchiveFile="), calls().get(2));
    }

    @Test
    void aLinkToTheLauncherRunsTheCheckoutsJar() throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("lemsbridge"), checkout.resolve("lemsbridge"));
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("lemsbridge").toString(), "simulate", "m.xml")
                .directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk17.toString());
        builder.environment().remove("LEMSBRIDGE_JAVA");
        builder.environment().put("LOG", log.toString());
        Process process = builder.start();
        assertEquals("", new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, process.waitFor());
        assertTrue(calls().get(1).endsWith(" -jar " + checkout.toRealPath().resolve("target/lemsbridge.jar")
                + " simulate m.xml"), calls().get(1));
    }

    @Test
    void aFailedTrainingLeavesNoArchiveAndTheRunGoesOnWithoutOne() throws Exception {
        assertEquals(0, launch(Map.of("JAVA_HOME", jdk25.toString(), "FAIL_A_REQUEST", "yes"), "simulate", "m.xml"));
        List<String> calls = calls();
        assertFalse(calls.get(1).contains("AOTCache"), calls.get(1));
        assertEquals(List.of("lemsbridge.jar"), targets(), "no archive, no stamp, no training folder");
    }

    @Test
    void aLauncherStoppedDuringTrainingLeavesNoTrainingFolderAndNoArchive() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(checkout.resolve("lemsbridge").toString(), "simulate", "m.xml")
                .directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove("LEMSBRIDGE_JAVA");
        builder.environment().put("JAVA_HOME", jdk17.toString());
        builder.environment().put("LOG", log.toString());
        builder.environment().put("SLOW_TRAINING", "yes");
        Process process = builder.start();
        long until = System.nanoTime() + 10_000_000_000L;
        while (targets().stream().noneMatch(name -> name.startsWith("archive-training.")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(targets().stream().anyMatch(name -> name.startsWith("archive-training.")), targets().toString());
        process.destroy();
        assertEquals(143, process.waitFor(), "SIGTERM's exit code");
        assertEquals(List.of("lemsbridge.jar"), targets(), "no training folder, no archive, no stamp");
    }

    /** A stand-in JDK: a release file giving {@code runtimeVersion} and a java that logs and plays serve. */
    private Path jdk(String name, String runtimeVersion) throws IOException {
        Path home = Files.createDirectories(folder.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_RUNTIME_VERSION=\""
                + runtimeVersion + "\"\nJAVA_VERSION=\"" + runtimeVersion.replaceAll("[+-].*", "") + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                record=""
                for a in "$@"; do
                    case "$a" in -XX:AOTCacheOutput=* | -XX:ArchiveClassesAtExit=*) record="${a#*=}" ;; esac
                done
                if [ "${@: -1}" = serve ]; then
                    [ -z "${SLOW_TRAINING:-}" ] || sleep 2
                    n=0
                    while read -r request; do
                        n=$((n + 1))
                        if [ -n "${FAIL_A_REQUEST:-}" ] && [ $n = 2 ]; then
                            echo '{"id":2,"status":2}'
                        else
                            echo '{"id":1,"status":0}'
                        fi
                    done
                    echo "$0 $* ($n requests)" >> "$LOG"
                    [ -z "$record" ] || echo archive > "$record"
                else
                    echo "$0 $*" >> "$LOG"
                fi
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private int launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Launched launched = launched(env, args);
        assertEquals("", launched.output(), "the launcher printed");
        return launched.code();
    }

    private record Launched(int code, String output) {
    }

    private Launched launched(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(checkout.resolve("lemsbridge").toString()), Stream.of(args))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove("LEMSBRIDGE_JAVA");
        builder.environment().remove("LEMSBRIDGE_JAVA_OPTS");
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("LOG", log.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Launched(process.waitFor(), output);
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<String> targets() throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("target"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
