package org.lemsbridge.convert;

import org.lemsbridge.expr.Expr;

/**
 * A value computed from others at the start of each step: a derived parameter, a derived variable, or an
 * auxiliary variable holding a lifted {@code Piecewise}. {@code name} is the LEMS name; {@code unit} is the
 * declared unit or null; {@code source} is where the user wrote it.
 */
record DerivedItem(String name, Expr expr, String unit, RhsText source) {
}
