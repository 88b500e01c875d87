package org.lemsbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A LEMS model of one population {@code pop} of Izhikevich cells {@code tonic} in network {@code net}, run by
 * Simulation {@code sim} for a given length and step: the synthetic case whose cost (instances x steps) the shard
 * tests and {@code bench/shard_balance.py} choose, and, with pulse generators, inputs and recorded outputs added, the
 * driven populations of the simulator's batch tests. Its text is the one file
 * {@code src/test/resources/org/lemsbridge/testing/izhikevich-population.xml}, with {@code {a}}, {@code {pulses}},
 * {@code {population}}, {@code {inputs}}, {@code {length}}, {@code {step}} and {@code {outputs}} to fill in.
 *
 * @param a the cells' {@code a} (0.02: tonic spiking)
 * @param pulses elements before the network (pulse generators), one a line
 * @param population the population element(s) inside the network
 * @param inputs what else the network holds (explicit inputs, input lists)
 * @param outputs the Simulation's OutputFiles and EventOutputFiles
 */
public record PopulationModel(String a, String pulses, String population, String inputs, String length, String step,
        String outputs) {

    /** {@code cells} undriven cells, run for {@code length} (say "100ms") in steps of {@code step}, nothing recorded. */
    public static PopulationModel of(int cells, String length, String step) {
        return new PopulationModel("0.02", "", "        <population id=\"pop\" component=\"tonic\" size=\"" + cells
                + "\"/>\n", "", length, step, "");
    }

    /** The model's text: {@code cells} cells, run for {@code length} (say "100ms") in steps of {@code step}. */
    public static String lems(int cells, String length, String step) {
        return of(cells, length, step).lems();
    }

    /** Writes {@link #lems(int, String, String)} to {@code file} and returns it. */
    public static Path write(Path file, int cells, String length, String step) throws IOException {
        return of(cells, length, step).write(file);
    }

    public PopulationModel withA(String value) {
        return new PopulationModel(value, pulses, population, inputs, length, step, outputs);
    }

    public PopulationModel withPulses(String... generators) {
        return new PopulationModel(a, lines(generators), population, inputs, length, step, outputs);
    }

    public PopulationModel withPopulation(String element) {
        return new PopulationModel(a, pulses, element, inputs, length, step, outputs);
    }

    public PopulationModel withInputs(String elements) {
        return new PopulationModel(a, pulses, population, elements, length, step, outputs);
    }

    public PopulationModel withOutputs(String elements) {
        return new PopulationModel(a, pulses, population, inputs, length, step, elements);
    }

    /** A {@code pulseGeneratorDL} (amplitude without unit, as the Izhikevich cell takes it). */
    public static String pulse(String id, String delay, String duration, String amplitude) {
        return "<pulseGeneratorDL id=\"" + id + "\" delay=\"" + delay + "\" duration=\"" + duration + "\" amplitude=\""
                + amplitude + "\"/>";
    }

    /** One {@code explicitInput} a cell into its synapses, cell {@code i} from input {@code inputOf(i)}. */
    public static String explicitInputs(int cells, IntFunction<String> inputOf) {
        return IntStream.range(0, cells).mapToObj(i -> "<explicitInput target=\"pop[" + i + "]\" input=\""
                + inputOf.apply(i) + "\" destination=\"synapses\"/>\n").collect(Collectors.joining());
    }

    /**
     * {@code cells} cells listed one by one ({@code populationList}), each driven through an {@code inputList} by
     * pulse {@code i1} (from 1 ms) weighing {@code weight.apply(cell)}, for 5 ms in steps of 5 us, recording cell 0's v.
     */
    public static PopulationModel weightedPulses(int cells, IntFunction<String> weight) {
        StringBuilder inputs = new StringBuilder();
        StringBuilder instances = new StringBuilder();
        for (int i = 0; i < cells; i++) {
            inputs.append("<inputW id=\"").append(i).append("\" target=\"../pop/").append(i)
                    .append("/tonic\" destination=\"synapses\" weight=\"").append(weight.apply(i)).append("\"/>\n");
            instances.append("<instance id=\"").append(i).append("\"><location x=\"0\" y=\"0\" z=\"0\"/></instance>\n");
        }
        return of(cells, "5ms", "0.005ms")
                .withPulses(pulse("i1", "1ms", "2000ms", "14"))
                .withPopulation("<population id=\"pop\" component=\"tonic\" type=\"populationList\" size=\"" + cells
                        + "\">\n" + instances + "</population>\n")
                .withInputs("<inputList id=\"inputs\" component=\"i1\" population=\"pop\">\n" + inputs
                        + "</inputList>\n")
                .withOutputs("<OutputFile id=\"of0\" fileName=\"v.dat\"><OutputColumn id=\"v\" quantity=\"pop/0/tonic/v\"/>"
                        + "</OutputFile>\n");
    }

    public String lems() {
        return template().replace("{a}", a).replace("{pulses}", pulses).replace("{population}", population)
                .replace("{inputs}", inputs).replace("{length}", length).replace("{step}", step)
                .replace("{outputs}", outputs);
    }

    /** Writes {@link #lems()} to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        return Files.writeString(file, lems());
    }

    private static String lines(String... elements) {
        return IntStream.range(0, elements.length).mapToObj(i -> "    " + elements[i] + "\n")
                .collect(Collectors.joining());
    }

    private static String template() {
        try (InputStream in = PopulationModel.class.getResourceAsStream("izhikevich-population.xml")) {
            if (in == null) {
                throw new IllegalStateException("izhikevich-population.xml is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
