package org.lemsbridge.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ShardPlanTest {

    /** 200 synthetic cases costing 1 to 30 (seconds, say), drawn from a fixed seed. */
    private static List<Double> synthetic(int n) {
        Random random = new Random(16);
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            costs.add(1 + 29 * random.nextDouble());
        }
        return costs;
    }

    @Test
    void eachCaseGoesToTheLightestShardSoFarInSuiteOrder() {
        ShardPlan plan = ShardPlan.of(List.of(5.0, 3.0, 3.0, 2.0, 2.0, 1.0), 2);
        // 5 -> 1 (5|0), 3 -> 2 (5|3), 3 -> 2 (5|6), 2 -> 1 (7|6), 2 -> 2 (7|8), 1 -> 1 (8|8)
        assertEquals(List.of(1, 2, 2, 1, 2, 1), plan.shardOf());
        assertEquals(List.of(8.0, 8.0), plan.loads());
        assertEquals(List.of(0, 3, 5), plan.positions(1));
        assertEquals(List.of(1, 2, 4), plan.positions(2));
    }

    @Test
    void syntheticSuitesAreBalancedWithinTheGreedyBound() {
        List<Double> costs = synthetic(200);
        double total = costs.stream().mapToDouble(Double::doubleValue).sum();
        double largest = costs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        for (int n : new int[] {2, 3, 4, 8, 16}) {
            ShardPlan plan = ShardPlan.of(costs, n);
            double longest = plan.loads().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double mean = total / n;
            assertEquals(total, plan.loads().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            assertTrue(longest <= mean + largest * (1 - 1.0 / n) + 1e-9, n + " shards: " + plan.loads());
            // 200 cases of 1..30: the costliest shard is within 2 % of the mean up to 8 shards, 6 % at 16
            // measured: 1.0011, 1.0065, 1.0155, 1.0143 and 1.0507 times the mean
            assertTrue(longest <= (n <= 8 ? 1.02 : 1.06) * mean, n + " shards: longest " + longest + ", mean " + mean);
        }
    }

    @Test
    void twentyCasesOfOneToThirtySecondsOnFourShardsStayWithinThirtyPercent() {
        List<Double> costs = synthetic(20);
        ShardPlan plan = ShardPlan.of(costs, 4);
        double total = costs.stream().mapToDouble(Double::doubleValue).sum();
        double longest = plan.loads().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(longest <= 1.3 * total / 4, plan.loads() + " total " + total);
    }

    @Test
    void appendingCasesMovesNoEarlierCase() {
        List<Double> costs = synthetic(200);
        for (int n : new int[] {2, 3, 4, 7}) {
            List<Integer> full = ShardPlan.of(costs, n).shardOf();
            for (int prefix : new int[] {1, 10, 57, 150, 199}) {
                assertEquals(full.subList(0, prefix), ShardPlan.of(costs.subList(0, prefix), n).shardOf(),
                        n + " shards, " + prefix + " cases");
            }
        }
    }

    @Test
    void everyCaseIsInExactlyOneShardAndMoreShardsThanCasesLeavesSomeEmpty() {
        ShardPlan plan = ShardPlan.of(List.of(1.0, 1.0, 1.0), 5);
        assertEquals(List.of(1, 2, 3), plan.shardOf());
        assertEquals(List.of(), plan.positions(4));
        List<Integer> all = new ArrayList<>();
        ShardPlan big = ShardPlan.of(synthetic(50), 6);
        for (int s = 1; s <= 6; s++) {
            all.addAll(big.positions(s));
        }
        all.sort(null);
        assertEquals(50, all.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, all.get(i));
        }
    }

    @Test
    void badCostsAndShardCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(List.of(1.0, Double.NaN), 2));
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(List.of(-1.0), 2));
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(List.of(1.0), 0));
    }
}
