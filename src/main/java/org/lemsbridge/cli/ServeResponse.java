package org.lemsbridge.cli;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.validate.OneLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of {@code serve}'s output: {@code {"id": ..., "status": 0, "stdout": "...", "stderr": "...", "error": ...}}.
 * {@code status} is the exit code the command line would have ended with; {@code stdout} and {@code stderr} are
 * exactly what it would have printed; {@code error} is present when the status is 2 or 3.
 *
 * @param error where and what the error was, or null when the command did not fail
 */
record ServeResponse(JsonNode id, int status, String stdout, String stderr, Problem error) {

    /**
     * What made a request fail: for bad input its place ({@code file} null and 0:0 when none is known, as for a usage
     * error or an internal error), the message and the hint, each one line.
     */
    record Problem(String file, int line, int column, String message, String hint) {

        /** From the exception the command threw, else from the first line it printed on stderr. */
        static Problem of(Throwable failure, String stderr) {
            if (failure instanceof BadInputException bad) {
                return new Problem(bad.location().file(), bad.location().line(), bad.location().column(),
                        OneLine.of(bad.getMessage() == null ? "bad input" : bad.getMessage()),
                        bad.hint() == null ? null : OneLine.of(bad.hint()));
            }
            String first = stderr.lines().filter(line -> !line.isBlank()).findFirst().orElse("failed");
            return new Problem(null, 0, 0, first, null);
        }
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.set("id", id);
        node.put("status", status);
        node.put("stdout", stdout);
        node.put("stderr", stderr);
        if (error != null) {
            ObjectNode problem = node.putObject("error");
            problem.put("file", error.file());
            problem.put("line", error.line());
            problem.put("column", error.column());
            problem.put("message", error.message());
            problem.put("hint", error.hint());
        }
        return node;
    }
}
