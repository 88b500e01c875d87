package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.lemsbridge.testing.SharedFolder;

/**
 * Runs the Python package's tests ({@code python/tests}, standard-library unittest, no network) against the jar that
 * {@code package} built: {@code mvn -B verify} runs it after the jar exists. Skipped, with a message, without python3.
 */
class PythonPackageIT {
    private static final long LIMIT_MINUTES = 20;

    @Test
    void thePythonPackagesTestsPassAgainstTheJar() throws IOException, InterruptedException {
        assumeTrue(runs("python3", "--version"), "python3 is not on the PATH: the Python package's tests are skipped");
        Path jar = Path.of(System.getProperty("lemsbridge.jar", "target/lemsbridge.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the Python tests with mvn -B verify");

        ProcessBuilder tests = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-t", ".", "-v")
                .directory(Path.of("python").toFile()).redirectErrorStream(true);
        tests.environment().put("LEMSBRIDGE_JAR", jar.toString());
        tests.environment().put("LEMSBRIDGE_SHARED", SharedFolder.location().toString());
        tests.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        tests.environment().remove("LEMSBRIDGE_SERVE");
        Process process = tests.start();
        StringBuffer output = new StringBuffer();
        Thread echo = new Thread(() -> echo(process, output), "python-test-output");
        echo.start();
        boolean finished = process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        echo.join();
        assertTrue(finished, "the Python tests took more than " + LIMIT_MINUTES + " minutes:\n" + output);
        assertEquals(0, process.exitValue(), "the Python tests failed:\n" + output);
    }

    /** Copies the tests' output to this JVM's stdout (which Maven shows) as it comes, and keeps it for the message. */
    private static void echo(Process process, StringBuffer output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("[python] " + line);
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            output.append("(output lost: ").append(e.getMessage()).append(")\n");
        }
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
