package org.lemsbridge.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.SecureXml;
import org.lemsbridge.lems.XmlElement;

/**
 * The checks {@code jnml -validate} makes on a NeuroML file after its schema (jNeuroML's NeuroML2Validator, as of
 * org.neuroml.model 94d7b51): read with its {@code <include>}s (beside the including file; missing ones and ones
 * already read skipped), then no repeated top-level id, and per {@code <cell>} and {@code <network>} the numbered tests
 * that are failures (10000 ... 10070; its warnings do not fail a file and are not reported). Where jNeuroML itself
 * stops with an exception (a morphology attribute naming no morphology, a malformed cell id in a connection, a
 * {@code biophysicalProperties} without {@code intracellularProperties}), the file fails too, as {@code jnml} then
 * exits with 1.
 */
final class JnmlTests {

    /** One failed test: where and what, as jNeuroML numbers and words it. */
    record Failure(SourceLocation location, String message) {
        String line() {
            return location + ": " + message;
        }
    }

    private static final Set<String> NOT_STANDALONE = Set.of("include", "ComponentType", "notes", "property",
            "annotation");
    /** Deeper include chains are taken for a cycle, on which jNeuroML recurses until its stack overflows. */
    private static final int DEEPEST_INCLUDE = 100;

    private final List<Failure> failures = new ArrayList<>();
    private final List<XmlElement> standalones = new ArrayList<>();
    private final Set<String> standaloneIds = new LinkedHashSet<>();

    private JnmlTests() {
    }

    /** The failed tests of a file that is valid against NeuroML's schema (empty when jnml passes it). */
    static List<Failure> of(Path file) {
        JnmlTests tests = new JnmlTests();
        try {
            tests.run(file);
        } catch (JnmlStops stop) {
            tests.failures.add(new Failure(stop.location, "jNeuroML's validator stops here: " + stop.getMessage()));
        }
        return List.copyOf(tests.failures);
    }

    /** Where jNeuroML's validator would end with an exception instead of a verdict. */
    private static final class JnmlStops extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;

        JnmlStops(SourceLocation location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }

    private void run(Path file) {
        read(file, new LinkedHashSet<>(), 0);
        Map<String, XmlElement> byId = new LinkedHashMap<>();
        for (XmlElement standalone : standalones) {
            String id = standalone.attributeOr("id", null);
            XmlElement earlier = byId.putIfAbsent(id, standalone);
            if (earlier != null) {
                test(false, standalone, 5000, "No repeated Ids on elements at the top level", "Repeated top level"
                        + " (standalone element) Id: " + id + " (" + earlier.tag() + " at " + earlier.location()
                        + " and " + standalone.tag() + ")");
                return;
            }
        }
        standaloneIds.addAll(byId.keySet());
        Map<String, List<Integer>> segmentsOfCell = new HashMap<>();
        for (XmlElement cell : tagged("cell")) {
            segmentsOfCell.put(cell.attributeOr("id", null), cell(cell));
        }
        for (XmlElement network : tagged("network")) {
            network(network, segmentsOfCell);
        }
    }

