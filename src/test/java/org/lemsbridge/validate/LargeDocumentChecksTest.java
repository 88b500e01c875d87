package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document of at least {@link Validator#ELEMENTS_CHECKED_ALONGSIDE} elements is checked on two threads; its findings
 * are those of the same mistakes in a small document, checked on one, in the same order and at the same places.
 */
class LargeDocumentChecksTest {

    @TempDir
    Path temp;

    /** Every kind of check finds one mistake, written before the cells, so small and large put them on the same lines. */
    private static final String MODEL = """
            <Lems>
                <Dimension name="voltage" m="1" l="2" t="-3" i="-1"/>
                <Dimension name="time" t="1"/>
                <Unit symbol="mV" dimension="voltage" power="-3"/>
                <Unit symbol="ms" dimension="time" power="-3"/>
                <ComponentType name="Cell">
                    <Parameter name="tau" dimension="time"/>
                    <Parameter name="rest" dimension="voltage"/>
                    <Dynamics>
                        <StateVariable name="v" dimension="voltage"/>
                        <TimeDerivative variable="v" value="(rest - v) * tau"/>
                    </Dynamics>
                </ComponentType>
                <ComponentType name="Cell">
                    <Parameter name="tau" dimension="time"/>
                </ComponentType>
                <ComponentType name="Unused">
                    <Parameter name="g" dimension="conductanse"/>
                </ComponentType>
                <ComponentType name="Net">
                    <Children name="cells" type="Cell"/>
                    <ComponentReference name="best" type="Cell"/>
                </ComponentType>
                <Net id="net" best="nobody">
                    <Cell id="misspelled" tua="10ms" tau="10ms" rest="-65mV"/>
                    <Cell id="huge" tau="1e400ms" rest="-65mV"/>
                    <Cell id="unitless" tau="10 parsec" rest="-65mV"/>
                    CELLS
                </Net>
            </Lems>
            """;

    private Path model(String name, int cells) throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < cells; i++) {
            many.append("<Cell id=\"c").append(i).append("\" tau=\"10ms\" rest=\"-65mV\"/>\n");
        }
        return Files.writeString(temp.resolve(name), MODEL.replace("CELLS", many));
    }

    private static List<String> findings(Path file) {
        return Validator.of(List.of()).validate(file).findings().stream()
                .map(finding -> finding.line().replace(file.toString(), "FILE")).toList();
    }

    @Test
    void aLargeDocumentHasTheFindingsOfASmallOneInTheSameOrder() throws IOException {
        List<String> small = findings(model("small.xml", 3));
        List<String> large = findings(model("large.xml", Validator.ELEMENTS_CHECKED_ALONGSIDE));
        assertEquals(small, large);
        List<String> codes = small.stream().map(line -> line.replaceAll(".*(LB\\d+).*", "$1")).toList();
        // as written (LB202, LB304), reading (LB212), components (LB210, LB204), the rest (LB209, LB301, LB304)
        assertEquals(List.of("LB202", "LB304", "LB212", "LB210", "LB204", "LB209", "LB301", "LB304"), codes,
                String.join("\n", small));
    }
}
