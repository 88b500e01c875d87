package org.lemsbridge.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Json;

/**
 * The JSON file beside a {@code .dat} naming its columns:
 * {@code {"columns":[{"name":"t","quantity":"t","unit":"s"}, ...],"source":"...","rows":N}}, time first. A column
 * whose values are in a unit its model declared rather than in SI also has {@code "declared_unit":"mV"} (after
 * {@code unit}, which then is {@code 1}).
 *
 * @param columns every column of the file in order, time first
 * @param source  what produced the file (free text)
 * @param rows    the number of data rows
 */
public record Sidecar(List<Column> columns, String source, long rows) {

    /** The field of a column's declared unit. */
    static final String DECLARED_UNIT = "declared_unit";

    public Sidecar {
        columns = List.copyOf(columns);
        source = source == null ? "" : source;
    }

    /** {@code x.dat -> x.dat.json}; {@code x.dat.gz -> x.dat.json}. */
    public static Path pathFor(Path datFile) {
        String name = datFile.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return datFile.resolveSibling(name + ".json");
    }

    /** The sidecar of {@code datFile} if there is one ({@code x.dat.gz.json} is accepted too). */
    public static Optional<Sidecar> find(Path datFile) {
        Path primary = pathFor(datFile);
        if (Files.isRegularFile(primary)) {
            return Optional.of(read(primary));
        }
        Path literal = datFile.resolveSibling(datFile.getFileName() + ".json");
        if (Files.isRegularFile(literal)) {
            return Optional.of(read(literal));
        }
        return Optional.empty();
    }

    /** This sidecar on one line: its columns' name, quantity and unit, the source and the row count. */
    public String json() {
        return Json.compact(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("columns");
            for (Column column : columns) {
                json.writeStartObject();
                json.writeStringField("name", column.name());
                json.writeStringField("quantity", column.quantity());
                json.writeStringField("unit", column.unit());
                if (!column.declaredUnit().isEmpty()) {
                    json.writeStringField(DECLARED_UNIT, column.declaredUnit());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("source", source);
            json.writeNumberField("rows", rows);
            json.writeEndObject();
        });
    }

    public static Sidecar read(Path json) {
        JsonNode root = JsonFiles.read(json);
        JsonNode columnsNode = root.get("columns");
        if (columnsNode == null || !columnsNode.isArray() || columnsNode.isEmpty()) {
            throw new BadInputException(SourceLocation.of(json, 1, 1), "sidecar has no \"columns\" array");
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode node : columnsNode) {
            columns.add(JsonFiles.column(json, node, "name"));
        }
        JsonNode source = root.get("source");
        JsonNode rows = root.get("rows");
        return new Sidecar(columns, source == null ? "" : source.asText(), rows == null ? -1 : rows.asLong());
    }

    /** Small shared helpers for the JSON files a trace may come with. */
    static final class JsonFiles {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private JsonFiles() {
        }

        static JsonNode read(Path json) {
            try {
                return MAPPER.readTree(json.toFile());
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                int line = at == null ? 0 : Math.max(0, at.getLineNr());
                int column = at == null ? 0 : Math.max(0, at.getColumnNr());
                throw new BadInputException(SourceLocation.of(json, line, column),
                        "malformed JSON: " + e.getOriginalMessage(), null, e);
            } catch (IOException e) {
                throw IoFailure.cannotRead(json, e);
            }
        }

        static Column column(Path json, JsonNode node, String nameField) {
            JsonNode name = node.get(nameField);
            JsonNode quantity = node.get("quantity");
            JsonNode unit = node.get("unit");
            JsonNode declared = node.get(DECLARED_UNIT);
            if (name == null && quantity == null) {
                throw new BadInputException(SourceLocation.unknown(json.toString()),
                        "column entry without \"" + nameField + "\" or \"quantity\": " + node);
            }
            String nameText = name != null ? name.asText() : quantity.asText();
            String quantityText = quantity != null ? quantity.asText() : nameText;
            return new Column(nameText, quantityText, unit == null ? "" : unit.asText(),
                    declared == null ? "" : declared.asText());
        }
    }
}