    /** Reads a document and, first, what it includes, appending the top-level elements as jNeuroML does. */
    private void read(Path file, Set<Path> alreadyRead, int depth) {
        XmlElement root;
        try {
            root = SecureXml.read(file);
        } catch (BadInputException e) {
            if (depth == 0) {
                throw e;
            }
            throw new JnmlStops(e.location(), "cannot load the included NeuroML document: " + e.getMessage());
        }
        if (!root.tag().equals("neuroml")) {
            throw new JnmlStops(root.location(), "the included document's root is <" + root.tag()
                    + ">, not <neuroml>");
        }
        List<XmlElement> own = new ArrayList<>();
        List<XmlElement> included = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (child.tag().equals("include")) {
                Path sub = file.toAbsolutePath().getParent().resolve(child.attributeOr("href", ""));
                Path canonical = canonical(sub);
                if (canonical != null && Files.isRegularFile(canonical) && !alreadyRead.contains(canonical)) {
                    if (depth == DEEPEST_INCLUDE) {
                        throw new JnmlStops(child.location(), "includes nest more than " + DEEPEST_INCLUDE
                                + " deep (a cycle: jNeuroML's stack overflows)");
                    }
                    int before = standalones.size();
                    read(sub, alreadyRead, depth + 1);
                    included.addAll(standalones.subList(before, standalones.size()));
                    standalones.subList(before, standalones.size()).clear();
                }
            } else if (!NOT_STANDALONE.contains(child.tag())) {
                own.add(child);
            }
        }
        standalones.addAll(own);
        standalones.addAll(included);
        Path canonical = canonical(file);
        if (canonical != null) {
            alreadyRead.add(canonical);
        }
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private List<XmlElement> tagged(String tag) {
        return standalones.stream().filter(e -> e.tag().equals(tag)).toList();
    }

    private Optional<XmlElement> standalone(String tag, String id) {
        return standalones.stream().filter(e -> e.tag().equals(tag) && e.attributeOr("id", "").equals(id))
                .findFirst();
    }

    /** The segment ids of a cell's morphology (empty without one), after its tests. */
    private List<Integer> cell(XmlElement cell) {
        List<Integer> segmentIds = new ArrayList<>();
        XmlElement morphology = cell.children("morphology").stream().findFirst().orElse(null);
        if (morphology == null && cell.attributes().containsKey("morphology")) {
            String id = cell.attributeOr("morphology", "");
            morphology = standalone("morphology", id).orElseThrow(() -> new JnmlStops(cell.location(),
                    "Cannot find morphology: " + id + " specified as an attribute in cell: "
                            + cell.attributeOr("id", "")));
        }
        List<String> groups = new ArrayList<>();
        if (morphology != null) {
            int parentless = 0;
            for (XmlElement segment : morphology.children("segment")) {
                int id = integer(segment, "id", 0);
                test(!segmentIds.contains(id), segment, 10000, "No repeated segment Ids allowed within a cell",
                        "Current segment ID: " + id);
                segmentIds.add(id);
                if (segment.children("parent").isEmpty()) {
                    parentless++;
                }
            }
            test(parentless == 1, morphology, 10002, "Only one segment should have no parent", "");
            for (XmlElement group : morphology.children("segmentGroup")) {
                String id = group.attributeOr("id", null);
                test(!groups.contains(id), group, 10004, "No repeated segmentGroup Ids allowed within a cell",
                        "SegmentGroup: " + id);
                groups.add(id);
                for (XmlElement member : group.children("member")) {
                    int segment = integer(member, "segment", 0);
                    test(segmentIds.contains(segment), member, 10003,
                            "Segment Id used in the member element of segmentGroup should exist", "SegmentGroup: "
                                    + id + ", member: " + segment);
                }
            }
            for (XmlElement group : morphology.children("segmentGroup")) {
                groups.add(group.attributeOr("id", null));
                for (XmlElement include : group.children("include")) {
                    String included = include.attributeOr("segmentGroup", null);
                    test(groups.contains(included), include, 10005,
                            "Segment Group used in the include element of segmentGroup should exist", "SegmentGroup: "
                                    + group.attributeOr("id", null) + ", includes: " + included);
                }
            }
        }
        XmlElement properties = cell.children("biophysicalProperties").stream().findFirst()
                .or(() -> Optional.ofNullable(cell.attributeOr("biophysicalProperties", null))
                        .flatMap(id -> standalone("biophysicalProperties", id)))
                .orElse(null);
        if (properties != null) {
            biophysics(properties, groups);
        }
        return segmentIds;
    }

