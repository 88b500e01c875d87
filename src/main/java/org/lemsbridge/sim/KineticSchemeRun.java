package org.lemsbridge.sim;

import org.lemsbridge.tree.Ref;
import org.lemsbridge.tree.SchemeBinding;

/**
 * One KineticScheme of one instance, advanced as jLEMS does: build the generator matrix from the transitions'
 * forward and reverse rates, take its exponential for dt by scaling and repeated squaring of (I + m), and multiply
 * the occupancy vector by it. Rates and occupancies are read as recorders read them (exposure first); the new
 * occupancies are written to the states' variables.
 */
final class KineticSchemeRun {

    private static final double EPSILON = 1.0e-12;

    private final int states;
    private final int[][] rateTable;
    private final Ref[] forward;
    private final Ref[] reverse;
    private final Ref[] occupancyRead;
    private final Ref[] occupancyWrite;
    private final double[] occupancy;
    private final double[] work;
    private final double[][] generator;
    private final double[][] m;
    private final double[][] square;

    KineticSchemeRun(SchemeBinding binding) {
        this.rateTable = binding.transitions();
        this.forward = binding.forward();
        this.reverse = binding.reverse();
        this.occupancyRead = binding.occupancyRead();
        this.occupancyWrite = binding.occupancyWrite();
        int largest = -1;
        for (int[] edge : rateTable) {
            largest = Math.max(largest, Math.max(edge[0], edge[1]));
        }
        this.states = largest + 1;
        this.occupancy = new double[states];
        this.work = new double[states];
        this.generator = new double[states][states];
        this.m = new double[states][states];
        this.square = new double[states][states];
    }

    private static void clear(double[][] matrix) {
        for (double[] row : matrix) {
            java.util.Arrays.fill(row, 0.0);
        }
    }

    void advance(double dt) {
        double[][] a = generator;
        clear(a);
        for (int i = 0; i < rateTable.length; i++) {
            int source = rateTable[i][0];
            int target = rateTable[i][1];
            double fr = forward[i].get();
            double rr = reverse[i].get();
            a[source][source] -= fr;
            a[target][source] += fr;
            a[target][target] -= rr;
            a[source][target] += rr;
        }
        double[][] e = exponential(a, dt);
        for (int i = 0; i < states; i++) {
            occupancy[i] = occupancyRead[i].get();
        }
        for (int i = 0; i < states; i++) {
            work[i] = 0.0;
            for (int j = 0; j < states; j++) {
                work[i] += e[i][j] * occupancy[j];
            }
        }
        for (int i = 0; i < states; i++) {
            Ref target = occupancyWrite[i];
            target.array()[target.index()] = work[i];
        }
    }

    /** exp(a * t) by halving until max|a t f| <= 1e-12, then p squarings of (I + m) done as m := 2m + m^2. */
    private double[][] exponential(double[][] a, double t) {
        int n = a.length;
        double largest = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j] * t;
                largest = Math.max(largest, Math.abs(m[i][j]));
            }
        }
        int p = 0;
        double f = 1;
        while (largest * f > EPSILON) {
            f *= 0.5;
            p++;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] *= f;
            }
        }
        for (; p > 0; p--) {
            clear(square);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        square[i][j] += m[i][k] * m[k][j];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i][j] += m[i][j];
                    m[i][j] += square[i][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            m[i][i] += 1.0;
        }
        return m;
    }
}
