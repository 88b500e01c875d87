package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * A regression suite: named cases, each a model run and compared with a reference (each confined as its suite file
 * says, see {@link SuiteCase#confinement()}). {@code files} is the suite file, or the files of several suites run as
 * one ({@link Suites#combine}).
 */
public record Suite(String name, List<Path> files, List<SuiteCase> cases) {
    public Suite {
        files = List.copyOf(files);
        cases = List.copyOf(cases);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a suite comes from at least one file");
        }
    }

    public Suite(String name, Path file, List<SuiteCase> cases) {
        this(name, List.of(file), cases);
    }

    /** The same suite with only {@code cases} (a shard's). */
    public Suite withCases(List<SuiteCase> cases) {
        return new Suite(name, files, cases);
    }

    /**
     * The folder the suite's inputs are shown relative to: the suite file's folder, or the deepest folder that holds
     * all of its files.
     */
    public Path folder() {
        return folderHolding(files);
    }

    /** The deepest folder that holds every one of {@code files}. */
    static Path folderHolding(List<Path> files) {
        Path common = null;
        for (Path file : files) {
            Path parent = file.toAbsolutePath().normalize().getParent();
            if (common == null) {
                common = parent;
            }
            while (!parent.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }
}