    private void biophysics(XmlElement properties, List<String> groups) {
        XmlElement membrane = properties.children("membraneProperties").stream().findFirst()
                .orElseThrow(() -> new JnmlStops(properties.location(), "biophysicalProperties "
                        + properties.attributeOr("id", "") + " has no membraneProperties"));
        for (XmlElement density : membrane.children()) {
            String tag = density.tag();
            boolean grouped = tag.equals("channelDensity") || tag.equals("channelDensityGHK")
                    || tag.equals("channelDensityNernst");
            if (grouped) {
                String group = density.attributeOr("segmentGroup", "all");
                test(groups.contains(group) || group.equals("all"), density, 10006,
                        "Segment Groups used in biophysicalProperties should exist", "ChannelDensity: "
                                + density.attributeOr("id", null) + " specifies: " + group + " which doesn't exist");
            }
            if (grouped || tag.equals("channelDensityNonUniform") || tag.equals("channelDensityNonUniformNernst")) {
                String channel = density.attributeOr("ionChannel", null);
                test(standaloneIds.contains(channel), density, 10025, "Ion channel in channelDensity should exist",
                        "Ion channel: " + channel + " in " + density.attributeOr("id", null) + " not found!");
            }
        }
        if (properties.children("intracellularProperties").isEmpty()) {
            throw new JnmlStops(properties.location(), "biophysicalProperties " + properties.attributeOr("id", "")
                    + " has no intracellularProperties (a NullPointerException in jNeuroML)");
        }
    }

    private void network(XmlElement network, Map<String, List<Integer>> segmentsOfCell) {
        List<String> elementIds = new ArrayList<>();
        Map<String, String> componentOf = new HashMap<>();
        Map<String, Integer> sizeOf = new HashMap<>();
        List<String> populations = new ArrayList<>();
        for (XmlElement population : network.children("population")) {
            String id = population.attributeOr("id", null);
            populations.add(id);
            elementIds.add(id);
            String component = population.attributeOr("component", null);
            componentOf.put(id, component);
            Integer size = population.attributes().containsKey("size") ? integer(population, "size", 0) : null;
            sizeOf.put(id, size);
            if ("populationList".equals(population.attributeOr("type", null)) && size != null) {
                int instances = population.children("instance").size();
                test(instances == size, population, 10030, "Size attribute in population should match instance"
                        + " number", "Size of population " + id + " is specified as " + size + ", but there are "
                                + instances + " instance elements");
            }
            test(standaloneIds.contains(component), population, 10020, "Component in population should exist",
                    "Component: " + component + " in " + id + " not found! Existing: " + standaloneIds);
        }
        for (XmlElement projection : network.children("projection")) {
            String id = projection.attributeOr("id", null);
            elementIds.add(id);
            String pre = projection.attributeOr("presynapticPopulation", null);
            String post = projection.attributeOr("postsynapticPopulation", null);
            populationsExist(projection, id, pre, post, populations);
            String synapse = projection.attributeOr("synapse", null);
            test(standaloneIds.contains(synapse), projection, 10070, "Synapse referred to in a projection should"
                    + " exist", "Synapse: " + synapse + " in " + id + " not found!");
            List<Integer> preSegments = segmentsOfCell.get(componentOf.get(pre));
            List<Integer> postSegments = segmentsOfCell.get(componentOf.get(post));
            for (XmlElement connection : projection.children("connection")) {
                cellId(connection, "preCellId", id, pre, componentOf, sizeOf);
                cellId(connection, "postCellId", id, post, componentOf, sizeOf);
                segmentExists(connection, "preSegmentId", id, preSegments);
                segmentExists(connection, "postSegmentId", id, postSegments);
            }
        }
        for (XmlElement projection : network.children("electricalProjection")) {
            String id = projection.attributeOr("id", null);
            elementIds.add(id);
            populationsExist(projection, id, projection.attributeOr("presynapticPopulation", null),
                    projection.attributeOr("postsynapticPopulation", null), populations);
            for (XmlElement connection : projection.children("electricalConnection")) {
                String synapse = connection.attributeOr("synapse", null);
                test(standaloneIds.contains(synapse), connection, 10070, "Synapse referred to in a projection"
                        + " should exist", "Synapse: " + synapse + " in " + id + " not found!");
            }
        }
        for (String tag : List.of("continuousProjection", "inputList")) {
            network.children(tag).forEach(e -> elementIds.add(e.attributeOr("id", null)));
        }
        Set<String> seen = new HashSet<>();
        for (String id : elementIds) {
            test(seen.add(id), network, 5001, "No repeated Ids on elements inside <network>",
                    "Repeated id in network elements: " + id + "!");
        }
    }

