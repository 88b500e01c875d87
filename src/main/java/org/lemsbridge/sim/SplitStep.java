package org.lemsbridge.sim;

/** How the first member of a batch stepped on several threads steps the whole batch each step. */
interface SplitStep {
    void step(double t, double dt);
}
