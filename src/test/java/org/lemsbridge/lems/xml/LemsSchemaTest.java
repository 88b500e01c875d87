package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

class LemsSchemaTest {

    private static final LemsSchema SCHEMA = LemsSchema.bundled();

    @Test
    void everyUpstreamLemsFileIsValid() {
        assertAllValid(LemsCorpus.upstreamFiles());
    }

    @Test
    void everyUpstreamNeuroMlFileIsValid() {
        assertAllValid(LemsCorpus.upstreamNeuroMlFiles());
    }

    @Test
    void theBundledCoreTypesAndExamplesAreValid() {
        List<Path> files = LemsCorpus.projectFiles();
        assertTrue(files.size() >= 9, "expected the bundled core types and examples, found " + files);
        assertAllValid(files);
    }

    @Test
    void componentsUnderTheirTypesNameAreAcceptedWithAnyAttributes() {
        assertEquals(List.of(), SCHEMA.validate("""
                <Lems>
                  <izhikevichCell id="iz" v0="-70mV" a="0.02"><notes>free text</notes></izhikevichCell>
                  <Simulation id="sim" length="1s" step="0.1ms" target="net">
                    <OutputFile id="f" fileName="v.dat"><OutputColumn id="v" quantity="p[0]/v"/></OutputFile>
                  </Simulation>
                  <Component id="c" type="cell" threshold="1V"><Component id="inner" type="x"/></Component>
                </Lems>
                """, "components.xml"));
    }

    @Test
    void brokenDefinitionsAreReportedWhereTheyAre() {
        List<SchemaViolation> violations = SCHEMA.validate("""
                <Lems>
                  <Dimension name="voltage" m="one"/>
                  <ComponentType name="cell">
                    <Parameter dimension="voltage"/>
                    <Dynamics>
                      <Regime name="up" initial="yes"/>
                      <Wobble/>
                    </Dynamics>
                    <Simulation><Run component="c"/></Simulation>
                  </ComponentType>
                  <izhikevichCell id="iz"><Constant name="k"/></izhikevichCell>
                </Lems>
                """, "broken.xml");
        List<Integer> lines = violations.stream().map(v -> v.location().line()).distinct().toList();
        assertEquals(List.of(2, 4, 6, 7, 9, 11), lines, violations.toString());
        assertTrue(violations.stream().allMatch(v -> v.location().file().equals("broken.xml")));
    }

    @Test
    void theNamespaceDoesNotMatter() {
        String body = "<ComponentType name=\"t\"><Parameter name=\"p\" dimension=\"none\"/></ComponentType></Lems>";
        for (String root : List.of("<Lems>", "<Lems xmlns=\"http://www.neuroml.org/lems/0.7.6\">",
                "<Lems xmlns=\"http://www.neuroml.org/schema/neuroml2\">", "<l:Lems xmlns:l=\"urn:other\">")) {
            String xml = root + body.replace("</Lems>", root.startsWith("<l:") ? "</l:Lems>" : "</Lems>");
            assertEquals(List.of(), SCHEMA.validate(xml, "ns.xml"), root);
            String broken = xml.replace(" name=\"p\"", "");
            assertEquals(1, SCHEMA.validate(broken, "ns.xml").size(), root);
        }
    }

    @Test
    void doctypesAndEntitiesAreRefusedBeforeValidation() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Lems [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <Lems><Constant name="c" value="&secret;"/></Lems>
                """;
        String bomb = """
                <!DOCTYPE Lems [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"> ]>
                <Lems><Constant name="c" value="&d;"/></Lems>
                """;
        for (String document : List.of(xxe, bomb)) {
            BadInputException refused = assertThrows(BadInputException.class, () -> SCHEMA.validate(document, "evil.xml"));
            assertTrue(refused.getMessage().startsWith("a DOCTYPE is not allowed"), refused.getMessage());
            assertEquals("evil.xml", refused.location().file());
        }
    }

    @Test
    void malformedXmlIsBadInputWithAPosition() {
        BadInputException malformed = assertThrows(BadInputException.class,
                () -> SCHEMA.validate("<Lems>\n<ComponentType name=\"a\">\n</Lems>", "bad.xml"));
        assertEquals(new SourceLocation("bad.xml", 3, 3), malformed.location());
        assertTrue(malformed.getMessage().startsWith("malformed XML: "), malformed.getMessage());
    }

    private static void assertAllValid(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            SCHEMA.validate(file).forEach(v -> problems.add(v.toString()));
        }
        assertEquals(List.of(), problems, problems.size() + " violations in " + files.size() + " files");
    }
}
