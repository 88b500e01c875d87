package org.lemsbridge.sim;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of consecutive siblings with the same shape (the members of a population, each with its inputs) stepped by
 * one generated loop ({@link BytecodeKernel}): their state moves into one column per variable (structure of arrays).
 */
final class Batch {
    /** Where an instance array's values now live: column {@code slot} at row {@code member}. */
    record Location(double[][] columns, int member) {
    }

    final List<Instance> members;
    /** Instances at each post-order position of a member's subtree. */
    final int positions;
    /** nodes[m * positions + p]: member m's instance at post-order position p. */
    final Instance[] nodes;
    double[][][] varColumns;
    double[][][] exposedColumns;
    /** Every column, once the state has moved into them. */
    private final Set<double[]> columns = Collections.newSetFromMap(new IdentityHashMap<>());

    /** {@code subtrees}: each member's subtree in post-order. */
    Batch(List<Instance> members, List<List<Instance>> subtrees) {
        this.members = List.copyOf(members);
        this.positions = subtrees.get(0).size();
        this.nodes = new Instance[members.size() * positions];
        for (int m = 0; m < members.size(); m++) {
            for (int p = 0; p < positions; p++) {
                nodes[m * positions + p] = subtrees.get(m).get(p);
            }
        }
    }

    int positions() {
        return positions;
    }

    Instance node(int member, int position) {
        return nodes[member * positions + position];
    }

    /** Member 0's subtree in post-order. */
    List<Instance> first() {
        return Arrays.asList(nodes).subList(0, positions);
    }

    /** Moves the state into columns; {@code moved} learns where each {@code referenced} array went. */
    void moveStateToColumns(Map<double[], Location> moved, Set<double[]> referenced) {
        int n = members.size();
        int positions = positions();
        java.util.function.IntConsumer unpacker = this::unpack;
        varColumns = new double[positions][][];
        exposedColumns = new double[positions][][];
        for (int p = 0; p < positions; p++) {
            varColumns[p] = new double[node(0, p).vars.length][n];
            exposedColumns[p] = new double[node(0, p).exposed.length][n];
            for (int m = 0; m < n; m++) {
                Instance node = node(m, p);
                for (int s = 0; s < node.vars.length; s++) {
                    varColumns[p][s][m] = node.vars[s];
                }
                for (int s = 0; s < node.exposed.length; s++) {
                    exposedColumns[p][s][m] = node.exposed[s];
                }
                if (referenced.contains(node.vars)) {
                    moved.put(node.vars, new Location(varColumns[p], m));
                }
                if (referenced.contains(node.exposed)) {
                    moved.put(node.exposed, new Location(exposedColumns[p], m));
                }
                node.stateLivesElsewhere(unpacker, m);
            }
            columns.addAll(Arrays.asList(varColumns[p]));
            columns.addAll(Arrays.asList(exposedColumns[p]));
        }
    }

    /** Every column of the batch (once the state has moved into them). */
    Set<double[]> columns() {
        return Collections.unmodifiableSet(columns);
    }

    /**
     * The columns outside {@code written} (which the step never changes) whose members all hold the same value, bit
     * for bit, with that value.
     */
    Map<double[], Double> sameInEveryMember(Set<double[]> written) {
        Map<double[], Double> same = new IdentityHashMap<>();
        for (double[] column : columns) {
            if (!written.contains(column) && column.length > 0 && allEqual(column)) {
                same.put(column, column[0]);
            }
        }
        return same;
    }

    private static boolean allEqual(double[] column) {
        long bits = Double.doubleToRawLongBits(column[0]);
        for (double value : column) {
            if (Double.doubleToRawLongBits(value) != bits) {
                return false;
            }
        }
        return true;
    }

    /** Copies member m's state back into its instances' own arrays (for error reports). */
    void unpack(int m) {
        for (int p = 0; p < positions; p++) {
            Instance node = node(m, p);
            node.restoreArrays();
            for (int s = 0; s < node.vars.length; s++) {
                node.vars[s] = varColumns[p][s][m];
            }
            for (int s = 0; s < node.exposed.length; s++) {
                node.exposed[s] = exposedColumns[p][s][m];
            }
        }
    }
}
