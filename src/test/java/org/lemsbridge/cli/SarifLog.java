package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A SARIF log printed by validate or check, read after asserting the structure SARIF 2.1.0 requires of it. */
record SarifLog(JsonNode run, List<String> ruleIds) {

    static SarifLog read(String text) throws IOException {
        JsonNode log = new ObjectMapper().readTree(text);
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema").asText());
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("lemsbridge", driver.get("name").asText());
        List<String> ruleIds = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            ruleIds.add(rule.get("id").asText());
            assertFalse(rule.get("shortDescription").get("text").asText().isEmpty());
            assertFalse(rule.get("help").get("text").asText().isEmpty());
        }
        return new SarifLog(run, List.copyOf(ruleIds));
    }

    JsonNode rules() {
        return run.get("tool").get("driver").get("rules");
    }

    /**
     * Each result as {@code RULE LEVEL uri:line:col}, after asserting that its rule index names its rule, that it has
     * a message and that its location is relative to SRCROOT.
     */
    List<String> locatedResults() {
        List<String> results = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            String ruleId = result.get("ruleId").asText();
            assertEquals(ruleId, ruleIds.get(result.get("ruleIndex").asInt()));
            assertFalse(result.get("message").get("text").asText().isEmpty());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            JsonNode artifact = physical.get("artifactLocation");
            assertEquals("SRCROOT", artifact.get("uriBaseId").asText());
            results.add(ruleId + " " + result.get("level").asText() + " " + artifact.get("uri").asText() + ":"
                    + physical.get("region").get("startLine").asInt() + ":"
                    + physical.get("region").get("startColumn").asInt());
        }
        return results;
    }

    List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            messages.add(result.get("message").get("text").asText());
        }
        return messages;
    }

    String sourceRoot() {
        return run.get("originalUriBaseIds").get("SRCROOT").get("uri").asText();
    }
}
