package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** Sets a state variable to the value of an expression. */
@XmlRootElement(name = "StateAssignment")
public final class StateAssignment extends VariableExpression {
}
