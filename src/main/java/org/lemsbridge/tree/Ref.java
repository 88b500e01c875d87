package org.lemsbridge.tree;

/** A readable value somewhere in the instance tree: one slot of an instance's variables or exposures. */
public record Ref(double[] array, int index) {
    public double get() {
        return array[index];
    }

    // Written out, as a record's own equals and hashCode are: the generated ones are linked at their first call,
    // which spins some 30 method-handle classes (about 18 ms of a run's start).
    @Override
    public boolean equals(Object other) {
        return other instanceof Ref ref && ref.array == array && ref.index == index;
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(array) + index;
    }
}
