package org.lemsbridge.lems.jaxb;

import java.util.List;

/**
 * A document as read: the root element's local name, its bound content, and every start tag in document order
 * (the root's first), which gives the position and attribute order of each element of the tree.
 */
public record ParsedDocument(String rootName, LemsDocument root, List<StartTag> startTags) {

    public ParsedDocument {
        startTags = List.copyOf(startTags);
    }
}
