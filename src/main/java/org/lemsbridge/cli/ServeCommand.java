package org.lemsbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve",
        description = {"Answer commands read as JSON, one request per line on stdin, one response per line on stdout,"
                + " in one long-lived JVM (no start-up cost per command). Used by the Python package.",
                "A request is {\"id\": ANY, \"command\": C, \"args\": [...]}: C is render, simulate, compare, validate,"
                        + " import, check or omv and args are its command-line arguments (relative paths are"
                        + " resolved against the folder serve was started in).",
                "The response is {\"id\": ANY, \"status\": N, \"stdout\": \"...\", \"stderr\": \"...\"} plus, when N is"
                        + " 2 or 3, \"error\": {\"file\", \"line\", \"column\", \"message\", \"hint\"}: N, stdout,"
                        + " stderr and the files written are exactly the command line's. A bad request (malformed"
                        + " JSON, an unknown command, bad options, a failing model) gets status 2 or 3 and the"
                        + " server goes on; it stops, with exit code 0, at the end of its input."},
        mixinStandardHelpOptions = true,
        footer = {"%nExample:",
                "  echo '{\"id\": 1, \"command\": \"simulate\", \"args\": [\"examples/izhikevich-tonic.yaml\", \"-o\","
                        + " \"out\"]}' | lemsbridge serve",
                "  {\"id\":1,\"status\":0,\"stdout\":\"wrote .../out/IzhikevichCell.dat (40001 rows)\\n\",\"stderr\":\"\"}",
                ExitCodes.HELP_TEXT})
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debugOption;

    @Override
    public Integer call() throws IOException {
        Reader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // The responses own stdout: anything else that prints there (a library, say) is sent to stderr instead.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            new RequestServer().serve(requests, spec.commandLine().getOut());
        } finally {
            System.setOut(stdout);
        }
        return ExitCodes.OK;
    }
}
