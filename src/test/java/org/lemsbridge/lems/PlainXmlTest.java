package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.xml.LemsCorpus;
import org.lemsbridge.lems.xml.PlainXml;
import org.lemsbridge.testing.SharedFolder;

/**
 * {@link PlainXml}, the reader's quick path, gives exactly what StAX gives: the same tree (tags, attributes in order,
 * values, every element's line and column) or the same refusal (message, place, hint), on real files, on awkward
 * documents and on thousands of random edits of small ones. And it really is the path real files take.
 */
class PlainXmlTest {

    private static final PlainXml.Handler NOWHERE = new PlainXml.Handler() {
        @Override
        public void start(String tag, int line, int column, List<String> attributes) {
        }

        @Override
        public void end() {
        }
    };

    @Test
    void realFilesReadTheSameAndTakeTheQuickPath() throws IOException {
        List<Path> files = new ArrayList<>(LemsCorpus.projectFiles());
        files.addAll(LemsCorpus.upstreamFiles());
        files.addAll(LemsCorpus.upstreamNeuroMlFiles());
        Path scaling = SharedFolder.file("reference-data/scaling");
        try (Stream<Path> models = Files.list(scaling)) {
            files.addAll(models.filter(f -> f.toString().endsWith(".xml")).sorted().toList());
        }
        List<String> slow = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // StAX's own positions slip by a tag in large files (its character offset is off where a tag crosses its
            // buffer: LEMS_Izh_scaled_N10000.xml's explicitInput on line 1747 is placed on 1748), so places are
            // checked against the text itself
            assertEquals(withoutPlaces(stax(text)), withoutPlaces(quick(text)), file.toString());
            if (PlainXml.scan(text, NOWHERE)) {
                assertPlacesAreTags(text, SecureXml.read(text, file.toString()), file);
            } else {
                slow.add(file.getFileName().toString());
            }
        }
        assertTrue(files.size() > 100, files.size() + " files");
        // the NeuroML core types, the LEMS examples and the models are all plain XML; the few that are not use
        // character references or CDATA, which StAX reads
        assertTrue(slow.stream().noneMatch(name -> name.equals("Cells.xml") || name.startsWith("LEMS_")),
                "left to StAX: " + slow);
        assertTrue(slow.size() * 10 < files.size(), "left to StAX: " + slow);
    }

    @Test
    void awkwardDocumentsReadTheSame() {
        List<String> documents = List.of(
                "<Lems/>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Lems/>",
                "<?xml version='1.0' encoding='utf-8' standalone='yes'?><Lems/>",
                "<?xml version=\"1.0\"?>\r\n<Lems/>",
                "<?xml version=\"1.1\"?><Lems/>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Lems/>",
                "<?xml version=\"1.0\"encoding=\"UTF-8\"?><Lems/>",
                "<?xml  version = \"1.0\"  ?><Lems/>",
                " <?xml version=\"1.0\"?><Lems/>",
                "<?xml-stylesheet href=\"a\"?><Lems/>",
                "<!-- before --><Lems/><!-- after -->\n",
                "<Lems><!-- a -- b --></Lems>",
                "<Lems><!-- a ---></Lems>",
                "<Lems><!----></Lems>",
                "<Lems><!---></Lems>",
                "<Lems><?pi data?></Lems>",
                "<Lems><![CDATA[ x ]]></Lems>",
                "<!DOCTYPE Lems><Lems/>",
                "<!DOCTYPE Lems [<!ENTITY e \"x\">]><Lems><Constant name=\"&e;\" value=\"1\"/></Lems>",
                "<Lems>text &amp; more</Lems>",
                "<Lems>a ]]> b</Lems>",
                "<Lems>a ] ]> b > c</Lems>",
                "<Lems><Constant name=\"a&amp;b&lt;&gt;&quot;&apos;\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"&#65;\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"&#x41;\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"&unknown;\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"a & b\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"a < b\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"a > b\" value=\"1\"/></Lems>",
                "<Lems><Constant name='it\"s' value='1'/></Lems>",
                "<Lems><Constant name=\"a\tb\nc\r\nd\re  f\" value=\"1\"/></Lems>",
                "<Lems>\r\n  <Constant\r\n name=\"a\"\r\n value=\"1\"/>\r\n  <Constant name=\"b\" value=\"2\"/>\r\n</Lems>",
                "<Lems>\r  <Constant name=\"a\" value=\"1\"/>\r</Lems>",
                "<Lems><Constant name=\"a\" name=\"b\" value=\"1\"/></Lems>",
                "<Lems><Constant name=\"a\"value=\"1\"/></Lems>",
                "<Lems><Constant name=a value=\"1\"/></Lems>",
                "<Lems><Constant name=\"a\" value=\"1\"/ ></Lems>",
                "<Lems><Constant name = \"a\"\n\tvalue\n=\n'1' /></Lems>",
                "<Lems><Component id=\"c\" type=\"t\"></Component ></Lems>",
                "<Lems><Component id=\"c\" type=\"t\"></Componen></Lems>",
                "<Lems><Component id=\"c\" type=\"t\">",
                "<Lems></Lems><Lems/>",
                "<Lems></Lems>junk",
                "junk<Lems></Lems>",
                "",
                "   ",
                "<!-- only a comment -->",
                "<Lems><1a/></Lems>",
                "<Lems><a.b-c_d x.y-z=\"1\"/></Lems>",
                "<Lems><caf\u00e9 id=\"x\"/></Lems>",
                "<Lems><Component id=\"caf\u00e9 \ud83d\ude00\" type=\"t\"/></Lems>",
                "<Lems><Component id=\"\ud800\" type=\"t\"/></Lems>",
                "<Lems><Component id=\"\u0001\" type=\"t\"/></Lems>",
                "<Lems><Component id=\"\u0085\" type=\"t\"/></Lems>",
                "<Lems>\u0001</Lems>",
                "<Lems><!-- \u0001 --></Lems>",
                "<l:Lems xmlns:l=\"u\"/>",
                "<Lems xmlns=\"http://www.neuroml.org/lems/0.7.6\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"a b\"><Constant name=\"c\" value=\"1\"/></Lems>",
                "<Lems xsi:schemaLocation=\"a b\"/>",
                "<Lems><Component xmlns:p=\"u\" p:x=\"1\" id=\"a\" type=\"t\"/><Component p:x=\"1\" id=\"b\" type=\"t\"/></Lems>",
                "<Lems xmlns:p=\"u\" xmlns:q=\"u\"><Component p:x=\"1\" q:x=\"2\" id=\"a\" type=\"t\"/></Lems>",
                "<Lems xmlns:p=\"u\" xmlns:q=\"v\"><Component p:x=\"1\" q:x=\"2\" id=\"a\" type=\"t\"/></Lems>",
                "<Lems xmlns:p=\"\"/>",
                "<Lems xmlns:p=\"u\" xmlns:p=\"u\"/>",
                "<Lems xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<Lems xmlns:x=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<Lems xml:lang=\"en\"/>",
                "<Lems xml:space=\"maybe\"/>",
                "<Lems a:b:c=\"1\"/>",
                "<Lems :a=\"1\"/>",
                "<Lems xmlns=\"\"/>",
                "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\" id=\"n\"><pulseGenerator id=\"p\"/></neuroml>",
                "<Lems><Dimension name=\"voltage\" m=\"1\" bogus=\"2\"/></Lems>",
                "<Lems><ComponentType name=\"t\"><Parameterr name=\"p\" dimension=\"none\"/></ComponentType></Lems>",
                "<Lems><ComponentType name=\"t\"><Parameter name=\"p\" dimension=\"none\"/></ComponentType>"
                        + "<ComponentType name=\"u\" & /></Lems>",
                "<Lems><Dimension name=\"v\" bogus=\"1\" m=\"1\"/><Dimension name=\"w\" m=\"1\" m=\"2\"/></Lems>",
                "<Lems>\n  <Dimension\n    name=\"v\"\n    bogus=\"1\"/></Lems>",
                "<Lems>" + "<a>".repeat(205) + "</a>".repeat(205) + "</Lems>",
                "<Lems><Component id=\"x\" type=\"t\" " + "n".repeat(300) + "=\"1\"/></Lems>");
        for (String document : documents) {
            assertEquals(stax(document), quick(document), document);
        }
    }

    @Test
    void randomEditsReadTheSame() {
        List<String> seeds = List.of(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Lems>\n  <!-- a model -->\n"
                        + "  <ComponentType name=\"cell\" extends=\"base\">\n"
                        + "    <Parameter name=\"tau\" dimension=\"time\"/>\n"
                        + "    <Dynamics><TimeDerivative variable=\"v\" value=\"-v / tau &lt; 1\"/></Dynamics>\n"
                        + "  </ComponentType>\n  <cell id=\"c1\" tau=\"10ms\" note='a &amp; b'/>\n</Lems>\n",
                "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\"\n"
                        + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                        + "    xsi:schemaLocation=\"http://www.neuroml.org/schema/neuroml2 x.xsd\" id=\"n\">\n"
                        + "  <izhikevichCell id=\"iz\" v0=\"-70mV\" thresh=\"30mV\"\ta=\"0.02\"/>\n"
                        + "  <network id=\"net\"><population id=\"p\" component=\"iz\" size=\"2\"/></network>\n"
                        + "</neuroml>\n");
        List<String> pieces = List.of("<", ">", "/", "/>", "</", "&", "&amp;", "&lt;", "&#65;", "&x;", ";", "\"", "'",
                "=", "!", "?", "-", "--", "<!--", "-->", "]]>", "<![CDATA[x]]>", "<?p x?>", "<!DOCTYPE x>", ":", "p:",
                "xsi:", "xml:", "xmlns:p=\"u\" ", "xmlns=\"\" ", " b=\"1\"", " name=\"n\"", "\r", "\r\n", "\n", "\t", " ",
                "\u0001", "\u00e9", "\ud83d\ude00", "\ud800", "\u0085", "<a>", "</a>", "<a/>", "<Lems>", "</Lems>",
                "<Parameter name=\"x\" dimension=\"none\"/>", "<bogus/>", "x");
        Random random = new Random(18);
        int mutants = 0;
        int quickPath = 0;
        for (int round = 0; round < 3000; round++) {
            String document = seeds.get(round % seeds.size());
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(document.length() + 1);
                switch (random.nextInt(4)) {
                    case 0, 1 -> document = document.substring(0, at) + pieces.get(random.nextInt(pieces.size()))
                            + document.substring(at);
                    case 2 -> document = document.substring(0, at)
                            + document.substring(Math.min(document.length(), at + 1 + random.nextInt(4)));
                    default -> {
                        int end = Math.min(document.length(), at + random.nextInt(30));
                        document = document.substring(0, at) + document.substring(at, end) + document.substring(at);
                    }
                }
            }
            assertEquals(stax(document), quick(document), document);
            mutants++;
            if (PlainXml.scan(document, NOWHERE)) {
                quickPath++;
            }
        }
        // the edits reach both paths: some documents stay plain, most do not
        assertTrue(quickPath > mutants / 10 && quickPath < mutants, quickPath + " of " + mutants + " plain");
    }

    private static String withoutPlaces(String dump) {
        return dump.replaceAll(" @doc\\.xml:\\d+:\\d+", "");
    }

    /** Every element's line and column is the {@code <} of a start tag of its name, and they follow in document order. */
    private static void assertPlacesAreTags(String text, XmlElement root, Path file) {
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lineStarts.add(i + 1);
        }
        List<XmlElement> elements = new ArrayList<>();
        collect(root, elements);
        int previous = -1;
        for (XmlElement element : elements) {
            int offset = lineStarts.get(element.location().line() - 1) + element.location().column() - 1;
            String open = "<" + element.tag();
            char after = text.charAt(offset + open.length());
            assertTrue(offset > previous && text.startsWith(open, offset)
                    && (Character.isWhitespace(after) || after == '/' || after == '>'), file + ": " + element.tag()
                    + " placed at " + element.location());
            previous = offset;
        }
    }

    private static void collect(XmlElement element, List<XmlElement> into) {
        into.add(element);
        element.children().forEach(child -> collect(child, into));
    }

    /** What the reader makes of {@code text}: its tree, or its refusal. */
    private static String quick(String text) {
        try {
            return dump(SecureXml.read(text, "doc.xml"));
        } catch (BadInputException e) {
            return refusal(e);
        }
    }

    private static String stax(String text) {
        try {
            return dump(SecureXml.readWithStax(text, "doc.xml"));
        } catch (BadInputException e) {
            return refusal(e);
        }
    }

    private static String refusal(BadInputException e) {
        return "refused at " + e.location() + ": " + e.getMessage() + " / " + e.hint() + " / " + e.kind();
    }

    /** Tags, positions and attributes in document order, nested. */
    private static String dump(XmlElement element) {
        String attributes = element.attributes().entrySet().stream().map(Map.Entry::toString)
                .collect(Collectors.joining(", "));
        String children = element.children().stream().map(PlainXmlTest::dump).collect(Collectors.joining(" "));
        return "<" + element.tag() + " @" + element.location() + " [" + attributes + "] " + children + ">";
    }
}
