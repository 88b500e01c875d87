package org.lemsbridge.tree;

/** A readable value somewhere in the instance tree: one slot of an instance's variables or exposures. */
public record Ref(double[] array, int index) {
    public double get() {
        return array[index];
    }
}
