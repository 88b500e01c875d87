package org.lemsbridge.validate;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Json;

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

    /** One JSON object on one line: every file with its status and findings (or the error that made it unreadable). */
    public static String json(List<FileReport> reports) {
        return Json.compact(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("files");
            for (FileReport report : reports) {
                json.writeStartObject();
                json.writeStringField("file", report.file());
                json.writeStringField("status", status(report));
                if (report.isUnreadable()) {
                    json.writeObjectFieldStart("error");
                    location(json, report.unreadable().location());
                    json.writeStringField("message", String.valueOf(report.unreadable().getMessage()));
                    Json.stringOrNullField(json, "hint", report.unreadable().hint());
                    json.writeEndObject();
                }
                json.writeArrayFieldStart("findings");
                for (Finding finding : report.findings()) {
                    json.writeStartObject();
                    json.writeStringField("code", finding.code().id());
                    json.writeStringField("name", finding.code().name());
                    json.writeStringField("severity", finding.severity().word());
                    location(json, finding.location());
                    json.writeStringField("message", finding.message());
                    Json.stringOrNullField(json, "hint", finding.hint());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("errors", reports.stream().mapToLong(FileReport::errors).sum());
            json.writeNumberField("warnings", reports.stream().mapToLong(FileReport::warnings).sum());
            json.writeNumberField("unreadable", reports.stream().filter(FileReport::isUnreadable).count());
            json.writeEndObject();
        });
    }

    private static String status(FileReport report) {
        return switch (report.exitCode()) {
            case 0 -> "valid";
            case 1 -> "findings";
            default -> "unreadable";
        };
    }

    private static void location(JsonGenerator json, SourceLocation location) throws IOException {
        json.writeStringField("location", location.file());
        json.writeNumberField("line", location.line());
        json.writeNumberField("column", location.column());
    }
}
