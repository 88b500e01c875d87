package org.lemsbridge.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.YamlLoader;

/**
 * Reads a TVBO SimulationExperiment YAML document into an {@link Experiment}, accepting the shortcuts and
 * aliases of the TVBO grammar, and checks it against {@code /schemas/experiment.schema.json}. Every problem
 * is a {@link BadInputException} at the offending node.
 */
public final class ExperimentReader {

    private ExperimentReader() {
    }

    /** True for a file an experiment is read from ({@code .yaml}/{@code .yml}); anything else is taken as LEMS. */
    public static boolean isExperimentFile(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    public static Experiment read(Path file) {
        return read(file, ModelLibrary.NONE);
    }

    /** Reads {@code file}, finding a model it refers to ({@code iri: tvbo:NAME}, keyed dynamics) in {@code library}. */
    public static Experiment read(Path file, ModelLibrary library) {
        String fileName = file.toString();
        String text = YamlLoader.readText(file);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw IoFailure.cannotRead(fileName, e);
        }
        YamlNode root = YamlComposer.compose(text, fileName, real.getParent(), real);
        return fromTree(root, library);
    }

    /** Reads text; {@code fileName} is used in locations, {@code baseDir} resolves includes (null: none). */
    public static Experiment read(String yaml, String fileName, Path baseDir) {
        return read(yaml, fileName, baseDir, ModelLibrary.NONE);
    }

    /** As {@link #read(String, String, Path)}, finding a model the text refers to in {@code library}. */
    public static Experiment read(String yaml, String fileName, Path baseDir, ModelLibrary library) {
        return fromTree(YamlComposer.compose(yaml, fileName, baseDir), library);
    }

    private static Experiment fromTree(YamlNode root, ModelLibrary library) {
        DocumentKind kind = root instanceof YamlNode.Mapping m ? DocumentKind.of(m) : DocumentKind.EXPERIMENT;
        switch (kind) {
            case MODEL -> {
                Experiment experiment = modelFile((YamlNode.Mapping) root, library);
                SchemaCheck.validateModel(root);
                return experiment;
            }
            case INTEGRATOR -> throw new BadInputException(root.location(), "this is a TVBO integrator (method, "
                    + "step_size, ...), not an experiment or a model", "give its fields under 'integration:' of an"
                            + " experiment whose 'dynamics:' is the model");
            case COUPLING_FUNCTION -> throw new BadInputException(root.location(), "this is a TVBO coupling function"
                    + " (pre_expression, post_expression), not an experiment or a model", "lemsbridge runs one node,"
                            + " whose coupling inputs are 0; simulate the model file or an experiment around it");
            default -> {
                Experiment experiment = experiment(root, library);
                SchemaCheck.validate(root);
                return experiment;
            }
        }
    }

    /**
     * A model file of TVBO's database on its own, or a reference to one with overrides: the dynamics of an experiment
     * with one node and TVBO's default integration, as TVBO builds an experiment from a model alone.
     */
    private static Experiment modelFile(YamlNode.Mapping root, ModelLibrary library) {
        YamlNode.Mapping model = ModelReferences.resolve(root, "", library);
        return new Experiment(null, null, dynamics(model, ""), Integration.defaults(root.location()),
                Network.single(root.location()), Extras.NONE, root.location(), true);
    }

    private static YamlNode.Mapping mapping(YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new BadInputException(node.location(), (path.isEmpty() ? "the document" : path)
                + ": expected a mapping, found " + Fields.describe(node));
    }

