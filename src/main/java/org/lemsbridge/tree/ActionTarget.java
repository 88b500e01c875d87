package org.lemsbridge.tree;

/**
 * What actions act on: an instance's variables, its out ports and its regime. During initialisation that is the
 * tree's {@link Node}; during the steps, the simulator's runtime state of the same instance.
 */
public interface ActionTarget {
    double[] vars();

    void emit(int outPort);

    void enterRegime(int regime);
}
