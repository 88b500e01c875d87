package org.lemsbridge.files;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;

/**
 * The one way lemsbridge writes JSON: Jackson's streaming generator (which does all escaping), a document at a time.
 * {@link #pretty} indents by two spaces with one array element per line; {@link #compact} writes one line. Both end
 * with a newline. Numbers go through {@link #number} so that NaN and infinities, which JSON cannot hold, are
 * {@code null}. Documents that are read back (a report's {@code summary.json}) are data records written by
 * {@link #data} and read by {@link #read} through Jackson's data binding, so one record type describes the format
 * both ways.
 *
 * <pre>{@code
 * String text = Json.pretty(json -> {
 *     json.writeStartObject();
 *     json.writeStringField("suite", name);
 *     Json.numberField(json, "seconds", seconds);
 *     json.writeEndObject();
 * });
 * }</pre>
 */
public final class Json {

    /** Writes one JSON value (usually an object) to the generator it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * Data binding, made on first use: the streaming generator alone serves the sidecars a simulation writes, and
     * an ObjectMapper loads some 300 classes more.
     */
    private static final class Binding {
        static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private Json() {
    }

    /** The document {@code body} writes, indented, ending in a newline. */
    public static String pretty(Body body) {
        return write(body, true);
    }

    /** The document {@code body} writes, on one line, ending in a newline. */
    public static String compact(Body body) {
        return write(body, false);
    }

    private static String write(Body body, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            if (indented) {
                json.setPrettyPrinter(prettyPrinter());
            }
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return text.append('\n').toString();
    }

    /** A data record (records, lists, strings, boxed numbers) as an indented document ending in a newline. */
    public static String data(Object value) {
        try {
            return Binding.MAPPER.writer(prettyPrinter()).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads {@code file} into a {@code type} written by {@link #data}; a malformed document, or one with a field the
     * type does not have, is bad input at its position (the message names the field, never the file's text).
     */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return Binding.MAPPER.readerFor(type).readValue(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            String what = e instanceof UnrecognizedPropertyException unknown
                    ? "unknown field '" + unknown.getPropertyName() + "'"
                    : e instanceof MismatchedInputException ? "a value of the wrong kind or a missing one"
                    : "malformed JSON";
            throw new BadInputException(SourceLocation.of(file, line, column), "not a " + type.getSimpleName()
                    + " document: " + what, null, e);
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return printer;
    }

    /**
     * A number: an integral value below 10^15 without a fraction ({@code 3}, not {@code 3.0}), others as
     * {@link Double#toString}, NaN and infinities as {@code null}.
     */
    public static void number(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }

    public static void numberField(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        number(json, value);
    }

    /** A string field, or {@code null} when {@code value} is null. */
    public static void stringOrNullField(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    public static void stringsField(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    public static void numbersField(JsonGenerator json, String name, List<Double> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double value : values) {
            number(json, value);
        }
        json.writeEndArray();
    }
}
