package org.lemsbridge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

import org.lemsbridge.cli.CliRun;

/**
 * Fuzzes every command with generated LEMS documents, YAML experiments and expressions, asserting the hostile-input
 * contract of {@link HostileContract} and that each command finishes within {@link #PER_COMMAND_MILLIS}.
 *
 * <p>The short profile (the jqwik properties, a few hundred inputs) runs with the normal tests. The long profile
 * runs {@code lemsbridge.fuzz.tries} inputs, half LEMS and half YAML:
 * {@code mvn -B test -Dtest=HostileInputFuzzTest -Dlemsbridge.fuzz.tries=100000}
 */
class HostileInputFuzzTest {

    static final String TRIES_PROPERTY = "lemsbridge.fuzz.tries";
    static final long PER_COMMAND_MILLIS = 10_000;

    @Provide
    Arbitrary<String> lemsDocuments() {
        return HostileInputs.lemsDocuments();
    }

    @Provide
    Arbitrary<String> experiments() {
        return HostileInputs.experiments();
    }

    @Property(tries = 100)
    void everyCommandKeepsTheContractOnGeneratedLems(@ForAll("lemsDocuments") String document) {
        checkLems(document);
    }

    @Property(tries = 100)
    void everyCommandKeepsTheContractOnGeneratedExperiments(@ForAll("experiments") String document) {
        checkExperiment(document);
    }

    @Test
    void longProfile() {
        String tries = System.getProperty(TRIES_PROPERTY);
        assumeTrue(tries != null && !tries.isBlank(), "long fuzz profile: set -D" + TRIES_PROPERTY + "=100000");
        long count = Long.parseLong(tries.trim());
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        Iterator<String> lems = HostileInputs.lemsDocuments().sampleStream().iterator();
        Iterator<String> yaml = HostileInputs.experiments().sampleStream().iterator();
        for (long i = 0; i < count; i++) {
            int command = (int) ((i / 2) % 3);
            if (i % 2 == 0) {
                checkLemsWith(lems.next(), command);
            } else {
                checkExperimentWith(yaml.next(), command);
            }
            if (done.incrementAndGet() % 5000 == 0) {
                System.out.printf("fuzz: %d of %d inputs kept the contract (%.0f s)%n", done.get(), count,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        assertEquals(count, done.get());
        System.out.printf("fuzz: all %d inputs kept the contract (%.0f s)%n", count, (System.nanoTime() - started) / 1e9);
    }

    static void checkLems(String document) {
        inFolder("model.xml", document, (model, out) -> {
            CliRun validated = run(List.of("validate", model.toString()));
            run(List.of("validate", "--format", "json", model.toString()));
            CliRun simulated = run(List.of("simulate", model.toString(), "-o", out.toString()));
            if (validated.exitCode() != 0) {
                assertTrue(simulated.exitCode() == 2, () -> "simulate ran what validate refused: "
                        + simulated.describe() + "\n" + validated.describe());
            }
            if (simulated.exitCode() != 0) {
                HostileContract.assertNoFiles(out, simulated);
            }
        });
    }

    /** The long profile runs one command per input, in turn: 0 validate, 1 validate --format json / render, 2 simulate. */
    static void checkLemsWith(String document, int command) {
        inFolder("model.xml", document, (model, out) -> {
            List<String> args = switch (command) {
                case 0 -> List.of("validate", model.toString());
                case 1 -> List.of("validate", "--format", "json", model.toString());
                default -> List.of("simulate", model.toString(), "-o", out.toString());
            };
            CliRun run = run(args);
            if (run.exitCode() != 0) {
                HostileContract.assertNoFiles(out, run);
            }
        });
    }

    static void checkExperimentWith(String document, int command) {
        inFolder("experiment.yaml", document, (model, out) -> {
            List<String> args = switch (command) {
                case 0 -> List.of("validate", model.toString());
                case 1 -> List.of("render", model.toString(), "-o", out.resolve("model.xml").toString());
                default -> List.of("simulate", model.toString(), "-o", out.toString());
            };
            CliRun run = run(args);
            if (run.exitCode() != 0) {
                HostileContract.assertNoFiles(out, run);
            }
        });
    }

    static void checkExperiment(String document) {
        inFolder("experiment.yaml", document, (model, out) -> {
            CliRun validated = run(List.of("validate", model.toString()));
            CliRun rendered = run(List.of("render", model.toString(), "-o", out.resolve("model.xml").toString()));
            if (rendered.exitCode() != 0) {
                HostileContract.assertNoFiles(out, rendered);
            }
            if (validated.exitCode() == 0) {
                CliRun simulated = run(List.of("simulate", model.toString(), "-o", out.resolve("run").toString()));
                if (simulated.exitCode() != 0) {
                    HostileContract.assertNoFiles(out.resolve("run"), simulated);
                }
            }
        });
    }

    private static CliRun run(List<String> args) {
        CliRun run = assertTimeoutPreemptively(Duration.ofMillis(PER_COMMAND_MILLIS), () -> CliRun.of(args),
                () -> "hangs: " + String.join(" ", args) + "\n" + args.stream().filter(a -> a.contains("/in/"))
                        .map(a -> readQuietly(Path.of(a))).findFirst().orElse(""));
        HostileContract.assertKept(run);
        assertTrue(run.millis() < PER_COMMAND_MILLIS, () -> "took " + run.millis() + " ms: " + run.describe());
        return run;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "(input not readable: " + e.getMessage() + ")";
        }
    }

    private interface Check {
        void run(Path model, Path out);
    }

    /** Writes the document into a fresh folder, runs the check, asserts the document is unchanged, cleans up. */
    private static void inFolder(String name, String document, Check check) {
        Path root = null;
        try {
            root = Files.createTempDirectory("lemsbridge-fuzz");
            Path in = Files.createDirectory(root.resolve("in"));
            Path out = Files.createDirectory(root.resolve("out"));
            Path model = Files.write(in.resolve(name), document.getBytes(StandardCharsets.UTF_8));
            Map<Path, String> before = HostileContract.hashes(in);
            check.run(model, out);
            assertEquals(before, HostileContract.hashes(in), "the input was changed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(root);
        }
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
