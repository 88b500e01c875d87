package org.lemsbridge.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * What {@code jnml -validate FILE...} decides, as OMV's {@code jNeuroML_validate} engine runs it: each file must be
 * valid against NeuroML's XML schema (jNeuroML bundles {@code NeuroML_v2.3.1.xsd}; lemsbridge is given it) and, when
 * it is, pass jNeuroML's further tests ({@link JnmlTests}). jnml exits with 1, and OMV fails the test, when any file
 * does not.
 */
public final class JnmlValidation {

    /** One file's verdict; {@code failures} are one line each, {@code file:line:col: what}. */
    public record FileVerdict(Path file, List<String> failures) {
        public FileVerdict {
            failures = List.copyOf(failures);
        }

        public boolean valid() {
            return failures.isEmpty();
        }
    }

    private final XsdCheck schema;

    private JnmlValidation(XsdCheck schema) {
        this.schema = schema;
    }

    /** Validation against {@code xsd} (NeuroML's schema); an unreadable schema is bad input. */
    public static JnmlValidation withSchema(Path xsd) {
        return new JnmlValidation(XsdCheck.load(xsd));
    }

    public FileVerdict validate(Path file) {
        if (!Files.exists(file)) {
            return new FileVerdict(file, List.of(SourceLocation.unknown(file.toString())
                    + ": File does not exist (jnml stops here)"));
        }
        if (!Files.isRegularFile(file)) {
            return new FileVerdict(file, List.of(SourceLocation.unknown(file.toString())
                    + ": not a file, so not valid against the schema"));
        }
        List<String> schemaErrors = schema.check(file).stream().map(f -> f.location() + ": not valid against the"
                + " schema: " + f.message().replace('\n', ' ')).toList();
        if (!schemaErrors.isEmpty()) {
            return new FileVerdict(file, schemaErrors);
        }
        try {
            return new FileVerdict(file, JnmlTests.of(file).stream().map(JnmlTests.Failure::line).toList());
        } catch (BadInputException e) {
            return new FileVerdict(file, List.of(e.oneLine()));
        }
    }
}
