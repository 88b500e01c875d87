package org.lemsbridge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.lemsbridge.cli.CliRun;

/**
 * The promises every command keeps on any input: exit 0, 1 or 2 (never 3), no stack trace, a failure is exactly one
 * line {@code file:line:col: message} (for a file that cannot be read or written {@code PATH: cannot read: REASON}
 * or {@code cannot write}) on stderr plus at most one indented hint line, nothing is left behind in the
 * output folder when a command fails, and the user's files are not changed.
 */
final class HostileContract {

    static final Pattern ERROR_LINE = Pattern.compile("^(.+):(\\d+):(\\d+): (.+)$");
    /** A file that could not be read or written: its path, no line and column (a destination is no place in a file). */
    static final Pattern IO_FAILURE_LINE = Pattern.compile("^(.+): cannot (read|write): (.+)$");

    private HostileContract() {
    }

    static void assertKept(CliRun run) {
        String all = run.out() + run.err();
        assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, () -> "exit code must be 0, 1 or 2: " + run.describe());
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"),
                () -> "stack trace or internal error: " + run.describe());
        if (run.exitCode() == 2) {
            List<String> lines = run.errLines();
            assertTrue(lines.size() == 1 || (lines.size() == 2 && lines.get(1).startsWith("  hint: ")),
                    () -> "a failure is one line plus at most one hint line: " + run.describe());
            assertTrue(ERROR_LINE.matcher(lines.get(0)).matches() || IO_FAILURE_LINE.matcher(lines.get(0)).matches(),
                    () -> "not file:line:col: message nor PATH: cannot read|write: reason: " + run.describe());
        }
    }

    /** The line:col of the single error line, or {@code path} for a file that could not be read or written. */
    static String errorPlace(CliRun run) {
        if (IO_FAILURE_LINE.matcher(run.errLines().get(0)).matches()) {
            return "path";
        }
        Matcher matcher = ERROR_LINE.matcher(run.errLines().get(0));
        assertTrue(matcher.matches());
        return matcher.group(2) + ":" + matcher.group(3);
    }

    static void assertNoFiles(Path folder, CliRun run) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertEquals(List.of(), left, () -> "a failed command left files behind: " + run.describe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every file under {@code folder}, by path. */
    static Map<Path, String> hashes(Path folder) {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(file, sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    /** Everything written under {@code folder}, as text, to search for leaked secrets. */
    static String contents(Path folder) {
        StringBuilder text = new StringBuilder();
        if (!Files.exists(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
