package org.lemsbridge.sim;

/** A compiled arithmetic expression over one instance's variable slots. */
@FunctionalInterface
interface DoubleOp {
    double eval(double[] vars);
}
