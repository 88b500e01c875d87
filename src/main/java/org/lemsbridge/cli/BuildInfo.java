package org.lemsbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a report says about the lemsbridge that made it: the version Maven built, and the commit of the git checkout
 * the jar (or the classes folder) lies in, read from {@code .git} without running git; {@code unknown} when either
 * cannot be found.
 */
final class BuildInfo {

    private static final String UNKNOWN = "unknown";

    private BuildInfo() {
    }

    static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/lemsbridge/build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN);
            return version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    static String commit() {
        try {
            Path location = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = location; folder != null; folder = folder.getParent()) {
                Path git = folder.resolve(".git");
                if (Files.isDirectory(git)) {
                    return head(git).map(hash -> hash.substring(0, Math.min(12, hash.length()))).orElse(UNKNOWN);
                }
            }
        } catch (URISyntaxException | IOException | SecurityException | IllegalArgumentException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    /** The commit HEAD points at: a detached hash, a loose ref, or a packed one. */
    private static Optional<String> head(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD"), StandardCharsets.US_ASCII).trim();
        if (!head.startsWith("ref: ")) {
            return hash(head);
        }
        String ref = head.substring(5).trim();
        Path loose = git.resolve(ref).normalize();
        if (loose.startsWith(git) && Files.isRegularFile(loose)) {
            return hash(Files.readString(loose, StandardCharsets.US_ASCII).trim());
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.US_ASCII)) {
                if (line.endsWith(" " + ref)) {
                    return hash(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hash(String text) {
        return text.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? Optional.of(text) : Optional.empty();
    }

    /** The machine as a report shows it: system, architecture, cores and Java, no host name. */
    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }
}
