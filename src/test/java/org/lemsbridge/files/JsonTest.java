package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** JSON comes from Jackson's generator: escaped, NaN as null, integral numbers without a fraction. */
class JsonTest {

    @Test
    void compactWritesOneLineWithEscapesAndNullForNonFiniteNumbers() throws Exception {
        String text = Json.compact(json -> {
            json.writeStartObject();
            json.writeStringField("name", "q\"\\\n\u0001");
            Json.numberField(json, "nan", Double.NaN);
            Json.numberField(json, "inf", Double.NEGATIVE_INFINITY);
            Json.numberField(json, "rows", 40001.0);
            Json.numberField(json, "step", 5.0E-6);
            Json.stringOrNullField(json, "none", null);
            Json.numbersField(json, "times", List.of(0.5, Double.NaN));
            json.writeEndObject();
        });
        assertEquals("{\"name\":\"q\\\"\\\\\\n\\u0001\",\"nan\":null,\"inf\":null,\"rows\":40001,\"step\":5.0E-6,"
                + "\"none\":null,\"times\":[0.5,null]}\n", text);
        JsonNode back = new ObjectMapper().readTree(text);
        assertEquals("q\"\\\n\u0001", back.get("name").asText());
    }

    @Test
    void prettyIndentsByTwoSpacesAndParsesBackToTheSameTree() throws Exception {
        String text = Json.pretty(json -> {
            json.writeStartObject();
            json.writeStringField("suite", "Ex2");
            Json.stringsField(json, "warnings", List.of("a", "b"));
            json.writeEndObject();
        });
        assertEquals("{\n  \"suite\": \"Ex2\",\n  \"warnings\": [\n    \"a\",\n    \"b\"\n  ]\n}\n", text);
    }
}
