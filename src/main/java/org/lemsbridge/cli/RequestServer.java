package org.lemsbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Answers {@code serve}'s requests in order, one response line per request line. Each request runs its command
 * through {@link Main}'s own path, as the command line would, with stdout and stderr captured; no request, however bad,
 * ends the loop: only the end of the input does.
 */
final class RequestServer {

    /** Runs one command line, as {@link Main#execute(String[], PrintWriter, PrintWriter, Consumer)} does. */
    @FunctionalInterface
    interface CommandRunner {
        int run(String[] args, PrintWriter out, PrintWriter err, Consumer<Throwable> failures);
    }

    private final CommandRunner runner;
    private final ObjectMapper json = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    RequestServer() {
        this(Main::execute);
    }

    RequestServer(CommandRunner runner) {
        this.runner = runner;
    }

    /** Reads requests until the input ends, writing and flushing each response as soon as it is known. */
    void serve(Reader input, PrintWriter output) throws IOException {
        RequestLines lines = new RequestLines(input);
        long number = 0;
        for (RequestLines.Line line = lines.next(); line != null; line = lines.next()) {
            number++;
            if (line.tooLong() || !line.text().isBlank()) {
                output.println(answer(line, number));
                output.flush();
                if (output.checkError()) {
                    return;
                }
            }
        }
    }

    /** The response line to request {@code number} of the input. */
    private String answer(RequestLines.Line line, long number) {
        ServeResponse response;
        if (line.tooLong()) {
            response = rejected(NullNode.getInstance(), new BadInputException(new SourceLocation("<stdin>",
                    (int) number, 1), "the request is longer than " + RequestLines.MAX_CHARS + " characters",
                    ServeRequest.FORMAT_HINT));
        } else {
            try {
                response = run(ServeRequest.parse(line.text(), number, json));
            } catch (ServeRequest.Invalid invalid) {
                response = rejected(invalid.id(), invalid.problem());
            }
        }
        try {
            return json.writeValueAsString(response.toJson(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response tree could not be written: " + e.getMessage(), e);
        }
    }

    private ServeResponse run(ServeRequest request) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            try {
                status = runner.run(request.commandLine(), outWriter, errWriter, failure::set);
            } catch (Throwable crash) { // a crashing command (a stack overflow, say) must not end the server
                failure.set(crash);
                status = ErrorReport.print(crash, errWriter, request.args().contains("--debug"));
            }
        }
        String stderr = err.toString();
        return new ServeResponse(request.id(), status, out.toString(), stderr,
                status >= ExitCodes.BAD_INPUT ? ServeResponse.Problem.of(failure.get(), stderr) : null);
    }

    private static ServeResponse rejected(JsonNode id, BadInputException problem) {
        StringWriter err = new StringWriter();
        try (PrintWriter errWriter = new PrintWriter(err)) {
            ErrorReport.print(problem, errWriter, false);
        }
        return new ServeResponse(id, ExitCodes.BAD_INPUT, "", err.toString(), ServeResponse.Problem.of(problem, ""));
    }
}
