package org.lemsbridge.sim;

/** A compiled condition over one instance's variable slots. */
@FunctionalInterface
interface BoolOp {
    boolean test(double[] vars);
}
