package org.lemsbridge.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.DatFiles;

/**
 * Runs a small self-contained LEMS model written for a test: a prelude of our own (time units and a minimal
 * Simulation/output vocabulary) plus the test's types and components, recording the given quantities.
 */
final class TinyModel {

    private static final String PRELUDE = """
            <Lems>
              <Dimension name="time" t="1"/>
              <Unit symbol="s" dimension="time" power="0"/>
              <Unit symbol="ms" dimension="time" power="-3"/>
              <ComponentType name="Sim">
                <Parameter name="length" dimension="time"/>
                <Parameter name="step" dimension="time"/>
                <ComponentReference name="target" type="Any"/>
                <Text name="seed"/>
                <Children name="files" type="File"/>
                <Children name="eventFiles" type="EventFile"/>
                <Simulation><Run component="target" variable="t" increment="step" total="length"/></Simulation>
              </ComponentType>
              <ComponentType name="File">
                <Text name="fileName"/>
                <Children name="columns" type="Col"/>
                <Simulation><DataWriter path="path" fileName="fileName"/></Simulation>
              </ComponentType>
              <ComponentType name="Col">
                <Path name="quantity"/>
                <Simulation><Record quantity="quantity"/></Simulation>
              </ComponentType>
              <ComponentType name="EventFile">
                <Text name="fileName"/>
                <Text name="format"/>
                <Children name="selections" type="Sel"/>
                <Simulation><EventWriter path="path" fileName="fileName" format="format"/></Simulation>
              </ComponentType>
              <ComponentType name="Sel">
                <Path name="select"/>
                <Text name="eventPort"/>
                <Simulation><EventRecord quantity="select" eventPort="eventPort"/></Simulation>
              </ComponentType>
              <Target component="sim"/>
            """;

    private TinyModel() {
    }

    /** The LEMS text: prelude, {@code body}, and a Sim recording {@code quantities} into out.dat. */
    static String document(String body, String target, String length, String step, String extraOutputs,
            String... quantities) {
        StringBuilder xml = new StringBuilder(PRELUDE).append(body);
        xml.append("<Sim id=\"sim\" length=\"").append(length).append("\" step=\"").append(step)
                .append("\" target=\"").append(target).append("\">\n<File id=\"f\" fileName=\"out.dat\">\n");
        for (int i = 0; i < quantities.length; i++) {
            xml.append("<Col id=\"c").append(i).append("\" quantity=\"").append(quantities[i]).append("\"/>\n");
        }
        xml.append("</File>\n").append(extraOutputs).append("</Sim>\n</Lems>\n");
        return xml.toString();
    }

    /**
     * A type {@code Group} with the children {@code cells} of type {@code type}, and group {@code g} of {@code count}
     * of them with ids {@code prefix}0, {@code prefix}1, ...: to follow the body that declares {@code type}.
     */
    static String groupOf(String type, String prefix, int count) {
        StringBuilder group = new StringBuilder("<ComponentType name=\"Group\">\n  <Children name=\"cells\" type=\"")
                .append(type).append("\"/>\n</ComponentType>\n<Group id=\"g\">\n");
        for (int i = 0; i < count; i++) {
            group.append("<").append(type).append(" id=\"").append(prefix).append(i).append("\"/>\n");
        }
        return group.append("</Group>\n").toString();
    }

    static LemsModel model(String xml) {
        return LemsReader.read(xml, "tiny.xml", Path.of("").toAbsolutePath(), List.of());
    }

    /** Runs and returns the rows of out.dat. */
    static List<double[]> run(Path out, String body, String target, String length, String step,
            String... quantities) throws IOException {
        return runWith(out, body, target, length, step, "", quantities);
    }

    static List<double[]> runWith(Path out, String body, String target, String length, String step,
            String extraOutputs, String... quantities) throws IOException {
        LemsModel model = model(document(body, target, length, step, extraOutputs, quantities));
        Simulator.build(model, SimulationOptions.writingTo(out)).run();
        return DatFiles.read(out.resolve("out.dat"));
    }

    static String text(Path file) throws IOException {
        return Files.readString(file);
    }
}
