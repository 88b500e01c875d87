package org.lemsbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tests of a package import only that package and the packages below it, where "below" is what the main code of that
 * package itself uses, directly or through others (architecture.md's layering, read from src/main/java). Packages
 * that only tests have ({@code roundtrip}, {@code hostile}, {@code oracle}, {@code faults}, {@code bench}) test the
 * whole flow and may import anything; {@code testing}, the support every test may use, imports nothing of ours.
 */
class TestLayeringTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?(org\\.lemsbridge(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
    private static final String SUPPORT = "org.lemsbridge.testing";
    /** Not tests: a probe that times every phase of a run needs the validator's package-private checks. */
    private static final Set<String> EXEMPT = Set.of("org/lemsbridge/validate/StartupPhases.java");

    /** A source file's package and the packages of ours it imports. */
    private record Source(Path file, String pkg, Set<String> imports) {
    }

    @Test
    void testsImportOnlyTheirPackageAndThoseBelowIt() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source source : sources(MAIN)) {
            uses.computeIfAbsent(source.pkg(), p -> new TreeSet<>()).addAll(source.imports());
        }
        List<String> upward = new ArrayList<>();
        int checked = 0;
        for (Source test : sources(TEST)) {
            String name = TEST.relativize(test.file()).toString().replace('\\', '/');
            if (EXEMPT.contains(name)) {
                continue;
            }
            Set<String> allowed;
            if (test.pkg().equals(SUPPORT)) {
                allowed = Set.of(SUPPORT);
            } else if (!uses.containsKey(test.pkg())) {
                continue; // a test-only package: the whole flow
            } else {
                allowed = below(test.pkg(), uses);
                allowed.add(test.pkg());
                allowed.add(SUPPORT);
            }
            checked++;
            for (String imported : test.imports()) {
                if (!allowed.contains(imported)) {
                    upward.add(name + " imports " + imported);
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " test sources checked: is the working directory the project?");
        assertEquals(List.of(), upward, "tests importing packages above their own (move them to the package that"
                + " uses both, or to roundtrip)");
    }

    @Test
    void theRuleSeesAnUpwardImport() {
        Map<String, Set<String>> uses = Map.of("org.lemsbridge.sim", Set.of("org.lemsbridge.lems"),
                "org.lemsbridge.lems", Set.of("org.lemsbridge.expr"), "org.lemsbridge.expr", Set.of(),
                "org.lemsbridge.suite", Set.of("org.lemsbridge.sim"));
        assertEquals(Set.of("org.lemsbridge.lems", "org.lemsbridge.expr"), below("org.lemsbridge.sim", uses));
        assertEquals(Set.of("org.lemsbridge.sim", "org.lemsbridge.lems", "org.lemsbridge.expr"),
                below("org.lemsbridge.suite", uses));
        assertEquals(Set.of("org.lemsbridge.suite", "org.lemsbridge.expr"), imports("""
                package org.lemsbridge.sim;
                import static org.lemsbridge.expr.Folding.fold;
                import java.util.List;
                import org.lemsbridge.suite.ModelRunner;
                import org.lemsbridge.sim.Simulator;
                """, "org.lemsbridge.sim"));
    }

    /** The packages {@code pkg}'s main code uses, directly or through others. */
    private static Set<String> below(String pkg, Map<String, Set<String>> uses) {
        Set<String> reached = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(uses.getOrDefault(pkg, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (reached.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return reached;
    }

    private static List<Source> sources(Path root) throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find()) {
                    sources.add(new Source(file, pkg.group(1), imports(text, pkg.group(1))));
                }
            }
        }
        return sources;
    }

    /** The packages of ours (other than its own) whose classes {@code text} imports. */
    private static Set<String> imports(String text, String own) {
        Set<String> packages = new TreeSet<>();
        Matcher imported = IMPORT.matcher(text);
        while (imported.find()) {
            packages.add(imported.group(1));
        }
        packages.remove(own);
        return packages;
    }
}