    private static Experiment experiment(YamlNode root, ModelLibrary library) {
        Fields f = new Fields(mapping(root, ""), "");
        refuse(f, ExperimentCheck.EXPERIMENT);
        String label = f.string("label");
        String description = f.string("description");
        Dynamics dynamics = null;
        YamlNode dynamicsNode = f.take("dynamics");
        String dynamicsPath = "dynamics";
        if (dynamicsNode instanceof YamlNode.Sequence) {
            // Old schema: 'dynamics' listed names and the model lived in 'local_dynamics'.
            f.forget("dynamics");
            dynamicsNode = null;
        }
        YamlNode legacy = f.take("local_dynamics", "model");
        if (legacy != null) {
            if (dynamicsNode != null) {
                throw new BadInputException(legacy.location(), "local_dynamics: the model is given twice "
                        + "(also as 'dynamics')");
            }
            dynamicsNode = legacy;
            dynamicsPath = "local_dynamics";
        }
        if (dynamicsNode != null && !Fields.isNull(dynamicsNode)) {
            YamlNode.Mapping model = ModelReferences.resolve(mapping(dynamicsNode, dynamicsPath), dynamicsPath, library);
            dynamics = dynamics(model, dynamicsPath);
        }
        YamlNode integrationNode = f.take("integration");
        Integration integration = integrationNode == null || Fields.isNull(integrationNode)
                ? Integration.defaults(root.location()) : integration(integrationNode);
        YamlNode networkNode = f.take("network", "connectivity");
        Network network = networkNode == null || Fields.isNull(networkNode)
                ? Network.single(root.location()) : network(networkNode);
        return new Experiment(label, description, dynamics, integration, network, f.rest(Vocabulary.EXPERIMENT), root.location());
    }

    private static Dynamics dynamics(YamlNode node, String path) {
        Fields f = new Fields(mapping(node, path), path);
        refuse(f, ExperimentCheck.DYNAMICS);
        String name = f.string("name");
        String label = f.string("label");
        String iri = f.string("iri");
        String description = f.string("description");
        Map<String, Parameter> parameters = keyed(f, "parameters", ExperimentReader::parameter, false);
        Map<String, Parameter> derivedParameters = keyed(f, "derived_parameters", ExperimentReader::parameter, false);
        Map<String, DerivedVariable> derivedVariables =
                keyed(f, "derived_variables", ExperimentReader::derivedVariable, false);
        Map<String, StateVariable> stateVariables = keyed(f, "state_variables", ExperimentReader::stateVariable, false);
        Map<String, Event> events = keyed(f, "events", ExperimentReader::event, true);
        Map<String, Function> functions = keyed(f, "functions", ExperimentReader::function, true);
        f.renameExtra("components", "modes");
        return new Dynamics(name == null ? Dynamics.DEFAULT_NAME : name, label, iri, parameters, derivedParameters,
                derivedVariables, stateVariables, events, functions, f.rest(Vocabulary.DYNAMICS), node.location(), description);
    }

    /** Reads a keyed collection ({@code name: entry}); each entry reader gets the key, the value and its path. */
    private static <T> Map<String, T> keyed(Fields parent, String key, EntryReader<T> reader, boolean identifiers) {
        YamlNode node = parent.take(key);
        String path = parent.pathOf(key);
        LinkedHashMap<String, T> out = new LinkedHashMap<>();
        if (node == null || Fields.isNull(node)) {
            return out;
        }
        if (!(node instanceof YamlNode.Mapping map)) {
            throw new BadInputException(node.location(), path + ": expected a mapping from name to entry, found "
                    + Fields.describe(node));
        }
        for (YamlNode.Entry e : map.entries()) {
            if (identifiers && !ExperimentCheck.isIdentifier(e.name())) {
                throw new BadInputException(e.key().location(), ExperimentCheck.notAnIdentifier(path, e.name()));
            }
            out.put(e.name(), reader.read(e.name(), e.value(), path + "." + e.name(), e.key().location()));
        }
        return out;
    }

    @FunctionalInterface
    private interface EntryReader<T> {
        T read(String name, YamlNode value, String path, SourceLocation keyLocation);
    }

    /** The entry's fields, checking that an inner {@code name} agrees with the key. */
    private static Fields entryFields(String name, YamlNode node, String path) {
        Fields f = new Fields(mapping(node, path), path);
        YamlNode inner = f.take("name");
        if (inner != null && !Fields.isNull(inner)) {
            String innerName = Fields.text(inner, f.pathOf("name"));
            if (!innerName.equals(name)) {
                throw new BadInputException(inner.location(), f.pathOf("name") + ": '" + innerName
                        + "' disagrees with its key '" + name + "'");
            }
        }
        return f;
    }

