package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.SharedFolder;

/** jnml -validate's tests beyond the schema (jNeuroML's NeuroML2Validator), each broken once. */
class JnmlTestsTest {
    @TempDir
    Path folder;

    private static final String CHANNEL = "<ionChannelHH id=\"leak\" conductance=\"10pS\"/>\n";

    private static String cell(String morphology, String membrane) {
        return "<cell id=\"c\">\n<morphology id=\"m\">\n" + morphology + "</morphology>\n<biophysicalProperties id=\"b\">\n"
                + "<membraneProperties>\n" + membrane + "</membraneProperties>\n<intracellularProperties/>\n"
                + "</biophysicalProperties>\n</cell>\n";
    }

    private static final String SEGMENTS = "<segment id=\"0\" name=\"soma\"/>\n<segment id=\"1\"><parent segment=\"0\"/>"
            + "</segment>\n<segmentGroup id=\"soma_group\"><member segment=\"0\"/></segmentGroup>\n";

    private List<String> failures(String body) throws IOException {
        Path file = folder.resolve("m.nml");
        Files.writeString(file, "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\" id=\"d\">\n" + body
                + "</neuroml>\n");
        return JnmlTests.of(file).stream().map(JnmlTests.Failure::message).toList();
    }

    @Test
    void aWellFormedCellAndNetworkPass() throws IOException {
        assertEquals(List.of(), failures(CHANNEL + cell(SEGMENTS, "<channelDensity id=\"d1\" ionChannel=\"leak\""
                + " segmentGroup=\"soma_group\"/>\n<channelDensity id=\"d2\" ionChannel=\"leak\"/>\n")
                + "<expOneSynapse id=\"syn\"/>\n<network id=\"n\">\n<population id=\"p\" component=\"c\" size=\"2\"/>\n"
                + "<projection id=\"pr\" presynapticPopulation=\"p\" postsynapticPopulation=\"p\" synapse=\"syn\">\n"
                + "<connection id=\"0\" preCellId=\"../p/1/c\" postCellId=\"../p[0]\" postSegmentId=\"1\"/>\n"
                + "</projection>\n</network>\n"));
    }

    @Test
    void repeatedTopLevelIdsFailAloneAndStopTheOtherTests() throws IOException {
        assertEquals(List.of("Test: 5000 (No repeated Ids on elements at the top level) failed! ... Repeated top level"
                + " (standalone element) Id: leak (ionChannelHH at " + folder.resolve("m.nml") + ":2:1 and"
                + " expOneSynapse)"), failures(CHANNEL + "<expOneSynapse id=\"leak\"/>\n<network id=\"n\">"
                        + "<population id=\"p\" component=\"nothing\"/></network>\n"));
    }

    @Test
    void morphologyTests() throws IOException {
        assertEquals(List.of("Test: 10000 (No repeated segment Ids allowed within a cell) failed! ... Current segment"
                + " ID: 0", "Test: 10002 (Only one segment should have no parent) failed! ... "),
                failures(cell("<segment id=\"0\"/>\n<segment id=\"0\"/>\n", "")));
        assertEquals(List.of("Test: 10003 (Segment Id used in the member element of segmentGroup should exist)"
                + " failed! ... SegmentGroup: g, member: 7", "Test: 10004 (No repeated segmentGroup Ids allowed within"
                        + " a cell) failed! ... SegmentGroup: g", "Test: 10005 (Segment Group used in the include"
                                + " element of segmentGroup should exist) failed! ... SegmentGroup: g, includes: h"),
                failures(cell(SEGMENTS + "<segmentGroup id=\"g\"><member segment=\"7\"/></segmentGroup>\n"
                        + "<segmentGroup id=\"g\"><include segmentGroup=\"h\"/></segmentGroup>\n", "")));
    }

    @Test
    void anIncludedGroupMayBeDefinedLater() throws IOException {
        assertEquals(List.of(), failures(cell(SEGMENTS + "<segmentGroup id=\"all2\"><include segmentGroup=\"later\"/>"
                + "</segmentGroup>\n<segmentGroup id=\"later\"><member segment=\"1\"/></segmentGroup>\n", "")));
    }

