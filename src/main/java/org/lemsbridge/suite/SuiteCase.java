package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.compare.Window;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.files.SafeName;

/**
 * One case of a suite. {@code model} is a YAML experiment or a LEMS/NeuroML file; {@code output} names which of the
 * model's output files is compared (null: the only one, or the first); {@code columns} empty means every reference
 * column that the candidate has by the same quantity name; {@code window} is the part of the reference compared
 * ({@link Window#WHOLE}: all of it, which the candidate must then cover); {@code confinement} (its suite's
 * {@code confine:} within the command's {@code --confine}) bounds every include and output file of its model;
 * {@code models} is where a YAML experiment finds a library model it refers to.
 */
public record SuiteCase(
        String name,
        Path model,
        List<Path> includePath,
        Path reference,
        Path referenceLems,
        String output,
        List<ColumnMapping> columns,
        ToleranceSpec tolerance,
        Window window,
        Path omtFile,
        SourceLocation location,
        Confinement confinement,
        ModelLibrary models) {

    public SuiteCase {
        includePath = List.copyOf(includePath);
        columns = List.copyOf(columns);
        window = window == null ? Window.WHOLE : window;
        confinement = confinement == null ? Confinement.NONE : confinement;
        models = models == null ? ModelLibrary.NONE : models;
    }

    /** The same case under another name. */
    public SuiteCase named(String newName) {
        return new SuiteCase(newName, model, includePath, reference, referenceLems, output, columns, tolerance, window,
                omtFile, location, confinement, models);
    }

    /** The case's folder in a report, relative to the report folder: {@code cases/NAME} (a file-name-safe NAME). */
    public String reportFolder() {
        return "cases/" + SafeName.of(name);
    }
}
