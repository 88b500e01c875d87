package org.lemsbridge.experiment;

import java.util.Set;

/**
 * The fields each kind of TVBO mapping may have: the slots of TVBO's LinkML schema (SimulationExperiment, Dynamics,
 * StateVariable, Parameter, DerivedVariable, Equation, Case, Function, Integrator, Network, Connectome, Range), their
 * legacy forms, the aliases this project reads, and {@code source} (where an imported experiment came from). A field
 * outside its kind's set is a misspelling.
 */
enum Vocabulary {
    EXPERIMENT("experiment", Set.of("additional_equations", "connectivity", "coupling", "description", "dynamics",
            "environment", "field_dynamics", "id", "integration", "label", "local_dynamics", "model", "modelfitting",
            "monitors", "network", "references", "software", "stimulation", "events", "functions",
            "observations", "source")),
    DYNAMICS("dynamics", Set.of("coupling_inputs", "coupling_terms", "derived_from_model", "derived_parameters",
            "derived_variables", "description", "functions", "has_reference", "iri", "label", "local_coupling_term",
            "modes", "components", "modified", "name", "number_of_modes", "output_transforms", "parameters",
            "references", "source", "state_variables", "stimulus", "system_type", "autonomous", "events", "output")),
    PARAMETER("parameter", Set.of("comment", "default", "definition", "description", "domain", "equation",
            "explored_values", "free", "heterogeneous", "label", "name", "reported_optimum", "shape", "symbol", "unit",
            "value")),
    STATE_VARIABLE("state variable", Set.of("boundaries", "coupling_variable", "definition", "description",
            "domain", "range", "equation", "history", "initial_value", "label", "name", "noise",
            "stimulation_variable", "symbol", "unit", "variable_of_interest", "equation_type", "equation_order")),
    DERIVED_VARIABLE("derived variable", Set.of("cases", "conditional", "description", "equation", "name", "symbol",
            "unit", "label", "definition")),
    EQUATION("equation", Set.of("conditionals", "definition", "engine", "label", "latex", "lefthandside", "lhs",
            "parameters", "pycode", "righthandside", "rhs")),
    CASE("case", Set.of("condition", "equation")),
    CONDITIONAL("conditional", Set.of("condition", "expression")),
    EVENT("event", Set.of("affect", "condition", "event_type", "name", "trigger_times", "description", "label")),
    FUNCTION("function", Set.of("acronym", "arguments", "callable", "definition", "description", "equation", "iri",
            "label", "name", "output", "requirements", "source_code")),
    INTEGRATION("integration", Set.of("delayed", "duration", "intermediate_expressions", "method", "noise",
            "number_of_stages", "parameters", "scipy_ode_base", "state_wise_sigma", "step_size", "dt", "steps",
            "time_scale", "time_unit", "transient_time", "unit", "update_expression", "abs_tol", "rel_tol")),
    NETWORK("network", Set.of("couplings", "description", "dynamics", "graph", "label", "node_dynamics",
            "node_dynamics_mapping", "edges", "nodes", "number_of_nodes", "number_of_regions", "conduction_speed",
            "lengths", "node_labels", "normalization", "parcellation", "tractogram", "weights")),
    RANGE("range", Set.of("lo", "hi", "step", "enforce"));

    private final String kind;
    private final Set<String> fields;

    Vocabulary(String kind, Set<String> fields) {
        this.kind = kind;
        this.fields = fields;
    }

    String kind() {
        return kind;
    }

    Set<String> fields() {
        return fields;
    }

    boolean knows(String field) {
        return fields.contains(field);
    }
}
