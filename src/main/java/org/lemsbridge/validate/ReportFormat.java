package org.lemsbridge.validate;

import java.util.List;

import org.lemsbridge.error.SourceLocation;

/** Prints validation reports: text (one finding per line, hint indented below) or JSON. */
public final class ReportFormat {

    private ReportFormat() {
    }

    /** The findings of every readable file, one per line with an indented hint line when there is a hint. */
    public static String text(List<FileReport> reports) {
        StringBuilder out = new StringBuilder();
        for (FileReport report : reports) {
            for (Finding finding : report.findings()) {
                out.append(OneLine.of(finding.line())).append('\n');
                if (finding.hint() != null) {
                    out.append("  hint: ").append(OneLine.of(finding.hint())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One JSON object: every file with its status and findings (or the error that made it unreadable). */
    public static String json(List<FileReport> reports) {
        StringBuilder out = new StringBuilder("{\"files\":[");
        long errors = 0;
        long warnings = 0;
        for (int i = 0; i < reports.size(); i++) {
            FileReport report = reports.get(i);
            errors += report.errors();
            warnings += report.warnings();
            out.append(i == 0 ? "" : ",").append("{\"file\":").append(string(report.file()))
                    .append(",\"status\":").append(string(status(report)));
            if (report.isUnreadable()) {
                out.append(",\"error\":{");
                location(out, report.unreadable().location());
                out.append(",\"message\":").append(string(String.valueOf(report.unreadable().getMessage())))
                        .append(",\"hint\":").append(nullable(report.unreadable().hint())).append('}');
            }
            out.append(",\"findings\":[");
            for (int j = 0; j < report.findings().size(); j++) {
                Finding finding = report.findings().get(j);
                out.append(j == 0 ? "" : ",").append("{\"code\":").append(string(finding.code().id()))
                        .append(",\"name\":").append(string(finding.code().name()))
                        .append(",\"severity\":").append(string(finding.severity().word())).append(',');
                location(out, finding.location());
                out.append(",\"message\":").append(string(finding.message()))
                        .append(",\"hint\":").append(nullable(finding.hint())).append('}');
            }
            out.append("]}");
        }
        return out.append("],\"errors\":").append(errors).append(",\"warnings\":").append(warnings)
                .append(",\"unreadable\":").append(reports.stream().filter(FileReport::isUnreadable).count())
                .append("}\n").toString();
    }

    private static String status(FileReport report) {
        return switch (report.exitCode()) {
            case 0 -> "valid";
            case 1 -> "findings";
            default -> "unreadable";
        };
    }

    private static void location(StringBuilder out, SourceLocation location) {
        out.append("\"location\":").append(string(location.file())).append(",\"line\":").append(location.line())
                .append(",\"column\":").append(location.column());
    }

    private static String nullable(String text) {
        return text == null ? "null" : string(text);
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
