package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;

/** A regression suite: named cases, each a model run and compared with a reference. */
public record Suite(String name, Path file, List<SuiteCase> cases) {
    public Suite {
        cases = List.copyOf(cases);
    }
}
