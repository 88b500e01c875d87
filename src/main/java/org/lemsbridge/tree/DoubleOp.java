package org.lemsbridge.tree;

/** A compiled arithmetic expression over one instance's variable slots. */
@FunctionalInterface
public interface DoubleOp {
    double eval(double[] vars);
}
