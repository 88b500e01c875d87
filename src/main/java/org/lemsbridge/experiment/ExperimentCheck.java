package org.lemsbridge.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The rules {@link ExperimentReader} and the experiment schema apply to a document's values, for an
 * {@link Experiment} built in code (import builds one per population member without any text): names of events
 * and functions are identifiers, TVBO fields that would change the numbers are refused, the step and duration are
 * positive, the time scale is one the schema names. The reader applies the same refusals and words its messages
 * the same way as it reads, at the node it reads.
 */
public final class ExperimentCheck {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Set<String> TIME_SCALES = Set.of("s", "ms", "us");
    static final Set<String> EVENT_TYPES = Set.of("continuous", "discrete", "preset_time", "stimulus");

    /** A TVBO field that LEMS cannot honour when its value makes {@code changesNumbers} true. */
    record Refusal(String key, Predicate<YamlNode> changesNumbers, String why) {

        boolean refuses(YamlNode value) {
            return !isEmpty(value) && changesNumbers.test(value);
        }

        String message(String path) {
            return path + ": cannot be honoured in LEMS: " + why;
        }

        static Refusal ifGiven(String key, String why) {
            return new Refusal(key, v -> true, why);
        }
    }

    static final List<Refusal> EXPERIMENT = List.of(
            Refusal.ifGiven("stimulation", "a stimulus changes the numbers and is not rendered"),
            Refusal.ifGiven("field_dynamics", "neural field dynamics are not rendered"));
    static final List<Refusal> DYNAMICS = List.of(
            new Refusal("number_of_modes", v -> numberAbove(v, 1), "only one mode can be rendered"),
            Refusal.ifGiven("stimulus", "a stimulus changes the numbers and is not rendered"));
    static final List<Refusal> STATE_VARIABLE = List.of(
            new Refusal("equation_type", v -> textIs(v, "algebraic"),
                    "an algebraic equation is not a time derivative and is not rendered"),
            new Refusal("equation_order", v -> numberAbove(v, 1), "only first-order equations can be rendered"),
            Refusal.ifGiven("noise", "noise changes the numbers and LEMS here is deterministic"));
    static final List<Refusal> INTEGRATION = List.of(
            Refusal.ifGiven("noise", "noise changes the numbers and LEMS here is deterministic"));

    private ExperimentCheck() {
    }

    /** Throws the first rule {@code experiment} breaks, at the location of the record that breaks it. */
    public static void check(Experiment experiment) {
        refuse(experiment.extras(), EXPERIMENT, "", experiment.location());
        Dynamics dynamics = experiment.dynamics();
        if (dynamics != null) {
            check(dynamics);
        }
        Integration integration = experiment.integration();
        if (integration != null) {
            check(integration);
        }
        Network network = experiment.network();
        if (network != null && network.numberOfNodes() < 1) {
            throw new BadInputException(network.location(), mustBe("network.number_of_nodes", ">= 1",
                    Integer.toString(network.numberOfNodes())));
        }
    }

    private static void check(Dynamics dynamics) {
        refuse(dynamics.extras(), DYNAMICS, "dynamics", dynamics.location());
        for (StateVariable sv : dynamics.stateVariables().values()) {
            refuse(sv.extras(), STATE_VARIABLE, "dynamics.state_variables." + sv.name(), sv.location());
        }
        for (Event event : dynamics.events().values()) {
            identifier("dynamics.events", event.name(), event.location());
            if (event.eventType() != null && !EVENT_TYPES.contains(event.eventType())) {
                throw new BadInputException(event.location(), notOneOf("dynamics.events." + event.name()
                        + ".event_type", EVENT_TYPES, event.eventType()));
            }
        }
        for (Function function : dynamics.functions().values()) {
            identifier("dynamics.functions", function.name(), function.location());
        }
    }

    private static void check(Integration integration) {
        refuse(integration.extras(), INTEGRATION, "integration", integration.location());
        if (!(integration.stepSize() > 0)) {
            throw new BadInputException(integration.location(), mustBe("integration.step_size", "> 0",
                    Double.toString(integration.stepSize())));
        }
        if (!(integration.duration() > 0)) {
            throw new BadInputException(integration.location(), mustBe("integration.duration", "> 0",
                    Double.toString(integration.duration())));
        }
        if (!(integration.transientTime() >= 0)) {
            throw new BadInputException(integration.location(), mustBe("integration.transient_time", ">= 0",
                    Double.toString(integration.transientTime())));
        }
        if (!TIME_SCALES.contains(integration.timeScale())) {
            throw new BadInputException(integration.location(), notOneOf("integration.time_scale", TIME_SCALES,
                    integration.timeScale()));
        }
    }

    private static void refuse(Extras extras, List<Refusal> refusals, String path, SourceLocation where) {
        for (Refusal refusal : refusals) {
            RawValue value = extras.get(refusal.key());
            if (value != null && refusal.refuses(YamlNode.of(value, where))) {
                throw new BadInputException(where, refusal.message(path.isEmpty() ? refusal.key()
                        : path + "." + refusal.key()));
            }
        }
    }

    private static void identifier(String path, String name, SourceLocation where) {
        if (!isIdentifier(name)) {
            throw new BadInputException(where, notAnIdentifier(path, name));
        }
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    static String notAnIdentifier(String path, String name) {
        return path + ": the name '" + name + "' is not an identifier (letters, digits and _, not starting with a digit)";
    }

    static String mustBe(String path, String bound, String found) {
        return path + ": must be " + bound + ", found " + found;
    }

    private static String notOneOf(String path, Set<String> allowed, String found) {
        return path + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", found '"
                + found + "'";
    }

    private static boolean isEmpty(YamlNode node) {
        return Fields.isNull(node)
                || node instanceof YamlNode.Mapping m && m.entries().isEmpty()
                || node instanceof YamlNode.Sequence s && s.items().isEmpty()
                || node instanceof YamlNode.Scalar sc && sc.type().equals("bool")
                        && List.of("false", "no", "off", "n").contains(sc.text().toLowerCase(Locale.ROOT));
    }

    private static boolean numberAbove(YamlNode node, double limit) {
        return node instanceof YamlNode.Scalar s && (s.type().equals("int") || s.type().equals("float"))
                && Fields.number(s, "value") > limit;
    }

    private static boolean textIs(YamlNode node, String text) {
        return node instanceof YamlNode.Scalar s && s.text().trim().equalsIgnoreCase(text);
    }
}