    private static Parameter parameter(String name, YamlNode node, String path, SourceLocation keyLocation) {
        if (Fields.isNull(node)) {
            return new Parameter(name, null, null, null, null, Extras.NONE, keyLocation);
        }
        if (node instanceof YamlNode.Scalar) {
            return new Parameter(name, Fields.number(node, path), null, null, null, Extras.NONE, node.location());
        }
        Fields f = entryFields(name, node, path);
        Double value = f.number("value");
        String unit = f.string("unit");
        String description = f.string("description");
        Equation equation = equation(f, "equation");
        return new Parameter(name, value, unit, description, equation, f.rest(Vocabulary.PARAMETER), node.location());
    }

    /** An Equation field: a mapping, or a bare string meaning its rhs. Null when absent. */
    private static Equation equation(Fields parent, String key) {
        YamlNode node = parent.take(key);
        if (node == null || Fields.isNull(node)) {
            return null;
        }
        return equation(node, parent.pathOf(key));
    }

    private static Equation equation(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s) {
            return new Equation(null, s.text(), Extras.NONE, s.location());
        }
        Fields f = new Fields(mapping(node, path), path);
        String lhs = f.string("lhs", "lefthandside");
        YamlNode rhsNode = f.take("rhs", "righthandside");
        String rhs = Fields.text(rhsNode, f.pathOf("rhs"));
        SourceLocation rhsLocation = rhsNode == null || rhs == null ? node.location() : rhsNode.location();
        YamlNode.Entry conditionals = f.peek("conditionals");
        if (conditionals != null && !Fields.isNull(conditionals.value())
                && !(conditionals.value() instanceof YamlNode.Sequence list && list.items().isEmpty())) {
            if (rhs != null) {
                throw new BadInputException(conditionals.key().location(), f.pathOf("conditionals")
                        + ": an equation gives either rhs or conditionals, not both");
            }
            List<Conditional> pieces = conditionals(f.take("conditionals"), f.pathOf("conditionals"));
            return new Equation(lhs, null, f.rest(Vocabulary.EQUATION), conditionals.key().location(), pieces);
        }
        return new Equation(lhs, rhs, f.rest(Vocabulary.EQUATION), rhsLocation);
    }

    /** TVBO's piecewise equation: a list of {@code {condition, expression}}, the first holding condition wins. */
    private static List<Conditional> conditionals(YamlNode list, String path) {
        if (!(list instanceof YamlNode.Sequence sequence)) {
            throw new BadInputException(list.location(), path + ": expected a list of {condition, expression}, found "
                    + Fields.describe(list));
        }
        List<Conditional> pieces = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String itemPath = path + "[" + i + "]";
            YamlNode item = sequence.items().get(i);
            Fields c = new Fields(mapping(item, itemPath), itemPath);
            YamlNode condition = c.take("condition");
            YamlNode expression = c.take("expression");
            c.checkAll(Vocabulary.CONDITIONAL);
            String conditionText = Fields.text(condition, c.pathOf("condition"));
            String expressionText = Fields.text(expression, c.pathOf("expression"));
            if (conditionText == null || conditionText.isBlank() || expressionText == null
                    || expressionText.isBlank()) {
                throw new BadInputException(item.location(), itemPath + " needs both a condition and an expression");
            }
            pieces.add(new Conditional(conditionText, expressionText, condition.location(), expression.location()));
        }
        return pieces;
    }

    private static StateVariable stateVariable(String name, YamlNode node, String path, SourceLocation keyLocation) {
        if (Fields.isNull(node)) {
            return new StateVariable(name, null, StateVariable.DEFAULT_INITIAL_VALUE, false, null, true, Extras.NONE,
                    keyLocation);
        }
        Fields f = entryFields(name, node, path);
        refuse(f, ExperimentCheck.STATE_VARIABLE);
        for (String bounds : List.of("domain", "range", "boundaries")) {
            YamlNode.Entry e = f.peek(bounds);
            if (e != null && e.value() instanceof YamlNode.Mapping m) {
                new Fields(m, f.pathOf(bounds)).checkAll(Vocabulary.RANGE);
            }
        }
        Equation equation = equation(f, "equation");
        Double initial = f.number("initial_value");
        String unit = f.string("unit");
        Boolean ofInterest = f.bool("variable_of_interest");
        f.renameExtra("range", "domain");
        YamlNode boundaries = f.take("boundaries");
        if (boundaries != null) {
            mapping(boundaries, f.pathOf("boundaries"));
            if (f.has("domain") || f.has("range")) {
                // TVBO's files carry both: the domain describes, the boundaries clamp; both are kept as written.
                f.forget("boundaries");
            } else {
                f.replaceExtra("boundaries", "domain", clampedDomain(boundaries, f.pathOf("boundaries")));
                f.forget("boundaries");
            }
        }
        return new StateVariable(name, equation, initial == null ? StateVariable.DEFAULT_INITIAL_VALUE : initial,
                initial != null, unit, ofInterest == null || ofInterest, f.rest(Vocabulary.STATE_VARIABLE), node.location());
    }

    /** Legacy {@code boundaries: {lo, hi}} becomes {@code domain: {lo, hi, enforce: clamp}}. */
    private static RawValue clampedDomain(YamlNode boundaries, String path) {
        YamlNode.Mapping map = mapping(boundaries, path);
        LinkedHashMap<String, RawValue> domain = new LinkedHashMap<>();
        for (YamlNode.Entry e : map.entries()) {
            domain.put(e.name(), YamlNode.toRaw(e.value()));
        }
        domain.putIfAbsent("enforce", RawValue.Scalar.string("clamp"));
        return new RawValue.Mapping(domain);
    }

    private static DerivedVariable derivedVariable(String name, YamlNode node, String path, SourceLocation keyLocation) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            // A bare string is the equation.
            return new DerivedVariable(name, equation(node, path), null, false, List.of(), Extras.NONE, node.location());
        }
        if (Fields.isNull(node)) {
            return new DerivedVariable(name, null, null, false, List.of(), Extras.NONE, keyLocation);
        }
        Fields f = entryFields(name, node, path);
        Equation equation = equation(f, "equation");
        String unit = f.string("unit");
        Boolean conditional = f.bool("conditional");
        List<Case> cases = cases(f.take("cases"), f.pathOf("cases"));
        return new DerivedVariable(name, equation, unit, conditional != null && conditional, cases, f.rest(Vocabulary.DERIVED_VARIABLE),
                node.location());
    }

    private static List<Case> cases(YamlNode node, String path) {
        List<Case> cases = new ArrayList<>();
        if (node == null || Fields.isNull(node)) {
            return cases;
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw new BadInputException(node.location(), path + ": expected a list of cases, found "
                    + Fields.describe(node));
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String itemPath = path + "[" + i + "]";
            Fields f = new Fields(mapping(item, itemPath), itemPath);
            YamlNode condition = f.take("condition");
            String conditionText = Fields.text(condition, f.pathOf("condition"));
            Equation equation = equation(f, "equation");
            SourceLocation where = conditionText == null ? item.location() : condition.location();
            cases.add(new Case(conditionText, equation, where, f.rest(Vocabulary.CASE)));
        }
        return cases;
    }

    private static Event event(String name, YamlNode node, String path, SourceLocation keyLocation) {
        if (Fields.isNull(node)) {
            return new Event(name, null, null, null, Extras.NONE, keyLocation);
        }
        Fields f = entryFields(name, node, path);
        Equation condition = equation(f, "condition");
        Equation affect = equation(f, "affect");
        String eventType = f.string("event_type");
        return new Event(name, condition, affect, eventType, f.rest(Vocabulary.EVENT), node.location());
    }

    private static Function function(String name, YamlNode node, String path, SourceLocation keyLocation) {
        if (Fields.isNull(node)) {
            return new Function(name, List.of(), null, Extras.NONE, keyLocation);
        }
        Fields f = entryFields(name, node, path);
        YamlNode argumentsNode = f.take("arguments");
        List<String> arguments = new ArrayList<>();
        if (argumentsNode instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String itemPath = f.pathOf("arguments") + "[" + i + "]";
                String argument = Fields.text(item, itemPath);
                if (argument == null) {
                    throw new BadInputException(item.location(), itemPath + ": expected an argument name, found nothing");
                }
                arguments.add(argument);
            }
        } else if (argumentsNode instanceof YamlNode.Mapping map) {
            boolean detailed = false;
            for (YamlNode.Entry e : map.entries()) {
                arguments.add(entryArgument(e, f.pathOf("arguments")));
                detailed |= !(e.value() instanceof YamlNode.Mapping m && m.entries().size() == 1
                        && m.entry("name") != null) && !Fields.isNull(e.value());
            }
            if (detailed) {
                // Arguments described beyond their names: keep the whole mapping so nothing is lost.
                f.forget("arguments");
            }
        } else if (argumentsNode != null && !Fields.isNull(argumentsNode)) {
            throw new BadInputException(argumentsNode.location(), f.pathOf("arguments")
                    + ": expected a list of names or a mapping, found " + Fields.describe(argumentsNode));
        }
        Equation equation = equation(f, "equation");
        return new Function(name, arguments, equation, f.rest(Vocabulary.FUNCTION), node.location());
    }

    private static String entryArgument(YamlNode.Entry e, String path) {
        if (e.value() instanceof YamlNode.Mapping m) {
            entryFields(e.name(), m, path + "." + e.name());
        } else if (!Fields.isNull(e.value())) {
            throw new BadInputException(e.value().location(), path + "." + e.name()
                    + ": expected a mapping, found " + Fields.describe(e.value()));
        }
        return e.name();
    }

    private static Integration integration(YamlNode node) {
        Fields f = new Fields(mapping(node, "integration"), "integration");
        refuse(f, ExperimentCheck.INTEGRATION);
        String method = f.string("method");
        YamlNode stepNode = f.take("step_size", "dt");
        double step = Integration.DEFAULT_STEP_SIZE;
        if (stepNode != null && !Fields.isNull(stepNode)) {
            step = Fields.number(stepNode, f.pathOf("step_size"));
            if (step <= 0) {
                throw new BadInputException(stepNode.location(), ExperimentCheck.mustBe(f.pathOf("step_size"), "> 0",
                        ((YamlNode.Scalar) stepNode).text()));
            }
        }
        YamlNode durationNode = f.take("duration");
        double duration = Integration.DEFAULT_DURATION;
        if (durationNode != null && !Fields.isNull(durationNode)) {
            duration = Fields.number(durationNode, f.pathOf("duration"));
            if (duration <= 0) {
                throw new BadInputException(durationNode.location(), ExperimentCheck.mustBe(f.pathOf("duration"), "> 0",
                        ((YamlNode.Scalar) durationNode).text()));
            }
        }
        String timeScale = f.string("time_scale", "time_unit");
        YamlNode transientNode = f.take("transient_time");
        double transientTime = 0.0;
        if (transientNode != null && !Fields.isNull(transientNode)) {
            transientTime = Fields.number(transientNode, f.pathOf("transient_time"));
            if (transientTime < 0) {
                throw new BadInputException(transientNode.location(), ExperimentCheck.mustBe(
                        f.pathOf("transient_time"), ">= 0", ((YamlNode.Scalar) transientNode).text()));
            }
        }
        return new Integration(method == null ? Integration.DEFAULT_METHOD : method, step, duration,
                timeScale == null ? Integration.DEFAULT_TIME_SCALE : timeScale, transientTime, f.rest(Vocabulary.INTEGRATION),
                node.location());
    }

    /** Refuses the first field of {@code refusals} whose value LEMS cannot honour, at its key. */
    private static void refuse(Fields f, List<ExperimentCheck.Refusal> refusals) {
        for (ExperimentCheck.Refusal refusal : refusals) {
            YamlNode.Entry e = f.peek(refusal.key());
            if (e != null && refusal.refuses(e.value())) {
                throw new BadInputException(e.key().location(), refusal.message(f.pathOf(refusal.key())));
            }
        }
    }

    private static Network network(YamlNode node) {
        Fields f = new Fields(mapping(node, "network"), "network");
        YamlNode countNode = f.take("number_of_nodes", "number_of_regions");
        int count = 1;
        if (countNode != null && !Fields.isNull(countNode)) {
            count = Fields.integer(countNode, f.pathOf("number_of_nodes"));
            if (count < 1) {
                throw new BadInputException(countNode.location(), ExperimentCheck.mustBe(
                        f.pathOf("number_of_nodes"), ">= 1", Integer.toString(count)));
            }
        }
        return new Network(count, f.rest(Vocabulary.NETWORK), node.location());
    }
}
