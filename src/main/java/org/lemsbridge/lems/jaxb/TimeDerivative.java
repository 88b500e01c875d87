package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** The rate of change of a state variable. */
@XmlRootElement(name = "TimeDerivative")
public final class TimeDerivative extends VariableExpression {
}
