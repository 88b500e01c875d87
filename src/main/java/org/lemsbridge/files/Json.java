package org.lemsbridge.files;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The one way lemsbridge writes JSON: Jackson's streaming generator (which does all escaping), a document at a time.
 * {@link #pretty} indents by two spaces with one array element per line; {@link #compact} writes one line. Both end
 * with a newline. Numbers go through {@link #number} so that NaN and infinities, which JSON cannot hold, are
 * {@code null}.
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
