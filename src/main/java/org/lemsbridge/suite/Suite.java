package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.files.Confinement;

/**
 * A regression suite: named cases, each a model run and compared with a reference; {@code confinement} (the suite's
 * {@code confine:} within the command's {@code --confine}) bounds every include and output file of its models.
 */
public record Suite(String name, Path file, List<SuiteCase> cases, Confinement confinement) {
    public Suite {
        cases = List.copyOf(cases);
    }

    public Suite(String name, Path file, List<SuiteCase> cases) {
        this(name, file, cases, Confinement.NONE);
    }
}
