package org.lemsbridge.suite.report;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the paths a report shows relative, so a report names no folder of the machine it ran on: outputs (under the
 * report folder) relative to the report, everything else relative to the suite file's folder. Paths inside messages
 * are found as absolute path tokens and rewritten the same way.
 */
final class RelativePaths {

    private static final Pattern ABSOLUTE = Pattern.compile("(?<=^|[\\s'\"(=])/[^\\s:'\",;()]+");

    private final Path suiteFolder;
    private final Path reportFolder;

    RelativePaths(Path suiteFolder, Path reportFolder) {
        this.suiteFolder = suiteFolder.toAbsolutePath().normalize();
        this.reportFolder = reportFolder.toAbsolutePath().normalize();
    }

    /** {@code path} relative to the report folder when it is inside it, else to the suite file's folder. */
    String path(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = absolute.startsWith(reportFolder) ? reportFolder : suiteFolder;
        String relative = base.relativize(absolute).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /** {@code path} relative to the report folder (for links from the report's pages). */
    String fromReport(Path path) {
        return reportFolder.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** {@code text} with every absolute path in it made relative by {@link #path}. */
    String text(String text) {
        if (text == null || text.indexOf('/') < 0) {
            return text;
        }
        Matcher m = ABSOLUTE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(path(Path.of(m.group()))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
