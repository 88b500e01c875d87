package org.lemsbridge.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Which shard runs which case. Cases are taken in suite order and each goes to the shard with the least estimated
 * cost so far (the lowest-numbered one on a tie). So the plan depends only on the costs (the same on every machine),
 * appending cases never moves an earlier one (each case's shard depends only on the cases before it), and the
 * costliest shard exceeds the mean by at most the largest case's cost times (1 - 1/N).
 *
 * @param count   the number of shards
 * @param shardOf for each case, in suite order, its shard (1-based)
 * @param loads   for each shard (index 0 is shard 1), the summed cost of its cases
 */
public record ShardPlan(int count, List<Integer> shardOf, List<Double> loads) {

    public ShardPlan {
        shardOf = List.copyOf(shardOf);
        loads = List.copyOf(loads);
    }

    /** The plan for cases of these costs (each finite and not negative) over {@code count} shards. */
    public static ShardPlan of(List<Double> costs, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one shard is needed, got " + count);
        }
        double[] loads = new double[count];
        List<Integer> shardOf = new ArrayList<>(costs.size());
        for (double cost : costs) {
            if (!(cost >= 0) || Double.isInfinite(cost)) {
                throw new IllegalArgumentException("a case's cost must be finite and not negative, got " + cost);
            }
            int lightest = 0;
            for (int s = 1; s < count; s++) {
                if (loads[s] < loads[lightest]) {
                    lightest = s;
                }
            }
            loads[lightest] += cost;
            shardOf.add(lightest + 1);
        }
        List<Double> sums = new ArrayList<>(count);
        for (double load : loads) {
            sums.add(load);
        }
        return new ShardPlan(count, shardOf, sums);
    }

    /** The positions (0-based, in suite order) of the cases shard {@code shard} runs. */
    public List<Integer> positions(int shard) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < shardOf.size(); i++) {
            if (shardOf.get(i) == shard) {
                positions.add(i);
            }
        }
        return positions;
    }
}
