package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.lems.SecureXml;
import org.lemsbridge.lems.StaxTreeReader;
import org.lemsbridge.lems.XmlElement;
import org.lemsbridge.lems.xml.LemsSchema;
import org.lemsbridge.testing.SharedFolder;

/**
 * The renderer's LEMS for each seed experiment is valid against our schema and the official LEMS 0.7.6 one, and the
 * reader gives it exactly the plain StAX builder's tree.
 */
class RenderedSeedsXmlTest {

    private record Rendered(String seed, String xml) {
    }

    private static List<Rendered> renderedSeeds() {
        List<Rendered> rendered = new ArrayList<>();
        for (Path seed : List.of(Path.of("examples/izhikevich-tonic.yaml"), Path.of("examples/izhikevich-burst.yaml"))) {
            String xml = new ExperimentToLems().render(ExperimentReader.read(seed)).xml();
            rendered.add(new Rendered(seed.getFileName().toString(), xml));
        }
        return rendered;
    }

    @Test
    void theRenderedSeedsAreValid() {
        LemsSchema schema = LemsSchema.bundled();
        for (Rendered rendered : renderedSeeds()) {
            assertEquals(List.of(), schema.validate(rendered.xml(), rendered.seed()), rendered.seed());
        }
    }

    @Test
    void theRenderedSeedsAreAlsoValidAgainstTheOfficialSchema() {
        LemsSchema official = LemsSchema.load(SharedFolder.file("upstream/LEMS/Schemas/LEMS/LEMS_v0.7.6.xsd"));
        for (Rendered rendered : renderedSeeds()) {
            assertEquals(List.of(), official.validate(rendered.xml(), rendered.seed()), rendered.seed());
        }
    }

    @Test
    void renderedSeedsReadTheSameBothWays() {
        for (Rendered rendered : renderedSeeds()) {
            XmlElement expected = StaxTreeReader.read(rendered.xml(), rendered.seed());
            XmlElement actual = SecureXml.read(rendered.xml(), rendered.seed());
            assertEquals(expected, actual, rendered.seed());
            assertTrue(count(actual) > 20, "the rendered model has its elements");
        }
    }

    private static int count(XmlElement element) {
        int n = 1;
        for (XmlElement child : element.children()) {
            n += count(child);
        }
        return n;
    }
}
