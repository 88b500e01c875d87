package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;

/** The Target's run, read under the names its Simulation type's {@code <Run>} gives, with its seed. */
class TargetRunTest {

    private static final String TYPES = """
            <Lems>
              <Dimension name="time" t="1"/>
              <Unit symbol="ms" dimension="time" power="-3"/>
              <ComponentType name="Cell"/>
              <ComponentType name="Runner">
                <Parameter name="dt" dimension="time"/>
                <Parameter name="until" dimension="time"/>
                <ComponentReference name="what" type="Cell"/>
                <Text name="seed"/>
                <Simulation><Run component="what" variable="t" increment="dt" total="until"/></Simulation>
              </ComponentType>
              <ComponentType name="NotARunner"><Parameter name="dt" dimension="time"/></ComponentType>
              <Cell id="c"/>
            """;

    private static LemsModel model(String components) {
        return LemsReader.read(TYPES + components + "</Lems>", "run.xml", Path.of("").toAbsolutePath(), List.of());
    }

    @Test
    void theRunIsReadUnderTheNamesOfItsType() {
        TargetRun run = model("<Target component=\"r\"/><Runner id=\"r\" dt=\"0.025ms\" until=\"2ms\" what=\"c\""
                + " seed=\"42\"/>").targetRun().orElseThrow();
        assertEquals(new TargetRun.Quantity("dt", 0.025 * 0.001, "0.025ms"), run.step());
        assertEquals(new TargetRun.Quantity("until", 0.002, "2ms"), run.length());
        assertEquals("c", run.target());
        assertEquals(OptionalLong.of(42), run.seed());
        assertEquals(14, run.location().line());
    }

    @Test
    void aModelWithoutTargetHasNoRunAndAnUnseededRunNoSeed() {
        assertTrue(model("").targetRun().isEmpty());
        assertEquals(OptionalLong.empty(), model("<Target component=\"r\"/><Runner id=\"r\" dt=\"1ms\" until=\"2ms\""
                + " what=\"c\"/>").targetRun().orElseThrow().seed());
    }

    @Test
    void aTargetThatCannotRunIsRefusedAtTheSimulation() {
        assertEquals("run.xml:15:1: r (NotARunner) is not a Simulation (its type has no <Run>)", refusal(
                "<Target component=\"r\"/>\n<NotARunner id=\"r\" dt=\"1ms\"/>"));
        assertEquals("run.xml:15:1: r (Runner) needs 'until'", refusal(
                "<Target component=\"r\"/>\n<Runner id=\"r\" dt=\"1ms\" what=\"c\"/>"));
        assertEquals("run.xml:15:1: seed 'x' is not an integer", refusal(
                "<Target component=\"r\"/>\n<Runner id=\"r\" dt=\"1ms\" until=\"2ms\" what=\"c\" seed=\"x\"/>"));
    }

    private static String refusal(String components) {
        LemsModel model = model(components);
        return assertThrows(BadInputException.class, model::targetRun).oneLine();
    }
}