    private void populationsExist(XmlElement projection, String id, String pre, String post, List<String> populations) {
        test(populations.contains(pre), projection, 10040, "Population ids in projections should exist",
                "Pre population id: " + pre + " in projection " + id + " not found");
        test(populations.contains(post), projection, 10040, "Population ids in projections should exist",
                "Post population id: " + post + " in projection " + id + " not found");
    }

    /** Test 10060: {@code ../pop/i/component} or {@code ../pop[i]}, with i below the population's size. */
    private void cellId(XmlElement connection, String attribute, String projection, String population,
            Map<String, String> componentOf, Map<String, Integer> sizeOf) {
        String cellId = connection.attributeOr(attribute, "");
        Integer size = sizeOf.get(population);
        String max = size != null ? Integer.toString(size - 1) : "N";
        boolean wellFormed;
        String form;
        try {
            if (!cellId.contains("[")) {
                String[] parts = cellId.split("/");
                wellFormed = parts[0].equals("..") && parts[1].equals(population)
                        && (size == null || Integer.parseInt(parts[2]) < size)
                        && parts[3].equals(componentOf.get(population));
                form = "should be of form: ../" + population + "/0/" + componentOf.get(population) + " -> ../"
                        + population + "/" + max + "/" + componentOf.get(population);
            } else {
                String[] parts = cellId.split("/");
                String[] name = parts[1].split("\\[");
                String index = name[1].split("\\]")[0];
                if (parts[0].equals("..") && name[0].equals(population) && size == null) {
                    throw new JnmlStops(connection.location(), "population " + population + " has no size for "
                            + attribute + " " + cellId + " (a NullPointerException in jNeuroML)");
                }
                wellFormed = parts[0].equals("..") && name[0].equals(population) && Integer.parseInt(index) < size;
                form = "should be of form: ../" + population + "[0] -> ../" + population + "[" + max + "]";
            }
        } catch (RuntimeException e) {
            if (e instanceof JnmlStops stops) {
                throw stops;
            }
            throw new JnmlStops(connection.location(), "cannot read " + attribute + " '" + cellId + "' of connection "
                    + connection.attributeOr("id", "") + " (" + e.getClass().getSimpleName() + " in jNeuroML)");
        }
        test(wellFormed, connection, 10060, "Pre/post cell id in connection should be correctly formatted",
                "Badly formatted Cell Id attribute in connection " + connection.attributeOr("id", null) + " of "
                        + projection + ": " + cellId + "; " + form);
    }

    private void segmentExists(XmlElement connection, String attribute, String projection, List<Integer> segments) {
        if (segments != null) {
            int segment = integer(connection, attribute, 0);
            test(segments.contains(segment), connection, 10050, "Segment id used in connection should exist in target"
                    + " cell", "Segment id " + segment + " in connection " + connection.attributeOr("id", null)
                            + " of " + projection + " not present in target cell");
        }
    }

    private static int integer(XmlElement element, String attribute, int fallback) {
        String text = element.attributeOr(attribute, null);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new JnmlStops(element.location(), attribute + " '" + text + "' is not an integer");
        }
    }

    private void test(boolean passed, XmlElement where, int number, String description, String info) {
        if (!passed) {
            failures.add(new Failure(where.location(), "Test: " + number + " (" + description + ") failed! ... "
                    + info));
        }
    }
}
