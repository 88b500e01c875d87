package org.lemsbridge.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build is: the project version and the git commit it was built from, as the build recorded them in
 * {@code org/lemsbridge/build.properties} ("unknown" outside a git checkout; {@code dirty} when the working tree had
 * uncommitted changes to tracked files).
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    private static final String RESOURCE = "/org/lemsbridge/build.properties";

    /** The simulator's name as reports and file-name placeholders give it. */
    public static final String NAME = "lemsbridge";

    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("version", "unknown"), properties.getProperty("commit", "unknown"),
                Boolean.parseBoolean(properties.getProperty("dirty", "false")));
    }

    /** The commit's first 12 hex digits, as reports show it ({@code unknown} stays as it is). */
    public String shortCommit() {
        return commit.matches("[0-9a-f]{40}") ? commit.substring(0, 12) : commit;
    }

    /** {@code lemsbridge 0.1.0-SNAPSHOT (commit 0123abcd..., with uncommitted changes)}. */
    public String describe() {
        return NAME + " " + version + " (commit " + commit + (dirty ? ", with uncommitted changes" : "") + ")";
    }
}
