package org.lemsbridge.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One line of {@code serve}'s input: {@code {"id": ANY, "command": "simulate", "args": ["model.yaml", "-o", "out"]}}.
 * {@code args} are the command's own arguments, exactly as on the command line; {@code id} is echoed back.
 *
 * @param id      whatever the client sent as {@code id} (JSON null when absent)
 * @param command one of {@link #COMMANDS}
 * @param args    the command's arguments
 */
record ServeRequest(JsonNode id, String command, List<String> args) {

    /** The commands {@code serve} runs; not {@code serve} itself, which would read the same input. */
    static final List<String> COMMANDS = List.of("render", "simulate", "compare", "validate", "import", "check", "omv",
            "merge");

    static final String FORMAT_HINT = "one JSON object per line: {\"id\": 1, \"command\": \"simulate\","
            + " \"args\": [\"model.yaml\", \"-o\", \"out\"]}";

    private static final List<String> FIELDS = List.of("id", "command", "args");

    ServeRequest {
        args = List.copyOf(args);
    }

    /** The command line the request stands for: the command followed by its arguments. */
    String[] commandLine() {
        String[] line = new String[args.size() + 1];
        line[0] = command;
        for (int i = 0; i < args.size(); i++) {
            line[i + 1] = args.get(i);
        }
        return line;
    }

    /** A request that cannot be run: the problem, at its place in the input, and the id if one was read. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient JsonNode id;
        private final BadInputException problem;

        Invalid(JsonNode id, BadInputException problem) {
            super(problem.getMessage());
            this.id = id;
            this.problem = problem;
        }

        JsonNode id() {
            return id;
        }

        BadInputException problem() {
            return problem;
        }
    }

    /**
     * Reads request number {@code lineNumber}; problems are placed at {@code <stdin>:lineNumber:column}, the column
     * being where the offending token starts on the line.
     */
    static ServeRequest parse(String line, long lineNumber, ObjectMapper json) throws Invalid {
        Reading reading = new Reading(lineNumber);
        try (JsonParser parser = json.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw reading.invalid(parser.currentTokenLocation(), "a request must be a JSON object", FORMAT_HINT);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                reading.field(parser, json);
            }
            JsonLocation end = parser.currentTokenLocation();
            if (parser.nextToken() != null) {
                throw reading.invalid(parser.currentTokenLocation(), "more than one JSON value on the line",
                        FORMAT_HINT);
            }
            return reading.request(end);
        } catch (JsonProcessingException e) {
            throw reading.invalid(e.getLocation(), "malformed JSON", FORMAT_HINT);
        } catch (IOException e) {
            throw reading.invalid(null, "unreadable request: " + e.getMessage(), FORMAT_HINT);
        }
    }

    /** What has been read of one request so far. */
    private static final class Reading {
        private final long lineNumber;
        private final Set<String> seen = new HashSet<>();
        private JsonNode id = NullNode.getInstance();
        private String command;
        private JsonLocation commandAt;
        private final List<String> args = new ArrayList<>();

        Reading(long lineNumber) {
            this.lineNumber = lineNumber;
        }

        void field(JsonParser parser, ObjectMapper json) throws IOException, Invalid {
            String name = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            if (!FIELDS.contains(name)) {
                throw invalid(at, "unknown field '" + name + "'", NearestName.among(FIELDS, name)
                        .map(near -> "did you mean '" + near + "'?").orElse("the fields are id, command and args"));
            }
            if (!seen.add(name)) {
                throw invalid(at, "duplicate field '" + name + "'", null);
            }
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = json.readTree(parser);
                case "command" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw invalid(parser.currentTokenLocation(), "\"command\" must be a string", FORMAT_HINT);
                    }
                    command = parser.getText();
                    commandAt = parser.currentTokenLocation();
                }
                default -> readArgs(parser, value);
            }
        }

        private void readArgs(JsonParser parser, JsonToken value) throws IOException, Invalid {
            if (value != JsonToken.START_ARRAY) {
                throw invalid(parser.currentTokenLocation(), "\"args\" must be an array of strings", FORMAT_HINT);
            }
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                if (item != JsonToken.VALUE_STRING) {
                    throw invalid(parser.currentTokenLocation(), "\"args\" must be an array of strings",
                            "write every argument as a string, numbers too: [\"--seed\", \"7\"]");
                }
                args.add(parser.getText());
            }
        }

        ServeRequest request(JsonLocation end) throws Invalid {
            if (command == null) {
                throw invalid(end, "the request names no \"command\"", "\"command\" is one of "
                        + String.join(", ", COMMANDS));
            }
            if (!COMMANDS.contains(command)) {
                String known = "serve runs " + String.join(", ", COMMANDS);
                throw invalid(commandAt, "unknown command '" + command + "'", NearestName.among(COMMANDS, command)
                        .map(near -> "did you mean '" + near + "'? (" + known + ")").orElse(known));
            }
            return new ServeRequest(id, command, args);
        }

        Invalid invalid(JsonLocation at, String message, String hint) {
            int column = at == null ? 0 : Math.max(1, at.getColumnNr());
            return new Invalid(id, new BadInputException(new SourceLocation("<stdin>", (int) lineNumber, column),
                    message, hint));
        }
    }
}
