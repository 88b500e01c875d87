package org.lemsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark models of {@code reference-data/scaling}: N tonic Izhikevich cells (the Ex2 tonic cell), one
 * pulse input each, 200 ms at 5 us. {@link #izhikevich} records cell 0's v like the shared files; {@link #wideTrace}
 * gives every cell its own amplitude and records every v, to produce a large .dat.
 */
final class ScaledModel {

    private ScaledModel() {
    }

    static Path izhikevich(Path folder, int n) throws IOException {
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            inputs.append("    <explicitInput target=\"izpop[").append(i).append("]\" input=\"i1\" destination=\"synapses\"/>\n");
        }
        String columns = "        <OutputColumn id=\"v0\" quantity=\"izpop[0]/v\"/>\n";
        String pulses = "<pulseGeneratorDL id=\"i1\" delay=\"20ms\" duration=\"2000ms\" amplitude=\"14\"/>\n";
        return write(folder.resolve("LEMS_Izh_scaled_N" + n + ".xml"), n, pulses, inputs, columns,
                "izh_scaled_N" + n + "_v.dat");
    }

    static Path wideTrace(Path folder, int n) throws IOException {
        StringBuilder pulses = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pulses.append("<pulseGeneratorDL id=\"i").append(i).append("\" delay=\"20ms\" duration=\"2000ms\" amplitude=\"")
                    .append(5 + 0.1 * i).append("\"/>\n");
            inputs.append("    <explicitInput target=\"izpop[").append(i).append("]\" input=\"i").append(i)
                    .append("\" destination=\"synapses\"/>\n");
            columns.append("        <OutputColumn id=\"v").append(i).append("\" quantity=\"izpop[").append(i)
                    .append("]/v\"/>\n");
        }
        return write(folder.resolve("LEMS_Izh_wide_N" + n + ".xml"), n, pulses.toString(), inputs,
                columns.toString(), "izh_wide_N" + n + ".dat");
    }

    private static Path write(Path file, int n, String pulses, CharSequence inputs, String columns, String datName)
            throws IOException {
        String xml = "<Lems>\n<Target component=\"sim1\"/>\n<Include file=\"Cells.xml\"/>\n<Include file=\"Networks.xml\"/>\n"
                + "<Include file=\"Inputs.xml\"/>\n<Include file=\"Simulation.xml\"/>\n\n"
                + "<izhikevichCell id=\"izTonic\" v0=\"-70mV\" thresh=\"30mV\" a=\"0.02\" b=\"0.2\" c=\"-65\" d=\"6\"/>\n"
                + pulses + "\n<network id=\"net1\">\n    <population id=\"izpop\" component=\"izTonic\" size=\"" + n
                + "\"/>\n" + inputs + "</network>\n\n"
                + "<Simulation id=\"sim1\" length=\"200ms\" step=\"0.005ms\" target=\"net1\">\n"
                + "    <OutputFile id=\"of0\" fileName=\"" + datName + "\">\n" + columns + "    </OutputFile>\n"
                + "</Simulation>\n</Lems>\n";
        Files.writeString(file, xml);
        return file;
    }
}
