package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;

/** Malformed and unsafe documents fail with the same one-line message and position as with the plain StAX builder. */
class SecureXmlErrorsTest {

    private static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE Lems [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <Lems><Constant name="c" value="&secret;"/></Lems>
            """;

    private static final String ENTITY_BOMB = """
            <?xml version="1.0"?>
            <!DOCTYPE Lems [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            ]>
            <Lems><Constant name="c" value="&d;"/></Lems>
            """;

    @Test
    void anExternalEntityDocumentIsRefusedAtItsDoctype() {
        BadInputException refused = assertThrows(BadInputException.class, () -> SecureXml.read(XXE, "xxe.xml"));
        assertEquals("xxe.xml", refused.location().file());
        assertEquals(2, refused.location().line());
        assertTrue(refused.getMessage().startsWith("a DOCTYPE is not allowed"), refused.getMessage());
        assertSameFailure(XXE);
    }

    @Test
    void anEntityBombIsRefusedBeforeAnyExpansion() {
        BadInputException refused = assertThrows(BadInputException.class, () -> SecureXml.read(ENTITY_BOMB, "bomb.xml"));
        assertTrue(refused.getMessage().startsWith("a DOCTYPE is not allowed"), refused.getMessage());
        assertEquals(7, refused.location().line(), "the StAX reader reports a DOCTYPE where it ends");
        assertSameFailure(ENTITY_BOMB);
    }

    @Test
    void malformedDocumentsFailAtTheSamePlaceWithTheSameMessage() {
        List<String> documents = List.of(
                "<Lems><ComponentType name=\"a\"></Lems>",
                "<Lems>\n  <Dimension name=\"voltage\" m=\"1\"\n</Lems>",
                "<Lems/>\n<Lems/>",
                "<Lems><Constant name=\"c\" value=\"&undefined;\"/></Lems>",
                "<Lems><Component id=\"x\" a=\"1\" a=\"2\"/></Lems>",
                "",
                "   ",
                "<Lems><izhikevichCell id=\"x\"><bad></izhikevichCell></Lems>",
                "<Lems xmlns:p=\"urn:p\"><q:Component/></Lems>");
        for (String document : documents) {
            BadInputException failure = assertSameFailure(document);
            assertTrue(failure.location().line() >= 1, document + " -> " + failure.oneLine());
        }
    }

    private static BadInputException assertSameFailure(String document) {
        BadInputException before = assertThrows(BadInputException.class, () -> StaxTreeReader.read(document, "doc.xml"),
                document);
        BadInputException now = assertThrows(BadInputException.class, () -> SecureXml.read(document, "doc.xml"),
                document);
        assertEquals(before.oneLine(), now.oneLine(), document);
        assertEquals(before.hint(), now.hint(), document);
        return now;
    }
}
