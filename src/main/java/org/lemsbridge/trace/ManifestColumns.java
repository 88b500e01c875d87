package org.lemsbridge.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Column names from a reference-data {@code manifest.json} beside the file, matched by {@code file}/{@code stored_as}. */
final class ManifestColumns {

    private ManifestColumns() {
    }

    static Optional<List<Column>> find(Path datFile) {
        Path manifest = datFile.resolveSibling("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        String name = datFile.getFileName().toString();
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        JsonNode files = Sidecar.JsonFiles.read(manifest).get("files");
        if (files == null || !files.isArray()) {
            return Optional.empty();
        }
        for (JsonNode entry : files) {
            String file = entry.path("file").asText("");
            String storedAs = entry.path("stored_as").asText("");
            if (name.equals(storedAs) || name.equals(file) || plain.equals(file)) {
                List<Column> columns = new ArrayList<>();
                for (JsonNode column : entry.path("columns")) {
                    columns.add(Sidecar.JsonFiles.column(manifest, column, "id"));
                }
                return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
            }
        }
        return Optional.empty();
    }
}
