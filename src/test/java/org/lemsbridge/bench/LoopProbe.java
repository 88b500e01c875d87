package org.lemsbridge.bench;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.sim.Simulator;
import org.lemsbridge.suite.ModelRunner;

/**
 * Runs one model in this JVM and prints how long loading, building+running and the stepping loop took, as one
 * line {@code load_ns=.. run_ns=.. loop_ns=.. steps=..}. Usage: {@code LoopProbe MODEL OUTDIR [INCLUDE...]}.
 * With a simulator that does not time its loop ({@code loop_ns=-1}) the caller falls back to run_ns.
 */
public final class LoopProbe {

    private LoopProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> includes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            includes.add(Path.of(args[i]));
        }
        long t0 = System.nanoTime();
        ModelRunner.LoadedModel loaded = ModelRunner.load(model, includes);
        long t1 = System.nanoTime();
        SimulationResult result = Simulator.build(loaded.model(), SimulationOptions.writingTo(out)).run();
        long t2 = System.nanoTime();
        System.out.println("load_ns=" + (t1 - t0) + " run_ns=" + (t2 - t1) + " loop_ns=" + loopNanos(result)
                + " steps=" + result.steps());
    }

    private static long loopNanos(SimulationResult result) throws ReflectiveOperationException {
        for (Method method : SimulationResult.class.getMethods()) {
            if (method.getName().equals("loopNanos") && method.getParameterCount() == 0) {
                long nanos = (long) method.invoke(result);
                return nanos > 0 ? nanos : -1;
            }
        }
        return -1;
    }
}
