package org.lemsbridge.tree;

/** A compiled condition over one instance's variable slots. */
@FunctionalInterface
public interface BoolOp {
    boolean test(double[] vars);
}
