package org.lemsbridge.validate;

/**
 * The stable codes of validation findings. Scripts may rely on them: a code is never renamed or reused, only
 * added.
 */
public enum Code {
    /** The document does not conform to the XSD given with {@code --schema}. */
    SCHEMA("LB101"),
    /** Two components in one scope share an id. */
    DUPLICATE_ID("LB201"),
    /** Two ComponentTypes share a name; the first one is used. */
    DUPLICATE_TYPE("LB202"),
    /** An element names a ComponentType (or a type extends one) that is not defined. */
    UNKNOWN_TYPE("LB203"),
    /** A component reference or prototype names an id that no component has. */
    DANGLING_REFERENCE("LB204"),
    /** {@code <Target>} names a component that does not exist, or there is more than one Target. */
    TARGET("LB206"),
    /** An output column or recorded quantity path resolves to nothing. */
    OUTPUT_PATH("LB207"),
    /** A component has an attribute its ComponentType does not declare (a misspelling, mostly). */
    UNKNOWN_ATTRIBUTE("LB210"),
    /** A component gives no value for a Parameter of its ComponentType. */
    MISSING_PARAMETER("LB211"),
    /** A component's value cannot be read: an unknown unit, or a unit of the wrong dimension. */
    BAD_VALUE("LB212"),
    /** A TimeDerivative or StateAssignment names something that is not a state variable. */
    NOT_A_STATE("LB208"),
    /** An expression's dimension differs from the dimension it must have. */
    DIMENSION_MISMATCH("LB301"),
    /** The parts of an expression do not fit together (adding a voltage to a current, say). */
    INCONSISTENT_EXPRESSION("LB302"),
    /** An expression uses a name its ComponentType does not define. */
    UNKNOWN_SYMBOL("LB303"),
    /** A declaration names a dimension that is not defined. */
    UNKNOWN_DIMENSION("LB304"),
    /** An expression is nested too deeply to be checked or run safely. */
    EXPRESSION_TOO_DEEP("LB305"),
    /** A component's value is not a finite number (NaN, infinite, or beyond the range of a double). */
    NOT_FINITE("LB209"),
    /** A YAML experiment the renderer refuses (unknown symbol, cycle, bad unit, ...). */
    EXPERIMENT("LB401"),
    /** The simulation's step, length or number of steps is outside what a run accepts. */
    RUN_LIMITS("LB501"),
    /** The run would build too many instances, take too many instance-steps, or need more heap than it has. */
    RUN_SIZE("LB502");

    private final String id;

    Code(String id) {
        this.id = id;
    }

    /** The printed code, e.g. {@code LB301}. */
    public String id() {
        return id;
    }
}
