package org.lemsbridge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Data records as JSON documents and back, with Jackson's data binding: one record type describes a format both
 * ways (a report's {@code summary.json} is written from records and read into the same records to be merged or
 * rendered again). Output is indented by two spaces, {@code "name": value}, and ends with a newline.
 */
public final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));

    private JsonRecords() {
    }

    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads {@code file} into a {@code type}; a malformed or unexpected document is bad input at its position. */
    public static <T> T read(Path file, Class<T> type) {
        ObjectReader reader = MAPPER.readerFor(type);
        try {
            return reader.readValue(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new BadInputException(SourceLocation.of(file, line, column), "not a valid "
                    + type.getSimpleName() + " document: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read: " + e.getMessage(),
                    null, e);
        }
    }
}
