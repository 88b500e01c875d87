package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.DerivedVariable;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Event;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.Parameter;
import org.lemsbridge.experiment.StateVariable;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.LemsReader;

/**
 * YAML -> LEMS (renderer) -> YAML (import) gives back the same parameters with the same units, the same initial
 * values, and rates, derived variables and events that evaluate equal at random points; over every experiment of
 * the test corpus that renders.
 */
class YamlLemsYamlRoundTripTest {

    private static final Path[] CORPORA = {Path.of("src/test/resources/org/lemsbridge/experiment/corpus"),
            Path.of("src/test/resources/org/lemsbridge/convert"), Path.of("src/test/resources/org/lemsbridge/convert/import"),
            Path.of("examples")};

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : CORPORA) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("suite.yaml"))
                            .sorted().forEach(files::add);
                }
            }
        }
        return files.stream();
    }

    @Test
    void mostOfTheCorpusRenders() throws IOException {
        long renders = corpus().filter(YamlLemsYamlRoundTripTest::renders).count();
        assertTrue(renders >= 15, "only " + renders + " corpus experiments render");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void renderedExperimentImportsBackToAnEquivalentOne(Path file) {
        Experiment original = ExperimentReader.read(file);
        if (!renders(file)) {
            return;
        }
        RenderResult rendered = new ExperimentToLems().render(original);
        String xml = rendered.xml();
        // Rendered in its own numbers, the units only annotated: the LEMS has the numbers and no units to import.
        boolean unitsAnnotate = rendered.warnings().stream().anyMatch(w -> w.contains("rendered in its own numbers"));
        ImportResult result = LemsToExperiment.convert(
                LemsReader.read(xml, file.toString(), file.toAbsolutePath().getParent(), List.of()), file.toString());
        assertEquals(List.of(), result.problems().stream().map(BadInputException::oneLine).toList());
        assertEquals(1, result.members().size());
        Dynamics back = result.members().get(0).experiment().dynamics();
        Dynamics orig = original.dynamics();
        Map<String, String> names = new HashMap<>();
        for (String name : symbols(orig)) {
            names.put(name, backName(name, back));
        }

        for (Parameter p : orig.parameters().values()) {
            if (p.value() == null) {
                continue;
            }
            Parameter q = back.parameters().get(names.get(p.name()));
            assertTrue(q != null, file + ": parameter " + p.name() + " is missing in " + back.parameters().keySet());
            assertEquals(p.value(), q.value(), file + ": value of " + p.name());
            assertEquals(unitsAnnotate ? "" : unit(p.unit()), unit(q.unit()), file + ": unit of " + p.name());
        }
        for (StateVariable sv : orig.stateVariables().values()) {
            StateVariable w = back.stateVariables().get(names.get(sv.name()));
            assertTrue(w != null, file + ": state " + sv.name() + " is missing");
            assertEquals(sv.initialValue(), w.initialValue(), file + ": initial value of " + sv.name());
            assertEquals(unitsAnnotate ? "" : unit(sv.unit()), unit(w.unit()), file + ": unit of " + sv.name());
        }
        // a clamped state comes back as the OnConditions that clip it, one per finite bound
        long clampSides = orig.stateVariables().values().stream().map(StateClamp::of).flatMap(java.util.Optional::stream)
                .mapToLong(c -> (c.lo() == null ? 0 : 1) + (c.hi() == null ? 0 : 1)).sum();
        assertEquals(orig.events().size() + clampSides, back.events().size(), file + ": events");

        Models models = new Models(orig, back, names);
        Random random = new Random(file.toString().hashCode());
        for (int trial = 0; trial < 20; trial++) {
            Map<String, Double> point = new HashMap<>();
            for (StateVariable sv : orig.stateVariables().values()) {
                point.put(sv.name(), sv.initialValue() + (random.nextDouble() - 0.5) * (1 + Math.abs(sv.initialValue())));
            }
            double t = random.nextDouble() * 0.5;
            models.assertSameAt(point, t, file, (int) clampSides);
        }
    }

    /** Both models as evaluable trees (functions inlined, names as the user wrote them). */
    private static final class Models {
        private final Dynamics orig;
        private final Dynamics back;
        private final Map<String, String> names;
        private final Map<String, Expr> origTrees = new LinkedHashMap<>();
        private final Map<String, Expr> backTrees = new LinkedHashMap<>();

        Models(Dynamics orig, Dynamics back, Map<String, String> names) {
            this.orig = orig;
            this.back = back;
            this.names = names;
            ExpressionReader origReader = reader(orig);
            orig.derivedParameters().values().forEach(p -> origTrees.put(p.name(), read(origReader, p.equation().rhs())));
            orig.parameters().values().stream().filter(p -> p.value() == null && p.equation() != null)
                    .forEach(p -> origTrees.put(p.name(), read(origReader, p.equation().rhs())));
            orig.derivedVariables().values().forEach(dv -> origTrees.put(dv.name(), derived(origReader, dv)));
            ExpressionReader backReader = reader(back);
            back.derivedVariables().values().forEach(dv -> backTrees.put(dv.name(), derived(backReader, dv)));
        }

        /** {@code clampSides}: the imported events begin with the clamps, the user's events follow. */
        void assertSameAt(Map<String, Double> states, double t, Path file, int clampSides) {
            Map<String, Double> origEnv = new HashMap<>();
            orig.parameters().values().stream().filter(p -> p.value() != null).forEach(p -> origEnv.put(p.name(), p.value()));
            origEnv.putAll(states);
            origEnv.put("t", t);
            Map<String, Double> backEnv = new HashMap<>();
            back.parameters().values().forEach(p -> backEnv.put(p.name(), p.value()));
            states.forEach((name, value) -> backEnv.put(names.get(name), value));
            backEnv.put("t", t);
            ExpressionReader origReader = reader(orig);
            ExpressionReader backReader = reader(back);
            for (StateVariable sv : orig.stateVariables().values()) {
                double a = value(read(origReader, sv.equation().rhs()), origEnv, origTrees);
                double b = value(read(backReader, back.stateVariables().get(names.get(sv.name())).equation().rhs()),
                        backEnv, backTrees);
                assertClose(a, b, file + ": rate of " + sv.name() + " at " + states + ", t=" + t);
            }
            for (DerivedVariable dv : orig.derivedVariables().values()) {
                double a = value(origTrees.get(dv.name()), origEnv, origTrees);
                double b = value(backTrees.get(names.get(dv.name())), backEnv, backTrees);
                assertClose(a, b, file + ": derived variable " + dv.name());
            }
            List<Event> origEvents = new ArrayList<>(orig.events().values());
            List<Event> backEvents = new ArrayList<>(back.events().values())
                    .subList(clampSides, back.events().size());
            for (int i = 0; i < origEvents.size(); i++) {
                double a = value(read(origReader, origEvents.get(i).condition().rhs()), origEnv, origTrees);
                double b = value(read(backReader, backEvents.get(i).condition().rhs()), backEnv, backTrees);
                assertEquals(a != 0.0, b != 0.0, file + ": condition of event " + origEvents.get(i).name());
                Map<String, String> origAffect = affect(origEvents.get(i));
                Map<String, String> backAffect = affect(backEvents.get(i));
                assertEquals(origAffect.size(), backAffect.size(), file + ": assignments of " + origEvents.get(i).name());
                origAffect.forEach((target, rhs) -> assertClose(value(read(origReader, rhs), origEnv, origTrees),
                        value(read(backReader, backAffect.get(names.get(target))), backEnv, backTrees),
                        file + ": assignment to " + target));
            }
        }
    }

    private static void assertClose(double a, double b, String what) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return;
        }
        assertTrue(a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)),
                what + ": " + a + " vs " + b);
    }

    private static Map<String, String> affect(Event e) {
        Map<String, String> out = new LinkedHashMap<>();
        if (e.affect() == null || e.affect().rhs() == null) {
            return out;
        }
        for (String piece : e.affect().rhs().split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                out.put(piece.substring(0, eq).trim(), piece.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** Evaluates with derived items computed on demand from their trees. */
    private static double value(Expr e, Map<String, Double> env, Map<String, Expr> derived) {
        return Evaluator.evaluate(e, Evaluator.withMathConstants(name -> {
            if (env.containsKey(name)) {
                return env.get(name);
            }
            Expr tree = derived.get(name);
            if (tree == null) {
                throw new AssertionError("unknown symbol " + name);
            }
            double v = value(tree, env, derived);
            env.put(name, v);
            return v;
        }));
    }

    private static ExpressionReader reader(Dynamics d) {
        Map<String, String> identity = new LinkedHashMap<>();
        symbols(d).forEach(s -> identity.put(s, s));
        List<ExpressionReader.FunctionSource> functions = new ArrayList<>();
        d.functions().values().forEach(f -> functions.add(new ExpressionReader.FunctionSource(f.name(), f.arguments(),
                new RhsText(f.equation().rhs(), SourceLocation.unknown("test"), "function " + f.name()))));
        return new ExpressionReader(identity, functions);
    }

    private static Expr read(ExpressionReader reader, String text) {
        return reader.read(new RhsText(text, SourceLocation.unknown("test"), "an expression"));
    }

    private static Expr derived(ExpressionReader reader, DerivedVariable dv) {
        if (dv.equation() != null && dv.equation().rhs() != null && !dv.equation().rhs().isBlank()) {
            return read(reader, dv.equation().rhs());
        }
        List<Expr.Case> cases = new ArrayList<>();
        for (org.lemsbridge.experiment.Case c : dv.cases()) {
            Expr condition = c.condition() == null || c.condition().isBlank() || c.condition().trim().equals("True")
                    ? new Expr.Bool(true) : read(reader, c.condition());
            cases.add(new Expr.Case(read(reader, c.equation().rhs()), condition));
        }
        return new Expr.Piecewise(cases);
    }

    private static List<String> symbols(Dynamics d) {
        List<String> all = new ArrayList<>();
        all.addAll(d.parameters().keySet());
        all.addAll(d.derivedParameters().keySet());
        all.addAll(d.stateVariables().keySet());
        all.addAll(d.derivedVariables().keySet());
        return all;
    }

    /** The renderer renames symbols that clash with LEMS names by a suffix; find the imported name. */
    private static String backName(String name, Dynamics back) {
        for (String candidate : List.of(name, name + "_par", name + "_sv", name + "_dv")) {
            if (symbols(back).contains(candidate)) {
                return candidate;
            }
        }
        return name;
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() || unit.equals("dimensionless") || unit.equals("1") ? "" : unit;
    }

    private static boolean renders(Path file) {
        try {
            new ExperimentToLems().render(ExperimentReader.read(file));
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }
}
