package org.lemsbridge.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.PopulationModel;

/**
 * Measures where stepping a batch on two threads starts to pay (the threshold {@link BatchThreads#MIN_WORK}): for
 * each N, the scaled Izhikevich model (N cells with a pulse each, 200 ms at 5 us, bundled core types) is run in this
 * JVM on one thread and with its cell batch on two, alternately, and the stepping loop's medians are printed with the
 * batch's work (members x bytes of code per member). Usage (after {@code mvn -B -o -q test-compile}):
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt) org.lemsbridge.sim.ThreadThreshold
 * [--sizes 50,100,200,500,1000,2000,5000,10000] [--repeat 5]}
 */
public final class ThreadThreshold {

    private ThreadThreshold() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {50, 100, 200, 500, 1000, 2000, 5000, 10000};
        int repeat = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path folder = Files.createTempDirectory("lemsbridge-threads");
        System.out.println("processors " + Runtime.getRuntime().availableProcessors() + ", repeat " + repeat);
        System.out.println("| N | cell batch work (members x bytes) | loop ms, 1 thread | loop ms, 2 threads | 2 / 1 |");
        System.out.println("|---|---|---|---|---|");
        for (int n : sizes) {
            Path file = folder.resolve("scaled" + n + ".xml");
            Files.writeString(file, model(n));
            LemsModel model = LemsReader.read(file, List.of());
            long work = cellBatchWork(model);
            // only the cell batch is split: the explicitInputs' batch only keeps time (a few bytes per member)
            System.setProperty(BatchThreads.MIN_WORK_PROPERTY, String.valueOf(work));
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            loopMillis(model, folder, 1);
            loopMillis(model, folder, 2);
            for (int r = 0; r < repeat; r++) {
                one.add(loopMillis(model, folder, 1));
                two.add(loopMillis(model, folder, 2));
            }
            double a = median(one);
            double b = median(two);
            System.out.println(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f |", n, work, a, b, b / a));
        }
    }

    private static double loopMillis(LemsModel model, Path folder, int threads) {
        SimulationResult result = Simulator.build(model, SimulationOptions.writingTo(folder.resolve("out"))
                .withThreads(threads)).run();
        return result.loopNanos() / 1e6;
    }

    private static long cellBatchWork(LemsModel model) {
        Engine engine = new Engine(1234L);
        long most = 0;
        for (BytecodeKernel.Splittable batch : Simulator.compile(RuntimeTrees.initialised(model, "net", engine), List.of(), engine)) {
            most = Math.max(most, (long) batch.members() * batch.memberCodeBytes());
        }
        return most;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }

    private static String model(int n) {
        return PopulationModel.of(n, "200ms", "0.005ms")
                .withPulses(PopulationModel.pulse("i1", "20ms", "2000ms", "14"))
                .withInputs(PopulationModel.explicitInputs(n, i -> "i1"))
                .withOutputs("<OutputFile id=\"of0\" fileName=\"v.dat\"><OutputColumn id=\"v0\" quantity=\"pop[0]/v\"/>"
                        + "</OutputFile>\n")
                .lems();
    }
}
