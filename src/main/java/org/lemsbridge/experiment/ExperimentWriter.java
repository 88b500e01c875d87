package org.lemsbridge.experiment;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Prints an {@link Experiment} as YAML in the long form ({@code {value: ..., unit: ...}},
 * {@code equation: {rhs: ...}}), block style, modelled keys in a fixed conventional order and each
 * mapping's extras after them. Strings are quoted only where the plain form would read back as another
 * type. Reading the output gives back an equal experiment (compare with {@link Experiment#withoutLocations()}).
 */
public final class ExperimentWriter {

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private ExperimentWriter() {
    }

    public static String write(Experiment experiment) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(experiment(experiment), out);
        String text = out.toString();
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static Node experiment(Experiment e) {
        Block b = new Block();
        b.text("label", e.label());
        b.text("description", e.description());
        if (e.dynamics() != null) {
            // With a legacy 'dynamics' list kept as an extra, the model goes to the old slot.
            b.put(e.extras().has("dynamics") ? "local_dynamics" : "dynamics", dynamics(e.dynamics()));
        }
        if (e.network() != null) {
            b.put("network", network(e.network()));
        }
        if (e.integration() != null) {
            b.put("integration", integration(e.integration()));
        }
        b.extras(e.extras());
        return b.node();
    }

    private static Node dynamics(Dynamics d) {
        Block b = new Block();
        b.text("name", d.name());
        b.text("label", d.label());
        b.text("iri", d.iri());
        b.text("description", d.description());
        b.keyed("parameters", d.parameters(), ExperimentWriter::parameter);
        b.keyed("derived_parameters", d.derivedParameters(), ExperimentWriter::parameter);
        b.keyed("functions", d.functions(), ExperimentWriter::function);
        b.keyed("derived_variables", d.derivedVariables(), ExperimentWriter::derivedVariable);
        b.keyed("state_variables", d.stateVariables(), ExperimentWriter::stateVariable);
        b.keyed("events", d.events(), ExperimentWriter::event);
        b.extras(d.extras());
        return b.node();
    }

    private static Node parameter(Parameter p) {
        Block b = new Block();
        if (p.value() != null) {
            b.put("value", number(p.value()));
        }
        b.text("unit", p.unit());
        b.text("description", p.description());
        b.equation("equation", p.equation());
        b.extras(p.extras());
        return b.node();
    }

    private static Node stateVariable(StateVariable v) {
        Block b = new Block();
        b.equation("equation", v.equation());
        if (v.initialValueGiven()) {
            b.put("initial_value", number(v.initialValue()));
        }
        b.text("unit", v.unit());
        if (!v.variableOfInterest()) {
            b.put("variable_of_interest", scalar("false", "bool"));
        }
        b.extras(v.extras());
        return b.node();
    }

    private static Node derivedVariable(DerivedVariable v) {
        Block b = new Block();
        b.equation("equation", v.equation());
        b.text("unit", v.unit());
        if (v.conditional()) {
            b.put("conditional", scalar("true", "bool"));
        }
        if (!v.cases().isEmpty()) {
            List<Node> cases = new ArrayList<>();
            for (Case c : v.cases()) {
                Block cb = new Block();
                cb.text("condition", c.condition());
                cb.equation("equation", c.equation());
                cb.extras(c.extras());
                cases.add(cb.node());
            }
            b.put("cases", sequence(cases));
        }
        b.extras(v.extras());
        return b.node();
    }

    private static Node event(Event e) {
        Block b = new Block();
        b.equation("condition", e.condition());
        b.equation("affect", e.affect());
        b.text("event_type", e.eventType());
        b.extras(e.extras());
        return b.node();
    }

    private static Node function(Function f) {
        Block b = new Block();
        if (!f.extras().has("arguments") && !f.arguments().isEmpty()) {
            b.put("arguments", sequence(f.arguments().stream().map(ExperimentWriter::string).toList()));
        }
        b.equation("equation", f.equation());
        b.extras(f.extras());
        return b.node();
    }

    private static Node integration(Integration i) {
        Block b = new Block();
        b.text("method", i.method());
        b.put("step_size", number(i.stepSize()));
        b.put("duration", number(i.duration()));
        b.text("time_scale", i.timeScale());
        if (i.transientTime() != 0.0) {
            b.put("transient_time", number(i.transientTime()));
        }
        b.extras(i.extras());
        return b.node();
    }

    private static Node network(Network n) {
        Block b = new Block();
        b.put("number_of_nodes", scalar(Integer.toString(n.numberOfNodes()), "int"));
        b.extras(n.extras());
        return b.node();
    }

    private static Node equation(Equation e) {
        Block b = new Block();
        b.text("lhs", e.lhs());
        if (e.isPiecewise()) {
            b.put("conditionals", sequence(e.conditionals().stream().map(ExperimentWriter::conditional).toList()));
        } else {
            b.text("rhs", e.rhs());
        }
        b.extras(e.extras());
        return b.node();
    }

    private static Node conditional(Conditional c) {
        Block b = new Block();
        b.text("condition", c.condition());
        b.text("expression", c.expression());
        return b.node();
    }

    private static Node raw(RawValue value) {
        if (value instanceof RawValue.Scalar s) {
            return scalar(s.text(), s.type());
        }
        if (value instanceof RawValue.Sequence seq) {
            return sequence(seq.items().stream().map(ExperimentWriter::raw).toList());
        }
        Block b = new Block();
        ((RawValue.Mapping) value).entries().forEach(b::putRaw);
        return b.node();
    }

    /** A double as YAML reads it back exactly: shortest round-trip digits, exponent with a sign. */
    static String formatNumber(double value) {
        String text = Double.toString(value);
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        String mantissa = text.substring(0, e);
        String exponent = text.substring(e + 1);
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    private static Node number(double value) {
        return scalar(formatNumber(value), "float");
    }

    private static Node string(String text) {
        return scalar(text, "str");
    }

    private static Node scalar(String text, String type) {
        DumperOptions.ScalarStyle style = type.equals("str") && text.contains("\n")
                ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
        return new ScalarNode(new Tag(YAML_TAG_PREFIX + type), text, null, null, style);
    }

    private static Node sequence(List<Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), DumperOptions.FlowStyle.BLOCK);
    }

    /** Collects one mapping's entries in order. */
    private static final class Block {
        private final List<NodeTuple> tuples = new ArrayList<>();

        void put(String key, Node value) {
            tuples.add(new NodeTuple(string(key), value));
        }

        void putRaw(String key, RawValue value) {
            put(key, raw(value));
        }

        void text(String key, String value) {
            if (value != null) {
                put(key, string(value));
            }
        }

        void equation(String key, Equation value) {
            if (value != null) {
                put(key, ExperimentWriter.equation(value));
            }
        }

        <V> void keyed(String key, Map<String, V> entries, java.util.function.Function<V, Node> writer) {
            if (entries.isEmpty()) {
                return;
            }
            Block inner = new Block();
            entries.forEach((name, value) -> inner.put(name, writer.apply(value)));
            put(key, inner.node());
        }

        void extras(Extras extras) {
            extras.fields().forEach(this::putRaw);
        }

        Node node() {
            DumperOptions.FlowStyle style = tuples.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
            return new MappingNode(Tag.MAP, new ArrayList<>(tuples), style);
        }
    }
}
