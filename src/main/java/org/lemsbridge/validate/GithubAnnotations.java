package org.lemsbridge.validate;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.error.SourceLocation;

/**
 * Validation reports as GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on
 * the pull request's lines: {@code ::error file=F,line=L,col=C,title=T::MESSAGE} ({@code warning} for warnings).
 * File names are relative to {@code root} (the workspace) when inside it. Property values escape {@code %}, CR, LF,
 * {@code :} and {@code ,}; the message escapes {@code %}, CR and LF, so every command stays on one line; the hint
 * follows the message on a second annotation line ({@code %0A}).
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    public static String of(List<FileReport> reports, Path root) {
        Path base = root.toAbsolutePath().normalize();
        StringBuilder out = new StringBuilder();
        for (FileReport report : reports) {
            if (report.isUnreadable()) {
                SourceLocation where = report.unreadable().location();
                command(out, "error", where, report.file(), base, Code.UNREADABLE,
                        report.unreadable().getMessage() == null ? "bad input" : report.unreadable().getMessage(),
                        report.unreadable().hint());
            }
            for (Finding finding : report.findings()) {
                command(out, finding.isError() ? "error" : "warning", finding.location(), report.file(), base,
                        finding.code(), finding.message(), finding.hint());
            }
        }
        return out.toString();
    }

    private static void command(StringBuilder out, String level, SourceLocation where, String reportFile, Path base,
            Code code, String message, String hint) {
        String file = where == null || where.file() == null ? reportFile : where.file();
        out.append("::").append(level).append(" file=").append(property(relative(file, base)));
        if (where != null && where.line() > 0) {
            out.append(",line=").append(where.line());
            if (where.column() > 0) {
                out.append(",col=").append(where.column());
            }
        }
        out.append(",title=").append(property(code.id() + " " + code.name())).append("::")
                .append(data(OneLine.of(message))).append(hint == null ? "" : "%0Ahint: " + data(OneLine.of(hint)))
                .append('\n');
    }

    static String relative(String file, Path base) {
        if (file.startsWith("bundled:")) {
            return file;
        }
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/') : file;
        } catch (InvalidPathException e) {
            return file;
        }
    }

    /** The escaping of a command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping of a command's property value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
