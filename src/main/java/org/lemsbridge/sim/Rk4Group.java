package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A component whose Dynamics says {@code simultaneous="true"}, integrated with its whole subtree as one system by
 * classic fourth-order Runge-Kutta, as jLEMS does for such "flattened" components (lems-semantics §2.7). Inside a
 * stage every instance reads the others' live variables; conditions are tested once after the step.
 */
final class Rk4Group {

    private final Instance[] members;
    private final int[] offsets;
    private final double[] y0;
    private final double[] k1;
    private final double[] k2;
    private final double[] k3;
    private final double[] k4;

    Rk4Group(Instance root) {
        List<Instance> postOrder = new ArrayList<>();
        collect(root, postOrder);
        members = postOrder.toArray(Instance[]::new);
        offsets = new int[members.length];
        int size = 0;
        for (int i = 0; i < members.length; i++) {
            offsets[i] = size;
            size += members[i].kind.rateSlots.length;
        }
        y0 = new double[size];
        k1 = new double[size];
        k2 = new double[size];
        k3 = new double[size];
        k4 = new double[size];
    }

    private static void collect(Instance instance, List<Instance> into) {
        for (Instance child : instance.advanceOrder()) {
            collect(child, into);
        }
        into.add(instance);
    }

    void advance(double t, double dt) {
        gather(y0);
        stage(t, k1);
        scatter(k1, dt / 2);
        stage(t, k2);
        scatter(k2, dt / 2);
        stage(t, k3);
        scatter(k3, dt);
        stage(t, k4);
        for (int m = 0; m < members.length; m++) {
            int[] slots = members[m].kind.rateSlots;
            double[] vars = members[m].vars;
            for (int i = 0; i < slots.length; i++) {
                int j = offsets[m] + i;
                vars[slots[i]] = y0[j] + dt / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        for (Instance member : members) {
            member.evaluateStage(t, k1, offsets[indexOf(member)]);
        }
        for (Instance member : members) {
            member.finishRk4Step(t);
        }
    }

    private int indexOf(Instance member) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == member) {
                return i;
            }
        }
        return -1;
    }

    private void stage(double t, double[] rates) {
        for (int m = 0; m < members.length; m++) {
            members[m].evaluateStage(t, rates, offsets[m]);
        }
    }

    private void gather(double[] into) {
        for (int m = 0; m < members.length; m++) {
            int[] slots = members[m].kind.rateSlots;
            for (int i = 0; i < slots.length; i++) {
                into[offsets[m] + i] = members[m].vars[slots[i]];
            }
        }
    }

    /** Sets every state to y0 + h * rate. */
    private void scatter(double[] rates, double h) {
        for (int m = 0; m < members.length; m++) {
            int[] slots = members[m].kind.rateSlots;
            for (int i = 0; i < slots.length; i++) {
                int j = offsets[m] + i;
                members[m].vars[slots[i]] = y0[j] + h * rates[j];
            }
        }
    }
}
