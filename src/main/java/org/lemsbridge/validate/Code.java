package org.lemsbridge.validate;

import java.util.Locale;

/**
 * The stable codes of validation findings, each with a one-line summary (the SARIF rule's description). Scripts may
 * rely on them: a code is never renamed or reused, only added.
 */
public enum Code {
    /** A file cannot be read at all (malformed, unsafe, missing); reported with exit code 2. */
    UNREADABLE("LB100", "the file cannot be read at all (malformed, unsafe or missing)"),
    SCHEMA("LB101", "the document does not conform to the XML schema given with --schema"),
    DUPLICATE_ID("LB201", "two components in one scope share an id"),
    DUPLICATE_TYPE("LB202", "a ComponentType is defined twice; the first definition is used"),
    UNKNOWN_TYPE("LB203", "an element names a ComponentType (or a type extends one) that is not defined"),
    DANGLING_REFERENCE("LB204", "a component reference or prototype names an id that no component has"),
    TARGET("LB206", "the Target names a component that does not exist, or there is more than one Target"),
    OUTPUT_PATH("LB207", "a recorded quantity path (OutputColumn, EventSelection, Line) resolves to nothing"),
    NOT_A_STATE("LB208", "a TimeDerivative or StateAssignment names something that is not a state variable"),
    NOT_FINITE("LB209", "a component's value is not a finite number"),
    UNKNOWN_ATTRIBUTE("LB210", "a component has an attribute its ComponentType does not declare"),
    MISSING_PARAMETER("LB211", "a component gives no value for a Parameter of its ComponentType"),
    BAD_VALUE("LB212", "a component's value cannot be read: an unknown unit or a unit of the wrong dimension"),
    UNRESOLVED("LB213", "building the instance tree (as a run does, without running it) finds a reference, path,"
            + " select, port or requirement that resolves to nothing"),
    DIMENSION_MISMATCH("LB301", "an expression's dimension differs from the dimension it must have"),
    INCONSISTENT_EXPRESSION("LB302", "the parts of an expression do not fit together"),
    UNKNOWN_SYMBOL("LB303", "an expression uses a name its ComponentType does not define"),
    UNKNOWN_DIMENSION("LB304", "a declaration names a dimension that is not defined"),
    EXPRESSION_TOO_DEEP("LB305", "an expression is nested too deeply to be checked or run safely"),
    EXPERIMENT("LB401", "a YAML experiment the renderer refuses"),
    SUITE("LB402", "a suite case or OMV test names a file that is missing or cannot be checked"),
    RUN_LIMITS("LB501", "the simulation's step, length or number of steps is outside what a run accepts"),
    RUN_SIZE("LB502", "the run would build too many instances, take too many instance-steps, or need more heap than"
            + " it has"),
    CASE_FAILED("LB601", "a check case ran but failed its verdict: its trace differs from its reference beyond the"
            + " required tier, or a check of its OMV test failed",
            "The model ran; the numbers it produced do not match the reference closely enough. Open the case's page"
            + " in the report (cases/NAME/index.html) for each column's metrics, the first place it differs and a"
            + " plot; fix the model, or regenerate the reference if the change is intended."),
    CASE_ERROR("LB602", "a check case stopped before it could be compared, on input that can be fixed (a missing or"
            + " misspelled output, an unreadable trace, a run that stopped)",
            "The message names the file and line of the problem; the case's page in the report"
            + " (cases/NAME/index.html) says the same. Validate the case's model with 'lemsbridge validate'."),
    CASE_CRASH("LB603", "a check case stopped on an internal error of lemsbridge (a bug) or on exhausted resources",
            "Not a problem of the model: rerun with --debug and report the stack trace, or give the run more heap"
            + " with LEMSBRIDGE_JAVA_OPTS when the message says it ran out of memory.");

    private static final String DOCUMENTED = "Every code is listed in docs/validate-and-hostile-input.md.";

    private final String id;
    private final String summary;
    private final String help;

    Code(String id, String summary) {
        this(id, summary, null);
    }

    Code(String id, String summary, String help) {
        this.id = id;
        this.summary = summary;
        this.help = help;
    }

    /** The printed code, e.g. {@code LB301}. */
    public String id() {
        return id;
    }

    /** What the code means, in one line without a full stop. */
    public String summary() {
        return summary;
    }

    /** How to act on a finding of this code (the SARIF rule's help), ending with where every code is listed. */
    public String help() {
        return (help == null ? id + " " + name() + ": " + summary + "." : help) + " " + DOCUMENTED;
    }

    /** The name in upper camel case, e.g. {@code DimensionMismatch}, as SARIF names rules. */
    public String ruleName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
