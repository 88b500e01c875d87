package org.lemsbridge.lems;

import org.lemsbridge.error.BadInputException;

/**
 * A component value that cannot be read, and the attribute that gives it (null when the value is not the
 * component's own, such as a Fixed value of its type).
 */
public record ValueProblem(String attribute, BadInputException problem) {
}