    @Test
    void channelDensitiesNeedTheirGroupAndChannel() throws IOException {
        assertEquals(List.of("Test: 10006 (Segment Groups used in biophysicalProperties should exist) failed! ..."
                + " ChannelDensity: d1 specifies: dend which doesn't exist", "Test: 10025 (Ion channel in"
                        + " channelDensity should exist) failed! ... Ion channel: na in d2 not found!"),
                failures(CHANNEL + cell(SEGMENTS, "<channelDensity id=\"d1\" ionChannel=\"leak\" segmentGroup=\"dend\"/>\n"
                        + "<channelDensityNonUniform id=\"d2\" ionChannel=\"na\"/>\n")));
    }

    @Test
    void jnmlStopsWhereItsValidatorThrows() throws IOException {
        assertEquals(List.of("jNeuroML's validator stops here: Cannot find morphology: elsewhere specified as an"
                + " attribute in cell: c"), failures("<cell id=\"c\" morphology=\"elsewhere\"/>\n"));
        assertEquals(List.of("jNeuroML's validator stops here: biophysicalProperties b has no intracellularProperties"
                + " (a NullPointerException in jNeuroML)"), failures("<cell id=\"c\"><biophysicalProperties id=\"b\">"
                        + "<membraneProperties/></biophysicalProperties></cell>\n"));
    }

    @Test
    void morphologyAndBiophysicsByAttributeAreFoundInIncludedFiles() throws IOException {
        Files.writeString(folder.resolve("parts.nml"), "<neuroml id=\"parts\"><morphology id=\"m\">" + SEGMENTS
                + "</morphology><biophysicalProperties id=\"b\"><membraneProperties><channelDensity id=\"d\""
                + " ionChannel=\"leak\" segmentGroup=\"missing\"/></membraneProperties><intracellularProperties/>"
                + "</biophysicalProperties></neuroml>");
        assertEquals(List.of("Test: 10006 (Segment Groups used in biophysicalProperties should exist) failed! ..."
                + " ChannelDensity: d specifies: missing which doesn't exist"), failures("<include href=\"parts.nml\"/>\n"
                        + "<include href=\"absent.nml\"/>\n" + CHANNEL + "<cell id=\"c\" morphology=\"m\""
                        + " biophysicalProperties=\"b\"/>\n"));
    }

