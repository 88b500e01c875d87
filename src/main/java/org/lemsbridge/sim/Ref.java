package org.lemsbridge.sim;

/** A readable value somewhere in the instance tree: one slot of an instance's vars or exposures. */
record Ref(double[] array, int index) {
    double get() {
        return array[index];
    }
}
