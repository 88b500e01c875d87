package org.lemsbridge.sim;

import org.lemsbridge.lems.Component;

/**
 * A full garbage collection at the two points of a large run where most of what the previous phase built has just
 * become garbage: before the instance tree is built (the XML elements, the checks' work and the reader's copies of
 * the model file are dead) and once the tree is frozen into instances (the tree is dead). The serial collector the
 * launcher uses otherwise keeps such garbage in the old generation until the heap is full, so the memory a process
 * touches would be the sum of every phase rather than the largest one: for 100 000 Izhikevich cells with their
 * inputs, about 250 MB of old generation instead of 180 MB. Small runs skip it, where a collection would cost more
 * than the memory it returns.
 */
final class PhaseEnds {

    /** Components under the target (XML elements read) from which collecting before the build pays. */
    static final int MIN_COMPONENTS = 50_000;
    /** Instances from which collecting once the tree is frozen pays. */
    static final int MIN_INSTANCES = 50_000;

    private PhaseEnds() {
    }

    /** Before the tree of {@code target} is built: collects when its model is large. */
    static void beforeBuilding(Component target) {
        if (atLeast(target, MIN_COMPONENTS) >= MIN_COMPONENTS) {
            System.gc();
        }
    }

    /** Once the tree is frozen into {@code root}'s instances and dropped: collects when there are many. */
    static void afterFreezing(Instance root) {
        if (root.countUpTo(MIN_INSTANCES) >= MIN_INSTANCES) {
            System.gc();
        }
    }

    /** The components in {@code component}'s subtree, counted up to {@code limit}. */
    private static int atLeast(Component component, int limit) {
        int count = 1;
        for (Component child : component.children()) {
            if (count >= limit) {
                break;
            }
            count += atLeast(child, limit - count);
        }
        return count;
    }
}