    @Test
    void includesThatFormACycleStopJnml() throws IOException {
        Files.writeString(folder.resolve("loop.nml"), "<neuroml id=\"l\"><include href=\"m.nml\"/></neuroml>");
        List<String> failures = failures("<include href=\"loop.nml\"/>\n");
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("includes nest more than 100 deep"), failures.toString());
    }

    @Test
    void networkTests() throws IOException {
        assertEquals(List.of("Test: 10030 (Size attribute in population should match instance number) failed! ..."
                + " Size of population p is specified as 2, but there are 1 instance elements",
                "Test: 10020 (Component in population should exist) failed! ... Component: iaf in p not found!"
                        + " Existing: [syn, n]",
                "Test: 10040 (Population ids in projections should exist) failed! ... Post population id: q in"
                        + " projection pr not found",
                "Test: 10070 (Synapse referred to in a projection should exist) failed! ... Synapse: nosyn in pr not"
                        + " found!",
                "Test: 10060 (Pre/post cell id in connection should be correctly formatted) failed! ... Badly"
                        + " formatted Cell Id attribute in connection 0 of pr: ../p[5]; should be of form: ../p[0] ->"
                        + " ../p[1]",
                "Test: 10060 (Pre/post cell id in connection should be correctly formatted) failed! ... Badly"
                        + " formatted Cell Id attribute in connection 0 of pr: ../q/0/iaf; should be of form:"
                        + " ../q/0/null -> ../q/N/null",
                "Test: 5001 (No repeated Ids on elements inside <network>) failed! ... Repeated id in network"
                        + " elements: p!"),
                failures("<expOneSynapse id=\"syn\"/>\n<network id=\"n\">\n<population id=\"p\" component=\"iaf\""
                        + " type=\"populationList\" size=\"2\"><instance id=\"0\"/></population>\n"
                        + "<projection id=\"pr\" presynapticPopulation=\"p\" postsynapticPopulation=\"q\""
                        + " synapse=\"nosyn\">\n<connection id=\"0\" preCellId=\"../p[5]\" postCellId=\"../q/0/iaf\"/>\n"
                        + "</projection>\n<inputList id=\"p\"/>\n</network>\n"));
    }

    @Test
    void anIndexedCellIdIntoAPopulationWithoutSizeStopsJnml() throws IOException {
        List<String> failures = failures("<expOneSynapse id=\"s\"/>\n<network id=\"n\">\n<population id=\"p\""
                + " component=\"s\"/>\n<projection id=\"pr\" presynapticPopulation=\"p\" postsynapticPopulation="
                + "\"p\" synapse=\"s\">\n<connection id=\"0\" preCellId=\"../p[0]\" postCellId=\"../p[0]\"/>\n"
                + "</projection>\n</network>\n");
        assertEquals(List.of("jNeuroML's validator stops here: population p has no size for preCellId ../p[0] (a"
                + " NullPointerException in jNeuroML)"), failures);
    }

    @Test
    void connectionSegmentsMustExistOnCellsAndMalformedIdsStopJnml() throws IOException {
        String network = "<network id=\"n\"><population id=\"p\" component=\"c\" size=\"1\"/><projection id=\"pr\""
                + " presynapticPopulation=\"p\" postsynapticPopulation=\"p\" synapse=\"s\">";
        assertEquals(List.of("Test: 10050 (Segment id used in connection should exist in target cell) failed! ..."
                + " Segment id 5 in connection 0 of pr not present in target cell"), failures("<expOneSynapse id=\"s\"/>"
                        + cell(SEGMENTS, "") + network + "<connection id=\"0\" preCellId=\"../p/0/c\" postCellId="
                        + "\"../p/0/c\" preSegmentId=\"5\"/></projection></network>\n"));
        assertEquals(List.of("jNeuroML's validator stops here: cannot read postCellId '../p' of connection 0"
                + " (ArrayIndexOutOfBoundsException in jNeuroML)"), failures("<expOneSynapse id=\"s\"/>"
                        + cell(SEGMENTS, "") + network + "<connection id=\"0\" preCellId=\"../p/0/c\" postCellId="
                        + "\"../p\"/></projection></network>\n"));
    }

    /** Every file the upstream jNeuroML_validate targets name passes, as it does in NeuroML's CI. */
    @Test
    void theUpstreamValidateTargetsPass() throws IOException {
        Path examples = SharedFolder.file("upstream/NeuroML2/examples");
        Path morphologies = SharedFolder.file("upstream/NeuroML2/LEMSexamples/morphologies");
        JnmlValidation validation = JnmlValidation.withSchema(SharedFolder.file(
                "upstream/NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd"));
        List<Path> files;
        try (Stream<Path> a = Files.list(examples); Stream<Path> b = Files.list(morphologies)) {
            files = Stream.concat(a, b).filter(f -> f.toString().endsWith(".nml")).sorted().toList();
        }
        assertEquals(17 + 19, files.size());
        for (Path file : files) {
            assertEquals(List.of(), validation.validate(file).failures(), file.toString());
        }
    }

    @Test
    void aFileTheSchemaRejectsFailsAtItsLineWithoutFurtherTests() throws IOException {
        JnmlValidation validation = JnmlValidation.withSchema(SharedFolder.file(
                "upstream/NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd"));
        Path file = folder.resolve("bad.nml");
        Files.writeString(file, "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\" id=\"d\">\n"
                + "  <ionChannelHH id=\"leak\" conductanse=\"10pS\"/>\n</neuroml>\n");
        List<String> failures = validation.validate(file).failures();
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith(file + ":2:"), failures.get(0));
        assertTrue(failures.get(0).contains("not valid against the schema") && failures.get(0).contains("conductanse"),
                failures.get(0));
        assertEquals(List.of(folder.resolve("missing.nml") + ":0:0: File does not exist (jnml stops here)"),
                validation.validate(folder.resolve("missing.nml")).failures());
    }
}
