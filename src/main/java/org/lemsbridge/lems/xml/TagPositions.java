package org.lemsbridge.lems.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.error.TextLines;

/**
 * Where start tags begin. A StAX reader reports the position just past a start tag; when the document's text is
 * at hand, the position of the {@code <} that opens the tag is found from the reader's character offset, which
 * also holds for tags spanning several lines. Without the text, the reader's position is used as it is.
 */
public final class TagPositions {

    private final String text;
    private final TextLines lines;

    private TagPositions(String text) {
        this.text = text;
        this.lines = text == null ? null : TextLines.of(text);
    }

    public static TagPositions inText(String text) {
        return new TagPositions(text);
    }

    public static TagPositions asReported() {
        return new TagPositions(null);
    }

    /** The start of the element the reader stands on; the reader must report the element's own prefix. */
    public SourceLocation startOf(XMLStreamReader reader, String sourceName) {
        Location end = reader.getLocation();
        int offset = end == null ? -1 : end.getCharacterOffset();
        if (text == null || offset <= 0 || offset > text.length()) {
            return SecureStax.here(reader, sourceName);
        }
        String prefix = reader.getPrefix();
        String name = prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
        int open = text.lastIndexOf('<', offset - 1);
        while (open >= 0 && !opensElement(open, name)) {
            open = text.lastIndexOf('<', open - 1);
        }
        if (open < 0) {
            return SecureStax.here(reader, sourceName);
        }
        return lines.at(sourceName, open);
    }

    private boolean opensElement(int at, String name) {
        int end = at + 1 + name.length();
        return text.startsWith(name, at + 1) && end < text.length()
                && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '>' || text.charAt(end) == '/');
    }
}
