package org.lemsbridge.lems.write;

import java.util.List;

/**
 * The view model of an idiomatic NeuroML/LEMS document: a Target, Includes of the core type files and plain
 * elements (cells, inputs, a network, a Simulation) written with their own tags. Every name and value is decided
 * in Java; the template only prints.
 */
public final class NeuroMlView {

    private NeuroMlView() {
    }

    public record Document(String target, List<String> includes, List<Element> elements) {
        public Document {
            includes = List.copyOf(includes);
            elements = List.copyOf(elements);
        }
    }

    /** An element with attributes in order and nested elements. */
    public record Element(String tag, List<LemsView.Attribute> attributes, List<Element> children) {
        public Element {
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }
    }
}
