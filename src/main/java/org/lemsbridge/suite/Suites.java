package org.lemsbridge.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Several suites run as one ({@code check a.yaml b.yaml suites/}): their cases in the order the suites are given, each
 * named {@code SUITE/CASE}, SUITE being its suite file's path from the folder that holds all of them without the
 * {@code .yaml} or {@code .yml} (so {@code suites/a.yaml} and {@code suites/b.yaml} give {@code a/tonic} and
 * {@code b/tonic}); the suite's name is theirs joined by {@code " + "}. One suite keeps its own names. Refuses a
 * suite file given twice and two cases whose names would share a report folder.
 */
public final class Suites {

    private Suites() {
    }

    public static Suite combine(List<Suite> suites) {
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("no suites to combine");
        }
        Suite combined = suites.size() == 1 ? suites.get(0) : renamed(suites);
        requireOwnReportFolders(combined);
        return combined;
    }

    private static Suite renamed(List<Suite> suites) {
        Map<Path, Path> given = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (Suite suite : suites) {
            for (Path file : suite.files()) {
                Path twin = given.putIfAbsent(file.toAbsolutePath().normalize(), file);
                if (twin != null) {
                    throw new BadInputException(SourceLocation.unknown(file.toString()), "this suite file is given"
                            + " twice (also as " + twin + ")");
                }
                files.add(file);
            }
        }
        Path folder = Suite.folderHolding(files);
        List<SuiteCase> cases = new ArrayList<>();
        for (Suite suite : suites) {
            String prefix = withoutExtension(folder.relativize(suite.files().get(0).toAbsolutePath().normalize()));
            for (SuiteCase suiteCase : suite.cases()) {
                cases.add(suiteCase.named(prefix + "/" + suiteCase.name()));
            }
        }
        return new Suite(suites.stream().map(Suite::name).collect(Collectors.joining(" + ")), files, cases);
    }

    private static String withoutExtension(Path relative) {
        String path = relative.toString().replace('\\', '/');
        return path.replaceFirst("\\.(?i:ya?ml)$", "");
    }

    /** Each case's files go to {@code cases/SAFE-NAME}: two names with one safe form would overwrite each other. */
    private static void requireOwnReportFolders(Suite suite) {
        Map<String, SuiteCase> owners = new HashMap<>();
        for (SuiteCase suiteCase : suite.cases()) {
            SuiteCase owner = owners.putIfAbsent(suiteCase.reportFolder(), suiteCase);
            if (owner != null) {
                throw new BadInputException(suiteCase.location(), "case '" + suiteCase.name() + "' would share the"
                        + " report folder " + suiteCase.reportFolder() + " with case '" + owner.name() + "' ("
                        + owner.location() + ")", "rename one of them");
            }
        }
    }
}
